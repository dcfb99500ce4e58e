"""`annotator suggest` ends by saying how often each source's suggestions were accepted
so far, once any was accepted or rejected."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.commands import SOURCE_ATTR, RejectSuggestion, accept
from annotator.core.model import Span
from annotator.storage.corpus import Corpus

FIRST = "b813624435f889e8"  # a document of the sample corpus


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_suggest_says_each_sources_acceptance_once_any_was_decided(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    assert run("init", path, "--sample").exit_code == 0
    first = run("suggest", path, "--doc", FIRST, "--coder", "alice")
    assert first.exit_code == 0, first.output
    assert "accepted so far" not in first.stderr  # made, none decided yet
    with Corpus.open(path) as corpus:
        pending = [s for s in corpus.spans(corpus.document_ids()[0]) if s.origin == "suggested"]
        by_source: dict[str, list[Span]] = defaultdict(list)
        for span in pending:
            by_source[span.attrs[SOURCE_ATTR]].append(span)
        # Of the source with most suggestions all but one accepted, the last rejected; of
        # another one rejected.
        most, other = sorted(by_source, key=lambda s: (-len(by_source[s]), s))[:2]
        *taken, left = by_source[most]
        assert taken
        for span in taken:
            assert span.doc_id is not None
            accept(span, "alice", corpus.status(span.doc_id, "alice")).apply(corpus)
        RejectSuggestion(left).apply(corpus)
        RejectSuggestion(by_source[other][0]).apply(corpus)
    second = run("suggest", path, "--coder", "alice")
    assert second.exit_code == 0, second.output
    decided = len(taken) + 1
    assert (f"accepted so far: {most} {round(100 * len(taken) / decided)}% "
            f"({len(taken)} of {decided}), {other} 0% (0 of 1)") in second.stderr
    assert "Traceback" not in second.output
