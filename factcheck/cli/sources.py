"""``factcheck sources``: fetch, list, show and forget cached sources."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from factcheck.cli.options import FetchArgs, cache_option, fetch_options, format_option

# Fewer sources than this load quickly enough that a progress bar would only flicker.
PROGRESS_THRESHOLD = 4


@click.group()
def sources() -> None:
    """Fetch, list, show and forget cached sources.

    \b
    The cache is a SQLite file: --cache FILE or $FACTCHECK_CACHE, else cache.sqlite in the
    user cache folder (Linux: $XDG_CACHE_HOME/factcheck/cache.sqlite). Only URLs are cached;
    local files are read fresh every time.
    """


@contextmanager
def progress_reporter() -> Iterator[Callable[[int, int, str], None]]:
    """A ``SourceOptions.progress`` callback drawing a rich progress bar on stderr.

    The bar appears on the first report, and only when there are at least
    ``PROGRESS_THRESHOLD`` sources and stderr is a terminal; otherwise nothing is drawn.
    """
    import sys
    from contextlib import ExitStack

    with ExitStack() as stack:
        state: dict[str, Any] = {}

        def report(done: int, total: int, spec: str) -> None:
            if "bar" not in state:
                if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
                    state["bar"] = None
                else:
                    from rich.console import Console
                    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

                    columns = (TextColumn("fetching sources"), BarColumn(), MofNCompleteColumn(),
                               TextColumn("{task.description}", style="dim"))  # fmt: skip
                    bar = Progress(*columns, console=Console(stderr=True), transient=True)
                    stack.enter_context(bar)
                    state["bar"], state["task"] = bar, bar.add_task("", total=total)
            if state["bar"] is not None:
                state["bar"].update(state["task"], completed=done, description=spec[-60:])

        yield report


@sources.command("fetch")
@click.argument("specs", nargs=-1, required=True, metavar="URL|PATH|FOLDER...")
@fetch_options
@format_option("terminal", "json")
def fetch(specs: tuple[str, ...], fetch: FetchArgs, format_: str) -> None:
    """Fetch sources into the cache and say what was read from each.

    URLs are fetched (or taken from the cache) and stored; files, and the files of a
    folder, are read to show what a check would see. Exit status 1 if any source failed
    (each failure is explained), else 0.
    """
    from factcheck.sources import expand_source_specs, load_sources

    all_specs = expand_source_specs([*specs, *fetch.sources])
    with progress_reporter() as progress:
        loaded = load_sources(all_specs, fetch.source_options(progress=progress))
    if format_ == "json":
        import json

        click.echo(json.dumps([s.to_dict() for s in loaded], indent=2, ensure_ascii=False))
    else:
        for source in loaded:
            where = source.url or source.path or ""
            if source.ok:
                detail = f"{len(source.text):,} chars, {len(source.turns)} turns"
                title = f"  {source.title}" if source.title else ""
                click.echo(f"{source.id}  ok     {where}  ({detail}){title}")
            else:
                click.echo(f"{source.id}  error  {where}: {source.error}")
    raise SystemExit(int(any(not s.ok for s in loaded)))


@sources.command("list")
@cache_option
@format_option("terminal", "json")
def list_(cache_path: str | None, format_: str) -> None:
    """List the cached sources, oldest first."""
    from factcheck.sources.cache import Cache

    with Cache(cache_path, create=False) as cache:
        entries = cache.entries()
    if format_ == "json":
        import json

        click.echo(json.dumps(entries, indent=2, ensure_ascii=False))
        return
    if not entries:
        click.echo("The cache is empty.", err=True)
    for entry in entries:
        title = f"  {entry['title']}" if entry["title"] else ""
        click.echo(f"{entry['fetched_at']}  {_size(entry['size']):>8}  {entry['url']}{title}")


@sources.command("show")
@click.argument("url")
@cache_option
@click.option("--text", "show_text", is_flag=True, help="Print the source's text as searched.")
@format_option("terminal", "json")
def show(url: str, cache_path: str | None, show_text: bool, format_: str) -> None:
    """Show what the cache holds for URL: metadata, turns, and with --text the text."""
    from factcheck.errors import FactcheckError
    from factcheck.sources import SourceOptions
    from factcheck.sources.loader import SourceLoader

    options = SourceOptions(offline=True, cache_path=cache_path)
    with SourceLoader(options) as loader:
        entry = loader.cache.get(url) if loader.cache is not None else None
        if entry is None:
            raise FactcheckError(f"{url} is not in the cache")
        source = loader.from_entry(entry, "S1")
    if format_ == "json":
        import json

        data: dict[str, Any] = source.to_dict()
        data.update(media_type=source.media_type, author=source.author,
                    main_text=[s.to_list() for s in source.main_text]
                    if source.main_text is not None else None)  # fmt: skip
        if show_text:
            data["text"] = source.text
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    rows = [("url", source.url), ("final url", source.final_url), ("title", source.title),
            ("author", source.author), ("type", source.media_type),
            ("fetched at", source.fetched_at), ("sha256", source.sha256),
            ("status", source.status if source.ok else f"error: {source.error}"),
            ("text", f"{len(source.text):,} characters"),
            ("main text", "all" if source.main_text is None else
             f"{sum(len(s) for s in source.main_text):,} characters in "
             f"{len(source.main_text)} passages"),
            ("turns", str(len(source.turns)))]  # fmt: skip
    for name, value in rows:
        if value:
            click.echo(f"{name:>10}: {value}")
    if show_text:
        click.echo()
        click.echo(source.text)


@sources.command("forget")
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@cache_option
def forget(urls: tuple[str, ...], cache_path: str | None) -> None:
    """Remove URLs from the cache (the next run fetches them again).

    Exit status 1 if any URL was not cached.
    """
    from factcheck.sources.cache import Cache

    missing = 0
    with Cache(cache_path, create=False) as cache:
        for url in urls:
            if cache.forget(url):
                click.echo(f"forgot {url}")
            else:
                missing += 1
                click.echo(f"not cached: {url}", err=True)
    raise SystemExit(int(missing > 0))


def _size(n: int) -> str:
    """A byte count for people.

    >>> _size(512), _size(2048), _size(3_500_000)
    ('512 B', '2.0 kB', '3.5 MB')
    """
    if n < 1000:
        return f"{n} B"
    if n < 1_000_000:
        return f"{n / 1000:.1f} kB"
    return f"{n / 1_000_000:.1f} MB"
