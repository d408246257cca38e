"""clean_page on the course page: articles, paragraphs, removals, offsets, line labels."""

import time

import pandas as pd
import pytest

from newstext.cleaning.alignment import to_raw
from newstext.cleaning.lexicon import INLINE_AD_MARKERS
from newstext.cleaning.line_scores import load_line_labels, score_line_labels
from newstext.cleaning.pipeline import clean_file, clean_page, write_outputs
from newstext.cleaning.published import REFERENCE_DATE
from newstext.cleaning.quote_marks import normalise_quotes
from newstext.core.paths import RAW_PAGE
from newstext.core.reading import read_page

HEADLINES = [
    "Marco Rubio fumes after dead-end Ukraine peace talks with Russia's Lavrov: "
    "'I don't want to overpromise'",
    "US sanctions Cuban president on the fourth anniversary of historic protests",
    "Weapons going from US to Ukraine via NATO; 'they are paying, 100%', says Trump",
]


@pytest.fixture(scope="module")
def raw() -> str:
    return read_page(RAW_PAGE)


@pytest.fixture(scope="module")
def cleaned(raw):
    return clean_page(raw, REFERENCE_DATE)  # the course page's documented date, explicitly


@pytest.fixture(scope="module")
def raw_lines(raw) -> list[str]:
    return raw.split("\n")


def test_three_articles_with_headline_source_and_time(cleaned):
    articles = cleaned.articles
    assert list(articles["article_id"]) == [1, 2, 3]
    assert list(articles["role"]) == ["main", "related", "related"]
    assert list(articles["headline"]) == HEADLINES
    assert list(articles["source"]) == ["Mint", "First Post", "Indian Express"]
    assert list(articles["time_ago"]) == ["2 days ago", "2 hours ago", "3 hours ago"]
    assert list(articles["published_estimate"]) == ["2025-07-09", "2025-07-11", "2025-07-11"]
    assert list(articles["headline_line"]) == [2, 32, 45]


def test_without_a_reference_date_the_course_page_has_no_dates_and_the_log_says_why(raw):
    undated = clean_page(raw)
    assert undated.reference_date is None
    assert undated.articles["published_estimate"].isna().all()
    dates = undated.page_log()
    dates = dates[dates["step"] == "date"]["why"].tolist()
    assert len(dates) == 3
    assert all("no date" in why and "--reference-date" in why for why in dates)


def test_clean_file_gives_the_course_page_its_documented_date_and_logs_it():
    cleaned = clean_file()
    assert cleaned.reference_date == REFERENCE_DATE
    estimates = list(cleaned.articles["published_estimate"])
    assert estimates == ["2025-07-09", "2025-07-11", "2025-07-11"]
    dates = cleaned.page_log().query("step == 'date'")["why"]
    assert all("course page's documented reference date" in why for why in dates)


def test_the_cleaning_log_says_why_for_every_line(cleaned):
    log = cleaned.log
    lines = log[log["step"] == "line"]
    assert lines["line_no"].tolist() == list(range(1, 64))
    assert lines["why"].str.len().gt(0).all()
    assert list(lines["action"]) == list(cleaned.lines["action"])
    steps = cleaned.page_log()["step"].tolist()
    assert steps[:3] == ["input", "main_run", "headline"]
    main_run = cleaned.page_log().iloc[1]["why"]
    assert "lines 7 to 19" in main_run and "13 body lines" in main_run


def test_each_article_spans_its_headline_to_its_last_line(cleaned, raw, raw_lines):
    # Read off the raw page: the articles start at their headlines (lines 2, 32 and 45) and
    # end where their last line ends (line 31, Mint's; line 44, First Post's; line 63).
    line_start = [0]
    for line in raw_lines:
        line_start.append(line_start[-1] + len(line) + 1)
    articles = cleaned.articles
    assert list(articles["raw_start"]) == [line_start[1], line_start[31], line_start[44]]
    for row in articles.itertuples():
        last_line = raw[: row.raw_end].count("\n")  # 0-based number of the line it ends on
        assert row.raw_end == line_start[last_line] + len(raw_lines[last_line].rstrip())
    assert list(articles["chars"]) == [len(body) for body in articles["body"]]
    assert list(articles["paragraphs"]) == [13, 11, 21]


def test_a_page_without_prose_has_an_empty_main_article_and_says_so():
    cleaned = clean_page("Menu\nHome\nLogin")
    article = cleaned.articles.iloc[0]
    assert (article["article_id"], article["role"], article["paragraphs"]) == (1, "main", 0)
    assert article["body"] == "" and article["headline"] is None
    log = cleaned.page_log()
    assert log.iloc[1]["why"] == "no run of prose on the page: no main article"


