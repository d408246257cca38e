"""The concept questions: one right option each, feedback on every option, never a crash;
and each question printed in its lesson, with a cell that answers it."""

import re

import jupytext
import pytest

from newstext.course.checks.core import Option, Question, choose
from newstext.course.checks.questions import QUESTIONS, choice
from newstext.course.editions import Editions, split_solution

SOURCES = Editions.of_project().sources()


@pytest.mark.parametrize("number", QUESTIONS, ids=str)
def test_every_option_has_its_own_feedback(number):
    question = QUESTIONS[number]
    assert 3 <= len(question.options) <= 4
    feedbacks = [option.feedback for option in question.options.values()]
    assert len(set(feedbacks)) == len(feedbacks) and all(len(f) > 20 for f in feedbacks)
    for letter, option in question.options.items():
        result = choice(number, letter)
        assert result.passed == option.correct
        assert option.feedback in result.message
        mark = "✅" if option.correct else "❌"
        assert str(result).startswith(f"{mark} Question {number}: {letter}, ")


@pytest.mark.parametrize(
    "answer, says",
    [
        (..., 'not answered yet: replace the ... with a letter, "a", "b", "c".'),
        (2, 'give the letter of one option, as a string: "a", "b", "c".'),
        ("d", "'d' is not one of the options"),
        ("the second", "is not one of the options"),
    ],
)
def test_answers_that_are_no_option(answer, says):
    result = choice("0.a", answer)
    assert not result.passed
    assert says in result.message


@pytest.mark.parametrize("answer", ["b", "B", " b ", "(b)", "b."])
def test_a_letter_may_come_in_several_forms(answer):
    assert choice("0.a", answer).passed


def test_a_question_needs_exactly_one_right_option():
    with pytest.raises(ValueError, match="exactly one correct option"):
        Question("9.a", "?", {"a": Option("x", "y"), "b": Option("z", "w")})
    two = {"a": Option("x", "y", correct=True), "b": Option("z", "w", correct=True)}
    with pytest.raises(ValueError, match="exactly one correct option"):
        Question("9.b", "?", two)


def test_the_result_renders_as_html():
    html = choose(QUESTIONS["0.a"], "a")._repr_html_()
    assert "border-left" in html and "Question 0.a" in html


def question_cells(source):
    """(question number, its Markdown, the code cell after it) for each question of a lesson."""
    cells = jupytext.read(source).cells
    found = []
    for cell, following in zip(cells, cells[1:], strict=False):
        numbers = re.findall(r"\*\*❓ Question (\d+\.[a-z])\*\*", cell.source)
        if cell.cell_type == "markdown" and numbers:
            found.append((numbers[0], cell.source, following))
    return found


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_each_question_is_printed_in_its_lesson_and_answered_in_the_cell_after(source):
    for number, markdown, code in question_cells(source):
        assert number.split(".")[0] == str(int(source.stem[:2])), "a question of this lesson"
        assert QUESTIONS[number].markdown() in markdown, "the lesson prints the question as is"
        assert code.cell_type == "code"
        student, teacher, blocks = split_solution(code.source)
        assert re.search(rf'^choice\("{re.escape(number)}", (\w+)\)$', student, re.M)
        assert "= ..." in student  # the student's stub
        (block,) = blocks
        right = next(k for k, o in QUESTIONS[number].options.items() if o.correct)
        assert block.strip().endswith(f'"{right}"'), "the teacher edition picks the right one"


def test_every_question_is_in_a_lesson():
    printed = [number for source in SOURCES for number, _, _ in question_cells(source)]
    assert sorted(printed) == sorted(QUESTIONS)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_each_lesson_asks_one_or_two_questions(source):
    assert 1 <= len(question_cells(source)) <= 2


def test_00s_question_comes_after_the_environment_check():
    """Issue 17: the question cell imports newstext; with a broken install it failed with a bare
    ModuleNotFoundError before the cell that explains the fix. It comes after that check."""
    cells = jupytext.read(SOURCES[0]).cells
    first = lambda predicate: next(i for i, c in enumerate(cells) if predicate(c))  # noqa: E731
    environment = first(lambda c: c.source.startswith("## Check your environment"))
    explains = first(lambda c: c.cell_type == "code" and "except ModuleNotFoundError" in c.source)
    full_check = first(lambda c: c.cell_type == "code" and "check_environment()" in c.source)
    importing = [
        i for i, c in enumerate(cells)
        if c.cell_type == "code" and ("import newstext" in c.source or "from newstext" in c.source)
    ]
    assert environment < explains == importing[0] and explains < full_check
    question = first(lambda c: c.cell_type == "code" and "questions import choice" in c.source)
    assert question > full_check
