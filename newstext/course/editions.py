"""Build the student and teacher editions of every lesson from its single source.

A lesson is written once, in ``lessons/NN_name.py`` (Jupytext "percent" format: one
``# %%`` marker per cell). Inside a code cell, the lines between ``# BEGIN SOLUTION`` and
``# END SOLUTION`` are the answer to an exercise; a Markdown cell tagged ``solution``
explains it. From the source we build:

* the student edition ``notebooks/NN_name.ipynb``: each solution block becomes a stub
  (``...  # your code here`` inside a block, ``# your code here`` at the top level) and
  solution Markdown cells are left out;
* the teacher edition ``notebooks/teacher/NN_name.ipynb``: the solutions in place, the
  marker lines removed;
* the nbgrader edition ``nbgrader/source/NN_name/NN_name.ipynb``: the teacher edition as an
  nbgrader source notebook, one assignment per lesson (see
  :mod:`newstext.course.nbgrader_edition`).

All are written without outputs, and all start with the same set-up cell (tagged
``launch``): on Google Colab it fetches the course and installs its requirements; anywhere
else it does nothing. ``python -m newstext editions --check`` reports editions that are out
of date with their source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from newstext.core.errors import NewstextError
from newstext.core.paths import project_root

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"
SOLUTION_TAG = "solution"
STUB_COMMENT = "# your code here"

LAUNCH_TAG = "launch"

#: The first code cell of every notebook. ``{repository}`` comes from pyproject.toml.
LAUNCH_CELL = """\
# Set-up for Google Colab: fetch the course and install what it needs. Elsewhere: nothing.
import os
import subprocess
import sys

COURSE = "{repository}"
if "google.colab" in sys.modules:
    if not os.path.exists("/content/course"):
        subprocess.run(["git", "clone", "--depth", "1", COURSE, "/content/course"], check=True)
        os.chdir("/content/course")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-r", "requirements.txt"],
                       check=True)
        print("Installed. Now Runtime → Restart session, then run all cells again.")
    os.chdir("/content/course/notebooks")"""

_MARKER = re.compile(r"^(?P<indent>[ \t]*)# (?P<kind>BEGIN|END) SOLUTION\s*$")


@dataclass(frozen=True)
class Editions:
    """Where a course's lesson sources and built editions live."""

    source_dir: Path
    student_dir: Path
    teacher_dir: Path
    #: nbgrader's ``source/`` folder (one assignment folder per lesson); None: no nbgrader edition
    nbgrader_dir: Path | None = None

    @classmethod
    def of_project(cls, root: Path | None = None) -> Editions:
        root = root or project_root()
        return cls(
            root / "lessons",
            root / "notebooks",
            root / "notebooks" / "teacher",
            root / "nbgrader" / "source",
        )

    def sources(self, only: str | None = None) -> list[Path]:
        """The lesson sources, or only those whose name starts with ``only`` ("02")."""
        sources = sorted(self.source_dir.glob("[0-9][0-9]_*.py"))
        if only is not None:
            sources = [path for path in sources if path.stem.startswith(only)]
        return sources


def split_solution(source: str) -> tuple[str, str, list[str]]:
    """Return (student code, teacher code, solution blocks) for one code cell's source."""
    student: list[str] = []
    teacher: list[str] = []
    blocks: list[str] = []
    block: list[str] | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        marker = _MARKER.match(line)
        if marker and marker["kind"] == "BEGIN":
            if block is not None:
                raise NewstextError(f"line {number}: {BEGIN} inside another solution block")
            block = []
            indent = marker["indent"]
            student.append(f"{indent}...  {STUB_COMMENT}" if indent else STUB_COMMENT)
        elif marker:
            if block is None:
                raise NewstextError(f"line {number}: {END} without a {BEGIN} before it")
            blocks.append("\n".join(block))
            block = None
        elif block is not None:
            block.append(line)
            teacher.append(line)
        else:
            student.append(line)
            teacher.append(line)
    if block is not None:
        raise NewstextError(f"a solution block has no {END}")
    return "\n".join(student), "\n".join(teacher), blocks


