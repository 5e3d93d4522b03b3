"""``factcheck library``."""

from __future__ import annotations

import click


@click.group()
def library() -> None:
    """Not built yet."""
