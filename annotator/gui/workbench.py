"""What the window's action modules are given: the session, the prompts, the
action binder, the settings, and the parts of the window they work in. Never
the window itself: each module sees only what it needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.gui.action_binder import ActionBinder
    from annotator.gui.article_view import ArticleView
    from annotator.gui.background_runner import BackgroundRunner
    from annotator.gui.prompts import Prompts
    from annotator.gui.span_pane import SpanPane
    from annotator.session.session import Session
    from annotator.settings import Settings


@dataclass
class Workbench:
    session: Session
    prompts: Prompts
    actions: ActionBinder
    settings: Settings
    view: ArticleView
    span_pane: SpanPane
    background: BackgroundRunner
    save_settings: Callable[[], bool]  # False (and said) if the settings could not be kept
