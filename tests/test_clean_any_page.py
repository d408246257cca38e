"""The cleaner on pages it was not written for (issue 14): the new-user failures, dates,
web pages (HTML), the override file, and one clear line for every bad web page.

Every page here is made up for the test (tests/pages/riverside_post_library_fire.*)."""

from __future__ import annotations

import gzip
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from newstext.cleaning.overrides import (
    OverrideError,
    overrides_path,
    read_overrides,
    save_overrides,
)
from newstext.cleaning.pipeline import clean_file, clean_page, write_outputs
from newstext.core.errors import PageError
from newstext.course.cli import main

PAGES = Path(__file__).parent / "pages"
TEXT_PAGE = PAGES / "riverside_post_library_fire.txt"
HTML_PAGE = PAGES / "riverside_post_library_fire.html"
HEADLINE = "Library reopens a week after fire as council talks on repairs stall"


@pytest.fixture(scope="module")
def cleaned():
    return clean_file(TEXT_PAGE)


def line(cleaned, text: str) -> pd.Series:
    rows = cleaned.lines[cleaned.lines["text"].str.strip() == text]
    assert len(rows) == 1, text
    return rows.iloc[0]


# -- the new-user failures of issue 14 ---------------------------------------------------------


def test_listen_to_this_article_and_a_navigation_bar_are_not_the_headline(cleaned):
    assert cleaned.articles.at[0, "headline"] == HEADLINE
    assert line(cleaned, "Listen to this article")["action"] == "drop"
    assert line(cleaned, "World Politics Culture Podcasts")["action"] == "drop"


@pytest.mark.parametrize(
    "sentence",
    [
        "By Friday, the talks had collapsed.",  # not a byline
        "Residents can sign up at the town hall.",  # not a subscribe prompt
        "Police said the suspect had no criminal background.",  # not a "background"
    ],
)
def test_short_sentences_are_prose_not_furniture(cleaned, sentence):
    row = line(cleaned, sentence)
    assert (row["action"], row["reason"], row["article_id"]) == ("keep", "body", 1)
    assert sentence in cleaned.articles.at[0, "body"].split("\n\n")


def test_a_photo_caption_is_not_kept_as_a_subheading(cleaned):
    caption = line(cleaned, "Volunteers clear the damaged reading room")
    assert (caption["action"], caption["reason"]) == ("drop", "photo_caption")
    assert "credit" in caption["why"]
    assert line(cleaned, "Photo: Jane Smith / Riverside Post")["action"] == "drop"
    assert "Volunteers clear" not in cleaned.articles.at[0, "body"]


def test_the_byline_is_read_in_a_byline_form(cleaned):
    assert cleaned.articles.at[0, "byline"] == "Maria Alvarez"
    assert line(cleaned, "By Maria Alvarez")["reason"] == "byline"


def test_a_page_without_a_date_gets_no_date_and_the_log_says_why(cleaned):
    assert cleaned.articles.at[0, "time_ago"] == "3 hours ago"
    assert pd.isna(cleaned.articles.at[0, "published_estimate"])
    assert cleaned.reference_date is None
    why = cleaned.page_log().query("step == 'date'")["why"].iloc[0]
    assert "no date" in why and "3 hours ago" in why and "--reference-date" in why


def test_every_line_has_a_reason_and_why_in_the_table_and_the_log(cleaned):
    assert cleaned.lines["why"].str.len().gt(0).all()
    logged = cleaned.log[cleaned.log["step"] == "line"]
    assert logged["line_no"].tolist() == cleaned.lines["line_no"].tolist()
    assert (logged["why"].to_numpy() == cleaned.lines["why"].to_numpy()).all()


# -- dates ----------------------------------------------------------------------------------------

BODY = (
    "The council approved the plan on Monday after a long debate, and the work on the new "
    "bridge will start in the spring, officials said."
)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Nov. 19, 2019", "2019-11-19"),
        ("2019-11-19", "2019-11-19"),
        ("19 November 2019", "2019-11-19"),
    ],
)
def test_a_date_printed_on_the_page_is_the_articles_date(printed, expected):
    cleaned = clean_page(f"Bridge plan approved after long debate\n{printed}\n{BODY}")
    assert cleaned.articles.at[0, "published_estimate"] == expected
    assert "printed on the page" in cleaned.page_log().query("step == 'date'")["why"].iloc[0]


def test_a_relative_time_needs_a_reference_date():
    text = f"Bridge plan approved after long debate\n2 days ago\n{BODY}"
    assert pd.isna(clean_page(text).articles.at[0, "published_estimate"])
    given = clean_page(text, date(2019, 11, 21))
    assert given.articles.at[0, "published_estimate"] == "2019-11-19"
    assert "given by the caller" in given.page_log().query("step == 'date'")["why"].iloc[0]


