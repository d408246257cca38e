"""Looking at a page line by line, and giving every line an action and a reason.

Step 1, :func:`look_at_lines`: a table of the raw lines with what a reader notices first
(length, words, stop-word share, repetition, position).

Step 2, :func:`classify_line`: the label of ONE line from its own text: blank, furniture
(phrases from ``lexicon.py``), metadata (a relative time, a byline, a date, a bullet
echo of the source) or prose.

Step 3, :func:`classify_lines`: the labels of all lines, using the page around them.
Which lines make the main article is decided from general evidence that every page has
(:mod:`newstext.cleaning.main_run`): the largest contiguous run of prose, judged by length,
stop words, sentence ends, repetition and context, as jusText does.

* article 1 (the main article): the main run's body lines are ``keep`` (``body``, or
  ``subheading`` for a short line without a sentence end); its headline is the title-like
  line nearest before the run; between the headline and the body, metadata forms (a
  byline "By Jane Doe", a date, a relative time) are ``metadata``, captions, copies of the
  headline and other text are dropped;
* related articles (2, 3, ...): outside the main article, a title-like line that the page
  prints again before the prose under it; a short name that the page repeats after a bullet
  ("First Post", "  • First Post") is its source;
* every other line is dropped; the lexicon names what kind of line it is (furniture
  phrases match a whole short line; inside an article they never drop a sentence).

The table's ``why`` column says, for every line, the evidence behind its decision.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from newstext.cleaning.lexicon import (
    BREADCRUMB_SEPARATORS,
    FURNITURE_PHRASES,
    FURNITURE_WORDS,
    INLINE_AD_MARKERS,
    MENU_SEPARATORS,
    PROMO_SENTENCE_PHRASES,
    RELATED_HEADINGS,
    RELATED_LINK_PREFIXES,
    SECOND_PERSON,
)
from newstext.cleaning.main_run import (
    GOOD,
    MENU_ROW,
    NAV_RE,
    NEAR,
    SUBHEAD_MAX_WORDS,
    Line,
    MainArticle,
    is_caption,
    is_furniture,
    main_article,
    normalise,
)
from newstext.cleaning.main_run import is_title_like as is_title_like_line
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


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern:
    """``phrase`` as a whole word or words (compiled once: it is tried on every line)."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w])")


def _contains(form: str, phrase: str) -> bool:
    return _phrase_pattern(phrase).search(form) is not None


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
    if reason is None and short and not ends_like_sentence(line):
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


def ends_like_sentence(line: str) -> bool:
    """True when the line ends with . ! ? or … (closing quote marks and brackets allowed)."""
    return re.search(r"[.!?…][\"'’”)\]]*\s*$", line) is not None


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


class Decision(NamedTuple):
    """What happens to one line of the page, which article it belongs to, and why."""

    action: str
    reason: str
    article_id: int | None
    why: str


#: The extractor's line shapes (``main_run.shape_of``) that are the site's, not the article's.
FURNITURE_KINDS = ("furniture", "comments", "counter", "copyright", "promo")

#: Metadata (a date, a byline) this many non-blank lines above a headline is the article's.
METADATA_ABOVE_HEADLINE = 3


def classify_lines(text: str) -> pd.DataFrame:
    """:func:`look_at_lines` plus ``action``, ``reason``, ``article_id`` and ``why``.

    The main article (``article_id`` 1) is the main run that :mod:`main_run` finds from
    general evidence: its headline, its body lines, and the metadata between them. Other
    articles (2, 3, ...) are related articles found on the page by a repeated headline
    followed by prose. Every other line is dropped, with the kind of line it is as its
    reason. ``why`` says, for every line, the evidence behind the decision.
    """
    table = look_at_lines(text)
    decisions = decide_lines(list(table["text"]), main_article(text))
    table["action"] = [d.action for d in decisions]
    table["reason"] = [d.reason for d in decisions]
    table["article_id"] = pd.array([d.article_id for d in decisions], dtype="Int64")
    table["why"] = [d.why for d in decisions]
    return table


def decide_lines(texts: list[str], found: MainArticle) -> list[Decision]:
    """One :class:`Decision` per line: the main article first, then related articles,
    then everything else."""
    page = _Page(texts, found)
    page.blank_lines()
    page.main_article()
    page.related_articles()
    page.repeated_headlines()
    page.everything_else()
    return page.decisions()


