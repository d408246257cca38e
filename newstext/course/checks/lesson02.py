"""Checks for the exercises of notebook 02, "Exploring".

Every expected answer is computed here from the raw page (cleaned and parsed once per
process by :func:`parsed_page`), never typed in, so that the checks follow the package if
the cleaner or the model changes, and a student's own tables cannot change what is right.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd
from matplotlib.figure import Figure
from spacy.lang.en.stop_words import STOP_WORDS

from newstext.course.checks.core import Verdict, exercise, right, type_problem, wrong
from newstext.exploring.counting import content_tokens
from newstext.exploring.dispersion import NAMES, term_positions
from newstext.exploring.names import NAME_LABELS
from newstext.exploring.numbers import ambiguous_numbers, numbers_table, unit_conversions
from newstext.exploring.page_docs import course_docs
from newstext.exploring.tables import sentences_table, tokens_table


@dataclass(frozen=True)
class ParsedPage:
    """The tables the checks compare answers with."""

    main_id: int
    tokens: pd.DataFrame
    sentences: pd.DataFrame
    numbers: pd.DataFrame


@cache
def parsed_page() -> ParsedPage:
    """The tables of the course page, from the parse the notebook already made
    (``corpus.course_docs``), so that checking never parses the page again."""
    cleaned, docs = course_docs()
    tokens = tokens_table(cleaned, docs)
    main_id = int(cleaned.articles.loc[cleaned.articles["role"] == "main", "article_id"].item())
    return ParsedPage(main_id, tokens, sentences_table(cleaned, docs), numbers_table(docs, tokens))


def _is_int(answer: object) -> bool:
    """True for a whole number, a NumPy one included (``idxmax`` returns ``numpy.int64``)."""
    return isinstance(answer, numbers.Integral) and not isinstance(answer, bool)


# --- Exercise 2.1: the article with the longest sentences on average -----------------------


@exercise("2.1")
def longest_average_sentence(answer: object) -> Verdict:
    """The ``article_id`` whose spaCy sentences have the most words on average."""
    if isinstance(answer, str):
        return wrong("give the article's `article_id` (an int), not a name or a text.")
    if not _is_int(answer):
        return wrong(type_problem(answer, int, "an article_id (an int)"))
    sentences = parsed_page().sentences
    lengths = sentences.groupby("article_id")["n_words"]
    means = lengths.mean()
    if answer not in means.index:
        ids = ", ".join(str(article_id) for article_id in means.index)
        return wrong(f"there is no article {answer}: the article ids are {ids}.")
    expected = int(means.idxmax())
    if answer == expected:
        others = ", ".join(
            f"{means[article_id]:.1f} in article {article_id}"
            for article_id in means.index
            if article_id != expected
        )
        by_tokens = int(sentences.groupby("article_id")["n_tokens"].mean().idxmax())
        same_by_tokens = (
            " `n_tokens` would name the same article here, but it counts punctuation too: "
            "the question is about words, `n_words`."
            if by_tokens == expected
            else ""
        )
        return right(
            f"article {expected}: {means[expected]:.1f} words per sentence on average, against "
            f"{others}. Whether that lead is a difference is your written answer."
            + same_by_tokens
        )
    longest_single = int(lengths.max().idxmax())
    most_words = int(lengths.sum().idxmax())
    if answer in (longest_single, most_words):
        has = []
        if answer == longest_single:
            has.append("the longest single sentence")
        if answer == most_words:
            has.append("the most words in all")
        return wrong(
            f"article {answer} has {' and '.join(has)}, but the question asks for the "
            "average: the mean of `n_words` per article (groupby, then mean)."
        )
    if answer == int(means.idxmin()):
        return wrong(
            "that is the article with the *shortest* sentences on average: look for the "
            "largest mean, not the smallest (`idxmax`, not `idxmin`)."
        )
    return wrong("that is not the article with the largest mean of `n_words`.")


# --- Exercise 2.2: the main article's most frequent lemmas ---------------------------------

#: The question's threshold: lemmas seen at least this often in the main article.
MIN_COUNT = 5


def _as_terms(answer: object) -> list[str] | str:
    """The terms of an answer (a set, list, tuple, Index, or a Series as ``value_counts``
    gives it), or a message saying why they cannot be read."""
    if isinstance(answer, str):
        return "give a collection of lemmas (a set or a list), not one string."
    if isinstance(answer, pd.DataFrame):
        return "give the lemmas themselves (a set or list of strings), not a whole table."
    if isinstance(answer, pd.Series) and pd.api.types.is_numeric_dtype(answer):
        answer = answer.index  # value_counts(): the lemmas are the index
    if isinstance(answer, dict):
        answer = answer.keys()
    if not isinstance(answer, Iterable):
        return f"the answer should be a set of lemmas, but it is a {type(answer).__name__}."
    terms = []
    for item in answer:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            item = item[0]  # Counter.most_common(): (lemma, count) pairs
        if not isinstance(item, str):
            return f"every lemma should be a string, but {item!r} is a {type(item).__name__}."
        terms.append(item)
    return terms


def _frequent(tokens: pd.DataFrame, column: str, minimum: int) -> pd.Series:
    """How often each content token's ``column`` value occurs, when at least ``minimum``."""
    counts = content_tokens(tokens)[column].value_counts()
    return counts[counts >= minimum]


