"""Benchmarks stay runnable: each imports, and without the evaluation data it skips cleanly.

(A user's clone has no ../shared/eval; the numbers themselves come from ``make bench``.)
"""

from __future__ import annotations

import importlib

import pytest

from benchmarks.__main__ import BENCHMARKS

NEEDS_EVAL = [name for name in BENCHMARKS if name != "report"]


@pytest.mark.parametrize("name", BENCHMARKS)
def test_benchmark_module_has_a_main(name: str) -> None:
    module = importlib.import_module(f"benchmarks.{name}")
    assert callable(module.main)


@pytest.mark.parametrize("name", NEEDS_EVAL)
def test_benchmark_skips_without_eval_data(
    name: str, tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-eval"
    monkeypatch.setenv("FACTCHECK_EVAL", str(missing))
    monkeypatch.setenv("FACTCHECK_POLNEAR", str(missing / "attribution"))
    assert importlib.import_module(f"benchmarks.{name}").main([]) == 0
    assert "skip" in capsys.readouterr().out.lower()
