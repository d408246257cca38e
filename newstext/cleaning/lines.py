"""Looking at a page line by line, and giving every line an action and a reason.

Step 1, :func:`look_at_lines`: a table of the raw lines with what a reader notices first
(length, words, stop-word share, repetition, position).

Step 2, :func:`classify_line`: the label of ONE line from its own text: blank, furniture
(phrases from ``lexicon.py``), metadata (a relative time, a byline, a date, a bullet
echo of the source) or prose.

Step 3, :func:`classify_lines`: the labels of all lines, using the page around them:

* a line that appears more than once and is not prose is a headline the first time and
  a ``duplicate_headline`` after that; on a page without repeated headlines, the first
  title-like line (4+ words, no full stop) before the first prose line is the headline;
* a headline starts an article only if prose follows it before the next headline;
* between a headline and its first prose line, a short capitalised name ("First Post")
  is the ``source_byline``;
* title-like lines after a "Related" heading that no prose follows are ``related_link``;
  other non-prose lines outside any article (before the first, after the last prose
  line) are ``site_furniture``;
* a long promotional line ("Download ... from your preferred app store") counts as
  furniture when it speaks to the reader or follows other furniture.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from newstext.cleaning.lexicon import (
    BREADCRUMB_SEPARATORS,
    FURNITURE_PHRASES,
    FURNITURE_WORDS,
    MENU_SEPARATORS,
    PROMO_SENTENCE_PHRASES,
    RELATED_HEADINGS,
    RELATED_LINK_PREFIXES,
    SECOND_PERSON,
)
from newstext.cleaning.metadata import (
    byline_author,
    calendar_date_in,
    looks_like_source_name,
    source_echo,
    split_glued_metadata,
)

#: A line of at most this many words is SHORT: furniture phrases may match inside it.
SHORT_LINE_WORDS = 8
#: A menu's items have at most this many words each.
MENU_ITEM_WORDS = 3

#: A line is prose when it has at least this many words ...
PROSE_MIN_WORDS = 6
#: ... and ends like a sentence, or is at least this long.
PROSE_MIN_CHARS = 200
#: A headline found without repetition has at least this many words.
HEADLINE_MIN_WORDS = 4

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
_SEPARATORS = re.compile(r"[|/•·>»«:;,!?()\[\]\"“”‘’…]+|\.{2,}|(?<!\w)\.|\.(?!\w)")


class LineLabel(NamedTuple):
    """The label of one line: what to do with it and why."""

    action: str
    reason: str


# -- step 1: look --------------------------------------------------------------------------


def split_lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each line; ``end`` excludes the newline."""
    lines = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, start + len(line), line))
        start += len(line) + 1
    if text.endswith("\n"):
        lines.pop()  # the empty piece after the final newline is not a line
    return lines


def words_of(line: str) -> list[str]:
    """The words of a line (letters and digits, with inner apostrophes)."""
    return _WORD.findall(line)


def stop_word_share(line: str) -> float:
    """Share of the line's words that are spaCy stop words (0 for a line without words)."""
    words = words_of(line)
    if not words:
        return 0.0
    stops = sum(1 for word in words if word.lower().replace("’", "'") in STOP_WORDS)
    return round(stops / len(words), 3)


def look_at_lines(text: str) -> pd.DataFrame:
    """One row per raw line.

    Columns: ``line_no`` (from 1), ``text``, ``chars``, ``words``, ``stop_share`` (share
    of spaCy stop words), ``repeats`` (how many lines of the page have the same text,
    spaces at the ends ignored), ``start`` and ``end`` (raw character offsets; ``end``
    excludes the newline).
    """
    lines = split_lines(text)
    counts: dict[str, int] = {}
    for _, _, line in lines:
        counts[line.strip()] = counts.get(line.strip(), 0) + 1
    rows = []
    for number, (start, end, line) in enumerate(lines, start=1):
        rows.append(
            {
                "line_no": number,
                "text": line,
                "chars": len(line),
                "words": len(words_of(line)),
                "stop_share": stop_word_share(line),
                "repeats": counts[line.strip()],
                "start": start,
                "end": end,
            }
        )
    return pd.DataFrame(rows, columns=list(_LOOK_COLUMNS))