def _content_lemmas(tokens) -> set[str]:
    """The lemmas (case folded) of the content tokens of ``tokens``."""
    return {lemma.casefold() for lemma in content_tokens(tokens)["lemma"]}


@exercise("2.2")
def frequent_lemmas(answer: object) -> Verdict:
    """The lemmas seen at least MIN_COUNT times among the main article's content tokens."""
    terms = _as_terms(answer)
    if isinstance(terms, str):
        return wrong(terms)
    page = parsed_page()
    tokens = page.tokens
    main = tokens[tokens["article_id"] == page.main_id]
    counts = content_tokens(main)["lemma"].value_counts()
    folded_counts = counts.groupby(counts.index.str.casefold()).sum()
    expected = {lemma.casefold() for lemma in counts[counts >= MIN_COUNT].index}
    given = {term.casefold() for term in terms}
    if given == expected:
        if len(terms) != len(given):
            return wrong("your answer lists a lemma more than once: give each lemma once.")
        message = (
            f"these {len(expected)} lemmas occur {MIN_COUNT} times or more in the main article; "
            f"every other lemma fewer than {MIN_COUNT} times."
        )
        if not isinstance(answer, set | frozenset):
            kind = "Series" if isinstance(answer, pd.Series) else type(answer).__name__
            message += (
                f" A set was asked, and you gave a {kind}: the question asks which lemmas, "
                "not in what order."
            )
        message += (
            f" If you took the first {len(expected)} with `head({len(expected)})` or "
            f"`most_common`, it is right here only by luck: exactly {len(expected)} lemmas "
            f"reach {MIN_COUNT}, and `head(n)` keeps n lemmas whatever their counts."
        )
        return right(message)
    word_forms = {word.casefold() for word in _frequent(main, "lower", MIN_COUNT).index}
    if given == word_forms:
        return wrong(
            "you counted word forms (the `lower` or `text` column), not lemmas: a lemma counts "
            "'talks', 'talked' and 'talking' as one. Use the `lemma` column."
        )
    page_wide = {lemma.casefold() for lemma in _frequent(tokens, "lemma", MIN_COUNT).index}
    outside = given - set(folded_counts.index)
    if any(not term.isalpha() for term in given - expected):
        return wrong(
            "your answer holds punctuation or numbers: count only content tokens, made of "
            "letters and not stop words (`counting.content_tokens`, or `is_alpha` and not "
            "`is_stop`)."
        )
    if given == page_wide or (outside and given <= page_wide):
        return wrong(
            "that counts the whole page: keep only the main article's tokens first "
            f"(`article_id == {page.main_id}`)."
        )
    stop_words = {term for term in given - expected if term in STOP_WORDS}
    if stop_words and not _content_lemmas(main) >= stop_words:
        return wrong(
            "your answer holds stop words: count only content tokens, not stop words "
            "(`counting.content_tokens`, or `is_alpha` and not `is_stop`)."
        )
    if outside:
        return wrong(
            f"{sorted(outside)} never occur(s) as a lemma of the main article's content tokens: "
            "check the `lemma` column, and the article."
        )
    too_rare = sorted(term for term in terms if term.casefold() not in expected)
    if too_rare:
        return wrong(
            f"{too_rare} occur(s) fewer than {MIN_COUNT} times in the main article: keep only "
            f"the lemmas with a count of at least {MIN_COUNT}."
        )
    # The answer is a strict subset of the expected lemmas.
    above = {lemma for lemma in expected if folded_counts[lemma] > MIN_COUNT}
    if given == above:
        return wrong(
            f"you kept the lemmas seen more than {MIN_COUNT} times; 'at least {MIN_COUNT}' "
            f"includes those seen exactly {MIN_COUNT} times (`>=`, not `>`)."
        )
    lowest_given = min(folded_counts[term] for term in given)
    tied = [lemma for lemma in expected - given if folded_counts[lemma] == lowest_given]
    more_frequent = {lemma for lemma in expected if folded_counts[lemma] > lowest_given}
    if tied and more_frequent <= given:
        sharing = sum(1 for lemma in expected if folded_counts[lemma] == lowest_given)
        return wrong(
            f"your list stops inside a tie: {sharing} lemmas share the count of your last one, "
            f"{lowest_given}, and `head(n)` keeps only some of them. Keep every lemma whose "
            f"count is at least {MIN_COUNT} (a boolean mask on the counts)."
        )
    return wrong(
        f"{len(expected - given)} lemma(s) seen at least {MIN_COUNT} times are missing from "
        "your answer."
    )


