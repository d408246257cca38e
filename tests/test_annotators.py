"""The two constructed annotators: sound files, plausible agreement, documented differences."""

from __future__ import annotations

import pytest

from newstext.core.paths import annotations_dir
from newstext.evaluating.adjudication import disagreements_table
from newstext.evaluating.agreement import entities_of, exact_match, span_scores
from newstext.evaluating.reference import annotator_path, check_reference, load_annotator


@pytest.fixture(scope="module", params=["a", "b"])
def annotator(request):
    return request.param, load_annotator(request.param)


def test_every_offset_points_at_its_text(annotator, page_text):
    name, paragraphs = annotator
    assert check_reference(paragraphs, page_text) == [], name
    for paragraph in paragraphs:
        for entity in paragraph.entities:
            assert page_text[entity.start : entity.end] == entity.text


def test_same_paragraphs_as_the_reference_and_entities_only(annotator, reference):
    _, paragraphs = annotator
    assert [(p.paragraph, p.line, p.start, p.end, p.text) for p in paragraphs] == [
        (p.paragraph, p.line, p.start, p.end, p.text) for p in reference
    ]
    assert all(paragraph.quotes == () for paragraph in paragraphs)


def test_counts_against_the_reference(reference):
    a = span_scores(entities_of(load_annotator("a")), entities_of(reference), exact_match)
    b = span_scores(entities_of(load_annotator("b")), entities_of(reference), exact_match)
    assert (a.a_spans, a.b_spans, a.a_matched) == (49, 51, 44)
    assert (b.a_spans, b.b_spans, b.a_matched) == (51, 51, 46)
    assert a.f1 == pytest.approx(0.88)  # 2 * 44 / (49 + 51)
    assert b.f1 == pytest.approx(46 / 51)
    for scores in (a, b):
        assert 0.85 <= scores.f1 <= 0.95


def documented_differences() -> list[tuple[str, ...]]:
    """The rows of the differences table of ANNOTATORS.md."""
    text = (annotations_dir() / "ANNOTATORS.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells[0] in ("A", "B"):
            rows.append(tuple(cells))
    return rows


def test_annotators_md_lists_exactly_the_differences(reference):
    found = []
    for name in ("a", "b"):
        table = disagreements_table(load_annotator(name), reference)
        for row in table.itertuples():
            found.append((name.upper(), str(row.paragraph), row.b_span, row.b_label,
                          row.a_span, row.a_label, row.kind, row.rule))
    assert documented_differences() == found
    assert len(found) == 12


def test_annotator_path_refuses_an_unknown_annotator():
    assert annotator_path("A").name == "annotator_a.jsonl"
    with pytest.raises(ValueError, match="unknown annotator"):
        annotator_path("c")
