"""Adjudication of A and B: every disagreement listed and decided by a guideline's rule."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newstext.core.paths import annotations_dir
from newstext.evaluating.adjudication import (
    BOUNDARIES,
    JUDGEMENTS,
    LABELS,
    TABLE_COLUMNS,
    UNDECIDED,
    compare_with_reference,
    disagreements,
    disagreements_table,
    leading_the,
    merge_gold,
    possessive_at_end,
    possessive_inside,
    title_in_person,
    verdict,
)
from newstext.evaluating.reference import ReferenceEntity


@pytest.fixture(scope="module")
def table(a, b):
    return disagreements_table(a, b)


def test_every_disagreement_is_listed_and_decided(table):
    assert list(table.columns) == TABLE_COLUMNS
    assert len(table) == 12
    assert table["kind"].value_counts().to_dict() == {
        "boundary": 6, "label": 2, "missing": 2, "extra": 2}
    assert table["decision"].value_counts().to_dict() == {"A": 6, "B": 6}
    assert (table["rule"] != "").all()
    assert set(table["section"]) == {BOUNDARIES, LABELS}


def test_some_decisions_in_words(table):
    rows = {(row.paragraph, row.a_span): row for row in table.itertuples()}
    title = rows[(1, "US Secretary of State Marco Rubio")]
    assert (title.b_span, title.b_label) == ("US + Marco Rubio", "GPE + PERSON")
    assert (title.kind, title.decision, title.rule) == (
        "boundary", "B", "a title is not part of a PERSON")
    assert title.gold == "US (GPE) + Marco Rubio (PERSON)"
    moscow = rows[(13, "Moscow")]
    assert (moscow.kind, moscow.decision, moscow.gold) == ("label", "A", "Moscow (GPE)")
    president = rows[(3, "—")]
    assert (president.b_span, president.kind, president.decision, president.gold) == (
        "the president", "extra", "A", "—")
    second = rows[(12, "second")]
    assert (second.kind, second.decision) == ("missing", "A")


def test_the_rules_quote_sections_the_guidelines_have():
    guidelines = (annotations_dir() / "GUIDELINES.md").read_text(encoding="utf-8")
    for section in (BOUNDARIES, LABELS):
        assert f"### {section.split(' > ')[1]}" in guidelines
    for judgement in JUDGEMENTS:
        assert judgement.section in (BOUNDARIES, LABELS)
        assert judgement.text in guidelines, judgement.text


def test_the_merged_gold_is_the_reference(a, b, reference):
    gold = merge_gold(a, b, quotes_from=reference)
    assert gold == reference
    assert compare_with_reference(gold, reference).empty
    assert sum(len(paragraph.entities) for paragraph in gold) == 51
    assert all(p.quotes == () for p in merge_gold(a, b))


def test_compare_lists_the_differences(reference):
    first = reference[0]
    changed = replace(first, entities=(
        replace(first.entities[0], label="ORG"), *first.entities[2:]))
    table = compare_with_reference([changed, *reference[1:]], reference)
    assert table[["text", "gold_label", "reference_label"]].values.tolist() == [
        ["US", "ORG", "GPE"], ["Marco Rubio", "—", "PERSON"]]


def test_a_disagreement_no_rule_decides_stays_undecided(a, b, reference):
    # Kuala Lumpur as GPE (A) and LOC (B): no rule speaks about it.
    first_b = b[0]
    entities = tuple(replace(e, label="LOC") if e.text == "Kuala Lumpur" else e
                     for e in first_b.entities)
    b_changed = [replace(first_b, entities=entities), *b[1:]]
    found = [d for d in disagreements(a, b_changed) if d.decision == UNDECIDED]
    assert [(d.kind, d.group.a[0].text) for d in found] == [("label", "Kuala Lumpur")]
    gold = merge_gold(a, b_changed, quotes_from=reference)
    differences = compare_with_reference(gold, reference)
    assert differences[["text", "gold_label"]].values.tolist() == [["Kuala Lumpur", "—"]]


def entity(paragraph, text, label):
    start = paragraph.start + paragraph.text.index(text)
    return ReferenceEntity(start, start + len(text), label, text)


def test_mechanical_rules(reference):
    p1, p5, p7, p13 = reference[0], reference[4], reference[6], reference[12]
    title = entity(p1, "US Secretary of State Marco Rubio", "PERSON")
    assert title_in_person(title, p1).keep is False
    assert title_in_person(entity(p1, "Marco Rubio", "PERSON"), p1) is None
    assert possessive_at_end(entity(p7, "Putin's", "PERSON"), p7).keep is False
    assert possessive_inside(entity(p13, "Russia's Foreign Ministry", "ORG"), p13).keep is False
    assert leading_the(entity(p5, "the United States", "GPE"), p5).keep is True
    assert leading_the(entity(p5, "United States", "GPE"), p5).keep is False
    assert leading_the(entity(p1, "the ASEAN summit", "ORG"), p1).keep is False
    assert verdict(entity(p1, "Kuala Lumpur", "GPE"), p1) is None
    assert verdict(entity(p13, "Moscow", "ORG"), p13).keep is False
    assert verdict(entity(p13, "Moscow", "GPE"), p13).keep is True
