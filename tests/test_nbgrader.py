"""The nbgrader edition: its metadata, and a run through nbgrader itself.

In a temporary course folder, `nbgrader generate_assignment` releases every lesson, and
`nbgrader autograde` grades two submissions of each: the teacher edition's answers (full
marks) and the student edition's stubs (zero). A submission is the released notebook with its
answer cells filled in as that edition has them, as a student would hand it in.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, fresh_project
from newstext.core.errors import NewstextError
from newstext.course.checks.core import CheckResult
from newstext.course.editions import SOLUTION_TAG, Editions, build_all, split_solution
from newstext.course.nbgrader_edition import (
    ASSERT_PASSED,
    NBGRADER_BEGIN,
    NBGRADER_END,
    answer_metadata,
    exercise_numbers,
    grade_id,
    graded_exercises,
    mark_for_nbgrader,
)

EDITIONS = Editions.of_project()
LESSONS = [path.stem for path in EDITIONS.sources()]
STUDENTS = {"teacher": EDITIONS.teacher_dir, "student": EDITIONS.student_dir}

#: In the temporary course folder: nbgrader's kernels encrypt their connection as ours do
#: (newstext.course.runner), so they print no warning.
NBGRADER_CONFIG = """\
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "newstext"
c.KernelManager.transport_encryption = "auto"
"""


def nbgrader_notebook(lesson: str) -> nbformat.NotebookNode:
    return nbformat.read(EDITIONS.nbgrader_dir / lesson / f"{lesson}.ipynb", as_version=4)


def meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def course_markers(code: str) -> str:
    """nbgrader's solution markers written back as the course's."""
    return re.sub(r"### (BEGIN|END) SOLUTION", r"# \1 SOLUTION", code)


def rubric_points() -> dict[str, int]:
    """{exercise: its highest mark} from the rubric tables of the teacher guide, whose header
    reads `| Ex. | 2 points | 1 point | 0 |`."""
    points, top = {}, None
    guide = (ROOT / "docs" / "teacher_guide.md").read_text(encoding="utf-8")
    for line in guide.splitlines():
        header = re.match(r"\| Ex\. \| (\d+) points? \|", line)
        row = re.match(r"\| (\d+\.\d+) \|", line)
        if header:
            top = int(header[1])
        elif row and top is not None:
            points[row[1]] = top
        elif not line.startswith("|"):
            top = None
    return points


# --- The edition, without running nbgrader ---------------------------------------------


def test_every_exercise_is_graded_with_its_rubric_points():
    rubric = rubric_points()
    graded = {}
    for lesson in LESSONS:
        graded.update(graded_exercises(nbgrader_notebook(lesson)))
    numbers = [n for module in exercise_numbers().values() for n in module.values()]
    assert sorted(graded) == sorted(grade_id(n) for n in numbers)
    assert sorted(rubric) == sorted(numbers), "the guide's rubric names every exercise"
    assert graded == {grade_id(n): rubric[n] for n in numbers}


@pytest.mark.parametrize("lesson", LESSONS)
def test_cell_for_cell_the_student_edition_with_nbgrader_markers(lesson):
    graded = nbgrader_notebook(lesson)
    student = nbformat.read(EDITIONS.student_dir / f"{lesson}.ipynb", as_version=4)
    assert [c.id for c in graded.cells] == [c.id for c in student.cells]
    for mine, theirs in zip(graded.cells, student.cells, strict=True):
        if meta(mine).get("solution"):
            assert NBGRADER_BEGIN in mine.source and NBGRADER_END in mine.source
            assert not meta(mine).get("grade") and not meta(mine).get("locked")
            assert split_solution(course_markers(mine.source))[0] == theirs.source
        elif meta(mine).get("grade"):
            assert meta(mine)["locked"]
            assert mine.source == theirs.source.rstrip() + ASSERT_PASSED
        else:
            assert mine.source == theirs.source
            assert "SOLUTION" not in mine.source
    assert not any(SOLUTION_TAG in c.metadata.get("tags", []) for c in graded.cells)


def test_a_check_without_a_solution_is_an_error_and_an_unchecked_solution_is_ungraded():
    numbers = exercise_numbers()["lesson00"]
    call = f"check.{next(iter(numbers))}(answer)"
    imports = "from newstext.course.checks import lesson00 as check"

    def notebook(*codes):
        cells = [nbformat.v4.new_code_cell(code) for code in codes]
        for number, cell in enumerate(cells, start=1):
            cell.id = f"cell-{number:03d}"
        return nbformat.v4.new_notebook(cells=cells)

    answer = "answer = ...\n# BEGIN SOLUTION\nanswer = 41\n# END SOLUTION"
    marked = mark_for_nbgrader(notebook(imports, answer, call), "ok")
    assert [meta(c).get("grade_id") for c in marked.cells] == [
        None,
        "exercise_0_1_answer",
        "exercise_0_1",
    ]
    with pytest.raises(NewstextError, match="exercise 0.1 has no solution block before it"):
        mark_for_nbgrader(notebook(imports, call), "no_solution")
    unchecked = mark_for_nbgrader(notebook(imports, answer, call, answer), "unchecked")
    assert meta(unchecked.cells[-1]) == answer_metadata("answer_cell-004")
    assert sorted(graded_exercises(unchecked)) == ["exercise_0_1"]
    with pytest.raises(NewstextError, match="exercise 0.1 is checked in two cells"):
        mark_for_nbgrader(notebook(imports, answer, call, answer, call), "twice")


def test_a_concept_question_is_as_in_the_student_edition_and_not_graded():
    question = (
        "from newstext.course.checks.questions import choice\n\n"
        'my_option = ...\n# BEGIN SOLUTION\nmy_option = "b"\n# END SOLUTION\n'
        'choice("0.a", my_option)'
    )
    cell = nbformat.v4.new_code_cell(question)
    cell.id = "cell-001"
    marked = mark_for_nbgrader(nbformat.v4.new_notebook(cells=[cell]), "question")
    assert marked.cells[0].source == split_solution(question)[0]
    assert "nbgrader" not in marked.cells[0].metadata


def test_a_missing_solution_marker_stops_the_build(tmp_path):
    source = tmp_path / "99_bad.py"
    source.write_text(
        "# %%\nfrom newstext.course.checks import lesson00 as check\n\n"
        "# %%\nanswer = 41\n\n# %%\ncheck.nonempty_line_count(answer)\n",
        encoding="utf-8",
    )
    with pytest.raises(NewstextError, match="99_bad.py: the check of exercise 0.1 has no"):
        build_all(source)


def test_assert_passed_raises_with_the_message_unless_the_answer_is_right(capsys):
    with pytest.raises(AssertionError, match="❌ Exercise 9.9: not yet"):
        CheckResult("9.9", False, "not yet").assert_passed()
    assert CheckResult("9.9", True, "well done").assert_passed() is None
    assert "✅ Exercise 9.9: well done" in capsys.readouterr().out


# --- Through nbgrader ------------------------------------------------------------------


def as_submission(released: nbformat.NotebookNode, edition: Path) -> nbformat.NotebookNode:
    """The released notebook with its answer cells as ``edition`` has them."""
    cells = [
        cell
        for cell in nbformat.read(edition, as_version=4).cells
        if SOLUTION_TAG not in cell.metadata.get("tags", [])
    ]
    submission = copy.deepcopy(released)
    for mine, theirs in zip(submission.cells, cells, strict=True):
        assert mine.cell_type == theirs.cell_type
        if meta(mine).get("solution"):
            mine.source = theirs.source
    return submission


def nbgrader(course: Path, env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory):
    """A course folder after generate_assignment and autograde: (folder, nbgrader's log)."""
    course = tmp_path_factory.mktemp("nbgrader") / "course"
    course.mkdir()
    (course / "nbgrader_config.py").write_text(NBGRADER_CONFIG, encoding="utf-8")
    shutil.copytree(EDITIONS.nbgrader_dir, course / "source")
    env = dict(os.environ)
    # nbgrader runs `alembic` for its database; the notebooks write to a copy of the project.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["NEWSTEXT_ROOT"] = str(fresh_project())
    log = nbgrader(course, env, "generate_assignment", "*")
    for lesson in LESSONS:
        released = nbformat.read(course / "release" / lesson / f"{lesson}.ipynb", as_version=4)
        for student, folder in STUDENTS.items():
            target = course / "submitted" / student / lesson / f"{lesson}.ipynb"
            target.parent.mkdir(parents=True)
            nbformat.write(as_submission(released, folder / f"{lesson}.ipynb"), target)
    log += nbgrader(course, env, "autograde", "*")
    return course, log


def scores(course: Path, student: str) -> dict[str, tuple[float, float]]:
    """{lesson: (score, max score)} of one student's autograded submissions."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {
            lesson: (submission.score, submission.max_score)
            for lesson in LESSONS
            for submission in [gradebook.find_submission(lesson, student)]
        }


def test_the_release_has_nbgraders_stubs_and_no_solution(graded_course):
    course, _ = graded_course
    for lesson in LESSONS:
        released = nbformat.read(course / "release" / lesson / f"{lesson}.ipynb", as_version=4)
        text = "\n".join(cell.source for cell in released.cells)
        assert "SOLUTION" not in text
        answers = [c for c in released.cells if meta(c).get("solution")]
        assert answers and all("raise NotImplementedError()" in c.source for c in answers)
        for cell in nbgrader_notebook(lesson).cells:
            for block in split_solution(course_markers(cell.source))[2]:
                assert block.strip() not in text


def graded_outputs(course: Path, student: str) -> list[list[dict]]:
    """The outputs of every graded cell in one student's autograded notebooks."""
    outputs = []
    for lesson in LESSONS:
        path = course / "autograded" / student / lesson / f"{lesson}.ipynb"
        nb = nbformat.read(path, as_version=4)
        outputs += [cell.outputs for cell in nb.cells if meta(cell).get("grade")]
    return outputs


def test_autograde_gives_the_teacher_edition_full_marks(graded_course):
    course, _ = graded_course
    marks = scores(course, "teacher")
    assert marks == {lesson: (marks[lesson][1], marks[lesson][1]) for lesson in LESSONS}
    assert sum(top for _, top in marks.values()) == sum(rubric_points().values())
    for outputs in graded_outputs(course, "teacher"):
        assert [o["output_type"] for o in outputs] == ["display_data"]
        assert outputs[0]["data"]["text/plain"].startswith("✅")


def test_autograde_gives_the_student_edition_zero(graded_course):
    course, _ = graded_course
    assert all(score == 0 for score, _ in scores(course, "student").values())
    for outputs in graded_outputs(course, "student"):  # each check cell failed its assert
        assert [(o["output_type"], o.get("ename")) for o in outputs] == [
            ("error", "AssertionError")
        ]
        assert "not answered yet" in outputs[0]["evalue"]


def test_nbgraders_kernels_print_no_warning(graded_course):
    _, log = graded_course
    assert "[IPKernelApp] WARNING" not in log
