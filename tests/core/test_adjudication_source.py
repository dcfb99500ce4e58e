"""An accepted suggestion and another coder's identical span agree: where one came
from is not a disagreement to settle."""

from __future__ import annotations

from annotator.core.adjudication import items
from annotator.core.commands import SOURCE_ATTR
from annotator.core.model import Span

TEXT = "Two Katyusha rockets were fired at Ain al-Assad airbase."


def span(coder: str, origin: str = "manual", **attrs: object) -> Span:
    return Span(start=35, end=47, label="location", text=TEXT[35:47], coder=coder,
                origin=origin, attrs=attrs, doc_id=1)


def test_an_accepted_suggestion_agrees_with_the_same_span_typed_by_hand() -> None:
    spans = [span("alice", "accepted", **{SOURCE_ATTR: "gazetteer"}), span("bob")]
    [item] = items(spans, ["alice", "bob"])
    assert item.agreed


def test_a_real_attribute_difference_still_disagrees() -> None:
    spans = [span("alice", "accepted", **{SOURCE_ATTR: "gazetteer", "precision": "1"}),
             span("bob", precision="2")]
    [item] = items(spans, ["alice", "bob"])
    assert not item.agreed
