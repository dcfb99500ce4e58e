"""Merging a coder's corpus whose rows someone edited with sqlite3.

Each source is a real annotator corpus: a document the target has and one it
has not, each with bob's good span, status and event; then one kind of hostile
row is written straight into the file (with SQLite's CHECK constraints and
foreign keys off, as anyone with ``sqlite3`` can). The merge must bring in the
good rows, refuse the bad ones with counts and examples, leave the target
without a trace of them, and ``agree`` and ``stats`` must work on the result.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core.events import Event, EventMember
from annotator.core.model import STATUSES, DocumentRecord, Span
from annotator.storage.agreement import agreement
from annotator.storage.bulk import add_documents, iter_documents
from annotator.storage.corpus import Corpus
from annotator.storage.team import MergeReport, coder_name_problem, merge

TEXTS = {
    "d1": "Two Katyusha rockets were fired at Ain al-Assad airbase. At least five US "
          "personnel were injured.",
    "d2": "Militants attacked a checkpoint south of Kirkuk, killing two soldiers.",
}
PLACES = {"d1": "Ain al-Assad airbase", "d2": "Kirkuk"}
VICTIMS = {"d1": "five US personnel", "d2": "two soldiers"}


def run(*args: object) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def code(corpus: Corpus, uid: str, coder: str) -> None:
    """A place, a casualty, a status and an event by ``coder`` on document ``uid``."""
    doc_id = corpus.db.execute("SELECT id FROM documents WHERE uid = ?", [uid]).fetchone()[0]
    text = TEXTS[uid]
    made = []
    for phrase, label, attrs in ((PLACES[uid], "location", {"role": "event place"}),
                                 (VICTIMS[uid], "casualty", {"outcome": "injured",
                                                             "count_best": 5})):
        start = text.index(phrase)
        made.append(corpus.insert_span(Span(start, start + len(phrase), label, phrase, coder,
                                            uid=f"{coder}-{uid}-{label}", attrs=attrs,
                                            doc_id=doc_id)))
    corpus.set_status(doc_id, coder, "done")
    corpus.insert_event(Event(doc_id, "attack", (EventMember(made[0].uid, "place"),
                                                 EventMember(made[1].uid, "victim")),
                              uid=f"{coder}-{uid}-event", coder=coder))


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "merged.sqlite"
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=TEXTS["d1"], uid="d1")])
        code(corpus, "d1", "alice")
    return path


def source_with(tmp_path: Path, *statements: str, name: str = "bob.sqlite") -> Path:
    """Bob's corpus, then ``statements`` run on the file as an attacker would."""
    path = tmp_path / name
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=t, uid=u) for u, t in TEXTS.items()])
        for uid in TEXTS:
            code(corpus, uid, "bob")
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return path


def span_row(uid: str, doc: object, start: object, end: object, label: object = "'location'",
             text: object = None, attrs: object = "'{}'", coder: object = "'bob'",
             origin: object = "'manual'") -> str:
    """An INSERT of a span row; values are SQL expressions."""
    if text is None:
        text = f"substr((SELECT text FROM documents WHERE id = {doc}), {start} + 1, " \
               f"{end} - {start})"
    return (f'INSERT INTO spans (uid, doc_id, start, "end", label, text, attrs, coder, origin, '
            f"created_at, updated_at) VALUES ('{uid}', {doc}, {start}, {end}, {label}, {text}, "
            f"{attrs}, {coder}, {origin}, 'now', 'now')")


def sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def attrs_span(uid: str, doc: int, label: str, attrs: str) -> str:
    phrase = VICTIMS["d1" if doc == 1 else "d2"] if label == "casualty" else \
        PLACES["d1" if doc == 1 else "d2"]
    text = TEXTS["d1" if doc == 1 else "d2"]
    start = text.index(phrase)
    # Another coder (carol), so the span is not bob's good one at the same place.
    return span_row(uid, doc, start, start + len(phrase), f"'{label}'", attrs=attrs,
                    coder="'carol'")


