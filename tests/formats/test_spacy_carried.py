"""spaCy DocBin carries document labels as doc.cats for spaCy, and relations, fragments,
links and every document label in doc.user_data["annotator"] for annotator; spaCy and its
training reader still load the file (issue 14)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from annotator.formats.docbin_extras import KEY
from tests.formats.carried import BASE, content, corpus, count, export, reimport


def test_round_trip_keeps_relations_fragments_links_and_document_labels(
        tmp_path: Path) -> None:
    source = corpus(tmp_path)
    out = tmp_path / "train.spacy"
    result = export(source, "spacy", out)
    summary, again = reimport(tmp_path, out, "spacy")
    assert summary.warnings == []
    before, after = content(source), content(again)
    for uid in before:
        for kind in ("spans", "links", "relations", "doc_labels"):
            assert after[uid][kind] == before[uid][kind], (uid, kind)
        assert after[uid]["attrs"] == Counter()
    assert sum(after["rich-1"]["relations"].values()) == 3
    assert ((BASE[0], BASE[1], "actor") in
            {t for (_h, t, _l, _a) in after["rich-1"]["relations"]})
    assert count(result, "^span attributes") == 1
    assert count(result, "^(relations|document labels|discontinuous|knowledge)") == 0


def test_spacy_and_its_training_reader_load_the_export(tmp_path: Path) -> None:
    from spacy.training import Corpus as TrainingCorpus

    out = tmp_path / "train.spacy"
    export(corpus(tmp_path), "spacy", out)
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    rich = next(d for d in docs if d.user_data["id"] == "rich-1")
    assert rich.cats == {"relevant": 1.0, "attack": 1.0, "shelling or air strike": 1.0,
                         "ar": 1.0, "protest": 1.0}
    assert len(rich.user_data[KEY]["relations"]) == 3
    examples = list(TrainingCorpus(out)(nlp))  # what `spacy train --paths.train` does
    assert sorted(e.reference.user_data["id"] for e in examples) == ["quiet-2", "rich-1"]
    assert next(e for e in examples if e.reference.user_data["id"] == "rich-1"
                ).reference.cats["relevant"] == 1.0


def test_cats_of_a_docbin_annotator_did_not_write_are_document_labels(tmp_path: Path) -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Rockets", "hit", "Basra"])
    doc.cats = {"ATTACK": 1.0, "PROTEST": 0.0}
    path = tmp_path / "cats.spacy"
    DocBin(docs=[doc]).to_disk(path)
    summary, again = reimport(tmp_path, path, "spacy")
    assert summary.warnings == []
    [labels] = [c["doc_labels"] for c in content(again).values()]
    assert labels == Counter({("ATTACK", "1.0", "alice"): 1, ("PROTEST", "0.0", "alice"): 1})


def test_damaged_annotator_user_data_is_reported_and_the_spans_kept(tmp_path: Path) -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Rockets", "hit", "Basra"])
    doc.spans["sc"] = [doc.char_span(12, 17, label="location")]
    doc.user_data[KEY] = {"relations": [{"head": [0, 99, "x"], "tail": [12, 17, "location"],
                                         "label": "r"}]}
    path = tmp_path / "bad.spacy"
    DocBin(docs=[doc], store_user_data=True).to_disk(path)
    summary, again = reimport(tmp_path, path, "spacy")
    [said] = summary.warnings
    assert "annotator's user data" in said.reason and "no span" in said.reason
    [found] = content(again).values()
    assert sum(found["spans"].values()) == 1 and not found["relations"]
