"""Each cleaning rule on its own, with small inputs."""

from datetime import date
from pathlib import Path

import pytest

from newstext.cleaning.alignment import AlignedText, span_to_raw, to_raw
from newstext.cleaning.inline import (
    find_ad_markers,
    find_captions,
    find_inline_noise,
    find_teasers,
    remove_spans,
)
from newstext.cleaning.lexicon import ACTIONS, REASONS
from newstext.cleaning.lines import (
    LineLabel,
    classify_line,
    classify_lines,
    furniture_reason,
    is_menu,
    look_at_lines,
    stop_word_share,
)
from newstext.cleaning.metadata import (
    GluedMetadata,
    byline_author,
    calendar_date_in,
    source_echo,
    split_glued_metadata,
)
from newstext.cleaning.paragraphs import clean_body_line, group_paragraphs
from newstext.cleaning.published import (
    parse_relative_time,
    resolve_relative_time,
)
from newstext.cleaning.quote_marks import (
    QUOTE_CHARS,
    find_quotations,
    find_quote_marks,
    is_apostrophe,
    normalise_quotes,
    paragraph_bounds,
    unpaired_quotes,
)
from newstext.cleaning.sentences import (
    _sentence_end_at,
    find_missing_spaces,
    is_abbreviation,
    repair_missing_spaces,
    split_sentences,
    word_before,
)
from newstext.core.paths import RAW_PAGE
from newstext.core.reading import read_page

# -- looking at lines ------------------------------------------------------------------------


def test_look_at_lines_counts_offsets_and_repeats():
    table = look_at_lines("Big news today\n\nBig news today\nThe cat sat on the mat.")
    assert table["line_no"].tolist() == [1, 2, 3, 4]
    assert table["start"].tolist() == [0, 15, 16, 31]
    assert table["end"].tolist() == [14, 15, 30, 54]
    assert table["repeats"].tolist() == [2, 1, 2, 1]
    assert table["words"].tolist() == [3, 0, 3, 6]
    assert table.loc[3, "stop_share"] == 0.5  # the, on, the of 6 words


def test_stop_word_share():
    assert stop_word_share("") == 0.0
    assert stop_word_share("Orange background") == 0.0
    assert stop_word_share("No comments yet...") == pytest.approx(0.667)


# -- one line --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("", ("drop", "blank")),
        ("   ", ("drop", "blank")),
        ("logo", ("drop", "site_furniture")),
        ("Orange background", ("drop", "site_furniture")),
        ("Try Our AI Features", ("drop", "site_furniture")),
        ("Comments", ("drop", "comment_widget")),
        ("Comments (14)", ("drop", "comment_widget")),
        ("No comments yet...", ("drop", "comment_widget")),
        ("Related Articles", ("drop", "site_furniture")),
        ("Also read: Harbour council votes to review ferry contract", ("drop", "related_link")),
        ("DOWNLOAD THE APP", ("drop", "app_promo")),
        ("app-storeplay-store", ("drop", "app_promo")),
        ("Share Tweet Email", ("drop", "share_buttons")),
        ("Home | News | Business | Sport | Opinion | Weather", ("drop", "navigation")),
        ("News > Local", ("drop", "navigation")),
        ("Accept all", ("drop", "cookie_banner")),
        ("Mint2 days ago", ("metadata", "source_time")),
        ("time2 hours ago", ("metadata", "relative_time")),
        ("  • First Post", ("metadata", "source_echo")),
        ("By Jane Doe", ("metadata", "byline")),
        ("Published July 3, 2025", ("metadata", "date_line")),
        ("Rubio said he remained frustrated by the absence of movement.", ("keep", "body")),
        ("World leaders meet in Rome", ("keep", "body")),  # one-word phrases need a whole line
        # sentences are prose, whatever words they hold (issue 14's new-user failures)
        ("By Friday, the talks had collapsed.", ("keep", "body")),
        ("Residents can sign up at the town hall.", ("keep", "body")),
        ("Police said the suspect had no criminal background.", ("keep", "body")),
        ("By Jane Doe and John Roe", ("metadata", "byline")),
        ("Jane Doe, Reuters", ("metadata", "byline")),
        ("Updated 2019-11-19", ("metadata", "date_line")),
    ],
)
def test_classify_line(line, label):
    assert classify_line(line) == LineLabel(*label)


