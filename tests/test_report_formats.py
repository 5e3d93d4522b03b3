"""Every report format on hand-built reports: structure, escaping and the facts they carry."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from report_factory import hostile_report, report_with, sample_report
from schema_check import assert_valid_report

from factcheck.model import LABELS
from factcheck.report import FORMATS, render, render_many, report_to_dict, reports_to_dict

SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


# --- JSON -------------------------------------------------------------------------------------


def test_json_report_validates_and_counts_every_claim_once() -> None:
    data = assert_valid_report(render(sample_report(), "json"))
    assert data["schema_version"] == "1.0"
    assert data["tool"]["name"] == "factcheck"
    assert data["article"]["path"] == "drafts/council.md"
    assert data["article"]["title"] == 'Bridge & "taxes" <draft>'
    summary = data["summary"]
    assert summary["claims"] == 9
    assert summary["by_label"] == {
        "verified": 1,
        "supported": 1,
        "altered": 2,
        "misattributed": 1,
        "not_found": 3,
        "unverifiable": 1,
    }
    # C7 (altered, an error) is suppressed: counted apart, not as an error.
    assert (summary["errors"], summary["warnings"], summary["suppressed"]) == (4, 2, 1)
    assert summary["sources_failed"] == 1
    suppressed = [c for c in data["claims"] if c["suppressed"]]
    assert [c["id"] for c in suppressed] == ["C7"]
    altered = next(c for c in data["claims"] if c["id"] == "C2")
    assert altered["verdict"]["evidence"][0]["diff"][1] == {
        "op": "replace",
        "quote": "never",
        "source": "not",
    }
    vague = next(c for c in data["claims"] if c["id"] == "C8")
    assert vague["speaker"] is None and vague["vague"] is True
    failed = next(s for s in data["sources"] if s["id"] == "S2")
    assert failed["status"] == "error" and failed["error"] == "HTTP 404 Not Found"


def test_several_articles_give_a_reports_list_with_a_total() -> None:
    reports = [sample_report(), report_with([("altered", "quote")], path="b.md")]
    data = assert_valid_report(render_many(reports, "json"))
    assert [r["article"]["path"] for r in data["reports"]] == ["drafts/council.md", "b.md"]
    assert data["summary"]["articles"] == 2
    assert data["summary"]["claims"] == 10 and data["summary"]["errors"] == 5
    assert "claims" not in data
    assert assert_valid_report(reports_to_dict([]))["reports"] == []


def test_schema_rejects_a_report_missing_its_summary() -> None:
    data = report_to_dict(sample_report())
    del data["summary"]
    with pytest.raises(AssertionError, match="summary"):
        assert_valid_report(data)
    data = report_to_dict(sample_report())
    data["claims"][0]["verdict"]["label"] = "maybe"
    with pytest.raises(AssertionError, match="maybe"):
        assert_valid_report(data)


def test_hostile_report_is_valid_json() -> None:
    assert_valid_report(render(hostile_report(), "json"))


def test_jsonl_has_one_line_per_claim_then_a_summary() -> None:
    text = render_many([sample_report(), report_with([("verified", "quote")])], "jsonl")
    rows = [json.loads(line) for line in text.splitlines()]
    assert [r["type"] for r in rows] == ["claim"] * 9 + ["summary", "claim", "summary"]
    assert {r["article"] for r in rows} == {"drafts/council.md", "a.md"}
    assert rows[1]["verdict"]["label"] == "altered"
    assert rows[9]["suppressed"] == 1


def test_unknown_format_is_a_config_error() -> None:
    from factcheck.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown report format 'pdf'"):
        render(sample_report(), "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_no_articles(fmt: str) -> None:
    text = render_many([], fmt)
    # Still a complete document (JSON, XML, a page), or nothing at all for JSON Lines.
    assert text.endswith("\n") or (fmt == "jsonl" and text == "")


# --- terminal ---------------------------------------------------------------------------------


def test_terminal_plain_shows_verdicts_diff_evidence_and_summary() -> None:
    text = render(sample_report(), "terminal", color=False)
    assert "\x1b[" not in text
    assert "Altered quote C2 Ada Lovelace: “we will never raise taxes”" in text
    assert "diff: we will [-not-]{+never+} raise taxes [-this year-]" in text
    assert "S1 Council transcript 3:10 (Charles Babbage)" in text
    assert "[suppressed: factcheck: ignore comment at line 18]" in text
    assert "(no speaker): “will merge with the county”  [vague attribution]" in text
    assert "S2 https://example.org/minutes  failed: HTTP 404 Not Found" in text
    assert text.rstrip().splitlines()[-1].startswith("9 claims (1 verified, 1 supported, 2 altered")
    assert "4 errors, 2 warnings, 1 suppressed" in text


def test_terminal_colour_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = render(sample_report(), "terminal", color=True)
    assert "\x1b[" in coloured and "[-not-]" not in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in render(sample_report(), "terminal")


def test_terminal_quiet_lists_findings_only_and_verbose_adds_evidence() -> None:
    quiet = render(sample_report(), "terminal", color=False, verbosity=-1)
    assert "C1 " not in quiet and "C5 " not in quiet and "C7 " not in quiet
    assert "C2 " in quiet and "C9 " in quiet
    verbose = render(sample_report(), "terminal", color=False, verbosity=1)
    assert "The quote appears word for word" in verbose
    assert "S1 sources/council-transcript.txt  ok, 3 speaker turns" in verbose


def test_terminal_markup_in_text_is_not_interpreted() -> None:
    report = sample_report()
    report.results[1].verdict.reason = "[bold red]not markup[/] and [link=x]y[/link]"
    text = render(report, "terminal", color=False)
    assert "[bold red]not markup[/] and [link=x]y[/link]" in text


def test_render_claims_lists_id_kind_speaker_cue_location_and_vague_flag() -> None:
    from factcheck.report.terminal import render_claims

    claims = [r.claim for r in sample_report().results]
    text = render_claims([("drafts/council.md", claims), ("empty.md", [])], color=False)
    assert "C2   quote         8:26  Ada Lovelace (“Lovelace”)  cue: told" in text
    assert "C8   partial_quote 21:36  (no speaker)  cue: According to  [vague attribution]" in text
    assert "“we will never raise taxes”" in text
    assert "empty.md\n  no claims found" in text


def test_render_verdict_shows_label_reason_evidence_and_diff() -> None:
    from factcheck.report.terminal import render_verdict

    verdict = sample_report().results[1].verdict
    text = render_verdict("we will never raise taxes", "Ada Lovelace", verdict, color=False)
    assert text.startswith("Altered quote  score 60")
    assert "“we will never raise taxes” — Ada Lovelace" in text
    assert "diff: we will [-not-]{+never+} raise taxes [-this year-]" in text
    assert "(no speaker given)" in render_verdict("x", None, verdict, color=False)


# --- markdown ---------------------------------------------------------------------------------


def test_markdown_lists_findings_worst_first_and_escapes_text() -> None:
    report = sample_report()
    report.results[1].claim.quoted_text = "a | b <script>alert(1)</script> [x](javascript:y)"
    text = render(report, "markdown")
    rows = [line for line in text.splitlines() if re.match(r"\| \d+:\d+ \|", line)]
    severities = [row.split(" | ")[2] for row in rows]
    assert severities == ["error"] * 3 + ["suppressed (error)", "error", "warning", "warning"]
    assert "<script>" not in text
    assert "a \\| b &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(javascript:y\\)" in text
    assert all(row.count(" | ") == 5 for row in rows)
    assert "- diff: ` we will [-not-]{+never+} raise taxes [-this year-] `" in text


# --- SARIF ------------------------------------------------------------------------------------


def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_sarif_validates_against_the_official_schema() -> None:
    validator = sarif_validator()
    for reports in ([sample_report()], [sample_report(), hostile_report()], []):
        data = json.loads(render_many(reports, "sarif"))
        errors = list(validator.iter_errors(data))
        assert not errors, [e.message for e in errors]
    broken = json.loads(render(sample_report(), "sarif"))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(broken))


def test_sarif_rules_results_locations_and_fingerprints() -> None:
    run = json.loads(render(sample_report(), "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(LABELS)
    results = run["results"]
    # Findings only: 9 claims less the verified and the supported one.
    assert len(results) == 7
    by_id = {r["properties"]["claimId"]: r for r in results}
    altered = by_id["C2"]
    assert rules[altered["ruleIndex"]]["id"] == altered["ruleId"] == "altered"
    assert altered["level"] == "error"
    location = altered["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "drafts/council.md",
        "uriBaseId": "%SRCROOT%",
        "index": 0,
    }
    # Line 8, columns 26..50 inclusive: SARIF's end column is exclusive.
    assert location["region"] == {"startLine": 8, "startColumn": 26, "endLine": 8, "endColumn": 51}
    assert by_id["C9"]["level"] == "warning"
    assert by_id["C7"]["suppressions"][0]["kind"] == "inSource"
    prints = {r["partialFingerprints"]["claimIdentity/v1"] for r in results}
    assert len(prints) == 7
    # Moving the claim to another line keeps its fingerprint.
    moved = sample_report()
    moved.results[1].claim.location = None
    moved.results[1].claim.content_spans = [type(moved.results[1].claim.content_spans[0])(0, 3)]
    moved_run = json.loads(render(moved, "sarif"))["runs"][0]
    moved_c2 = next(r for r in moved_run["results"] if r["properties"]["claimId"] == "C2")
    assert moved_c2["partialFingerprints"] == altered["partialFingerprints"]
    assert moved_c2["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_sarif_paths_are_relative_to_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "news" / "drafts").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "news")
    report = sample_report(path="drafts/council.md")
    run = json.loads(render(report, "sarif"))["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "news/drafts/council.md"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


# --- GitHub -----------------------------------------------------------------------------------

# A workflow command: ::level key=value,...::message, with every reserved character escaped.
PROPERTY = r"(?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*"
COMMAND = re.compile(rf"^::(error|warning|notice) {PROPERTY}(?:,{PROPERTY})*::[^\r\n]*$")


def test_github_annotations_follow_the_grammar_worst_first() -> None:
    lines = render(sample_report(), "github").splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert all(COMMAND.match(line) for line in commands), commands
    levels = [line[2 : line.index(" ")] for line in commands]
    assert levels == ["error"] * 4 + ["warning"] * 2
    assert not any("(C7)" in line for line in commands)  # suppressed
    assert commands[0].startswith(
        "::error file=drafts/council.md,line=8,col=26,endColumn=50,endLine=8,"
        "title=factcheck%3A Altered quote (C2)::"
    )
    assert lines[-1] == "factcheck: 1 article(s), 9 claims: 4 errors, 2 warnings, 1 suppressed"


def test_github_escapes_reserved_characters() -> None:
    report = report_with([("altered", "quote")], path="odd, name:100%.md")
    report.results[0].verdict.reason = "50% of it\r\nchanged: a, b"
    line = render(report, "github").splitlines()[0]
    assert COMMAND.match(line), line
    assert "file=odd%2C name%3A100%25.md," in line
    assert line.endswith("because".replace("because", "50%25 of it%0D%0Achanged: a, b"))


def test_github_step_summary_is_appended_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.report.github import write_step_summary

    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert write_step_summary([sample_report()]) is False
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    assert write_step_summary([sample_report()]) is True
    text = target.read_text("utf-8")
    assert text.startswith("earlier step\n## factcheck\n")
    assert "| drafts/council.md | 9 | 4 | 2 | 1 |" in text
    assert "| 8:26 | Altered quote | error | Ada Lovelace | we will never raise taxes |" in text
    assert "we fired nobody" not in text  # suppressed findings stay out of the table


# --- JUnit ------------------------------------------------------------------------------------


def test_junit_is_xml_with_one_testcase_per_claim() -> None:
    report = sample_report()
    report.results[3].verdict.reason = "bad \x00 byte & <tag>"
    root = ET.fromstring(render_many([report, report_with([("verified", "quote")])], "junit"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["drafts/council.md", "a.md"]
    cases = suites[0].findall("testcase")
    assert len(cases) == 9
    failures = {c.get("name", "").split()[0]: c.find("failure") for c in cases}
    assert failures["C2"] is not None and failures["C2"].get("type") == "altered"
    assert failures["C1"] is None
    assert (
        failures["C4"] is not None and failures["C4"].get("message") == "error: bad  byte & <tag>"
    )
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert [c.get("name", "")[:2] for c in skipped] == ["C7"]
    assert suites[0].get("failures") == "6" and suites[0].get("skipped") == "1"
    assert root.get("tests") == "10"