class _Page:
    """The lines of a page while they are decided, with the extractor's evidence."""

    def __init__(self, texts: list[str], found: MainArticle) -> None:
        self.texts = texts
        self.found = found
        self.evidence: list[Line] = found.evidence[: len(texts)]
        self.decided: list[Decision | None] = [None] * len(texts)
        self.headlines: dict[str, tuple[int, int]] = {}  # key -> (line, article)
        self.region = range(0)  # the main article's lines, headline to last body line
        self.echoes = {name for text in texts if (name := source_echo(text))}

    def decisions(self) -> list[Decision]:
        return [
            d if d is not None else Decision("drop", "site_furniture", None, "")
            for d in self.decided
        ]

    def key(self, index: int) -> str:
        return normalise(self.texts[index])

    def set(self, index: int, action: str, reason: str, article: int | None, why: str) -> None:
        self.decided[index] = Decision(action, reason, article, why)

    def open_lines(self, indices) -> list[int]:
        return [i for i in indices if self.decided[i] is None]

    # -- blank lines ---------------------------------------------------------------------

    def blank_lines(self) -> None:
        for index, text in enumerate(self.texts):
            if not text.strip():
                self.set(index, "drop", "blank", None, "an empty line")
            elif not self.evidence[index].words:
                self.set(index, "drop", "site_furniture", None, "no letter or digit: only symbols")

    # -- the main article ----------------------------------------------------------------

    def main_article(self) -> None:
        found = self.found
        if found.first < 0:
            return
        headline = found.headline
        first = headline if headline is not None else found.first
        last = max(found.body, default=found.last)
        self.region = range(first, last + 1)
        if headline is not None:
            self.set(headline, "headline", "headline", 1, found.reasons[headline])
            self.headlines[self.key(headline)] = (headline, 1)
        for index in found.body:
            furniture = _whole_short_furniture(self.texts[index])
            if furniture is not None:
                why = "a whole line of furniture inside the article"
                self.set(index, "drop", furniture, None, why)
                continue
            reason = "subheading" if self._is_subheading(index) else "body"
            self.set(index, "keep", reason, 1, found.reasons[index])
        for index in self.open_lines(self.region):
            self._inside_main_article(index, index < found.first)
        for index in self._lines_above(first, METADATA_ABOVE_HEADLINE):
            reason = metadata_reason(self.texts[index])
            if reason is not None and self.decided[index] is None:
                self.set(index, "metadata", reason, 1, "metadata just above the headline")

    def _is_subheading(self, index: int) -> bool:
        line = self.evidence[index]
        return not ends_like_sentence(self.texts[index]) and line.words <= SUBHEAD_MAX_WORDS

    def _lines_above(self, index: int, count: int) -> list[int]:
        above = [i for i in range(index - 1, -1, -1) if self.texts[i].strip()]
        return above[:count]

    def _inside_main_article(self, index: int, header: bool) -> None:
        """A line between the headline and the last body line that is not in the body."""
        text, line = self.texts[index], self.evidence[index]
        where = "between the headline and the body" if header else "inside the article"
        evidence = self.found.reasons[index].removeprefix("outside the main article: ")
        if self.key(index) in self.headlines:
            self.set(index, "drop", "duplicate_headline", 1, "the headline again")
        elif line.kind in ("credit", "caption") or is_caption(self.evidence, index):
            self.set(index, "drop", "photo_caption", 1, f"{evidence} ({where})")
        elif line.kind in FURNITURE_KINDS:
            reason = furniture_reason(text) or "site_furniture"
            self.set(index, "drop", reason, None, f"{evidence} ({where})")
        elif MENU_ROW in line.reason or is_menu(text):
            self.set(index, "drop", "navigation", None, f"{evidence} ({where})")
        elif (reason := metadata_reason(text)) is not None:
            self.set(index, "metadata", reason, 1, f"{reason.replace('_', ' ')} {where}")
        elif text.strip() in self.echoes and looks_like_source_name(text):
            why = f"a name the page repeats after a bullet: the source ({where})"
            self.set(index, "metadata", "source_byline", 1, why)
        elif line.kind == "date":
            self.set(index, "metadata", "timestamp", 1, f"a time or date stamp {where}")
        elif line.words <= SHORT_LINE_WORDS and (reason := furniture_reason(text)) is not None:
            self.set(index, "drop", reason, None, f"{evidence} ({where}); the lexicon names it")
        elif line.kind:
            self.set(index, "drop", "site_furniture", None, f"{evidence} ({where})")
        else:
            self.set(index, "drop", "aside", 1, f"not part of the body {where}: {evidence}")

    # -- related articles ----------------------------------------------------------------

    def related_articles(self) -> None:
        """Related articles: a title-like line printed again before the prose under it,
        outside the main article. The first copy is the headline, later copies duplicates."""
        starts = self._related_starts()
        article = 1
        for position, start in enumerate(starts):
            stop = starts[position + 1] if position + 1 < len(starts) else len(self.texts)
            if self.region and start < self.region.start:
                stop = min(stop, self.region.start)
            span = [i for i in range(start, stop) if i not in self.region]
            prose = self._related_prose(span)
            if not prose or not self._repeated_before(span, prose[0]):
                continue
            article += 1
            key = self.key(start)
            self.headlines[key] = (start, article)
            why = "a headline the page repeats, with prose under it"
            self.set(start, "headline", "headline", article, why)
            self._settle_related(span, prose, key, article)

    def _related_starts(self) -> list[int]:
        counts: dict[str, int] = {}
        for index in range(len(self.texts)):
            if self.evidence[index].words:
                counts[self.key(index)] = counts.get(self.key(index), 0) + 1
        starts, seen = [], set(self.headlines)
        for index in self.open_lines(range(len(self.texts))):
            key = self.key(index)
            if key in seen or counts.get(key, 0) < 2:
                continue
            line = self.evidence[index]
            if line.words >= 3 and is_title_like_line(line) and not ends_like_sentence(line.text):
                starts.append(index)
                seen.add(key)
        return starts

    def _repeated_before(self, span: list[int], first_prose: int) -> bool:
        """True when the headline is printed again before the article's prose: a related
        article's block repeats its headline (a link, a title), a menu item does not."""
        key = self.key(span[0])
        return any(self.key(i) == key for i in span[1:] if i < first_prose)

    def _related_prose(self, span: list[int]) -> list[int]:
        """The prose lines of a related article: from its first prose line on, until a line
        of furniture (a whole short line) or another headline."""
        prose: list[int] = []
        for index in span[1:]:
            if self.decided[index] is not None and self.decided[index].reason != "blank":
                if prose:
                    break
                continue
            text = self.texts[index]
            if not text.strip() or self.key(index) == self.key(span[0]):
                continue
            if prose and (self._whole_line_furniture(index) or self.evidence[index].kind):
                break
            if self._is_prose_line(index):
                prose.append(index)
        return prose

    def _whole_line_furniture(self, index: int) -> bool:
        text = self.texts[index]
        return whole_line_reason(lexicon_form(text)) is not None or is_menu(text)

    def _is_prose_line(self, index: int) -> bool:
        line = self.evidence[index]
        return line.cls == GOOD or (line.prose and ends_like_sentence(line.text))

    def _settle_related(self, span: list[int], prose: list[int], key: str, article: int) -> None:
        first_prose, last_prose = prose[0], prose[-1]
        echoes = {name for i in span if (name := source_echo(self.texts[i]))}
        for index in self.open_lines(span):
            if index > last_prose:
                break
            text = self.texts[index]
            if self.key(index) == key:
                self.set(index, "drop", "duplicate_headline", article, "the headline again")
            elif index in prose:
                self.set(index, "keep", "body", article, "prose under a related headline")
            elif (reason := metadata_reason(text)) is not None:
                why = f"{reason.replace('_', ' ')} of a related article"
                self.set(index, "metadata", reason, article, why)
            elif text.strip() in echoes and looks_like_source_name(text):
                why = "a name the page repeats after a bullet: the source"
                self.set(index, "metadata", "source_byline", article, why)
            elif index > first_prose and self.evidence[index].words <= SUBHEAD_MAX_WORDS:
                why = "a short line between a related article's paragraphs"
                self.set(index, "keep", "subheading", article, why)

    # -- the rest ------------------------------------------------------------------------

    def repeated_headlines(self) -> None:
        for index in self.open_lines(range(len(self.texts))):
            if self.key(index) in self.headlines:
                _, article = self.headlines[self.key(index)]
                self.set(
                    index, "drop", "duplicate_headline", article, "an article's headline again"
                )

    def everything_else(self) -> None:
        """Lines outside every article: named by the lexicon, else by their evidence."""
        related_block = False
        after_furniture = False
        for index in range(len(self.texts)):
            decided = self.decided[index]
            if decided is not None:
                if decided.reason != "blank":
                    after_furniture = decided.action == "drop" and decided.article_id is None
                    related_block = related_block and decided.action == "drop"
                continue
            text, line = self.texts[index], self.evidence[index]
            evidence = self.found.reasons[index].removeprefix("outside the main article: ")
            outside = f"outside every article ({evidence})"
            if lexicon_form(text) in RELATED_HEADINGS:
                why = "a heading over links to other stories"
                self.set(index, "drop", "site_furniture", None, why)
                related_block = True
            elif (reason := furniture_reason(text, after_furniture)) is not None:
                self.set(index, "drop", reason, None, f"{outside}; the lexicon names it")
                related_block = related_block and reason == "related_link"
            elif related_block and line.words >= 3 and is_title_like_line(line):
                why = "a title under a heading over links to other stories"
                self.set(index, "drop", "related_link", None, why)
            elif NAV_RE.match(text) or MENU_ROW in line.reason:
                self.set(index, "drop", "navigation", None, outside)
            elif line.kind in ("credit", "caption"):
                self.set(index, "drop", "photo_caption", None, outside)
            elif line.kind == "comments":
                self.set(index, "drop", "comment_widget", None, outside)
            elif line.prose or line.cls in (GOOD, NEAR):
                self.set(index, "drop", "other_text", None, outside)
            else:
                self.set(index, "drop", "site_furniture", None, outside)
            after_furniture = True


