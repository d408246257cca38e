"""Entity rules: general rules switched off until asked, page patterns only when passed in
(and never cutting a longer entity), titles, and the document-level name propagation."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import SpanRuler
from spacy.tokens import Span

from newstext.annotating.entity_rules import (
    COURSE_PATTERNS,
    ENTITY_RULER_NAME,
    RULE_PIPES,
    TITLE_PATTERNS,
    TITLES_KEY,
    add_entity_rules,
    drop_entities_in_titles,
    entity_origin,
    fix_entity_boundaries,
    keep_longer_entities,
    known_surnames,
    load_patterns,
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


def ruled_entities(nlp, text: str, patterns=None) -> list[tuple[str, str]]:
    with rules_on(nlp, patterns=patterns):
        return entities(nlp, text)


def test_patterns_are_plain_data():
    course = load_patterns(COURSE_PATTERNS)
    assert {p["pattern"] for p in course} >= {"Patriot", "Shahed", "Kyiv"}
    for pattern in course:
        assert set(pattern) == {"label", "pattern", "id"}
    assert {p["label"] for p in course} <= ONTONOTES_LABELS
    for pattern in TITLE_PATTERNS:
        assert set(pattern) == {"label", "pattern"}
    assert {p["label"] for p in TITLE_PATTERNS} == {"TITLE"}
    titles = {p["pattern"] for p in TITLE_PATTERNS}
    assert {"Prime Minister", "Chief Minister", "Health Secretary", "Senator"} <= titles


def test_a_bad_patterns_file_says_which_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"label": "GPE", "pattern": "Kyiv"}\n{"pattern": "Odesa"}\n')
    with pytest.raises(ValueError, match="line 2"):
        load_patterns(path)


def test_rules_are_added_switched_off_and_on_only_inside_the_block(nlp):
    assert nlp.pipe_names == BASE_PIPES
    assert list(nlp.component_names)[-len(RULE_PIPES) :] == list(RULE_PIPES)
    assert set(RULE_PIPES) <= set(nlp.disabled)
    with rules_on(nlp):
        assert nlp.pipe_names == BASE_PIPES + list(RULE_PIPES)
    assert nlp.pipe_names == BASE_PIPES


def test_page_patterns_hold_only_inside_their_block(nlp):
    ruler = nlp.get_pipe(ENTITY_RULER_NAME)
    with rules_on(nlp):
        assert len(ruler) == 0  # the general rules alone
    with rules_on(nlp, patterns=COURSE_PATTERNS):
        assert len(ruler) == len(load_patterns(COURSE_PATTERNS))
    assert len(ruler) == 0
    with rules_on(nlp, patterns=[{"label": "GPE", "pattern": "Odesa"}]):
        assert len(ruler) == 1


def test_rules_are_switched_off_again_after_an_error(nlp):
    with pytest.raises(RuntimeError), rules_on(nlp, patterns=COURSE_PATTERNS):
        raise RuntimeError("boom")
    assert nlp.pipe_names == BASE_PIPES
    assert len(nlp.get_pipe(ENTITY_RULER_NAME)) == 0


def test_adding_the_rules_twice_changes_nothing(nlp):
    names = list(nlp.component_names)
    assert add_entity_rules(nlp) is nlp
    assert list(nlp.component_names) == names
    assert nlp.pipe_names == BASE_PIPES


SEEN_BY_THE_MODEL: list[str] = []


@spacy.Language.component("test_model_stand_in")
def model_stand_in(doc):
    """Stands in for the trained model: notes every text it is given."""
    SEEN_BY_THE_MODEL.append(doc.text)
    return doc


def test_pattern_texts_are_only_tokenized_not_run_through_the_model():
    blank = spacy.blank("en")
    blank.add_pipe("test_model_stand_in", name="ner")  # the rules go after "ner"
    SEEN_BY_THE_MODEL.clear()
    add_entity_rules(blank)
    with rules_on(blank, patterns=[{"label": "ORG", "pattern": "Acme Rockets"}]):
        assert SEEN_BY_THE_MODEL == []  # neither the 105 titles nor the page pattern
        doc = blank("The Acme Rockets deal was signed by the Foreign Minister.")
    assert SEEN_BY_THE_MODEL == [doc.text]
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Acme Rockets", "ORG")]
    assert [span.text for span in doc.spans[TITLES_KEY]] == ["Foreign Minister"]


# --- page patterns: opt-in, and never part of a longer entity --------------------------------


def test_a_match_replaces_the_entity_it_covers_but_never_cuts_a_longer_one(nlp):
    doc = nlp.make_doc("the Patriot Act and Patriot systems")
    law = Span(doc, 0, 3, label="LAW")
    person = Span(doc, 4, 5, label="PERSON")
    matches = [Span(doc, 1, 2, label="PRODUCT", span_id="weapon"),
               Span(doc, 4, 5, label="PRODUCT", span_id="weapon")]
    kept = keep_longer_entities([law, person], matches)
    assert [(ent.text, ent.label_, ent.id_) for ent in kept] == [
        ("the Patriot Act", "LAW", ""),
        ("Patriot", "PRODUCT", "weapon"),
    ]


@pytest.mark.parametrize(
    "text, entity",
    [
        ("Congress renewed the Patriot Act in 2011.", "LAW"),
        ("The New England Patriots won the Super Bowl.", "ORG"),
    ],
)
def test_course_patterns_leave_longer_entities_alone(nlp, text, entity):
    general = ruled_entities(nlp, text)
    assert any("Patriot" in word and label == entity for word, label in general)
    assert ruled_entities(nlp, text, patterns=COURSE_PATTERNS) == general


def test_the_course_patterns_are_opt_in(nlp, raw_lines):
    text = raw_lines[55]
    assert ("Patriot", "PERSON") in entities(nlp, text)
    assert ("Patriot", "PERSON") in ruled_entities(nlp, text)  # general rules: no weapons
    fixed = ruled_entities(nlp, text, patterns=COURSE_PATTERNS)
    assert {label for word, label in fixed if word == "Patriot"} == {"PRODUCT"}


def test_state_in_secretary_of_state_is_no_longer_an_org(nlp, raw_lines):
    text = raw_lines[6]
    assert ("State", "ORG") in entities(nlp, text)
    assert ("State", "ORG") not in ruled_entities(nlp, text)


def test_weapons_become_products(nlp, raw_lines):
    text = raw_lines[55]
    assert ("Patriot", "PERSON") in entities(nlp, text)
    fixed = ruled_entities(nlp, text, patterns=COURSE_PATTERNS)
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
    assert [(ent.text, ent.label_, entity_origin(ent)) for ent in doc.ents] == [
        ("US", "GPE", "model"),
        ("Donald Trump", "PERSON", "rule"),
    ]


def test_only_a_person_is_trimmed(nlp):
    doc = nlp.make_doc("General Motors hired General Ann Lee.")
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 6, label="PERSON")]
    doc.spans[TITLES_KEY] = [Span(doc, 0, 1, label="TITLE"), Span(doc, 3, 4, label="TITLE")]
    doc = drop_entities_in_titles(doc)
    assert [ent.text for ent in doc.ents] == ["General Motors", "Ann Lee"]


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Prime Minister Boris Johnson met Health Secretary Matt Hancock.", ("Health", "ORG")),
        ("US Secretary of State Marco Rubio spoke.", ("State", "ORG")),
    ],
)
def test_general_titles_are_not_entities(nlp, text, wrong):
    assert wrong in entities(nlp, text)
    ruled = ruled_entities(nlp, text)
    assert wrong not in ruled
    with rules_on(nlp):
        doc = nlp(text)
    assert doc.spans[TITLES_KEY][0].text in ("Prime Minister", "Secretary of State")


@pytest.mark.parametrize(
    "text, model, ruled",
    [
        ("Elon Musk's company won.", ("Elon Musk's", "PERSON"), ("Elon Musk", "PERSON")),
        ("He studied at the University of Florida.", ("the University of Florida", "ORG"),
         ("University of Florida", "ORG")),
    ],
)
def test_boundaries_follow_the_guidelines(nlp, text, model, ruled):
    doc = nlp.make_doc(text)
    start = text.index(model[0])
    doc.ents = [doc.char_span(start, start + len(model[0]), label=model[1])]
    for token in doc:
        token.tag_ = "POS" if token.text == "'s" else "NN"
    fixed = [(ent.text, ent.label_, ent.id_) for ent in fix_entity_boundaries(doc).ents]
    assert fixed == [(*ruled, "boundary")]


def test_a_possessive_splits_an_entity_and_the_united_states_keeps_the(nlp):
    doc = nlp("NASA's Office of the Inspector General wrote to the United States.")
    office = doc.text.index("NASA")
    states = doc.text.index("United States")
    doc.ents = [
        doc.char_span(office, doc.text.index(" wrote"), label="ORG"),
        doc.char_span(states, states + len("United States"), label="GPE"),
    ]
    fixed = [(ent.text, ent.label_) for ent in fix_entity_boundaries(doc).ents]
    assert fixed == [
        ("NASA", "ORG"),
        ("Office of the Inspector General", "ORG"),
        ("the United States", "GPE"),
    ]


def test_a_person_does_not_end_with_a_score_and_names_have_capitals(nlp):
    doc = nlp("Ann Lee 6-2 watched the moon.")
    doc.ents = [doc.char_span(0, len("Ann Lee 6-2"), label="PERSON"),
                doc.char_span(doc.text.index("moon"), doc.text.index("moon") + 4, label="PERSON")]
    assert [ent.text for ent in fix_entity_boundaries(doc).ents] == ["Ann Lee"]


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


def test_a_surname_inside_a_longer_name_is_not_made_an_entity(nlp):
    doc = nlp("Anna-Lena Berg met Tom Berg. Later Berg left.")
    first, second, later = (t.i for t in doc if t.text == "Berg")
    doc.ents = [Span(doc, 0, 3, label="PERSON"), Span(doc, second - 1, second + 1, label="PERSON")]
    ents = [(ent.text, ent.start) for ent in propagate_person_names(doc).ents]
    assert ("Berg", first) not in ents  # the model's "Anna-Lena" stays as it is
    assert ("Berg", later) in ents


def test_only_names_of_words_teach_a_surname(nlp):
    doc = nlp("Pella beat Uchiyama 6-2, 6-1 and 2 more.")
    start = doc.text.index("Uchiyama")
    doc.ents = [
        doc.char_span(start, start + len("Uchiyama 6-2"), label="PERSON"),
        doc.char_span(doc.text.index("2 more"), doc.text.index("2 more") + 1, label="CARDINAL"),
    ]
    assert known_surnames(doc) == set()  # "Uchiyama 6-2" is no name: no surname "2"
    assert [ent.label_ for ent in propagate_person_names(doc).ents] == ["PERSON", "CARDINAL"]


def test_a_surname_never_given_in_full_is_left_alone(nlp):
    doc = nlp("Trump met the Cabinet. Trump said nothing.")
    labels_before = [(ent.text, ent.label_) for ent in doc.ents]
    assert [(ent.text, ent.label_) for ent in propagate_person_names(doc).ents] == labels_before


def test_rules_with_nothing_to_do_leave_the_entities_as_the_model_gave_them(nlp):
    """An empty page ruler, a doc without titles, no name given in full: the rules keep each
    entity (its label and id) as the model made it."""
    text = "Kyiv and Moscow met in Geneva on Friday, the UN said."
    model = [(ent.start, ent.end, ent.label_, ent.id_) for ent in nlp(text).ents]
    assert model
    with rules_on(nlp):
        doc = nlp(text)
    assert TITLES_KEY in doc.spans and len(doc.spans[TITLES_KEY]) == 0
    assert [(ent.start, ent.end, ent.label_, ent.id_) for ent in doc.ents] == model
    assert [(e.start, e.end, e.label_) for e in propagate_person_names(doc).ents] == [
        (start, end, label) for start, end, label, _ in model
    ]


def test_an_empty_page_ruler_gives_what_spacys_span_ruler_gives(nlp, raw_lines):
    ruler = nlp.get_pipe(ENTITY_RULER_NAME)
    assert len(ruler) == 0
    for line in raw_lines:
        doc = nlp(line)
        by_spacy = SpanRuler.__call__(ruler, doc.copy())
        assert [(e.start, e.end, e.label_, e.id_) for e in ruler(doc).ents] == [
            (e.start, e.end, e.label_, e.id_) for e in by_spacy.ents
        ]