_LOOK_COLUMNS = ("line_no", "text", "chars", "words", "stop_share", "repeats", "start", "end")


# -- step 2: one line ----------------------------------------------------------------------


def lexicon_form(line: str) -> str:
    """The line as the lexicon compares it: lower case, separators turned into spaces,
    numbers left out ("Comments (14)" -> "comments")."""
    text = _SEPARATORS.sub(" ", line.lower())
    return " ".join(word for word in text.split() if not word.isdigit())


def _contains(form: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w])", form) is not None


def _is_run_of_phrases(form: str, phrases: set[str]) -> bool:
    """True when the whole text is phrases one after another ("home world sport")."""
    words = form.split()
    reachable = [True] + [False] * len(words)
    for start in range(len(words)):
        if not reachable[start]:
            continue
        for end in range(start + 1, len(words) + 1):
            if " ".join(words[start:end]) in phrases:
                reachable[end] = True
    return bool(words) and reachable[-1]


def furniture_reason(line: str, after_furniture: bool = False) -> str | None:
    """The furniture reason of a line (rules in ``lexicon.py``), or None for prose.

    ``after_furniture`` says the previous non-blank line was furniture; a long
    promotional line only counts as furniture then, or when it speaks to the reader.
    """
    form = lexicon_form(line)
    if not form:
        return None
    if form in RELATED_HEADINGS:
        return "site_furniture"
    if form.startswith(tuple(prefix + " " for prefix in RELATED_LINK_PREFIXES)):
        return "related_link"
    short = len(form.split()) <= SHORT_LINE_WORDS
    reason = whole_line_reason(form)
    if reason is None and short:
        reason = short_line_reason(form)
    if reason is None and is_menu(line):
        reason = "navigation"
    if reason is None and not short:
        reason = promo_sentence_reason(form, after_furniture)
    return reason


def whole_line_reason(form: str) -> str | None:
    """Rule 1: the whole line is a lexicon phrase, or phrases one after another."""
    for reason, phrases in FURNITURE_PHRASES.items():
        if form in phrases:
            return reason
    all_phrases = {phrase for phrases in FURNITURE_PHRASES.values() for phrase in phrases}
    if _is_run_of_phrases(form, all_phrases):
        return _reason_of_first_phrase(form)
    return None


def short_line_reason(form: str) -> str | None:
    """Rules 2 and 3: a short line holding a several-word phrase or a furniture word."""
    for reason, phrases in FURNITURE_PHRASES.items():
        for phrase in phrases:
            several_words = " " in phrase or "-" in phrase
            if several_words and phrase in form:
                return reason
    if any(_contains(form, word) for word in FURNITURE_WORDS):
        return "site_furniture"
    return None


def is_menu(line: str) -> bool:
    """True for a menu bar ("Home | News | Weather") or a breadcrumb trail ("News > Local")."""
    for separators, least_items in ((MENU_SEPARATORS, 3), (BREADCRUMB_SEPARATORS, 2)):
        items = re.split("[" + re.escape(separators) + "]", line)
        items = [item.strip() for item in items]
        if len(items) < least_items or not all(items):
            continue
        if all(len(item.split()) <= MENU_ITEM_WORDS for item in items):
            return True
    return False


def _reason_of_first_phrase(form: str) -> str:
    first_word = form.split()[0]
    for reason, phrases in FURNITURE_PHRASES.items():
        if any(phrase.split()[0] == first_word for phrase in phrases):
            return reason
    return "site_furniture"