# --- Exercise 2.3: a new name in the dispersion plot ----------------------------------------


def _figure_terms(figure: Figure) -> set[str]:
    """The y tick labels of every panel of a figure (the terms of a dispersion plot)."""
    return {label.get_text() for ax in figure.axes for label in ax.get_yticklabels()}


@exercise("2.3")
def dispersion_terms(answer: object, figure: object = None) -> Verdict:
    """A list of terms that keeps ``dispersion.NAMES`` and adds a name found in the articles;
    when ``figure`` is given, the dispersion plot drawn from them shows the new name."""
    if isinstance(answer, str):
        return wrong("give a list of terms, not one string: the course's names and yours.")
    if not isinstance(answer, list | tuple):
        return wrong(type_problem(answer, list, "a list of terms (strings)"))
    if not all(isinstance(term, str) for term in answer):
        return wrong("every term should be a string.")
    given = {term.casefold() for term in answer}
    missing = [name for name in NAMES if name.casefold() not in given]
    if missing:
        return wrong(
            f"keep the course's names and add yours: {missing} missing. Start from `[*NAMES, ...]`."
        )
    known = {name.casefold() for name in NAMES}
    new = [term for term in answer if term.casefold() not in known]
    if not new:
        return wrong("every term is already in `NAMES`: add a name the plot does not show yet.")
    tokens = parsed_page().tokens
    for term in new:
        found = term_positions(tokens, [term])
        if found.empty:
            if any(char.isspace() or char == "-" for char in term.strip()):
                return wrong(
                    f"{term!r} is more than one token (spaCy splits at spaces and hyphens), "
                    "and a term is matched against one token at a time: give one word of it."
                )
            return wrong(
                f"{term!r} does not occur as a token of the articles. Check the spelling the "
                "page uses: search the `lower` column of the tokens table."
            )
        occurrences = tokens[tokens["lower"] == term.casefold()]
        if not occurrences["ent_type"].isin(NAME_LABELS).any():
            return wrong(
                f"{term!r} occurs, but never as part of a name (spaCy's PERSON, ORG, GPE or "
                "NORP entities): choose a person, a place, an organisation or a nationality."
            )
    if figure is not None:
        if not isinstance(figure, Figure):
            return wrong(f"the second argument should be a Figure, not {type(figure).__name__}.")
        not_drawn = [term for term in new if term not in _figure_terms(figure)]
        if not_drawn:
            return wrong(
                f"your terms are fine, but the figure does not show {not_drawn}: run the cell "
                "that draws the plot from `my_terms` again."
            )
    found = term_positions(tokens, new)
    per_article = found.groupby("article_id").size()
    where = ", ".join(f"{count} in article {article}" for article, count in per_article.items())
    message = f"{', '.join(repr(term) for term in new)} found {len(found)} times ({where})."
    matched = tokens[tokens["lower"].isin([term.casefold() for term in new])]
    not_names = int((~matched["ent_type"].isin(NAME_LABELS)).sum())
    if not_names:
        message += (
            f" Careful: spaCy tags {not_names} of them as no name at all: a model miss, or a "
            "word that only looks the same (the match ignores case, so `US` also finds the "
            "pronoun `us`). Look at them in the tokens table."
        )
    return right(message)


