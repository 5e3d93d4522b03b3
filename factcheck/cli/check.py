"""``factcheck check``: the main job.

The click command only parses options; the steps it takes are plain functions below
(``plan_articles``, ``merge_config``, ``finish_report``, ``write_reports``, ``exit_status``) so
they can be used and tested without running the whole pipeline.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from factcheck.cli.options import (
    FetchArgs,
    config_option,
    fetch_options,
    library_option,
    output_option,
    write_output,
)

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.model import Report

FAIL_LEVELS = ("error", "warning", "never")
FORMAT_CHOICES = ("terminal", "json", "jsonl", "markdown", "html", "sarif", "github", "junit")
ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".txt"})


@click.command()
@click.argument("articles", nargs=-1, type=str)
@fetch_options
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMAT_CHOICES),
    default=None,
    help="Report format [default: terminal, or the config's].",
)
@output_option
@click.option(
    "--sarif",
    "sarif_output",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="FILE",
    help="Also write a SARIF report to FILE (e.g. with --format github).",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    default=None,
    help="Exit 1 when a finding is at or above this severity [default: error].",
)
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless the tool itself fails.")
@click.option(
    "--changed-since",
    metavar="REF",
    default=None,
    help="Check only articles changed since the git REF (e.g. origin/main).",
)
@config_option
@library_option("The library searched for claims that cite no source, if not the config's")
@click.option("--no-follow-links", is_flag=True, help="Don't use the article's links as sources.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the terminal report [default: only on a terminal without NO_COLOR].",
)
@click.option("-q", "--quiet", is_flag=True, help="Show findings only; no progress or notes.")
@click.option("-v", "--verbose", is_flag=True, help="Show evidence for every claim and sources.")
def check(
    articles: tuple[str, ...],
    fetch: FetchArgs,
    format_: str | None,
    output: str,
    sarif_output: str | None,
    fail_on: str | None,
    exit_zero: bool,
    changed_since: str | None,
    config_path: str | None,
    library_path: str | None,
    no_follow_links: bool,
    color: bool | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Check the claims in ARTICLES (files, folders, glob patterns, - for stdin, or URLs)
    against primary sources, and exit by the worst finding.

    Sources are the article's links, its front matter's `sources:` list, the config's
    `sources` and every --source (a folder means the source files in it). Several articles
    (or a pattern, a folder, --changed-since) give one report with a section per article; in
    JSON a top-level `reports` list.
    """
    from factcheck.config import check_options, load_config

    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    if not articles and changed_since is None:
        raise click.UsageError("give at least one ARTICLE, or --changed-since REF")
    config = merge_config(
        load_config(config_path),
        sources=fetch.sources,
        offline=fetch.offline,
        allow_private=fetch.allow_private,
        cache_path=fetch.cache_path,
        format_=format_,
        fail_on=fail_on,
        library=library_path,
        follow_links=False if no_follow_links else None,
    )
    options = check_options(config)
    options.fetch.refresh = fetch.refresh
    options.fetch.wayback = options.fetch.wayback or fetch.wayback
    paths, multi = plan_articles(articles, changed_since=changed_since)
    if not paths and not quiet:
        click.echo("factcheck: no articles to check", err=True)

    verbosity = -1 if quiet else 1 if verbose else 0
    reports, failed = check_all(paths, options, config, multi=multi, quiet=quiet, verbose=verbose)
    use_color = color if output == "-" else False
    write_reports(
        reports,
        config.format,
        output=output,
        multi=multi,
        color=use_color,
        verbosity=verbosity,
        sarif_output=sarif_output,
    )
    if failed:
        # The other articles' report is written; the run still says the tool could not finish.
        raise SystemExit(2)
    raise SystemExit(exit_status(reports, config.fail_on, exit_zero))


def check_all(
    paths: Sequence[str],
    options: Any,
    config: Config,
    *,
    multi: bool,
    quiet: bool = False,
    verbose: bool = False,
) -> tuple[list[Report], list[str]]:
    """Check each article in turn. With several articles one that can't be read is reported
    on standard error and skipped, so the others still get their report; alone, its error
    propagates (exit 2)."""
    from factcheck.errors import FactcheckError
    from factcheck.pipeline import check as check_article

    reports: list[Report] = []
    failed: list[str] = []
    with _progress(len(paths), enabled=not quiet) as progress:
        if not quiet:
            options.fetch.progress = progress.sources
        for path in paths:
            progress.start(path)
            try:
                report = check_article(path, options=options)
            except FactcheckError as exc:
                if not multi:
                    raise
                click.echo(f"factcheck: error: {exc}", err=True)
                failed.append(path)
                continue
            finally:
                progress.done()
            for problem in finish_report(report, config):
                if not quiet:
                    click.echo(f"factcheck: warning: {path}: {problem}", err=True)
            if verbose:
                _describe(report)
            reports.append(report)
    return reports, failed


