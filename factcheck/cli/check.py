"""``factcheck check``: the main job."""

from __future__ import annotations

import click

from factcheck.cli.options import fetch_options, output_option, write_output

FAIL_LEVELS = ("error", "warning", "never")


@click.command()
@click.argument("article", type=str)
@fetch_options
@click.option("--format", "format_", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help="Report format.")
@output_option
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless the tool itself fails.")
def check(
    article: str,
    sources: tuple[str, ...],
    offline: bool,
    refresh: bool,
    allow_private: bool,
    cache_path: str | None,
    format_: str,
    output: str,
    fail_on: str,
    exit_zero: bool,
) -> None:
    """Check the claims in ARTICLE (a file, - for stdin, or a URL) against primary sources.

    Sources are the article's links, its front matter's `sources:` list and every --source.
    """
    from factcheck.pipeline import CheckOptions, check as run_check
    from factcheck.report import render
    from factcheck.sources import SourceOptions

    options = CheckOptions(
        sources=list(sources),
        fetch=SourceOptions(offline=offline, refresh=refresh, allow_private=allow_private,
                            cache_path=cache_path),
    )  # fmt: skip
    report = run_check(article, options=options)
    write_output(render(report, format_), output)
    raise SystemExit(exit_status(report, fail_on, exit_zero))


def exit_status(report: object, fail_on: str, exit_zero: bool) -> int:
    """0 if no unsuppressed finding is at or above ``fail_on``, else 1."""
    from factcheck.model import Report

    assert isinstance(report, Report)
    if exit_zero or fail_on == "never":
        return 0
    levels = {"error"} if fail_on == "error" else {"error", "warning"}
    return int(any(r.verdict.severity in levels for r in report.findings))
