"""The PolNeAR benchmark skips cleanly when the corpus is not there (a user's clone)."""

from __future__ import annotations

import pytest

from benchmarks import attribution


def test_skips_without_data(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FACTCHECK_POLNEAR", str(tmp_path / "absent"))
    assert attribution.main(["--split", "dev"]) == 0
    assert "skip: PolNeAR not found" in capsys.readouterr().out


def test_rejects_unknown_split() -> None:
    with pytest.raises(SystemExit):
        attribution.main(["--split", "test"])