def test_a_relative_time_counts_back_from_a_date_the_page_prints():
    masthead = "Thursday, Nov. 21, 2019\nHome | News | Sport\nWeather\nToday's paper"
    text = f"{masthead}\nBridge plan approved after long debate\n2 days ago\n{BODY}"
    cleaned = clean_page(text)
    assert cleaned.reference_date == date(2019, 11, 21)
    assert cleaned.articles.at[0, "published_estimate"] == "2019-11-19"
    why = cleaned.page_log().query("step == 'date'")["why"].iloc[0]
    assert "the latest date the page prints" in why


def test_the_course_date_is_never_given_to_another_page(tmp_path):
    copy = tmp_path / "page.txt"
    copy.write_bytes(TEXT_PAGE.read_bytes())
    assert clean_file(copy).reference_date is None
    assert main(["clean", str(copy), "--out", str(tmp_path / "out")]) == 0
    articles = pd.read_csv(tmp_path / "out" / "articles.csv")
    assert articles["published_estimate"].isna().all()
    assert (
        main(
            ["clean", str(copy), "--out", str(tmp_path / "out2"), "--reference-date", "2025-03-14"]
        )
        == 0
    )
    assert (
        pd.read_csv(tmp_path / "out2" / "articles.csv").at[0, "published_estimate"] == "2025-03-14"
    )


# -- web pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".htm", ".html.gz"])
def test_clean_reads_a_web_page_with_trafilatura(tmp_path, suffix, capsys):
    page = tmp_path / f"library{suffix}"
    data = HTML_PAGE.read_bytes()
    page.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    out = tmp_path / "out"
    assert main(["clean", str(page), "--out", str(out)]) == 0
    assert "extracted.txt" in capsys.readouterr().out
    extracted = (out / "extracted.txt").read_text(encoding="utf-8")
    articles = pd.read_csv(out / "articles.csv")
    assert articles.at[0, "headline"] == HEADLINE
    assert articles.at[0, "byline"] == "Maria Alvarez"
    assert articles.at[0, "published_estimate"] == "2025-03-14"
    body = articles.at[0, "body"].split("\n\n")
    assert "By Friday, the talks had collapsed." in body
    assert "Police said the suspect had no criminal background." in body
    assert not any("Town pool" in p or "Podcasts" in p or "Photo:" in p for p in body)
    paragraphs = pd.read_csv(out / "paragraphs.csv")
    for row in paragraphs.itertuples():  # offsets point into extracted.txt
        assert extracted[row.raw_start : row.raw_end] == row.text
    log = pd.read_csv(out / "cleaning_log.csv")
    assert "trafilatura" in log.at[0, "why"]


def test_a_web_page_is_named_without_its_suffixes():
    from newstext.core.paths import page_name

    assert page_name("x/library.html.gz") == page_name("x/library.html") == "library"


