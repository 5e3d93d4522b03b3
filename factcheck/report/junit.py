"""JUnit XML: one ``<testsuite>`` per article, one ``<testcase>`` per claim.

A claim whose verdict is an error or a warning is a ``<failure>`` (its ``type`` is the verdict
label, its message starts with the severity); a suppressed claim is ``<skipped>`` with the
reason; verified and supported claims pass. The XML is built with ElementTree, which escapes
every attribute and text, and control characters XML 1.0 forbids are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from factcheck.model import Report
from factcheck.report.common import (
    LABEL_TITLES,
    article_name,
    claim_location,
    plain_diff,
    shown_text,
    speaker_label,
)

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text that XML 1.0 can carry (it has no escape for most control characters).

    >>> xml_text("a\\x00b\\tc")
    'ab\\tc'
    """
    return _XML_FORBIDDEN.sub("", text)


def _suite(report: Report) -> ET.Element:
    name = article_name(report)
    suite = ET.Element("testsuite", name=xml_text(name))
    failures = skipped = 0
    sources = {s.id: s for s in report.sources}
    for result in report.results:
        claim, verdict = result.claim, result.verdict
        loc = claim_location(report, result)
        case = ET.SubElement(
            suite,
            "testcase",
            classname=xml_text(name),
            name=xml_text(f"{claim.id} line {loc.line}: {shown_text(result, 80)}"),
            file=xml_text(name),
            line=str(loc.line),
        )
        detail = [
            f"{speaker_label(result)}: {shown_text(result)}",
            f"{LABEL_TITLES[verdict.label]} (score {verdict.score:.0f}): {verdict.reason}",
        ]
        for item in verdict.evidence[:2]:
            source = sources.get(item.source_id)
            where = item.source_id + (f" {source.url or source.path or ''}" if source else "")
            detail.append(f"{where.strip()} ({item.speaker or 'unknown speaker'}): {item.text}")
            if any(op.op != "equal" for op in item.diff):
                detail.append(f"diff: {plain_diff(item.diff)}")
        if claim.suppressed:
            skipped += 1
            ET.SubElement(case, "skipped", message=xml_text(f"suppressed: {claim.suppressed}"))
        elif verdict.severity in ("error", "warning"):
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                type=verdict.label,
                message=xml_text(f"{verdict.severity}: {verdict.reason}"),
            )
            failure.text = xml_text("\n".join(detail))
        else:
            ET.SubElement(case, "system-out").text = xml_text("\n".join(detail))
    suite.set("tests", str(len(report.results)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return suite


def render_reports(
    reports: list[Report], *, color: bool | None = None, multi: bool = True, verbosity: int = 0
) -> str:
    root = ET.Element("testsuites", name="factcheck")
    suites = [_suite(report) for report in reports]
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
