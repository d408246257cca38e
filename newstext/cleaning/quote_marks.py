"""Quote marks: apostrophes told from quotes, marks paired into quotations, strays flagged.

This is the one quote-mark classifier of the package: the cleaner (notebook 01) uses it to
flag unpaired marks, the quotation extractor (notebook 03) to find quotations, and the
voices table (notebook 02) to measure how much of an article is quoted.

**Normalising** (``lexicon.QUOTE_REPLACEMENTS``): every curly or low quote mark can be made
a plain ASCII ``'`` or ``"``, one character for one character, so no offset moves. The
classifier itself reads curly and straight marks alike: a curly ``‘`` closed by a straight
``'`` (as in the course page's headline) pairs.

**Each mark's role**, from its two neighbours (:func:`mark_role`):

1. a single mark between a letter or digit and a letter is an apostrophe (don't, Russia's);
2. a single mark before a year or an elided word ('90s, 'em, 'til) is an apostrophe;
3. after a space (or the start, a bracket, a dash) and before a character: an opening mark;
   so is a mark that can only open (``“`` ``‘`` ``„``), even when a space follows it
   (``“ I love what I do.”``); a straight mark after a space and before a space or
   punctuation (``' I love it,'``, ``"we won ".``) opens or closes as in rule 5;
4. after a character and before a space, the end or punctuation: a closing mark; after an
   ``s`` a single mark may also be the apostrophe of a plural (the Patriots' range);
5. glued between punctuation and a letter (``strongly.'In``): a closing mark when a
   quotation of its kind is open, else an opening mark.

**Pairing** (:func:`find_quote_marks`), paragraph by paragraph (a paragraph is a run of text
between newlines): single and double marks are two kinds, each paired with the nearest
opening mark of its kind. A ``s'`` closes an open quotation only when no other closing mark
follows in the paragraph ('The Patriots' range is long,' he said: the second mark is the
plural's apostrophe). A mark left open at the end of its paragraph is *unpaired*: the news
convention for a quotation that goes on in the next paragraph, or a scraping error; so is
a closing mark with nothing open.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newstext.cleaning.lexicon import ELISIONS, QUOTE_REPLACEMENTS

#: Every quote mark, with its kind: ``'`` for single marks, ``"`` for double marks.
MARK_KINDS = {
    '"': '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "'": "'", "\u2018": "'", "\u2019": "'", "\u201a": "'",
}  # fmt: skip
#: Every quote-mark character, curly and straight.
QUOTE_CHARS = "".join(MARK_KINDS)
#: Finds the next quote mark (scanning with it skips the other characters in one step).
_ANY_MARK = re.compile(f"[{QUOTE_CHARS}]")
#: Marks that can only open a quotation: “ „ ‘ ‚
OPENING_ONLY = {"\u201c", "\u201e", "\u2018", "\u201a"}
#: Marks that can only close one: ” (’ is also the typographic apostrophe).
CLOSING_ONLY = {"\u201d"}

_OPEN_CONTEXT = " \t\n([{-\u2013\u2014/\"'\u201c\u2018"  # what may stand before an opening mark
_CLOSE_CONTEXT = " \t\n.,;:!?)]}-\u2013\u2014/\"'\u201d\u2019\u2026"  # ... after a closing one


class QuoteMark(NamedTuple):
    """One quote mark of a text: where, which role, and whether it found its partner."""

    offset: int
    char: str
    role: str  # "apostrophe", "open" or "close"
    paired: bool


def normalise_quotes(text: str) -> str:
    """Curly and low quote marks become plain ``'`` and ``"``, one for one."""
    return "".join(QUOTE_REPLACEMENTS.get(char, char) for char in text)


def starts_elision(text: str, start: int) -> bool:
    """True when the word at ``start`` is one an apostrophe shortens: '90s, '21, 'em, 'til."""
    word = ""
    for char in text[start:]:
        if not char.isalnum():
            break
        word += char
    if len(word) == 3 and word[:2].isdigit() and word[2] == "s":  # '90s
        return True
    if len(word) == 2 and word.isdigit():  # '21
        return True
    return word.lower() in ELISIONS


