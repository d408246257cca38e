"""Find the main article in the plain text of a news page.

The input is a page's visible text as a browser's "select all, copy" gives it: one
block element per line, often a blank line between paragraphs.  The output tells,
for every line, whether it belongs to the main article (headline or body) and why.

The method, in four passes (each a few small functions below):

1. Evidence.  Describe each line with general evidence only: its length in words,
   its share of stop words, its number of sentences, whether it ends like a
   sentence, how many of its words are capitalised, how often the same line
   occurs on the page, and whether the WHOLE line has a known shape: a universal
   furniture phrase ("Advertisement", "Share", "Related: ..."), a comments
   heading, a counter ("167 comments"), a date, a byline, a photo credit, a
   caption ending with its credit, a long line in capitals.
2. First class, as jusText does with paragraphs: GOOD (long prose), NEAR
   (medium, prose-like), SHORT (too short to judge) or BAD (a known shape,
   repeated on the page, few stop words).  Many SHORT lines in a row are a menu
   (BAD); several NEAR lines in a row are prose (GOOD).
3. Context decides the SHORT and NEAR lines: a short line between two prose
   lines is prose; a near-good line next to prose is prose.
4. Main run.  The main article is the contiguous run of lines with the most
   prose words (maximum-sum segment); a few non-prose lines (a subheading, an
   "Advertisement") may sit inside it, a comments heading may not.  The run
   starts after a byline or date line among its first lines, and starts and
   ends with a line that reads as prose.  Inside the run, prose lines,
   subheadings, table rows and whole sentences are kept; furniture, photo
   captions and credits are dropped.  The headline is the title-like line just
   above the byline/date, else the title-like line nearest before the run.

No rule names a site or a person; all thresholds are the constants just below.
Public API: main_article(text) -> MainArticle; prose_lines(text) -> list[Line];
find_run(lines) -> (first, last).  ``newstext.cleaning.lines`` turns the result into the
page's line table (actions and reasons).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

# ---------------------------------------------------------------- thresholds
GOOD_MIN_WORDS = 15  # a line this long with enough stop words is prose
NEAR_MIN_WORDS = 7  # below this a line is SHORT and context decides
STOP_HIGH = 0.30  # stop-word share of running prose
STOP_LOW = 0.20  # below this, a line is a list of names or links
SENTENCE_MIN_WORDS = 4  # a short line ending like a sentence may be NEAR
TITLE_CAPS_SHARE = 0.6  # share of capitalised words of a title-case line
DATE_MAX_WORDS = 12  # a line with a date and no sentence end, up to this long
BYLINE_MAX_WORDS = 12  # "By Jane Doe, Staff Writer" is at most this long
CREDIT_MAX_WORDS = 10  # "Photo: Jane Doe / Agency" is at most this long
CAPTION_MAX_WORDS = 60  # a photo caption is at most this long
CAPS_PROMO_MIN_WORDS = 7  # a line in capitals this long is a promotion, not a subheading
COMMENTS_MAX_WORDS = 4  # a line this short naming comments is a comments heading
SHORT_ROW_MAX = 3  # more SHORT lines than this in a row are a list or menu
NEAR_BLOCK_MIN = 3  # this many NEAR lines in a row are prose
GAP_COST = 12  # prose words that one non-prose line inside the run costs
LINE_WORDS_CAP = 80  # one line counts at most this many words in the run score
COMMENTS_AFTER_WORDS = 50  # a comments heading after this much prose starts the comments
COMMENTS_WEIGHT = 0.25  # share of their words that comments count in the run score
HEADER_MAX_WORDS = 100  # a byline/date this early in the run ends the page header
HEADLINE_MAX_WORDS = 30  # longer lines are not headlines
HEADLINE_LOOKBACK = 15  # how many non-blank lines before the run we search
HEADLINE_ABOVE_HEADER = 3  # ... and how far above a byline or date line
SUBHEAD_MAX_WORDS = 14  # a kept line without end punctuation is at most this long
STANDFIRST_MIN_WORDS = 10  # a standfirst under its headline is at least this long
HEADLINE_MIN_WORDS = 4  # ... and the headline above it at least this long

GOOD, NEAR, SHORT, BAD, BLANK = "good", "near-good", "short", "bad", "blank"
MENU_ROW = "a list or menu"  # the reason of a line in a row of short lines

# Universal furniture: these match a WHOLE line only (case and end punctuation
# ignored), never a word inside a sentence.
FURNITURE_LINES = {
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "sponsored links",
    "paid content",
    "promoted",
    "continue reading",
    "continue reading below",
    "continue reading the main story",
    "story continues below",
    "article continues below",
    "read more",
    "read more below",
    "see more",
    "show more",
    "load more",
    "more",
    "more stories",
    "more news",
    "view more",
    "view all",
    "share",
    "share this",
    "share this story",
    "share this article",
    "share this page",
    "share on facebook",
    "share on twitter",
    "share via email",
    "share on linkedin",
    "share on email",
    "share on whatsapp",
    "sharing is caring",
    "tweet",
    "email",
    "print",
    "facebook",
    "twitter",
    "linkedin",
    "reddit",
    "pinterest",
    "whatsapp",
    "instagram",
    "youtube",
    "flipboard",
    "pocket",
    "comments",
    "comment",
    "view comments",
    "show comments",
    "leave a comment",
    "leave comments",
    "add a comment",
    "post a comment",
    "no comments yet",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "newsletter",
    "newsletters",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "get our newsletter",
    "listen to this article",
    "listen",
    "listen to this story",
    "audio",
    "related",
    "related articles",
    "related stories",
    "related content",
    "related topics",
    "related posts",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended stories",
    "recommended for you",
    "trending",
    "trending now",
    "most popular",
    "most read",
    "most viewed",
    "popular",
    "back to top",
    "scroll to top",
    "skip to content",
    "skip to main content",
    "menu",
    "close",
    "search",
    "home",
    "next",
    "previous",
    "next post",
    "previous post",
    "next article",
    "previous article",
    "topics",
    "tags",
    "accept",
    "accept cookies",
    "accept all cookies",
    "cookie settings",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "terms of service",
    "contact us",
    "about us",
    "loading",
    "video",
    "photos",
    "gallery",
    "image",
    "photo",
    "play",
    "watch",
    "watch live",
    "live",
    "breaking news",
    "get short url",
    "follow us",
    "follow",
    "this slideshow requires javascript",
}
# A label that, followed by a colon and a link title, makes a furniture line
# ("Related: Some other story").
LINK_LABELS = {
    "related",
    "read more",
    "see also",
    "also read",
    "read also",
    "more",
    "recommended",
    "watch",
    "listen",
    "related coverage",
    "related stories",
    "related articles",
    "tags",
    "tag",
    "topics",
    "filed to",
    "filed under",
    "source",
    "image credit",
    "photo",
    "photograph",
    "image",
    "credit",
    "image source",
    "pictured",
    "file photo",
}
# A short line that credits a photo: "Photo: Jane Doe", "Image credit: Agency",
# "Jane Doe/Getty Images", "(Image: © Agency)".  Photo agencies, not news sites.
CREDIT_RE = re.compile(
    r"^\W*(?:file\s+)?(?:photo|photograph|picture|image|illustration|credit)s?"
    r"(?:\s+credits?)?\s*[:|]|©|\b(?:getty images|shutterstock)\W*$",
    re.I,
)

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
TOKEN_RE = re.compile(r"\S*[^\W_]\S*")  # a word has a letter or digit
TRAILING_SYMBOLS_RE = re.compile(r"[^\w\s.!?…\"'”’)\]]+$")  # emoji, arrows
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
# A sentence break: "...said. The"; not "U.S. Treasury", "L.A. Auto" or "Mr. Smith".
SENTENCE_BREAK_RE = re.compile(r"[a-z0-9]{2}[.!?][\"'”’)]*\s+[\"“‘(]?[A-Z]")
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_RE = re.compile(
    r"\b\d{1,2}:\d\d\b"  # 9:28, 07:47
    rf"|\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH}"  # Nov 19, 19 Nov
    r"|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b"  # 2018-09-16, 11/19/19
    r"|\d+\s*(min|mins|minutes?|hours?|hrs?|days?|weeks?|months?)\s+ago\b",
    re.I,
)
# "167 comments", "Rating: 36 Votes", "4553", "0shares": engagement counters.
COUNTER_RE = re.compile(
    r"^\W*(rating:?\s*)?[\d.,]+\s*[km]?\s*(comments?|shares?|views?|votes?|likes?|"
    r"replies|reactions|reads)?\W*$",
    re.I,
)
# A caption that ends with its own credit: "... (Image credit: NASA)",
# "... (AP Photo/Jane Doe)", "...it.Credit...Jane Doe/Agency".
CAPTION_TAIL_RE = re.compile(
    r"(\((?:[^()]*\b(?:photos?|images?|credits?|illustration)\b[^()]*)\)"
    r"|[.!?…]\s*(?:photo|image|credit)s?(?:\s+credits?)?\s*(?::|\.\.\.|…)[^.!?]{0,60})\s*$",
    re.I,
)
GLUED_SENTENCE_RE = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")  # "Austria.Leonhard Foeger"
ICON_WORD_RE = re.compile(r"\b[a-z]+_[a-z]+\b")  # "chevron_left": an icon name
# "— Jane Doe (@janedoe) November 18, 2019": who wrote an embedded post, and when.
ATTRIBUTION_RE = re.compile(r"^\s*[—–]\s*\S.*\(@\w+\)")
COMMENTS_RE = re.compile(r"\bcomments?\b", re.I)
# "By Jane Doe", "written by Jane": "by" in any case, then a capital letter.
BYLINE_RE = re.compile(r"^\W*(?i:(?:written|posted|words|story|reporting)\s+)?(?i:by)\s+[A-Z]")
NAV_RE = re.compile(r"^\W*(back|go|return|skip|jump) to( the)?( \w+){1,2}\W*$", re.I)
LABEL_RE = re.compile(r"^[\[(]?\s*([a-z' ]{2,20}?)\s*:\s*(.*)$")


@dataclass
class Line:
    """Evidence about one line of the page, and what was decided about it."""

    index: int
    text: str
    words: int = 0
    stop_share: float = 0.0
    caps_share: float = 0.0
    sentences: int = 0
    ends_sentence: bool = False
    repeats: int = 1
    kind: str = ""  # a known whole-line shape: furniture, date, byline...
    cls: str = BLANK  # first class (pass 2), then context class (pass 3)
    prose: bool = False  # after context (pass 3)
    reason: str = ""  # short reason for the cleaning log


@dataclass
class MainArticle:
    """The main article found on a page.

    body:     0-based indices of the body lines, in page order.
    headline: 0-based index of the headline line, or None.
    reasons:  one short reason per line of the page (same length as lines).
    lines:    the page's lines (the input split on newlines).
    first, last: 0-based indices of the first and last line of the main run
              ((-1, -1) when the page has no prose).
    evidence: the measured lines (:class:`Line`), one per line of the page.
    """

    body: list[int]
    headline: int | None
    reasons: list[str]
    lines: list[str] = field(repr=False)
    first: int = -1
    last: int = -1
    evidence: list[Line] = field(default_factory=list, repr=False)

    @property
    def headline_text(self) -> str:
        """The headline line's text ('' when there is none)."""
        return self.lines[self.headline].strip() if self.headline is not None else ""

    @property
    def body_text(self) -> str:
        """The body lines joined by newlines."""
        return "\n".join(self.lines[i].strip() for i in self.body)

    @property
    def text(self) -> str:
        """Headline and body joined by newlines (what the benchmark scores)."""
        return "\n".join(t for t in [self.headline_text, self.body_text] if t)

    def log(self) -> list[tuple[int, str, str]]:
        """(line index, decision, reason) for every non-blank line."""
        body = set(self.body)
        out = []
        for i, line in enumerate(self.lines):
            if line.strip():
                decision = "headline" if i == self.headline else "keep" if i in body else "drop"
                out.append((i, decision, self.reasons[i]))
        return out


