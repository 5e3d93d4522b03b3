"""A folder as a source: ``--source transcripts/``, ``sources = ["transcripts/"]`` in the
config and ``factcheck library add transcripts/`` all read the source files in it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.config import check_options, load_config
from factcheck.errors import InputError
from factcheck.sources import expand_source_specs, load_sources
from factcheck.sources.folders import source_files

ADA = "SENATOR ADA QUIST. The bridge on Route 9 has not been inspected since 2019.\n"
PAUL = "<html><body><p><b>Paul Ng:</b> We will inspect every bridge by June.</p></body></html>"


@pytest.fixture
def transcripts(tmp_path: Path) -> Path:
    """A folder of transcripts with things a folder scan must leave out."""
    folder = tmp_path / "transcripts"
    (folder / "2024" / "june").mkdir(parents=True)
    (folder / "b-hearing.txt").write_text(ADA, encoding="utf-8")
    (folder / "2024" / "june" / "ng.HTML").write_text(PAUL, encoding="utf-8")
    (folder / "a-notes.md").write_text("# Notes\n\nNothing quoted here.\n", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "draft.docx").write_bytes(b"PK\x03\x04")
    (folder / ".secret.txt").write_text("hidden", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.md").write_text("hidden too", encoding="utf-8")
    return folder


def names(paths: list[str] | list[Path], root: Path) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in paths]


def test_a_folder_means_its_source_files_sorted_and_recursive(transcripts: Path) -> None:
    expected = ["2024/june/ng.HTML", "a-notes.md", "b-hearing.txt"]
    assert names(source_files(transcripts), transcripts) == expected
    assert names(expand_source_specs([str(transcripts)]), transcripts) == expected


def test_urls_files_and_duplicates(transcripts: Path) -> None:
    hearing = str(transcripts / "b-hearing.txt")
    url = "https://example.org/speech"
    specs = expand_source_specs([url, hearing, str(transcripts), "missing.txt"])
    assert specs[:2] == [url, hearing]
    assert specs.count(hearing) == 1
    assert specs[-1] == "missing.txt"
    assert len(specs) == 5


def test_a_linked_folder_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "loop"
    folder.mkdir()
    (folder / "a.txt").write_text("A.", encoding="utf-8")
    try:
        (folder / "again").symlink_to(folder, target_is_directory=True)
    except OSError:
        pytest.skip("symbolic links are not available here")
    assert names(source_files(folder), folder) == ["a.txt"]


def test_an_empty_folder_stays_and_loading_it_says_why(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "only.docx").write_bytes(b"PK")
    assert expand_source_specs([str(empty)]) == [str(empty)]
    [source] = load_sources([str(empty)])
    assert source.status == "error"
    assert source.error and source.error.startswith("is a directory, not a source file, and")
    assert ".txt" in source.error and ".pdf" in source.error


def test_an_unlistable_folder_is_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any folder (root)")
        with pytest.raises(InputError, match="cannot list the folder"):
            expand_source_specs([str(locked)])
    finally:
        locked.chmod(0o700)


def test_config_and_source_option_folders_reach_the_check(
    tmp_path: Path, transcripts: Path
) -> None:
    # Relative to the config file's folder, like every path in it.
    (tmp_path / "factcheck.toml").write_text('sources = ["transcripts/"]\n', encoding="utf-8")
    options = check_options(load_config(start=tmp_path))
    assert names(options.sources, transcripts) == ["2024/june/ng.HTML", "a-notes.md",
                                                   "b-hearing.txt"]  # fmt: skip

    from factcheck.cli.check import merge_config

    config = merge_config(load_config(start=tmp_path / "nowhere"), sources=[str(transcripts)])
    assert len(check_options(config).sources) == 3


def test_quote_with_a_folder_as_source(transcripts: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["quote", "We will inspect every bridge by June", "--speaker", "Paul Ng",
         "--source", str(transcripts), "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    verdict = json.loads(result.output)
    assert verdict["label"] == "verified"


def test_sources_fetch_lists_each_file_of_a_folder(transcripts: Path) -> None:
    result = CliRunner().invoke(cli, ["sources", "fetch", str(transcripts), "--format", "json"])
    assert result.exit_code == 0, result.output
    paths = [entry["path"] for entry in json.loads(result.output)]
    assert names(paths, transcripts) == ["2024/june/ng.HTML", "a-notes.md", "b-hearing.txt"]


def test_library_add_a_folder(tmp_path: Path, transcripts: Path) -> None:
    (transcripts / "empty.txt").write_text("   \n", encoding="utf-8")
    lib = str(tmp_path / "lib.sqlite")
    result = CliRunner().invoke(cli, ["library", "add", str(transcripts), "--library", lib])
    assert result.exit_code == 0, result.output
    assert result.output.count("added ") == 3
    # A bad file in a folder is skipped with the reason; the others are still added.
    assert "warning: skipped" in result.output and "empty.txt: empty" in result.output
    listed = CliRunner().invoke(cli, ["library", "list", "--library", lib, "--format", "json"])
    specs = [entry["source"] for entry in json.loads(listed.output)]
    assert names(specs, transcripts.resolve()) == ["2024/june/ng.HTML", "a-notes.md",
                                                   "b-hearing.txt"]  # fmt: skip
    search = CliRunner().invoke(
        cli, ["library", "search", "has not been inspected since 2019", "--library", lib]
    )
    assert search.output.startswith("verified"), search.output


def test_library_add_an_empty_folder_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.cli import main

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SystemExit) as exit_info:
        main(["library", "add", str(empty), "--library", str(tmp_path / "lib.sqlite")])
    assert exit_info.value.code == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"factcheck: error: {empty}: is a directory, not a source file, and")
