"""Regenerate the translation sources (translations/annotator_*.ts) from the code.

    python packaging/update_translations.py            # every language there is
    python packaging/update_translations.py de pt_BR   # these only (new ones start)

Qt's ``pyside6-lupdate`` reads every string the window wraps for translation
(``self.tr()``, ``QCoreApplication.translate()``, ``QT_TRANSLATE_NOOP()``) and merges
them into the ``.ts`` files, keeping what translators wrote. Two steps follow:

* Texts the window shows but does not wrap yet (a literal given to ``setText``,
  ``addMenu``, ``QAction``, ``showMessage``…) are added too, each under its class's
  name (outside a class, its module's name in CamelCase), so translators can start
  before every string is wrapped; a message lupdate no longer finds is kept while
  its text is still in the code.
* A message without a translation takes the one its text has elsewhere (another
  context), marked unfinished and noted, for a translator to confirm in Linguist.

Contexts the wrapping should use, so that messages keep their translations: the
class the text is in (``self.tr``), or ``QCoreApplication.translate("MainWindow", …)``
with that class's name; the declared actions' titles and the menus' titles are in
context ``Actions``.
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("fr", "es", "ar")
SOURCE_DIRS = ("annotator/gui", "annotator/session")
CARRIED = "carried from context "

# Calls whose string arguments (at these positions) the window shows.
VISIBLE_CALLS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(("addMenu", "QMenu", "QAction", "_action", "Declared", "StackAction",
                     "setText", "setTitle", "setWindowTitle", "setToolTip",
                     "setPlaceholderText", "setStatusTip", "setLabelText", "setWhatsThis",
                     "showMessage", "show_notice", "QLabel", "plain_label", "QPushButton",
                     "QCheckBox", "QRadioButton", "QGroupBox", "QToolBar", "addButton",
                     "addRow", "setHorizontalHeaderLabels", "setHeaderLabels",
                     "setVerticalHeaderLabels"), (0,)),
    "ActionSpec": (1,),
    "addTab": (1,),
    "insertTab": (2,),
    "QProgressDialog": (0, 1),
    "QMessageBox": (1, 2),
    **dict.fromkeys(("error", "info", "show_result", "ask_text", "choose", "question",
                     "warning", "information", "critical"), (0, 1)),
}


@dataclass(frozen=True)
class Literal:
    context: str
    text: str
    path: Path
    line: int


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _strings(node: ast.expr) -> list[str]:
    """The plain strings an argument is: a literal, or a list or tuple of them (headers)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.List | ast.Tuple):
        return [s for item in node.elts for s in _strings(item)]
    return []


def _camel(stem: str) -> str:
    return "".join(part.capitalize() for part in stem.split("_"))


class _Visitor(ast.NodeVisitor):
    def __init__(self, path: Path, module_context: str) -> None:
        self.path = path
        self.contexts = [module_context]
        self.found: list[Literal] = []
        self.every: set[str] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.contexts.append(node.name)
        self.generic_visit(node)
        self.contexts.pop()

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            self.every.add(node.value)

    def visit_Call(self, node: ast.Call) -> None:
        for position in VISIBLE_CALLS.get(_call_name(node), ()):
            if position < len(node.args):
                for text in _strings(node.args[position]):
                    if any(c.isalpha() for c in text):
                        self.found.append(Literal(self.contexts[-1], text, self.path,
                                                  node.lineno))
        self.generic_visit(node)


def scan(paths: list[Path]) -> tuple[list[Literal], set[str]]:
    """Texts shown but not wrapped (in visible calls), and every string in the code."""
    found: list[Literal] = []
    every: set[str] = set()
    for path in paths:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (OSError, SyntaxError, UnicodeDecodeError) as exc:
            print(f"skipped {path}: {exc}", file=sys.stderr)
            continue
        visitor = _Visitor(path, _camel(path.stem))
        visitor.visit(tree)
        found += visitor.found
        every |= visitor.every
    return found, every


def find_lupdate() -> str:
    sys.path.insert(0, str(ROOT))  # the checkout's own finder of PySide6's tools
    from annotator.gui.i18n import find_qt_tool

    found = find_qt_tool("lupdate")
    if found is None:
        sys.exit("cannot find pyside6-lupdate (it comes with PySide6-Essentials)")
    return str(found)


def run_lupdate(sources: list[Path], ts_files: list[Path]) -> None:
    done = subprocess.run([find_lupdate(), "-silent", "-locations", "absolute", *map(str, sources),
                           "-ts", *map(str, ts_files)],
                          capture_output=True, text=True, check=False, timeout=600)
    if done.returncode != 0:
        sys.exit(f"pyside6-lupdate failed:\n{done.stderr}{done.stdout}")


def _translation(message: ET.Element) -> ET.Element:
    found = message.find("translation")
    if found is None:
        found = ET.SubElement(message, "translation")
    return found


def _gone(message: ET.Element) -> bool:
    return _translation(message).get("type") in ("vanished", "obsolete")


