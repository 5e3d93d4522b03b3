"""``factcheck config``."""

from __future__ import annotations

import click


@click.group()
def config() -> None:
    """Not built yet."""
