"""Counting words: top words and lemmas, bigrams, and the raw page against the clean one.

Two ways of cutting text into words are used, on purpose:

* on the **tokens table** (spaCy, :func:`newstext.exploring.tables.tokens_table`), a *content token*
  is a token made of letters only (``is_alpha``: no punctuation, space or number) that is
  not a stop word. Careful: spaCy compares the lower-cased text with its stop list, so
  ``US`` (the country) is dropped as the stop word ``us``;
* on **plain text** (:func:`plain_words`), for the raw page that spaCy never parsed:
  :func:`newstext.cleaning.lines.words_of`, lower-cased, without a final ``'s``, without spaCy's
  stop words, contractions and words that hold no letter. The raw page and the cleaned
  articles are compared with this one tokenisation, so any difference comes from cleaning.
"""

from __future__ import annotations

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from newstext.cleaning.lines import words_of
from newstext.cleaning.pipeline import CleanedPage

COMPARISON_COLUMNS = ["word", "raw", "clean", "extra"]


# -- spaCy tokens ------------------------------------------------------------------------------


def content_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """The rows of the tokens table that are letters only and not stop words."""
    return tokens[tokens["is_alpha"] & ~tokens["is_stop"]]


def _ranked(counts: pd.DataFrame, key: list[str], n: int) -> pd.DataFrame:
    """Sort by count (descending), then by the term (ignoring case), and keep the first
    ``n`` per group."""
    counts = counts.assign(_alphabetical=counts["term"].str.lower())
    ordered = counts.sort_values(
        [*key, "count", "_alphabetical", "term"],
        ascending=[True] * len(key) + [False, True, True],
    )
    ordered = ordered.drop(columns="_alphabetical")
    if key:
        ordered = ordered.groupby(key, sort=False).head(n)
    else:
        ordered = ordered.head(n)
    return ordered.reset_index(drop=True)


def top_terms(
    tokens: pd.DataFrame, column: str = "lower", n: int = 10, by_article: bool = True
) -> pd.DataFrame:
    """The ``n`` most frequent values of ``column`` among the content tokens.

    Returns ``article_id, term, count`` (without ``article_id`` when ``by_article`` is
    False); ties are broken alphabetically so the list never changes between runs.
    """
    content = content_tokens(tokens)
    key = ["article_id"] if by_article else []
    counts = content.groupby([*key, column]).size().reset_index(name="count")
    counts = counts.rename(columns={column: "term"})
    return _ranked(counts, key, n)


def top_words(tokens: pd.DataFrame, n: int = 10, by_article: bool = True) -> pd.DataFrame:
    """The most frequent lower-cased words per article (see :func:`top_terms`)."""
    return top_terms(tokens, "lower", n, by_article)


def top_lemmas(tokens: pd.DataFrame, n: int = 10, by_article: bool = True) -> pd.DataFrame:
    """The most frequent lemmas per article: ``said``, ``says`` and ``say`` count as one."""
    return top_terms(tokens, "lemma", n, by_article)


def bigrams(tokens: pd.DataFrame, column: str = "text") -> pd.DataFrame:
    """Every pair of neighbouring content tokens in one sentence: ``article_id,
    sentence_id, i, first, second, bigram`` (``i`` is the first token's index).

    Neighbouring means next to each other in the text: in "Rubio and Lavrov" the stop word
    "and" stands between the names, so they make no bigram.
    """
    ordered = tokens.sort_values(["article_id", "i"])
    following = ordered.groupby("article_id").shift(-1)
    is_content = ordered["is_alpha"] & ~ordered["is_stop"]
    next_is_content = following["is_alpha"].eq(True) & following["is_stop"].eq(False)
    same_sentence = following["sentence_id"].eq(ordered["sentence_id"])
    pairs = ordered[is_content & next_is_content & same_sentence]
    table = pd.DataFrame(
        {
            "article_id": pairs["article_id"],
            "sentence_id": pairs["sentence_id"],
            "i": pairs["i"],
            "first": pairs[column],
            "second": following.loc[pairs.index, column],
        }
    )
    table["bigram"] = table["first"] + " " + table["second"]
    return table.reset_index(drop=True)


