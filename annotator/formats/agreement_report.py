"""Agreement as JSON and as an HTML report with bar charts (inline SVG, no scripts)."""

from __future__ import annotations

from html import escape
from statistics import mean
from typing import Any

from annotator.core.agreement import OVERALL, PairReport


def summary_json(reports: list[PairReport]) -> dict[str, Any]:
    """Per label (and overall) F1 averaged over coder pairs, with every pair's figures."""
    labels: dict[str, dict[str, float | None]] = {}
    names = sorted({label for r in reports for label in r.counts},
                   key=lambda n: (n == OVERALL, n))
    for name in names:
        exact = [r.counts[name].f1(r.counts[name].exact) for r in reports if name in r.counts]
        overlap = [r.counts[name].f1(r.counts[name].overlap) for r in reports if name in r.counts]
        labels[name] = {"f1_exact": _mean(exact), "f1_overlap": _mean(overlap)}
    coders = sorted({c for r in reports for c in r.coders})
    return {"coders": coders, "labels": labels,
            "cohen_kappa_tokens": _mean([r.kappa for r in reports]),
            "pairs": [r.as_json() for r in reports]}


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return mean(present) if present else None


def _bars(rows: list[tuple[str, float | None, float | None]]) -> str:
    """A bar chart: for each label, F1 exact (dark) and overlap (light), 0 to 1."""
    height = 26 * len(rows) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="560" height="{height}" '
             'font-family="sans-serif" font-size="12">']
    for index, (name, exact, overlap) in enumerate(rows):
        y = 10 + index * 26
        parts.append(f'<text x="0" y="{y + 14}">{escape(name)}</text>')
        for offset, value, color in ((0, overlap, "#9cc0f5"), (0, exact, "#3b78d8")):
            width = 0 if value is None else round(380 * value)
            parts.append(f'<rect x="{130 + offset}" y="{y + 2}" width="{width}" height="16" '
                         f'fill="{color}"/>')
        shown = "–" if exact is None else f"{exact:.2f} / {overlap:.2f}"
        parts.append(f'<text x="520" y="{y + 14}">{shown}</text>')
    parts.append(f'<text x="130" y="{height - 4}" fill="#57606a">dark: exact · light: '
                 "overlap</text></svg>")
    return "".join(parts)


def html_report(reports: list[PairReport], corpus_name: str, *, charts: bool = True) -> str:
    """The report as a web page; ``charts=False`` for viewers without SVG (the window)."""
    sections = []
    for report in reports:
        first, second = report.coders
        rows = [(label, c.f1(c.exact), c.f1(c.overlap)) for label, c in
                sorted(report.counts.items(), key=lambda kv: (kv[0] == OVERALL, kv[0]))]
        table = "".join(
            f"<tr><td>{escape(label)}</td><td>{_fmt(exact)}</td><td>{_fmt(overlap)}</td>"
            f"<td>{report.counts[label].first}</td><td>{report.counts[label].second}</td></tr>"
            for label, exact, overlap in rows)
        alphas = "".join(f"<tr><td>{escape(name)}</td><td>{_fmt(value)}</td></tr>"
                         for name, value in report.alpha.items())
        worst = "".join(f"<li>{escape(uid)}: {value:.2f}</li>"
                        for uid, value in report.disagreement[:15] if value > 0)
        links = "".join(
            f"<tr><td>{escape(label)}</td><td>{_fmt(c.f1(c.exact))}</td>"
            f"<td>{_fmt(c.f1(c.overlap))}</td><td>{c.first}</td><td>{c.second}</td></tr>"
            for label, c in sorted(report.relations.items(),
                                   key=lambda kv: (kv[0] == OVERALL, kv[0])))
        relations = (f"""<h3>Relations (matched when both ends' spans match)</h3>
<table><tr><th>relation</th><th>F1 exact</th><th>F1 overlap</th><th>{escape(first)}</th>
<th>{escape(second)}</th></tr>{links}</table>""" if links else "")
        kappas = "".join(f"<tr><td>{escape(name)}</td><td>{_fmt(value)}</td></tr>"
                         for name, value in report.doc_labels.items())
        documents = (f"""<h3>Cohen's kappa over document labels</h3>
<table><tr><th>document attribute</th><th>kappa</th></tr>{kappas}</table>"""
                     if kappas else "")
        sections.append(f"""
<h2>{escape(first)} and {escape(second)}</h2>
<p>{report.documents} documents coded by both. Cohen's kappa over tokens:
<b>{_fmt(report.kappa)}</b>.</p>
{_bars(rows) if charts else ""}
<table><tr><th>label</th><th>F1 exact</th><th>F1 overlap</th><th>{escape(first)}</th>
<th>{escape(second)}</th></tr>{table}</table>
<h3>Krippendorff's alpha over the attributes of matched spans</h3>
<table><tr><th>attribute</th><th>alpha</th></tr>{alphas}</table>{relations}{documents}
<h3>Documents with most disagreement (1 − F1 overlap)</h3><ol>{worst or '<li>none</li>'}</ol>""")
    body = "".join(sections) or "<p>No two coders have coded the same documents yet.</p>"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Agreement: {escape(corpus_name)}</title>
<style>body{{font-family:sans-serif;max-width:760px;margin:2em auto;color:#24292f}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #d8d5cc;padding:4px 10px;
text-align:left}}</style></head>
<body><h1>Agreement in {escape(corpus_name)}</h1>{body}</body></html>
"""


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