# ------------------------------------------------------------ pass 1: evidence
def normalise(text: str) -> str:
    """Lower-case a line and strip surrounding punctuation, for phrase lookups.

    Strips every character that is not a letter or a digit (what ``[\\W_]`` matches) from
    each end, walking in: a regex ending in ``$`` would try every position of a long line,
    and every line of every page comes through here."""
    lowered = text.lower().replace("’", "'")
    start, end = 0, len(lowered)
    while start < end and not lowered[start].isalnum():
        start += 1
    while end > start and not lowered[end - 1].isalnum():
        end -= 1
    return lowered[start:end]


def is_furniture(text: str) -> bool:
    """True if the WHOLE line is a universal furniture phrase or a labelled link."""
    if normalise(text) in FURNITURE_LINES or NAV_RE.match(text):
        return True
    # "Related: Some headline", "[Read more: ...]": a label, a colon, then a
    # title that does not end like a sentence.
    m = LABEL_RE.match(text.strip().lower())
    return bool(
        m
        and m.group(1).strip() in LINK_LABELS
        and not SENTENCE_END_RE.search(text.strip().rstrip("])"))
    )


def shape_of(line: Line) -> str:
    """Name the whole-line shape of a line, or '' when it has none."""
    text = line.text.strip()
    if is_credit(line) and (not line.ends_sentence or text.endswith(")")):
        return "credit"
    if line.words <= COMMENTS_MAX_WORDS and not line.ends_sentence and COMMENTS_RE.search(text):
        return "comments"
    if is_furniture(text):
        return "furniture"
    if COUNTER_RE.match(text):
        return "counter"
    if "©" in text:
        return "copyright"
    if line.ends_sentence:
        return ""  # "By Friday, the talks had collapsed." is prose
    if line.words <= BYLINE_MAX_WORDS and BYLINE_RE.match(text):
        return "byline"
    letters = [c for c in text if c.isalpha()]
    if (
        line.words >= CAPS_PROMO_MIN_WORDS
        and "\t" not in text
        and all(c.isupper() for c in letters)
    ):
        return "promo"
    dates = len(DATE_RE.findall(text))
    if (dates and line.words <= DATE_MAX_WORDS) or (
        dates >= 2 and line.words <= 2 * DATE_MAX_WORDS
    ):
        return "date"
    if CAPTION_TAIL_RE.search(text):
        return "caption"
    return ""


