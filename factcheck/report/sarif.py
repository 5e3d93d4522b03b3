"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

One rule per verdict label; one result per finding (verified and supported claims are not
results). Suppressed findings stay, with an in-source suppression, as SARIF intends. Paths are
relative to the repository root under ``%SRCROOT%``; ``partialFingerprints`` hash the path,
label, claimed speaker and words, so a finding keeps its identity when lines move.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from factcheck.model import LABELS, Report
from factcheck.report.common import (
    LABEL_HELP,
    LABEL_TITLES,
    claim_location,
    find_repo_root,
    is_finding,
    repo_relative_path,
    shown_text,
    speaker_label,
)

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note", "none": "none"}


def _rules() -> list[dict[str, Any]]:
    from factcheck.model import default_severity

    rules = []
    for label in LABELS:
        severity = default_severity(label, "quote")
        rules.append(
            {
                "id": label,
                "name": LABEL_TITLES[label].replace(" ", ""),
                "shortDescription": {"text": LABEL_TITLES[label]},
                "fullDescription": {"text": LABEL_HELP[label]},
                "defaultConfiguration": {"level": LEVELS[severity]},
                "properties": {"tags": ["factcheck", "quotes"]},
            }
        )
    return rules


def fingerprint(path: str, label: str, speaker: str, words: str) -> str:
    """A stable identity for a finding: not its line, which moves as the draft is edited.

    >>> same = fingerprint("a.md", "altered", "Ada", "we will")
    >>> fingerprint("a.md", "altered", "Ada", "We  will") == same
    True
    >>> fingerprint("b.md", "altered", "Ada", "we will") == same
    False
    """
    normal = " ".join(words.casefold().split())
    data = "\x1f".join([path, label, speaker.casefold(), normal])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def _results(report: Report, rule_index: dict[str, int], artifact: int | None) -> list[Any]:
    doc = report.document
    path = repo_relative_path(doc.path) if doc.path and doc.path != "-" else None
    results: list[dict[str, Any]] = []
    for result in report.results:
        if not is_finding(result):
            continue
        claim, verdict = result.claim, result.verdict
        words = shown_text(result)
        item: dict[str, Any] = {
            "ruleId": verdict.label,
            "ruleIndex": rule_index[verdict.label],
            "level": LEVELS[verdict.severity],
            "message": {
                "text": f"{LABEL_TITLES[verdict.label]}: {speaker_label(result)}: “{words}”. "
                f"{verdict.reason}"
            },
            "partialFingerprints": {
                "claimIdentity/v1": fingerprint(
                    path or doc.url or "", verdict.label, speaker_label(result), words
                )
            },
            "properties": {"claimId": claim.id, "kind": claim.kind, "score": verdict.score},
        }
        if path is not None:
            loc = claim_location(report, result)
            location: dict[str, Any] = {"uri": path, "uriBaseId": "%SRCROOT%"}
            if artifact is not None:
                location["index"] = artifact
            item["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": {
                            "startLine": loc.line,
                            "startColumn": loc.column,
                            "endLine": loc.end_line,
                            # SARIF's end column is the one after the last character.
                            "endColumn": loc.end_column + 1,
                        },
                    }
                }
            ]
        if verdict.evidence:
            item["relatedLocations"] = [
                {
                    "id": n,
                    "message": {
                        "text": f"{ev.source_id} ({ev.speaker or 'unknown speaker'}): {ev.text}"
                    },
                }
                for n, ev in enumerate(verdict.evidence[:3], start=1)
            ]
        if claim.suppressed:
            item["suppressions"] = [{"kind": "inSource", "justification": claim.suppressed}]
        results.append(item)
    return results


def to_sarif(reports: list[Report]) -> dict[str, Any]:
    from factcheck import __version__

    rules = _rules()
    rule_index = {rule["id"]: n for n, rule in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for report in reports:
        doc = report.document
        artifact: int | None = None
        if doc.path and doc.path != "-":
            artifact = len(artifacts)
            entry: dict[str, Any] = {
                "location": {"uri": repo_relative_path(doc.path), "uriBaseId": "%SRCROOT%"}
            }
            if doc.sha256:
                entry["hashes"] = {"sha-256": doc.sha256}
            artifacts.append(entry)
        results.extend(_results(report, rule_index, artifact))
    root = find_repo_root(Path.cwd()) or Path.cwd()
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": (reports[0].tool_version if reports else "") or __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_reports(
    reports: list[Report], *, color: bool | None = None, multi: bool = True, verbosity: int = 0
) -> str:
    return json.dumps(to_sarif(reports), ensure_ascii=False, indent=2) + "\n"