# Each kind of hostile source: the SQL that makes it, and the refusals the merge
# must report, as (kind, words of the reason) -> count.
HOSTILE: dict[str, tuple[list[str], dict[tuple[str, str], int]]] = {
    "offsets": ([
        span_row("neg", 1, -3, 4, text="'Two'"),
        span_row("backwards", 2, 10, 4, text="'x'"),
        span_row("past-end", 1, 90, 400, text="'injured.'"),
        span_row("past-end-2", 2, 0, 99999, text="'x'"),
        span_row("not-matching", 1, 0, 3, text="'Six'"),
        span_row("text-offsets", 2, "'zero'", "'three'", text="'Mil'"),
        span_row("float-offsets", 2, 0.5, 3.5, text="'Mil'"),
    ], {("spans", "offsets out of range"): 4, ("spans", "text does not match"): 1,
        ("spans", "offsets are not whole numbers"): 2}),
    "attrs": ([
        attrs_span("not-json", 1, "location", "'{role: place'"),
        attrs_span("a-list", 2, "location", "'[1, 2]'"),
        attrs_span("a-number", 1, "casualty", "'5'"),
        attrs_span("a-blob", 2, "casualty", "X'7B7D'"),
        attrs_span("surrogate", 1, "location", sql_text('{"note": "\\ud800"}')),
        attrs_span("deep", 2, "location", sql_text('{"x": ' + "[" * 5000 + "]" * 5000 + "}")),
        attrs_span("nan", 1, "casualty", sql_text('{"count_best": NaN}')),
    ], {("spans", "attributes are not JSON"): 2, ("spans", "not a JSON object"): 3,
        ("spans", "hold what JSON cannot"): 2}),
    "values": ([
        attrs_span("maimed", 1, "casualty", sql_text('{"outcome": "maimed"}')),
        attrs_span("five", 2, "casualty", sql_text('{"count_best": "five"}')),
        attrs_span("huge", 1, "casualty", sql_text('{"count_best": ' + "9" * 40 + "}")),
        attrs_span("huge-text", 2, "casualty", sql_text('{"count_low": "' + "9" * 5000 + '"}')),
        attrs_span("bool-number", 1, "location", sql_text('{"latitude": true}')),
        attrs_span("list-choice", 2, "location", sql_text('{"role": ["event place"]}')),
        attrs_span("long-note", 1, "location", sql_text('{"note": "' + "n" * 20_000 + '"}')),
    ], {("spans", "attribute not allowed by the target's schema"): 7}),
    "statuses": ([
        "INSERT INTO coders VALUES ('carol')",
        "INSERT INTO doc_status VALUES (1, 'carol', 'finished', 'now')",
        "INSERT INTO doc_status VALUES (2, 'carol', 5, 'now')",
        "INSERT INTO doc_status VALUES (2, '', 'done', 'now')",
        "INSERT INTO doc_status VALUES (1, '../../etc', 'done', 'now')",
    ], {("statuses", "status not one of"): 2, ("statuses", "coder name not usable"): 2}),
    "events": ([
        "INSERT INTO events (uid, doc_id, type, date, date_precision, note, coder, created_at, "
        "updated_at) VALUES ('ghost', 1, 'attack', NULL, 1, '', 'bob', 'now', 'now')",
        "INSERT INTO event_members VALUES ((SELECT max(id) FROM events), 'no-such-span', "
        "'place', '', 0)",
        "INSERT INTO events (uid, doc_id, type, date, date_precision, note, coder, created_at, "
        "updated_at) VALUES ('bad-role', 2, 'attack', NULL, 1, '', 'bob', 'now', 'now')",
        "INSERT INTO event_members VALUES ((SELECT max(id) FROM events), 'bob-d2-location', "
        "'boss', '', 0)",
        "INSERT INTO events (uid, doc_id, type, date, date_precision, note, coder, created_at, "
        "updated_at) VALUES ('bad-precision', 1, 'attack', NULL, 7, '', 'bob', 'now', 'now')",
        "INSERT INTO events (uid, doc_id, type, date, date_precision, note, coder, created_at, "
        "updated_at) VALUES ('bad-date', 2, 'attack', 'yesterday', 1, '', 'bob', 'now', 'now')",
        "INSERT INTO events (uid, doc_id, type, date, date_precision, note, coder, created_at, "
        "updated_at) VALUES ('bad-type', 1, 'picnic', NULL, 1, '', 'bob', 'now', 'now')",
        "INSERT INTO events (uid, doc_id, type, date, date_precision, note, coder, created_at, "
        "updated_at) VALUES ('bad-coder', 2, 'attack', NULL, 1, '', 'a/b', 'now', 'now')",
    ], {("events", "names a span that is missing"): 1, ("events", "role not one of"): 1,
        ("events", "date precision"): 1, ("events", "date is not a date"): 1,
        ("events", "type not one of"): 1, ("events", "coder name not usable"): 1}),
    "labels": ([
        "INSERT INTO labels (name, color, position) VALUES ('evil' || char(27) || '[2J', "
        "'#ffffff', 9)",
        "INSERT INTO labels (name, color, shortcut, position) VALUES ('weapon', 'red', "
        "'W' || char(10), 10)",
        "INSERT INTO labels (name, color, attributes, position) VALUES ('broken', '#123456', "
        "'not json', 11)",
        "INSERT INTO labels (name, color, attributes, position) VALUES ('stringy', '#123456', "
        "'[{\"name\": \"kind\", \"type\": \"choice\", \"values\": \"abc\"}]', 12)",
        "INSERT INTO labels (name, color, position) VALUES (CAST(X'6261640080' AS TEXT), "
        "'#123456', 13)",
        "INSERT INTO labels (name, color, position) VALUES ('" + "L" * 500 + "', '#123456', 14)",
        span_row("evil-span", 1, 0, 3, "'evil' || char(27) || '[2J'"),
        span_row("broken-span", 2, 0, 3, "'broken'"),
        span_row("weapon-span", 1, 4, 12, "'weapon'"),
    ], {("labels", "name not usable"): 3, ("labels", "attributes"): 2,
        ("label colours", "not #rrggbb"): 1, ("label shortcuts", "not a key"): 1,
        ("spans", "label not in the target's schema"): 2}),
    "coders": ([
        "INSERT INTO coders VALUES (''), ('../mallory'), ('a\\b'), ('bell' || char(7)), "
        "('" + "c" * 300 + "')",
        span_row("empty-coder", 1, 0, 3, coder="''"),
        span_row("path-coder", 2, 0, 3, coder="'../mallory'"),
        span_row("slash-coder", 1, 4, 12, coder="'a\\b'"),
        span_row("bell-coder", 2, 4, 12, coder="'bell' || char(7)"),
        span_row("long-coder", 1, 13, 20, coder="'" + "c" * 300 + "'"),
    ], {("spans", "coder name not usable"): 5}),
    "text": ([
        # Not UTF-8: SQLite stores what it is given, Python's sqlite3 cannot read it.
        span_row("bad-utf8", 1, 0, 3, text="CAST(X'547700' AS TEXT)"),
        "INSERT INTO documents (uid, title, text, meta, sha256, imported_at) VALUES "
        "('d5', CAST(X'4b69726bff' AS TEXT), 'A fifth text.', '{}', 'x', 'now')",
        span_row("on-d5", "(SELECT id FROM documents WHERE uid = 'd5')", 0, 1, text="'A'"),
        span_row("surrogate-uid-\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
                 1, 4, 12),
        span_row("x" * 5000, 1, 13, 20),
        "INSERT INTO documents (uid, title, text, meta, sha256, imported_at) VALUES "
        "('d3', '', 'A third text.', 'not json', 'x', 'now')",
        "INSERT INTO documents (uid, title, text, meta, sha256, imported_at) VALUES "
        "('d4', '', X'00ff', '{}', 'x', 'now')",
        "INSERT INTO documents (uid, title, text, meta, sha256, imported_at) VALUES "
        "(X'07', '', 'A text whose id is bytes.', '{}', 'x', 'now')",
        span_row("typed", 2, 13, 20, origin="'typed'"),
    ], {("spans", "text does not match"): 1, ("documents", "title is not valid text"): 1,
        ("spans", "their document was refused"): 1, ("spans", "origin not one of"): 1,
        ("spans", "id is not a usable id"): 2,
        ("documents", "meta are not JSON"): 1, ("documents", "text is not text"): 1,
        ("documents", "id is not a usable id"): 1}),
}


