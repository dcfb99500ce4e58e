"""Text that goes into an export or its report without breaking the reader.

Readers split lines in different ways: Python's ``str.splitlines`` (and
brat, through its ``codecs`` reader) breaks at ten characters, not only at
``\\n``. A value written into a line-based format must hold none of them,
and a JSON line must not hold them raw either.
"""

from __future__ import annotations

import json
import math
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.formats.losses import LossReport

# Every character str.splitlines() breaks at.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# JSON allows these raw, but a line splitter that knows Unicode breaks there.
_RAW_BREAKS_IN_JSON = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028",
                                     "\u2029": "\\u2029"})
# Characters that change how a terminal shows what follows: controls, and the
# bidirectional overrides that make text read differently from its order.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
EXAMPLE_LENGTH = 200


NOT_JSON_NUMBER = "number JSON cannot hold (NaN or infinity) written as null"


def json_line(record: Any, losses: LossReport | None = None, where: str = "") -> str:
    """One JSON object on one line, whichever line splitter reads it back.

    Python would write NaN and Infinity, which are not JSON: strict readers
    (JavaScript, Label Studio, pyarrow) refuse the line. They become null,
    and ``losses`` hears of it.
    """
    try:
        text = json.dumps(record, ensure_ascii=False, allow_nan=False)
    except ValueError:
        if losses is not None:
            losses.add(NOT_JSON_NUMBER, where)
        text = json.dumps(_finite(record), ensure_ascii=False, allow_nan=False)
    return text.translate(_RAW_BREAKS_IN_JSON) + "\n"


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def clipped(value: str, limit: int = 60) -> str:
    """A long id or value cut for an example, saying how long it was."""
    if len(value) <= limit:
        return value
    return f"{value[:limit - 20]}… ({len(value)} characters)"


def printable(text: str, limit: int = EXAMPLE_LENGTH) -> str:
    """``text`` safe to print on a terminal: controls escaped, length bounded."""
    shown = "".join(repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Zl", "Zp")
                    or c in _BIDI_CONTROLS else c for c in text)
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"

