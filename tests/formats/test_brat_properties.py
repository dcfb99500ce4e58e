"""The round trip is the contract: for made-up corpora (overlapping, nested and
discontinuous spans, several labels on one range, relations, equivalence groups,
links, events, attributes, notes with line breaks, emoji, RTL text, CRLF
normalised on import), importing a brat export gives back everything brat
carries, brat's checks accept every file, and the loss report names exactly the
rest (here: document labels; an event type renamed for brat is a notice)."""

from __future__ import annotations

import itertools
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import cli
from annotator.formats import brat_syntax as syntax
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.formats.brat_strict import brat_problems
from tests.formats.conftest import build
from tests.formats.test_brat_quirks import read_back, shape

PARTS = ["Gao", " ", "  ", "\r\n", "\n", "\n\n", "👩‍👩‍👧", "قاعدة", "عين", "🔥", "x", "\t", ".",
         "Militants", "fired"]
LABELS = ["actor", "location", "casualty", "Person"]
VALUES = {"uncertain": True, "qualifier": "at least", "Mention": "Name",
          "note": "checked\nby two", "Category": ["Modifier", "Specific"]}
ATTRS = st.sets(st.sampled_from(sorted(VALUES)), max_size=3).map(
    lambda keys: {key: VALUES[key] for key in sorted(keys)})


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    # CRLF is made LF on import, as every importer does: offsets are over the LF text.
    text = "".join(draw(st.lists(st.sampled_from(PARTS), min_size=1, max_size=14)))
    text = text.replace("\r\n", "\n")
    if not text.strip():
        text += "Gao"
    spans: list[dict[str, Any]] = []
    for number in range(draw(st.integers(0, 6))):
        cuts = sorted(draw(st.sets(st.integers(0, len(text)), min_size=2, max_size=6)))
        pieces = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
        # What brat cannot carry (a piece ending at a line break) is named in the
        # report, as is a span of only white space; that is tested by hand. Here: what it
        # carries.
        written = syntax.line_pieces(text, pieces)
        if syntax.joined_pieces(text, written) != pieces or not syntax.covered(text, written).strip():
            continue
        span: dict[str, Any] = {"id": f"s{number}", "start": pieces[0][0],
                                "end": pieces[-1][1], "label": draw(st.sampled_from(LABELS)),
                                "attrs": draw(ATTRS)}
        if len(pieces) > 1:
            span["fragments"] = [list(p) for p in pieces]
        if draw(st.booleans()):
            span["links"] = [{"kb": "Wikidata", "id": f"Q{number}", "name": "Gao"}]
        spans.append(span)
    ids = [s["id"] for s in spans]
    relations: list[dict[str, Any]] = []
    if len(ids) >= 2:
        for head, tail, label, attrs in draw(st.lists(st.tuples(
                st.sampled_from(ids), st.sampled_from(ids), st.sampled_from(["Origin", "near"]),
                st.sampled_from([{}, {"note": "not stated"}, {syntax.ROLES: "Head Tail"}])),
                max_size=3)):
            relations.append({"head": head, "tail": tail, "label": label, "attrs": attrs})
        group = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=3, unique=True))
        relations += [{"head": a, "tail": b, "label": "Alias", "attrs": {syntax.EQUIVALENCE: "1"}}
                      for a, b in itertools.pairwise(group)]
    events = []
    for number in range(draw(st.integers(0, 2)) if ids else 0):
        members = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
        roles = draw(st.lists(st.sampled_from(["trigger", "attacker", "place", "victim2", "Org Arg"]),
                              min_size=len(members), max_size=len(members)))
        events.append({"id": f"e{number}", "type": draw(st.sampled_from(["attack", "Merge org"])),
                       "note": draw(st.sampled_from(["", "two rockets"])),
                       "members": [{"span_id": m, "role": r} for m, r in zip(members, roles,
                                                                              strict=True)]})
    labels = draw(st.lists(st.sampled_from(["relevant", "language"]), max_size=2, unique=True))
    return {"id": "d", "text": text, "spans": spans, "relations": relations, "events": events,
            "doc_labels": [{"name": n, "value": True, "coder": "alice"} for n in labels]}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_import_of_the_export_gives_back_all_brat_carries(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        corpus = build(tmp / "c.sqlite", [document])
        out = tmp / "out"
        result = CliRunner().invoke(cli, ["export", str(corpus), "--format", "brat",
                                          "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert brat_problems(out / "d.ann") == []
        lost = [(n, kind.split(" (")[0]) for n, kind
                in re.findall(r"^  (\d+) × (.*) \(e\.g\.",
                              result.output.partition("lost in this format:")[2], re.M)]
        # An event type renamed for brat is kept in the event's note: a notice, no loss.
        expected = [(str(len(document["doc_labels"])), "document labels")] \
            if document["doc_labels"] else []
        assert sorted(lost) == sorted(expected), result.output
        if not expected:
            assert "nothing lost" in result.output
        with Corpus.open(corpus) as opened:
            [original] = list(iter_documents(opened))
        _, [again] = read_back(tmp, out, "again.sqlite")
        assert again.document.text == original.document.text
        assert shape(again) == shape(original), json.dumps(document, ensure_ascii=False)