def test_long_promo_line_is_furniture_only_when_it_speaks_to_the_reader():
    promo = (
        "Ready to dive into a world of global content with local flavor? Download Daily8 app "
        "today from your preferred app store and start exploring."
    )
    news = "Apple said the game would return to the App Store in Europe after the ruling was made."
    assert furniture_reason(promo) == "app_promo"
    assert furniture_reason(news) is None
    cookie = "We use cookies to improve your experience. By continuing you agree to our use."
    assert furniture_reason(cookie) == "cookie_banner"


def test_is_menu():
    assert is_menu("Home | World | Sport")
    assert is_menu("News > Local")
    assert not is_menu("Trump says 'no deal' | Live updates")
    assert not is_menu("The price rose > 5% in a week")


# -- metadata --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mint2 days ago", ("Mint", "2 days ago")),
        ("time2 hours ago", (None, "2 hours ago")),
        ("time3 hours ago", (None, "3 hours ago")),
        ("Reuters · 5 minutes ago", ("Reuters", "5 minutes ago")),
        ("Updated: an hour ago", (None, "an hour ago")),
        ("Indian Express", (None, None)),
        (
            "The war began 2 years ago and shows no sign of ending, officials said today.",
            (None, None),
        ),
    ],
)
def test_split_glued_metadata(line, expected):
    assert split_glued_metadata(line) == GluedMetadata(*expected)


def test_source_echo_byline_and_date():
    assert source_echo("  • First Post") == "First Post"
    assert source_echo("First Post") is None
    assert byline_author("By Sam Patel | 4 hours ago") == "Sam Patel"
    assert byline_author("by the river the town waited for news of the flood") is None
    assert calendar_date_in("Published July 3, 2025") == "2025-07-03"
    assert calendar_date_in("11 July 2025, 10:30 IST") == "2025-07-11"


# -- the whole page of lines -----------------------------------------------------------------


def test_classify_lines_finds_repeated_headline_source_and_body():
    page = "\n".join(
        [
            "logo",
            "Talks end without a deal in Geneva",
            "Talks end without a deal in Geneva",
            "Daily Planet",
            "time5 hours ago",
            "  • Daily Planet",
            "Negotiators left Geneva on Friday without an agreement, officials said.",
            "Comments",
        ]
    )
    table = classify_lines(page)
    assert table["reason"].tolist() == [
        "site_furniture",
        "headline",
        "duplicate_headline",
        "source_byline",  # a short name the page repeats after a bullet
        "relative_time",
        "source_echo",
        "body",
        "comment_widget",
    ]
    assert table["article_id"].tolist()[1:7] == [1, 1, 1, 1, 1, 1]
    assert table["why"].str.len().gt(0).all()


def test_a_short_name_before_the_prose_is_no_source_without_evidence():
    page = "\n".join(
        [
            "Talks end without a deal in Geneva",
            "Daily Planet",
            "Negotiators left Geneva on Friday without an agreement, officials said.",
        ]
    )
    assert classify_lines(page)["action"].tolist() == ["headline", "drop", "keep"]


@pytest.mark.parametrize(
    "page",
    [RAW_PAGE, *sorted((Path(__file__).parent / "pages").glob("*.txt"))],
    ids=lambda path: path.stem,
)
def test_every_label_is_a_documented_action_and_reason(page):
    table = classify_lines(read_page(page))
    for action, reason in zip(table["action"], table["reason"], strict=True):
        assert action in ACTIONS
        assert REASONS[reason][0] in (action, "any")


def test_page_without_prose_still_has_one_main_article():
    from newstext.cleaning.pipeline import clean_page

    cleaned = clean_page("Home\nMenu\nShare")
    assert cleaned.articles["role"].tolist() == ["main"]
    assert cleaned.articles["body"].tolist() == [""]


# -- inline noise ----------------------------------------------------------------------------

