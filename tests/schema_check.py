"""Validate JSON reports against the shipped schema (shared by every test that makes one)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

import jsonschema


@lru_cache(maxsize=1)
def report_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(files("factcheck.schema").joinpath("report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid_report(data: dict[str, Any] | str) -> dict[str, Any]:
    """Fail, listing every schema error, unless ``data`` (a dict or JSON text) is a valid report."""
    if isinstance(data, str):
        data = json.loads(data)
    assert isinstance(data, dict)
    errors = list(report_validator().iter_errors(data))
    assert not errors, "\n".join(sorted({_describe(leaf) for e in errors for leaf in _leaves(e)}))
    return data


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """The innermost errors: a failed ``oneOf`` says little, its branches' errors say what."""
    if not error.context:
        return [error]
    return [leaf for sub in error.context for leaf in _leaves(sub)]


def _describe(error: jsonschema.ValidationError) -> str:
    message = error.message if len(error.message) < 300 else error.message[:300] + "..."
    return f"{'/'.join(str(p) for p in error.absolute_path)}: {message}"
