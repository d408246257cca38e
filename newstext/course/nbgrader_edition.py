"""The nbgrader edition: every lesson as a source notebook for nbgrader.

Many classes run the course on a JupyterHub with nbgrader. Next to the student and teacher
editions, ``make editions`` writes ``nbgrader/source/NN_name/NN_name.ipynb``: one nbgrader
assignment per lesson, in the layout of a course's ``source/`` folder. It is the teacher
edition, with three changes:

* each solution block is marked with nbgrader's ``### BEGIN SOLUTION`` and
  ``### END SOLUTION``, and its cell is an autograded answer cell (``solution``), so that
  ``nbgrader generate_assignment`` puts nbgrader's stub in its place in the release;
* each check cell is a read-only graded cell (``grade``, ``locked``) worth the rubric's points,
  and its check call ends with ``.assert_passed()``: a wrong or missing answer raises, and
  nbgrader's autograder gives 0 to a graded cell that raises (the checks themselves never
  raise, so that the student edition always runs to the end);
* the Markdown cells that explain a solution are left out, as in the student edition: nbgrader
  would release them to the students;
* a concept question's cell (``choice("2.a", my_option)``, from
  :mod:`newstext.course.checks.questions`) is as in the student edition, its solution left out:
  the questions are not graded, and nbgrader's stub would stop the notebook there.

A check cell is a code cell whose last statement calls an exercise check, a function of
``newstext/course/checks/lessonNN.py`` decorated with ``@exercise("N.M")``, through the name
the lesson imported the module as (``from newstext.course.checks import lesson01 as check``).
It grades the solution cells since the previous check cell. Its nbgrader id is
``exercise_N_M``; the answer cells' ids are ``exercise_N_M_answer`` (``_answer_2`` … when an
exercise has more than one). A solution cell that no check follows is still an answer cell,
with the id ``answer_<cell id>``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat

from newstext.core.errors import NewstextError
from newstext.course.editions import split_solution

#: The check modules, read (not imported) to learn which function checks which exercise.
CHECKS_DIR = Path(__file__).parent / "checks"
CHECKS_PACKAGE = "newstext.course.checks"
QUESTIONS_MODULE = "questions"  # newstext.course.checks.questions: the concept questions

#: Points of one exercise. The rubric in docs/teacher_guide.md ("How to mark") gives each
#: exercise 2 points: 2 for a passing check with its reasoning, 1 for a passing check alone.
#: The autograder sees only the check, so it gives 2 for a pass; the teacher lowers it to 1
#: in the manual review when the reasoning is missing (see the guide).
POINTS_PER_EXERCISE = 2

#: What a check cell's check call gets appended in this edition.
ASSERT_PASSED = ".assert_passed()"

NBGRADER_BEGIN = "### BEGIN SOLUTION"
NBGRADER_END = "### END SOLUTION"

_COURSE_MARKER = re.compile(r"^(?P<indent>[ \t]*)# (?P<kind>BEGIN|END) SOLUTION[ \t]*$", re.M)


def exercise_numbers(checks_dir: Path = CHECKS_DIR) -> dict[str, dict[str, str]]:
    """``{module: {check function: exercise number}}`` from the ``@exercise("N.M")``
    decorators of the check modules (``{"lesson01": {"split_source_time": "1.1", …}}``)."""
    numbers: dict[str, dict[str, str]] = {}
    for path in sorted(checks_dir.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                if (
                    isinstance(decorator, ast.Call)
                    and getattr(decorator.func, "id", getattr(decorator.func, "attr", None))
                    == "exercise"
                    and decorator.args
                    and isinstance(decorator.args[0], ast.Constant)
                ):
                    numbers.setdefault(path.stem, {})[node.name] = str(decorator.args[0].value)
    return numbers


def nbgrader_markers(code: str) -> str:
    """``code`` with each ``# BEGIN SOLUTION`` / ``# END SOLUTION`` line written as nbgrader's
    ``### BEGIN SOLUTION`` / ``### END SOLUTION``, at the same indentation."""
    return _COURSE_MARKER.sub(r"\g<indent>### \g<kind> SOLUTION", code)


def has_solution(code: str) -> bool:
    return _COURSE_MARKER.search(code) is not None


def _parse(code: str) -> ast.Module | None:
    """The cell's code as Python, IPython's ``%`` and ``!`` lines blanked; None if it does not
    parse."""
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in code.splitlines()]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def check_module_aliases(codes: list[str]) -> dict[str, str]:
    """``{name in the notebook: check module}`` for every
    ``from newstext.course.checks import lessonNN [as name]`` in ``codes``; a function imported
    from the questions module (``from newstext.course.checks.questions import choice``) maps to
    ``"questions.choice"``."""
    aliases = {}
    for code in codes:
        tree = _parse(code)
        for node in ast.walk(tree) if tree else ():
            if isinstance(node, ast.ImportFrom) and node.module == CHECKS_PACKAGE:
                for name in node.names:
                    aliases[name.asname or name.name] = name.name
            elif isinstance(node, ast.ImportFrom) and node.module == (
                f"{CHECKS_PACKAGE}.{QUESTIONS_MODULE}"
            ):
                for name in node.names:
                    aliases[name.asname or name.name] = f"{QUESTIONS_MODULE}.{name.name}"
    return aliases


