"""Hostile and malformed input: each bad document refused with file, line and reason,
every good one beside it imported, never a traceback, a hang or a silent change.

The sample files are in tests/data/hostile/import-* (see the README there).
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core.text import Damage, decode
from annotator.formats.base import ReadItem, ReadOptions
from annotator.formats.importing import BATCH_SIZE, import_paths
from annotator.formats.registry import format_for
from annotator.storage.corpus import Corpus

HOSTILE = Path(__file__).parent.parent / "data" / "hostile"


def run_import(corpus: Path, *paths: Path, options: tuple[str, ...] = ()) -> Result:
    """``annotator import`` through click; it must end by exiting, never by raising."""
    result = CliRunner().invoke(cli, ["import", *options, str(corpus), *map(str, paths)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def texts(corpus: Path) -> dict[str, str]:
    """uid -> text of every stored document."""
    with Corpus.open(corpus) as opened:
        return {doc.uid: doc.text for doc in map(opened.document, opened.document_ids())}


def rejected_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("rejected: ")]


# -- 1. encoding -----------------------------------------------------------------------


def test_one_bad_byte_leaves_a_utf8_file_utf8_and_names_the_line() -> None:
    data = "Café in Genève\nline two\n".encode() + b"bad \xff byte\n" + "Später\n".encode()
    decoded = decode(data)
    assert (decoded.encoding, decoded.guessed) == ("utf-8", False)
    assert decoded.damaged == (Damage(3, 1),)
    assert decoded.text.startswith("Café in Genève\n")  # not "CafÃ©", as the old guess gave


def test_a_legacy_file_is_guessed_and_said_to_be_a_guess(tmp_path: Path) -> None:
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, HOSTILE / "import-cp1252.txt")
    assert result.exit_code == 0
    assert "decoded as cp1252 (not UTF-8; the encoding is a guess" in result.output
    assert list(texts(corpus).values()) == ["Café attack – “five” hurt in Genève."]


def test_a_txt_article_with_a_bad_byte_is_refused_naming_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_bytes((HOSTILE / "import-bad-byte.txt").read_bytes())
    (folder / "good.txt").write_text("Clashes in Gao; the café owner was hurt.", encoding="utf-8")
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, folder)
    assert result.exit_code == 1
    assert "1 added, 0 skipped as duplicates, 1 rejected" in result.output
    assert rejected_lines(result.output) == [
        f"rejected: {folder / 'bad.txt'}:3: has 1 byte that is not UTF-8 (line 3: 1); refused "
        "rather than stored with U+FFFD in their place; fix those bytes and import again"]
    assert list(texts(corpus).values()) == ["Clashes in Gao; the café owner was hurt."]


@pytest.mark.parametrize(("name", "bad_line", "good"), [
    ("import-bad-byte.jsonl", 2, ["Clashes in Gao: two dead, the café owner said.",
                                 "Shelling near Kidal; no casualties reported."]),
    ("import-bad-byte.csv", 3, ["Clashes in Gao: two dead at the café.",
                                "Calm in Mopti; the café reopened."]),
])
def test_a_line_with_bad_bytes_refuses_only_its_document(tmp_path: Path, name: str,
                                                         bad_line: int, good: list[str]) -> None:
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, HOSTILE / name)
    assert result.exit_code == 1
    [line] = rejected_lines(result.output)
    assert line.startswith(f"rejected: {HOSTILE / name}:{bad_line}: has 2 bytes that are not "
                           "UTF-8")
    assert "decoded as" not in result.output  # nothing guessed: the file is UTF-8
    assert sorted(texts(corpus).values()) == sorted(good)  # "café", not "cafÃ©"


def test_bad_bytes_in_a_json_list_refuse_the_item_they_are_in(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    items = [{"text": f"Report {n}: the café was shelled."} for n in range(3)]
    raw = json.dumps(items, indent=1, ensure_ascii=False).encode()
    raw = raw.replace(b"Report 1:", b"Report \xff1:")
    path.write_bytes(raw)
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [path])
        stored = sorted(corpus.document(i).text for i in corpus.document_ids())
    [problem] = summary.rejected
    assert problem.line == raw[: raw.index(b"\xff")].count(b"\n") + 1
    assert problem.reason.startswith("has 1 byte that is not UTF-8")
    assert stored == ["Report 0: the café was shelled.", "Report 2: the café was shelled."]


def test_a_conll_document_with_bad_bytes_is_refused_and_the_next_one_read(tmp_path: Path) -> None:
    path = tmp_path / "ner.conll"
    path.write_bytes(b"-DOCSTART- -X- O O\n\nCaf\xe9 B-location\nhit O\n\n"
                     + "-DOCSTART- -X- O O\n\nGenève B-location\nquiet O\n".encode())
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [path])
        [doc_id] = corpus.document_ids()
        assert corpus.document(doc_id).text == "Genève quiet"
    [problem] = summary.rejected
    assert (problem.line, problem.reason.split(";")[0]) == (
        3, "has 1 byte that is not UTF-8 (line 3: 1)")


# -- 2. values that used to raise --------------------------------------------------------


@pytest.mark.parametrize(("name", "added", "expected"), [
    ("import-deep-nesting.jsonl", 2, {2: "not valid JSON for annotator (nested too deeply to "
                                         "read)"}),
    ("import-deep-nesting.json", 0, {1: "nested too deeply to read"}),
    ("import-long-number.jsonl", 2, {2: "a number has more than 4,300 digits"}),
    ("import-lone-surrogate.jsonl", 3, {
        2: "text contains an unpaired surrogate (U+D800 at character 9)",
        3: "span 1 label contains an unpaired surrogate",
        4: "id contains an unpaired surrogate",
        5: "title contains an unpaired surrogate",
        6: "span 1 attrs['note'] contains an unpaired surrogate",
        7: "a key in meta contains an unpaired surrogate"}),
    ("import-event-values.jsonl", 3, {
        2: "event 1: date_precision inf is not one of 1, 2, 3",
        3: "event 1: date_precision [1] is not one of 1, 2, 3",
        4: "event 1: date_precision True is not one of 1, 2, 3",
        5: "event 1: date_precision 0 is not one of 1, 2, 3",
        6: '"event 1 type" must be a string',
        7: '"event 1 member role" must be a string'}),
    ("import-bool-offsets.jsonl", 2, {
        2: "offsets must be whole numbers, not 0-True",
        3: "offsets must be whole numbers, not False-3",
        4: "offsets must be whole numbers, not 0-3.0",
        5: "offsets must be whole numbers, not '0'-3"}),
    ("import-nan.jsonl", 2, {2: "meta['score'] is nan, which is not a number JSON can hold",
                             3: "meta['score'] is inf"}),
    ("import-field-types.jsonl", 2, {2: '"id" must be a string', 3: '"title" must be a string',
                                     4: '"span 1 coder" must be a string',
                                     5: '"meta" must be an object', 6: 'has no "text"'}),
    ("import-doccano-shapes.jsonl", 2, {2: '"label" must be a list, not 5',
                                        3: '"entities" must be a list',
                                        4: '"relations" must be a list',
                                        5: "offsets must be whole numbers, not 0-True"}),
    ("import-prodigy-shapes.jsonl", 2, {2: "\"answer\" ['accept'] is not accept",
                                        3: '"spans" must be a list, not 7'}),
    ("import-labelstudio-shapes.json", 2, {8: '"annotations" must be a list of objects',
                                           17: '"result" must be a list of objects',
                                           27: 'a result "value" must be an object',
                                           44: '"labels" must be a list'}),
    ("import-conll-bad-line.conll", 2, {8: "has a token but no tag: 'lonely'"}),
    ("import-spacy-v2-shapes.json", 2, {
        32: 'document 2 is not spaCy v2 JSON: "paragraphs" must be a list of objects',
        36: "token 'in' is not in its paragraph's raw text",
        62: '"paragraphs" must be a list of objects',
        68: '"orth" must be a string'}),
])
def test_bad_values_refuse_their_document_with_the_line(tmp_path: Path, name: str, added: int,
                                                         expected: dict[int, str]) -> None:
    path = HOSTILE / name
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, path)
    assert result.exit_code == 1
    assert result.output.startswith(f"{added} added, 0 skipped as duplicates, "
                                    f"{len(expected)} rejected")
    found = rejected_lines(result.output)
    assert len(found) == len(expected), found
    for line, (number, reason) in zip(found, sorted(expected.items()), strict=True):
        assert line.startswith(f"rejected: {path}:{number}: "), line
        assert reason in line, line
    assert len(texts(corpus)) == added


def test_json_too_deep_for_any_reader_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    for fmt in ("spacy", "labelstudio", "doccano", "prodigy", "jsonl"):
        result = run_import(tmp_path / f"{fmt}.sqlite", path, options=("--format", fmt))
        assert result.exit_code == 1
        [line] = rejected_lines(result.output)
        assert line.startswith(f"rejected: {path}"), fmt
        assert line.endswith("not valid JSON for annotator (nested too deeply to read)"), fmt


def test_event_values_that_make_sense_are_kept(tmp_path: Path) -> None:
    corpus = tmp_path / "c.sqlite"
    run_import(corpus, HOSTILE / "import-event-values.jsonl")
    with Corpus.open(corpus) as opened:
        [doc_id] = [i for i in opened.document_ids() if opened.document(i).uid == "e-ok"]
        [event] = opened.events(doc_id)
    assert event.date_precision == 2


def test_one_lone_surrogate_does_not_cost_its_batch(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    lines = [json.dumps({"id": f"d{n}", "text": f"Report {n}: shelling in Homs."})
             for n in range(BATCH_SIZE + 100)]
    lines[250] = '{"id": "bad", "text": "Report \\udc80 broken."}'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, path)
    assert result.exit_code == 1
    assert result.output.startswith(f"{BATCH_SIZE + 99} added, 0 skipped as duplicates, "
                                    "1 rejected")
    assert rejected_lines(result.output) == [
        f"rejected: {path}:251: text contains an unpaired surrogate (U+DC80 at character 8), "
        "which is not text and cannot be stored"]
    assert len(texts(corpus)) == BATCH_SIZE + 99


def test_metadata_nested_deeper_than_storing_allows_is_refused(tmp_path: Path) -> None:
    # Deep enough to pass json.loads, which json.dumps in a deeper stack might not.
    path = tmp_path / "deep-meta.jsonl"
    deep = "[" * 900 + "]" * 900
    path.write_text('{"text": "fine"}\n{"text": "deep", "meta": {"x": ' + deep + "}}\n",
                    encoding="utf-8")
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [path])
        assert corpus.document_count() == 1
    [problem] = summary.rejected
    assert (problem.line, problem.reason) == (2, "meta is nested more than 100 levels deep")


def test_a_file_name_that_is_not_utf8_is_kept_readably(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = Path(os.fsdecode(os.fsencode(folder) + b"/r\xe9port.txt"))  # Latin-1 on a UTF-8 disk
    path.write_text("Shelling near Kidal.", encoding="utf-8")
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, folder)
    assert result.exit_code == 0
    assert "its name is not UTF-8; kept as 'r\\\\xe9port.txt'" in result.output
    with Corpus.open(corpus) as opened:
        [doc_id] = opened.document_ids()
        assert opened.document(doc_id).meta["file"] == "r\\xe9port.txt"


# -- 5. binary junk, whatever its name ------------------------------------------------------


JUNK_SUFFIXES = (".jsonl", ".json", ".txt", ".csv", ".conll", ".tsv", ".ann", ".spacy")


def _junk(seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [bytes(rng.randrange(256) for _ in range(2000)),  # looks binary
            bytes(rng.randrange(128, 256) for _ in range(2000)),  # no control bytes
            b"{" + bytes(rng.randrange(32, 256) for _ in range(2000)),  # JSON-looking
            b"[" * 3000 + bytes(rng.randrange(256) for _ in range(100)),  # deep, then junk
            b"T1\tactor 0 " + bytes(rng.randrange(32, 127) for _ in range(500))]  # brat-looking


@pytest.mark.parametrize("seed", [1, 2])
def test_binary_junk_under_any_name_is_refused_cleanly(tmp_path: Path, seed: int) -> None:
    folder = tmp_path / "junk"
    folder.mkdir()
    for number, data in enumerate(_junk(seed)):
        for suffix in JUNK_SUFFIXES:
            path = folder / f"junk-{number}{suffix}"
            path.write_bytes(data)
            format_for(path, "auto")  # telling the format by content never raises
    (folder / "text-0.txt").write_bytes(_junk(seed)[1])
    (folder / "text-0.ann").write_bytes(_junk(seed)[4])  # a brat pair, both junk
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, folder)
    assert result.exit_code == 1
    assert result.output.startswith("0 added")
    assert "could not be read to the end" not in result.output  # no reader failed unforeseen
    # Every file is named; a .txt and the .ann beside it are one brat document.
    def document(path: Path) -> tuple[str, str]:
        return path.stem, "brat" if path.suffix in (".txt", ".ann") else path.suffix

    named = {document(Path(line.split(": ")[1].split(":")[0]))
             for line in rejected_lines(result.output)}
    assert named == set(map(document, folder.iterdir()))


def test_every_import_sample_is_imported_or_refused_cleanly(tmp_path: Path) -> None:
    samples = sorted(HOSTILE.glob("import-*"))
    assert len(samples) >= 30
    for number, path in enumerate(samples):
        result = run_import(tmp_path / f"c{number}.sqlite", path)
        assert result.exit_code in (0, 1), (path, result.output)
        assert "could not be read to the end" not in result.output, result.output


def test_a_reader_failing_unforeseen_costs_only_the_rest_of_its_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.formats import registry

    def breaks(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        yield from original(path, options)
        if path.name == "first.txt":
            raise RuntimeError("a bug nobody foresaw")

    original = registry.READERS["txt"]
    monkeypatch.setitem(registry.READERS, "txt", breaks)
    (tmp_path / "first.txt").write_text("First report.", encoding="utf-8")
    (tmp_path / "second.txt").write_text("Second report.", encoding="utf-8")
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [tmp_path / "first.txt", tmp_path / "second.txt"])
        assert sorted(corpus.document(i).text for i in corpus.document_ids()) == [
            "First report.", "Second report."]
    [problem] = summary.rejected
    assert str(problem) == (f"{tmp_path / 'first.txt'}: could not be read to the end "
                            "(RuntimeError: 'a bug nobody foresaw'); documents before this "
                            "were read")


def test_a_brat_ann_with_windows_line_ends_is_read(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Rockets hit Gao.", encoding="utf-8")
    (tmp_path / "doc.ann").write_bytes(b"T1\tlocation 12 15\tGao\r\nA1\tprecision T1 1\r\n")
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [tmp_path / "doc.ann"])
        assert summary.ok, summary.lines()
        [doc_id] = corpus.document_ids()
        [span] = corpus.spans(doc_id)
    assert (span.text, dict(span.attrs)) == ("Gao", {"precision": 1})


def test_doccano_1x_annotations_with_label_ids_are_imported_and_said(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from annotator.cli import cli

    source = tmp_path / "old.jsonl"
    source.write_text(
        '{"text": "Kirkuk was shelled.", "annotations": [{"label": 2, "start_offset": 0, '
        '"end_offset": 6, "user": 1}]}\n{"text": "Mosul fell.", "label": [[0, 5, 1]]}\n',
        encoding="utf-8")
    corpus = tmp_path / "c.sqlite"
    result = CliRunner().invoke(cli, ["import", str(corpus), str(source)])
    assert result.exit_code == 0, result.output
    assert "labels given by number (2) kept as label names" in result.output
    with Corpus.open(corpus) as opened:
        assert sorted((s.text, s.label) for d in opened.document_ids()
                      for s in opened.spans(d)) == [("Kirkuk", "2"), ("Mosul", "1")]