def test_prose_without_a_headline_is_logged():
    first = ("The minister said that the talks would continue next week in the capital, and "
             "that both sides wanted progress.")
    second = ("Officials from both countries met on Tuesday to discuss the trade agreement and "
              "the security of the region.")
    cleaned = clean_page(f"Menu\n{' '.join([first] * 3)}\n{' '.join([second] * 3)}")
    steps = cleaned.page_log().set_index("step")["why"]
    assert steps["main_run"] == (  # 18 and 19 words, three times each
        "the main article is the largest run of prose: lines 2 to 3, 2 body lines, 111 words"
    )
    assert steps["headline"].startswith("no title-like line before the main run")
    assert cleaned.articles["headline_line"].isna().all()


def test_headline_raw_is_the_line_as_on_the_page(cleaned, raw_lines):
    assert list(cleaned.articles["headline_raw"]) == [raw_lines[1], raw_lines[31], raw_lines[44]]
    assert cleaned.articles["headline_raw"][0].count("\u2018") == 1


def test_main_article_paragraphs_are_the_13_body_lines(cleaned, raw_lines):
    main = cleaned.paragraphs[cleaned.paragraphs["article_id"] == 1]
    expected = [normalise_quotes(line) for line in raw_lines[6:19]]
    assert len(expected) == 13
    assert list(main["text"]) == expected
    assert list(main["line_no"]) == list(range(7, 20))
    body = cleaned.articles.set_index("article_id").at[1, "body"]
    assert body == "\n\n".join(expected)


def test_related_articles_are_split_into_paragraphs(cleaned):
    counts = cleaned.paragraphs.groupby("article_id").size().to_dict()
    assert counts == {1: 13, 2: 11, 3: 21}
    related = cleaned.paragraphs[cleaned.paragraphs["article_id"] > 1]
    assert related["chars"].max() < 2 * 400  # no single huge paragraph left
    first = cleaned.articles.set_index("article_id").at[2, "body"].split("\n\n")[0]
    assert first.startswith("The United States announced its first sanctions on Friday")
    last = cleaned.articles.set_index("article_id").at[3, "body"].split("\n\n")[-1]
    assert last == "'We need financing. And then, we will intercept."


def test_no_marker_furniture_or_duplicate_headline_in_any_body(cleaned):
    bodies = list(cleaned.articles["body"])
    for marker in INLINE_AD_MARKERS:
        assert not any(marker in body for body in bodies), marker
    dropped = cleaned.lines[(cleaned.lines["action"] == "drop") & (cleaned.lines["chars"] > 0)]
    assert len(dropped) == 16
    for line in dropped["text"]:
        assert not any(normalise_quotes(line.strip()) in body for body in bodies), line
    for headline in HEADLINES:
        assert not any(headline in body for body in bodies)
    assert not any("Miguel Diaz-Canel addresses party delegates" in body for body in bodies)
    assert not any("Mint2" in body or "time2" in body or "\u2022" in body for body in bodies)


def test_every_removal_is_logged_with_its_raw_span(cleaned, raw):
    removals = cleaned.removals
    assert list(removals["reason"]) == [
        "teaser_repeat",
        "ad_marker",
        "photo_caption",
        "ad_marker",
        "ad_marker",
    ]
    assert list(removals["line_no"]) == [43] * 5
    assert list(removals["article_id"]) == [2, 2, 2, 2, 2]
    for row in removals.itertuples():
        assert raw[row.raw_start : row.raw_end] == row.text
    caption = removals[removals["reason"] == "photo_caption"].iloc[0]
    assert caption["text"].startswith("Cuba's President Miguel Diaz-Canel addresses")
    assert caption["text"].endswith("Monday, April. 19, 2021. AP ")
    markers = removals[removals["reason"] == "ad_marker"]["text"].str.strip()
    assert list(markers) == ["read more Advertisement"] + ["STORY CONTINUES BELOW THIS AD"] * 2


def test_missing_spaces_repaired_and_logged(cleaned):
    bodies = "\n".join(cleaned.articles["body"])
    for repaired in (
        "the official said. A senior European",
        "very strongly.' In the NBC News interview",
        "officials said. 'There is no silence",
        "Administration said. 'We found a solution.",
    ):
        assert repaired in bodies
    for untouched in ("U.S. weapons", "Sen. Lindsey Graham", "$6.2 million", "Hopefully... we"):
        assert untouched in bodies
    assert "b*******----" in bodies  # the censored word stays as written
    assert len(cleaned.repairs) == 4
    assert set(cleaned.repairs["article_id"]) == {3}
    assert list(cleaned.repairs["context"].str.slice(15, 17)) == ["A ", "In", "'T", "'W"]


