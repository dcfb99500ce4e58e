"""brat's own checks of a ``.ann`` against its ``.txt``, written again here (brat is
not on PyPI: the package named ``brat`` there is an unrelated REST framework), after
``server/src/annotation.py`` of nlplab/brat: lines as ``readlines`` of its codecs
reader gives them, ids, the text field of each ``T`` line, and every reference."""

from __future__ import annotations

import re
from pathlib import Path

_ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$")


def brat_problems(ann_path: Path) -> list[str]:
    """What brat would refuse in ``ann_path`` (empty: brat reads every line)."""
    ann = ann_path.read_text(encoding="utf-8")
    doc = ann_path.with_suffix(".txt").read_bytes().decode("utf-8")  # no newline translation
    problems = []
    lines = ann.splitlines()
    if lines != ann.split("\n")[:-1] and ann:
        problems.append("a line break other than \\n inside a line")
    ids: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        ident, tab, rest = line.partition("\t")
        if not tab or not (ident == "*" or _ID.match(ident)):
            problems.append(f"{number}: no id")
            continue
        if ident in ids and ident != "*":
            problems.append(f"{number}: id {ident} twice")
        ids[ident] = rest
    for number, line in enumerate(lines, start=1):
        ident, _, rest = line.partition("\t")
        data, tab, tail = rest.partition("\t")
        problem = _check(ident[:1], data, tab + tail, doc, ids)
        if problem:
            problems.append(f"{number}: {problem}: {line!r}")
    return problems or _sanity(lines, ids)


def _sanity(lines: list[str], ids: dict[str, str]) -> list[str]:
    """brat's ``_sanity``: an event's type is its trigger's; nothing but events and
    relations names a trigger."""
    problems = []
    triggers = {}
    for line in lines:
        if line.startswith("E"):
            kind, _, trigger = line.split("\t")[1].split(" ")[0].partition(":")
            triggers[trigger] = kind
            if ids[trigger].split(" ")[0] != kind:
                problems.append(f"event type {kind} is not its trigger's: {line!r}")
    for line in lines:
        if line[:1] in "AMN#*":
            names = line.split("\t")[1].split(" ")[1:]
            if any(name in triggers for name in names):
                problems.append(f"a trigger is named by {line!r}")
    return problems


def _check(kind: str, data: str, tail: str, doc: str, ids: dict[str, str]) -> str | None:
    if kind == "T":
        spec = data.partition(" ")[2]
        try:
            spans = [tuple(int(x) for x in piece.split(" ")) for piece in spec.split(";")]
        except ValueError:
            return "offsets"
        seen: list[tuple[int, ...]] = []
        for start, end in spans:
            if not 0 <= start <= end <= len(doc):
                return "offsets outside the text"
            if any(end >= s and start < e for s, e in seen):
                return "fragments overlap"
            seen.append((start, end))
        expected = " ".join(doc[s:e] for s, e in spans)
        if not tail.strip():
            return "text missing (a blank text field is taken for none)"
        text = tail[1:len(expected) + 1]
        rest = tail[len(expected) + 1:]
        if not tail.startswith("\t") or text != expected or (rest and not rest[0].isspace()):
            return f"text is not {expected!r}"
        return None
    if kind in "AM":
        match = re.match(r"(.+?) (.+?) (.+?)$", data) or re.match(r"(.+?) (.+?)$", data)
        return None if match and match.group(2) in ids else "attribute target"
    if kind == "N":
        match = re.match(r"(\S+) (\S+) (\S+?):(\S+)$", data)
        return None if match and match.group(2) in ids else "normalisation"
    if kind == "R":
        args = [tuple(a.split(":")) for a in data.split(" ")[1:]]
        if len(args) != 2 or args[0][0] == args[1][0] or any(a[1] not in ids for a in args):
            return "relation arguments"
        return None
    if kind == "E":
        head, *args = data.split(" ")
        _, trigger = head.split(":")
        if not ids.get(trigger, "").partition("\t")[0] or not trigger.startswith("T"):
            return "event trigger"
        return None if all(a.split(":")[1] in ids for a in args) else "event arguments"
    if kind == "*":
        members = data.split()[1:]
        return None if len(members) >= 2 and all(m in ids for m in members) else "equivalence"
    if kind == "#":
        fields = data.split()
        return None if len(fields) == 2 and fields[1] in ids else "note target"
    return f"unknown kind {kind!r}"
