"""The HTML report: one self-contained page a person can open from CI artifacts.

The article is shown as text with every claim highlighted in its verdict's colour; clicking a
claim opens its reason, evidence and word diff (``<details>``, no JavaScript). Everything that
comes from the article or a source is escaped; links are made only for ``http(s)`` URLs; and
a Content-Security-Policy that forbids every script is the second line of defence, so a hostile
draft or source page cannot run anything in the reader's browser.
"""

from __future__ import annotations

from bisect import bisect_left
from html import escape
from urllib.parse import urlsplit

from factcheck.model import CheckedClaim, Evidence, Report, Source, Span
from factcheck.report.common import (
    LABEL_HELP,
    LABEL_TITLES,
    article_name,
    claim_location,
    merge_summaries,
    speaker_label,
    summarize,
)

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)

STYLE = """
:root { --ok: #1a7f37; --err: #cf222e; --mis: #8250df; --warn: #9a6700; --unv: #0969da; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem;
       color: #1f2328; background: #fff; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #d0d7de; }
.summary { margin: .5rem 0; }
.chip { display: inline-block; padding: 0 .5em; border-radius: 1em; font-size: .85em;
        color: #fff; margin-right: .3em; }
.article { white-space: pre-wrap; font-family: Georgia, serif; font-size: 16px;
           border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem; background: #f6f8fa; }
details.inline { display: inline; } details.inline > summary { display: inline; }
details.inline:not([open])::details-content { display: none; }
details.inline[open]::details-content { display: contents; }
details.inline > summary { cursor: pointer; list-style: none; border-radius: 3px;
                           padding: 0 1px; }
details.inline > summary::-webkit-details-marker { display: none; }
.pop { display: block; white-space: normal; font: 14px/1.4 system-ui, sans-serif;
       background: #fff; border: 1px solid #d0d7de; border-left-width: 4px;
       border-radius: 4px; padding: .5rem .75rem; margin: .25rem 0 .5rem; }
.v-verified, .v-supported { background: #dafbe1; }
.c-verified, .c-supported { background: var(--ok); }
.v-altered { background: #ffebe9; } .c-altered { background: var(--err); }
.v-misattributed { background: #fbefff; } .c-misattributed { background: var(--mis); }
.v-not_found { background: #fff8c5; } .c-not_found { background: var(--warn); }
.v-unverifiable { background: #ddf4ff; } .c-unverifiable { background: var(--unv); }
details.v-verified .pop, details.v-supported .pop { border-left-color: var(--ok); }
details.v-altered .pop { border-left-color: var(--err); }
details.v-misattributed .pop { border-left-color: var(--mis); }
details.v-not_found .pop { border-left-color: var(--warn); }
details.v-unverifiable .pop { border-left-color: var(--unv); }
.suppressed > summary { text-decoration: underline dotted; opacity: .7; }
ol.claims { padding-left: 0; list-style: none; }
ol.claims > li { border: 1px solid #d0d7de; border-radius: 6px; margin: .4rem 0;
                 padding: .3rem .6rem; }
ol.claims summary { cursor: pointer; }
.passage { border-left: 3px solid #d0d7de; padding-left: .6rem; margin: .3rem 0; }
del { background: #ffebe9; color: #82071e; } ins { background: #dafbe1; color: #116329;
      text-decoration: none; font-weight: 600; }
.muted { color: #59636e; font-size: .9em; }
table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: .2rem .5rem;
      text-align: left; vertical-align: top; }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def safe_link(url: str | None, text: str | None = None) -> str:
    """A link only for ``http``/``https`` URLs; any other scheme is shown as text.

    >>> safe_link("javascript:alert(1)")
    '<span class="url">javascript:alert(1)</span>'
    >>> safe_link("https://example.org/?a=1&b=2")
    '<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer nofollow">https://example.org/?a=1&amp;b=2</a>'
    """
    if not url:
        return ""
    label = _e(text if text is not None else url)
    if urlsplit(url.strip()).scheme.lower() in ("http", "https") and url == url.strip():
        return f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{label}</a>'
    return f'<span class="url">{label}</span>'


def _chip(label: str) -> str:
    return f'<span class="chip c-{_e(label)}">{_e(LABEL_TITLES.get(label, label))}</span>'


def _diff_html(evidence: Evidence) -> str:
    parts: list[str] = []
    for op in evidence.diff:
        if op.op == "equal":
            parts.append(_e(op.quote or op.source))
            continue
        if op.op in ("replace", "delete") and op.source:
            parts.append(f'<del title="in the source">{_e(op.source)}</del>')
        if op.op in ("replace", "insert") and op.quote:
            parts.append(f'<ins title="in the quote">{_e(op.quote)}</ins>')
    return " ".join(parts)


def _evidence_html(evidence: Evidence, sources: dict[str, Source]) -> str:
    source = sources.get(evidence.source_id)
    name = _e(evidence.source_id)
    if source is not None:
        title = source.title or source.path or source.final_url or source.url or ""
        name += " " + (
            safe_link(source.final_url or source.url, title) if source.url else _e(title)
        )
    where = f" line {evidence.location.line}" if evidence.location else ""
    speaker = _e(evidence.speaker or "unknown speaker")
    outside = "" if evidence.in_main_text else ", outside the page's main text"
    html = [
        f'<div class="muted">{name}{where}, said by <b>{speaker}</b>{outside} '
        f"(score {evidence.score:.0f})</div>",
        f'<div class="passage">{_e(evidence.text)}</div>',
    ]
    if any(op.op != "equal" for op in evidence.diff):
        html.append(
            f'<div class="diff"><span class="muted">Word diff (struck: source, bold: quote):'
            f"</span> {_diff_html(evidence)}</div>"
        )
    return "\n".join(html)


def _details_body(report: Report, result: CheckedClaim, sources: dict[str, Source]) -> str:
    verdict, claim = result.verdict, result.claim
    loc = claim_location(report, result)
    body = [
        f"<p>{_chip(verdict.label)} <b>{_e(claim.id)}</b> line {loc.line}:{loc.column}, "
        f"{_e(claim.kind.replace('_', ' '))}, severity {_e(verdict.severity)}, "
        f"score {verdict.score:.0f}</p>",
        f"<p>Speaker: <b>{_e(speaker_label(result))}</b>"
        + (f" (cue “{_e(claim.cue.text)}”)" if claim.cue else "")
        + (" — <i>vague attribution</i>" if claim.vague else "")
        + "</p>",
        f"<p>{_e(verdict.reason)}</p>",
    ]
    if claim.suppressed:
        body.append(f'<p class="muted">Suppressed: {_e(claim.suppressed)}</p>')
    body.extend(_evidence_html(item, sources) for item in verdict.evidence[:3])
    return "\n".join(body)


def _view_spans(report: Report, span: Span) -> tuple[int, int]:
    """Where a raw span stands in the text shown (the plain-text view for Markdown/HTML)."""
    doc = report.document
    if doc.offsets is None:
        return span.start, span.end
    # Search in place (``hi``), never a copy: a long article has thousands of claims.
    size = len(doc.text)
    return bisect_left(doc.offsets, span.start, 0, size), bisect_left(
        doc.offsets, span.end, 0, size
    )


def _article_html(report: Report, prefix: str) -> str:
    doc = report.document
    text = doc.text if doc.offsets is not None else doc.raw
    sources = {s.id: s for s in report.sources}
    marks: list[tuple[int, int, CheckedClaim, bool]] = []
    for result in report.results:
        for n, span in enumerate(result.claim.content_spans):
            start, end = _view_spans(report, span)
            if end > start:
                marks.append((start, end, result, n == 0))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out: list[str] = []
    at = 0
    for start, end, result, first in marks:
        if start < at:  # overlaps a claim already highlighted; it is still listed below
            continue
        out.append(_e(text[at:start]))
        label = result.verdict.label
        anchor = f"{prefix}-{result.claim.id}"
        classes = f"inline v-{label}" + (" suppressed" if result.claim.suppressed else "")
        words = _e(text[start:end])
        if first:
            out.append(
                f'<details class="{_e(classes)}"><summary title="{_e(LABEL_TITLES[label])}">'
                f"{words}</summary>"
                f'<span class="pop">{_details_body(report, result, sources)}'
                f' <a href="#{_e(anchor)}">in the list</a></span></details>'
            )
        else:
            out.append(f'<a class="v-{_e(label)}" href="#{_e(anchor)}">{words}</a>')
        at = end
    out.append(_e(text[at:]))
    return f'<div class="article">{"".join(out).strip()}</div>'


def _summary_html(summary: dict[str, object]) -> str:
    by_label = summary["by_label"]
    assert isinstance(by_label, dict)
    chips = " ".join(f"{_chip(label)}{n}" for label, n in by_label.items() if n)
    return (
        f'<p class="summary"><b>{summary["claims"]} claims</b>: {summary["errors"]} errors, '
        f"{summary['warnings']} warnings, {summary['suppressed']} suppressed. {chips}</p>"
    )


def _report_html(report: Report, number: int) -> str:
    prefix = f"a{number}"
    doc = report.document
    sources = {s.id: s for s in report.sources}
    parts = [f'<section class="report" id="{prefix}">', f"<h2>{_e(article_name(report))}</h2>"]
    if doc.title:
        parts.append(f"<p><i>{_e(doc.title)}</i></p>")
    parts.append(_summary_html(summarize(report)))
    parts.append(_article_html(report, prefix))
    parts.append("<h3>Claims</h3>")
    parts.append('<ol class="claims">')
    for result in report.results:
        claim = result.claim
        loc = claim_location(report, result)
        words = " ".join((claim.quoted_text or claim.text).split())
        shown = f"“{_e(words)}”" if claim.kind != "paraphrase" else _e(words)
        flag = ' <span class="muted">(suppressed)</span>' if claim.suppressed else ""
        parts.append(
            f'<li id="{prefix}-{_e(claim.id)}"><details><summary>{_chip(result.verdict.label)}'
            f"<b>{_e(claim.id)}</b> line {loc.line}: {_e(speaker_label(result))}: {shown}{flag}"
            f"</summary>{_details_body(report, result, sources)}</details></li>"
        )
    parts.append("</ol>")
    if report.sources:
        parts.append("<h3>Sources</h3><table><tr><th>Id</th><th>Source</th><th>Status</th>"
                     "<th>Speakers</th></tr>")  # fmt: skip
        for source in report.sources:
            where = safe_link(source.final_url or source.url) if source.url else _e(source.path)
            title = f"<br><i>{_e(source.title)}</i>" if source.title else ""
            status = "ok" if source.ok else f"failed: {_e(source.error or 'unknown error')}"
            speakers = ", ".join(
                _e(s) for s in sorted({t.speaker for t in source.turns if t.speaker})
            )
            parts.append(
                f"<tr><td>{_e(source.id)}</td><td>{where}{title}</td><td>{status}</td>"
                f"<td>{speakers}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</section>")
    return "\n".join(parts)


def render_reports(
    reports: list[Report], *, color: bool | None = None, multi: bool = True, verbosity: int = 0
) -> str:
    title = article_name(reports[0]) if len(reports) == 1 else f"{len(reports)} articles"
    legend = " ".join(
        f'<span title="{_e(LABEL_HELP[label])}">{_chip(label)}</span>' for label in LABEL_TITLES
    )
    head = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>factcheck: {_e(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head><body>",
        "<header><h1>factcheck report</h1>",
        f'<p class="muted">Click a highlighted claim to see its evidence. {legend}</p>',
    ]
    if len(reports) > 1:
        total = merge_summaries(summarize(r) for r in reports)
        head.append(f"<p>{total['articles']} articles.</p>" + _summary_html(total))
    head.append("</header>")
    body = [_report_html(report, n) for n, report in enumerate(reports, start=1)]
    if not reports:
        body = ["<p>No articles to check.</p>"]
    return "\n".join([*head, *body, "</body></html>"]) + "\n"
