"""Reading an article's metadata lines: source, relative time, byline, date.

Scraped pages glue labels to values ("Mint2 days ago", "time2 hours ago") and echo the
source after a bullet ("  • First Post"). Each function here reads ONE line.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from newstext.cleaning.lexicon import (
    BULLETS,
    MONTH_NAMES,
    NUMBER_WORDS,
    TIME_LABELS,
    TIME_UNITS,
    WIRE_CREDITS,
)

_UNIT_SPELLINGS = sorted(
    (spelling for spellings in TIME_UNITS.values() for spelling in spellings),
    key=len,
    reverse=True,
)
_NUMBER_SPELLINGS = sorted(NUMBER_WORDS, key=len, reverse=True)

#: "2 days ago", "an hour ago", "3h ago" at the END of a line; whatever stands before it
#: (glued or not) is the prefix: a source ("Mint") or a label ("time", "Updated:").
RELATIVE_TIME = re.compile(
    r"^(?P<prefix>.*?)"
    r"(?P<time>(?:\d+|(?:(?<=\s)|(?<=^))(?:" + "|".join(_NUMBER_SPELLINGS) + r"))"
    r"\s*(?:" + "|".join(_UNIT_SPELLINGS) + r")\s+ago)"
    r"\s*$",
    re.IGNORECASE,
)

_MONTHS = "|".join(MONTH_NAMES)
#: "July 11, 2025", "11 July 2025", "Jul. 11, 2025", "Nov. 19, 2019", "18 NOV 2019",
#: "2019-11-19"; a clock time may be glued to the year ("Nov 20 20194:29 AM").
CALENDAR_DATE = re.compile(
    rf"\b(?:(?P<month1>(?i:{_MONTHS}))\.?\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
    rf"(?P<year1>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>(?i:{_MONTHS}))\.?,?\s+"
    rf"(?P<year2>\d{{4}})"
    r"|(?P<year3>(?:19|20)\d\d)-(?P<month3>\d\d)-(?P<day3>\d\d))(?:(?!\d)|(?=\d{1,2}:\d\d))"
)
#: "18.11.2019", "21/06/2014", "11.14.2019": read only when the order is certain (one of
#: the two numbers is over 12); "05/06/2019" could be May or June and is left alone.
NUMERIC_DATE = re.compile(
    r"(?<![\d.,/-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)"
    r"(?:(?!\d)|(?=\d{1,2}:\d\d))"
)

#: A line longer than this holds a date as part of a sentence, not as the page's date line.
DATE_LINE_MAX_WORDS = 20

#: A metadata line is short: a longer line is prose even if it ends in "ago".
METADATA_MAX_WORDS = 10


class GluedMetadata(NamedTuple):
    """What one metadata line says: the source and the relative time, each maybe None."""

    source: str | None
    time_ago: str | None


def split_glued_metadata(line: str) -> GluedMetadata:
    """Split a source glued to a relative time.

    >>> split_glued_metadata("Mint2 days ago")
    GluedMetadata(source='Mint', time_ago='2 days ago')
    >>> split_glued_metadata("time2 hours ago")
    GluedMetadata(source=None, time_ago='2 hours ago')
    """
    text = line.strip()
    if len(text.split()) > METADATA_MAX_WORDS:
        return GluedMetadata(None, None)
    match = RELATIVE_TIME.match(text)
    if match is None:
        return GluedMetadata(None, None)
    time_ago = _tidy_time(match.group("time"))
    prefix = match.group("prefix").strip().strip(BULLETS + "-–—|:,.;()[] ").strip()
    if not prefix or prefix.lower() in TIME_LABELS:
        return GluedMetadata(None, time_ago)
    return GluedMetadata(prefix, time_ago)


def _tidy_time(time: str) -> str:
    """'2days  ago' -> '2 days ago': one space between number, unit and 'ago'."""
    match = re.match(r"(\d+|[A-Za-z ]+?)\s*([A-Za-z]+)\s+ago", time.strip())
    if match is None:
        return time.strip()
    return f"{match.group(1).strip()} {match.group(2)} ago"


def source_echo(line: str) -> str | None:
    """The source named after a bullet ("  • First Post" -> "First Post"), else None."""
    text = line.strip()
    if not text or text[0] not in BULLETS:
        return None
    name = text[1:].strip()
    if not name or len(name.split()) > 5:
        return None
    return name


#: One name in a byline: capitalised words ("Jane Doe", "J. R. Smith", "Ana de la Cruz").
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|del|der|den|la|le|van|von|bin|al|el))*"
_NAMES = rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
#: "By Jane Doe", "By Jane Doe and John Roe", "Written by Jane Doe | 4 hours ago".
BY_NAMES = re.compile(
    rf"^\s*(?i:(?:written|posted|reported|reporting|story|words)\s+)?(?i:by):?\s+(?P<names>{_NAMES})"
    r"(?P<tail>.*)$"
)
#: "Jane Doe, AP": a name, a comma and a news agency (``lexicon.WIRE_CREDITS``).
NAME_AGENCY = re.compile(
    rf"^\s*(?P<names>[A-Z][\w'’.-]*\s+{_NAME})\s*,\s*(?P<agency>"
    + "|".join(re.escape(agency) for agency in WIRE_CREDITS)
    + r")\s*$"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def byline_author(line: str) -> str | None:
    """The author of a byline, else None.

    Only the forms bylines take count: "By Jane Doe", "By Jane Doe and John Roe", "By Jane
    Doe, Valley Times", "By Sam Patel | 4 hours ago" (-> "Sam Patel") and "Jane Doe, AP"
    (a name and a news agency). A sentence is never a byline: "By Friday, the talks had
    collapsed." ends like a sentence, and "the talks had collapsed" is not a name.
    """
    text = line.strip()
    if len(text.split()) > METADATA_MAX_WORDS or _SENTENCE_END.search(text):
        return None
    match = BY_NAMES.match(text)
    if match is not None and _byline_tail_is_metadata(match.group("tail")):
        names = match.group("names").strip().rstrip(",").strip()
        return re.split(r"\s*[|•·]\s*", names)[0].strip()
    match = NAME_AGENCY.match(text)
    if match is not None:
        return match.group("names").strip()
    return None


def _byline_tail_is_metadata(tail: str) -> bool:
    """What may follow the names: nothing, or after a separator a time, a date or a
    capitalised name (a title, a publication): "| 4 hours ago", ", Valley Times"."""
    if not tail.strip():
        return True
    separated = re.match(r"^\s*[,|•·–—-]\s*(?P<rest>.*)$", tail)
    if separated is None:
        return False
    rest = separated.group("rest").strip()
    if not rest or split_glued_metadata(rest).time_ago or calendar_date_in(rest):
        return True
    small = {"of", "the", "and", "for", "at", "in", "on", "&"}
    return all(word[:1].isupper() or word.lower() in small for word in rest.split())


def calendar_date_in(line: str) -> str | None:
    """The first calendar date in a short line as ISO text ("July 11, 2025" -> "2025-07-11")."""
    if len(line.split()) > DATE_LINE_MAX_WORDS:
        return None
    match = CALENDAR_DATE.search(line)
    if match is None:
        return _numeric_date_in(line)
    if match.group("year3"):
        year, number, day = (int(match.group(g)) for g in ("year3", "month3", "day3"))
    else:
        month = match.group("month1") or match.group("month2")
        day = int(match.group("day1") or match.group("day2"))
        year = int(match.group("year1") or match.group("year2"))
        number = _month_number(month)
    return _iso(year, number, day)


def _numeric_date_in(line: str) -> str | None:
    for match in NUMERIC_DATE.finditer(line):
        first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
        if first > 12 >= second:
            return _iso(year, second, first)
        if second > 12 >= first:
            return _iso(year, first, second)
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None  # "February 30, 2025" is no date


def _month_number(name: str) -> int:
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    return months.index(name[:3].lower()) + 1


def looks_like_source_name(line: str) -> bool:
    """True for a short name line such as "First Post" or "Indian Express".

    One to four words, each starting with a capital letter (small joining words allowed),
    no sentence punctuation at the end.
    """
    text = line.strip()
    words = text.split()
    if not 1 <= len(words) <= 4 or text[-1] in ".!?:;,'\"":
        return False
    small = {"of", "the", "and", "&", "for", "on", "de", "la"}
    return all(word[0].isupper() or word.lower() in small for word in words)
