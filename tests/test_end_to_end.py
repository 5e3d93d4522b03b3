"""The whole pipeline on the bundled examples, through the library and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck
from factcheck.model import Span

ROOT = Path(__file__).resolve().parents[1]
MISQUOTES = ROOT / "fixtures" / "misquotes.md"
SEED = ROOT / "fixtures" / "seed-article.md"


def verdicts_by_text(report: factcheck.model.Report) -> dict[str, str]:
    return {row.claim.text: row.verdict.label for row in report.results}


def find(report: factcheck.model.Report, fragment: str) -> factcheck.model.CheckedClaim:
    matches = [row for row in report.results if fragment in row.claim.text]
    assert matches, f"no claim contains {fragment!r}: {[r.claim.text for r in report.results]}"
    return matches[0]


@pytest.fixture(scope="module")
def misquotes_report() -> factcheck.model.Report:
    return factcheck.check(str(MISQUOTES))


def test_bundled_example_shows_every_verdict(misquotes_report) -> None:
    labels = {row.verdict.label for row in misquotes_report.results}
    assert labels >= {
        "verified",
        "altered",
        "misattributed",
        "not_found",
        "supported",
        "unverifiable",
    }


def test_each_claim_of_the_example_gets_the_right_verdict(misquotes_report) -> None:
    report = misquotes_report
    assert find(report, "I see no reason to meet").verdict.label == "verified"
    altered = find(report, "permanent cessation")
    assert altered.verdict.label == "altered"
    changed = [d for d in altered.verdict.evidence[0].diff if d.op != "equal"]
    assert any("permanent" in d.quote and "temporary" in d.source for d in changed)
    misattributed = find(report, "cannot afford to wait")
    assert misattributed.verdict.label == "misattributed"
    assert "Zelenskyy" in (misattributed.verdict.evidence[0].speaker or "")
    assert find(report, "never negotiate").verdict.label == "not_found"
    assert find(report, "ceasefire would only give Ukraine").verdict.label == "supported"
    unverifiable = find(report, "referendum")
    assert unverifiable.verdict.label == "unverifiable"
    assert "address-transcript.txt" in unverifiable.verdict.reason


def test_evidence_spans_point_at_the_source_text(misquotes_report) -> None:
    sources = {s.id: s for s in misquotes_report.sources}
    for row in misquotes_report.results:
        for evidence in row.verdict.evidence:
            source = sources[evidence.source_id]
            assert evidence.span.slice(source.text) == evidence.text


def test_claim_spans_slice_the_raw_article(misquotes_report) -> None:
    raw = MISQUOTES.read_text(encoding="utf-8")
    for row in misquotes_report.results:
        claim = row.claim
        pieces = [span.slice(raw) for span in claim.content_spans]
        assert all(piece.strip() for piece in pieces)
        assert claim.sentence.start <= claim.content_spans[0].start


def test_verify_quote_api_names_the_true_speaker() -> None:
    source = str(ROOT / "fixtures" / "sources" / "press-conference.txt")
    verdict = factcheck.verify_quote(
        "So the door is closed?", speaker="Vladimir Putin", sources=[source]
    )
    assert verdict.label == "misattributed"
    assert verdict.evidence and verdict.evidence[0].speaker == "Anna Petrova"
    verdict = factcheck.verify_quote("The door is not closed.", speaker="Putin", sources=[source])
    assert verdict.label == "verified"


def test_seed_article_attributions() -> None:
    seed = ROOT / "fixtures" / "seed-article.md"
    doc = factcheck.load_document(str(seed))
    claims = factcheck.extract_claims(doc)
    by_speaker: dict[str | None, list[str]] = {}
    for claim in claims:
        name = claim.speaker.name if claim.speaker else None
        by_speaker.setdefault(name, []).append(claim.text)
        for span in claim.content_spans:
            assert Span(span.start, span.end).slice(doc.raw).strip()
    assert len(by_speaker.get("Vladimir Putin", [])) >= 4
    assert len(by_speaker.get("Volodymyr Zelenskyy", [])) >= 2
    assert any("official" in (name or "").lower() for name in by_speaker)
    assert any("leadership" in (name or "").lower() for name in by_speaker)
    vague = [c for c in claims if c.vague]
    assert vague and all(c.speaker is None for c in vague)
    rude = [c for c in claims if c.quoted_text and "rude" in c.quoted_text]
    assert rude and rude[0].speaker and rude[0].speaker.name == "Vladimir Putin"
    assert rude[0].cue and rude[0].cue.text == "labeling"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


def test_cli_check_json_and_exit_codes(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run_cli("check", "fixtures/misquotes.md", "--format", "json", "-o", str(out))
    assert result.returncode == 1, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"].startswith("1.")
    assert data["summary"]["errors"] >= 3
    assert (
        run_cli("check", "fixtures/misquotes.md", "--exit-zero", "--format", "json").returncode == 0
    )
    assert run_cli("check", "fixtures/misquotes.md", "--fail-on", "never").returncode == 0


def test_cli_claims_json_on_the_seed() -> None:
    result = run_cli("claims", "fixtures/seed-article.md", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    claims = data["documents"][0]["claims"]
    raw = SEED.read_text(encoding="utf-8")
    for claim in claims:
        for start, end in claim["content_spans"]:
            assert raw[start:end].strip()
        assert claim["location"]["line"] >= 1


def test_cli_terminal_report_is_readable() -> None:
    result = run_cli("check", "fixtures/misquotes.md")
    assert result.returncode == 1
    shown = result.stdout.lower()
    for label in ("verified", "altered", "misattributed", "not found", "supported", "unverifiable"):
        assert label in shown
    assert "[-temporary-]{+permanent+}" in result.stdout  # the word diff, readable without colour


@pytest.mark.parametrize(
    "link",
    ["../secret.txt", "/etc/passwd", "file:///etc/passwd", ".git/config", "sub/../../secret.txt"],
)
def test_article_links_cannot_read_files_outside_its_folder(tmp_path: Path, link: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN said the password is hunter2.", encoding="utf-8")
    drafts = tmp_path / "drafts"
    (drafts / ".git").mkdir(parents=True)
    (drafts / ".git" / "config").write_text("token = SECRET-TOKEN\n", encoding="utf-8")
    article = drafts / "story.md"
    article.write_text(
        f'"The password is hunter2," the minister said, according to [a file]({link}).\n',
        encoding="utf-8",
    )
    report = factcheck.check(str(article))
    assert report.sources and all(not s.ok for s in report.sources)
    assert all("SECRET" not in s.text for s in report.sources)
    assert all("folder" in (s.error or "") or "hidden" in (s.error or "") for s in report.sources)
    # Named by the user on the command line, the same file is read.
    trusted = factcheck.check(str(article), sources=[str(secret)])
    assert any(s.ok and "SECRET" in s.text for s in trusted.sources)


def test_a_folder_given_as_source_means_its_files(tmp_path: Path) -> None:
    article = tmp_path / "story.md"
    article.write_text('"The door is not closed," Vladimir Putin said.\n', encoding="utf-8")
    report = factcheck.check(str(article), sources=[str(ROOT / "fixtures" / "sources")])
    assert sorted(Path(s.path or "").name for s in report.sources) == [
        "press-conference.txt",
        "zelenskyy-statement.html",
    ]
    assert report.results[0].verdict.label == "verified"


def test_front_matter_folder_outside_the_article_is_refused_whole(tmp_path: Path) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "notes.txt").write_text("MINISTER: The door is not closed.\n", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    article = drafts / "story.md"
    article.write_text(
        '---\nsources: ["../private"]\n---\n"The door is not closed," the minister said.\n',
        encoding="utf-8",
    )
    report = factcheck.check(str(article))
    assert len(report.sources) == 1 and not report.sources[0].ok
    assert "notes.txt" not in json.dumps([s.to_dict() for s in report.sources])


def test_cli_online_then_offline_gives_the_same_verdicts(server, tmp_path: Path) -> None:
    """The issue's acceptance path: links to transcripts on a web server, checked online,
    then again with --offline from the cache; and the private-address guard holds."""
    for name, kind in [
        ("press-conference.txt", "text/plain"),
        ("zelenskyy-statement.html", "text/html"),
    ]:
        body = (ROOT / "fixtures" / "sources" / name).read_bytes()
        server.expect_request(f"/{name}").respond_with_data(
            body, content_type=f"{kind}; charset=utf-8"
        )
    article = tmp_path / "story.md"
    article.write_text(
        f"---\nsources: [{server.url_for('/zelenskyy-statement.html')}]\n---\n"
        "“I see no reason to meet at this stage,” Putin told reporters at a "
        f"[press conference]({server.url_for('/press-conference.txt')}).\n\n"
        "“Genuine peace talks require far more than a permanent cessation of fighting,” "
        "Putin said.\n\n"
        "Putin also declared: “The world cannot afford to wait while people die.”\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache.sqlite"
    common = ["check", str(article), "--format", "json", "--cache", str(cache), "--exit-zero"]

    online = run_cli(*common, "--allow-private")
    assert online.returncode == 0, online.stderr
    fetched = len(server.log)
    offline = run_cli(*common, "--offline")
    assert offline.returncode == 0, offline.stderr
    assert len(server.log) == fetched  # nothing fetched offline

    def labels(result: subprocess.CompletedProcess[str]) -> list[str]:
        return [c["verdict"]["label"] for c in json.loads(result.stdout)["claims"]]

    assert labels(online) == ["verified", "altered", "misattributed"]
    assert labels(offline) == labels(online)

    guarded = run_cli("check", str(article), "--format", "json", "--cache", str(tmp_path / "c2"))
    data = json.loads(guarded.stdout)
    assert all(s["status"] == "error" for s in data["sources"])
    assert all("private" in (s["error"] or "") for s in data["sources"])
    assert {c["verdict"]["label"] for c in data["claims"]} == {"unverifiable"}