def bad(tmp_path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_PAGES = {
    "empty": ("page.html", b"", "is empty"),
    "binary": ("page.html", b"<html>\x00\x01\x02", "looks binary"),
    "broken gzip": ("page.html.gz", b"not gzip at all", "not a valid gzip file"),
    "no HTML": ("page.html", b"Just some words, no tags at all.", "holds no HTML"),
    "no text": ("page.html", b"<html><head><title>x</title></head><body></body></html>", "no text"),
    "broken HTML": ("page.htm", b"<html><body><div><p>\xff\xfe</div", "not valid utf-8"),
}


@pytest.mark.parametrize("case", BAD_PAGES)
def test_every_bad_web_page_gives_one_line(tmp_path, capsys, case):
    name, data, says = BAD_PAGES[case]
    path = bad(tmp_path, name, data)
    with pytest.raises(PageError) as caught:
        clean_file(path)
    assert says in str(caught.value) and "\n" not in str(caught.value)
    assert main(["clean", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and says in err[0]
    assert not (tmp_path / "out").exists()


def test_a_huge_web_page_gives_one_line(tmp_path):
    path = tmp_path / "page.html"
    with open(path, "wb") as big:
        big.truncate(25_000_000)
    with pytest.raises(PageError, match="over the 20,000,000-byte limit"):
        clean_file(path)


# -- the override file (notebook 05) -----------------------------------------------------------


@pytest.fixture
def own_page(tmp_path):
    page = tmp_path / "library_fire.txt"
    shutil.copy(TEXT_PAGE, page)
    yield page
    overrides_path(page).unlink(missing_ok=True)


def test_overrides_live_in_the_students_folder(own_page):
    from newstext.core.paths import students_dir

    path = overrides_path(own_page)
    assert path == students_dir() / "overrides" / "library_fire.csv"
    assert read_overrides(own_page) == {}
    assert save_overrides(own_page, {23: "drop", 6: "Headline"}) == path
    assert path.read_text(encoding="utf-8") == "line_no,action\n6,headline\n23,drop\n"
    assert read_overrides(own_page) == {6: "headline", 23: "drop"}


def test_clean_file_applies_the_override_file_and_logs_it(own_page):
    before = clean_file(own_page)
    save_overrides(own_page, {17: "keep", 23: "drop", 6: "headline"})
    after = clean_file(own_page)
    changed = after.lines[after.lines["reason"] == "override"]
    assert changed["line_no"].tolist() == [6, 8, 17, 23]  # 8: the former headline
    by_line = changed.set_index("line_no")
    assert by_line.at[17, "original"] == "drop/photo_caption"
    assert by_line.at[8, "original"] == "headline/headline" and by_line.at[8, "action"] == "drop"
    assert after.articles.at[0, "headline"] == "Listen to this article"
    body = after.articles.at[0, "body"].split("\n\n")
    assert "Volunteers clear the damaged reading room" in body
    assert body[-1] != before.articles.at[0, "body"].split("\n\n")[-1]
    overrides = after.page_log().query("step == 'override'")
    assert overrides["line_no"].tolist() == [8, 6, 17, 23]
    assert all("was " in why for why in overrides["why"])


def test_a_bad_override_file_gives_one_line(own_page):
    path = overrides_path(own_page)
    path.parent.mkdir(parents=True, exist_ok=True)
    for content, says in [
        ("line,what\n3,drop\n", "first row must be 'line_no,action'"),
        ("line_no,action\nthree,drop\n", "whole number"),
        ("line_no,action\n3,delete\n", "must be one of keep, drop, headline, metadata"),
        ("line_no,action\n3,drop\n3,keep\n", "given twice"),
        ("line_no,action\n999,drop\n", "not on the page"),
    ]:
        path.write_text(content, encoding="utf-8")
        with pytest.raises(OverrideError, match=says) as caught:
            clean_file(own_page)
        assert "\n" not in str(caught.value)
    with pytest.raises(OverrideError):
        save_overrides(own_page, {0: "drop"})


def test_page_docs_and_cleaned_page_notice_a_changed_override_file(own_page, tmp_path, monkeypatch):
    from newstext.exploring import page_docs as module

    monkeypatch.setattr(module, "article_docs", lambda cleaned, nlp: [])
    monkeypatch.setattr(module, "load_english", lambda: None)
    monkeypatch.setattr(module, "output_dir", lambda cleaned: tmp_path / "out")
    first, _ = module.page_docs(own_page)
    assert module.page_docs(own_page)[0] is first  # cached
    save_overrides(own_page, {15: "drop"})
    second, _ = module.page_docs(own_page)
    assert second is not first
    written = pd.read_csv(tmp_path / "out" / "lines.csv")
    assert written.set_index("line_no").at[15, "reason"] == "override"
    overrides_path(own_page).unlink()
    module.cleaned_page(own_page)
    assert "override" not in set(pd.read_csv(tmp_path / "out" / "lines.csv")["reason"])


def test_write_outputs_writes_the_cleaning_log(cleaned, tmp_path):
    names = {path.name for path in write_outputs(cleaned, tmp_path)}
    assert "cleaning_log.csv" in names and "extracted.txt" not in names


# -- the bundled second page, against its hand line labels --------------------------------------


def test_the_bundled_page_against_its_hand_line_labels():
    """A regression SNAPSHOT of the code's output, not a target: the cleaner was not written
    for this page, and its one wrong action is the fact-check box's quoted claim (line 35),
    which reads as prose; notebook 05 fixes it with an override file."""
    from newstext.cleaning.line_scores import load_line_labels, score_line_labels
    from newstext.core.paths import annotations_dir, raw_dir

    cleaned = clean_file(raw_dir() / "polygraph_rukban_2019-11.txt")
    labels = annotations_dir() / "polygraph_rukban_2019-11" / "line_labels.csv"
    score = score_line_labels(cleaned.lines, load_line_labels(labels))
    assert (score.precision, round(score.recall, 3), round(score.f1, 3)) == (1.0, 0.989, 0.995)
    assert round(score.action_accuracy, 3) == 0.992  # 120 of 121 lines
    wrong = score.disagreements[
        score.disagreements["action_ref"] != score.disagreements["action_pred"]
    ]
    assert wrong["line_no"].tolist() == [35]
    assert cleaned.articles.at[0, "published_estimate"] == "2019-11-18"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Nov. 19, 2019", "2019-11-19"),
        ("Published 19 NOVEMBER 2019", "2019-11-19"),
        ("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT", "2019-11-18"),
        ("Published Wed, Nov 20 20194:29 AM EST", "2019-11-20"),  # a time glued to the year
        ("21:17 18.11.2019", "2019-11-18"),  # day over 12: day.month.year
        ("11.14.2019 09:00 AM", "2019-11-14"),  # day over 12: month.day.year
        ("05/06/2019", None),  # May or June: left alone
        ("February 30, 2025", None),
        ("Updated Nov 19, 6:55 AM", None),  # no year
    ],
)
def test_calendar_dates_in_the_forms_pages_print(line, iso):
    from newstext.cleaning.metadata import calendar_date_in

    assert calendar_date_in(line) == iso
