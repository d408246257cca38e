"""The hand-made reference of the main article: offsets, counts, and its guidelines."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace

from newstext.core.paths import annotations_dir
from newstext.evaluating.reference import ReferenceEntity, check_reference, reference_path


def test_one_record_per_main_article_line(reference, page_text):
    lines = page_text.split("\n")
    assert [p.paragraph for p in reference] == list(range(1, 14))
    assert [p.line for p in reference] == list(range(7, 20))
    for paragraph in reference:
        assert paragraph.text == lines[paragraph.line - 1]


def test_every_offset_points_at_its_text_in_the_raw_page(reference, page_text):
    for paragraph in reference:
        assert page_text[paragraph.start : paragraph.end] == paragraph.text
        for entity in paragraph.entities:
            assert page_text[entity.start : entity.end] == entity.text
        for quote in paragraph.quotes:
            assert page_text[quote.start : quote.end] == quote.text


def test_the_checker_finds_no_problem(reference, page_text):
    assert check_reference(reference, page_text) == []


def test_the_checker_reports_a_shifted_entity(reference, page_text):
    first = reference[0]
    entity = first.entities[0]
    shifted = ReferenceEntity(entity.start + 1, entity.end + 1, entity.label, entity.text)
    broken = replace(first, entities=(shifted, *first.entities[1:]))
    problems = check_reference([broken], page_text)
    assert any("differs from the raw page" in problem for problem in problems)


def test_counts(reference):
    labels = Counter(e.label for p in reference for e in p.entities)
    assert sum(labels.values()) == 51
    assert labels == {
        "PERSON": 20, "GPE": 15, "NORP": 5, "DATE": 5, "ORG": 3, "CARDINAL": 2, "ORDINAL": 1,
    }
    speakers = Counter(q.speaker for p in reference for q in p.quotes)
    assert speakers == {
        "Marco Rubio": 7, "Donald Trump": 3, "Russia's Foreign Ministry": 1, "Moscow": 1,
    }


def test_guideline_decisions(reference):
    entities = {(e.text, e.label) for p in reference for e in p.entities}
    texts = {text for text, _ in entities}
    assert ("Marco Rubio", "PERSON") in entities  # the title is not part of the name
    assert not texts & {"Secretary of State", "State", "Foreign Minister", "President"}
    assert ("Foreign Ministry", "ORG") in entities and ("Russia", "GPE") in entities
    assert ("Moscow", "GPE") in entities
    assert "b*******----" not in texts
    quotes = [q for p in reference for q in p.quotes]
    assert '"frustrated"' in [q.text for q in quotes]  # partial quotations count
    continuations = [q for q in quotes if q.cue is None]
    assert len(continuations) == 3
    assert all(q.speaker_text is None for q in continuations)


def test_guidelines_describe_the_file_with_a_true_example(reference):
    guidelines = (annotations_dir() / "GUIDELINES.md").read_text(encoding="utf-8")
    assert reference_path().name in guidelines
    example = json.loads(re.search(r"```json\n(.*?)```", guidelines, re.DOTALL).group(1))
    with reference_path().open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    assert example == records[example["paragraph"] - 1]
