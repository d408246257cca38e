"""Students write: every "why" the teacher guide's rubrics give points for has a "✍️ Your
answer" cell in the student notebook, where the student writes it."""

from __future__ import annotations

import re

import nbformat
import pytest

from conftest import ROOT, STUDENT_NOTEBOOKS

GUIDE = (ROOT / "docs" / "teacher_guide.md").read_text(encoding="utf-8")
PROMPT = "**✍️ Your answer**"


def notebook(number: str) -> nbformat.NotebookNode:
    path = next(p for p in STUDENT_NOTEBOOKS if p.stem.startswith(number))
    return nbformat.read(path, as_version=4)


def one_line(text: str) -> str:
    return re.sub(r"\s*\n(?:> )?", " ", text)


def rubric_exercises() -> list[str]:
    """The exercises of the guide's rubric tables (rows such as ``| 2.1 | ✅ ... |``)."""
    return re.findall(r"^\| (\d\.\d) \| ", GUIDE, re.M)


def notebook_rubric_prompts() -> list[tuple[str, str]]:
    """(notebook, question) for each written answer a notebook rubric gives points for."""
    found = []
    for number, rubric in re.findall(
        r"\*\*Notebook rubric \((\d\d)\):\*\*(.*?)\*\*Total", GUIDE, re.S
    ):
        for prompt in re.findall(r'✍️ answer to\s+"([^"]+)"', rubric):
            found.append((number, one_line(prompt)))
    return found


def test_the_guide_has_a_rubric_row_per_exercise():
    assert len(rubric_exercises()) == 24
    assert {number for number, _ in notebook_rubric_prompts()} == {
        "00", "01", "02", "03", "04", "05",
    }


@pytest.mark.parametrize("exercise", rubric_exercises())
def test_each_exercise_asks_for_its_why_after_its_check(exercise):
    cells = notebook(f"0{exercise[0]}").cells
    start = next(i for i, c in enumerate(cells) if c.source.startswith(f"## ✏️ Exercise {exercise}"))
    check = next(
        i
        for i, c in enumerate(cells)
        if i > start and c.cell_type == "code" and re.search(r"^check\.\w+\(", c.source, re.M)
    )
    written = next(i for i, c in enumerate(cells) if f"{PROMPT} (Exercise {exercise})" in c.source)
    assert written > check, "the why comes after the check"
    assert not any(c.source.startswith("## ") for c in cells[check:written])
    cell = cells[written]
    assert cell.cell_type == "markdown" and cell.metadata.get("tags") == ["written"]


@pytest.mark.parametrize("number, prompt", notebook_rubric_prompts())
def test_each_notebook_rubric_prompt_is_a_cell_of_its_notebook(number, prompt):
    written = [
        one_line(c.source) for c in notebook(number).cells if c.source.startswith(f"> {PROMPT}")
    ]
    assert any(prompt in cell for cell in written), prompt


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=lambda p: p.stem)
def test_written_cells_leave_room_to_write(path):
    cells = nbformat.read(path, as_version=4).cells
    written = [c for c in cells if "written" in c.metadata.get("tags", [])]
    assert written
    assert written == [c for c in cells if c.source.startswith(f"> {PROMPT}")]
    for cell in written:
        assert cell.cell_type == "markdown"
        assert cell.source.rstrip().endswith("*Write here (double-click this cell).*")
