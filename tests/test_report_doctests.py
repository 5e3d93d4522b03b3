"""The docstring examples of the report, config and suppression modules are tests too."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "factcheck.config",
    "factcheck.suppressions",
    "factcheck.report.common",
    "factcheck.report.github",
    "factcheck.report.html",
    "factcheck.report.junit",
    "factcheck.report.markdown",
    "factcheck.report.sarif",
    "factcheck.report.terminal",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no examples"
