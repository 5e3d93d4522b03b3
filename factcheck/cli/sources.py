"""``factcheck sources``."""

from __future__ import annotations

import click


@click.group()
def sources() -> None:
    """Not built yet."""
