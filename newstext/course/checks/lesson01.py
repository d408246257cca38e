"""Checks for the exercises of notebook 01, "Cleaning"."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta

from newstext.cleaning.lexicon import ACTIONS
from newstext.cleaning.line_scores import load_line_labels
from newstext.cleaning.metadata import split_glued_metadata
from newstext.cleaning.published import resolve_relative_time
from newstext.course.checks.core import Verdict, exercise, right, type_problem, wrong

# --- Exercise 1.1: split a source glued to a relative time ---------------------------------

#: Lines the student's function must split, beyond the page's own "Mint2 days ago".
GLUED_LINES = [
    "Mint2 days ago",
    "Indian Express3 hours ago",
    "Reuters15 minutes ago",
    "time2 hours ago",
    "The Hindu1 day ago",
]


@exercise("1.1")
def split_source_time(answer: Callable[[str], object]) -> Verdict:
    """The student's function splits glued metadata lines like the package does."""
    if not callable(answer):
        return wrong(
            f"`split_source_time` should be a function, but it is a {type(answer).__name__}."
        )
    for line in GLUED_LINES:
        try:
            got = answer(line)
        except Exception as err:  # name the line, and say what a failed match looks like
            return wrong(_failure_on(line, err))
        expected = tuple(split_glued_metadata(line))
        if got is None:
            return wrong(f"for {line!r} your function returned None: did you forget `return`?")
        if not isinstance(got, tuple) or len(got) != 2:
            return wrong(f"for {line!r} return a pair (source, time_ago), not {got!r}.")
        source, time_ago = got
        if time_ago != expected[1]:
            return wrong(
                f"for {line!r} your time part is {time_ago!r}, but it should start at the first "
                "digit of the number. Is a group before it greedy (`.*` takes as much as it "
                "can; `.*?` as little)?"
            )
        if source != expected[0]:
            if expected[0] is None:
                return wrong(
                    f"for {line!r} the source is {source!r}, but 'time' is a label the page "
                    "prints before the time, not a publication: return None for it."
                )
            return wrong(f"for {line!r} the source is {source!r}: look at where it should end.")
    return right(f"your function splits all {len(GLUED_LINES)} test lines correctly.")


def _failure_on(line: str, err: Exception) -> str:
    """What to say when the student's function raised ``err`` on ``line``."""
    message = f"for {line!r} your function raised {type(err).__name__}: {err}."
    if isinstance(err, AttributeError) and "'NoneType'" in str(err):
        message += (
            f" That is what happens when `re.fullmatch` finds no match: it returns None, "
            f"which has no `.group` or `.groups`. Your pattern must match the whole line: try "
            f"`print(re.fullmatch(your_pattern, {line!r}))`, and look at what comes after the "
            "number (a space, a unit, 'ago')."
        )
    return message


# --- Exercise 1.2: the ad marker the lexicon does not know yet -----------------------------

#: A paragraph from another site: one ad marker that the lexicon does not list.
UNKNOWN_MARKER_PARAGRAPH = (
    "The council voted 7 to 2 to raise the harbour fees from October. "
    "SCROLL TO CONTINUE WITH CONTENT The mayor said the rise would pay for new pontoons, "
    "and that ferry operators had been consulted since the spring."
)
UNKNOWN_MARKER = "SCROLL TO CONTINUE WITH CONTENT"


@exercise("1.2")
def unknown_ad_marker(answer: object) -> Verdict:
    """The student names the whole ad marker hidden in UNKNOWN_MARKER_PARAGRAPH."""
    problem = type_problem(answer, str, "a string: the marker exactly as printed")
    if problem:
        return wrong(problem)
    marker = answer.strip()
    if marker not in UNKNOWN_MARKER_PARAGRAPH:
        return wrong(
            "that text does not appear in the paragraph as written: copy it exactly, "
            "capital letters included."
        )
    if marker == UNKNOWN_MARKER:
        return right(
            "that is the whole marker. Where it would go so that the cleaner removes it on "
            "every page is your written answer: section 2 says where the word lists live."
        )
    if marker in UNKNOWN_MARKER:
        return wrong("that is only part of the marker: removing it would leave the rest behind.")
    if UNKNOWN_MARKER in marker:
        return wrong("that includes words of the article around the marker: remove those.")
    return wrong(
        "that is article prose, not page furniture. Look for words addressed to the reader."
    )


# --- Exercise 1.4: label five lines by hand ------------------------------------------------

#: The lines students label (1-based numbers in the raw page).
LINES_TO_LABEL = [32, 35, 39, 43, 58]


@exercise("1.4")
def five_line_labels(answer: object) -> Verdict:
    """The student's actions for LINES_TO_LABEL agree with the reference labels."""
    problem = type_problem(answer, Mapping, "a dict {line number: action}")
    if problem:
        return wrong(problem)
    missing = [number for number in LINES_TO_LABEL if number not in answer]
    if missing:
        return wrong(f"give an action for every line: {missing} missing (keys are ints).")
    unknown = {action for action in answer.values() if action not in ACTIONS}
    if unknown:
        return wrong(f"{sorted(unknown)} is not an action; use one of {sorted(ACTIONS)}.")
    reference = load_line_labels().set_index("line_no")["action"]
    wrong_lines = [n for n in LINES_TO_LABEL if answer[n] != reference[n]]
    if wrong_lines:
        message = (
            f"{len(LINES_TO_LABEL) - len(wrong_lines)} of {len(LINES_TO_LABEL)} agree with the "
            f"reference; look again at line(s) {wrong_lines}. Ask: is it the article's own "
            "words, its headline, facts about it (source, time), or the site talking?"
        )
        if 39 in wrong_lines and answer[39] == "drop":
            message += (
                " Line 39 (`  • First Post`) looks like furniture, but compare it with line 35: "
                "it repeats the article's source. What does the cleaner keep about a source?"
            )
        return wrong(message)
    return right("all five agree with the reference labels.")


# --- Exercise 1.3: a publication date from another reference date --------------------------

#: The reference date of the exercise: the page read in Indian time.
INDIAN_REFERENCE = date(2025, 7, 12)


@exercise("1.3")
def mint_date_in_indian_time(answer: object) -> Verdict:
    """The Mint article's date ('2 days ago') counted back from 12 July 2025."""
    if isinstance(answer, str):
        return wrong("give a `date` object, not a string: `date(YYYY, M, D)`.")
    if isinstance(answer, datetime):
        return wrong(
            "give a `date`, not a `datetime`: a relative time in days gives no clock time."
        )
    problem = type_problem(answer, date, "a datetime.date")
    if problem:
        return wrong(problem)
    expected = resolve_relative_time("2 days ago", INDIAN_REFERENCE)
    if answer == expected:
        notebook_date = resolve_relative_time("2 days ago")
        return right(
            f"{answer:%A %d %B %Y}. The table above counts back from 11 July and gives "
            f"{notebook_date.day} {notebook_date:%B}: compare the two in your written answer."
        )
    if answer == resolve_relative_time("2 days ago"):
        return wrong("that is counted back from 11 July; the question asks for 12 July.")
    if answer == INDIAN_REFERENCE:
        return wrong("that is the reference date itself: count back the two days.")
    if answer == INDIAN_REFERENCE - timedelta(days=1):
        return wrong("that is one day back; the article says two days ago.")
    return wrong("count back from 12 July 2025 by the article's relative time.")
