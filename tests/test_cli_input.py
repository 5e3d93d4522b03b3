"""Bad input on the command line: one line on stderr, exit status 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[bytes], fragment: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("factcheck: error:")
    assert fragment in lines[0]


def make_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Putin a dit \u00abnon\u00bb.".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    return {"empty": empty, "binary": binary, "latin": latin, "huge": huge}


@pytest.mark.parametrize("command", ["check", "claims"])
@pytest.mark.parametrize(
    ("case", "fragment"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("empty", "empty file"),
        ("binary", "binary file"),
        ("latin", "not valid UTF-8"),
        ("huge", "too large"),
    ],
)
def test_bad_article_files(tmp_path: Path, command: str, case: str, fragment: str) -> None:
    paths = make_inputs(tmp_path)
    if case == "directory" and command == "check":
        # `check` walks a folder of drafts: each unreadable one gets its own line, exit 2.
        result = run(command, str(tmp_path))
        stderr = result.stderr.decode()
        assert result.returncode == 2 and "Traceback" not in stderr
        lines = stderr.strip().splitlines()
        assert len(lines) == len(paths)
        assert all(line.startswith("factcheck: error:") for line in lines)
        return
    target = {"missing": tmp_path / "nope.md", "directory": tmp_path}.get(case) or paths[case]
    assert_one_line_error(run(command, str(target)), fragment)


def test_empty_stdin(tmp_path: Path) -> None:
    assert_one_line_error(run("check", "-", stdin=b""), "empty file")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "fixtures/misquotes.md", "--format", "yaml"],
        ["check", "fixtures/misquotes.md", "--fail-on", "sometimes"],
        ["claims", "fixtures/misquotes.md", "--format", "xml"],
        ["check", "--no-such-option", "x.md"],
        ["no-such-command"],
    ],
)
def test_usage_errors_are_one_line(args: list[str]) -> None:
    root = Path(__file__).resolve().parents[1]
    result = run(*args, cwd=root)
    assert_one_line_error(result, "")
    assert "--help" in result.stderr.decode()


def test_unwritable_output_keeps_one_line_error(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    target = tmp_path / "no" / "such" / "dir" / "report.json"
    result = run(
        "claims", "fixtures/seed-article.md", "--format", "json", "-o", str(target), cwd=root
    )
    assert_one_line_error(result, "cannot write")


def test_help_starts_without_heavy_imports() -> None:
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('httpx', 'rapidfuzz', 'bs4', 'rich', 'sqlite_utils', 'trafilatura')"
        " if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "Commands:" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "HEAVY:"
