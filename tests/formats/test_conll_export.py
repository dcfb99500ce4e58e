"""CoNLL written so that seqeval takes it and a re-import gives back what went out;
what cannot be carried is named in the loss report."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import DocLabel, DocumentRecord, Relation, Span
from annotator.formats import conll
from annotator.formats.selection import ExportOptions
from annotator.formats.tokens import BY_CHARACTER, make_doc
from tests.formats.test_conll_real import export_records, read_file, spans_of, written_sentences


def record(text: str, *spans: tuple[str, str], meta: dict | None = None, **extra: object,
           ) -> DocumentRecord:
    made = []
    for phrase, label in spans:
        start = text.index(phrase)
        made.append(Span(start=start, end=start + len(phrase), label=label, text=phrase,
                         coder="alice"))
    return DocumentRecord(text=text, spans=tuple(made), meta=meta or {}, **extra)  # type: ignore[arg-type]


def strict_iob2(out: Path) -> list[tuple[str, str]]:
    """The export's entities as (label, words), after seqeval's strict IOB2 check."""
    from seqeval.metrics.sequence_labeling import get_entities
    from seqeval.scheme import IOB2, Entities

    sentences = written_sentences(out)
    tags = [[tag for _w, tag in s] for s in sentences]
    Entities(tags, IOB2)  # raises on any tag that breaks IOB2
    found = []
    for sentence, sentence_tags in zip(sentences, tags, strict=True):
        for label, a, b in get_entities(sentence_tags):
            found.append((label, " ".join(w for w, _t in sentence[a:b + 1])))
    return found


def test_a_span_across_a_sentence_the_tokeniser_found_is_not_split(tmp_path: Path) -> None:
    text = "Rockets hit Camp Victory. Baghdad Airport was closed. Nobody was hurt."
    doc = record(text, ("Victory. Baghdad Airport", "location"), ("Nobody", "casualty"))
    out = tmp_path / "out.conll"
    context = export_records([doc], out)
    assert strict_iob2(out) == [("location", "Victory . Baghdad Airport"),
                                ("casualty", "Nobody")]
    assert len(written_sentences(out)) == 2  # the first two written as one
    assert context.notices.counts[conll.JOINED] == 1
    [again] = read_file(out, "conll")
    assert [(s.label, s.text) for s in again.record.spans] == [
        ("location", "Victory . Baghdad Airport"), ("casualty", "Nobody")]


def test_kept_sentences_are_written_as_they_came(tmp_path: Path) -> None:
    source = tmp_path / "in.conll"
    # No full stops: a sentencizer would find one sentence, the file has three.
    source.write_text("Gunmen B-actor\nattacked O\n\nKidal B-location\n\nnobody O\ndied O\n",
                      encoding="utf-8")
    [read] = read_file(source)
    assert read.record.text == "Gunmen attacked\nKidal\nnobody died"
    out = tmp_path / "out.conll"
    assert not export_records([read.record], out).losses
    assert [[w for w, _t in s] for s in written_sentences(out)] == [
        ["Gunmen", "attacked"], ["Kidal"], ["nobody", "died"]]


@pytest.mark.parametrize(("label", "written"), [
    ("armed group", "armed_group"), ("armed\tgroup", "armed_group"), ("a\nb", "a_b")])
def test_labels_with_white_space_are_written_with_an_underscore_and_reported(
        tmp_path: Path, label: str, written: str) -> None:
    doc = record("Gunmen attacked Kidal", ("Gunmen", label))
    out = tmp_path / "out.conll"
    context = export_records([doc], out)
    assert strict_iob2(out) == [(written, "Gunmen")]
    assert context.losses.counts[conll.LABEL_SPACES] == 1
    [again] = read_file(out, "conll")
    assert [s.label for s in again.record.spans] == [written]


def test_what_conll_cannot_carry_is_reported_by_kind_and_count(tmp_path: Path) -> None:
    text = "Gunmen from the north attacked Kidal"
    gunmen = Span(start=0, end=6, label="actor", text="Gunmen", coder="alice")
    kidal = Span(start=31, end=36, label="location", text="Kidal", coder="alice")
    split = Span(start=0, end=21, label="actor", text=text[:21], coder="alice",
                 fragments=((0, 6), (16, 21)))
    doc = DocumentRecord(text=text, spans=(gunmen, kidal, split), relations=(
        Relation(head=gunmen.uid, tail=kidal.uid, label="attacked", coder="alice"),),
        doc_labels=(DocLabel(name="relevant", value=True, coder="alice"),))
    from annotator.core.model import CodedDocument, Document

    coded = CodedDocument(Document(id=1, uid="d1", title="", text=text), spans=list(doc.spans),
                          relations=list(doc.relations), doc_labels=list(doc.doc_labels))
    from annotator.formats.exporting import ExportContext
    from annotator.formats.losses import LossReport

    context = ExportContext(ExportOptions(), LossReport(), ())
    conll.write(lambda: iter([coded]), tmp_path / "out.conll", context)
    kinds = {kind.split(" (")[0]: count for kind, count in context.losses.counts.items()}
    assert kinds == {"discontinuous spans written as one stretch, gaps included": 1,
                     "overlapping span left out of IOB tags": 1,  # the hull covers Gunmen
                     "relations": 1, "document labels": 1,
                     "document ids": 1}  # "d1": a re-import names it by its text


def test_text_spacing_a_reimport_would_not_give_back_is_a_loss(tmp_path: Path) -> None:
    doc = record("Shelling  hit al-Assad airbase.", ("al-Assad airbase", "location"))
    out = tmp_path / "out.conll"
    context = export_records([doc], out)
    assert list(context.losses.counts) == [conll.SPACING]
    assert "comes back as" in context.losses.examples[conll.SPACING]
    [again] = read_file(out, "conll")
    assert again.record.text == "Shelling hit al - Assad airbase ."
    # and nothing is lost where the text is tokens apart by one space
    plain = record("Shelling hit Kidal", ("Kidal", "location"))
    assert not export_records([plain], tmp_path / "plain.conll").losses


# -- languages written without spaces ---------------------------------------------------------

CHINESE = "昨天武装分子袭击了基达尔。三名士兵受伤。"


def test_chinese_is_exported_a_character_a_line_and_keeps_its_spans(tmp_path: Path) -> None:
    doc = record(CHINESE, ("武装分子", "actor"), ("基达尔", "location"), ("三名士兵", "casualty"))
    out = tmp_path / "out.conll"
    context = export_records([doc], out)
    # Two sentences: a re-import puts a line break between them, and the report says so.
    assert list(context.losses.counts) == [conll.SPACING]
    assert context.notices.counts[BY_CHARACTER] == 1
    rows = [row for s in written_sentences(out) for row in s]
    assert [w for w, _t in rows] == list(CHINESE)
    assert strict_iob2(out) == [("actor", "武 装 分 子"), ("location", "基 达 尔"),
                                ("casualty", "三 名 士 兵")]
    [again] = read_file(out, "conll")
    assert again.record.text == "昨天武装分子袭击了基达尔。\n三名士兵受伤。"  # a sentence a line
    assert [(s.label, s.text) for s in again.record.spans] == [
        ("actor", "武装分子"), ("location", "基达尔"), ("casualty", "三名士兵")]
    one = record("武装分子袭击了基达尔。", ("基达尔", "location"))
    assert not export_records([one], tmp_path / "one.conll").losses  # comes back as it was


def test_an_explicit_language_still_overrides_the_script(tmp_path: Path) -> None:
    doc = record(CHINESE, ("基达尔", "location"))
    out = tmp_path / "out.conll"
    context = export_records([doc], out, ExportOptions(lang="en"))
    # English tokens: a run without spaces is one token, so the span grows to it.
    assert strict_iob2(out) == [("location", "昨天武装分子袭击了基达尔。三名士兵受伤")]
    assert "span moved to token boundaries (--align expand)" in context.losses.counts


@pytest.mark.parametrize(("text", "meta", "tokens"), [
    ("Kidal 基达尔", {"lang": "zh-CN"}, ["K", "i", "d", "a", "l", "基", "达", "尔"]),
    ("Kidal, Gao", {"language": "fr"}, ["Kidal", ",", "Gao"]),
    ("กรุงเทพ", {}, ["ก", "ร", "ุ", "ง", "เ", "ท", "พ"]),
    ("Shelling hit Gao.", {}, ["Shelling", "hit", "Gao", "."]),
])
def test_the_tokeniser_follows_the_documents_language_or_script(
        text: str, meta: dict, tokens: list[str]) -> None:
    assert [t.text for t in make_doc(text, "auto", meta=meta)] == tokens


def test_the_cli_exports_with_each_documents_tokeniser_by_default(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from annotator.cli import cli
    from tests.formats.conftest import build

    corpus = build(tmp_path / "c.sqlite", [
        {"id": "zh", "text": CHINESE, "spans": [{"start": 9, "end": 12, "label": "location"}]},
        {"id": "en", "text": "Shelling hit Gao.", "spans": [{"start": 13, "end": 16,
                                                                "label": "location"}]}])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", "prodigy", "-o",
                                      str(out)])
    assert result.exit_code == 0, result.output
    import json

    chinese, english = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert [t["text"] for t in chinese["tokens"]] == list(CHINESE)
    assert [(s["token_start"], s["token_end"]) for s in chinese["spans"]] == [(9, 11)]
    assert [t["text"] for t in english["tokens"]] == ["Shelling", "hit", "Gao", "."]


# -- round trip, property-based ---------------------------------------------------------------

WORDS = st.sampled_from(["Gunmen", "attacked", "Kidal", "al-Assad", "'s", "U.S.", "قصف",
                         "Genève", "👩‍👩‍👧", ",", "New York"])
CJK = st.sampled_from(list("武装分子袭击了基达尔，。"))


@st.composite
def conll_files(draw: st.DrawFn) -> tuple[str, list[list[str]]]:
    """A CoNLL file of a few sentences in BIOES, and its sentences of tokens."""
    chars = draw(st.booleans())
    sentences, lines = [], []
    for _ in range(draw(st.integers(1, 4))):
        tokens = draw(st.lists(CJK if chars else WORDS, min_size=1, max_size=8))
        tags = ["O"] * len(tokens)
        start = draw(st.integers(0, len(tokens) - 1))
        end = draw(st.integers(start + 1, len(tokens)))
        label = draw(st.sampled_from(["actor", "location", "GPE"]))
        if draw(st.booleans()):
            if end - start == 1:
                tags[start] = f"S-{label}"
            else:
                tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 2) + [
                    f"E-{label}"]
        sentences.append(tokens)
        lines += [f"{t}\t{tag}" for t, tag in zip(tokens, tags, strict=True)] + [""]
    return "\n".join(lines), sentences


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(conll_files())
def test_any_conll_file_read_written_and_read_again_is_the_same(
        tmp_path: Path, made: tuple[str, list[list[str]]]) -> None:
    content, sentences = made
    source = tmp_path / "in.conll"
    source.write_text(content, encoding="utf-8")
    [first] = read_file(source)
    assert len(first.record.text.split("\n")) == len(sentences)
    out = tmp_path / "out.conll"
    context = export_records([first.record], out)
    [again] = read_file(out, "conll")
    assert again.record.text == first.record.text
    assert spans_of(again.record) == spans_of(first.record)
    strict_iob2(out)
    # Only the two changes CoNLL forces are made, and said
    assert set(context.losses.counts) <= {
        "token that CoNLL readers take for a document break changed"}
    assert set(context.notices.counts) <= {conll.SPLIT_TOKEN}