# --- Exercise 2.4: the number to doubt ------------------------------------------------------


def _unit(row: pd.Series) -> str | None:
    """The unit of a row of the numbers table, None when the number has none."""
    return row["unit"] if isinstance(row["unit"], str) else None


@exercise("2.4")
def doubtful_number(answer: object) -> Verdict:
    """The ``sentence_id`` (numbers table) of the count that a range next to it contradicts,
    as :func:`newstext.exploring.numbers.ambiguous_numbers` finds it."""
    if isinstance(answer, str):
        return wrong(
            "give the `sentence_id` (an int) of the numbers table, not the number as text: "
            "the same number can be written in more than one sentence."
        )
    if not _is_int(answer):
        return wrong(type_problem(answer, int, "a sentence_id (an int)"))
    page = parsed_page()
    found = page.numbers
    doubtful = ambiguous_numbers(found)
    if answer in set(doubtful["sentence_id"]):
        row = doubtful[doubtful["sentence_id"] == answer].iloc[0]
        count = " ".join(part for part in (row["number"], _unit(row)) if part)
        return right(
            f"{count} against {row['range']} a sentence away: "
            "two figures for one thing, and the page does not say which is right. Quote "
            "either only with its source."
        )
    if answer in set(doubtful["range_sentence_id"]):
        return wrong(
            "that sentence holds the range; the question asks for the sentence of the single "
            "count that the range contradicts."
        )
    conversions = unit_conversions(found)
    converted = conversions[conversions["sentence_id"] == answer]
    if not converted.empty:
        row = converted.iloc[0]
        return wrong(
            f"that sentence gives one distance in two units, and they agree: {row['number']} "
            f"{row['unit']}s make {row['expected']:,.0f} {row['given_unit']}s, so "
            f"{row['given']} is a fair rounding, not a mistake. Look for two figures for one "
            "thing that cannot both be right."
        )
    in_sentence = found[found["sentence_id"] == answer]
    lookalikes = in_sentence[in_sentence["value"].isin(doubtful["value"])]
    if not lookalikes.empty:
        row = lookalikes.iloc[0]
        hedge = ""
        if isinstance(row["qualifier"], str):
            hedge = f"'{row['qualifier']}' in front of it says it is not exact, and "
        return wrong(
            f"that figure counts {_unit(row) or 'thing'}s: {hedge}no other figure next to it "
            "disagrees. The same number can count different things; look for a count that "
            "another figure a sentence away contradicts."
        )
    if in_sentence.empty:
        sentence_ids = page.sentences["sentence_id"]
        if answer not in set(sentence_ids):
            return wrong(
                f"there is no sentence {answer}: the ids go from {sentence_ids.min()} to "
                f"{sentence_ids.max()}."
            )
        return wrong(
            f"sentence {answer} holds no number: take a `sentence_id` of the numbers table."
        )
    return wrong(
        "nothing near the numbers of that sentence contradicts them. Look for a count, and "
        "in the sentence before or after it, a range for the same thing."
    )
