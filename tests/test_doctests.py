"""Every docstring example in the package is a test too: the rules' passing and failing cases
run here, module by module, so an example that stops being true fails the suite."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import factcheck

# Every module of the package (``__main__`` would run the command line when imported).
MODULES = sorted(
    name
    for _finder, name, _is_package in pkgutil.walk_packages(factcheck.__path__, "factcheck.")
    if not name.endswith(".__main__")
)
# The modules that have examples today (rules and heuristics carry a passing and a failing
# one each): an example deleted by accident fails here.
WITH_EXAMPLES = [
    "factcheck.cli.sources",
    "factcheck.config",
    "factcheck.documents",
    "factcheck.documents.markdown",
    "factcheck.documents.pdf",
    "factcheck.documents.plain",
    "factcheck.documents.transcripts",
    "factcheck.documents.view",
    "factcheck.documents.webpage",
    "factcheck.library",
    "factcheck.match.diff",
    "factcheck.match.ellipsis",
    "factcheck.match.paraphrase",
    "factcheck.match.passages",
    "factcheck.match.speakers",
    "factcheck.model",
    "factcheck.report.common",
    "factcheck.report.github",
    "factcheck.report.html",
    "factcheck.report.junit",
    "factcheck.report.markdown",
    "factcheck.report.sarif",
    "factcheck.report.terminal",
    "factcheck.sources.decode",
    "factcheck.sources.fetch",
    "factcheck.sources.folders",
    "factcheck.sources.loader",
    "factcheck.sources.reader",
    "factcheck.sources.robots",
    "factcheck.sources.safety",
    "factcheck.suppressions",
    "factcheck.text",
]


def test_every_listed_module_exists() -> None:
    assert set(WITH_EXAMPLES) <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    if name in WITH_EXAMPLES:
        assert result.attempted > 0, f"{name} has no examples"
