"""``factcheck schema``: print the JSON Schema of the report."""

from __future__ import annotations

import click


@click.command()
def schema() -> None:
    """Print the JSON Schema that every JSON report validates against."""
    from importlib.resources import files

    click.echo(files("factcheck.schema").joinpath("report.schema.json").read_text("utf-8"), nl=False)