def refused(report: MergeReport) -> dict[tuple[str, str], int]:
    """The report's refusals, each reason cut to the words the table above gives."""
    found: dict[tuple[str, str], int] = {}
    for (kind, reason), count in report.refused.items():
        for expected_kind, words in HOSTILE_WORDS:
            if kind == expected_kind and words in reason:
                found[(kind, words)] = found.get((kind, words), 0) + count
                break
        else:
            found[(kind, reason)] = count
    return found


HOSTILE_WORDS = sorted({key for _sql, expected in HOSTILE.values() for key in expected},
                       key=lambda k: -len(k[1]))


def assert_clean(path: Path) -> None:
    """Nothing in the corpus breaks a rule: every row reads back as a valid record."""
    with Corpus.open(path) as corpus:
        schema = corpus.schema()
        for name in corpus.coders():
            assert coder_name_problem(name) is None, name
        for coded in iter_documents(corpus):  # builds Span and Event: their rules hold
            for span in coded.spans:
                assert coded.document.text[span.start:span.end] == span.text
                assert schema.check_span(span.label, span.attrs) == dict(span.attrs)
                assert schema.label(span.label) is not None
            assert set(coded.statuses.values()) <= set(STATUSES)
            for event in coded.events:
                assert event.type in schema.event_types
                assert {m.role for m in event.members} <= set(schema.event_roles)
        agreement(corpus)