def is_credit(line: Line) -> bool:
    """A short line that names a photo source ('Photo: ...', 'Jane Doe / Agency')."""
    if line.words > CREDIT_MAX_WORDS:
        return False
    if CREDIT_RE.search(line.text.strip()):
        return True
    return ("/" in line.text or "|" in line.text) and line.stop_share == 0


def describe(index: int, text: str) -> Line:
    """Measure one line (pass 1), except its repetitions on the page."""
    line = Line(index, text)
    stripped = text.strip()
    if not stripped:
        return line
    line.words = len(TOKEN_RE.findall(stripped))
    if not line.words:
        return line  # only punctuation or symbols: treat as blank
    words = WORD_RE.findall(stripped)
    if words:
        lowered = [w.lower().replace("’", "'") for w in words]
        line.stop_share = sum(w in STOP_WORDS for w in lowered) / len(words)
        line.caps_share = sum(w[0].isupper() for w in words) / len(words)
    line.ends_sentence = bool(SENTENCE_END_RE.search(TRAILING_SYMBOLS_RE.sub("", stripped)))
    line.sentences = len(SENTENCE_BREAK_RE.findall(stripped)) + 1
    line.kind = shape_of(line)
    return line


def describe_page(text: str) -> list[Line]:
    """Measure every line of the page, including how often it repeats."""
    lines = [describe(i, t) for i, t in enumerate(text.split("\n"))]
    keys = {ln.index: normalise(ln.text) for ln in lines if ln.words}
    counts = Counter(keys.values())
    for ln in lines:
        if ln.words:
            ln.repeats = counts[keys[ln.index]]
    return lines


