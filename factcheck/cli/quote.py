"""``factcheck quote``: verify one quote."""

from __future__ import annotations

import click

from factcheck.cli.options import fetch_options, output_option, write_output


@click.command()
@click.argument("text")
@click.option("--speaker", default=None, help="Who the quote is attributed to.")
@fetch_options
@click.option(
    "--format",
    "format_",
    type=click.Choice(["terminal", "json"]),
    default="terminal",
    show_default=True,
    help="Output format.",
)
@output_option
@click.option(
    "--library",
    default=None,
    metavar="PATH",
    help="The library searched when no --source is given "
    "[default: $FACTCHECK_LIBRARY, else library.sqlite in the user cache].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 whatever the verdict.")
def quote(
    text: str,
    speaker: str | None,
    sources: tuple[str, ...],
    offline: bool,
    refresh: bool,
    allow_private: bool,
    cache_path: str | None,
    wayback: bool,
    format_: str,
    output: str,
    library: str | None,
    exit_zero: bool,
) -> None:
    """Verify the quote TEXT, attributed to --speaker, against every --source.

    Exits 1 when the verdict is an error (altered, misattributed, not found).
    """
    import json

    from factcheck.errors import FactcheckError
    from factcheck.pipeline import CheckOptions, verify_quote
    from factcheck.sources import SourceOptions, expand_source_specs

    if not text.strip():
        raise FactcheckError("the quote is empty")
    options = CheckOptions(
        fetch=SourceOptions(offline=offline, refresh=refresh, allow_private=allow_private,
                            cache_path=cache_path, wayback=wayback),
        library=library,
    )  # fmt: skip
    specs = expand_source_specs(sources)
    verdict = verify_quote(text, speaker=speaker, sources=list(specs), options=options)
    if format_ == "json":
        payload = {"quote": text, "speaker": speaker, **verdict.to_dict()}
        write_output(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output)
    else:
        from factcheck.report.terminal import render_verdict

        write_output(render_verdict(text, speaker, verdict), output)
    raise SystemExit(0 if exit_zero or verdict.severity != "error" else 1)
