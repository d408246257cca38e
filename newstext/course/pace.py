"""How long a lesson takes at student pace: its core path, and its "Going further" sections.

A lesson is cut into sections at its ``## `` headings (an exercise's ``## ✏️ Exercise``
heading belongs to the section it sits in). A section whose heading starts with
``## Going further:`` is an extension, skipped in a class that keeps to the core; every other
section is core. Each section's minutes are estimated from what a student does in it:

* reads its Markdown (the student edition's: solutions left out) at :data:`WORDS_PER_MINUTE`;
* runs each code cell and reads its output: :data:`MINUTES_PER_CODE_CELL`;
* does each exercise, wrong answers first: :data:`EXERCISE_MINUTES`;
* writes each "✍️ Your answer" cell: :data:`MINUTES_PER_WRITTEN_ANSWER`;
* answers each "❓ Question": :data:`MINUTES_PER_QUESTION`.

The constants were set against the walkthrough at student pace reported in issue 17 (all five
student notebooks, every exercise tried with a wrong answer first): with them, the lessons as
they were then come out at 18, 82, 110, 83 and 96 minutes, against 15–20, 80–90, 100–120,
80–90 and 90–100 measured. They are an estimate, not a measurement: time a class and correct
them. ``python -m newstext.course.pace`` prints the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

GOING_FURTHER = "Going further:"
#: The one-line note under every "Going further" heading.
GOING_FURTHER_NOTE = "🧭 Going further"

WORDS_PER_MINUTE = 130
MINUTES_PER_CODE_CELL = 0.6
MINUTES_PER_WRITTEN_ANSWER = 2.0
MINUTES_PER_QUESTION = 1.5

#: Minutes per exercise at student pace, a wrong answer and the check's message included.
EXERCISE_MINUTES = {
    "0.1": 5,
    "1.1": 14,
    "1.2": 6,
    "1.3": 10,
    "1.4": 12,
    "2.1": 10,
    "2.2": 14,
    "2.3": 12,
    "2.4": 12,
    "3.1": 15,
    "3.2": 10,
    "3.3": 14,
    "3.4": 12,
    "4.1": 12,
    "4.2": 10,
    "4.3": 8,
    "4.4": 8,
    # 05 is a pair project on a page of the students' own: reading a whole lines table,
    # annotating two paragraphs alone, swapping files and writing a memo take longer.
    "5.1": 14,
    "5.2": 20,
    "5.3": 10,
    "5.4": 15,
    "5.5": 12,
    "5.6": 12,
    "5.7": 30,
}


@dataclass
class Section:
    """One ``## `` section of a lesson and what a student does in it."""

    title: str
    going_further: bool
    words: int = 0
    code_cells: int = 0
    exercises: tuple[str, ...] = ()
    written: int = 0
    questions: int = 0

    @property
    def minutes(self) -> float:
        return (
            self.words / WORDS_PER_MINUTE
            + self.code_cells * MINUTES_PER_CODE_CELL
            + sum(EXERCISE_MINUTES.get(number, 10) for number in self.exercises)
            + self.written * MINUTES_PER_WRITTEN_ANSWER
            + self.questions * MINUTES_PER_QUESTION
        )


# What the sections are read from: headings, exercise headings and words of a cell.
_EXERCISE = re.compile(r"^## ✏️ Exercise (\d+\.\d+)", re.M)
_HEADING = re.compile(r"^## (?!✏️)(.+)$", re.M)
_WORD = re.compile(r"\w+")


def sections(source: str | Path) -> list[Section]:
    """The sections of the lesson ``source`` (a ``lessons/NN_name.py`` file), as a student
    sees them: Markdown cells tagged ``solution`` are left out, and so are solution blocks."""
    import jupytext

    from newstext.course.editions import SOLUTION_TAG

    notebook = jupytext.read(source)
    found = [Section("(header)", going_further=False)]
    for cell in notebook.cells:
        if SOLUTION_TAG in cell.metadata.get("tags", []):
            continue
        if cell.cell_type == "code":
            found[-1].code_cells += 1
            continue
        heading = _HEADING.match(cell.source)
        if heading:
            title = heading[1].strip()
            found.append(Section(title, going_further=title.startswith(GOING_FURTHER)))
        section = found[-1]
        section.words += len(_WORD.findall(cell.source))
        section.exercises += tuple(_EXERCISE.findall(cell.source))
        section.written += cell.source.count("**✍️ Your answer**")
        section.questions += len(re.findall(r"\*\*❓ Question \d+\.[a-z]\*\*", cell.source))
    return found


def minutes(source: str | Path) -> tuple[int, int]:
    """(core, going further) minutes of a lesson, rounded to 5."""
    found = sections(source)
    core = sum(s.minutes for s in found if not s.going_further)
    further = sum(s.minutes for s in found if s.going_further)
    return _round5(core), _round5(further)


def _round5(value: float) -> int:
    return int(5 * round(value / 5))


def main() -> None:
    from newstext.core.paths import project_root

    for source in sorted((project_root() / "lessons").glob("[0-9][0-9]_*.py")):
        print(f"{source.stem}: core {minutes(source)[0]}, going further {minutes(source)[1]}")
        for section in sections(source):
            mark = "→" if section.going_further else " "
            print(f"  {mark} {section.minutes:5.1f}  {section.title}")


if __name__ == "__main__":
    main()