def mark_role(text: str, offset: int) -> str:
    """The role of the quote mark at ``offset``, judged from its two neighbours alone.

    One of ``"open"``, ``"close"``, ``"apostrophe"``, ``"close_or_apostrophe"`` (a single
    mark after an ``s``: a closing mark or a plural possessive, the Patriots') and
    ``"either"`` (decided by whether a quotation of its kind is open).
    """
    char = text[offset]
    single = MARK_KINDS[char] == "'"
    before = text[offset - 1] if offset > 0 else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    if char in CLOSING_ONLY:
        return "close"
    if single and before.isalnum() and after.isalpha():
        return "apostrophe"  # don't, Russia's, I'll
    if before in _OPEN_CONTEXT or char in OPENING_ONLY:
        if single and starts_elision(text, offset + 1):
            return "apostrophe"  # '90s, 'em
        if char in OPENING_ONLY or not (after.isspace() or after in _CLOSE_CONTEXT):
            return "open"
        # alone between spaces (' I love it,') or after a space before punctuation
        # ("we won ".): opens or closes, as a quotation of its kind is open or not
        return "either"
    if after in _CLOSE_CONTEXT:
        if single and before in "sS":
            return "close_or_apostrophe"
        return "close"
    if not before.isalnum() and after.isalnum():
        return "either"  # strongly.'In
    return "apostrophe"


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of text between newlines (blank lines skipped)."""
    bounds = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            bounds.append((start, end))
        start = end + 1
    return bounds


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Every quote mark of ``text`` with its role and whether it pairs, in order."""
    marks: list[QuoteMark] = []
    for start, end in paragraph_bounds(text):
        marks.extend(_paragraph_marks(text, start, end))
    return marks


def _paragraph_marks(text: str, start: int, end: int) -> list[QuoteMark]:
    """The marks of one paragraph, ``text[start:end]``, paired kind by kind."""
    marks: list[QuoteMark] = []
    open_at: dict[str, int | None] = {"'": None, '"': None}  # index in ``marks``
    for found in _ANY_MARK.finditer(text, start, end):
        offset, char = found.start(), found.group()
        kind = MARK_KINDS[char]
        role = _decide_role(text, offset, end, open_at[kind] is not None)
        if role == "open":
            # an earlier mark still open stays unpaired: it was not an opening one
            marks.append(QuoteMark(offset, char, "open", False))
            open_at[kind] = len(marks) - 1
        elif role == "close" and open_at[kind] is not None:
            opener = open_at[kind]
            marks[opener] = marks[opener]._replace(paired=True)
            marks.append(QuoteMark(offset, char, "close", True))
            open_at[kind] = None
        elif role == "close":
            marks.append(QuoteMark(offset, char, "close", False))
        else:
            marks.append(QuoteMark(offset, char, "apostrophe", True))
    return marks


def _decide_role(text: str, offset: int, end: int, quote_open: bool) -> str:
    """``open``, ``close`` or ``apostrophe`` for the mark at ``offset``, given whether a
    quotation of its kind is open."""
    role = mark_role(text, offset)
    if role == "either":
        return "close" if quote_open else "open"
    if role == "close_or_apostrophe":
        if quote_open and not _closes_later(text, offset + 1, end):
            return "close"
        return "apostrophe"  # the Patriots' range
    return role


def _closes_later(text: str, start: int, end: int) -> bool:
    """True when a single closing mark comes later in the paragraph, before any opening one."""
    for found in _ANY_MARK.finditer(text, start, end):
        offset = found.start()
        if MARK_KINDS[found.group()] != "'":
            continue
        role = mark_role(text, offset)
        if role in ("close", "close_or_apostrophe"):
            return True
        if role == "open":
            return False
    return False


def is_apostrophe(text: str, offset: int) -> bool:
    """True when the mark at ``offset`` is an apostrophe, not a quote mark."""
    for mark in find_quote_marks(text):
        if mark.offset == offset:
            return mark.role == "apostrophe"
    return False


def unpaired_quotes(text: str) -> list[QuoteMark]:
    """The quote marks of a text that do not pair (apostrophes are never flagged)."""
    marks = find_quote_marks(text)
    return [mark for mark in marks if mark.role != "apostrophe" and not mark.paired]


def find_quotations(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation in ``text``, marks included, in order.

    A quotation still open at the end of its paragraph runs to the paragraph's end; a
    quotation inside another one is part of it, not listed on its own.
    """
    spans: list[tuple[int, int]] = []
    for start, end in paragraph_bounds(text):
        opened: dict[str, int] = {}
        for mark in _paragraph_marks(text, start, end):
            kind = MARK_KINDS[mark.char]
            if mark.role == "open":
                opened[kind] = mark.offset
            elif mark.role == "close" and mark.paired:
                spans.append((opened.pop(kind), mark.offset + 1))
        spans.extend((offset, end) for offset in opened.values())
    return _drop_nested(sorted(spans))


def _drop_nested(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue  # inside (or overlapping) the previous quotation
        kept.append((start, end))
    return kept