CAPTION_LINE = (
    "Officials said so in Cuba read more Advertisement A man waves a flag in Havana, Cuba, "
    "Sunday, July 11, 2021. Reuters The sanctions were announced on Friday. Officials said so "
    "in Cuba. STORY CONTINUES BELOW THIS AD More followed."
)


def test_find_ad_markers_is_exact_and_case_sensitive():
    markers = find_ad_markers("It said. STORY CONTINUES BELOW THIS AD Then an advertisement ran.")
    assert [(m.reason, m.text) for m in markers] == [
        ("ad_marker", "STORY CONTINUES BELOW THIS AD ")
    ]


def test_the_word_advertisement_in_prose_is_not_a_marker():
    assert find_ad_markers("Advertisement spending rose, and the advertisement ran.") == []


def test_find_captions_after_a_marker_ending_with_a_wire_credit():
    captions = find_captions(CAPTION_LINE)
    assert len(captions) == 1
    assert captions[0].text == (
        "A man waves a flag in Havana, Cuba, Sunday, July 11, 2021. Reuters "
    )


def test_no_caption_without_a_credit_after_a_date():
    assert find_captions("x read more Advertisement The talks in 2021 went well. AP said") == []


def test_teaser_is_removed_only_when_repeated():
    teasers = find_teasers(CAPTION_LINE)
    assert [t.text for t in teasers] == ["Officials said so in Cuba "]
    assert find_teasers("A unique summary of five words read more Advertisement Body.") == []


def test_remove_spans_leaves_single_spaces():
    cleaned = remove_spans(CAPTION_LINE, find_inline_noise(CAPTION_LINE))
    assert cleaned == (
        "The sanctions were announced on Friday. Officials said so in Cuba. More followed."
    )


# -- sentences and paragraphs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        ("the official said.A senior European", "the official said. A senior European"),
        (
            "he's 'looking at it very strongly.'In the NBC",
            "he's 'looking at it very strongly.' In the NBC",
        ),
        ("officials said.'We found a solution.", "officials said. 'We found a solution."),
        ("Is it over?Yes, it is.", "Is it over? Yes, it is."),
        ("purchase U.S. weapons", "purchase U.S. weapons"),
        ("the U.S.And then", "the U.S.And then"),  # not a lower-case word: left alone
        ("Republican Sen. Lindsey Graham", "Republican Sen. Lindsey Graham"),
        ("a $6.2 million investment", "a $6.2 million investment"),
        ("Hopefully... we will", "Hopefully... we will"),
        ("a solution. … That's the key", "a solution. … That's the key"),
        ("Putin...It turns out", "Putin...It turns out"),
        ("e.g.The list", "e.g.The list"),
        ("see daily8.com today", "see daily8.com today"),
    ],
)
def test_repair_missing_spaces(glued, repaired):
    assert repair_missing_spaces(glued) == repaired


def test_find_missing_spaces_returns_positions():
    assert find_missing_spaces("said.A senior") == [5]
    assert find_missing_spaces("he said 'yes.'In fact") == [14]


def test_split_sentences_keeps_abbreviations_and_quotes():
    text = (
        "Republican Sen. Lindsey Graham said U.S. weapons cost $6.2 million. "
        "'We go now.' Mr. Smith agreed! Did he? Yes."
    )
    sentences = [text[start:end] for start, end in split_sentences(text)]
    assert sentences == [
        "Republican Sen. Lindsey Graham said U.S. weapons cost $6.2 million.",
        "'We go now.'",
        "Mr. Smith agreed!",
        "Did he?",
        "Yes.",
    ]


def test_group_paragraphs_by_size_and_not_inside_a_quote():
    text = "One. Two. Three. 'Four. Five.' Six."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in group_paragraphs(spans, max_sentences=2)] == [
        "One. Two.",
        "Three. 'Four.",
        "Five.' Six.",
    ]
    assert [text[a:b] for a, b in group_paragraphs(spans, text, max_sentences=2)] == [
        "One. Two.",
        "Three. 'Four. Five.'",
        "Six.",
    ]
    assert [text[a:b] for a, b in group_paragraphs(spans, text, max_sentences=9)] == [text]
    long_sentence = "A long sentence goes here. " * 3
    spans = split_sentences(long_sentence)
    assert len(group_paragraphs(spans, max_chars=30)) == 3


