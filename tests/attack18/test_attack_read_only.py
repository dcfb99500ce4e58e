"""Near-duplicate commands on a corpus on a read-only disk (a shared drive, a CD of a
finished project): each refused with the corpus named, or done without writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import check_new
from tests.storage.test_near_duplicates import OWN_WORDS, REPRINT, TRIMMED, WIRE


def _run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    return result


def _corpus(path: Path, *, compared: bool) -> Path:
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=t, uid=f"s{n}") for n, t in
                               enumerate((WIRE, OWN_WORDS, REPRINT, TRIMMED), start=1)])
        if compared:
            check_new(corpus)
        start = WIRE.index("Gunmen")
        corpus.insert_span(Span(start, start + 6, "actor", "Gunmen", "ana", doc_id=1))
    return path


@pytest.mark.parametrize("args", [["--threshold", "0.6"], ["--carry"], []],
                         ids=["threshold", "carry", "check"])
@pytest.mark.parametrize("compared", [True, False], ids=["compared", "never-compared"])
def test_duplicates_on_a_read_only_corpus(read_only_folder, tmp_path: Path, args: list[str],
                                          compared: bool):
    [corpus] = read_only_folder(_corpus(tmp_path / "done.sqlite", compared=compared))
    result = _run("duplicates", corpus, *args)
    if compared and not args:  # nothing to write: the count, read as it is
        assert result.exit_code == 0 and "1 of 4 documents" in result.output
    else:
        assert result.exit_code == 2 and "done.sqlite" in result.output
        assert "read-only" in result.output, result.output
