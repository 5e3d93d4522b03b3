"""The whole check: document -> claims -> sources -> verdicts -> report."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from factcheck.model import (
    CheckedClaim,
    Claim,
    Document,
    Label,
    Report,
    Severity,
    Source,
    Verdict,
    default_severity,
)
from factcheck.sources import SourceOptions, expand_source_specs

__all__ = ["CheckOptions", "check", "gather_source_specs", "verify_quote"]


@dataclass
class CheckOptions:
    """Everything a check can be told besides the article itself."""

    sources: list[str] = field(default_factory=list)
    follow_links: bool = True
    fetch: SourceOptions = field(default_factory=SourceOptions)
    library: str | None = None
    severity: dict[str, Severity] = field(default_factory=dict)


def check(
    document: Document | str | os.PathLike[str],
    sources: Sequence[str | Source] = (),
    options: CheckOptions | None = None,
) -> Report:
    """Check every claim of ``document`` against ``sources``, the article's own links and
    front matter, and the options' sources."""
    from factcheck import __version__
    from factcheck.claims import extract_claims
    from factcheck.documents import load_document
    from factcheck.suppressions import apply_directives

    options = options or CheckOptions()
    doc = (
        document
        if isinstance(document, Document)
        else load_document(document, allow_private=options.fetch.allow_private)
    )
    claims = extract_claims(doc)
    attach_links(doc, claims)
    apply_directives(doc, claims)
    given = [s for s in sources if isinstance(s, Source)]
    named = [s for s in sources if isinstance(s, str)]
    loaded, by_spec = _article_sources(doc, [*named, *options.sources], options, len(given) + 1)
    all_sources = [*given, *loaded]
    results, cited = _judge_claims(doc, claims, all_sources, by_spec, options)
    return Report(
        document=doc,
        sources=[*all_sources, *cited],
        results=results,
        tool_version=__version__,
    )


def _article_sources(
    doc: Document, named: list[str], options: CheckOptions, start: int
) -> tuple[list[Source], dict[str, Source]]:
    """Load the sources named by the caller (trusted; a folder means its files) and by the
    article itself (links, front matter: local files confined to the article's folder)."""
    trusted = expand_source_specs(named)
    specs = gather_source_specs(doc, trusted, follow_links=options.follow_links)
    refused = {
        spec: why for spec in specs if spec not in trusted and (why := refuse_local(doc, spec))
    }
    loaded = _load(specs, options.fetch, start=start, refused=refused)
    return loaded, dict(zip(specs, loaded, strict=True))


def _judge_claims(
    doc: Document,
    claims: list[Claim],
    sources: list[Source],
    by_spec: dict[str, Source],
    options: CheckOptions,
) -> tuple[list[CheckedClaim], list[Source]]:
    """Judge each claim, preferring the sources it links; a claim that links none also
    searches the local library, if there is one. Returns the rows and the library passages
    their evidence cites."""
    from factcheck.library import judge_with_library, open_library
    from factcheck.match import judge_claim

    library = open_library(options.library)
    cited: dict[str, Source] = {}
    results: list[CheckedClaim] = []
    try:
        for claim in claims:
            linked = [by_spec[link] for link in _resolve_links(doc, claim.links) if link in by_spec]
            if library is not None and not linked:
                verdict, used = judge_with_library(claim, sources, library)
                cited.update((s.id, s) for s in used)
            else:
                verdict = judge_claim(claim, sources, preferred=[s.id for s in linked])
            verdict = cited_source_failed(verdict, linked)
            apply_severity(verdict, claim, options.severity)
            results.append(CheckedClaim(claim, verdict))
    finally:
        if library is not None:
            library.close()
    return results, list(cited.values())


def verify_quote(
    text: str,
    speaker: str | None = None,
    sources: Sequence[str | Source] = (),
    options: CheckOptions | None = None,
) -> Verdict:
    """The verdict on one quote attributed to ``speaker``, against ``sources`` (paths, URLs
    or ``Source`` objects); with none, against the local library if there is one."""
    from factcheck.library import open_library
    from factcheck.match import judge_quote

    options = options or CheckOptions()
    given = [s for s in sources if isinstance(s, Source)]
    specs = expand_source_specs([s for s in [*sources, *options.sources] if isinstance(s, str)])
    loaded = _load(specs, options.fetch, start=len(given) + 1)
    verdict = None
    if not given and not loaded:
        library = open_library(options.library)
        if library is not None:
            with library:
                verdict = library.judge_quote(text, speaker)
    if verdict is None:
        verdict = judge_quote(text, speaker, [*given, *loaded])
    verdict.severity = default_severity(verdict.label, "quote")
    return verdict


