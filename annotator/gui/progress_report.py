"""Tools > Team progress: per coder, documents taken, done, in progress and skipped, and
spans per label; on a team's server, what the work queue still holds."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from annotator.storage.work_queue import CoderProgress


def progress_html(rows: list[CoderProgress], queue: tuple[int, int] | None, name: str) -> str:
    """The table as a page; names from the corpus are escaped."""
    translate = QCoreApplication.translate
    labels = sorted({label for row in rows for label in row.spans})
    head = [translate("ProgressReport", "coder"), translate("ProgressReport", "taken"),
            translate("ProgressReport", "done"), translate("ProgressReport", "in progress"),
            translate("ProgressReport", "skipped"), *labels]
    lines = [f"<h2>{escape(name)}</h2>"]
    if queue is not None:
        wanted, total = queue
        said = translate("ProgressReport", "Work queue: {taken} of {total} copies taken, "
                         "{waiting} waiting.")
        lines.append("<p>" + escape(said.format(taken=total - wanted, total=total,
                                                waiting=wanted)) + "</p>")
    if not rows:
        nothing = translate("ProgressReport", "No one has coded anything yet.")
        lines.append(f"<p>{escape(nothing)}</p>")
        return "\n".join(lines)
    lines.append("<table border='1' cellspacing='0' cellpadding='4'><tr>"
                 + "".join(f"<th>{escape(cell)}</th>" for cell in head) + "</tr>")
    for row in rows:
        cells = [row.coder, row.claimed, row.done, row.in_progress, row.skipped,
                 *(row.spans.get(label, 0) for label in labels)]
        lines.append("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in cells)
                     + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)