def merge_config(
    config: Config,
    *,
    sources: Sequence[str] = (),
    offline: bool = False,
    allow_private: bool = False,
    cache_path: str | None = None,
    format_: str | None = None,
    fail_on: str | None = None,
    library: str | None = None,
    follow_links: bool | None = None,
) -> Config:
    """The configuration with the command line's options on top (options always win; flags
    only switch things on, and ``--source`` adds to the config's sources)."""
    config.sources = list(dict.fromkeys([*config.sources, *sources]))
    config.fetch.offline = config.fetch.offline or offline
    config.fetch.allow_private = config.fetch.allow_private or allow_private
    if cache_path is not None:
        config.cache = cache_path
    if format_ is not None:
        config.format = format_
    if fail_on is not None:
        config.fail_on = fail_on
    if library is not None:
        config.library = library
    if follow_links is not None:
        config.follow_links = follow_links
    return config


def plan_articles(
    patterns: Sequence[str],
    *,
    changed_since: str | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> tuple[list[str], bool]:
    """The articles to check, in a stable order, and whether the output is a multi-article
    report.

    Glob patterns are expanded here (``**`` included), so they work when the shell doesn't
    (Windows, or a quoted pattern); a folder means the articles in it. With ``changed_since``
    only files git sees as changed since that ref are kept (all article files when no pattern
    is given). The output is a single-article report only for exactly one plain ARTICLE.
    """
    base = Path(cwd) if cwd is not None else Path.cwd()
    expanded: list[str] = []
    for pattern in patterns:
        # With --changed-since a pattern that matches nothing just means nothing changed there.
        expanded.extend(expand_pattern(pattern, base, strict=changed_since is None))
    # One file named twice ("a.md ./a.md", a file and a pattern matching it) is one article.
    unique: dict[object, str] = {}
    for name in expanded:
        unique.setdefault(name if _is_remote(name) else _resolved(name, base), name)
    expanded = list(unique.values())
    multi = bool(
        changed_since is not None
        or len(patterns) != 1
        or len(expanded) != 1
        or _is_pattern(patterns[0])
        or (base / patterns[0]).is_dir()
    )
    if changed_since is None:
        return expanded, multi
    changed = changed_files(changed_since, base)
    if patterns:
        wanted = {_resolved(p, base) for p in expanded if not _is_remote(p)}
        return [p for p in changed if _resolved(p, base) in wanted], multi
    return [p for p in changed if Path(p).suffix.lower() in ARTICLE_SUFFIXES], multi


def _is_remote(name: str) -> bool:
    return name == "-" or name.startswith(("http://", "https://"))


def _is_pattern(name: str) -> bool:
    import glob

    return not _is_remote(name) and glob.has_magic(name)


def _resolved(path: str, base: Path) -> Path:
    return (base / path).resolve()


def expand_pattern(pattern: str, base: Path, *, strict: bool = True) -> list[str]:
    """One ARTICLE argument as the files it names.

    A URL, ``-`` or an existing file is itself; a folder gives the article files in it
    (recursively, hidden folders skipped); a glob pattern gives its matching files, sorted,
    or an error when nothing matches (unless not ``strict``). A missing plain file is left
    for the reader to report.
    """
    import glob

    from factcheck.errors import InputError

    if _is_remote(pattern):
        return [pattern]
    target = base / pattern
    if target.is_dir():
        found = sorted(
            p
            for p in target.rglob("*")
            if p.is_file()
            and p.suffix.lower() in ARTICLE_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(target).parts)
        )
        return [os.path.join(pattern, str(p.relative_to(target))) for p in found]
    if target.exists() or not glob.has_magic(pattern):
        return [pattern]
    root = str(base) if not Path(pattern).is_absolute() else None
    matches = sorted(glob.glob(pattern, root_dir=root, recursive=True))
    files = [m for m in matches if (base / m).is_file()]
    if not files and strict:
        raise InputError(f"{pattern}: no file matches")
    return files