# -- quote marks -----------------------------------------------------------------------------


def test_normalise_quotes_is_one_for_one():
    raw = "\u2018I don't want to overpromise' and \u201cno\u201d \u2019til"
    assert normalise_quotes(raw) == "'I don't want to overpromise' and \"no\" 'til"
    assert len(normalise_quotes(raw)) == len(raw)


@pytest.mark.parametrize(
    ("text", "offset", "apostrophe"),
    [
        ("don't", 3, True),
        ("Russia's war", 6, True),
        ("the Patriots' range", 12, True),
        ("'90s music", 0, True),
        ("'We go,' he said", 0, False),
        ("'We go,' he said", 7, False),
        ("strongly.'In", 9, False),
        ("30 of Boeing 's 787-9 jets", 13, True),  # a clitic printed apart from its word
        ("they \u2019re here", 5, True),
        ("he said 'so what' twice", 8, False),  # "so" is a word, not a clitic
    ],
)
def test_is_apostrophe(text, offset, apostrophe):
    assert is_apostrophe(text, offset) is apostrophe


def test_quote_roles_and_pairs():
    marks = find_quote_marks("'We're here,' he said. \"Fine.\"")
    assert [(m.offset, m.role, m.paired) for m in marks] == [
        (0, "open", True),
        (3, "apostrophe", True),
        (12, "close", True),
        (23, "open", True),
        (29, "close", True),
    ]


def test_unpaired_quotes_are_flagged():
    assert [(m.offset, m.role) for m in unpaired_quotes("'We need financing. And then")] == [
        (0, "open")
    ]
    assert [(m.offset, m.role) for m in unpaired_quotes('he said." Then')] == [(8, "close")]
    assert unpaired_quotes("Russia's and the Patriots' range, don't") == []
    assert unpaired_quotes(normalise_quotes("\u2018they are paying, 100%', says Trump")) == []


PATRIOTS = "'The Patriots' range is long,' he said."


def test_a_plural_possessive_inside_a_quotation_is_an_apostrophe():
    """Counted by hand: the marks at 0 and 29 open and close the quotation; the one at 13
    is the apostrophe of "Patriots'". (The cleaner's old classifier flagged 29 unpaired.)"""
    assert [(m.offset, m.role, m.paired) for m in find_quote_marks(PATRIOTS)] == [
        (0, "open", True),
        (13, "apostrophe", True),
        (29, "close", True),
    ]
    assert unpaired_quotes(PATRIOTS) == []


def test_the_cleaner_and_the_quotation_extractor_share_one_classifier():
    from newstext.annotating import quotations
    from newstext.exploring import voices

    assert quotations.find_quotations is find_quotations
    assert voices.find_quotations is find_quotations
    assert find_quotations(PATRIOTS) == [(0, 30)]


def test_a_clitic_printed_apart_opens_no_quotation():
    """Counted by hand: the only quotation is the one in curly marks at 32 to 41; the mark at
    13 is the apostrophe of "Boeing 's", printed apart from its word."""
    text = "30 of Boeing 's 787-9 jets, and \u201cwe won,\u201d he said."
    assert find_quotations(text) == [(32, 41)]
    assert unpaired_quotes(text) == []


def test_an_opening_curly_mark_followed_by_a_space_still_opens():
    text = "\u201c I love what I'm doing.\u201d she said."
    assert [m.role for m in find_quote_marks(text)] == ["open", "apostrophe", "close"]
    assert find_quotations(text) == [(0, 25)]


# -- alignment -------------------------------------------------------------------------------


