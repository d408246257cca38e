"""Checks for the exercises of notebook 03, "Annotating with spaCy"."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import pandas as pd
import spacy
from spacy.tokens import Token

from newstext.annotating.quotations import extract_quotes, quotes_table
from newstext.core.model import load_english
from newstext.course.checks.core import Verdict, exercise, right, type_problem, wrong
from newstext.exploring.page_docs import course_docs

#: The sentence of exercise 3.1, as it stands in the main article.
DESCRIBED_SENTENCE = (
    "Russia's Foreign Ministry described the exchange as 'substantive and frank,' noting that "
    "the two sides discussed Ukraine, Syria, and Iran."
)
PRONOUNS = {"he", "she", "they", "i", "we", "it"}


@cache
def main_article_quotes() -> pd.DataFrame:
    """The quotation table of the main article (parsed once per process)."""
    _, docs = course_docs()  # the notebook's own parse: the page is not parsed again
    main_doc = docs[0]
    return quotes_table(extract_quotes(main_doc, article_id=1))


# --- Exercise 3.1: the subject of "described" ----------------------------------------------


@exercise("3.1")
def subject_of_described(answer: object) -> Verdict:
    """The token that is the grammatical subject (nsubj) of "described" in DESCRIBED_SENTENCE."""
    text = answer.text if isinstance(answer, Token) else answer
    problem = type_problem(text, str, "one Token (or its text)")
    if problem:
        return wrong(problem)
    doc = load_english()(DESCRIBED_SENTENCE)
    described = next(token for token in doc if token.text == "described")
    subjects = [child.text for child in described.children if child.dep_ == "nsubj"]
    given = text.strip()
    if given in subjects:
        return right(f"'{given}' is the nsubj of 'described'.")
    if given in ("Russia's Foreign Ministry", "Foreign Ministry"):
        return wrong(
            "that is the whole noun phrase, and the answer is one token: look at the children "
            "of the token 'described' and their dependency labels."
        )
    if given in ("Russia", "Foreign", "'s"):
        return wrong(
            f"'{given}' depends on another word of the phrase, not on 'described'. "
            "Look at the children of the token 'described'."
        )
    return wrong(
        "not the subject. Hint: `[(c.text, c.dep_) for c in token.children]` for the token "
        "'described'; the subject has the dependency label nsubj."
    )


# --- Exercise 3.2: a pattern for Patriot -----------------------------------------------------

PATRIOT_SENTENCES = {
    "Ukraine asked for 10 Patriot systems.": True,
    "Germany and Spain possess Patriot missile systems.": True,
    "He leads the Patriotic Union of Cuba.": False,
}


@exercise("3.2")
def patriot_pattern(answer: object) -> Verdict:
    """An entity-ruler pattern that tags Patriot (the air-defence system) as PRODUCT."""
    problem = type_problem(answer, Mapping, 'a dict such as {"label": ..., "pattern": ...}')
    if problem:
        return wrong(problem)
    if set(answer) - {"label", "pattern", "id"} or not {"label", "pattern"} <= set(answer):
        return wrong('a pattern has the keys "label" and "pattern" (and optionally "id").')
    if answer["label"] != "PRODUCT":
        if str(answer["label"]).upper() == "PRODUCT":
            return wrong("labels are case-sensitive: spaCy's labels are written in capitals.")
        return wrong(f"{answer['label']!r} is not the label for a manufactured object.")
    pattern = answer["pattern"]
    if pattern == "Patriots":
        return wrong(
            "a phrase pattern matches exactly its tokens: 'Patriots' finds only the plural, "
            "but the page mostly writes 'Patriot systems'."
        )
    if isinstance(pattern, str) and pattern.lower().startswith("patriot "):
        return wrong(
            f"a phrase pattern matches exactly its tokens, and {pattern!r} is more than "
            "the name: the page writes 'Patriot systems', 'Patriot missile systems'."
        )
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([dict(answer)])
    for sentence, should_match in PATRIOT_SENTENCES.items():
        found = [ent.text for ent in nlp(sentence).ents]
        if should_match and found != ["Patriot"]:
            return wrong(
                f"in {sentence!r} your pattern finds {found}. A phrase pattern (a string) "
                "matches the exact text, capitals included; a token pattern is a list of "
                'dicts such as {"LOWER": ...}.'
            )
        if not should_match and found:
            return wrong(f"in {sentence!r} your pattern also finds {found}: too broad.")
    return right(
        "your pattern finds Patriot in 'Ukraine asked for 10 Patriot systems.' and leaves "
        "'the Patriotic Union of Cuba' alone."
    )


# --- Exercise 3.3: quotations whose speaker is a pronoun ---------------------------------


@exercise("3.3")
def pronoun_quotes(answer: object) -> Verdict:
    """The main article's quotations whose speaker is written as a pronoun."""
    problem = type_problem(answer, (list, set, tuple, pd.Series), "a list of quotation texts")
    if problem:
        return wrong(problem)
    quotes = main_article_quotes()
    by_pronoun = quotes["speaker_text"].fillna("").str.lower().isin(PRONOUNS)
    expected = set(quotes.loc[by_pronoun, "quote"])
    given = {str(quote) for quote in answer}
    if given == expected:
        message = f"all {len(expected)} quotations attributed to a pronoun."
        if isinstance(answer, pd.Series):
            message += (
                " A list was asked: your Series passes because its values are the texts; "
                "`list(...)` of it gives the list."
            )
        return right(message)
    if given == {str(q).strip("'\"") for q in expected}:
        return wrong("give the quotations as in the table, with their quote marks.")
    unknown = given - set(quotes["quote"])
    if unknown:
        return wrong(
            f"{len(unknown)} of your texts are not quotations of the table: copy them "
            "from the `quote` column, quote marks included."
        )
    extra = given - expected
    missing = expected - given
    unwritten = set(quotes.loc[quotes["speaker_text"].isna(), "quote"])
    message = []
    if extra & unwritten:
        message.append(
            f"{len(extra & unwritten)} of yours have no written speaker at all (an empty "
            "speaker_text: they continue the quotation before them)"
        )
    if extra - unwritten:
        message.append(
            f"{len(extra - unwritten)} of yours name their speaker with a name, not a pronoun"
        )
    if missing:
        message.append("some quotations with a pronoun as speaker_text are missing")
    return wrong("; ".join(message) + ". Hint: filter on the `speaker_text` column.")


# --- Exercise 3.4: quotations per speaker --------------------------------------------------


@exercise("3.4")
def quotes_per_speaker(answer: object) -> Verdict:
    """How many quotations of the main article each (resolved) speaker has."""
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    problem = type_problem(answer, Mapping, "a dict {speaker: number of quotations}")
    if problem:
        return wrong(problem)
    quotes = main_article_quotes()
    expected = quotes["speaker"].value_counts().to_dict()
    given = {str(key): value for key, value in answer.items()}
    if given == expected:
        return right(f"{len(expected)} speakers, {sum(expected.values())} quotations.")
    if given == quotes["speaker_text"].value_counts().to_dict():
        return wrong(
            "you counted the speaker as written (`speaker_text`); the question asks for the "
            "resolved `speaker` column. What the difference does is your written answer."
        )
    if sum(given.values()) != len(quotes):
        return wrong(
            f"your counts add up to {sum(given.values())}, but the main article has "
            f"{len(quotes)} quotations."
        )
    if len(given) < len(expected):
        return wrong(
            f"you have {len(given)} speakers, the table {len(expected)}: count each resolved "
            "speaker as the extractor wrote it, even two that belong to one government."
        )
    return wrong("the counts do not match the table. Hint: `value_counts()` on one column.")
