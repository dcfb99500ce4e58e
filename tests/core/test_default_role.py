"""An event's first roles: from what the coder said of a span, then from where it sits."""

from __future__ import annotations

from annotator.core.events import default_role
from annotator.core.model import Span

TEXT = ("Militants attacked a convoy near Gao; at least five soldiers of the Malian army "
        "were killed, and villagers fled.")


def span(phrase: str, label: str, **attrs: object) -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), label=label, text=phrase, coder="a",
                attrs=attrs, doc_id=1)


ATTACKERS = span("Militants", "actor")
ARMY = span("the Malian army", "actor")
DEAD = span("at least five soldiers of the Malian army", "casualty", outcome="killed")
PLACE = span("Gao", "location")
ALL = [ATTACKERS, ARMY, DEAD, PLACE]


def test_an_actor_inside_a_casualty_phrase_is_a_victim() -> None:
    assert default_role(ARMY, ALL) == "victim"
    assert default_role(ATTACKERS, ALL) == "attacker"
    assert (default_role(DEAD, ALL), default_role(PLACE, ALL)) == ("victim", "place")


def test_a_casualty_of_another_document_or_beside_the_actor_does_not_count() -> None:
    elsewhere = Span(start=DEAD.start, end=DEAD.end, label="casualty", text=DEAD.text,
                     coder="a", doc_id=2)
    assert default_role(ARMY, [elsewhere]) == "attacker"
    beside = span("at least five soldiers", "casualty")  # ends before "the Malian army"
    assert default_role(ARMY, [beside]) == "attacker"


def test_a_piece_of_a_discontinuous_casualty_holds_the_actor() -> None:
    low, high = TEXT.index("at least five"), TEXT.index("were killed") + len("were killed")
    army = TEXT.index("the Malian army")
    gapped = Span(start=low, end=high, label="casualty", text=TEXT[low:high], coder="a",
                  doc_id=1, fragments=((low, low + len("at least five")), (army, high)))
    assert default_role(ARMY, [gapped]) == "victim"
    outside = span("villagers", "actor")
    assert default_role(outside, [gapped]) == "attacker"


def test_what_the_coder_said_of_the_actor_comes_first() -> None:
    said_target = span("Militants", "actor", role="target")
    assert default_role(said_target, ALL) == "target"
    said_victim = span("villagers", "actor", role="Victim")  # as an import may spell it
    assert default_role(said_victim) == "victim"
    said_attacker = span("the Malian army", "actor", role="attacker")
    assert default_role(said_attacker, ALL) == "attacker"  # the coder's word over the place
    assert default_role(span("villagers", "actor", role="other")) == "other"


def test_civilians_are_not_taken_for_attackers() -> None:
    assert default_role(span("villagers", "actor", actor_type="civilians")) == "victim"
    assert default_role(span("Militants", "actor", actor_type="rebel groups")) == "attacker"
