"""Sentences, without a model.

* :func:`find_missing_spaces` finds where the scraper glued two sentences together
  (``said.A senior``, ``strongly.'In the NBC``, ``said.'We found``).
* :func:`split_sentences` cuts a paragraph into sentences with a few readable rules.

A full stop ends a sentence when it follows a word and is followed by a space and a
capital letter (maybe after a quote mark), unless the word is an abbreviation from
``lexicon.ABBREVIATIONS`` (Sen., Mr., U.S.) or a single capital (an initial). Numbers
(``$6.2``), ellipses (``...``, ``…``) and ``U.S.`` never get a space inserted.
"""

from __future__ import annotations

import re

from newstext.cleaning.lexicon import ABBREVIATIONS
from newstext.cleaning.quote_marks import QUOTE_CHARS, QuoteMark, find_quote_marks

_ENDERS = ".!?"

#: Where a sentence may end: the characters :func:`_sentence_end_at` looks at.
_END_CHARS = re.compile("[.!?\u2026]")
#: A full stop, ``!`` or ``?`` with a character after it (a space may be missing there).
_GLUED_END = re.compile(r"[.!?](?=.)", re.DOTALL)
_ABBREVIATIONS = set(ABBREVIATIONS)

Span = tuple[int, int]


def word_before(text: str, offset: int) -> str:
    """The run of letters and full stops that ends just before ``offset`` ("U.S" in "U.S.")."""
    start = offset
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:offset].lstrip(".")


def is_abbreviation(word: str) -> bool:
    """True for "Sen", "Mr", "U.S", "e.g", an initial ("J") or a dotted acronym."""
    if not word:
        return False
    if word in _ABBREVIATIONS:  # compared as written: "Sen" is one, "sen" is not
        return True
    if len(word) == 1 and word.isupper():
        return True
    return "." in word  # U.S, e.g, a.m


def find_missing_spaces(text: str) -> list[int]:
    """Offsets where a space is missing after a sentence end.

    A space goes after ``.``, ``!`` or ``?`` glued to the next sentence when the word
    before is a lower-case word of two letters or more that is not an abbreviation, and
    a capital letter follows, maybe after a quote mark. A quote mark in between goes
    with the sentence it belongs to: a closing mark stays before the space
    (``strongly.' In``), an opening mark moves after it (``said. 'We``).
    """
    marks: dict[int, QuoteMark] | None = None  # the text's quote marks, found when needed
    positions: list[int] = []
    for found in _GLUED_END.finditer(text):
        offset = found.start()
        word = word_before(text, offset)
        if len(word) < 2 or not word.islower() or is_abbreviation(word):
            continue
        after = offset + 1
        if text[after] in QUOTE_CHARS and after + 1 < len(text) and text[after + 1].isupper():
            if marks is None:
                marks = {mark.offset: mark for mark in find_quote_marks(text)}
            mark = marks.get(after)
            if mark is not None and mark.role == "close":
                positions.append(after + 1)
            else:
                positions.append(after)
        elif text[after].isupper():
            positions.append(after)
    return positions


def repair_missing_spaces(text: str) -> str:
    """``text`` with a space inserted at each of :func:`find_missing_spaces`."""
    pieces = []
    previous = 0
    for position in find_missing_spaces(text):
        pieces.append(text[previous:position])
        pieces.append(" ")
        previous = position
    pieces.append(text[previous:])
    return "".join(pieces)


def split_sentences(text: str) -> list[Span]:
    """``(start, end)`` of each sentence of a paragraph (spaces between them left out).

    A sentence ends at ``.``, ``!``, ``?``, ``...`` or ``…`` (with any closing quote or
    bracket after it) followed by a space and a capital letter or an opening quote.
    """
    spans: list[Span] = []
    start = _skip_spaces(text, 0)
    for found in _END_CHARS.finditer(text, start):  # only these characters can end one
        if found.start() < start:
            continue  # inside the spaces after the sentence that just ended
        end = _sentence_end_at(text, found.start())
        if end is None:
            continue
        spans.append((start, end))
        start = _skip_spaces(text, end)
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [span for span in spans if span[1] > span[0]]


def _skip_spaces(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def _sentence_end_at(text: str, offset: int) -> int | None:
    """If a sentence ends with the character at ``offset``, the end offset; else None."""
    char = text[offset]
    if char not in _ENDERS and char != "…":
        return None
    if char == "." and text[offset + 1 : offset + 2] == ".":
        return None  # the ellipsis goes on: decide at its last dot
    ellipsis = char == "…" or text[max(0, offset - 1) : offset + 1] == ".."
    if char == "." and not ellipsis and is_abbreviation(word_before(text, offset)):
        return None
    end = offset + 1
    while end < len(text) and text[end] in QUOTE_CHARS + ")]":
        end += 1
    if end >= len(text) or not text[end].isspace():
        return None
    following = _skip_spaces(text, end)
    if following >= len(text):
        return None
    next_char = text[following]
    if next_char in QUOTE_CHARS + "(":
        next_char = text[following + 1 : following + 2] or " "
    if not next_char.isupper():
        return None
    return end
