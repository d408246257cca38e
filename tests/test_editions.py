"""The exercise mechanism: one source per lesson, a student and a teacher edition built from it."""

import re

import jupytext
import pytest

from newstext.core.errors import NewstextError
from newstext.course.editions import (
    STUB_COMMENT,
    Editions,
    build_pair,
    split_solution,
    stale_editions,
)

EDITIONS = Editions.of_project()
SOURCES = EDITIONS.sources()


def test_every_lesson_has_both_editions():
    assert [p.stem for p in SOURCES][:1] == ["00_start_here"]
    for source in SOURCES:
        assert (EDITIONS.student_dir / f"{source.stem}.ipynb").exists()
        assert (EDITIONS.teacher_dir / f"{source.stem}.ipynb").exists()


def test_committed_editions_are_up_to_date_with_their_source():
    assert stale_editions(EDITIONS) == [], "run `make editions` and commit the result"


def test_split_solution_at_top_level_and_inside_a_block():
    source = (
        "answer = ...\n"
        "# BEGIN SOLUTION\n"
        "answer = 41\n"
        "# END SOLUTION\n"
        "def f(x):\n"
        "    # BEGIN SOLUTION\n"
        "    return x + 1\n"
        "    # END SOLUTION\n"
    )
    student, teacher, blocks = split_solution(source)
    assert student == f"answer = ...\n{STUB_COMMENT}\ndef f(x):\n    ...  {STUB_COMMENT}"
    assert teacher == "answer = ...\nanswer = 41\ndef f(x):\n    return x + 1"
    assert blocks == ["answer = 41", "    return x + 1"]
    compile(student, "student", "exec")  # the stub is valid Python


@pytest.mark.parametrize(
    "source, says",
    [
        ("# BEGIN SOLUTION\nx = 1\n", "has no # END SOLUTION"),
        ("x = 1\n# END SOLUTION\n", "without a # BEGIN SOLUTION"),
        ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n", "inside another solution block"),
    ],
)
def test_unbalanced_markers_are_errors(source, says):
    with pytest.raises(NewstextError, match=says):
        split_solution(source)


def test_a_solution_cell_without_a_block_is_an_error(tmp_path):
    source = tmp_path / "99_bad.py"
    source.write_text('# %% tags=["solution"]\nx = 1\n', encoding="utf-8")
    with pytest.raises(NewstextError, match="tagged 'solution' has no # BEGIN SOLUTION"):
        build_pair(source)


def solution_blocks(source) -> list[str]:
    """The code of every solution block of a lesson source, as the teacher sees it."""
    blocks = []
    for cell in jupytext.read(source).cells:
        if cell.cell_type == "code":
            blocks += split_solution(cell.source)[2]
    return blocks


def is_solution(cell) -> bool:
    return "solution" in cell.metadata.get("tags", [])


def scaffold_lines(source) -> set[str]:
    """Code lines the student is meant to see: every code line outside solution blocks."""
    lines = set()
    for cell in jupytext.read(source).cells:
        if cell.cell_type == "code":
            student_code = split_solution(cell.source)[0]
            lines.update(line.strip() for line in student_code.splitlines())
    return lines


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_no_solution_leaks_into_the_student_edition(source):
    student, teacher = build_pair(source)
    student_text = "\n".join(cell.source for cell in student.cells)
    solution_lines = "\n".join(solution_blocks(source)).splitlines()
    for cell in teacher.cells:
        if cell.cell_type == "markdown" and is_solution(cell):
            solution_lines += cell.source.splitlines()
    scaffold = scaffold_lines(source)  # a signature such as `def f(line):` is no secret
    secret = [line.strip() for line in solution_lines if len(line.strip()) >= 12]
    secret = [line for line in secret if line not in scaffold]
    assert secret, "each lesson has at least one exercise with a solution"
    assert [line for line in secret if line in student_text] == []
    assert "BEGIN SOLUTION" not in student_text
    assert not any(is_solution(cell) for cell in student.cells)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_each_exercise_has_a_stub_a_check_and_a_written_solution(source):
    student, teacher = build_pair(source)
    stubs = sum(cell.source.count(STUB_COMMENT) for cell in student.cells)
    check_cells = [
        cell
        for cell in student.cells
        if cell.cell_type == "code" and re.search(r"^check\.\w+\(", cell.source, re.M)
    ]
    written = [cell for cell in teacher.cells if cell.cell_type == "markdown" and is_solution(cell)]
    assert len(solution_blocks(source)) == stubs >= 1
    assert len(check_cells) >= 1
    assert len(written) == len(check_cells), "each checked exercise has a solution explained"
