"""The numbers the lessons' prose quotes are the numbers the page gives: each test computes
them and finds them in the text (so a change to the page, the cleaner or the model that moves
a number makes the prose fail here, not mislead a class)."""

from __future__ import annotations

import re

import jupytext
import pytest

from conftest import ROOT

LESSONS = ROOT / "lessons"


def cells_of(stem: str):
    return jupytext.read(next(LESSONS.glob(f"{stem}_*.py"))).cells


def markdown_of(stem: str) -> str:
    """All the Markdown of a lesson (solutions included), its lines joined where Markdown
    joins them, so that a phrase broken across two source lines is found."""
    text = "\n\n".join(cell.source for cell in cells_of(stem) if cell.cell_type == "markdown")
    return re.sub(r"(?<=\S)\n(?:> )?(?=\S)", " ", text)


def cell_after(stem: str, marker: str) -> str:
    """The source of the first cell whose text contains ``marker``."""
    return next(cell.source for cell in cells_of(stem) if marker in cell.source)


# --- 00 ---------------------------------------------------------------------------------------


def test_00_says_where_the_comment_box_is(page_text):
    lines = page_text.split("\n")
    shown = int(re.search(r"lines\[:(\d+)\]", cell_after("00", "enumerate(lines[:"))[1])
    prose = markdown_of("00")
    for furniture in ("Orange background", "Comments", "No comments yet..."):
        number = lines.index(furniture) + 1
        assert f"`{furniture}` on line {number}" in prose or (
            f"line {number}, `{furniture}`" in prose
        ), furniture
    comments = lines.index("Comments") + 1
    assert comments > shown
    assert "Below this first screen come more: `Comments`" in prose  # not "already visible"


def test_00_exercise_says_plainly_whether_the_page_has_lines_of_spaces(page_text):
    spaces_only = [line for line in page_text.split("\n") if line and not line.strip()]
    prose = markdown_of("00")
    says_none = "This page has no line made only of spaces" in prose
    assert says_none == (spaces_only == [])


# --- 01 ---------------------------------------------------------------------------------------

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
TIMES = {1: "once", 2: "twice", 3: "three times"}


def test_01_counts_the_ad_markers_the_removals_table_shows(cleaned):
    ads = cleaned.removals.query("reason == 'ad_marker'")
    prose = markdown_of("01")
    assert f"The first related article holds {NUMBER_WORDS[len(ads)]} ad markers" in prose
    for text, times in ads["text"].str.strip().value_counts().items():
        assert f"`{text}` {TIMES[times]}" in prose
