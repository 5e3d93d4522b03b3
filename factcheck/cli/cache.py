"""``factcheck cache``: where the cache is, what it holds, and clearing it."""

from __future__ import annotations

import click

from factcheck.cli.options import cache_option, format_option


@click.group()
def cache() -> None:
    """Inspect or clear the source cache (a SQLite file you can also open with Datasette)."""


@cache.command("info")
@cache_option
@format_option("terminal", "json")
def info(cache_path: str | None, format_: str) -> None:
    """Print the cache's path, how many sources it holds and its size."""
    from factcheck.cli.sources import _size
    from factcheck.sources.cache import Cache

    with Cache(cache_path, create=False) as store:
        stats = store.stats()
    if format_ == "json":
        import json

        click.echo(json.dumps(stats, indent=2))
        return
    click.echo(f"path:      {stats['path']}{'' if stats['exists'] else ' (not created yet)'}")
    click.echo(f"sources:   {stats['responses']}")
    click.echo(f"readings:  {stats['readings']}")
    click.echo(f"bodies:    {_size(stats['body_bytes'])}")
    click.echo(f"file size: {_size(stats['file_bytes'])}")


@cache.command("clear")
@cache_option
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
def clear(cache_path: str | None, yes: bool) -> None:
    """Delete every cached source (the file itself stays, empty)."""
    from factcheck.sources.cache import Cache

    with Cache(cache_path, create=False) as store:
        if store.conn is None:
            click.echo(f"no cache at {store.path}", err=True)
            return
        count = len(store.entries())
        if not yes:
            import sys

            if not sys.stdin.isatty():
                raise click.UsageError("refusing to clear the cache without --yes")
            click.confirm(f"Delete {count} cached sources from {store.path}?", abort=True)
        removed = store.clear()
    click.echo(f"cleared {removed} cached sources from {store.path}")
