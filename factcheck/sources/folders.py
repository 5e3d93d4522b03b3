"""A folder given as a source means the source files in it (``--source transcripts/``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import InputError
from factcheck.sources.reader import SUFFIX_TYPES

__all__ = ["MAX_FOLDER_FILES", "SOURCE_SUFFIXES", "expand_source_specs", "source_files"]

# The files a folder contributes: those whose suffix says the reader can read them.
SOURCE_SUFFIXES = frozenset(SUFFIX_TYPES)
# A folder with more source files than this is a mistake (a home folder, a whole disk).
MAX_FOLDER_FILES = 10_000


def source_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The readable source files under ``folder``, recursively, in sorted order.

    Hidden files and folders (a leading dot: ``.git``, ``.venv``) are skipped, and so are
    files of other kinds; symbolic links to folders are not followed (no loops). Raises
    ``InputError`` when the folder cannot be listed or holds more than ``MAX_FOLDER_FILES``.

    Passing: ``a.txt``, ``sub/b.HTML`` and ``c.pdf`` are found. Failing: ``.notes.txt``,
    ``.git/x.md``, ``notes.docx`` and ``image.png`` are left out
    (tests/test_sources_folders.py).
    """
    root = Path(folder)
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        # The folder named is the user's: say why it cannot be read. A subfolder that cannot
        # be listed is skipped like any other file that is not a source.
        if Path(error.filename or "") == root:
            raise InputError(f"{folder}: cannot list the folder ({error.strerror or error})")

    for directory, subfolders, files in os.walk(root, onerror=unreadable):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() not in SOURCE_SUFFIXES:
                continue
            found.append(Path(directory) / name)
            if len(found) > MAX_FOLDER_FILES:
                raise InputError(
                    f"{folder}: more than {MAX_FOLDER_FILES:,} source files; name a smaller folder"
                )
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def expand_source_specs(specs: Sequence[str]) -> list[str]:
    """Source specs with every local folder replaced by its source files, duplicates
    dropped, order kept. URLs and files pass through untouched; a folder with no source
    file stays as it is, so loading it reports why (one bad source is a finding, not a
    crash).

    >>> expand_source_specs(["https://example.org/speech", "notes.txt"])
    ['https://example.org/speech', 'notes.txt']
    """
    expanded: list[str] = []
    for spec in specs:
        files = source_files(spec) if "://" not in spec and os.path.isdir(spec) else []
        expanded.extend([str(path) for path in files] or [spec])
    return list(dict.fromkeys(expanded))
