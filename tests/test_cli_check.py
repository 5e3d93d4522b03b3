"""The check command's own logic: which articles, which exit code, where the report goes.

The pipeline stages are built elsewhere; these tests feed hand-built reports to the functions
the command is made of. End-to-end runs of ``factcheck check`` are added after the merge.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from report_factory import report_with, sample_report
from schema_check import assert_valid_report

from factcheck.cli import main
from factcheck.cli.check import (
    changed_files,
    exit_status,
    merge_config,
    plan_articles,
    write_reports,
)
from factcheck.config import Config
from factcheck.errors import FactcheckError, InputError

# --- exit codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("labels", "fail_on", "expected"),
    [
        ([("verified", "quote"), ("supported", "paraphrase")], "error", 0),
        ([("verified", "quote"), ("supported", "paraphrase")], "warning", 0),
        ([("unverifiable", "quote")], "error", 0),
        ([("unverifiable", "quote")], "warning", 1),
        ([("not_found", "paraphrase")], "warning", 1),
        ([("not_found", "paraphrase")], "error", 0),
        ([("altered", "quote")], "error", 1),
        ([("misattributed", "quote")], "warning", 1),
        ([("not_found", "quote")], "error", 1),
        ([("altered", "quote")], "never", 0),
        ([("unverifiable", "quote")], "never", 0),
    ],
)
def test_exit_status_for_each_fail_on_level(labels: list, fail_on: str, expected: int) -> None:
    report = report_with(labels)
    assert exit_status(report, fail_on, exit_zero=False) == expected
    assert exit_status(report, fail_on, exit_zero=True) == 0


def test_exit_status_of_several_articles_is_the_worst() -> None:
    clean = report_with([("verified", "quote")], path="a.md")
    warned = report_with([("unverifiable", "quote")], path="b.md")
    broken = report_with([("altered", "quote")], path="c.md")
    assert exit_status([clean, warned], "error", False) == 0
    assert exit_status([clean, warned], "warning", False) == 1
    assert exit_status([clean, warned, broken], "error", False) == 1
    assert exit_status([], "warning", False) == 0


def test_severity_from_config_changes_what_fails() -> None:
    from factcheck.pipeline import apply_severity

    report = report_with([("unverifiable", "quote")])
    result = report.results[0]
    apply_severity(result.verdict, result.claim, {"unverifiable": "error"})
    assert exit_status(report, "error", False) == 1


# --- articles ---------------------------------------------------------------------------------


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    for name in ["drafts/a.md", "drafts/sub/b.md", "drafts/sub/c.html", "drafts/notes.pdf",
                 "drafts/.hidden/d.md", "other/e.txt"]:  # fmt: skip
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('Ada said "hello".\n', encoding="utf-8")
    return tmp_path


def test_globs_are_expanded_by_us_sorted_and_deduplicated(drafts: Path) -> None:
    paths, multi = plan_articles(["drafts/**/*.md", "drafts/a.md"], cwd=drafts)
    # glob's ** skips hidden folders, as a shell does.
    assert paths == ["drafts/a.md", "drafts/sub/b.md"]
    assert multi
    paths, _ = plan_articles(["drafts/*/*.html"], cwd=drafts)
    assert paths == ["drafts/sub/c.html"]


def test_a_folder_means_its_articles(drafts: Path) -> None:
    paths, multi = plan_articles(["drafts"], cwd=drafts)
    assert paths == [os.path.join("drafts", "a.md"), os.path.join("drafts", "sub", "b.md"),
                     os.path.join("drafts", "sub", "c.html")]  # fmt: skip
    assert multi


def test_one_plain_article_is_a_single_report(drafts: Path) -> None:
    assert plan_articles(["drafts/a.md"], cwd=drafts) == (["drafts/a.md"], False)
    assert plan_articles(["-"], cwd=drafts) == (["-"], False)
    assert plan_articles(["https://example.org/a?x=*"], cwd=drafts) == (
        ["https://example.org/a?x=*"],
        False,
    )
    # A missing plain file is left for the reader's own one-line error.
    assert plan_articles(["drafts/missing.md"], cwd=drafts) == (["drafts/missing.md"], False)


def test_a_pattern_matching_nothing_is_an_input_error(drafts: Path) -> None:
    with pytest.raises(InputError, match=r"drafts/\*\.rst: no file matches"):
        plan_articles(["drafts/*.rst"], cwd=drafts)


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    for name in ["drafts/old.md", "drafts/kept.md", "drafts/gone.md", "README.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{name}\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    (tmp_path / "drafts/old.md").write_text("edited\n", encoding="utf-8")
    (tmp_path / "drafts/new.md").write_text("new\n", encoding="utf-8")
    (tmp_path / "drafts/gone.md").unlink()
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "feature work")
    # Work on main after the branch point must not count as the branch's change.
    git(tmp_path, "checkout", "-q", "main")
    (tmp_path / "drafts/kept.md").write_text("changed on main\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "main moves on")
    git(tmp_path, "checkout", "-q", "feature")
    (tmp_path / "drafts/untracked.md").write_text("draft\n", encoding="utf-8")
    (tmp_path / "README.txt").write_text("uncommitted edit\n", encoding="utf-8")
    return tmp_path


def test_changed_since_lists_the_branch_changes_in_a_real_repo(repo: Path) -> None:
    assert changed_files("main", repo) == [
        "README.txt",
        os.path.join("drafts", "new.md"),
        os.path.join("drafts", "old.md"),
        os.path.join("drafts", "untracked.md"),
        "notes.pdf",
    ]
    # From a subfolder, paths stay relative to where we stand.
    up = os.pardir + os.sep
    assert changed_files("main", repo / "drafts") == [
        f"{up}README.txt",
        f"{up}notes.pdf",
        "new.md",
        "old.md",
        "untracked.md",
    ]


def test_changed_since_keeps_articles_and_filters_by_the_given_patterns(repo: Path) -> None:
    paths, multi = plan_articles([], changed_since="main", cwd=repo)
    in_drafts = [os.path.join("drafts", name) for name in ("new.md", "old.md", "untracked.md")]
    assert paths == ["README.txt", *in_drafts]
    assert multi
    paths, multi = plan_articles(["drafts/*.md"], changed_since="main", cwd=repo)
    assert [Path(p).name for p in paths] == ["new.md", "old.md", "untracked.md"]
    assert multi
    paths, multi = plan_articles(["drafts/kept.md"], changed_since="main", cwd=repo)
    assert (paths, multi) == ([], True)
    # A pattern matching nothing is no error here: nothing of that kind changed.
    assert plan_articles(["drafts/*.rst"], changed_since="main", cwd=repo) == ([], True)


def test_changed_since_a_bad_ref_is_a_clean_error(repo: Path, tmp_path_factory) -> None:
    with pytest.raises(FactcheckError, match="--changed-since no-such-branch"):
        changed_files("no-such-branch", repo)
    with pytest.raises(FactcheckError, match="not a git ref"):
        changed_files("--output=/tmp/x", repo)
    outside = tmp_path_factory.mktemp("not-a-repo")
    with pytest.raises(FactcheckError, match="git"):
        changed_files("main", outside)


# --- options and output -----------------------------------------------------------------------


def test_command_line_options_override_the_config() -> None:
    config = Config(sources=["a.txt"], fail_on="warning", format="json", library="lib")
    merged = merge_config(config, sources=["b.txt", "a.txt"], fail_on="never", format_="sarif",
                          offline=True, cache_path="c.sqlite", follow_links=False)  # fmt: skip
    assert merged.sources == ["a.txt", "b.txt"]
    assert (merged.fail_on, merged.format, merged.cache) == ("never", "sarif", "c.sqlite")
    assert merged.fetch.offline and merged.library == "lib" and merged.follow_links is False
    untouched = merge_config(Config(fail_on="warning", format="json"))
    assert (untouched.fail_on, untouched.format) == ("warning", "json")


def test_reports_go_to_a_file_with_an_extra_sarif_and_a_step_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    reports = [sample_report(), report_with([("altered", "quote")])]
    out = tmp_path / "report.txt"
    write_reports(reports, "github", output=str(out), sarif_output=str(tmp_path / "r.sarif"))
    assert out.read_text("utf-8").startswith("::error file=drafts/council.md,line=8,")
    assert json.loads((tmp_path / "r.sarif").read_text("utf-8"))["version"] == "2.1.0"
    assert "## factcheck" in summary.read_text("utf-8")
    assert capsys.readouterr().out == ""
    write_reports(reports[:1], "json", multi=False)
    assert_valid_report(capsys.readouterr().out)
    assert not list(tmp_path.glob(".factcheck-*"))  # no temporary file left behind


# --- the command's error paths (no pipeline needed) -------------------------------------------


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli(["check"], capsys)
    assert code == 2 and "give at least one ARTICLE, or --changed-since REF" in err
    code, err = run_cli(["check", "a.md", "-q", "-v"], capsys)
    assert code == 2 and "--quiet and --verbose exclude each other" in err
    code, err = run_cli(["check", "a.md", "--format", "pdf"], capsys)
    assert code == 2 and "pdf" in err


def test_bad_config_or_pattern_exits_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text("fail_on = 'error'\nfial_on = 1\n", encoding="utf-8")
    code, err = run_cli(["check", "a.md"], capsys)
    assert code == 2
    where = tmp_path / "factcheck.toml"
    assert err == f"factcheck: error: {where}: unknown key 'fial_on' (did you mean 'fail_on'?)\n"
    (tmp_path / "factcheck.toml").unlink()
    code, err = run_cli(["check", "drafts/*.md"], capsys)
    assert (code, err) == (2, "factcheck: error: drafts/*.md: no file matches\n")


def test_changed_since_with_nothing_changed_prints_an_empty_report(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--changed-since", "HEAD", "drafts/kept.md", "--format", "json"])
    assert exit_info.value.code == 0
    captured = capsys.readouterr()
    data = assert_valid_report(captured.out)
    assert data["reports"] == [] and data["summary"]["articles"] == 0
    assert "no articles to check" in captured.err


def test_schema_command_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "multi_report" in schema["$defs"]


def test_an_unreadable_article_among_several_is_reported_and_the_run_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    code, err = run_cli(["check", "missing.md", "binary.md", "--format", "json", "-o", "r.json"],
                        capsys)  # fmt: skip
    assert code == 2
    assert err.splitlines() == [
        "factcheck: error: missing.md: no such file",
        "factcheck: error: binary.md: binary file, not text",
    ]
    # The report of what could be checked is still written.
    data = assert_valid_report((tmp_path / "r.json").read_text("utf-8"))
    assert data["reports"] == []


def test_one_unreadable_article_alone_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = run_cli(["check", "missing.md", "-o", "r.json"], capsys)
    assert (code, err) == (2, "factcheck: error: missing.md: no such file\n")
    assert not (tmp_path / "r.json").exists()


def test_colour_and_progress_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from factcheck.cli.check import _progress
    from factcheck.report.terminal import want_color

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert want_color(None, io.StringIO()) is False
    assert want_color(None, Terminal()) is True
    assert want_color(False, Terminal()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert want_color(None, Terminal()) is False
    assert want_color(True, io.StringIO()) is True  # --color forces it
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert _progress(5, enabled=True).enabled is False
    monkeypatch.setattr("sys.stderr", Terminal())
    assert _progress(5, enabled=True).enabled is True
    assert _progress(5, enabled=False).enabled is False