# ------------------------------------------------------- pass 2: first classes
KIND_REASONS = {
    "furniture": "furniture phrase",
    "comments": "comments heading",
    "counter": "a number or counter (comments, shares, votes)",
    "copyright": "copyright sign",
    "byline": "byline",
    "date": "date or time line",
    "promo": "a long line in capitals (a promotion or link)",
    "credit": "photo credit",
    "caption": "photo caption (ends with its credit)",
}


def is_title_case(line: Line) -> bool:
    """Most words capitalised and no sentence end: a headline, a menu or a name."""
    return line.words >= 3 and line.caps_share >= TITLE_CAPS_SHARE and not line.ends_sentence


def first_class(line: Line) -> tuple[str, str]:
    """Return (class, reason) of a line from its own evidence only."""
    if not line.words:
        return BLANK, "blank"
    if line.kind:
        return BAD, KIND_REASONS[line.kind]
    if line.repeats > 1 and line.words >= 3:
        return BAD, f"repeated {line.repeats} times on the page"
    if is_title_case(line):
        return SHORT, "title-case line"
    if line.words >= GOOD_MIN_WORDS:
        if line.stop_share >= STOP_HIGH:
            return GOOD, "long, prose-like"
        if line.stop_share >= STOP_LOW and line.sentences >= 2:
            return GOOD, "long, several sentences"
        if line.stop_share >= STOP_LOW:
            return NEAR, "long, few stop words"
        return BAD, "long, very few stop words (list or ticker)"
    if line.words >= NEAR_MIN_WORDS:
        if line.stop_share >= STOP_LOW and not line.ends_sentence:
            return SHORT, "medium length, no sentence end"
        if line.stop_share >= STOP_LOW:
            return NEAR, "medium length, prose-like"
        return BAD, "medium length, no stop words"
    if line.words >= SENTENCE_MIN_WORDS and line.ends_sentence and line.stop_share >= STOP_LOW:
        return NEAR, "short sentence"
    return SHORT, "short"


