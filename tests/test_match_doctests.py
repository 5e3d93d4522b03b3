"""The rules' docstring examples (a passing and a failing case each) are tests too."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "factcheck.text",
    "factcheck.documents.transcripts",
    "factcheck.match.speakers",
    "factcheck.match.ellipsis",
    "factcheck.match.diff",
    "factcheck.match.paraphrase",
    "factcheck.match.passages",
    "factcheck.library",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
