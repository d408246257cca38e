"""Domain rules: a separate pipeline, the model's errors confirmed and fixed, job titles."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newstext.evaluate import ONTONOTES_LABELS
from newstext.model import load_english
from newstext.rules import (
    ENTITY_PATTERNS,
    ENTITY_RULER_NAME,
    TITLE_PATTERNS,
    TITLES_KEY,
    add_entity_rules,
    drop_entities_in_titles,
    english_with_rules,
)

BASE_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


@pytest.fixture(scope="module")
def base():
    return load_english()


@pytest.fixture(scope="module")
def ruled():
    return english_with_rules()


@pytest.fixture(scope="module")
def raw_lines(page_text):
    return page_text.split("\n")


def entities(nlp, text: str) -> list[tuple[str, str]]:
    return [(ent.text, ent.label_) for ent in nlp(text).ents]


# --- the pipeline ------------------------------------------------------------------------


def test_patterns_are_plain_data():
    for pattern in ENTITY_PATTERNS + TITLE_PATTERNS:
        assert set(pattern) == {"label", "pattern"}
        assert isinstance(pattern["pattern"], str)
    assert {p["label"] for p in ENTITY_PATTERNS} <= ONTONOTES_LABELS
    assert {p["label"] for p in TITLE_PATTERNS} == {"TITLE"}


def test_rules_live_in_their_own_pipeline(base, ruled):
    assert ruled is not base
    assert english_with_rules() is ruled  # built once
    assert load_english() is base
    assert base.pipe_names == BASE_PIPES  # the shared pipeline is untouched
    assert ruled.pipe_names == BASE_PIPES + [
        "entity_fixes", "title_ruler", "drop_entities_in_titles",
    ]


def test_the_ruler_overwrites_the_model(ruled):
    assert ruled.get_pipe(ENTITY_RULER_NAME).overwrite is True


def test_the_shared_pipeline_is_refused(base):
    with pytest.raises(ValueError, match="english_with_rules"):
        add_entity_rules(base)


def test_adding_the_rules_twice_changes_nothing(ruled):
    names = list(ruled.pipe_names)
    assert add_entity_rules(ruled) is ruled
    assert ruled.pipe_names == names


# --- the model's errors on the main article, and the fixes -------------------------------


@pytest.mark.parametrize(
    "line, wrong, right",
    [
        (7, ("State", "ORG"), None),  # Secretary of State
        (13, ("Trump", "ORG"), ("Trump", "PERSON")),
        (17, ("Trump", "ORG"), ("Trump", "PERSON")),
        (18, ("Lavrov", "ORG"), ("Lavrov", "PERSON")),
    ],
)
def test_model_errors_on_the_main_article_are_fixed(line, wrong, right, base, ruled, raw_lines):
    text = raw_lines[line - 1]
    assert wrong in entities(base, text)
    fixed = entities(ruled, text)
    assert wrong not in fixed
    if right is not None:
        assert right in fixed


def test_the_model_reads_patriot_as_a_person_in_the_related_article(base, ruled, raw_lines):
    text = raw_lines[55]
    assert ("Patriot", "PERSON") in entities(base, text)
    fixed = entities(ruled, text)
    labels = {label for word, label in fixed if word == "Patriot"}
    assert labels == {"PRODUCT"}
    for weapon in ("Shahed", "Howitzer", "interceptor drones", "Patriots"):
        assert (weapon, "PRODUCT") in fixed


def test_full_names_win_over_surnames(ruled, raw_lines):
    found = entities(ruled, raw_lines[12])
    assert ("Donald Trump", "PERSON") in found
    assert ("Vladimir Putin", "PERSON") in found


# --- titles ------------------------------------------------------------------------------


def test_titles_get_their_own_span_group(ruled, raw_lines):
    doc = ruled(raw_lines[6])
    titles = [span.text for span in doc.spans[TITLES_KEY]]
    assert titles == ["Secretary of State", "Foreign Minister"]
    people = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    assert people == ["Marco Rubio", "Sergey Lavrov"]


def test_an_entity_starting_with_a_title_is_trimmed(base):
    doc = base.make_doc("US President Donald Trump spoke.")
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 1, 4, label="PERSON")]
    doc.spans[TITLES_KEY] = [Span(doc, 1, 2, label="TITLE")]
    doc = drop_entities_in_titles(doc)
    found = [(ent.text, ent.label_) for ent in doc.ents]
    assert found == [("US", "GPE"), ("Donald Trump", "PERSON")]
