"""The ``factcheck`` command: a thin click shell over the library.

Subcommands live in their own modules and are imported only when run, so ``factcheck --help``
starts without loading httpx, rapidfuzz or bs4.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

# name -> "module:attribute"; each module owns one command or command group.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("factcheck.cli.check:check", "Check the claims of articles against primary sources."),
    "claims": ("factcheck.cli.claims:claims", "List the quotes and reported speech in articles."),
    "quote": ("factcheck.cli.quote:quote", "Verify one quote against sources."),
    "sources": ("factcheck.cli.sources:sources", "Fetch, list, show and forget cached sources."),
    "cache": ("factcheck.cli.cache:cache", "Inspect or clear the source cache."),
    "library": ("factcheck.cli.library:library", "Manage the local library of transcripts."),
    "config": ("factcheck.cli.config:config", "Print the effective configuration."),
    "schema": ("factcheck.cli.schema:schema", "Print the JSON Schema of the report."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target[0].split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help text comes from COMMANDS so that --help imports nothing.
        rows = [(name, COMMANDS[name][1]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck", prog_name="factcheck")
def cli() -> None:
    """Check quotes and reported speech in news articles against primary sources.

    \b
    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.
    """


def main(argv: list[str] | None = None) -> Any:
    """Entry point: every expected failure is one line on stderr and exit status 2."""
    from factcheck.errors import FactcheckError

    try:
        return cli.main(args=argv, prog_name="factcheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("factcheck: aborted", err=True)
        sys.exit(2)
    except click.UsageError as exc:
        # One line, with the way to more help, instead of click's three-line usage block.
        command = exc.ctx.command_path if exc.ctx else "factcheck"
        click.echo(f"factcheck: error: {exc.format_message()} (see '{command} --help')", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"factcheck: error: {exc.format_message()}", err=True)
        sys.exit(2)
    except FactcheckError as exc:
        click.echo(f"factcheck: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # the one place a bug becomes a clean error, not a traceback
        click.echo(
            f"factcheck: internal error: {type(exc).__name__}: {exc} "
            "(please report this with the input that caused it)",
            err=True,
        )
        sys.exit(2)