def _contexts(tree: ET.ElementTree) -> dict[str, ET.Element]:
    return {(c.findtext("name") or ""): c for c in tree.getroot().findall("context")}


def merge(ts: Path, literals: list[Literal], every: set[str]) -> dict[str, int]:
    """Bring the texts not yet wrapped into ``ts`` and carry translations across
    contexts; counts of what was done."""
    tree = ET.parse(ts)
    contexts = _contexts(tree)
    counts = {"not yet wrapped": 0, "kept": 0, "carried": 0, "dropped": 0}
    where = {(literal.context, literal.text): literal for literal in literals}
    for name, context in contexts.items():
        for message in context.findall("message"):
            translation = _translation(message)
            source = message.findtext("source")
            if _gone(message) and source in every:
                noted = (message.findtext("translatorcomment") or "").startswith(CARRIED)
                if translation.text and not noted:
                    translation.attrib.pop("type", None)
                else:
                    translation.set("type", "unfinished")
                literal = where.get((name, source or ""))
                if literal is not None and message.find("location") is None:
                    message.insert(0, _location(literal, ts))
                counts["kept"] += 1
    for literal in literals:
        context = contexts.get(literal.context)
        if context is None:
            context = contexts[literal.context] = ET.SubElement(tree.getroot(), "context")
            ET.SubElement(context, "name").text = literal.context
        if any(m.findtext("source") == literal.text for m in context.findall("message")):
            continue
        message = ET.SubElement(context, "message")
        message.append(_location(literal, ts))
        ET.SubElement(message, "source").text = literal.text
        ET.SubElement(message, "translation").set("type", "unfinished")
        counts["not yet wrapped"] += 1
    # Translations by source text: a current message's first, else one lupdate no longer
    # finds (a text that moved to another context when it was wrapped).
    known: dict[str, tuple[str, str]] = {}
    for gone in (False, True):
        for name, context in contexts.items():
            for message in context.findall("message"):
                text = _translation(message).text
                if text and _gone(message) == gone:
                    known.setdefault(message.findtext("source") or "", (name, text))
    for name, context in contexts.items():
        for message in context.findall("message"):
            translation = _translation(message)
            if _gone(message):
                if not translation.text:  # nothing of it worth keeping
                    context.remove(message)
                    counts["dropped"] += 1
                continue
            source = message.findtext("source") or ""
            if not translation.text and source in known and known[source][0] != name:
                translation.text = known[source][1]
                translation.set("type", "unfinished")
                comment = message.find("translatorcomment")
                if comment is None:
                    comment = ET.Element("translatorcomment")
                    message.insert(list(message).index(message.find("source")) + 1, comment)
                comment.text = CARRIED + known[source][0]
                counts["carried"] += 1
    for name, context in list(contexts.items()):
        if not context.findall("message"):
            tree.getroot().remove(context)
            del contexts[name]
    _write(tree, ts)
    return counts


def _location(literal: Literal, ts: Path) -> ET.Element:
    location = ET.Element("location")
    location.set("filename", Path(os.path.relpath(literal.path, ts.parent)).as_posix())
    location.set("line", str(literal.line))
    return location


def _write(tree: ET.ElementTree, ts: Path) -> None:
    """Written as lupdate writes it (contexts at the margin, sorted), so that the
    next lupdate run changes only what changed."""
    root = tree.getroot()
    contexts = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    parts = []
    for context in contexts:
        ET.indent(context, space="    ")
        context.tail = None
        parts.append(ET.tostring(context, encoding="unicode").replace(" />", "/>"))
    attributes = "".join(f' {key}="{value}"' for key, value in root.attrib.items())
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  f"<TS{attributes}>\n" + "\n".join(parts) + "\n</TS>\n", encoding="utf-8")


def new_catalog(ts: Path, language: str) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  f'<TS version="2.1" language="{language}">\n</TS>\n', encoding="utf-8")


def update(root: Path, languages: list[str]) -> None:
    sources = sorted(p for d in SOURCE_DIRS if (root / d).is_dir()
                     for p in (root / d).rglob("*.py"))
    ts_files = [root / "translations" / f"annotator_{language}.ts" for language in languages]
    for ts, language in zip(ts_files, languages, strict=True):
        if not ts.exists():
            new_catalog(ts, language)
    run_lupdate(sources, ts_files)
    literals, every = scan(sources)
    for ts in ts_files:
        counts = merge(ts, literals, every)
        print(f"{ts.relative_to(root)}: " + ", ".join(f"{n} {what}" for what, n in counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", nargs="*", help="language codes (default: fr, es, ar and "
                        "every other language with a .ts file)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository")
    args = parser.parse_args()
    present = sorted(p.stem.removeprefix("annotator_")
                     for p in (args.root / "translations").glob("annotator_*.ts"))
    languages = args.languages or list(dict.fromkeys([*LANGUAGES, *present]))
    update(args.root.resolve(), languages)


if __name__ == "__main__":
    main()