def mark_short_rows(lines: list[Line]) -> None:
    """A row of many SHORT lines in a row is a list or a menu: make them BAD."""
    row: list[Line] = []
    for line in lines + [Line(len(lines), "end", words=1, cls=GOOD)]:  # sentinel
        if not line.words:
            continue
        if line.cls == SHORT:
            row.append(line)
            continue
        if len(row) > SHORT_ROW_MAX:
            for r in row:
                r.cls, r.reason = BAD, f"in a row of {len(row)} short lines ({MENU_ROW})"
        row = []


def mark_near_blocks(lines: list[Line]) -> None:
    """Several NEAR lines in a row (blank or SHORT lines between) are prose: make them GOOD.

    An article of short paragraphs has no long line at all; without this its
    near-good lines would only see the page furniture around them.
    """
    block: list[Line] = []
    for line in lines + [Line(len(lines), "end", words=1, cls=BAD)]:  # sentinel
        if not line.words or line.cls == SHORT:
            continue
        if line.cls == NEAR:
            block.append(line)
            continue
        if len(block) >= NEAR_BLOCK_MIN:
            for b in block:
                b.cls, b.reason = (
                    GOOD,
                    b.reason + f", one of {len(block)} prose-like lines in a row",
                )
        block = []


# ------------------------------------------------------------ pass 3: context
def _neighbour_class(lines: list[Line], i: int, step: int, skip: tuple[str, ...]) -> str:
    """Class of the nearest non-blank line from i in direction step, skipping some classes.

    The page edge counts as BAD, as in jusText.
    """
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].cls not in skip and lines[j].cls != BLANK:
            return lines[j].cls
        j += step
    return BAD


def _short_is_prose(lines: list[Line], i: int) -> tuple[bool, str]:
    """jusText's rule for a SHORT line: it takes the class of its GOOD/BAD neighbours."""
    prev = _neighbour_class(lines, i, -1, (SHORT, NEAR))
    nxt = _neighbour_class(lines, i, +1, (SHORT, NEAR))
    if prev == GOOD and nxt == GOOD:
        return True, "short, between prose lines"
    if prev == BAD and nxt == BAD:
        return False, "short, between non-prose lines"
    # One side prose, one side not: prose only if a near-good line stands
    # between it and the non-prose side.
    if prev == BAD and _neighbour_class(lines, i, -1, (SHORT,)) == NEAR:
        return True, "short, near prose"
    if nxt == BAD and _neighbour_class(lines, i, +1, (SHORT,)) == NEAR:
        return True, "short, near prose"
    return False, "short, next to non-prose"


