"""Turning one body line of the raw page into clean paragraphs, keeping raw offsets.

The steps, in order, each on an :class:`~newstext.cleaning.alignment.AlignedText`:

1. normalise quote marks (one character for one, offsets unchanged);
2. find inline noise (ad markers, photo captions, repeated teasers) and delete it;
3. on a long line (``lexicon.LONG_LINE_CHARS``), where the scraper lost the paragraph
   breaks, every removal is also a paragraph break (pages put ads between paragraphs);
4. collapse the spaces the deletions leave, and insert the spaces missing after a
   sentence end;
5. on a long line, group the sentences of each piece into paragraphs
   (:func:`newstext.cleaning.sentences.group_paragraphs`); a short line is one paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newstext.cleaning.alignment import AlignedText
from newstext.cleaning.inline import Removal, find_inline_noise
from newstext.cleaning.lexicon import LONG_LINE_CHARS, QUOTE_REPLACEMENTS
from newstext.cleaning.sentences import find_missing_spaces, group_paragraphs, split_sentences


@dataclass
class CleanLine:
    """What one raw body line became."""

    paragraphs: list[AlignedText] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)  # offsets in the RAW page
    inserted_at: list[int] = field(default_factory=list)  # raw offsets a space went before


def clean_body_line(raw: str, start: int, end: int) -> CleanLine:
    """Clean the body line ``raw[start:end]`` of the raw page into paragraphs."""
    line = AlignedText.from_raw(raw, start, end).replace_chars(QUOTE_REPLACEMENTS)
    local_removals = find_inline_noise(line.text)
    result = CleanLine(
        removals=[Removal(start + r.start, start + r.end, r.reason, r.text) for r in local_removals]
    )
    long_line = len(line.text) >= LONG_LINE_CHARS
    if long_line:
        pieces = _pieces_between(line, local_removals)
    else:
        pieces = [line.delete((r.start, r.end) for r in local_removals)]
    for piece in pieces:
        piece = piece.collapse_spaces()
        if not piece.text:
            continue
        piece = _repair_spaces(piece, result)
        if long_line:
            spans = group_paragraphs(split_sentences(piece.text), piece.text)
        else:
            spans = [(0, len(piece.text))]
        for paragraph_start, paragraph_end in spans:
            paragraph = piece.slice(paragraph_start, paragraph_end).strip()
            if paragraph.text:
                result.paragraphs.append(paragraph)
    return result


def _pieces_between(line: AlignedText, removals: list[Removal]) -> list[AlignedText]:
    pieces = []
    previous = 0
    for removal in sorted(removals):
        if removal.start > previous:
            pieces.append(line.slice(previous, removal.start))
        previous = max(previous, removal.end)
    pieces.append(line.slice(previous, len(line.text)))
    return pieces


def _repair_spaces(piece: AlignedText, result: CleanLine) -> AlignedText:
    positions = find_missing_spaces(piece.text)
    for position in positions:
        result.inserted_at.append(piece.offsets[position])
    return piece.insert(positions)
