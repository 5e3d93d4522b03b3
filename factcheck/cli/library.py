"""``factcheck library``: the local library of transcripts searched when a claim links none."""

from __future__ import annotations

import click

from factcheck.cli.options import format_option, library_option, output_option, write_output

library_file = library_option("The library file")


@click.group()
def library() -> None:
    """Manage the local library of transcripts.

    \b
    The library is a SQLite index of transcripts, searched once it exists:
    - by check, for a claim that links no source of its own (with the other sources);
    - by quote, when no --source is given.
    The file is --library FILE, else $FACTCHECK_LIBRARY, else library.sqlite in the user
    cache folder (check also takes `library` from the config).
    """


@library.command("add")
@click.argument("specs", nargs=-1, required=True, metavar="PATH|FOLDER|URL...")
@library_file
def add(specs: tuple[str, ...], library_path: str | None) -> None:
    """Add files, folders or URLs to the library.

    Each source is read (a URL fetched), its speaker turns found, and its passages indexed;
    a source added again replaces the old copy. A FOLDER adds its .txt, .text, .md,
    .markdown, .html, .htm, .xhtml and .pdf files (in subfolders too; hidden ones skipped);
    a file in it that cannot be read is skipped with a warning.
    """
    from factcheck.errors import InputError
    from factcheck.library import Library
    from factcheck.sources import expand_source_specs

    with Library(library_path) as lib:
        for given in specs:
            found = expand_source_specs([given])
            for spec in found:
                try:
                    source = lib.add_spec(spec)
                except InputError as exc:
                    if found == [given]:
                        raise
                    # The user named the folder, not this file: one bad file must not stop
                    # the rest (as in check, where it becomes one failed source).
                    click.echo(f"factcheck: warning: skipped {exc}", err=True)
                    continue
                speakers = len({t.speaker for t in source.turns if t.speaker})
                click.echo(
                    f"added {spec}: {len(source.text):,} characters, {len(source.turns)} "
                    f"turns, {speakers} speakers"
                )


@library.command("list")
@library_file
@format_option("terminal", "json")
@output_option
def list_(library_path: str | None, format_: str, output: str) -> None:
    """List the sources in the library."""
    import json

    from factcheck.library import Library

    with Library(library_path, create=False) as lib:
        entries = lib.entries()
    if format_ == "json":
        write_output(json.dumps([e.to_dict() for e in entries], indent=2) + "\n", output)
        return
    lines = [
        f"{e.id:>4}  {e.spec}  ({e.chars:,} chars, {e.turns} turns"
        + (
            f"; {', '.join(e.speakers[:4])}{'…' if len(e.speakers) > 4 else ''}"
            if e.speakers
            else ""
        )
        + ")"
        for e in entries
    ]
    write_output("\n".join(lines or ["the library is empty"]) + "\n", output)


@library.command("remove")
@click.argument("spec", metavar="SPEC")
@library_file
def remove(spec: str, library_path: str | None) -> None:
    """Remove one source from the library.

    SPEC is the source's path, URL, or id as 'factcheck library list' shows it.
    """
    from pathlib import Path

    from factcheck.errors import FactcheckError
    from factcheck.library import Library

    with Library(library_path, create=False) as lib:
        local = str(Path(spec).resolve()) if Path(spec).exists() else spec
        if not (lib.remove(local) or lib.remove(spec)):
            raise FactcheckError(f"{spec} is not in the library")
    click.echo(f"removed {spec}")


@library.command("search")
@click.argument("text")
@click.option("--speaker", default=None, help="Who the quote is attributed to.")
@library_file
@format_option("terminal", "json")
def search(text: str, speaker: str | None, library_path: str | None, format_: str) -> None:
    """Judge the quote TEXT against the library (its best passages)."""
    import json

    from factcheck.errors import FactcheckError
    from factcheck.library import Library

    if not text.strip():
        raise FactcheckError("the quote is empty")
    with Library(library_path, create=False) as lib:
        verdict = lib.judge_quote(text, speaker)
        specs = {f"L{e.id}": e.spec for e in lib.entries()}
    if format_ == "json":
        data = verdict.to_dict()
        for evidence in data["evidence"]:
            evidence["source"] = specs.get(evidence["source_id"])
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{verdict.label} ({verdict.score:.0f}): {verdict.reason}")
    for evidence in verdict.evidence:
        where = specs.get(evidence.source_id, evidence.source_id)
        line = f":{evidence.location.line}:{evidence.location.column}" if evidence.location else ""
        click.echo(f"  {where}{line} [{evidence.speaker or 'no speaker'}] {evidence.text[:200]}")