def _near_is_prose(lines: list[Line], i: int) -> tuple[bool, str]:
    """A NEAR line is prose unless both its GOOD/BAD neighbours are BAD."""
    prev = _neighbour_class(lines, i, -1, (SHORT, NEAR))
    nxt = _neighbour_class(lines, i, +1, (SHORT, NEAR))
    if prev == BAD and nxt == BAD:
        return False, lines[i].reason + ", between non-prose lines"
    return True, lines[i].reason + ", next to prose"


def apply_context(lines: list[Line]) -> None:
    """Decide SHORT and NEAR lines from their neighbours (jusText's context pass)."""
    resolved: dict[int, tuple[bool, str]] = {}
    for i, line in enumerate(lines):
        if line.cls == SHORT:
            resolved[i] = _short_is_prose(lines, i)
        elif line.cls == NEAR:
            resolved[i] = _near_is_prose(lines, i)
    for i, line in enumerate(lines):
        if line.cls == GOOD:
            line.prose = True
        elif i in resolved:
            line.prose, line.reason = resolved[i]


# ----------------------------------------------------------- pass 4: main run
def best_run(lines: list[Line]) -> tuple[int, int]:
    """Return (first, last) line index of the run with the most prose words.

    Maximum-sum segment (Kadane): a prose line adds its words (at most
    LINE_WORDS_CAP: an article is many paragraphs, not one huge line), any other
    non-blank line subtracts GAP_COST, so a subheading or an "Advertisement"
    inside the article costs little but a menu or a list of links cuts the run.
    Table rows cost nothing: a table does not interrupt an article.
    A comments heading that follows some prose ends every run, and the prose
    below it (readers' comments) counts only COMMENTS_WEIGHT of its words.
    Returns (-1, -1) if there is no prose at all.
    """
    best, best_span = 0.0, (-1, -1)
    total, start = 0.0, None
    prose_so_far, weight = 0, 1.0
    for line in lines:
        if not line.words:
            continue
        if line.kind == "comments" and prose_so_far >= COMMENTS_AFTER_WORDS:
            weight = COMMENTS_WEIGHT
            total, start = 0.0, None  # no run goes on past the comments heading
            continue
        if line.prose:
            prose_so_far += line.words
            gain = min(line.words, LINE_WORDS_CAP) * weight
        else:
            gain = 0 if is_table_row(line) else -GAP_COST
        if start is None or total <= 0:
            if gain <= 0:
                total, start = 0.0, None
                continue
            total, start = 0.0, line.index
        total += gain
        if total > best:
            best, best_span = total, (start, line.index)
    return best_span


def is_table_row(line: Line) -> bool:
    """A row of a table: its cells are separated by tabs."""
    return "\t" in line.text.strip()


def skip_header(lines: list[Line], first: int, last: int) -> int:
    """Start the run after a byline or date line found among its first lines.

    Bylines and dates sit between a page's header (headline, standfirst,
    lead photo caption) and the article's first paragraph.  Only a byline or
    date with less than HEADER_MAX_WORDS prose words, and less than a third
    of the run's prose, above it counts as the end of the header.
    """
    run_words = sum(ln.words for ln in lines[first : last + 1] if ln.prose)
    limit = min(HEADER_MAX_WORDS, run_words / 3)
    seen, start = 0, first
    for i in range(first, last + 1):
        line = lines[i]
        if line.kind in ("byline", "date"):
            start = i + 1
        elif line.prose:
            seen += line.words
            if seen >= limit:
                break
    return start


