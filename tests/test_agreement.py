"""Agreement between annotators A and B: spans, kappa on BIO tags, confusion of labels."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newstext.evaluating.agreement import (
    NO_SPAN,
    bio_tags,
    check_same_paragraphs,
    cohen_kappa,
    entities_of,
    kappa_table,
    label_confusion,
    lenient_match,
    scores_by_label,
    span_agreement_table,
    tag_table,
)
from newstext.evaluating.reference import ReferenceEntity


@pytest.fixture(scope="module")
def tags(a, b, nlp):
    return tag_table(a, b, nlp)


# --- kappa by hand ----------------------------------------------------------------------


def test_kappa_on_a_hand_computed_yes_no_table():
    # both yes 4, A yes / B no 1, A no / B yes 2, both no 3: observed 7/10;
    # A says yes 5 times, B 6 times: chance = (5*6 + 5*4) / 100 = 0.5; kappa = 0.2 / 0.5
    a = ["yes"] * 4 + ["yes"] + ["no"] * 2 + ["no"] * 3
    b = ["yes"] * 4 + ["no"] + ["yes"] * 2 + ["no"] * 3
    kappa = cohen_kappa(a, b)
    assert (kappa.items, kappa.observed, kappa.chance) == (10, 0.7, 0.5)
    assert kappa.kappa == pytest.approx(0.4)
    # issue 17: printed, as notebook 04 shows it, the result says its kappa
    assert repr(kappa) == "Kappa(kappa=0.400, items=10, observed=0.700, chance=0.500)"


def test_kappa_on_a_hand_computed_bio_example():
    a = ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O"]
    b = ["B-PERSON", "O", "O", "O", "B-ORG", "O"]
    # 4 of 6 alike; chance = (B-PERSON 1*1 + O 3*4) / 36 = 13/36
    kappa = cohen_kappa(a, b)
    assert kappa.observed == pytest.approx(4 / 6)
    assert kappa.chance == pytest.approx(13 / 36)
    assert kappa.kappa == pytest.approx((24 - 13) / (36 - 13))


def test_kappa_edge_cases():
    assert cohen_kappa(["O"] * 5, ["O"] * 5).kappa == 1.0
    assert cohen_kappa(["x", "y"], ["y", "x"]).kappa == pytest.approx(-1.0)
    with pytest.raises(ValueError):
        cohen_kappa(["O"], ["O", "O"])
    with pytest.raises(ValueError):
        cohen_kappa([], [])


# --- spans -----------------------------------------------------------------------------


def test_span_agreement_of_a_against_b(a, b):
    table = span_agreement_table(a, b).set_index("match")
    # 39 spans alike; lenient adds US Secretary of State Marco Rubio ~ Marco Rubio,
    # Russia's Foreign Ministry ~ Foreign Ministry, Putin's ~ Putin,
    # the United States ~ United States, two ~ the two sides
    assert table.loc["exact", ["a_spans", "b_spans", "a_matched", "b_matched"]].tolist() == [
        49, 51, 39, 39]
    assert table.loc["exact", "precision"] == pytest.approx(39 / 49)
    assert table.loc["exact", "recall"] == pytest.approx(39 / 51)
    assert table.loc["exact", "f1"] == pytest.approx(0.78)
    assert table.loc["lenient", ["a_matched", "b_matched"]].tolist() == [44, 44]
    assert table.loc["lenient", "precision"] == pytest.approx(44 / 49)
    assert table.loc["lenient", "recall"] == pytest.approx(44 / 51)
    assert table.loc["lenient", "f1"] == pytest.approx(0.88)


def test_lenient_match_wants_overlap_and_the_same_label():
    rubio = ReferenceEntity(254, 265, "PERSON", "Marco Rubio")
    assert lenient_match(ReferenceEntity(232, 265, "PERSON", "US ... Marco Rubio"), rubio)
    assert not lenient_match(ReferenceEntity(232, 234, "GPE", "US"), rubio)
    assert not lenient_match(ReferenceEntity(232, 254, "PERSON", "US ... "), rubio)  # touching


def test_scores_by_label(a, b):
    table = scores_by_label(entities_of(a), entities_of(b)).set_index("label")
    assert table.loc["PERSON", ["a_spans", "b_spans", "matched"]].tolist() == [20, 21, 18]
    assert table.loc["ORG", ["a_spans", "b_spans", "matched"]].tolist() == [2, 4, 1]
    assert table.loc["ALL", "f1"] == pytest.approx(0.78)
    assert table.index[-1] == "ALL"


def test_label_confusion(a, b):
    confusion = label_confusion(a, b)
    cells = {(row, column): int(confusion.loc[row, column])
             for row in confusion.index for column in confusion.columns
             if confusion.loc[row, column]}
    assert cells == {
        ("CARDINAL", "CARDINAL"): 2, ("DATE", "DATE"): 4, ("EVENT", "ORG"): 1,
        ("GPE", "GPE"): 12, ("GPE", "ORG"): 1, ("NORP", "GPE"): 1, ("NORP", "NORP"): 4,
        ("ORDINAL", NO_SPAN): 1, ("ORG", "GPE"): 1, ("ORG", "ORG"): 2,
        ("PERSON", "GPE"): 1, ("PERSON", "PERSON"): 20, ("TIME", NO_SPAN): 1,
        (NO_SPAN, "DATE"): 1, (NO_SPAN, "PERSON"): 1,
    }
    assert confusion.index.name == "A" and confusion.columns.name == "B"


# --- tokens ----------------------------------------------------------------------------


def test_tag_table_has_one_row_per_token(tags, a):
    assert len(tags) == 418
    assert list(tags.columns) == ["paragraph", "token", "a", "b"]
    first = tags[tags["paragraph"] == 1].head(6)
    assert first["token"].tolist() == ["US", "Secretary", "of", "State", "Marco", "Rubio"]
    assert first["a"].tolist() == ["B-PERSON"] + ["I-PERSON"] * 5
    assert first["b"].tolist() == ["B-GPE", "O", "O", "O", "B-PERSON", "I-PERSON"]
    assert (tags["a"] != tags["b"]).sum() == 25


def test_kappa_on_all_tokens_is_inflated_by_the_o_tokens(tags):
    table = kappa_table(tags).set_index("tokens")
    everything = table.loc["all tokens"]
    entities = table.loc["entity tokens (A or B not O)"]
    # all tokens: 393 of 418 alike; chance = 124638 / 418**2 (O/O alone: 350*354)
    assert (everything["items"], everything["both_o"]) == (418, 344)
    assert everything["observed"] == pytest.approx(393 / 418)
    assert everything["chance"] == pytest.approx(124638 / 418**2)
    assert everything["kappa"] == pytest.approx(39636 / 50086)  # 0.7914
    # entity tokens: 49 of 74 alike; chance = 798 / 74**2
    assert (entities["items"], entities["both_o"]) == (74, 0)
    assert entities["observed"] == pytest.approx(49 / 74)
    assert entities["chance"] == pytest.approx(798 / 74**2)
    assert entities["kappa"] == pytest.approx(2828 / 4678)  # 0.6045
    assert entities["kappa"] < everything["kappa"]


def test_bio_tags_refuse_a_span_off_token_boundaries(nlp):
    doc = nlp.make_doc("Marco Rubio said")
    assert bio_tags(doc, [(0, 11, "PERSON")]) == ["B-PERSON", "I-PERSON", "O"]
    with pytest.raises(ValueError, match="token boundary"):
        bio_tags(doc, [(0, 8, "PERSON")])


def test_annotations_must_cover_the_same_paragraphs(a, b):
    with pytest.raises(ValueError, match="same paragraphs"):
        check_same_paragraphs(a[:3], b)
    with pytest.raises(ValueError, match="same paragraphs"):
        check_same_paragraphs([replace(a[0], text="other")], b[:1])
