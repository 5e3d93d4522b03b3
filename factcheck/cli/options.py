"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def output_option(f: F) -> F:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True, allow_dash=True),
        default="-",
        show_default=True,
        help="Write the report to this file instead of standard output.",
    )(f)


def fetch_options(f: F) -> F:
    """Where sources come from and how they are fetched."""
    decorators = [
        click.option("--source", "sources", multiple=True, metavar="PATH|URL",
                     help="A primary source to check against: a file, a folder of them "
                     "(read recursively) or a URL (repeatable)."),
        click.option("--offline", is_flag=True, help="Use only cached sources; fetch nothing."),
        click.option("--refresh", is_flag=True, help="Revalidate cached sources with the server."),
        click.option("--allow-private", is_flag=True,
                     help="Allow fetching from private, loopback and link-local addresses."),
        click.option("--cache", "cache_path", type=click.Path(dir_okay=False), default=None,
                     envvar="FACTCHECK_CACHE", help="The SQLite cache file."),
    ]  # fmt: skip
    decorators.append(
        click.option("--wayback", is_flag=True,
                     help="Fall back to the Internet Archive's copy of a dead link."),
    )  # fmt: skip
    for decorator in reversed(decorators):
        f = decorator(f)
    return f


def write_output(text: str, output: str) -> None:
    """Write to a file atomically (a half-written report never replaces a good one) or stdout."""
    if output == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    import os
    import tempfile

    directory = os.path.dirname(os.path.abspath(output))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".factcheck-", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        from factcheck.errors import FactcheckError

        raise FactcheckError(f"{output}: cannot write ({exc.strerror or exc})") from None