def is_question(code: str, aliases: dict[str, str]) -> bool:
    """True when the cell's last statement calls a function of the questions module."""
    tree = _parse(code)
    last = tree.body[-1] if tree and tree.body else None
    if not (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)):
        return False
    func = last.value.func
    if isinstance(func, ast.Name):
        return aliases.get(func.id, "").startswith(f"{QUESTIONS_MODULE}.")
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and aliases.get(func.value.id) == QUESTIONS_MODULE
    )


def exercise_call(
    code: str, aliases: dict[str, str], numbers: dict[str, dict[str, str]]
) -> tuple[str, ast.Call] | None:
    """(exercise number, the call) when the cell's last statement calls an exercise check."""
    tree = _parse(code)
    if tree is None or not tree.body:
        return None
    last = tree.body[-1]
    if not (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)):
        return None
    func = last.value.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return None
    module = aliases.get(func.value.id)
    number = numbers.get(module, {}).get(func.attr) if module else None
    return (number, last.value) if number else None


def append_to_call(code: str, call: ast.Call, suffix: str) -> str:
    """``code`` with ``suffix`` written right after ``call`` (``check.f(x)`` → ``check.f(x)``
    + suffix)."""
    lines = code.splitlines()
    line = lines[call.end_lineno - 1].encode("utf-8")  # ast's columns count UTF-8 bytes
    lines[call.end_lineno - 1] = (
        line[: call.end_col_offset] + suffix.encode("utf-8") + line[call.end_col_offset :]
    ).decode("utf-8")
    return "\n".join(lines)


def grade_id(number: str) -> str:
    """nbgrader's id of exercise ``number``'s check cell: ``"1.2"`` → ``exercise_1_2``."""
    return "exercise_" + number.replace(".", "_")


def answer_metadata(cell_id: str) -> dict:
    """nbgrader's metadata of an autograded answer cell."""
    return {
        "grade": False,
        "grade_id": cell_id,
        "locked": False,
        "schema_version": 3,
        "solution": True,
        "task": False,
    }


def check_metadata(cell_id: str, points: int = POINTS_PER_EXERCISE) -> dict:
    """nbgrader's metadata of a read-only graded cell (an autograder test) worth ``points``."""
    return {
        "grade": True,
        "grade_id": cell_id,
        "locked": True,
        "points": points,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }


def mark_for_nbgrader(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Give the answer and check cells of ``nb`` (whose solution blocks still carry the course's
    markers, and whose cells have their ids) nbgrader's markers and metadata, in place. ``name``
    is for error messages."""
    numbers = exercise_numbers()
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    aliases = check_module_aliases([cell.source for cell in code_cells])
    answers: list[nbformat.NotebookNode] = []
    seen: set[str] = set()
    for cell in code_cells:
        if has_solution(cell.source) and is_question(cell.source, aliases):
            cell.source = split_solution(cell.source)[0]  # as the student edition has it
            continue
        if has_solution(cell.source):
            cell.source = nbgrader_markers(cell.source)
            cell.metadata["nbgrader"] = answer_metadata(f"answer_{cell.id}")  # until checked
            answers.append(cell)
            continue
        found = exercise_call(cell.source, aliases, numbers)
        if found is None:
            continue
        number, call = found
        check_id = grade_id(number)
        if check_id in seen:
            raise NewstextError(f"{name}: exercise {number} is checked in two cells")
        if not answers:
            raise NewstextError(
                f"{name}: the check of exercise {number} has no solution block before it"
            )
        seen.add(check_id)
        for count, answer in enumerate(answers, start=1):
            suffix = "" if count == 1 else f"_{count}"
            answer.metadata["nbgrader"] = answer_metadata(f"{check_id}_answer{suffix}")
        cell.source = append_to_call(cell.source, call, ASSERT_PASSED)
        cell.metadata["nbgrader"] = check_metadata(check_id)
        answers = []
    return nb


def graded_exercises(nb: nbformat.NotebookNode) -> dict[str, int]:
    """``{grade id: points}`` of the graded cells of an nbgrader notebook."""
    return {
        cell.metadata["nbgrader"]["grade_id"]: cell.metadata["nbgrader"]["points"]
        for cell in nb.cells
        if cell.metadata.get("nbgrader", {}).get("grade")
    }
