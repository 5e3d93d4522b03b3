"""Errors the CLI turns into a one-line message and exit status 2."""

from __future__ import annotations


class FactcheckError(Exception):
    """A problem with the user's input or configuration: shown as one line, exit 2."""


class InputError(FactcheckError):
    """An article or source file that cannot be read as text."""


class ConfigError(FactcheckError):
    """An invalid configuration file or option value."""
