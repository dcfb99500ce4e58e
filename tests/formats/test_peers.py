"""Real files written by other annotation tools, quirks and all (../shared/data/peers/SOURCES.md)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from annotator.formats.base import ReadOptions
from annotator.formats.importing import ImportSummary, import_paths
from annotator.formats.registry import format_for
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.conftest import PEERS

pytestmark = pytest.mark.skipif(
    not PEERS.exists(), reason=f"{PEERS} is absent: real files from other tools are kept beside "
    "the repository (set ANNOTATOR_SHARED_DATA to their folder)")


def load(tmp_path: Path, *paths: Path, fmt: str = "auto",
         name: str = "peers") -> tuple[ImportSummary, list]:
    with Corpus.open(tmp_path / f"{name}.sqlite") as corpus:
        summary = import_paths(corpus, list(paths), fmt=fmt, options=ReadOptions(coder="alice"))
        documents = list(iter_documents(corpus))
    return summary, documents


def labelled(documents: list) -> list[tuple[str, str]]:
    return sorted((s.label, s.text) for d in documents for s in d.spans)


@pytest.mark.parametrize(("name", "expected"), [
    ("brat/tutorial-news/000-introduction.ann", "brat"),
    ("brat/tutorial-news/000-introduction.txt", "brat"),
    ("doccano/doccano_docs_tutorial_sequence_labeling_for_books.json", "doccano"),
    ("doccano/doccano_relation_extraction_export_example.jsonl", "doccano"),
    ("doccano/entomosci_sequence_labeling_sample.jsonl", "doccano"),
    ("label-studio/grascco_label-studio_export_first5tasks.json", "labelstudio"),
    ("prodigy/explosion-projects_ner_tweets_demo.jsonl", "prodigy"),
    ("prodigy/prodigy-recipes_annotated_news_headlines_first30.jsonl", "prodigy"),
    ("spacy/spacy_ner-token-per-line.json", "spacy"),
    ("conll/spacy_ner-token-per-line.iob", "conll"),
    ("conll/flair_germeval14_NER-de-train.tsv", "conll"),
])
def test_formats_are_told_by_extension_and_content(name: str, expected: str) -> None:
    assert format_for(PEERS / name, "auto") == expected


def test_brat_tutorial_with_events_notes_and_normalisations(tmp_path: Path) -> None:
    summary, documents = load(tmp_path, PEERS / "brat" / "tutorial-news")
    assert (summary.added, summary.rejected) == (4, [])
    assert sum(len(d.spans) for d in documents) == 7 + 10 + 22 + 14
    intro = next(d for d in documents if d.document.meta["file"] == "000-introduction.txt")
    by_text = {s.text: s for s in intro.spans}
    assert by_text["$100 million"].attrs == {"note": "100000000 USD"}
    assert by_text["former Mexican president"].attrs == {"Mention": "Nominal", "Individual": True}
    [link] = by_text["former Mexican president"].links
    assert (link.kb, link.id, link.name) == ("Wikipedia", "64488", "Carlos Salinas de Gortari")
    assert summary.warnings == []  # relations, equivalences, events as arguments: all carried
    assert sorted(r.label for d in documents for r in d.relations) == [
        "Alias", "Alias", *["Event-Arg"] * 4, "Family", "Family", "Family", "Located", "Origin"]
    transfer = intro.events[0]
    assert transfer.type == "Transfer-money"
    roles = {m.role: next(s.text for s in intro.spans if s.uid == m.span_uid)
             for m in transfer.members}
    assert roles == {"trigger": "moving", "Giver-Arg": "Citibank", "Money-Arg": "$100 million",
                     "Beneficiary-Arg": "Raul Salinas de Gortari", "Recipient-Arg": "banks"}
    assert transfer.note == '[brat attributes] {"Confidence": "High"}'
    nested = next(d for d in documents if d.document.meta["file"] == "090-event_structures.txt")
    assert len(nested.events) == 6
    # Event-Arg:E1 and the chain E3 -> E4 -> E5 -> E6: relations between their triggers.
    texts = {s.uid: s.text for s in nested.spans}
    assert sorted((texts[r.head], r.label, texts[r.tail]) for r in nested.relations) == [
        ("posted", "Event-Arg", "reported"), ("reported", "Event-Arg", "merged"),
        ("reported", "Event-Arg", "merged"), ("told", "Event-Arg", "posted")]
    assert {"Person", "Organization", "GPE", "Money"} <= set(summary.new_labels)


def test_brat_finnish_treebank_with_lemma_notes(tmp_path: Path) -> None:
    summary, [doc] = load(tmp_path, PEERS / "brat" / "tdt-fi-wikinews")
    assert summary.rejected == []
    assert len(doc.spans) == 74
    assert sum(len(s.attrs) for s in doc.spans) == 227 + 74
    first = min(doc.spans, key=lambda s: s.start)
    assert first.text == "Halonen"
    assert first.attrs["Lemma"] == "Halonen"  # the note's leading space is brat padding
    assert first.attrs["CASE"] == "Nom"
    assert any(s.label == "Null" and s.text == "*null*" for s in doc.spans)


def test_doccano_files(tmp_path: Path) -> None:
    folder = PEERS / "doccano"
    summary, documents = load(tmp_path, folder)
    assert summary.rejected == []
    assert summary.added == 1 + 1 + 48  # the two relation examples are the same document
    assert summary.duplicates == 1
    books = next(d for d in documents if "Hitchhiker" in d.document.text)
    assert len(books.spans) == 18
    assert ("Title", "HHGTTG") in labelled([books])  # ends inside the token "HHGTTGor"
    google = next(d for d in documents if d.document.text.startswith("Google was founded"))
    assert labelled([google]) == [("DATE", "September 4, 1998"), ("ORG", "Google"),
                                  ("PERSON", "Larry Page"), ("PERSON", "Sergey Brin")]
    by_uid = {s.uid: s.text for s in google.spans}
    assert sorted((r.label, by_uid[r.head], by_uid[r.tail]) for r in google.relations) == [
        ("foundedAt", "Google", "September 4, 1998"), ("foundedBy", "Google", "Larry Page"),
        ("foundedBy", "Google", "Sergey Brin")]
    assert not any("relation" in str(w) for w in summary.warnings)
    shop = [d for d in documents if d.document.meta.get("Comments") is not None
            or d.document.uid.isdigit()]
    assert len(shop) == 48
    # SOURCES.md counts 86 spans before document 7 was removed; the file holds 83.
    assert sum(len(d.spans) for d in shop) == 83
    assert ("PRODUCT_PRICE", "13990") in labelled(shop)
    assert ("BOARDGAME_NAME", "cthulhu") in labelled(shop)
    assert any("😁" in d.document.text for d in shop)


def test_label_studio_export_with_uploaded_texts_and_a_bom(tmp_path: Path) -> None:
    summary, documents = load(tmp_path, PEERS / "label-studio" /
                              "grascco_label-studio_export_first5tasks.json")
    assert (summary.added, summary.rejected) == (5, [])
    assert sum(len(d.spans) for d in documents) == 41
    baastrup = next(d for d in documents if d.document.meta["ls_file_upload"].endswith(
        "Baastrup.txt"))
    texts = {s.text for s in baastrup.spans}
    assert {"ARCOS-KLINIK FLENSBURG", "Asger Baastrup", "5.7.54"} <= texts
    tupolev = next(d for d in documents if "Tupolev" in d.document.meta["ls_file_upload"])
    assert ("PatientName", "Konstantin Tupolev") in labelled([tupolev])
    assert {s.coder for d in documents for s in d.spans} == {"labelstudio-1", "labelstudio-2",
                                                            "labelstudio-4"}


def test_label_studio_export_without_its_texts_is_refused_clearly(tmp_path: Path) -> None:
    lonely = tmp_path / "alone" / "export.json"
    lonely.parent.mkdir()
    shutil.copy(PEERS / "label-studio" / "grascco_label-studio_export_first5tasks.json", lonely)
    summary, documents = load(tmp_path, lonely)
    assert documents == []
    assert len(summary.rejected) == 5
    assert "put Tupolev_3.txt beside the export" in str(summary.rejected[0])


def test_conll_layouts(tmp_path: Path) -> None:
    _, [plain] = load(tmp_path, PEERS / "conll" / "spacy_ner-token-per-line.iob")
    assert len(plain.spans) == 7
    assert ("PERSON", "Sebastian Thrun") in labelled([plain])
    assert ("DATE", "earlier this week") in labelled([plain])
    _, [layout] = load(tmp_path, PEERS / "conll" / "spacy_ner-token-per-line-conll2003.iob",
                       name="layout")
    assert labelled([layout]) == labelled([plain])


def test_germeval_sources_become_documents(tmp_path: Path) -> None:
    summary, documents = load(tmp_path, PEERS / "conll" / "flair_germeval14_NER-de-train.tsv")
    assert summary.rejected == []
    assert len(documents) == 2
    first = documents[0].document
    assert (first.source, first.date) == ("n-tv.de vom 26.02.2005", "2005-02-26")
    spans = labelled(documents)
    assert Counter(label for label, _ in spans) == {"PER": 3, "ORG": 1, "LOC": 1}
    assert ("PER", "Wolf Peter Bree") in spans


def test_prodigy_files(tmp_path: Path) -> None:
    summary, documents = load(tmp_path, PEERS / "prodigy")
    assert (summary.added, summary.rejected) == (31, [])
    headlines = [d for d in documents if d.document.source == "The New York Times"]
    assert len(headlines) == 30
    assert sum(len(d.spans) for d in headlines) == 30
    assert sum(1 for d in headlines if not d.spans) == 7
    assert all(d.statuses == {"alice": "done"} for d in documents)


def test_spacy_v2_json_matches_the_same_text_in_iob(tmp_path: Path) -> None:
    summary, [doc] = load(tmp_path, PEERS / "spacy" / "spacy_ner-token-per-line.json")
    assert summary.rejected == []
    assert len(doc.spans) == 7
    _, [iob] = load(tmp_path, PEERS / "conll" / "spacy_ner-token-per-line.iob", name="iob")
    assert labelled([doc]) == labelled([iob])


def test_a_brat_ann_pointing_past_its_text_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("Short text.", encoding="utf-8")
    (tmp_path / "d.ann").write_text("T1\tPerson 0 5\tShort\nT2\tPerson 6 40\ttext.\n",
                                    encoding="utf-8")
    summary, documents = load(tmp_path, tmp_path / "d.ann")
    assert documents == []
    [problem] = summary.rejected
    assert (problem.file.name, problem.line) == ("d.ann", 2)
    assert "past the end of the text" in problem.reason
