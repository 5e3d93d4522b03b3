"""Options shared by several commands, defined once so their names, help and defaults agree."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

if TYPE_CHECKING:
    from factcheck.sources import SourceOptions

F = TypeVar("F", bound=Callable[..., Any])


def output_option(f: F) -> F:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True, allow_dash=True),
        default="-",
        show_default=True,
        help="Write the output to this file instead of standard output.",
    )(f)


def format_option(*choices: str, default: str = "terminal") -> Callable[[F], F]:
    """``--format`` (into the parameter ``format_``) with these choices."""
    return click.option(
        "--format",
        "format_",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


cache_option = click.option(
    "--cache",
    "cache_path",
    type=click.Path(dir_okay=False),
    default=None,
    envvar="FACTCHECK_CACHE",
    metavar="FILE",
    help="The SQLite cache file [env: FACTCHECK_CACHE; default: cache.sqlite in the user "
    "cache folder].",
)

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    envvar="FACTCHECK_CONFIG",
    metavar="FILE",
    help="The configuration file [env: FACTCHECK_CONFIG; default: factcheck.toml or "
    "pyproject.toml, looked up from the current folder up to the repository root].",
)


def library_option(purpose: str) -> Callable[[F], F]:
    """``--library FILE`` (into ``library_path``); without it the library is
    ``$FACTCHECK_LIBRARY``, else ``library.sqlite`` in the user cache folder."""
    return click.option(
        "--library",
        "library_path",
        type=click.Path(dir_okay=False),
        default=None,
        metavar="FILE",
        help=f"{purpose} [env: FACTCHECK_LIBRARY; default: library.sqlite in the user cache "
        "folder].",
    )


@dataclass(frozen=True)
class FetchArgs:
    """What the fetch options said; ``fetch_options`` hands it to the command as ``fetch``."""

    sources: tuple[str, ...] = ()
    offline: bool = False
    refresh: bool = False
    allow_private: bool = False
    cache_path: str | None = None
    wayback: bool = False

    def source_options(self, **more: Any) -> SourceOptions:
        """``SourceOptions`` with these settings (and ``more``, e.g. a progress callback)."""
        from factcheck.sources import SourceOptions

        return SourceOptions(
            offline=self.offline, refresh=self.refresh, allow_private=self.allow_private,
            cache_path=self.cache_path, wayback=self.wayback, **more,
        )  # fmt: skip


def fetch_options(f: F) -> F:
    """Where sources come from and how they are fetched: ``--source``, ``--offline``,
    ``--refresh``, ``--allow-private``, ``--cache``, ``--wayback``, passed on as one
    ``fetch: FetchArgs`` parameter."""
    names = [field.name for field in fields(FetchArgs)]

    @functools.wraps(f)
    def command(*args: Any, **kwargs: Any) -> Any:
        fetch = FetchArgs(**{name: kwargs.pop(name) for name in names})
        return f(*args, fetch=fetch, **kwargs)

    decorators = [
        click.option("--source", "sources", multiple=True, metavar="PATH|URL",
                     help="A primary source to check against: a file, a folder of them "
                     "(read recursively) or a URL (repeatable)."),
        click.option("--offline", is_flag=True, help="Use only cached sources; fetch nothing."),
        click.option("--refresh", is_flag=True, help="Revalidate cached sources with the server."),
        click.option("--allow-private", is_flag=True,
                     help="Allow fetching from private, loopback and link-local addresses."),
        cache_option,
        click.option("--wayback", is_flag=True,
                     help="Fall back to the Internet Archive's copy of a dead link."),
    ]  # fmt: skip
    for decorator in reversed(decorators):
        command = decorator(command)
    return cast(F, command)


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