# Rows that break the file's own CHECK constraints: the command line reads every
# page of a corpus first and refuses such a file as damaged, before any merge.
BREAKS_CHECKS = {"offsets", "statuses", "text"}
# The label 'weapon' comes in (its bad colour and shortcut replaced), with its span.
GOOD_EXTRA_SPANS = {"labels": 1}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_source_merges_only_what_is_valid(tmp_path: Path, target: Path,
                                                    kind: str) -> None:
    statements, expected = HOSTILE[kind]
    source = source_with(tmp_path, *statements)
    with Corpus.open(target) as merged, Corpus.open(source) as theirs:
        report = merge(merged, theirs)
    assert refused(report) == expected, report.problems
    # Bob's good rows came in: his spans on both documents, statuses and events.
    spans = 4 + GOOD_EXTRA_SPANS.get(kind, 0)
    assert (report.documents, report.spans, report.events, report.statuses) == (1, spans, 2, 2)
    assert len(report.problems) == len(report.refused)
    assert_clean(target)
    again = run("merge", target, source)
    if kind in BREAKS_CHECKS:
        assert again.exit_code == 2
        assert "is damaged (CHECK constraint failed" in again.output
    else:
        assert again.exit_code == 1
        assert "added 0 documents, 0 spans, 0 events, 0 statuses" in again.output
        assert "bob.sqlite: problem: " in again.output


def test_refusals_are_counted_with_examples(tmp_path: Path, target: Path) -> None:
    source = source_with(tmp_path, *HOSTILE["values"][0])
    result = run("merge", target, source)
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "refused" in line]
    assert line.startswith("bob.sqlite: problem: spans: 7 refused (attribute not allowed by the "
                           "target's schema), e.g. span 'maimed' in document 'd1': attribute "
                           "outcome: 'maimed' is not one of killed, injured")
    assert line.count("; span ") == 2  # three examples, not all seven
    assert len(line) < 1000  # the 20,000-character note is not printed whole