def trim_run(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """Shrink the run so that it starts and ends with a line that reads as prose.

    An article does not begin or end with a label: a run edge must be a GOOD
    line or a prose line that ends like a sentence.
    """

    def solid(line: Line) -> bool:
        return line.prose and (line.cls == GOOD or line.ends_sentence)

    while first < last and not solid(lines[first]):
        first += 1
    while last > first and not solid(lines[last]):
        last -= 1
    return first, last


def is_title_like(line: Line, strict: bool = True) -> bool:
    """A line that could be a headline or subheading: not a sentence, not a menu.

    With strict=False (a line just above a byline or date), a row of
    capitalised words without function words ("Royal Self-Indicting
    Arrogance") may be a title too.
    """
    if line.words < 2 or line.words > HEADLINE_MAX_WORDS or line.kind or "\t" in line.text:
        return False
    text = line.text.strip()
    if text.endswith(".") and not text.endswith("..."):
        return False
    if text.endswith(":"):
        return False  # a label ("Author:"), not a title
    if GLUED_SENTENCE_RE.search(text) or line.sentences > 1:
        return False  # two sentences (often a caption and its credit)
    if ICON_WORD_RE.search(text):
        return False  # an icon's name shown as text: a button
    words = [w.lower() for w in WORD_RE.findall(text)]
    if len(words) >= 6 and len(set(words)) < 0.7 * len(words):
        return False  # the same words again and again: a button row
    if not strict:
        return True
    # A menu item is a row of capitalised words with no function words at all.
    return line.words >= 3 and not (line.stop_share == 0 and line.caps_share == 1.0)


def choose_headline(lines: list[Line], first: int) -> int | None:
    """The headline: a title-like line just before the run (first copy if repeated).

    Looking back from the run over HEADLINE_LOOKBACK non-blank lines, in order:
    a title-like line at most HEADLINE_ABOVE_HEADER lines (not counting
    furniture, dates, credits...) above the nearest byline or date line (a headline
    stands above its byline); else the title-like line nearest before the run; else a
    row of capitalised words just above the byline.  A line that follows a label
    ("Author:") is that label's value, not a title.  Of two title-like lines one above
    the other, the upper and shorter one is the headline and the longer one under it
    its standfirst (see :func:`above_standfirst`).
    """
    window = [j for j in range(first - 1, -1, -1) if lines[j].words][:HEADLINE_LOOKBACK]
    window = [j for j in window if not _follows_label(lines, j)]
    headers = [k for k, j in enumerate(window) if lines[j].kind in ("byline", "date")]
    above: list[int] = []
    if headers:
        above = [j for j in window[headers[0] + 1 :] if not lines[j].kind][:HEADLINE_ABOVE_HEADER]
    for candidates, strict in ((above, True), (window, True), (above, False)):
        for position, j in enumerate(candidates):
            if is_title_like(lines[j], strict) and (strict or lines[j].words >= 3):
                j = above_standfirst(lines, candidates[position + 1 :], j) if strict else j
                return earliest_copy(lines, j)
    return None


def above_standfirst(lines: list[Line], upper: list[int], j: int) -> int:
    """The headline when line ``j`` may be a standfirst (a sentence of STANDFIRST_MIN_WORDS
    or more words, not in title case): the line just above it, if that is title-like and
    shorter (a standfirst sums up the story in more words than its headline); else ``j``."""
    k = prev_nonblank(lines, j)
    if k is None or k not in upper[:1] or lines[j].words < STANDFIRST_MIN_WORDS:
        return j
    if lines[j].caps_share >= TITLE_CAPS_SHARE:
        return j  # in title case: a headline, not a standfirst written as a sentence
    if is_title_like(lines[k]) and HEADLINE_MIN_WORDS <= lines[k].words < lines[j].words:
        return k
    return j


def _follows_label(lines: list[Line], j: int) -> bool:
    """True if the non-blank line before j is a short label ending with ':'."""
    k = prev_nonblank(lines, j)
    return k is not None and lines[k].words <= 3 and lines[k].text.strip().endswith(":")


def earliest_copy(lines: list[Line], j: int) -> int:
    """If the same line occurs just before j (a repeated headline), return that copy."""
    key = normalise(lines[j].text)
    k, seen = j - 1, 0
    while k >= 0 and seen < 3:
        if lines[k].words:
            seen += 1
            if normalise(lines[k].text) == key:
                j, seen = k, 0
        k -= 1
    return j


def is_caption(lines: list[Line], i: int) -> bool:
    """A line of at most CAPTION_MAX_WORDS glued (no blank line between) to a photo credit.

    When lines are glued on both sides of the credit (a page without blank lines), the
    caption is the one above it: a caption is printed with its credit under it, or its
    credit is under the picture and the caption after it only when blank lines set them
    apart."""
    if lines[i].words > CAPTION_MAX_WORDS:
        return False
    if i + 1 < len(lines) and lines[i + 1].kind == "credit":
        return True
    if i - 1 >= 0 and lines[i - 1].kind == "credit":
        above = i - 2
        return above < 0 or not lines[above].words
    return False


def next_nonblank(lines: list[Line], i: int) -> int | None:
    """Index of the next non-blank line after i, or None."""
    for j in range(i + 1, len(lines)):
        if lines[j].words:
            return j
    return None


def prev_nonblank(lines: list[Line], i: int) -> int | None:
    """Index of the previous non-blank line before i, or None."""
    for j in range(i - 1, -1, -1):
        if lines[j].words:
            return j
    return None


def decide_in_run(lines: list[Line], first: int, last: int) -> list[int]:
    """Pick the body lines inside the run, and write each line's reason."""
    body = []
    for i in range(first, last + 1):
        line = lines[i]
        if line.words:
            keep, line.reason = decide_line(lines, i)
            if keep:
                body.append(i)
    return body


def decide_line(lines: list[Line], i: int) -> tuple[bool, str]:
    """Keep or drop one line inside the main run, with the reason."""
    line = lines[i]
    nxt, prv = next_nonblank(lines, i), prev_nonblank(lines, i)
    if line.kind == "date" and ATTRIBUTION_RE.match(line.text):
        return True, "body: attribution of an embedded post"
    if line.kind:
        return False, KIND_REASONS[line.kind] + " inside the article"
    if is_caption(lines, i):
        return False, "photo caption (next to a credit line)"
    if line.prose:
        return True, "body: " + line.reason
    if (
        is_title_like(line)
        and line.words <= SUBHEAD_MAX_WORDS
        and line.cls != BAD
        and nxt is not None
        and lines[nxt].prose
        and prv is not None
        and lines[prv].prose
    ):
        return True, "body: subheading between prose lines"
    if is_table_row(line):
        return True, "body: table row inside the article"
    if line.ends_sentence and line.words >= SENTENCE_MIN_WORDS:
        return True, "body: a sentence inside the article"
    return False, "inside the article, but not prose: " + line.reason


# --------------------------------------------------------------- public API
def prose_lines(text: str) -> list[Line]:
    """Passes 1 to 3: evidence, first class and context class of every line."""
    lines = describe_page(text)
    for line in lines:
        line.cls, line.reason = first_class(line)
    mark_short_rows(lines)
    mark_near_blocks(lines)
    apply_context(lines)
    return lines


def find_run(lines: list[Line]) -> tuple[int, int]:
    """Pass 4a: (first, last) index of the main article's lines, or (-1, -1)."""
    first, last = best_run(lines)
    if first < 0:
        return first, last
    first = skip_header(lines, first, last)
    if first > last:  # nothing but header: keep the raw run
        first, last = best_run(lines)
    return trim_run(lines, first, last)


def accept_near_prose(lines: list[Line]) -> bool:
    """A page so short that context finds no prose (one or two sentences between a title
    and furniture): its near-good lines are its prose. Returns True if there were any."""
    near = [line for line in lines if line.cls == NEAR and not line.prose]
    for line in near:
        line.prose = True
        line.reason += ", the only prose-like text of a short page"
    return bool(near)


def main_article(text: str) -> MainArticle:
    """Find the main article of a page's plain text.

    Returns a MainArticle with the body line indices (0-based), the headline
    index (or None) and one reason per line for the cleaning log.
    """
    lines = prose_lines(text)
    first, last = find_run(lines)
    if first < 0 and accept_near_prose(lines):
        first, last = find_run(lines)
    body: list[int] = []
    headline = None
    if first >= 0:
        body = decide_in_run(lines, first, last)
        headline = choose_headline(lines, first)
    for line in lines:
        if line.words and not first <= line.index <= last:
            line.reason = "outside the main article: " + line.reason
    if headline is not None:
        lines[headline].reason = "headline: title-like line just before the article"
    return MainArticle(
        body,
        headline,
        [ln.reason for ln in lines],
        [ln.text for ln in lines],
        first,
        last,
        lines,
    )


if __name__ == "__main__":
    import sys

    with open(sys.argv[1], encoding="utf8") as f:
        found = main_article(f.read())
    for index, decision, reason in found.log():
        print(f"{index + 1:5d}  {decision:8s}  {reason}")
