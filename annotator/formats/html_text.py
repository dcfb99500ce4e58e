"""The text of an HTML body (an e-mail's, an e-book chapter's) as blocks, in order.

Not for web pages, whose menus and adverts web_page leaves out: here every
block is the writer's.
"""

from __future__ import annotations

import re

_BLOCKS = {"p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table",
           "blockquote", "pre", "section", "article", "ul", "ol", "td", "hr"}
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def html_blocks(html: str) -> list[tuple[str, str]]:
    """An HTML body's blocks of text in order, each with the tag that holds it."""
    import lxml.html

    try:
        # lxml refuses text that declares its own encoding (an XHTML chapter's <?xml?>).
        root = lxml.html.fromstring(_DECLARATION.sub("", html, count=1))
    except Exception:  # lxml's parser errors have several types: treated as no HTML
        return []
    for bad in root.xpath("//script|//style|//head|//title"):
        bad.drop_tree()
    out: list[tuple[str, str]] = []
    pieces: list[str] = []
    tag = "p"

    def flush() -> None:
        text = " ".join("".join(pieces).split())
        if text:
            out.append((tag, text))
        pieces.clear()

    for event, element in lxml.html.etree.iterwalk(root, events=("start", "end")):
        name = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if name in _BLOCKS:
                flush()
                tag = name
            if element.text:
                pieces.append(element.text)
        else:
            if name in _BLOCKS:
                flush()
                tag = "p"
            if element.tail:
                pieces.append(element.tail)
    flush()
    return out
