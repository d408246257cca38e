"""The same frame in every notebook: header, callouts, key points, links that resolve, the
Colab set-up cell, no absolute paths; and the README's launch links."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, STUDENT_NOTEBOOKS, TEACHER_NOTEBOOKS
from newstext.course.editions import LAUNCH_TAG, launch_cell, repository_url

ALL_NOTEBOOKS = STUDENT_NOTEBOOKS + TEACHER_NOTEBOOKS
LESSONS = [p for p in STUDENT_NOTEBOOKS if not p.stem.startswith("00")]
CALLOUTS = ("📝 Note", "✏️ Exercise", "⚠️ Warning")
#: Callouts a notebook may use too, once its legend shows them.
MORE_CALLOUTS = ("✍️ Your answer", "❓ Question", "🧭 Going further")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def markdown(nb) -> list[str]:
    return [cell.source for cell in nb.cells if cell.cell_type == "markdown"]


def relative_links(text: str) -> list[str]:
    return [link for link in LINK.findall(text) if not re.match(r"[a-z]+:", link)]


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_header_has_questions_objectives_prerequisites_and_minutes(path):
    header = read(path).cells[0].source
    assert header.startswith("# ")
    for field in ("**Questions**", "**Objectives**", "**Prerequisites**"):
        assert field in header
    assert re.search(r"\*\*Minutes\*\* \| \d+", header)


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_callouts_are_those_of_the_legend(path):
    cells = markdown(read(path))
    legend = "\n".join(cells[:2])  # the header and the cell after it
    for callout in CALLOUTS:
        assert callout in legend, f"the legend does not show {callout}"
    text = "\n".join(cells)
    for block_start in re.findall(r"(?:^|\n)(?!> )[^\n]*\n> \*\*([^*]+)\*\*", text):
        callout = re.sub(r" \d+\.[a-z]$", "", block_start)  # "❓ Question 2.a"
        assert callout in CALLOUTS + MORE_CALLOUTS, block_start
        assert callout in legend, f"the legend does not show {callout}"


def test_the_start_notebook_shows_every_callout_of_the_course():
    legend = "\n".join(markdown(read(STUDENT_NOTEBOOKS[0]))[:2])
    for callout in CALLOUTS + MORE_CALLOUTS:
        assert f"**{callout}**" in legend


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_key_points_and_navigation_end_the_notebook(path):
    cells = markdown(read(path))
    assert any(cell.startswith("## Key points") for cell in cells)
    last = cells[-1]
    assert "**Contents**: [00 Start here](00_start_here.ipynb)" in last
    number = int(path.stem[:2])
    if number > 0:
        assert "**Previous**" in last
    if number < len(STUDENT_NOTEBOOKS) - 1:
        assert "**Next**" in last


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_relative_link_resolves(path):
    for text in markdown(read(path)):
        for link in relative_links(text):
            assert (path.parent / link).exists(), f"{path.name}: broken link {link}"


@pytest.mark.parametrize(
    "doc",
    ["README.md", "data/raw/README.md", "docs/teacher_guide.md", "data/annotations/README.md"],
)
def test_links_in_the_docs_resolve(doc):
    path = ROOT / doc
    assert path.exists()
    for link in relative_links(path.read_text(encoding="utf-8")):
        assert (path.parent / link).exists(), f"{doc}: broken link {link}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_lesson_has_at_least_four_exercises(path):
    checks = [
        c
        for c in read(path).cells
        if c.cell_type == "code" and re.search(r"^check\.\w+\(", c.source, re.M)
    ]
    assert len(checks) >= 4


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_colab_cell_opens_every_notebook(path):
    cell = read(path).cells[1]
    assert cell.metadata.get("tags") == [LAUNCH_TAG]
    assert cell.source == launch_cell().source
    assert repository_url() in cell.source


def test_the_colab_cell_does_nothing_elsewhere(monkeypatch):
    def no_subprocess(*args, **kwargs):
        raise AssertionError("the launch cell ran a command outside Colab")

    monkeypatch.setattr(subprocess, "run", no_subprocess)
    before = os.getcwd()
    exec(launch_cell().source, {})
    assert os.getcwd() == before


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_absolute_paths(path):
    for cell in read(path).cells:
        if LAUNCH_TAG in cell.metadata.get("tags", []):
            continue  # /content/course is Colab's own folder
        assert not re.search(r"(/work/|/home/|/Users/|/tmp/|[A-Z]:\\\\)", cell.source), cell.source


def test_readme_badges_open_notebook_00_of_this_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    repository = repository_url().removeprefix("https://github.com/")
    binder = re.search(r"mybinder\.org/v2/gh/([^/]+/[^/]+)/HEAD\?urlpath=lab/tree/(\S+?)\)", readme)
    colab = re.search(
        r"colab\.research\.google\.com/github/([^/]+/[^/]+)/blob/main/(\S+?)\)", readme
    )
    for badge in (binder, colab):
        assert badge is not None
        assert badge.group(1) == repository
        assert (ROOT / badge.group(2)).exists()
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"


def test_the_teacher_guide_names_each_exercise_as_the_lesson_does():
    """The answer key's heading of an exercise carries the lesson's "(going further)" label,
    so that a teacher who plans the core path sees which exercises it leaves out."""
    heading = re.compile(r"^# ## ✏️ Exercise (\d+\.\d+)( \(going further\))?:", re.M)
    in_lessons = {}
    for lesson in sorted((ROOT / "lessons").glob("[0-9][0-9]_*.py")):
        for number, label in heading.findall(lesson.read_text(encoding="utf-8")):
            in_lessons[number] = label
    guide = (ROOT / "docs" / "teacher_guide.md").read_text(encoding="utf-8")
    in_guide = dict(re.findall(r"^\*Exercise (\d+\.\d+)( \(going further\))?:", guide, re.M))
    assert in_guide == in_lessons