def test_every_hostile_kind_at_once_then_agree_and_stats(tmp_path: Path, target: Path) -> None:
    carol = "INSERT INTO coders VALUES ('carol')"
    every = [sql for statements, _ in HOSTILE.values() for sql in statements if sql != carol]
    source = source_with(tmp_path, carol, *every)
    before = json.loads(run("stats", target, "--json").output)
    with Corpus.open(target) as merged, Corpus.open(source) as theirs:
        report = merge(merged, theirs)
    expected: dict[tuple[str, str], int] = {}
    for _statements, counts in HOSTILE.values():
        for key, count in counts.items():
            expected[key] = expected.get(key, 0) + count
    assert refused(report) == expected
    assert (report.documents, report.spans, report.events, report.statuses) == (1, 5, 2, 2)
    assert_clean(target)
    with Corpus.open(target) as merged:
        weapon = merged.schema().label("weapon")
        assert weapon is not None and weapon.shortcut == "" and weapon.color != "red"
    stats = run("stats", target, "--json")
    assert stats.exit_code == 0
    figures = json.loads(stats.output)
    assert figures["spans"] == before["spans"] + 5
    assert set(figures["coders"]) == {"alice", "bob"}
    agree = run("agree", target, "--json")
    assert agree.exit_code == 0, agree.output
    summary = json.loads(agree.output)
    assert summary["coders"] == ["alice", "bob"]
    assert summary["labels"]["location"]["f1_exact"] == 1.0


def test_the_command_line_merges_what_it_can_and_exits_1(tmp_path: Path, target: Path) -> None:
    carol = "INSERT INTO coders VALUES ('carol')"
    every = [sql for kind, (statements, _) in HOSTILE.items() if kind not in BREAKS_CHECKS
             for sql in statements]
    source = source_with(tmp_path, carol, *every)
    result = run("merge", target, source)
    assert result.exit_code == 1, result.output
    assert "added 1 documents, 5 spans, 2 events, 2 statuses" in result.output
    for words in ("spans: 7 refused (attribute not allowed", "labels: 3 refused (name not usable)",
                  "events: 1 refused (role not one of", "spans: 5 refused (coder name not usable)"):
        assert words in result.output
    assert "\x1b" not in result.output  # a terminal escape in a name is shown, not obeyed
    assert_clean(target)
    assert run("agree", target).exit_code == 0
    assert run("stats", target).exit_code == 0


def test_merge_into_a_new_target_brings_the_sources_event_types(tmp_path: Path) -> None:
    source = source_with(tmp_path, "UPDATE settings SET value = '[\"attack\", \"ambush\"]' "
                                   "WHERE key = 'event_types'",
                         "UPDATE events SET type = 'ambush' WHERE uid = 'bob-d1-event'",
                         "UPDATE settings SET value = '[\"ok\", 5, \"\"]' "
                         "WHERE key = 'event_roles'")
    target = tmp_path / "new.sqlite"
    result = run("merge", target, source)
    assert result.exit_code == 1  # the two odd roles were refused
    assert "new event types and roles: ambush, ok" in result.output
    assert "schema settings: 2 refused" in result.output
    with Corpus.open(target) as merged:
        assert "ambush" in merged.schema().event_types
        assert merged.db.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_a_span_id_taken_in_the_target_is_refused(tmp_path: Path, target: Path) -> None:
    # Bob's span on d2 (new to the target) reuses the id of alice's span on d1.
    source = source_with(tmp_path, "UPDATE event_members SET span_uid = 'alice-d1-location' "
                                   "WHERE span_uid = 'bob-d2-location'",
                         "UPDATE spans SET uid = 'alice-d1-location' "
                         "WHERE uid = 'bob-d2-location'")
    with Corpus.open(target) as merged, Corpus.open(source) as theirs:
        report = merge(merged, theirs)
        kept = merged.span("alice-d1-location")
    assert refused(report) == {("spans", "id already used by another span"): 1,
                               ("events", "names a span that is missing"): 1}
    assert kept.coder == "alice" and kept.text == "Ain al-Assad airbase"
    assert_clean(target)


def test_a_damaged_target_schema_stops_the_merge_cleanly(tmp_path: Path, target: Path) -> None:
    source = source_with(tmp_path)
    with sqlite3.connect(target) as db:
        db.execute("UPDATE labels SET attributes = 'oops' WHERE name = 'actor'")
    before = snapshot_spans(target)
    result = run("merge", target, source)
    assert result.exit_code == 1
    assert "nothing merged" in result.output and "label schema is damaged" in result.output
    assert snapshot_spans(target) == before


