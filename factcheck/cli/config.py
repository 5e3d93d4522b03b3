"""``factcheck config``: print the effective configuration."""

from __future__ import annotations

import click

from factcheck.cli.options import config_option, format_option


@click.command()
@config_option
@format_option("toml", "json", default="toml")
def config(config_path: str | None, format_: str) -> None:
    """Print the effective configuration: the defaults with factcheck.toml (or
    [tool.factcheck] in pyproject.toml, looked up from the current folder up to the
    repository root) applied.

    An unknown key or a bad value in the file is an error naming it (exit 2).
    """
    from factcheck.config import load_config, to_toml

    effective = load_config(config_path)
    if format_ == "json":
        import json

        data = {"path": str(effective.path) if effective.path else None, **effective.to_dict()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(to_toml(effective), nl=False)