def test_quotes_normalised_and_unpaired_ones_flagged(cleaned):
    texts = list(cleaned.articles["body"]) + list(cleaned.articles["headline"])
    for curly in "\u2018\u2019\u201c\u201d":
        assert not any(curly in text for text in texts)
    flags = cleaned.quote_flags
    assert len(flags) == 1  # the page is cut off inside the last quotation
    assert flags.iloc[0]["role"] == "open"
    assert flags.iloc[0]["context"].startswith("'We need financing.")
    apostrophes = cleaned.quotes[cleaned.quotes["role"] == "apostrophe"]
    assert len(apostrophes) == 38  # letter-apostrophe-letter: don't, Russia's, I'll
    assert (cleaned.quotes["role"] != "apostrophe").sum() == 83  # 42 opening, 41 closing
    assert (apostrophes["raw_char"] == "'").all()


def test_paragraph_offsets_point_at_the_same_text(cleaned, raw):
    for paragraph in cleaned.paragraphs.to_dict("records"):
        start, end = paragraph["raw_start"], paragraph["raw_end"]
        if not paragraph["edited"]:
            assert normalise_quotes(raw[start:end]) == paragraph["text"]
            continue
        for offset, char in enumerate(paragraph["text"]):
            raw_offset = to_raw(paragraph, offset)
            assert start <= raw_offset < end
            if normalise_quotes(raw[raw_offset]) != char:
                assert char == " " and raw[raw_offset - 1] in ".'"  # an inserted space
    assert cleaned.paragraphs["edited"].sum() == 4


def test_main_paragraph_offsets_are_the_raw_lines(cleaned, raw):
    main = cleaned.paragraphs[cleaned.paragraphs["article_id"] == 1]
    for paragraph in main.itertuples():
        assert raw[paragraph.raw_start : paragraph.raw_end] == paragraph.text


def test_sentence_offsets_point_at_the_same_text(cleaned, raw):
    sentences = cleaned.sentences
    assert len(sentences) == 95  # a regression snapshot of the code's output
    for sentence in sentences.itertuples():
        raw_text = normalise_quotes(raw[sentence.raw_start : sentence.raw_end])
        assert raw_text.replace(" ", "") == sentence.text.replace(" ", "")


def test_sentences_table_agrees_with_the_paragraphs_sentence_counts(cleaned):
    sentences = cleaned.sentences
    assert list(sentences["sentence_id"]) == list(range(1, len(sentences) + 1))
    counted = sentences.groupby("paragraph_id").size()
    for paragraph in cleaned.paragraphs.itertuples():
        assert counted.get(paragraph.paragraph_id, 0) == paragraph.sentences
        numbers = sentences[sentences["paragraph_id"] == paragraph.paragraph_id]["sentence_no"]
        assert list(numbers) == list(range(1, paragraph.sentences + 1))


def test_line_labels_match_the_reference_perfectly(cleaned):
    reference = load_line_labels()
    assert len(reference) == 63
    score = score_line_labels(cleaned.lines, reference)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert score.action_accuracy == score.reason_accuracy == score.article_accuracy == 1.0
    assert score.is_perfect()
    assert score.confusion.loc["drop", "drop"] == 38
    assert score.confusion.loc["keep", "keep"] == 15
    assert score.confusion.loc["metadata", "metadata"] == 7
    assert score.confusion.loc["headline", "headline"] == 3


def test_lines_table_columns_and_values(cleaned):
    lines = cleaned.lines
    assert list(lines.columns) == [
        "line_no", "text", "chars", "words", "stop_share", "repeats", "start", "end",
        "action", "reason", "article_id", "why", "original",
    ]  # fmt: skip
    assert len(lines) == 63
    assert lines["line_no"].tolist() == list(range(1, 64))
    assert lines.loc[1, "repeats"] == 2 and lines.loc[31, "repeats"] == 3
    assert lines.loc[5, ["action", "reason"]].tolist() == ["metadata", "source_time"]
    assert lines.loc[38, ["action", "reason"]].tolist() == ["metadata", "source_echo"]


def test_write_outputs_writes_readable_csv(cleaned, tmp_path):
    paths = write_outputs(cleaned, tmp_path / "out")
    names = sorted(path.name for path in paths)
    assert names == sorted(
        [
            "lines.csv", "articles.csv", "paragraphs.csv", "sentences.csv", "removals.csv",
            "repairs.csv", "quote_marks.csv", "quote_flags.csv", "cleaning_log.csv",
        ]
    )  # fmt: skip
    paragraphs = pd.read_csv(tmp_path / "out" / "paragraphs.csv")
    row = paragraphs[paragraphs["edited"]].iloc[0].to_dict()
    offset = row["text"].index("A senior European")
    assert cleaned.raw[to_raw(row, offset) : to_raw(row, offset) + 17] == "A senior European"
    articles = pd.read_csv(tmp_path / "out" / "articles.csv")
    assert list(articles["source"]) == ["Mint", "First Post", "Indian Express"]


def test_cleaning_is_fast_without_the_model(raw):
    started = time.perf_counter()
    clean_page(raw)
    assert time.perf_counter() - started < 0.5