def changed_files(ref: str, cwd: str | os.PathLike[str] | None = None) -> list[str]:
    """Files added, copied, modified or renamed since ``ref`` (compared with the merge base
    of ``ref`` and ``HEAD``, so a pull request sees only its own changes), plus uncommitted
    and untracked ones; paths relative to ``cwd``, deleted files left out."""
    from factcheck.errors import FactcheckError

    base = Path(cwd) if cwd is not None else Path.cwd()
    if ref.startswith("-"):
        raise FactcheckError(f"--changed-since: {ref!r} is not a git ref")
    top = Path(_git(["rev-parse", "--show-toplevel"], base).strip())
    merge_base = _git(["merge-base", ref, "HEAD"], base, what=f"--changed-since {ref}").strip()
    listed = _git(["diff", "--name-only", "-z", "--diff-filter=ACMR", merge_base, "--"], base)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], base)
    names = [n for n in (listed + untracked).split("\0") if n]
    result: list[str] = []
    for name in dict.fromkeys(names):
        path = top / name
        if not path.is_file():
            continue
        try:
            result.append(os.path.relpath(path, base.resolve()))
        except ValueError:  # another drive on Windows
            result.append(str(path))
    return sorted(result)


def _git(args: list[str], cwd: Path, what: str = "git") -> str:
    import subprocess

    from factcheck.errors import FactcheckError

    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise FactcheckError("--changed-since needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise FactcheckError(f"{what}: git took too long") from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["failed"])[-1]
        raise FactcheckError(f"{what}: {message}")
    return done.stdout


def finish_report(report: Report, config: Config) -> list[str]:
    """Apply the draft's suppression comments and the config's ``ignore`` rules to a report;
    return warnings about comments we could not understand."""
    from factcheck.suppressions import apply_directives, apply_ignore_rules

    claims = [result.claim for result in report.results]
    problems = apply_directives(report.document, claims)
    apply_ignore_rules(claims, config.ignore, _path_for_rules(report.document.path, config))
    return problems


def _path_for_rules(path: str | None, config: Config) -> str | None:
    """The article's path as the config's ``ignore`` rules see it: relative to the config
    file's folder (the config is found from any subfolder), else as given."""
    if path is None or path == "-" or config.path is None:
        return path
    try:
        return str(Path(path).resolve().relative_to(Path(config.path).resolve().parent))
    except ValueError:  # outside the config's folder
        return path


def write_reports(
    reports: list[Report],
    format_: str,
    *,
    output: str = "-",
    multi: bool = True,
    color: bool | None = None,
    verbosity: int = 0,
    sarif_output: str | None = None,
) -> None:
    """Render and write the reports; for ``github`` also append the step summary to
    ``$GITHUB_STEP_SUMMARY`` when it is set."""
    from factcheck.report import render_many

    write_output(
        render_many(reports, format_, color=color, multi=multi, verbosity=verbosity), output
    )
    if sarif_output is not None:
        write_output(render_many(reports, "sarif", multi=multi), sarif_output)
    if format_ == "github":
        from factcheck.report.github import write_step_summary

        try:
            write_step_summary(reports)
        except OSError as exc:
            click.echo(f"factcheck: warning: cannot write the step summary ({exc})", err=True)


def exit_status(reports: Report | Sequence[Report], fail_on: str, exit_zero: bool) -> int:
    """0 if no unsuppressed finding is at or above ``fail_on``, else 1."""
    from factcheck.model import Report

    if isinstance(reports, Report):
        reports = [reports]
    if exit_zero or fail_on == "never":
        return 0
    levels = {"error"} if fail_on == "error" else {"error", "warning"}
    return int(any(r.verdict.severity in levels for report in reports for r in report.findings))


class _progress:
    """A transient progress bar on standard error, only on a terminal (a log or a pipe gets
    no bar); it names the article being checked."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.enabled = enabled and total > 0 and sys.stderr.isatty()
        self.total = total
        self._bar: Any = None
        self._task: Any = None
        self._name = ""

    def __enter__(self) -> _progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(
                TextColumn("checking"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=self.total)
        return self

    def start(self, name: str) -> None:
        self._name = name
        if self._bar is not None:
            self._bar.update(self._task, description=name)

    def sources(self, done: int, total: int, spec: str) -> None:
        """``SourceOptions.progress``: show source fetching inside the one bar."""
        if self._bar is not None and total > 1:
            self._bar.update(self._task, description=f"{self._name} (sources {done}/{total})")

    def done(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _describe(report: Report) -> None:
    from factcheck.report.common import article_name, summarize

    summary = summarize(report)
    click.echo(
        f"factcheck: {article_name(report)}: {summary['claims']} claims, "
        f"{len(report.sources)} sources ({summary['sources_failed']} failed)",
        err=True,
    )
