"""What an exercise needs is shown before it, and what answers it comes after it."""

from __future__ import annotations

import re

import jupytext

from conftest import ROOT
from newstext.course.editions import split_solution


def cells_of(stem: str):
    return jupytext.read(next((ROOT / "lessons").glob(f"{stem}_*.py"))).cells


def student_code(cell) -> str:
    return split_solution(cell.source)[0] if cell.cell_type == "code" else ""


def index_of(cells, predicate) -> int:
    return next(i for i, cell in enumerate(cells) if predicate(cell))


def exercise_heading(number: str):
    return lambda cell: cell.source.startswith(f"## ✏️ Exercise {number}")


def check_cell_after(cells, start: int) -> int:
    return next(
        i
        for i, cell in enumerate(cells)
        if i > start and cell.cell_type == "code" and re.match(r"check\.\w+\(", cell.source)
    )


def test_01_the_reference_line_labels_load_after_exercise_1_4():
    cells = cells_of("01")
    check = check_cell_after(cells, index_of(cells, exercise_heading("1.4")))
    loads = [i for i, cell in enumerate(cells) if "load_line_labels()" in student_code(cell)]
    assert loads and min(loads) > check


def test_02_value_counts_index_and_a_mask_on_it_are_shown_before_exercise_2_2():
    cells = cells_of("02")
    exercise = index_of(cells, exercise_heading("2.2"))
    shown = "\n".join(student_code(cell) for cell in cells[:exercise])
    assert re.search(r"^(\w+) = .*\.value_counts\(\)$", shown, re.M)
    assert re.search(r"(\w+)\[\1 >= \d+\]", shown), "a mask on a value_counts Series"
    assert re.search(r"\w+\.index\b", shown)


def test_04_students_annotate_before_they_see_any_annotation_or_model_output():
    cells = cells_of("04")
    annotating = [
        index_of(cells, lambda c: c.source.startswith("my_entities = [")),
        index_of(cells, lambda c: c.source.startswith("paragraph_7_entities = ...")),
    ]
    before = "\n".join(student_code(cell) for cell in cells[: max(annotating) + 1])
    for reveals in (
        "load_reference(",  # the reference
        "load_annotator(",  # annotators A and B
        "merge_gold(",  # the gold
        "gold_paragraphs(",
        "load_english(",  # the model
        "score_student(",  # any comparison
        "check.",
    ):
        assert reveals not in before, reveals
    assert "paragraphs_to_annotate()" in before  # text and offsets only
    comparisons = [
        index_of(cells, lambda c: "check.paragraph_seven(" in student_code(c)),
        index_of(cells, lambda c: "score_student(my_entities" in student_code(c)),
    ]
    assert min(comparisons) > max(annotating)


def test_03_children_and_dependency_labels_are_shown_in_code_before_exercise_3_1():
    cells = cells_of("03")
    exercise = index_of(cells, exercise_heading("3.1"))
    shown = "\n".join(student_code(cell) for cell in cells[:exercise])
    assert ".children" in shown and ".dep_" in shown


def test_05_the_pair_annotates_before_any_model_output_or_other_annotation():
    cells = cells_of("05")
    annotating = index_of(cells, lambda c: "my_entities = ...  #" in c.source)
    before = "\n".join(student_code(cell) for cell in cells[: annotating + 1])
    for reveals in (
        "load_reference(",  # the partner's file, the page's reference, the course reference
        "load_english(",  # the model
        "page_docs(",
        "course_docs(",
        "annotate_page(",  # entities and quotations
        "evaluation_table(",
        "pair_agreement(",
        "pair_disagreements(",
    ):
        assert reveals not in before, reveals
    assert "page_paragraphs(" in before  # text and offsets only
    swap = index_of(cells, lambda c: "load_reference(file_a)" in student_code(c))
    model = index_of(cells, lambda c: "page_docs(page)" in student_code(c))
    assert annotating < swap < model
