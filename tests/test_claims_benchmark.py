"""The PolNeAR benchmark skips cleanly when the corpus is not there (a user's clone)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_benchmark(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACTCHECK_POLNEAR": str(env_dir)}
    return subprocess.run(
        [sys.executable, "-m", "benchmarks.attribution", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_skips_without_data(tmp_path: Path) -> None:
    result = run_benchmark("--split", "dev", env_dir=tmp_path / "absent")
    assert result.returncode == 0
    assert "skip: PolNeAR not found" in result.stdout


def test_rejects_unknown_split(tmp_path: Path) -> None:
    result = run_benchmark("--split", "test", env_dir=tmp_path)
    assert result.returncode == 2 and "invalid choice" in result.stderr
