"""Checks for the exercises of notebook 00, "Start here"."""

from __future__ import annotations

from newstext.core.paths import RAW_PAGE
from newstext.core.reading import read_page
from newstext.course.checks.core import Verdict, exercise, right, type_problem, wrong


def count_nonempty_lines(text: str) -> int:
    """How many lines of ``text`` hold visible characters."""
    return sum(1 for line in text.split("\n") if line.strip())


@exercise("0.1")
def nonempty_line_count(answer: object) -> Verdict:
    """How many lines of the raw course page hold text?"""
    problem = type_problem(answer, int, "a whole number (an int)")
    if problem:
        return wrong(problem)
    text = read_page(RAW_PAGE)
    lines = text.split("\n")
    expected = count_nonempty_lines(text)
    if answer == expected:
        return right(f"correct: {expected} of the page's {len(lines)} lines hold text.")
    if answer == len(lines):
        return wrong(
            "that is every line, the empty ones too. How could you test whether a line has "
            "any characters left once its spaces are removed?"
        )
    if answer == text.count("\n"):
        return wrong(
            "that is the number of newline characters (what `wc -l` prints), and it counts "
            "empty lines. Hint: split the text into lines and test `line.strip()`."
        )
    if answer == len(lines) - expected:
        return wrong("that counts the empty lines; the question asks for the others.")
    return wrong(
        "that is not the number of lines with text. Hint: print a few of the page's lines "
        "with `repr`: what does an empty one look like, and how would you test for it?"
    )
