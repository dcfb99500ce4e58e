"""The corpus's own model on disk: where it lives, what it reached, which documents
it is least sure of.

A corpus file's model is the folder beside it named after its whole file name with
``-model`` (``news.sqlite-model``: ``news.db`` beside it has its own), what
``annotator train`` writes unless told otherwise; a corpus on a server has its folder
in the user's data folder, named after the server's address. The folder is a whole
spaCy pipeline (``spacy.load`` reads it): the report of its training is in its meta,
and the documents it doubts most in a file beside the pipeline's own, written with it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from annotator.core.training import TrainingReport
from annotator.settings import data_dir
from annotator.storage.pg.address import ServerAddress

MODEL_SUFFIX = "-model"
DOUBT_FILE = "annotator-doubt.json"
STAGING_PREFIX = "."  # a half-written model's folder: hidden, named after the model
OWNER_FILE = "writer.pid"
ABANDONED_AFTER = 24 * 3600  # seconds: a staging folder this old is a leftover anywhere


class NotAModelFolder(OSError):
    """The folder a model is to be written to holds something else: it is never replaced."""


class ModelUnreadable(Exception):
    """The folder is there but holds no pipeline spaCy can load; the message says why."""


def model_dir(corpus: Path | ServerAddress) -> Path:
    """Where the corpus's own model lives."""
    if isinstance(corpus, ServerAddress):
        shown = corpus.shown
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", shown).strip("-")[:60] or "server"
        digest = hashlib.sha256(shown.encode("utf-8")).hexdigest()[:10]
        return data_dir() / "models" / f"{slug}-{digest}"
    path = Path(corpus).absolute()
    return path.with_name(path.name + MODEL_SUFFIX)


def has_model(folder: Path) -> bool:
    return (folder / "config.cfg").is_file() and (folder / "meta.json").is_file()


def load_model(folder: Path) -> Any:
    """The pipeline in ``folder``; ModelUnreadable if it cannot be loaded."""
    import spacy

    recover(folder)
    if not has_model(folder):
        raise ModelUnreadable(f"{folder}: no model here (train one with annotator train)")
    try:
        return spacy.load(folder)
    except Exception as exc:  # any file in the folder may be anything
        raise ModelUnreadable(f"{folder}: the model cannot be loaded ({exc})") from exc


def report_of(folder: Path) -> TrainingReport | None:
    """What the model in ``folder`` reached when it was trained; None if it has no
    report (no model, or a pipeline annotator did not train)."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    found = meta.get("annotator") if isinstance(meta, dict) else None
    return TrainingReport.from_meta(found) if isinstance(found, dict) else None


def doubts_of(folder: Path) -> dict[str, float]:
    """Document id -> the mistakes the model expects to make on it (see
    core.model_guesses.expected_mistakes); empty where none were measured."""
    try:
        raw = json.loads((folder / DOUBT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(uid): float(value) for uid, value in raw.items()
            if isinstance(value, int | float) and not isinstance(value, bool)}


def write_model(nlp: Any, out: Path, doubts: dict[str, float] | None = None) -> None:
    """The pipeline (and its doubts) into ``out`` whole or not at all: written beside
    it, then moved into place, so a model already there stays in use until the new one
    is complete; a stop part-way leaves only a hidden folder, cleared next time."""
    out = out.absolute()
    recover(out)
    refuse_foreign(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    clear_leftovers(out)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{out.name}-", dir=out.parent))
    (staging / OWNER_FILE).write_text(str(os.getpid()), encoding="utf-8")
    try:
        nlp.to_disk(staging / "model")
        if doubts is not None:
            (staging / "model" / DOUBT_FILE).write_text(json.dumps(doubts), encoding="utf-8")
        if out.exists():
            old = staging / "old"
            os.replace(out, old)
            try:
                os.replace(staging / "model", out)
            except OSError:
                os.replace(old, out)  # the previous model back in place
                raise
        else:
            os.replace(staging / "model", out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def refuse_foreign(out: Path) -> None:
    """NotAModelFolder unless ``out`` is free, an empty folder, or a model annotator
    trained: a folder of the user's that happens to have its name is never replaced."""
    if not out.exists() and not out.is_symlink():
        return
    if out.is_symlink() or not out.is_dir():
        raise NotAModelFolder(f"{out}: is there and is not a folder annotator wrote a model "
                              "to; nothing was replaced (choose another folder with --out)")
    if any(out.iterdir()) and (not has_model(out) or report_of(out) is None):
        raise NotAModelFolder(f"{out}: holds files that are not a model annotator trained; "
                              "nothing was replaced (choose another folder with --out)")


def recover(out: Path) -> None:
    """The previous model put back where a training was stopped between moving it aside
    and moving the new one in (the one moment ``out`` holds nothing)."""
    if out.exists() or out.is_symlink() or not out.parent.is_dir():
        return
    for leftover in _leftovers(out):
        old = leftover / "old"
        if has_model(old) and _abandoned(leftover):
            try:
                os.replace(old, out)
            except OSError:
                continue
            return


def _leftovers(out: Path) -> list[Path]:
    prefix = f"{STAGING_PREFIX}{out.name}-"  # compared as text: a name may hold [ or *
    return sorted((p for p in out.parent.iterdir() if p.name.startswith(prefix)
                   and p.is_dir() and not p.is_symlink()), key=_age)


def _age(folder: Path) -> float:
    """Seconds since ``folder`` last changed (newest first when sorted); a folder gone
    meanwhile (another training cleared it) counts as oldest."""
    try:
        return time.time() - folder.stat().st_mtime
    except OSError:
        return float("inf")


def clear_leftovers(out: Path) -> None:
    """Folders a stopped training left beside ``out`` (killed before it cleared them);
    another training writing beside it now keeps its own."""
    for leftover in _leftovers(out):
        if _abandoned(leftover):
            shutil.rmtree(leftover, ignore_errors=True)


def _abandoned(staging: Path) -> bool:
    """A staging folder a training wrote (its writer's id in it) whose writer is gone;
    a folder without one is not ours (a user's own hidden folder) and is kept."""
    try:
        pid = int((staging / OWNER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    try:
        if time.time() - staging.stat().st_mtime > ABANDONED_AFTER:
            return True
    except OSError:
        return False
    if os.name != "posix":
        return False  # no cheap liveness check: the age above decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, another user's
    return False
