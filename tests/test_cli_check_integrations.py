"""The pre-commit hook and the GitHub Action call the command with options it really has."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml

from factcheck.cli.check import check

ROOT = Path(__file__).resolve().parent.parent


def check_options() -> set[str]:
    return {opt for param in check.params if isinstance(param, click.Option) for opt in param.opts}


def test_pre_commit_hook_runs_check_serially_on_markdown_and_text() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "factcheck"
    assert hook["entry"] == "factcheck check"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert set(hook["types_or"]) == {"markdown", "plain-text"}


def action_script() -> str:
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    (step,) = [s for s in action["runs"]["steps"] if s.get("id") == "check"]
    for option in ("--format", "--fail-on", "--changed-since", "--config", "--sarif"):
        assert option in step["run"]
        assert option in check_options()
    return str(step["run"])


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None,
                    reason="needs bash and git")  # fmt: skip
def test_action_script_runs_factcheck_and_reports_its_exit_code(tmp_path: Path) -> None:
    script = action_script()
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.md").write_text("x\n", encoding="utf-8")
    env_git = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "."], [*identity, "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=repo, check=True, env={**os.environ, **env_git})
    output = tmp_path / "github-output"
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        **env_git,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "FACTCHECK_CACHE": str(tmp_path / "cache" / "cache.sqlite"),
        "GITHUB_OUTPUT": str(output),
        "INPUT_FILES": "*.md",
        "INPUT_CHANGED_SINCE": "HEAD",
        "INPUT_FAIL_ON": "error",
        "INPUT_CONFIG": "",
        "INPUT_SARIF": "true",
        "INPUT_SARIF_FILE": str(tmp_path / "out.sarif"),
        "INPUT_ARGS": "--offline",
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    # Nothing changed since HEAD: a clean run that still writes its SARIF.
    done = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert output.read_text("utf-8") == "exit-code=0\n"
    assert (tmp_path / "out.sarif").is_file()
    # A usage error is exit 2, passed on as the step's result and its output.
    output.unlink()
    env["INPUT_FAIL_ON"] = "sometimes"
    done = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 2
    assert output.read_text("utf-8") == "exit-code=2\n"
    assert "sometimes" in done.stderr
