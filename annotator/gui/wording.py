"""The session's words in the coder's language.

The session (Qt-free) says Messages, English templates marked for translation
with their values; the window looks each template up through Qt's translation
under the Message's context and fills in the values. Statuses and origins are
English words in the corpus, shown translated (contexts ``Status`` and ``Origin``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.session.messages import Message


def shown(message: Message | str) -> str:
    """What the coder reads: a Message in their language; text (already translated,
    or data) as it is."""
    if isinstance(message, Message):
        return message.translated(QCoreApplication.translate)
    return message


def status_word(status: str) -> str:
    """A document's status ("in progress") in the coder's language."""
    return QCoreApplication.translate("Status", status)


def origin_word(origin: str) -> str:
    """A span's origin ("suggested") in the coder's language."""
    return QCoreApplication.translate("Origin", origin)