def test_alignment_survives_deletion_insertion_and_quotes():
    raw = "xx \u2018we said.'Yes ADVERTISEMENT we go. yy"
    aligned = AlignedText.from_raw(raw, 3, len(raw) - 3)
    aligned = aligned.replace_chars({"\u2018": "'"})
    start = aligned.text.index("ADVERTISEMENT")
    aligned = aligned.delete([(start, start + len("ADVERTISEMENT "))])
    aligned = aligned.insert(find_missing_spaces(aligned.text))
    assert aligned.text == "'we said.' Yes we go."
    paragraph = {"segments": aligned.segments(), "raw_end": aligned.raw_end}
    assert raw[to_raw(paragraph, aligned.text.index("Yes"))] == "Y"
    assert raw[to_raw(paragraph, aligned.text.index("we"))] == "w"
    assert to_raw(paragraph, 10) == to_raw(paragraph, 11)  # the inserted space
    assert raw[to_raw(paragraph, 0)] == "\u2018"
    assert span_to_raw(paragraph, 15, 21) == (raw.index("we go."), raw.index("we go.") + 6)
    assert to_raw(paragraph, len(aligned.text)) == aligned.raw_end == len(raw) - 3
    assert aligned.edited()


#: Texts with every kind of whitespace run, quote mark and sentence end the cleaner meets.
AWKWARD_TEXTS = [
    "",
    " ",
    "one",
    "  two  spaces \t\t and\u00a0\u00a0nbsp \u2028 line sep\x1c\x1dend  ",
    "He said.  'Yes.'\n\nThen\u2026 Mr. Smith left! Did he?  \"No.\" (Maybe.) U.S. troops.",
    "Wait... What? Really\u2026 Yes. e.g. this. J. Smith.",
]


def _collapsed_char_by_char(aligned: AlignedText) -> AlignedText:
    """Runs of whitespace become their first character, one character at a time."""
    keep = [
        i
        for i, char in enumerate(aligned.text)
        if not (char.isspace() and i > 0 and aligned.text[i - 1].isspace())
    ]
    text = "".join(aligned.text[i] for i in keep)
    return AlignedText(text, tuple(aligned.offsets[i] for i in keep)).strip()


def _sentences_char_by_char(text: str) -> list[tuple[int, int]]:
    """split_sentences, trying every character as a sentence end."""
    spans = []
    start = len(text) - len(text.lstrip())
    offset = start
    while offset < len(text):
        end = _sentence_end_at(text, offset)
        if end is None:
            offset += 1
            continue
        spans.append((start, end))
        start = end + len(text[end:]) - len(text[end:].lstrip())
        offset = start
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [span for span in spans if span[1] > span[0]]


def _texts_to_check() -> list[str]:
    return AWKWARD_TEXTS + read_page(RAW_PAGE).split("\n")


