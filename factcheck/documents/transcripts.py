"""Speaker turns in transcripts: who speaks each passage of a source."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.model import Span, Turn


def find_turns(text: str, *, bold_spans: Sequence[Span] = ()) -> list[Turn]:
    """The speaker turns of a transcript's text, in order, spans indexing ``text``.

    ``bold_spans`` are spans of ``text`` that were bold in the HTML it came from (speaker
    labels on government sites are bold). Text with no recognisable turns gives ``[]``.
    """
    return []
