"""``factcheck quote``: verify one quote."""

from __future__ import annotations

import click

from factcheck.cli.options import (
    FetchArgs,
    fetch_options,
    format_option,
    library_option,
    output_option,
    write_output,
)


@click.command()
@click.argument("text")
@click.option("--speaker", default=None, help="Who the quote is attributed to.")
@fetch_options
@format_option("terminal", "json")
@output_option
@library_option("The library searched when no --source is given")
@click.option("--exit-zero", is_flag=True, help="Exit 0 whatever the verdict.")
def quote(
    text: str,
    speaker: str | None,
    fetch: FetchArgs,
    format_: str,
    output: str,
    library_path: str | None,
    exit_zero: bool,
) -> None:
    """Verify the quote TEXT, attributed to --speaker, against every --source.

    With no --source the library is searched, if there is one. Exits 1 when the verdict is
    an error (altered, misattributed, not found).
    """
    import json

    from factcheck.errors import FactcheckError
    from factcheck.pipeline import CheckOptions, verify_quote
    from factcheck.sources import expand_source_specs

    if not text.strip():
        raise FactcheckError("the quote is empty")
    options = CheckOptions(fetch=fetch.source_options(), library=library_path)
    specs = expand_source_specs(fetch.sources)
    verdict = verify_quote(text, speaker=speaker, sources=list(specs), options=options)
    if format_ == "json":
        payload = {"quote": text, "speaker": speaker, **verdict.to_dict()}
        write_output(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output)
    else:
        from factcheck.report.terminal import render_verdict

        write_output(render_verdict(text, speaker, verdict), output)
    raise SystemExit(0 if exit_zero or verdict.severity != "error" else 1)
