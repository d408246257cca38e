"""Honest minutes and a core path that runs on its own.

Each lesson states minutes for its core path and for its "Going further" sections; they agree
with the pace model (newstext.course.pace) within 15 %, and the README, notebook 00 and the
teacher guide state the same. Every Going further section is marked the same way, and nothing
in the core needs it: the names the core's cells use are all defined by earlier core cells. The
teacher guide's plans run in their order by the same test."""

from __future__ import annotations

import ast
import builtins
import re

import jupytext
import pytest

from conftest import ROOT
from newstext.course.editions import SOLUTION_TAG, Editions, split_solution
from newstext.course.pace import GOING_FURTHER, GOING_FURTHER_NOTE, minutes

SOURCES = Editions.of_project().sources()
GUIDE = (ROOT / "docs" / "teacher_guide.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
HEADER_MINUTES = re.compile(
    r"\*\*Minutes\*\* \| (\d+) for the core path(?:[^,|]*, (\d+) going further)?"
)
TOLERANCE = 0.15


def stated(source) -> tuple[int, int]:
    header = jupytext.read(source).cells[0].source
    found = HEADER_MINUTES.search(header)
    assert found, f"{source.name}: the header states no core minutes"
    return int(found[1]), int(found[2] or 0)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_header_states_the_minutes_the_pace_model_gives(source):
    core, further = stated(source)
    model_core, model_further = minutes(source)
    assert abs(core - model_core) <= TOLERANCE * model_core, (core, model_core)
    assert abs(further - model_further) <= max(5, TOLERANCE * model_further)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_going_further_sections_are_marked_the_same_way(source):
    core, _ = stated(source)
    note = (
        f"> **{GOING_FURTHER_NOTE}**: outside the core path. Skip it in a class that keeps to "
        f"the core's {core} minutes: nothing in the core needs it."
    )
    for cell in jupytext.read(source).cells:
        text = re.sub(r"(?<=[^\n])\n> ", " ", cell.source)  # a callout's lines joined
        heading = cell.source.startswith(f"## {GOING_FURTHER}")
        assert heading == (note in text), cell.source[:80]


def table_minutes(text: str, row_marker: str) -> str:
    """The "core + going further" cell of the table row that holds ``row_marker``."""
    row = next(line for line in text.splitlines() if row_marker in line and "|" in line)
    return re.findall(r"\| (\d+ \+ \d+) \|", row)[0]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_readme_notebook_00_and_the_guide_state_the_same_minutes(source):
    core, further = stated(source)
    expected = f"{core} + {further}"
    start = "\n".join(c.source for c in jupytext.read(SOURCES[0]).cells[:4])
    in_start = "(this one)" if source == SOURCES[0] else f"{source.stem}.ipynb)"
    assert table_minutes(README, f"{source.stem}.ipynb)") == expected
    assert table_minutes(start, in_start) == expected
    assert table_minutes(GUIDE, f"{source.stem}.ipynb)") == expected


# --- the core path runs on its own --------------------------------------------------------

BUILTINS = set(dir(builtins))


def names(code: str) -> tuple[set[str], set[str]]:
    """(names a cell defines, names it uses), ``@name`` inside pandas query strings included."""
    tree = ast.parse(code)
    defined, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (defined if isinstance(node.ctx, ast.Store | ast.Del) else used).add(node.id)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.alias):
            defined.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            defined.add(node.name)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            used.update(re.findall(r"@(\w+)", node.value))
    return defined, used


def section_cells(source) -> list[tuple[str, list[str]]]:
    """(section title, its code cells as the teacher edition runs them), in order."""
    found = [("(header)", [])]
    for cell in jupytext.read(source).cells:
        if SOLUTION_TAG in cell.metadata.get("tags", []):
            continue
        heading = re.match(r"## (?!✏️)(.+)", cell.source)
        if cell.cell_type == "markdown" and heading:
            found.append((heading[1].strip(), []))
        elif cell.cell_type == "code":
            found[-1][1].append(split_solution(cell.source)[1])
    return found


def missing_names(cells: list[str]) -> list[str]:
    """Names a cell uses that no earlier cell (nor the cell itself) defines."""
    known, missing = set(BUILTINS), []
    for code in cells:
        defined, used = names(code)
        missing += sorted(used - known - defined)
        known |= defined
    return missing


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_core_path_needs_no_going_further_section(source):
    everything = [code for _, cells in section_cells(source) for code in cells]
    assert missing_names(everything) == [], "the whole lesson defines what it uses"
    core = [
        code
        for title, cells in section_cells(source)
        if not title.startswith(GOING_FURTHER)
        for code in cells
    ]
    assert missing_names(core) == []


# --- the teacher guide's plans ------------------------------------------------------------


def plans() -> dict[str, list[tuple[str, str]]]:
    """{plan heading: [(notebook, sections cell), ...]} from the guide's schedule tables."""
    part = GUIDE[GUIDE.index("## 2. Schedules") : GUIDE.index("## 3. Notebook by notebook")]
    found: dict[str, list[tuple[str, str]]] = {}
    heading = None
    for line in part.splitlines():
        if line.startswith("#"):
            heading = line.strip("# ")
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if heading and line.startswith("|") and len(cells) == 4:
            for number, items in re.findall(r"\b(0\d): (.+?)(?=(?:\b0\d: )|$)", cells[2]):
                found.setdefault(heading, []).append((number, items))
    return found


def planned_sections(number: str, items: str) -> list[str]:
    """The section titles a plan row names: ``§3`` or an italic heading."""
    source = next(s for s in SOURCES if s.stem.startswith(number))
    titles = [title for title, _ in section_cells(source)]

    def bare(title: str) -> str:
        return re.sub(rf"^(?:{GOING_FURTHER} )?(?:\d+\. )?", "", title)

    chosen = []
    for numbered, named in re.findall(r"§(\d+)|\*([^*]+)\*", items):
        if numbered:
            match = [t for t in titles if re.match(rf"(?:{GOING_FURTHER} )?{numbered}\. ", t)]
        else:
            match = [t for t in titles if bare(t).startswith(named.rstrip(".…"))]
        assert match, f"notebook {number} has no section {numbered or named!r}"
        chosen.append(match[0])
    return chosen


def test_the_guide_has_plans():
    assert len(plans()) >= 2


@pytest.mark.parametrize("plan", list(plans()), ids=str)
def test_each_plan_of_the_guide_runs_in_its_order(plan):
    taught: dict[str, list[str]] = {}
    for number, items in plans()[plan]:
        taught.setdefault(number, []).extend(planned_sections(number, items))
    for number, chosen in taught.items():
        source = next(s for s in SOURCES if s.stem.startswith(number))
        cells = dict(section_cells(source))
        run = cells["(header)"] + [code for title in chosen for code in cells[title]]
        assert missing_names(run) == [], f"notebook {number} in the order {chosen}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_an_exercise_in_a_going_further_section_says_so(source):
    """Issue 17: Exercise 1.3 sat under "Going further: 8" with a heading that read as core.
    An exercise heading says "(going further)" exactly when its section is Going further."""
    going_further = False
    for cell in jupytext.read(source).cells:
        if cell.cell_type != "markdown":
            continue
        if cell.source.startswith("## ") and not cell.source.startswith("## ✏️"):
            going_further = cell.source.startswith(f"## {GOING_FURTHER}")
        if cell.source.startswith("## ✏️ Exercise"):
            heading = cell.source.splitlines()[0]
            assert ("(going further)" in heading) == going_further, heading
