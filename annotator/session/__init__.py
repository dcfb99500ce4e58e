"""The coder's working state, without Qt: what the window shows and what it may do."""

from annotator.session.history import History
from annotator.session.session import Session

__all__ = ["History", "Session"]
