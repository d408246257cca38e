"""Noise glued inside a paragraph: ad markers, photo captions, repeated teasers.

Each finder takes the text of one line and returns :class:`Removal` spans in that text;
nothing is deleted here. The spans include the one space after the noise, so that
deleting them leaves a single space between the words around.

The rules (phrases in ``lexicon.py``):

* **ad marker**: one of ``INLINE_AD_MARKERS``, matched exactly (case-sensitive), as whole
  words: "STORY CONTINUES BELOW THIS AD", "read more Advertisement".
* **photo caption**: text that starts right after an ad marker and ends, within
  ``CAPTION_MAX_CHARS``, with a year, a full stop and a wire-agency credit from
  ``WIRE_CREDITS`` ("... Monday, April. 19, 2021. AP"). Pages put the picture, and so
  its caption, where the ad break is.
* **teaser**: the text before a "read more" marker, when the same words come again
  later in the line: the site's summary of the article, repeated by the article itself.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newstext.cleaning.lexicon import (
    INLINE_AD_MARKERS,
    TEASER_ENDINGS,
    WIRE_CREDITS,
)

#: A caption is at most this long: a credit further away is not the end of a caption.
CAPTION_MAX_CHARS = 400


class Removal(NamedTuple):
    """A span of noise to remove: ``text[start:end]``, and why."""

    start: int
    end: int
    reason: str  # "ad_marker", "photo_caption" or "teaser_repeat"
    text: str


_AD_MARKER = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(re.escape(marker) for marker in sorted(INLINE_AD_MARKERS, key=len, reverse=True))
    + r")(?![A-Za-z])"
)

_CREDIT_AFTER_DATE = re.compile(
    r"\b(?:19|20)\d{2}\.?\s+(?:"
    + "|".join(re.escape(credit) for credit in sorted(WIRE_CREDITS, key=len, reverse=True))
    + r")\b\.?"
)


def _with_trailing_space(text: str, end: int) -> int:
    while end < len(text) and text[end] in " \t":
        end += 1
    return end


def find_ad_markers(text: str) -> list[Removal]:
    """Ad markers in ``text`` (exact phrases from ``lexicon.INLINE_AD_MARKERS``)."""
    removals = []
    for match in _AD_MARKER.finditer(text):
        end = _with_trailing_space(text, match.end())
        removals.append(Removal(match.start(), end, "ad_marker", text[match.start() : end]))
    return removals


def find_caption_after(text: str, start: int) -> Removal | None:
    """A photo caption starting at ``start`` (just after an ad marker), or None.

    The caption ends with a year, a full stop and a wire credit ("2021. AP"), no further
    than ``CAPTION_MAX_CHARS`` away.
    """
    window = text[start : start + CAPTION_MAX_CHARS]
    match = _CREDIT_AFTER_DATE.search(window)
    if match is None:
        return None
    end = _with_trailing_space(text, start + match.end())
    return Removal(start, end, "photo_caption", text[start:end])


def find_captions(text: str, markers: list[Removal] | None = None) -> list[Removal]:
    """Photo captions in ``text``: one may follow each ad marker."""
    if markers is None:
        markers = find_ad_markers(text)
    captions = []
    for marker in markers:
        caption = find_caption_after(text, marker.end)
        if caption is not None:
            captions.append(caption)
    return captions


def find_teasers(text: str, markers: list[Removal] | None = None) -> list[Removal]:
    """Teasers: text before a "read more" marker that the line repeats later."""
    if markers is None:
        markers = find_ad_markers(text)
    teasers = []
    previous_end = 0
    for marker in markers:
        is_teaser_end = marker.text.lower().startswith(tuple(TEASER_ENDINGS))
        teaser = text[previous_end : marker.start].strip()
        if is_teaser_end and len(teaser.split()) >= 5 and teaser in text[marker.end :]:
            start = previous_end + text[previous_end : marker.start].index(teaser)
            end = _with_trailing_space(text, start + len(teaser))
            teasers.append(Removal(start, end, "teaser_repeat", text[start:end]))
        previous_end = marker.end
    return teasers


def find_inline_noise(text: str) -> list[Removal]:
    """All removals for one line: ad markers, captions and teasers, in text order."""
    markers = find_ad_markers(text)
    removals = markers + find_captions(text, markers) + find_teasers(text, markers)
    return sorted(removals)


def remove_spans(text: str, removals: list[Removal]) -> str:
    """``text`` without the removed spans (for a quick look; cleaning keeps offsets)."""
    pieces = []
    previous = 0
    for removal in sorted(removals):
        pieces.append(text[previous : removal.start])
        previous = max(previous, removal.end)
    pieces.append(text[previous:])
    return "".join(pieces)