# -- a page extracted from HTML ------------------------------------------------------------


def classify_extracted_lines(text: str, header: dict[int, str], body_start: int) -> pd.DataFrame:
    """The line table of a text extracted from a web page (``html_pages.extract_html``).

    The extraction has already chosen the main article: its header lines take the reason
    the extraction gives them (``header``: 0-based line -> ``headline``, ``byline``,
    ``date_line``) and every body line is kept, but a whole short line of furniture
    ("Advertisement", "Share") and a copy of the headline.
    """
    table = look_at_lines(text)
    decisions: list[Decision] = []
    headline = next((i for i, reason in header.items() if reason == "headline"), None)
    headline_key = normalise(table.at[headline, "text"]) if headline is not None else None
    for index, line in enumerate(table["text"]):
        if not line.strip():
            decisions.append(Decision("drop", "blank", None, "an empty line"))
        elif index in header:
            reason = header[index]
            action = "headline" if reason == "headline" else "metadata"
            why = f"the page's metadata {'title' if reason == 'headline' else reason}"
            decisions.append(Decision(action, reason, 1, why + " (HTML)"))
        elif index < body_start:
            decisions.append(Decision("drop", "site_furniture", None, "above the extracted text"))
        elif headline_key is not None and normalise(line) == headline_key:
            decisions.append(Decision("drop", "duplicate_headline", 1, "the headline again"))
        elif (reason := _whole_short_furniture(line)) is not None:
            decisions.append(Decision("drop", reason, None, "a whole line of furniture"))
        else:
            reason = (
                "body" if ends_like_sentence(line) or len(words_of(line)) > 14 else "subheading"
            )
            decisions.append(Decision("keep", reason, 1, "in the main text trafilatura extracted"))
    table["action"] = [d.action for d in decisions]
    table["reason"] = [d.reason for d in decisions]
    table["article_id"] = pd.array([d.article_id for d in decisions], dtype="Int64")
    table["why"] = [d.why for d in decisions]
    return table


def _whole_short_furniture(line: str) -> str | None:
    """The furniture reason of a short line that is WHOLLY furniture (a lexicon phrase or a
    run of them, a menu, a universal furniture line, an ad marker), else None."""
    form = lexicon_form(line)
    if not form or len(form.split()) > SHORT_LINE_WORDS:
        return None
    reason = whole_line_reason(form)
    if reason is None and is_menu(line):
        reason = "navigation"
    if reason is None and (is_furniture(line) or line.strip() in INLINE_AD_MARKERS):
        reason = "site_furniture"
    return reason
