"""``factcheck claims``: the attributions found in articles, without checking them."""

from __future__ import annotations

import click

from factcheck.cli.options import format_option, output_option, write_output


@click.command()
@click.argument("files", nargs=-1, required=True)
@format_option("terminal", "json", "jsonl")
@output_option
def claims(files: tuple[str, ...], format_: str, output: str) -> None:
    """List the quotes and reported speech in FILES (- for stdin), with speaker and cue."""
    import json

    from factcheck.claims import extract_claims
    from factcheck.documents import load_document
    from factcheck.report import SCHEMA_VERSION

    documents = []
    for name in files:
        doc = load_document(name)
        documents.append((name, extract_claims(doc)))

    if format_ == "json":
        data = {
            "schema_version": SCHEMA_VERSION,
            "documents": [
                {"path": name, "claims": [c.to_dict() for c in found]} for name, found in documents
            ],
        }
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    elif format_ == "jsonl":
        lines = [
            json.dumps({"path": name, **c.to_dict()}, ensure_ascii=False)
            for name, found in documents
            for c in found
        ]
        write_output("".join(line + "\n" for line in lines), output)
    else:
        from factcheck.report.terminal import render_claims

        write_output(render_claims(documents), output)
