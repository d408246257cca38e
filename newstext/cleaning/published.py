"""When was each article published? Relative times resolved against a reference date.

The page says "2 days ago", "2 hours ago", "3 hours ago": ago from the day the page was
saved, which the page does not print. The reference date below is read from the page's
own evidence; change it (or pass another one) for a page saved on another day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newstext.cleaning.lexicon import NUMBER_WORDS, TIME_UNITS

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
    time_ago: str | None, calendar_date: str | None = None, reference: date = REFERENCE_DATE
) -> str | None:
    """ISO date of publication: a date printed on the page wins, else the relative time."""
    if calendar_date:
        return calendar_date
    if not time_ago:
        return None
    resolved = resolve_relative_time(time_ago, reference)
    return resolved.isoformat() if resolved else None