def snapshot_spans(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute("SELECT * FROM spans ORDER BY id").fetchall()



def hack(path: Path, *statements: str) -> None:
    """Run ``statements`` on a corpus file as anyone with sqlite3 can."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def test_agree_skips_stored_values_it_cannot_use_and_says_so(tmp_path: Path,
                                                              target: Path) -> None:
    with Corpus.open(target) as corpus:
        code(corpus, "d1", "bob")
    # Values the schema would refuse today, stored by hand or by an older annotator,
    # none breaking the file's own constraints (so the command line opens it).
    hack(target,
         "UPDATE spans SET attrs = '{\"outcome\": \"injured\", \"count_best\": \"five\"}' "
         "WHERE uid = 'bob-d1-casualty'",
         "UPDATE spans SET attrs = '{\"outcome\": [1], \"count_best\": " + "9" * 400 + "}' "
         "WHERE uid = 'alice-d1-casualty'",
         "UPDATE spans SET attrs = 'not json' WHERE uid = 'bob-d1-location'",
         span_row("past-end", 1, 90, 9999, coder="'alice'", text="'injured.' || '" + "x" * 9901
                  + "'"),
         span_row("bad-utf8", 1, 0, 3, coder="'bob'", text="CAST(X'54ff6f' AS TEXT)"),
         "UPDATE labels SET attributes = 'oops' WHERE name = 'actor'")
    result = run("agree", target, "--json")
    assert result.exit_code == 0, result.output
    [pair] = json.loads(result.output)["pairs"]
    assert pair["coders"] == ["alice", "bob"]
    skipped = "\n".join(pair["skipped"])
    for words in ("1 spans whose offsets are not in their text",
                  "1 spans whose text does not match their document",
                  "1 spans whose attributes cannot be read",
                  "labels whose attributes cannot be read",
                  "values of 'count_best' alpha cannot use"):
        assert words in skipped
    # The spans that could be used were compared: both tagged the place and the victims.
    assert pair["labels"]["location"]["f1_exact"] == 1.0
    assert pair["labels"]["casualty"]["f1_exact"] == 1.0
    text = run("agree", target)
    assert text.exit_code == 0 and "alice and bob" in text.output
    assert "skipped: 1 spans whose attributes cannot be read" in text.output  # said, not hidden
    # Rows that break the file's constraints too: the command line refuses such a file
    # as damaged; the report itself still comes out.
    hack(target, span_row("backwards", 1, 30, 2, coder="'bob'", text="'x'"),
         span_row("text-offsets", 1, "'a'", "'b'", coder="'alice'", text="'Two'"),
         "INSERT INTO doc_status VALUES (1, 'bob', 'finished', 'now') "
         "ON CONFLICT DO UPDATE SET status = 'finished'")
    with Corpus.open(target) as corpus:
        [report] = agreement(corpus)
    assert "3 spans whose offsets are not in their text" in "\n".join(report.skipped)
    assert report.counts["location"].exact == 1


# -- the samples in tests/data/hostile ----------------------------------------------

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "hostile"


def write_sample(kind: str, folder: Path, work: Path) -> Path:
    """tests/data/hostile/merge-KIND.sqlite: bob's corpus with that kind of hostile rows,
    compacted, in rollback-journal mode so it is one self-contained file."""
    made = source_with(work, *HOSTILE[kind][0], name=f"{kind}.sqlite")
    out = folder / f"merge-{kind}.sqlite"
    out.unlink(missing_ok=True)
    with sqlite3.connect(made) as db:
        db.execute("VACUUM INTO ?", [str(out)])
    with sqlite3.connect(out) as db:
        db.execute("PRAGMA journal_mode = DELETE")
    return out


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_the_committed_sample_attacks_what_it_says(tmp_path: Path, target: Path,
                                                   kind: str) -> None:
    # A copy: opening a corpus may upgrade it, and the samples must stay as made.
    source = tmp_path / f"merge-{kind}.sqlite"
    source.write_bytes((SAMPLES / source.name).read_bytes())
    with Corpus.open(target) as merged, Corpus.open(source) as theirs:
        report = merge(merged, theirs)
    assert refused(report) == HOSTILE[kind][1]
    assert_clean(target)


if __name__ == "__main__":  # python -m tests.storage.test_team_hostile: remake the samples
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        for name in sorted(HOSTILE):
            print(write_sample(name, SAMPLES, Path(scratch)))
