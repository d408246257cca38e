"""Keeping track of where every cleaned character came from in the raw page.

Cleaning deletes characters (ad markers, captions), inserts some (a missing space) and
replaces others one for one (quote marks). :class:`AlignedText` carries, next to the
cleaned text, the raw offset of each of its characters, so that any span found later
(an entity, a quote) can be shown in the raw page.

What is saved with a paragraph is a short list of *segments*: ``[clean_start, raw_start,
length]`` for each run of characters copied from consecutive raw characters. Characters
in no segment were inserted by the cleaner. :func:`to_raw` reads that list back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

#: The offset recorded for a character the cleaner inserted (it has no raw character).
INSERTED = -1

#: Two whitespace characters or more (``\s`` is what ``str.isspace`` calls whitespace).
_SPACE_RUN = re.compile(r"\s{2,}")

Segment = tuple[int, int, int]


@dataclass(frozen=True)
class AlignedText:
    """A cleaned text and, for each character, its offset in the raw page."""

    text: str
    offsets: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.text) != len(self.offsets):
            raise ValueError("an AlignedText needs one raw offset per character")

    @classmethod
    def from_raw(cls, raw: str, start: int = 0, end: int | None = None) -> AlignedText:
        """The raw characters ``raw[start:end]``, each mapped to itself."""
        end = len(raw) if end is None else end
        return cls(raw[start:end], tuple(range(start, end)))

    # -- edits --------------------------------------------------------------------------

    def replace_chars(self, mapping: Mapping[str, str]) -> AlignedText:
        """Replace characters one for one (``mapping``: single characters to single
        characters)."""
        return AlignedText(self.text.translate(str.maketrans(dict(mapping))), self.offsets)

    def delete(self, spans: Iterable[tuple[int, int]]) -> AlignedText:
        """Delete the characters of each ``(start, end)`` span (clean offsets)."""
        gone = set()
        for start, end in spans:
            gone.update(range(start, end))
        keep = [i for i in range(len(self.text)) if i not in gone]
        return self._pick(keep)

    def insert(self, positions: Iterable[int], char: str = " ") -> AlignedText:
        """Insert ``char`` before each clean position; offsets refer to the text as given."""
        wanted = sorted(set(positions))
        text_parts: list[str] = []
        offsets: list[int] = []
        previous = 0
        for position in wanted:
            text_parts.append(self.text[previous:position])
            offsets.extend(self.offsets[previous:position])
            text_parts.append(char)
            offsets.append(INSERTED)
            previous = position
        text_parts.append(self.text[previous:])
        offsets.extend(self.offsets[previous:])
        return AlignedText("".join(text_parts), tuple(offsets))

    def slice(self, start: int, end: int) -> AlignedText:
        """The characters from clean offset ``start`` up to ``end``."""
        return AlignedText(self.text[start:end], self.offsets[start:end])

    def strip(self) -> AlignedText:
        """Without the whitespace at both ends."""
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        if end <= start:
            return AlignedText("", ())
        return self.slice(start, end)

    def collapse_spaces(self) -> AlignedText:
        """Runs of whitespace become their first character; the ends are stripped."""
        texts: list[str] = []
        offsets: list[int] = []
        start = 0
        for run in _SPACE_RUN.finditer(self.text):
            texts.append(self.text[start : run.start() + 1])
            offsets.extend(self.offsets[start : run.start() + 1])
            start = run.end()
        texts.append(self.text[start:])
        offsets.extend(self.offsets[start:])
        return AlignedText("".join(texts), tuple(offsets)).strip()

    def _pick(self, indices: list[int]) -> AlignedText:
        text = "".join(self.text[i] for i in indices)
        return AlignedText(text, tuple(self.offsets[i] for i in indices))

    # -- reading ------------------------------------------------------------------------

    @property
    def raw_start(self) -> int:
        """Raw offset of the first character taken from the raw page."""
        for offset in self.offsets:
            if offset != INSERTED:
                return offset
        raise ValueError("this text holds no raw character")

    @property
    def raw_end(self) -> int:
        """Raw offset just after the last character taken from the raw page."""
        for offset in reversed(self.offsets):
            if offset != INSERTED:
                return offset + 1
        raise ValueError("this text holds no raw character")

    def to_raw(self, clean_offset: int) -> int:
        """Raw offset of a clean offset (see :func:`to_raw`)."""
        return to_raw({"segments": self.segments(), "raw_end": self.raw_end}, clean_offset)

    def segments(self) -> list[Segment]:
        """Runs of copied characters as ``(clean_start, raw_start, length)``.

        A run goes on while both the clean index and the raw offset go up by one (numpy
        compares the neighbours of every character at once).
        """
        offsets = np.array(self.offsets, dtype=np.int64)
        clean = np.flatnonzero(offsets != INSERTED)  # the characters copied from the page
        if clean.size == 0:
            return []
        raw = offsets[clean]
        breaks = np.flatnonzero((np.diff(clean) != 1) | (np.diff(raw) != 1)) + 1
        starts = [0, *breaks.tolist()]
        ends = [*breaks.tolist(), len(clean)]
        return [
            (int(clean[start]), int(raw[start]), end - start)
            for start, end in zip(starts, ends, strict=True)
        ]

    def edited(self) -> bool:
        """True when characters were deleted or inserted (the text is not one raw slice)."""
        if not self.offsets:
            return False
        first = self.offsets[0]
        one_slice = tuple(range(first, first + len(self.offsets)))
        return INSERTED in self.offsets or self.offsets != one_slice


def segments_to_json(segments: list[Segment]) -> str:
    """The segments as compact JSON text, for a CSV column."""
    return json.dumps([list(segment) for segment in segments], separators=(",", ":"))


def _segments_of(paragraph: Mapping) -> list[Segment]:
    segments = paragraph["segments"]
    if isinstance(segments, str):
        segments = json.loads(segments)
    return [tuple(segment) for segment in segments]


def to_raw(paragraph: Mapping, clean_offset: int) -> int:
    """Map an offset in a cleaned paragraph to an offset in the raw page.

    ``paragraph`` is a row of the paragraphs table (a dict or a pandas row) with its
    ``segments`` (a list or the JSON text of ``paragraphs.csv``) and ``raw_end``.
    A character the cleaner inserted maps to the raw character it was inserted before;
    the offset just past the end maps to ``raw_end``.
    """
    segments = _segments_of(paragraph)
    for clean_start, raw_start, length in segments:
        if clean_start <= clean_offset < clean_start + length:
            return raw_start + clean_offset - clean_start
        if clean_offset < clean_start:
            return raw_start
    return int(paragraph["raw_end"])


def span_to_raw(paragraph: Mapping, start: int, end: int) -> tuple[int, int]:
    """Map a clean span ``[start, end)`` of a paragraph to a raw span."""
    if end <= start:
        raw = to_raw(paragraph, start)
        return raw, raw
    return to_raw(paragraph, start), to_raw(paragraph, end - 1) + 1
