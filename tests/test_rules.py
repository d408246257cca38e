"""Domain rules: switched off until asked, the model's errors confirmed and fixed, titles,
and the document-level name propagation."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from newstext.annotating.entity_rules import (
    ENTITY_PATTERNS,
    ENTITY_RULER_NAME,
    RULE_PIPES,
    TITLE_PATTERNS,
    TITLES_KEY,
    add_entity_rules,
    drop_entities_in_titles,
    entity_origin,
    known_surnames,
    propagate_person_names,
    rules_on,
    surname,
)
from newstext.core.doc_cache import doc_from_paragraphs
from newstext.core.model import installed_model
from newstext.evaluating.reference import ONTONOTES_LABELS

BASE_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


@pytest.fixture(scope="module")
def nlp():
    """A pipeline of this module's own, so adding rules cannot touch other tests' pipeline."""
    return add_entity_rules(spacy.load(installed_model()))


@pytest.fixture(scope="module")
def raw_lines(page_text):
    return page_text.split("\n")


def entities(nlp, text: str) -> list[tuple[str, str]]:
    return [(ent.text, ent.label_) for ent in nlp(text).ents]


def ruled_entities(nlp, text: str) -> list[tuple[str, str]]:
    with rules_on(nlp):
        return entities(nlp, text)


def test_patterns_are_plain_data():
    for pattern in ENTITY_PATTERNS:
        assert set(pattern) == {"label", "pattern", "id"}
    for pattern in TITLE_PATTERNS:
        assert set(pattern) == {"label", "pattern"}
    assert {p["label"] for p in ENTITY_PATTERNS} <= ONTONOTES_LABELS
    assert {p["label"] for p in TITLE_PATTERNS} == {"TITLE"}


def test_rules_are_added_switched_off_and_on_only_inside_the_block(nlp):
    assert nlp.pipe_names == BASE_PIPES
    assert list(nlp.component_names)[-3:] == list(RULE_PIPES)
    assert set(RULE_PIPES) <= set(nlp.disabled)
    with rules_on(nlp):
        assert nlp.pipe_names == BASE_PIPES + list(RULE_PIPES)
    assert nlp.pipe_names == BASE_PIPES


def test_rules_are_switched_off_again_after_an_error(nlp):
    with pytest.raises(RuntimeError), rules_on(nlp):
        raise RuntimeError("boom")
    assert nlp.pipe_names == BASE_PIPES


def test_adding_the_rules_twice_changes_nothing(nlp):
    names = list(nlp.component_names)
    assert add_entity_rules(nlp) is nlp
    assert list(nlp.component_names) == names
    assert nlp.pipe_names == BASE_PIPES


def test_the_ruler_overwrites_the_model(nlp):
    assert nlp.get_pipe(ENTITY_RULER_NAME).overwrite is True


def test_state_in_secretary_of_state_is_no_longer_an_org(nlp, raw_lines):
    text = raw_lines[6]
    assert ("State", "ORG") in entities(nlp, text)
    assert ("State", "ORG") not in ruled_entities(nlp, text)


def test_weapons_become_products(nlp, raw_lines):
    text = raw_lines[55]
    assert ("Patriot", "PERSON") in entities(nlp, text)
    fixed = ruled_entities(nlp, text)
    assert {label for word, label in fixed if word == "Patriot"} == {"PRODUCT"}
    for weapon in ("Shahed", "Howitzer", "interceptor drones", "Patriots"):
        assert (weapon, "PRODUCT") in fixed


def test_titles_get_their_own_span_group(nlp, raw_lines):
    with rules_on(nlp):
        doc = nlp(raw_lines[6])
    assert [span.text for span in doc.spans[TITLES_KEY]] == [
        "Secretary of State",
        "Foreign Minister",
    ]
    people = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    assert people == ["Marco Rubio", "Sergey Lavrov"]


def test_an_entity_starting_with_a_title_is_trimmed(nlp):
    doc = nlp.make_doc("US President Donald Trump spoke.")
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 1, 4, label="PERSON")]
    doc.spans[TITLES_KEY] = [Span(doc, 1, 2, label="TITLE")]
    doc = drop_entities_in_titles(doc)
    assert [(ent.text, ent.label_) for ent in doc.ents] == [
        ("US", "GPE"),
        ("Donald Trump", "PERSON"),
    ]


# --- propagation over a whole article ------------------------------------------------------


def test_surnames_ignore_a_possessive(nlp):
    doc = nlp.make_doc("Fidel Castro's revolution")
    assert surname(Span(doc, 0, 3, label="PERSON")) == "Castro"


def test_surnames_are_learnt_from_full_names_in_the_article(nlp, raw_lines):
    doc = doc_from_paragraphs(nlp, raw_lines[6:19])
    assert known_surnames(doc) == {"Rubio", "Lavrov", "Trump", "Putin"}


def test_propagation_fixes_trump_and_lavrov_in_the_main_article(nlp, raw_lines):
    doc = doc_from_paragraphs(nlp, raw_lines[6:19])
    before = {(ent.text, ent.label_) for ent in doc.ents}
    assert {("Trump", "ORG"), ("Lavrov", "ORG")} <= before
    doc = propagate_person_names(doc)
    after = {(ent.text, ent.label_) for ent in doc.ents}
    assert not {("Trump", "ORG"), ("Lavrov", "ORG")} & after
    relabelled = [ent for ent in doc.ents if entity_origin(ent) == "rule"]
    assert sorted(ent.text for ent in relabelled) == ["Lavrov", "Trump", "Trump"]


def test_a_surname_never_given_in_full_is_left_alone(nlp):
    doc = nlp("Trump met the Cabinet. Trump said nothing.")
    labels_before = [(ent.text, ent.label_) for ent in doc.ents]
    assert [(ent.text, ent.label_) for ent in propagate_person_names(doc).ents] == labels_before
