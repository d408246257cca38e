"""Every notebook runs top to bottom from a fresh kernel; checks behave in both editions."""

import json
import re
import subprocess

import pytest

from conftest import ROOT, STUDENT_NOTEBOOKS, TEACHER_NOTEBOOKS, output_texts
from newstext.course.runner import export_html

RESULT = re.compile(r"^(✅|❌) Exercise (\d+\.\d+): (.*)$", re.M)


def check_results(nb) -> list[tuple[str, str, str]]:
    return [m.groups() for text in output_texts(nb) for m in RESULT.finditer(text)]


def checked_cells(nb) -> int:
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code" and re.search(r"^check\.\w+\(", cell.source, re.M)
    )


def test_there_are_notebooks_in_both_editions():
    assert [p.name for p in STUDENT_NOTEBOOKS] == [p.name for p in TEACHER_NOTEBOOKS]
    assert "00_start_here.ipynb" in [p.name for p in STUDENT_NOTEBOOKS]


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=lambda p: p.stem)
def test_student_edition_runs_and_every_check_says_not_answered(path, run_notebook):
    nb = run_notebook(path)  # raises, naming the cell, if any cell fails
    results = check_results(nb)
    assert len(results) == checked_cells(nb) >= 1
    for mark, _, message in results:
        assert mark == "❌" and message.startswith("not answered yet")


@pytest.mark.parametrize("path", TEACHER_NOTEBOOKS, ids=lambda p: p.stem)
def test_teacher_edition_passes_every_check(path, run_notebook):
    nb = run_notebook(path)
    results = check_results(nb)
    assert len(results) == checked_cells(nb) >= 1
    assert [r for r in results if r[0] != "✅"] == []


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS[:1], ids=lambda p: p.stem)
def test_a_run_writes_an_html_handout(path, run_notebook, tmp_path):
    html = export_html(run_notebook(path), tmp_path / f"{path.stem}.html").read_text(
        encoding="utf-8"
    )
    assert "<html" in html and "Start here" in html
    assert "not answered yet" in html


def test_committed_notebooks_carry_no_outputs():
    tracked = subprocess.run(
        ["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert tracked, "notebooks are tracked by git"
    dirty = []
    for name in tracked:
        nb = json.loads((ROOT / name).read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code" and (cell["outputs"] or cell["execution_count"]):
                dirty.append(name)
                break
    assert dirty == []