def top_bigrams(
    tokens: pd.DataFrame, n: int = 10, column: str = "text", by_article: bool = False
) -> pd.DataFrame:
    """The ``n`` most frequent bigrams (see :func:`bigrams`): ``bigram, count``, page-wide
    by default, per article (with ``article_id``) when ``by_article`` is True.

    ``column="text"`` keeps names as written ("Marco Rubio"); ``column="lower"`` merges
    "Air defense" and "air defense".
    """
    pairs = bigrams(tokens, column)
    key = ["article_id"] if by_article else []
    counts = pairs.groupby([*key, "bigram"]).size().reset_index(name="count")
    counts = counts.rename(columns={"bigram": "term"})
    return _ranked(counts, key, n).rename(columns={"term": "bigram"})


# -- plain text: the raw page against the cleaned articles --------------------------------------


def plain_word(word: str) -> str | None:
    """One word of :func:`newstext.cleaning.lines.words_of` made ready for counting, or None when it
    does not count.

    Lower-cased, curly apostrophe made straight; a final ``'s`` is cut off (``Russia's`` ->
    ``russia``, ``it's`` -> ``it``); any other contraction (``don't``, ``we're``, ``I'll``)
    is made of stop words and does not count, nor does a stop word or a word without a
    letter (``100``).
    """
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if "'" in word or word in STOP_WORDS or not any(char.isalpha() for char in word):
        return None
    return word


def plain_words(text: str) -> list[str]:
    """The words of ``text`` that count (see :func:`plain_word`), in order."""
    words = []
    for word in words_of(text):
        counted = plain_word(word)
        if counted is not None:
            words.append(counted)
    return words


def word_counts(text: str) -> pd.Series:
    """How often each of :func:`plain_words` occurs, most frequent first."""
    return pd.Series(plain_words(text), dtype="str").value_counts()


def cleaned_text(cleaned: CleanedPage, headlines: bool = True) -> str:
    """The text of the cleaned articles: each headline once (unless ``headlines`` is False),
    then its paragraphs, one per line."""
    parts = []
    for article in cleaned.articles.itertuples(index=False):
        if headlines:
            parts.append(article.headline)
        rows = cleaned.paragraphs[cleaned.paragraphs["article_id"] == article.article_id]
        parts.extend(rows.sort_values("paragraph_no")["text"])
    return "\n".join(parts)


def raw_vs_clean(cleaned: CleanedPage, headlines: bool = True) -> pd.DataFrame:
    """Word counts on the raw page (every line, furniture included) and on the cleaned
    articles (:func:`cleaned_text`), side by side: ``word, raw, clean, extra``.

    ``extra`` is ``raw - clean``: the occurrences that cleaning removed. Sorted by ``raw``
    count, then ``clean`` count (both descending), then word.
    """
    table = pd.concat(
        {"raw": word_counts(cleaned.raw), "clean": word_counts(cleaned_text(cleaned, headlines))},
        axis=1,
    )
    table = table.fillna(0).astype(int).rename_axis("word").reset_index()
    table["extra"] = table["raw"] - table["clean"]
    table = table.sort_values(["raw", "clean", "word"], ascending=[False, False, True])
    return table[COMPARISON_COLUMNS].reset_index(drop=True)


def furniture_words(comparison: pd.DataFrame, n: int = 30) -> pd.DataFrame:
    """The words that the furniture pushes into the raw top ``n``: in the raw top ``n`` but
    not in the clean top ``n`` (``comparison`` from :func:`raw_vs_clean`).

    A word is in the top ``n`` when fewer than ``n`` words are more frequent (ties share a
    rank, so a tie at the edge does not decide). Returns ``word, raw, clean, extra,
    raw_rank, clean_rank``, in raw order.
    """
    table = comparison.copy()
    table["raw_rank"] = table["raw"].rank(method="min", ascending=False).astype(int)
    table["clean_rank"] = table["clean"].rank(method="min", ascending=False).astype(int)
    pushed = table[(table["raw_rank"] <= n) & (table["clean_rank"] > n)]
    return pushed.reset_index(drop=True)
