"""When was each article published? Dates printed on the page, and relative times.

A date printed on the page ("Nov. 19, 2019", "2019-11-19", "19 November 2019") is the
article's date. A relative time ("2 days ago") counts back from the day the page was saved,
which a page rarely prints: it is resolved only against a reference date that the user
gives (``clean_file(page, reference_date=...)``, ``python -m newstext clean --reference-date``)
or that the page itself supports (a date printed in a date line of the page, see
:func:`page_reference_date`). Otherwise the date stays empty and the cleaning log says why.

The course page prints no date. ``REFERENCE_DATE`` below is its reference date, read from
its own evidence (``REFERENCE_DATE_EVIDENCE``); the course page's functions pass it
explicitly (:func:`course_reference_date`), and no other page ever gets it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from newstext.cleaning.lexicon import NUMBER_WORDS, TIME_UNITS
from newstext.core.paths import RAW_PAGE

#: The day the course page was saved, as far as the page itself tells (see the evidence).
REFERENCE_DATE = date(2025, 7, 11)

REFERENCE_DATE_EVIDENCE = """Why the course page was saved on 11 July 2025.

Evidence: the First Post item, "2 hours ago" on the page, reports that the US sanctioned
Cuba's president "on the fourth anniversary of historic anti-government protests in
Cuba"; its body dates those protests to "July 2021". The protests were on 11 July 2021
(the sanctions were announced on Friday 11 July 2025), so the item ran on 11 July 2025,
and a page calling it "2 hours ago" was saved that day.

Honest limits: the page gives no clock time and no time zone, so every estimate is a
date, not a time, and may be a day off. Read with this date, the Mint article
("2 days ago") lands on 9 July 2025, yet it reports "Thursday's meeting" of Rubio and
Lavrov, which was on Thursday 10 July 2025: aggregators round relative times, and in
Indian time (Daily8 is an Indian site) the page may already have been on 12 July.
"""

#: Whole days a relative time in this unit moves the date back (months and years are
#: counted on the calendar instead, see :func:`resolve_relative_time`).
_DAYS_PER_UNIT = {"second": 0, "minute": 0, "hour": 0, "day": 1, "week": 7}

_UNIT_OF_SPELLING = {
    spelling: unit for unit, spellings in TIME_UNITS.items() for spelling in spellings
}


def parse_relative_time(time_ago: str) -> tuple[int, str] | None:
    """``"2 days ago"`` -> ``(2, "day")``; ``"an hour ago"`` -> ``(1, "hour")``; else None."""
    match = re.fullmatch(r"\s*(\d+|[A-Za-z]+(?: few)?)\s*([A-Za-z]+)\s+ago\s*", time_ago)
    if match is None:
        return None
    amount_text, unit_text = match.group(1).lower(), match.group(2).lower()
    amount = int(amount_text) if amount_text.isdigit() else NUMBER_WORDS.get(amount_text)
    unit = _UNIT_OF_SPELLING.get(unit_text)
    if amount is None or unit is None:
        return None
    return amount, unit


def resolve_relative_time(time_ago: str, reference: date = REFERENCE_DATE) -> date | None:
    """The publication date a relative time gives, counted back from ``reference``.

    Seconds, minutes and hours give the reference date itself (the clock time of the save
    is unknown, so "2 hours ago" is taken as the same day); days and weeks count back
    whole days; months and years count back on the calendar (31 March minus one month
    gives 28 or 29 February). Returns None when the text is not a relative time.
    """
    parsed = parse_relative_time(time_ago)
    if parsed is None:
        return None
    amount, unit = parsed
    if unit in _DAYS_PER_UNIT:
        return reference - timedelta(days=amount * _DAYS_PER_UNIT[unit])
    months = amount if unit == "month" else 12 * amount
    return _months_back(reference, months)


def _months_back(reference: date, months: int) -> date:
    month_index = reference.year * 12 + reference.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = reference.day
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def published_estimate(
    time_ago: str | None, calendar_date: str | None = None, reference: date | None = None
) -> str | None:
    """ISO date of publication: a date printed on the page wins, else the relative time
    counted back from ``reference``; None when there is neither (no reference, no date)."""
    if calendar_date:
        return calendar_date
    if not time_ago or reference is None:
        return None
    resolved = resolve_relative_time(time_ago, reference)
    return resolved.isoformat() if resolved else None


def page_reference_date(dates: list[str]) -> date | None:
    """The reference date a page supports: the latest of the dates it prints in its date
    lines (ISO texts), or None. The page cannot have been saved before the latest date it
    shows, so a relative time counted back from it may come out early, never late."""
    found = []
    for text in dates:
        try:
            found.append(date.fromisoformat(text))
        except (TypeError, ValueError):
            continue
    return max(found, default=None)


def course_reference_date(page: str | Path) -> date | None:
    """``REFERENCE_DATE`` when ``page`` is the course page's file, else None: the course
    page's functions pass its documented reference date explicitly, no other page gets it."""
    try:
        same = Path(page).resolve() == RAW_PAGE.resolve()
    except (OSError, TypeError):
        return None
    return REFERENCE_DATE if same else None
