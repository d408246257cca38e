"""Scoring against the reference: entities before and after the rules, and quotations."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.scorer import get_ner_prf

from newstext.core.model import load_english
from newstext.evaluating.scores import (
    entities_in_raw,
    entity_examples,
    entity_scores_table,
    predict_quotes,
    quote_comparison,
    reference_doc,
    score_entities,
    score_quotes,
)


@pytest.fixture(scope="module")
def base():
    return load_english()


@pytest.fixture(scope="module")
def scores_before(base, reference):
    return score_entities(base, reference)


@pytest.fixture(scope="module")
def scores_after(reference):
    return score_entities(load_english(), reference, rules=True)


def test_a_perfect_prediction_scores_one(base, reference):
    docs = [reference_doc(base, paragraph) for paragraph in reference]
    scores = get_ner_prf(entity_examples(docs, reference, base))
    assert scores["ents_f"] == 1.0


def test_docs_must_have_the_paragraphs_text(base, reference):
    docs = [base.make_doc(paragraph.text.upper()) for paragraph in reference]
    with pytest.raises(ValueError, match="another text"):
        entity_examples(docs, reference, base)


def test_the_model_alone_makes_errors(scores_before):
    assert scores_before["ents_f"] < 1.0
    assert scores_before["ents_per_type"]["ORG"]["p"] < 1.0  # State, Trump, Lavrov as ORG
    assert scores_before["ents_per_type"]["PERSON"]["r"] < 1.0  # Trump, Lavrov missed


def test_the_rules_improve_the_scores(scores_before, scores_after):
    assert scores_after["ents_p"] > scores_before["ents_p"]
    assert scores_after["ents_r"] > scores_before["ents_r"]
    assert scores_after["ents_f"] > scores_before["ents_f"]
    for label, before in scores_before["ents_per_type"].items():
        assert scores_after["ents_per_type"][label]["f"] >= before["f"], label


def test_scores_table(scores_before):
    table = entity_scores_table(scores_before)
    assert list(table.columns) == ["label", "precision", "recall", "f1"]
    assert table["label"].iloc[-1] == "ALL"
    assert table["f1"].iloc[-1] == pytest.approx(scores_before["ents_f"])
    assert set(table["label"]) >= {"PERSON", "GPE", "ORG", "NORP", "DATE"}


def test_paragraph_offsets_map_to_raw_offsets(base, reference, page_text):
    for paragraph, doc in zip(reference, base.pipe(p.text for p in reference), strict=True):
        for entity in entities_in_raw(doc, paragraph.start):
            assert page_text[entity["start"] : entity["end"]] == entity["text"]


@pytest.mark.parametrize("pipeline", ["base", "rules"])
def test_every_quotation_found_with_its_speaker(pipeline, base, reference, page_text):
    predicted = predict_quotes(base, reference, rules=pipeline == "rules")
    for record in predicted:
        assert page_text[record.start_char : record.end_char] == record.quote
    scores = score_quotes(predicted, reference)
    counts = (scores.gold, scores.predicted, scores.found, scores.right_speaker)
    assert counts == (12, 12, 12, 12)
    assert scores.precision == scores.recall == scores.speaker_accuracy == 1.0


def test_quote_comparison_flags_a_wrong_speaker(base, reference):
    predicted = predict_quotes(base, reference)
    predicted[0] = replace(predicted[0], speaker="Sergey Lavrov")
    table = quote_comparison(predicted, reference)
    columns = ["line", "quote", "speaker", "found", "predicted_speaker", "right"]
    assert list(table.columns) == columns
    assert table["found"].all()
    assert table["right"].tolist() == [False] + [True] * 11
    assert score_quotes(predicted, reference).right_speaker == 11


def test_scoring_with_rules_leaves_the_shared_pipeline_as_the_model(base, reference):
    score_entities(base, reference, rules=True)
    assert "entity_fixes" not in base.pipe_names  # switched off again
    assert [(e.text, e.label_) for e in base("Lavrov said.").ents] == [("Lavrov", "ORG")]
