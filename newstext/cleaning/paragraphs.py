"""Turning one body line of the raw page into clean paragraphs, keeping raw offsets.

The steps, in order, each on an :class:`~newstext.cleaning.alignment.AlignedText`:

1. normalise quote marks (one character for one, offsets unchanged);
2. find inline noise (ad markers, photo captions, repeated teasers) and delete it;
3. on a long line (:data:`LONG_LINE_CHARS`), where the scraper lost the paragraph
   breaks, every removal is also a paragraph break (pages put ads between paragraphs);
4. collapse the spaces the deletions leave, and insert the spaces missing after a
   sentence end;
5. on a long line, group the sentences of each piece into paragraphs
   (:func:`group_paragraphs`); a short line is one paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newstext.cleaning.alignment import AlignedText
from newstext.cleaning.inline import Removal, find_inline_noise
from newstext.cleaning.lexicon import QUOTE_REPLACEMENTS
from newstext.cleaning.quote_marks import find_quote_marks
from newstext.cleaning.sentences import Span, find_missing_spaces, split_sentences

#: A line at least this long had its paragraph breaks lost by the scraper: it is split
#: into paragraphs by :func:`group_paragraphs`.
LONG_LINE_CHARS = 1200
#: Paragraphs rebuilt from a long line hold at most this many sentences and characters
#: (a sentence is never cut; a single longer sentence makes a paragraph on its own).
PARAGRAPH_MAX_SENTENCES = 3
PARAGRAPH_MAX_CHARS = 400


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


def group_paragraphs(
    sentences: list[Span],
    text: str | None = None,
    max_sentences: int = PARAGRAPH_MAX_SENTENCES,
    max_chars: int = PARAGRAPH_MAX_CHARS,
) -> list[Span]:
    """Group consecutive sentences into paragraphs.

    News paragraphs are short: the page's own paragraphs (the main article) hold one to
    four sentences and under 400 characters. A sentence joins the current paragraph while
    the paragraph stays within ``max_sentences`` and ``max_chars``; a sentence is never
    cut, so one longer sentence makes a paragraph on its own. When ``text`` is given, a
    paragraph does not end inside an open quotation (a quote keeps its sentences
    together), unless the paragraph would grow past twice ``max_chars``.
    """
    open_at = _quote_open_at_starts(sentences, text) if text is not None else set()
    paragraphs: list[Span] = []
    current: list[Span] = []
    for sentence in sentences:
        if current:
            length = sentence[1] - current[0][0]
            full = len(current) >= max_sentences or length > max_chars
            inside_quote = sentence[0] in open_at and length <= 2 * max_chars
            if full and not inside_quote:
                paragraphs.append((current[0][0], current[-1][1]))
                current = []
        current.append(sentence)
    if current:
        paragraphs.append((current[0][0], current[-1][1]))
    return paragraphs


def _quote_open_at_starts(sentences: list[Span], text: str) -> set[int]:
    """Start offsets of the sentences that begin inside an open quotation."""
    open_quotes: set[str] = set()
    marks = iter(find_quote_marks(text))
    mark = next(marks, None)
    inside = set()
    for start, _ in sentences:
        while mark is not None and mark.offset < start:
            if mark.role == "open":
                open_quotes.add(mark.char)
            elif mark.role == "close":
                open_quotes.discard(mark.char)
            mark = next(marks, None)
        if open_quotes:
            inside.add(start)
    return inside
