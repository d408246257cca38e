"""Quote marks: one convention, apostrophes told from quotes, unpaired quotes flagged.

The convention (``lexicon.QUOTE_REPLACEMENTS``): every curly or low quote mark becomes a
plain ASCII ``'`` or ``"``. The replacement is one character for one character, so no
offset moves. The page mixes ``"..."``, ``'...'`` and ``‘...'`` (a curly opening mark
closed by a straight one); after normalising they are all ``'...'`` or ``"..."``.

Telling an apostrophe from a single quote mark, for each ``'``:

1. between a letter or digit and a letter: an apostrophe (don't, Russia's, I'll);
2. before a year or an elided word ('90s, 'em, 'til): an apostrophe;
3. after a space (or the start, a bracket, a dash) and before a character: an opening mark;
4. after a character and before a space, the end or punctuation: a closing mark, except
   after an ``s`` when no quote is open: the apostrophe of a plural (the Patriots' range);
5. glued between punctuation and a letter (``strongly.'In``, ``said.'We``): a closing
   mark if a quote is open, else an opening mark.

An opening mark met while one of the same kind is open, a closing mark with none open,
and a mark still open at the end of the paragraph are *unpaired* and flagged.
What this misses: a plural possessive inside an open quote ('the Patriots' range') is
read as the closing mark; a quotation spanning paragraphs is flagged in each.
"""

from __future__ import annotations

from typing import NamedTuple

from newstext.cleaning.lexicon import ELISIONS, QUOTE_REPLACEMENTS

QUOTE_CHARS = "'\""
_OPENERS_BEFORE = " \t\n([{-\u2013\u2014/'\""
_CLOSERS_AFTER = " \t\n.,;:!?)]}-\u2013\u2014/'\""


class QuoteMark(NamedTuple):
    """One ``'`` or ``"`` in a text: where, which role, and whether it found its partner."""

    offset: int
    char: str
    role: str  # "apostrophe", "open" or "close"
    paired: bool


def normalise_quotes(text: str) -> str:
    """Curly and low quote marks become plain ``'`` and ``"``, one for one."""
    return "".join(QUOTE_REPLACEMENTS.get(char, char) for char in text)


def is_apostrophe(text: str, offset: int, quote_open: bool = False) -> bool:
    """True when the ``'`` at ``offset`` is an apostrophe rather than a quote mark."""
    return _single_role(text, offset, quote_open) == "apostrophe"


def _single_role(text: str, offset: int, quote_open: bool) -> str:
    before = text[offset - 1] if offset > 0 else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    if before.isalnum() and after.isalpha():
        return "apostrophe"
    if before in _OPENERS_BEFORE and starts_elision(text, offset + 1):
        return "apostrophe"
    if before in _OPENERS_BEFORE and after not in " \t\n":
        return "open"
    if before not in " \t\n" and after in _CLOSERS_AFTER:
        if before in "sS" and not quote_open:
            return "apostrophe"
        return "close"
    if before in ".,;:!?" and after.isalnum():
        return "close" if quote_open else "open"
    return "close" if quote_open else "apostrophe"


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


def _double_role(text: str, offset: int, quote_open: bool) -> str:
    before = text[offset - 1] if offset > 0 else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    if before in _OPENERS_BEFORE and after not in " \t\n":
        return "open"
    if before not in " \t\n" and after in _CLOSERS_AFTER:
        return "close"
    return "close" if quote_open else "open"


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Every ``'`` and ``"`` of a (normalised) text with its role and pairing."""
    marks: list[QuoteMark] = []
    open_at: dict[str, int | None] = {"'": None, '"': None}
    for offset, char in enumerate(text):
        if char not in QUOTE_CHARS:
            continue
        is_open = open_at[char] is not None
        if char == "'":
            role = _single_role(text, offset, is_open)
        else:
            role = _double_role(text, offset, is_open)
        if role == "apostrophe":
            marks.append(QuoteMark(offset, char, role, True))
            continue
        if role == "open":
            if is_open:  # the earlier opening mark never closed
                _set_unpaired(marks, open_at[char])
            marks.append(QuoteMark(offset, char, "open", False))
            open_at[char] = len(marks) - 1
            continue
        if is_open:
            opener = open_at[char]
            marks[opener] = marks[opener]._replace(paired=True)
            marks.append(QuoteMark(offset, char, "close", True))
            open_at[char] = None
        else:
            marks.append(QuoteMark(offset, char, "close", False))
    return marks


def _set_unpaired(marks: list[QuoteMark], index: int | None) -> None:
    if index is not None:
        marks[index] = marks[index]._replace(paired=False)


def unpaired_quotes(text: str) -> list[QuoteMark]:
    """The quote marks of a text that do not pair (apostrophes are never flagged)."""
    marks = find_quote_marks(text)
    return [mark for mark in marks if mark.role != "apostrophe" and not mark.paired]


def quote_is_open(text: str, offset: int, char: str = "'") -> bool:
    """True when a ``char`` quotation is open just before ``offset``."""
    state = False
    for mark in find_quote_marks(text[:offset]):
        if mark.char != char:
            continue
        if mark.role == "open":
            state = True
        elif mark.role == "close":
            state = False
    return state
