"""Notebook 05's package glue (newstext.evaluating.own_page and the evaluation on part of an
article): the paragraphs of any cleaned page for `mark`, agreement and adjudication of two
files, and the systems scored on a pair's two paragraphs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import ROOT
from newstext.annotating.entity_rules import COURSE_PATTERNS
from newstext.cleaning.overrides import save_overrides
from newstext.cleaning.pipeline import clean_file
from newstext.core.errors import NewstextError
from newstext.evaluating import agreement
from newstext.evaluating.evaluation_tables import evaluation_table
from newstext.evaluating.own_page import (
    adjudicate,
    aligned_pair,
    decision_problems,
    mark_quote,
    page_annotations_dir,
    page_paragraphs,
    pair_agreement,
    pair_dir,
    pair_disagreements,
    token_tags,
)
from newstext.evaluating.reference import ReferenceParagraph, load_reference
from newstext.evaluating.student_annotations import AnnotationError, mark, save_student_annotations

BUNDLED = ROOT / "data" / "raw" / "polygraph_rukban_2019-11.txt"
FOLDER = ROOT / "data" / "annotations" / "polygraph_rukban_2019-11"
DECISIONS = {1: "B", 2: "A", 3: "B", 4: "A", 5: "A", 6: "B", 7: "B", 8: "A"}


@pytest.fixture(scope="module")
def a():
    return load_reference(FOLDER / "annotator_a.jsonl")


@pytest.fixture(scope="module")
def b():
    return load_reference(FOLDER / "annotator_b.jsonl")


@pytest.fixture(scope="module")
def page_reference():
    return load_reference(FOLDER / "main_article.jsonl")


@pytest.fixture
def students(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSTEXT_STUDENTS_DIR", str(tmp_path / "students"))
    return tmp_path / "students"


# --- where things are ---------------------------------------------------------------


def test_the_bundled_page_has_its_annotations_and_a_page_of_ones_own_none(tmp_path):
    assert page_annotations_dir(BUNDLED) == FOLDER
    assert (FOLDER / "annotator_a.jsonl").exists()
    assert not page_annotations_dir(tmp_path / "my_page.txt").exists()


def test_each_page_has_its_own_pair_folder(students):
    one, other = pair_dir("data/raw/own/one.txt"), pair_dir("data/raw/own/other.txt")
    assert one != other and one.parent == other.parent == students
    assert one.is_dir()


# --- the paragraphs to annotate -----------------------------------------------------


def test_page_paragraphs_hold_the_raw_text_at_their_offsets():
    cleaned = clean_file()  # the course page: long lines cut into several paragraphs
    paragraphs = page_paragraphs(cleaned)
    main = cleaned.articles.loc[cleaned.articles["role"] == "main", "paragraphs"].iloc[0]
    assert len(paragraphs) == main
    for paragraph in paragraphs:
        assert cleaned.raw[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.entities == () and paragraph.quotes == ()
    record = mark(paragraphs[0], "Rubio", "PERSON")
    assert cleaned.raw[record["start"] : record["end"]] == "Rubio"


def test_with_the_box_dropped_the_bundled_page_has_the_references_paragraphs(
    students, page_reference
):
    save_overrides(BUNDLED, {33: "drop", 35: "drop", 37: "drop", 38: "drop", 39: "drop"})
    paragraphs = page_paragraphs(BUNDLED)
    got = [(p.paragraph, p.line, p.start, p.end, p.text) for p in paragraphs]
    assert got == [(p.paragraph, p.line, p.start, p.end, p.text) for p in page_reference]


def test_a_student_file_saved_from_page_paragraphs_reads_back(students, page_reference):
    paragraphs = [p for p in page_paragraphs(BUNDLED) if p.line in (71, 81)]
    records = [mark(paragraphs[0], "Charles Simpson", "PERSON"),
               mark(paragraphs[1], "Carla Babb", "PERSON")]
    path = save_student_annotations(records, "maria", folder=pair_dir(BUNDLED),
                                    paragraphs=paragraphs)
    back = load_reference(path)
    assert [e.text for p in back for e in p.entities] == ["Charles Simpson", "Carla Babb"]


def test_mark_quote_finds_a_quotation_with_its_marks(page_reference):
    paragraph = next(p for p in page_reference if p.paragraph == 21)
    record = mark_quote(paragraph, "“is patently false,”", "Sean Robertson")
    assert (record["start"], record["end"]) == next(
        (q.start, q.end) for q in paragraph.quotes if q.text == "“is patently false,”"
    )
    with pytest.raises(AnnotationError) as straight:
        mark_quote(paragraph, '"is patently false,"', "Sean Robertson")  # straight marks
    assert str(straight.value) == (
        "'\"is patently false,\"' is not in paragraph 21 with those quote marks: the page "
        "prints '“is patently false,”' (curly and straight marks are different characters); "
        "copy it from the printed paragraph"
    )
    with pytest.raises(AnnotationError) as bare:
        mark_quote(paragraph, "is patently false,", "Sean Robertson")  # no marks
    assert str(bare.value) == (
        "a quotation includes its quote marks: the page prints '“is patently false,”'; "
        "mark that, copied from the printed paragraph"
    )
    with pytest.raises(AnnotationError, match="quote marks included"):
        mark_quote(paragraph, "“is patently true,”", "Sean Robertson")  # not on the page
    with pytest.raises(AnnotationError, match="give the speaker"):
        mark_quote(paragraph, "“is patently false,”", " ")


# --- two files ------------------------------------------------------------------------


def test_mark_quote_tells_an_apostrophe_from_a_quote_mark():
    paragraph = ReferenceParagraph(
        paragraph=1, line=1, start=0, end=47, entities=(), quotes=(),
        text="Robertson's team said 'no' and “we won.” Again.",
    )  # fmt: skip
    assert mark_quote(paragraph, "Robertson", "X")["start"] == 0  # ’s is not a closing mark
    assert mark_quote(paragraph, "“we won.”", "X")["start"] == 31
    with pytest.raises(AnnotationError, match="the page prints \"'no'\""):
        mark_quote(paragraph, "no", "X")


def test_two_files_are_compared_on_the_union_of_their_paragraphs(a, b):
    only_16 = [p for p in b if p.paragraph == 16]
    side_a, side_b = aligned_pair(a, only_16)
    assert [p.paragraph for p in side_a] == [p.paragraph for p in side_b] == [16, 21]
    assert side_b[1].entities == () and side_a[1].entities == a[1].entities


def test_two_files_cut_into_other_paragraphs_are_refused(a):
    first = a[0]
    shorter = replace(first, end=first.end - 10, text=first.text[:-10], entities=())
    with pytest.raises(NewstextError, match="different paragraphs"):
        aligned_pair(a, [shorter])


def test_pair_agreement_matches_the_files_readme_and_the_package(a, b):
    found = pair_agreement(a, b)
    assert (found.exact.a_spans, found.exact.b_spans, found.exact.a_matched) == (17, 19, 10)
    assert found.exact.f1 == pytest.approx(20 / 36)
    assert found.lenient.f1 == pytest.approx(0.75, abs=0.005)
    kappas = agreement.kappa_table(agreement.tag_table(a, b))  # spaCy's BIO tags
    assert found.tokens == kappas["items"].iloc[0] == 91
    assert found.kappa_bio == pytest.approx(kappas["kappa"].iloc[0])
    assert found.kappa_bio == pytest.approx(0.688, abs=0.0005)
    assert found.kappa_labels == pytest.approx(0.727, abs=0.0005)
    assert found.kappa_entity == pytest.approx(0.799, abs=0.0005)
    assert found.kappa_entity_tokens == pytest.approx(0.504, abs=0.0005)


def test_token_tags_follow_the_first_character(page_reference):
    paragraph = next(p for p in page_reference if p.paragraph == 16)
    tags = token_tags([paragraph])
    start = tags.index[tags["token"] == "Tufts"][0]
    tufts = tags.loc[start : start + 3]
    assert list(tufts["token"]) == ["Tufts", "University", "’s", "Feinstein"]
    assert list(tufts["bio"]) == ["B-ORG", "I-ORG", "O", "B-ORG"]


def test_the_disagreements_are_the_eight_differences_of_the_readme(a, b):
    table = pair_disagreements(a, b)
    assert list(table["case"]) == list(range(1, 9))
    assert list(table["kind"]).count("only A") == 1 and list(table["kind"]).count("only B") == 1
    assert set(table["kind"]) == {"boundary", "label", "only A", "only B"}


def test_adjudication_by_the_guidelines_gives_the_reference(a, b, page_reference):
    gold = adjudicate(a, b, DECISIONS)
    wanted = {p.paragraph: p.entities for p in page_reference}
    assert [p.entities for p in gold] == [wanted[16], wanted[21]]
    assert sum(len(p.entities) for p in adjudicate(a, b, None)) == 10  # agreed spans only


def test_adjudication_places_the_quotations_and_refuses_bad_decisions(a, b, page_reference):
    second = next(p for p in page_reference if p.paragraph == 21)
    quotes = [mark_quote(second, "“is patently false,”", "Sean Robertson")]
    gold = adjudicate(a, b, DECISIONS, quotes)
    assert [len(p.quotes) for p in gold] == [0, 1]
    assert gold[1].quotes[0].speaker == "Sean Robertson"
    with pytest.raises(NewstextError, match="no decision yet"):
        adjudicate(a, b, {1: "A"})
    with pytest.raises(NewstextError, match="not in an annotated paragraph"):
        adjudicate(a, b, DECISIONS, [mark_quote(page_reference[0], "“bandit formations”", "X")])
    assert decision_problems(..., 8) and decision_problems(DECISIONS, 8) == []


# --- scoring a pair's two paragraphs -------------------------------------------------


def test_scoring_two_paragraphs_of_an_article(nlp, a, b, page_reference):
    second = next(p for p in page_reference if p.paragraph == 21)
    quotes = [mark_quote(second, q.text, q.speaker) for q in second.quotes]
    gold = adjudicate(a, b, DECISIONS, quotes)
    table = evaluation_table(gold, nlp, patterns=COURSE_PATTERNS, article=page_reference)
    alone = evaluation_table(gold, nlp, patterns=COURSE_PATTERNS)
    model = table.query("system == 'model' and label == 'ALL'")
    assert model["support"].item() == 20
    # the model alone parses each paragraph alone: the article around them changes nothing
    assert model["f1"].item() == alone.query("system == 'model' and label == 'ALL'")["f1"].item()
    quote = table.query("label == 'QUOTE'")
    assert quote["support"].item() == 2 and quote["precision"].item() == 1.0  # none outside


def test_a_gold_without_quotations_gets_no_quotation_rows(nlp, a, b, page_reference):
    table = evaluation_table(adjudicate(a, b, DECISIONS), nlp, article=page_reference)
    assert "quotes" not in set(table["system"])


def test_a_gold_paragraph_outside_the_article_is_refused(nlp, a, b, page_reference):
    gold = adjudicate(a, b, DECISIONS)
    with pytest.raises(ValueError, match="not a paragraph of the article"):
        evaluation_table(gold, nlp, article=page_reference[:3])
