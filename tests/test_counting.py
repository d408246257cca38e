"""counting.py: top words and lemmas, bigrams, raw page against cleaned articles."""

from __future__ import annotations

import pandas as pd

from newstext.exploring.counting import (
    COMPARISON_COLUMNS,
    bigrams,
    cleaned_text,
    content_tokens,
    furniture_words,
    plain_words,
    raw_vs_clean,
    top_bigrams,
    top_lemmas,
    top_words,
    word_counts,
)


def pairs(table: pd.DataFrame, column: str = "term") -> list[tuple[str, int]]:
    return list(zip(table[column], table["count"], strict=True))


# -- spaCy tokens ----------------------------------------------------------------------------


def test_content_tokens_are_letters_and_not_stop_words(tokens):
    content = content_tokens(tokens)
    assert content["is_alpha"].all() and not content["is_stop"].any()
    assert list(content.groupby("article_id").size()) == [178, 283, 622]


def test_top_lemmas_of_the_main_article(tokens):
    """Putin and Rubio 7 times each; then three lemmas tie at 5 (checked by hand:
    meeting in paragraphs 1, 2, 7 and twice in 12; Russian in 1, 4, 6, 7, 11; said in 2, 3,
    6, 8, 11); ties are listed alphabetically."""
    main = top_lemmas(tokens, n=5).query("article_id == 1")
    assert pairs(main) == [
        ("Putin", 7),
        ("Rubio", 7),
        ("meeting", 5),
        ("russian", 5),
        ("say", 5),
    ]
    assert list(top_lemmas(tokens, n=3).query("article_id == 1")["term"]) == [
        "Putin",
        "Rubio",
        "meeting",
    ]


def test_top_words_per_article(tokens):
    top = top_words(tokens, n=3)
    assert list(top.columns) == ["article_id", "term", "count"]
    assert pairs(top) == [
        ("putin", 7),
        ("rubio", 7),
        ("meeting", 5),
        ("cuban", 11),
        ("states", 7),
        ("united", 7),
        ("ukraine", 28),
        ("said", 26),
        ("weapons", 18),
    ]


def test_lemmas_merge_what_words_keep_apart(tokens):
    words = dict(pairs(top_words(tokens, n=5, by_article=False)))
    lemmas = dict(pairs(top_lemmas(tokens, n=5, by_article=False)))
    assert words["said"] == 35  # said only (5 + 4 + 26)
    assert lemmas["say"] == 37  # and "saying" (First Post), "says" ("Graham says Trump ...")


def test_page_wide_top_words_have_no_article_id(tokens):
    top = top_words(tokens, n=2, by_article=False)
    assert list(top.columns) == ["term", "count"]
    assert pairs(top) == [("said", 35), ("ukraine", 32)]


def test_bigrams_are_neighbouring_content_tokens_in_one_sentence(tokens):
    table = bigrams(tokens)
    assert list(table.columns) == ["article_id", "sentence_id", "i", "first", "second", "bigram"]
    marco = table[table["bigram"] == "Marco Rubio"]
    assert list(marco["article_id"]) == [1, 2, 3]
    assert "Rubio Lavrov" not in set(table["bigram"])  # "Rubio and Lavrov": "and" between
    assert not table["bigram"].str.contains(r"\.").any()


def test_top_bigrams_of_the_page(tokens):
    assert pairs(top_bigrams(tokens, n=6), "bigram") == [
        ("United States", 10),
        ("Rubio said", 9),
        ("Trump said", 4),
        ("Zelenskyy said", 4),
        ("Donald Trump", 3),
        ("Marco Rubio", 3),
    ]


def test_air_defense_twice_as_written_four_times_as_lemmas(tokens):
    as_written = dict(pairs(top_bigrams(tokens, n=500), "bigram"))
    assert as_written["air defense"] == 2 and as_written["air defenses"] == 2
    lemmas = dict(pairs(top_bigrams(tokens, n=500, column="lemma"), "bigram"))
    assert lemmas["air defense"] == 4


def test_top_bigrams_per_article(tokens):
    main = top_bigrams(tokens, n=2, by_article=True).query("article_id == 1")
    assert pairs(main, "bigram") == [("Rubio said", 3), ("President Vladimir", 2)]


# -- plain text: raw against clean -----------------------------------------------------------


def test_plain_words():
    text = "Rubio\u2019s \u2018I don't want' 100% Daily8 app-storeplay-store; it's THE app"
    assert plain_words(text) == ["rubio", "want", "daily8", "app", "storeplay", "store", "app"]


def test_word_counts_most_frequent_first():
    counts = word_counts("Download the app. Download the APP today: app store")
    assert counts.to_dict() == {"app": 3, "download": 2, "today": 1, "store": 1}


def test_cleaned_text_has_each_headline_once(cleaned):
    text = cleaned_text(cleaned)
    headline = cleaned.articles.loc[0, "headline"]
    assert text.startswith(headline + "\nUS Secretary of State")
    assert text.count(headline) == 1
    assert headline not in cleaned_text(cleaned, headlines=False)


def test_raw_vs_clean_side_by_side(cleaned):
    table = raw_vs_clean(cleaned)
    assert list(table.columns) == COMPARISON_COLUMNS
    assert (table["raw"] >= table["clean"]).all()  # cleaning only takes words away
    rows = table.set_index("word")
    assert rows.loc["app"].to_dict() == {"raw": 5, "clean": 0, "extra": 5}
    assert rows.loc["download"].to_dict() == {"raw": 3, "clean": 0, "extra": 3}
    assert rows.loc["comments"].to_dict() == {"raw": 2, "clean": 0, "extra": 2}
    # the duplicate of the First Post's first sentence, cut as a teaser, had one "said":
    assert rows.loc["said"].to_dict() == {"raw": 36, "clean": 35, "extra": 1}
    # the main headline is printed twice on the page, kept once:
    assert rows.loc["lavrov"].to_dict() == {"raw": 4, "clean": 3, "extra": 1}
    assert list(table["word"][:3]) == ["ukraine", "said", "trump"]


def test_furniture_pushes_app_and_repeated_headline_words_into_the_raw_top_30(cleaned):
    pushed = furniture_words(raw_vs_clean(cleaned), n=30)
    assert list(pushed["word"]) == [
        "protests",
        "going",
        "government",
        "marco",
        "secretary",
        "end",
        "paying",
        "sanctions",
        "anniversary",
        "fourth",
        "historic",
        "app",
    ]
    assert (pushed["raw_rank"] <= 30).all() and (pushed["clean_rank"] > 30).all()


def test_nothing_is_pushed_into_the_top_10(cleaned):
    assert furniture_words(raw_vs_clean(cleaned), n=10).empty
