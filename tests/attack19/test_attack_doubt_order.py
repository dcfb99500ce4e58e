"""'Next document' with the model's doubts first, attacked: documents the coder skipped."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.session.session import Session
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus


def _session(path: Path, count: int) -> tuple[Session, dict[str, int]]:
    corpus = Corpus.open(path, create=True)
    results = add_documents(corpus, [DocumentRecord(text=f"Report {n} from Gao.", uid=f"u{n}")
                                     for n in range(count)])
    ids = {f"u{n}": r.doc_id for n, r in enumerate(results)}
    session = Session(corpus, "alice")
    session.open_corpus(corpus)
    return session, ids  # type: ignore[return-value]


def test_next_never_offers_a_document_the_coder_skipped(tmp_path: Path):
    """Held since 4956b9a (before it, two skipped documents were offered in turn)."""
    session, ids = _session(tmp_path / "c.sqlite", 5)
    # The model doubts the off-topic reports most: the coder skips them.
    session.doubts = {"u0": 0.9, "u1": 0.8, "u2": 0.3, "u3": 0.2}
    session.show_document(ids["u0"])
    seen = []
    for _ in range(4):
        assert session.set_status("skipped")
        assert session.next_undone()
        seen.append(session.document.uid)
    session.close()
    assert seen == ["u1", "u2", "u3", "u4"]