def repository_url(root: Path | None = None) -> str:
    """The course's public repository, from ``[project.urls]`` in pyproject.toml."""
    import tomllib

    pyproject = (root or project_root()) / "pyproject.toml"
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["urls"]["Repository"]


def launch_cell() -> nbformat.NotebookNode:
    """The Colab set-up cell that opens every notebook."""
    return nbformat.v4.new_code_cell(
        LAUNCH_CELL.replace("{repository}", repository_url()), metadata={"tags": [LAUNCH_TAG]}
    )


def _clean_metadata(nb: nbformat.NotebookNode) -> None:
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for number, cell in enumerate(nb.cells, start=1):
        cell.id = f"cell-{number:03d}"  # stable ids keep diffs small
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        tags = cell.metadata.get("tags")
        cell.metadata = {"tags": tags} if tags else {}


def build_pair(source_path: Path) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    """Read one lesson source and return its (student, teacher) notebooks."""
    student, teacher, _ = build_all(source_path)
    return student, teacher


def build_all(
    source_path: Path,
) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode, nbformat.NotebookNode]:
    """Read one lesson source and return its (student, teacher, nbgrader) notebooks."""
    import jupytext  # only the build step needs it, not the students

    from newstext.course.nbgrader_edition import mark_for_nbgrader

    source = jupytext.read(source_path)
    student = nbformat.v4.new_notebook()
    teacher = nbformat.v4.new_notebook()
    # The teacher edition without the solutions' prose, its markers kept for nbgrader: cell for
    # cell like the student edition, so the two have the same cell ids.
    graded = nbformat.v4.new_notebook()
    for cell in source.cells:
        is_solution = SOLUTION_TAG in cell.metadata.get("tags", [])
        if cell.cell_type == "code":
            try:
                student_code, teacher_code, blocks = split_solution(cell.source)
            except NewstextError as err:
                raise NewstextError(f"{source_path.name}: {err}") from None
            if is_solution and not blocks:
                raise NewstextError(
                    f"{source_path.name}: a cell tagged '{SOLUTION_TAG}' has no {BEGIN} block"
                )
            for nb, code in (
                (student, student_code),
                (teacher, teacher_code),
                (graded, cell.source),
            ):
                new = nbformat.v4.new_code_cell(code, metadata=dict(cell.metadata))
                nb.cells.append(new)
        else:
            teacher.cells.append(
                nbformat.v4.new_markdown_cell(cell.source, metadata=dict(cell.metadata))
            )
            if not is_solution:
                for nb in (student, graded):
                    nb.cells.append(
                        nbformat.v4.new_markdown_cell(cell.source, metadata=dict(cell.metadata))
                    )
    for nb in (student, teacher, graded):
        nb.cells.insert(1, launch_cell())  # right after the title and header
        _clean_metadata(nb)
    mark_for_nbgrader(graded, source_path.name)
    return student, teacher, graded


def render(nb: nbformat.NotebookNode) -> str:
    """The notebook as the text we commit (stable, so diffs stay small)."""
    return nbformat.writes(nb) + "\n"


def built_editions(
    editions: Editions, source_path: Path
) -> list[tuple[Path, nbformat.NotebookNode]]:
    """Every edition of one lesson: (the file it goes to, the notebook built from the source)."""
    student, teacher, graded = build_all(source_path)
    name = f"{source_path.stem}.ipynb"
    built = [(editions.student_dir / name, student), (editions.teacher_dir / name, teacher)]
    if editions.nbgrader_dir is not None:
        built.append((editions.nbgrader_dir / source_path.stem / name, graded))
    return built


def stale_editions(editions: Editions) -> list[Path]:
    """Edition files that are missing or differ from what their source builds."""
    stale = []
    for source_path in editions.sources():
        for target, nb in built_editions(editions, source_path):
            if not target.exists() or target.read_text(encoding="utf-8") != render(nb):
                stale.append(target)
    return stale


def build_editions(editions: Editions, only: str | None = None) -> list[Path]:
    """Write every edition of every lesson (or of ``only``); return the files that changed."""
    changed = []
    for source_path in editions.sources(only):
        for target, nb in built_editions(editions, source_path):
            target.parent.mkdir(parents=True, exist_ok=True)
            text = render(nb)
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
                changed.append(target)
    return changed