def promo_sentence_reason(form: str, after_furniture: bool) -> str | None:
    """A long line holding a promotion phrase, when it speaks to the reader or follows furniture."""
    speaks_to_reader = any(_contains(form, word) for word in SECOND_PERSON)
    if not (speaks_to_reader or after_furniture):
        return None
    for reason, phrases in PROMO_SENTENCE_PHRASES.items():
        if any(_contains(form, phrase) for phrase in phrases):
            return reason
    return None


def metadata_reason(line: str) -> str | None:
    """The metadata reason of a line (relative time, echo, byline, date), or None."""
    if byline_author(line) is not None:
        return "byline"
    source, time_ago = split_glued_metadata(line)
    if time_ago is not None:
        return "source_time" if source else "relative_time"
    if source_echo(line) is not None:
        return "source_echo"
    if calendar_date_in(line) is not None and not is_prose(line):
        return "date_line"
    return None


def is_prose(line: str) -> bool:
    """True for a line of article prose: enough words, and a sentence end or real length."""
    text = line.strip()
    if len(words_of(text)) < PROSE_MIN_WORDS:
        return False
    ends_sentence = re.search(r"[.!?…][\"')\]]*$", text) is not None
    return ends_sentence or len(text) >= PROSE_MIN_CHARS


def is_title_like(line: str) -> bool:
    """True for a line that could be a headline: 1 to 30 words, capitalised, not prose."""
    text = line.strip()
    if not text or is_prose(text):
        return False
    if not 1 <= len(words_of(text)) <= 30:
        return False
    first = text.lstrip("'\"‘“")[:1]
    return first.isupper() or first.isdigit()


def classify_line(line: str, after_furniture: bool = False) -> LineLabel:
    """The label of one line from its own text.

    Returns ``drop``/``blank``, ``drop``/a furniture reason, ``metadata``/a metadata
    reason, or ``keep``/``body`` for everything else (prose, and titles that
    :func:`classify_lines` will decide about from the lines around them).
    """
    if not line.strip():
        return LineLabel("drop", "blank")
    metadata = metadata_reason(line)
    if metadata is not None:
        return LineLabel("metadata", metadata)
    furniture = furniture_reason(line, after_furniture)
    if furniture is not None:
        return LineLabel("drop", furniture)
    return LineLabel("keep", "body")


# -- step 3: the whole page ----------------------------------------------------------------


def classify_lines(text: str) -> pd.DataFrame:
    """:func:`look_at_lines` plus ``action``, ``reason`` and ``article_id`` for every line.

    ``article_id`` numbers the articles from 1 in page order (1 is the main article); it
    is empty for lines that belong to no article (blank lines, furniture).
    """
    table = look_at_lines(text)
    labels = _first_labels(list(table["text"]))
    _find_headlines(table, labels)
    starts = _article_starts(table, labels)
    article_ids = _assign_articles(table, labels, starts)
    table["action"] = [label.action for label in labels]
    table["reason"] = [label.reason for label in labels]
    table["article_id"] = pd.array(article_ids, dtype="Int64")
    return table


def _first_labels(lines: list[str]) -> list[LineLabel]:
    labels = []
    after_furniture = False
    for line in lines:
        label = classify_line(line, after_furniture)
        labels.append(label)
        if label.reason != "blank":
            after_furniture = label.action == "drop"
    return labels


def _find_headlines(table: pd.DataFrame, labels: list[LineLabel]) -> None:
    """Mark repeated title lines: ``headline`` the first time, ``duplicate_headline`` after."""
    seen: set[str] = set()
    for index, line in enumerate(table["text"]):
        text = line.strip()
        if labels[index] != LineLabel("keep", "body") or table.at[index, "repeats"] < 2:
            continue
        if is_prose(text) or len(words_of(text)) < 3:
            continue
        if text in seen:
            labels[index] = LineLabel("drop", "duplicate_headline")
        else:
            seen.add(text)
            labels[index] = LineLabel("headline", "headline")


def _prose_indices(table: pd.DataFrame, labels: list[LineLabel]) -> list[int]:
    return [
        index
        for index, line in enumerate(table["text"])
        if labels[index] == LineLabel("keep", "body") and is_prose(line)
    ]


