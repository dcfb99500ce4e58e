"""What the session says to the coder, without Qt, in a form the window can translate.

A ``Message`` is an English template with named ``{placeholders}`` and their
values. Read as ``str`` it is the English sentence (a log, a test, the command
line); the window looks its template up in the coder's language and fills in
the same values. Qt's ``lupdate`` finds each template by the
``QT_TRANSLATE_NOOP(context, text)`` written around it, which does nothing at
run time, so the template reaches the catalogues without this package
importing Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

Translate = Callable[[str, str], str]  # (context, English text) -> the text to show


# Named as Qt names it: lupdate looks for this name.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation under ``context``; it is given back unchanged."""
    del context  # read by lupdate in the source, not here
    return text


@dataclass(frozen=True)
class Message:
    """A sentence for the coder: ``template`` (English, as marked for translation
    under ``context``) with ``values`` for its placeholders. A value may itself be a
    Message, translated with it."""

    context: str
    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**{name: str(value) if isinstance(value, Message)
                                       else value for name, value in self.values.items()})

    def translated(self, translate: Translate) -> str:
        """The sentence in the language ``translate`` gives templates in."""
        values = {name: value.translated(translate) if isinstance(value, Message) else value
                  for name, value in self.values.items()}
        try:
            return translate(self.context, self.template).format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation that names a placeholder the template lacks (a typo in
            # the catalogue): the English sentence says it rather than nothing.
            return self.template.format(**values)


def said(context: str, template: str, **values: object) -> Message:
    """``Message(context, template, values)``, written the way a sentence is said."""
    return Message(context, template, values)


# Words of the corpus's own vocabulary that the window shows in the coder's language:
# a document's status and a span's origin. The corpus keeps the English word.
STATUS_WORDS = {
    "todo": QT_TRANSLATE_NOOP("Status", "todo"),
    "in progress": QT_TRANSLATE_NOOP("Status", "in progress"),
    "done": QT_TRANSLATE_NOOP("Status", "done"),
    "skipped": QT_TRANSLATE_NOOP("Status", "skipped"),
}
ORIGIN_WORDS = {
    "manual": QT_TRANSLATE_NOOP("Origin", "manual"),
    "suggested": QT_TRANSLATE_NOOP("Origin", "suggested"),
    "imported": QT_TRANSLATE_NOOP("Origin", "imported"),
    "accepted": QT_TRANSLATE_NOOP("Origin", "accepted"),
}
