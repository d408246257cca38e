"""Every exercise check: fails on the stub, fails with a useful message on a typical wrong
answer, passes on the right one, and never raises."""

import importlib
import pkgutil

import pytest

import newstext.checks
from newstext.checks import lesson00
from newstext.checks.core import NOT_ANSWERED, exercise, right


def all_checks():
    for info in pkgutil.iter_modules(newstext.checks.__path__):
        if info.name.startswith("lesson"):
            module = importlib.import_module(f"newstext.checks.{info.name}")
            for value in vars(module).values():
                if callable(value) and hasattr(value, "exercise"):
                    yield value


CHECKS = list(all_checks())


def test_there_are_checks():
    assert lesson00.nonempty_line_count in CHECKS


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_every_check_says_not_answered_on_the_stub(check):
    result = check(...)
    assert not result.passed
    assert result.message == NOT_ANSWERED
    assert str(result).startswith(f"❌ Exercise {check.exercise}: not answered yet")


def test_a_check_never_raises():
    @exercise("9.9")
    def fragile(answer):
        return right() if answer() else right()

    result = fragile(lambda: 1 / 0)
    assert not result.passed
    assert result.message == "checking your answer raised ZeroDivisionError: division by zero"


def test_results_render_as_text_and_html():
    result = lesson00.nonempty_line_count(41)
    assert repr(result) == "✅ Exercise 0.1: correct: 41 of the page's 63 lines hold text."
    assert "border-left" in result._repr_html_()


class TestExercise01NonemptyLines:
    def test_right_answer(self, page_text):
        expected = sum(1 for line in page_text.split("\n") if line.strip())
        assert lesson00.nonempty_line_count(expected).passed

    @pytest.mark.parametrize(
        "wrong, says",
        [
            (63, "that is every line, the empty ones too"),
            (62, "that is the number of newline characters"),
            (22, "that counts the empty lines"),
            (40, "that is not the number of lines with text"),
            ("41", "the answer should be a whole number (an int), but it is a str: '41'"),
            (True, "the answer should be a whole number (an int), but it is a bool"),
        ],
    )
    def test_typical_wrong_answers(self, wrong, says):
        result = lesson00.nonempty_line_count(wrong)
        assert not result.passed
        assert says in result.message
        assert "41" not in result.message.replace("'41'", "")  # never gives the answer away