def _article_starts(table: pd.DataFrame, labels: list[LineLabel]) -> list[int]:
    """Line indices where articles start: headlines that prose follows.

    A repeated headline that no prose follows becomes a ``related_link``.
    Without any headline, the first title-like line before the first prose line is taken.
    """
    prose = _prose_indices(table, labels)
    headlines = [i for i, label in enumerate(labels) if label.action == "headline"]
    starts = []
    for position, index in enumerate(headlines):
        next_headline = headlines[position + 1] if position + 1 < len(headlines) else len(labels)
        if any(index < line < next_headline for line in prose):
            starts.append(index)
        else:
            labels[index] = LineLabel("drop", "related_link")
    if not prose:
        return starts
    if not starts or prose[0] < starts[0]:
        headline = _headline_without_repetition(table, labels, prose[0])
        starts.insert(0, headline if headline is not None else prose[0])
    return starts


def _headline_without_repetition(
    table: pd.DataFrame, labels: list[LineLabel], first_prose: int
) -> int | None:
    for index in range(first_prose):
        line = table.at[index, "text"]
        if labels[index] != LineLabel("keep", "body") or not is_title_like(line):
            continue
        if len(words_of(line)) >= HEADLINE_MIN_WORDS:
            labels[index] = LineLabel("headline", "headline")
            return index
    return None


def _assign_articles(
    table: pd.DataFrame, labels: list[LineLabel], starts: list[int]
) -> list[int | None]:
    """Give lines to articles (numbered from 1) and settle the lines still ``keep``."""
    article_ids: list[int | None] = [None] * len(labels)
    prose = set(_prose_indices(table, labels))
    related_block = False
    first_start = starts[0] if starts else len(labels)
    for index in range(first_start):
        related_block = _settle_outside(table, labels, index, related_block)
        if labels[index].action == "metadata" and starts:
            article_ids[index] = 1  # a date or byline printed above the headline
    bounds = starts + [len(labels)]
    for number, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False), start=1):
        region = range(start, end)
        related_block = _label_article(table, labels, region, prose, related_block)
        for index in region:
            if _belongs_to_article(labels[index]):
                article_ids[index] = number
    return article_ids


def _label_article(
    table: pd.DataFrame,
    labels: list[LineLabel],
    region: range,
    prose: set[int],
    related_block: bool,
) -> bool:
    """Settle the lines from an article's headline to the next one; return the related state.

    Before the first prose line, a short capitalised name is the source; between the first
    and last prose lines, a short non-prose line is a subheading; after the last prose
    line, lines are outside the article (furniture or related links).
    """
    own_prose = [index for index in region if index in prose]
    first_prose = min(own_prose, default=region.stop)
    last_prose = max(own_prose, default=region.start)
    for index in region:
        if index > last_prose:
            related_block = _settle_outside(table, labels, index, related_block)
            continue
        if labels[index] != LineLabel("keep", "body") or index in prose:
            continue
        if index < first_prose and index != region.start:
            if looks_like_source_name(table.at[index, "text"]):
                labels[index] = LineLabel("metadata", "source_byline")
        elif index > first_prose:
            labels[index] = LineLabel("keep", "subheading")
    return related_block


def _belongs_to_article(label: LineLabel) -> bool:
    """Headlines, their repeats, metadata and prose carry an article id; other drops do not."""
    return label.action != "drop" or label.reason == "duplicate_headline"


def _settle_outside(
    table: pd.DataFrame, labels: list[LineLabel], index: int, related_block: bool
) -> bool:
    """Label a line that belongs to no article's prose; return whether a related block is open."""
    line = table.at[index, "text"]
    if lexicon_form(line) in RELATED_HEADINGS:
        return True
    if labels[index] == LineLabel("keep", "body"):
        reason = "related_link" if related_block else "site_furniture"
        labels[index] = LineLabel("drop", reason)
    return related_block
