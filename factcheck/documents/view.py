"""Build a plain-text view of a marked-up file while remembering where each character came from."""

from __future__ import annotations


class ViewBuilder:
    """Accumulates view text and, for every view character, its index in the raw file.

    >>> b = ViewBuilder()
    >>> b.keep("**bold** text", 2, 6); b.keep("**bold** text", 8, 13)
    >>> b.build()[0]
    'bold text'
    >>> b.build()[1][:5]
    [2, 3, 4, 5, 8]
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._offsets: list[int] = []

    def keep(self, raw: str, start: int, end: int) -> None:
        """Copy ``raw[start:end]`` into the view."""
        if end <= start:
            return
        self._parts.append(raw[start:end])
        self._offsets.extend(range(start, end))

    def put(self, text: str, raw_index: int) -> None:
        """Add synthetic text (a decoded entity, a paragraph break) mapped to one raw index."""
        if not text:
            return
        self._parts.append(text)
        self._offsets.extend([raw_index] * len(text))

    def __len__(self) -> int:
        return len(self._offsets)

    def since(self, index: int) -> tuple[str, list[int]]:
        """The view text from ``index`` on, and its raw offsets (cheap for a short tail)."""
        need = len(self._offsets) - index
        pieces: list[str] = []
        have = 0
        for part in reversed(self._parts):
            if have >= need:
                break
            pieces.append(part)
            have += len(part)
        tail = "".join(reversed(pieces))
        return tail[len(tail) - need :], self._offsets[index:]

    def last_char(self) -> str:
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def ends_with(self, suffix: str) -> bool:
        tail = "".join(self._parts[-4:])
        return tail.endswith(suffix)

    def build(self, raw_length: int | None = None) -> tuple[str, list[int]]:
        """Return the view text and its offset map (one entry more than the text, for the end)."""
        text = "".join(self._parts)
        end = (
            raw_length
            if raw_length is not None
            else (self._offsets[-1] + 1 if self._offsets else 0)
        )
        return text, [*self._offsets, end]