def _load(
    specs: list[str], fetch: SourceOptions, start: int, refused: dict[str, str] | None = None
) -> list[Source]:
    from factcheck.sources import load_sources

    refused = refused or {}
    readable = [spec for spec in specs if spec not in refused]
    read = iter(load_sources(readable, fetch) if readable else [])
    loaded = [
        Source(id="", path=spec, status="error", error=refused[spec])
        if spec in refused
        else next(read)
        for spec in specs
    ]
    for number, source in enumerate(loaded, start=start):
        source.id = f"S{number}"
    return loaded


def attach_links(doc: Document, claims: list[Claim]) -> None:
    """Give each claim the links that stand in its sentence, so it prefers those sources."""
    for claim in claims:
        inside = [
            link.url
            for link in doc.links
            if claim.sentence.start <= link.span.start and link.span.end <= claim.sentence.end
        ]
        claim.links = list(dict.fromkeys([*claim.links, *inside]))


def gather_source_specs(
    doc: Document, extra: Sequence[str] = (), *, follow_links: bool = True
) -> list[str]:
    """Source paths and URLs for a document, deduplicated, in a stable order: those given
    explicitly, then the front matter's ``sources:``, then the article's links."""
    specs: list[str] = [*extra]
    listed = doc.front_matter.get("sources") if doc.front_matter else None
    if isinstance(listed, str):
        listed = [listed]
    if isinstance(listed, list):
        for spec in _resolve_links(doc, [str(item) for item in listed]):
            # A folder the draft may read means its source files; one it may not is never
            # listed (its file names would show in the report), only refused as a whole.
            specs.extend([spec] if refuse_local(doc, spec) else expand_source_specs([spec]))
    if follow_links:
        specs.extend(_resolve_links(doc, [link.url for link in doc.links]))
    return list(dict.fromkeys(specs))


def _resolve_links(doc: Document, urls: Sequence[str]) -> list[str]:
    """Web links as they are; relative links resolved against the article's folder.

    Fragments (``#top``), ``mailto:`` and other schemes are not sources.
    """
    resolved: list[str] = []
    base = Path(doc.path).parent if doc.path and doc.path != "-" else None
    for url in urls:
        try:
            parts = urlsplit(url)
        except ValueError:  # malformed: the loader reports a web link as a source that failed
            if url[:8].lower().startswith(("http://", "https://")):
                resolved.append(url)
            continue
        if parts.scheme in ("http", "https"):
            resolved.append(url.split("#", 1)[0])
        elif parts.scheme in ("", "file") and parts.path:
            path = Path(unquote(parts.path))
            if not path.is_absolute() and base is not None:
                path = base / path
            resolved.append(str(path))
    return resolved


def cited_source_failed(verdict: Verdict, linked: Sequence[Source]) -> Verdict:
    """A claim whose own cited sources all failed, and that no other source bears out, is
    ``unverifiable`` (the reporter must fix the link), not ``not_found``.

    Passing: a quote linking to a dead page and found nowhere else -> unverifiable.
    Failing: the same quote found in another source keeps that verdict; a claim whose link
    was read fine and which is absent from it stays not_found.
    """
    if verdict.label != "not_found" or not linked or any(s.ok for s in linked):
        return verdict
    failures = "; ".join(f"{s.url or s.path}: {s.error}" for s in linked)
    return Verdict(
        label="unverifiable",
        score=0.0,
        reason=f"The source this claim cites could not be read ({failures}).",
        evidence=verdict.evidence,
        flags=[*verdict.flags, "cited_source_failed"],
    )


def refuse_local(doc: Document, spec: str) -> str | None:
    """Why a local file named by the article itself (a link or front matter) must not be read.

    A draft is untrusted input: its links may name only files in the article's own folder
    or below it, or else any file could be copied into a report. Sources given on the
    command line or in the config are the user's own choice and are not checked.

    Passing: ``sources/transcript.txt`` next to ``drafts/a.md``. Failing:
    ``../../home/me/.ssh/id_rsa``, ``/etc/passwd`` or ``.git/config`` (refused, with the
    reason returned).
    """
    if spec.startswith(("http://", "https://")):
        return None
    base = Path(doc.path).parent if doc.path and doc.path != "-" else None
    if base is None:
        return "a local file named by an article read from standard input or a URL is not read"
    root = base.resolve()
    target = Path(spec).resolve()
    if not target.is_relative_to(root):
        return "the article links a local file outside its own folder; name it with --source"
    if any(part.startswith(".") for part in target.relative_to(root).parts):
        # Hidden files hold credentials (.git/config in CI, .env): never read them for a draft.
        return "the article links a hidden file; name it with --source"
    return None


def apply_severity(verdict: Verdict, claim: Claim, overrides: dict[str, Severity]) -> None:
    """Set the verdict's severity: DESIGN.md's default unless the config overrides the label."""
    label: Label = verdict.label
    verdict.severity = overrides.get(label, default_severity(label, claim.kind))