@pytest.mark.parametrize("text", _texts_to_check())
def test_collapse_spaces_keeps_the_first_character_of_each_run(text):
    aligned = AlignedText.from_raw("xx" + text, 2)
    aligned = aligned.insert([len(text) // 2])
    assert aligned.collapse_spaces() == _collapsed_char_by_char(aligned)


@pytest.mark.parametrize("text", _texts_to_check())
def test_split_sentences_is_the_same_as_trying_every_character(text):
    assert split_sentences(text) == _sentences_char_by_char(text)


def _segments_char_by_char(aligned: AlignedText) -> list[tuple[int, int, int]]:
    runs: list[tuple[int, int, int]] = []
    for clean, raw in enumerate(aligned.offsets):
        if raw == -1:
            continue
        if runs and clean == runs[-1][0] + runs[-1][2] and raw == runs[-1][1] + runs[-1][2]:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((clean, raw, 1))
    return runs


@pytest.mark.parametrize("text", _texts_to_check())
def test_segments_are_the_runs_of_consecutive_raw_characters(text):
    aligned = AlignedText.from_raw(text, 0).insert([0, len(text) // 3, len(text)])
    aligned = aligned.delete([(len(aligned.text) // 2, len(aligned.text) // 2 + 2)])
    assert aligned.segments() == _segments_char_by_char(aligned)
    assert aligned.edited() == (len(aligned.segments()) > 1 or -1 in aligned.offsets)


def test_segments_of_text_the_cleaner_only_inserted():
    assert AlignedText(" ", (-1,)).segments() == []
    assert AlignedText("", ()).segments() == []
    assert AlignedText("a b", (0, -1, 1)).segments() == [(0, 0, 1), (2, 1, 1)]


def _missing_spaces_char_by_char(text: str) -> list[int]:
    marks = {mark.offset: mark for mark in find_quote_marks(text)}
    positions = []
    for offset, char in enumerate(text):
        if char not in ".!?" or offset + 1 >= len(text):
            continue
        word = word_before(text, offset)
        if len(word) < 2 or not word.islower() or is_abbreviation(word):
            continue
        after = offset + 1
        if text[after] in QUOTE_CHARS and after + 1 < len(text) and text[after + 1].isupper():
            mark = marks.get(after)
            positions.append(after + 1 if mark is not None and mark.role == "close" else after)
        elif text[after].isupper():
            positions.append(after)
    return positions


GLUED_TEXTS = [
    "said.A senior",
    "he said 'yes.'In fact",
    "strongly.'In the NBC",
    "said.\u201cWe found\u201d it.Then?No!Yes",
    "U.S.Army and e.g.This stay",
    "end.",
]


@pytest.mark.parametrize("text", GLUED_TEXTS + _texts_to_check())
def test_find_missing_spaces_is_the_same_as_trying_every_character(text):
    assert find_missing_spaces(text) == _missing_spaces_char_by_char(text)


@pytest.mark.parametrize("text", GLUED_TEXTS + _texts_to_check())
def test_every_quote_mark_is_found_once_in_order(text):
    offsets = [mark.offset for mark in find_quote_marks(text)]
    wanted = [
        i
        for start, end in paragraph_bounds(text)
        for i in range(start, end)
        if text[i] in QUOTE_CHARS
    ]
    assert offsets == wanted


def test_edited_means_not_one_raw_slice():
    raw = "0123456789"
    assert not AlignedText.from_raw(raw, 2, 8).edited()
    assert not AlignedText("", ()).edited()
    assert AlignedText.from_raw(raw, 2, 8).delete([(2, 3)]).edited()
    assert AlignedText.from_raw(raw, 0, 3).insert([0]).edited()  # inserted before raw 0
    assert AlignedText.from_raw(raw, 0, 3).insert([3]).edited()
    aligned = AlignedText.from_raw(raw, 1, 9).delete([(0, 1), (7, 8)])
    assert not aligned.edited()  # deleted at the ends only: still one raw slice
    assert len(aligned.segments()) == 1


def test_replace_chars_is_one_for_one():
    aligned = AlignedText.from_raw("\u2018a\u2019 \u201cb\u201d", 0)
    replaced = aligned.replace_chars({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
    assert replaced.text == "'a' \"b\""
    assert replaced.offsets == aligned.offsets


def test_clean_body_line_short_line_with_inline_marker():
    raw = "Intro\nFour were hurt. ADVERTISEMENT No fires spread.\nEnd"
    start = raw.index("Four")
    result = clean_body_line(raw, start, raw.index("\nEnd"))
    assert [p.text for p in result.paragraphs] == ["Four were hurt. No fires spread."]
    assert [(r.reason, raw[r.start : r.end]) for r in result.removals] == [
        ("ad_marker", "ADVERTISEMENT ")
    ]


# -- publication dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("time_ago", "expected"),
    [
        ("2 days ago", date(2025, 7, 9)),
        ("2 hours ago", date(2025, 7, 11)),
        ("3 hours ago", date(2025, 7, 11)),
        ("an hour ago", date(2025, 7, 11)),
        ("1 week ago", date(2025, 7, 4)),
        ("2 months ago", date(2025, 5, 11)),
        ("a year ago", date(2024, 7, 11)),
        ("yesterday", None),
    ],
)
def test_resolve_relative_time(time_ago, expected):
    assert resolve_relative_time(time_ago) == expected


def test_months_back_clamps_the_day():
    assert resolve_relative_time("1 month ago", date(2025, 3, 31)) == date(2025, 2, 28)
    assert parse_relative_time("3 hrs ago") == (3, "hour")
