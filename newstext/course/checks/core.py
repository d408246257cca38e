"""The shared machinery of the exercise checks.

A check is a function decorated with :func:`exercise`. It receives the student's answer
and returns :func:`right` or :func:`wrong` with a message: what is wrong and a hint,
never the answer itself. The decorator turns that into a :class:`CheckResult`, reports an
untouched stub (``...``) as "not answered yet", and catches any error the answer causes,
so a notebook with unanswered or broken exercises still runs top to bottom.
"""

from __future__ import annotations

import functools
import html
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

NOT_ANSWERED = "not answered yet: replace the ... with your code, then run the cell."


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one exercise answer, as shown in the notebook."""

    exercise: str
    passed: bool
    message: str
    kind: str = "Exercise"  # or "Question", for a concept question (see :func:`choose`)

    def __str__(self) -> str:
        mark = "✅" if self.passed else "❌"
        return f"{mark} {self.kind} {self.exercise}: {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.passed else "#b35900"
        return (
            f'<div style="border-left:6px solid {colour};padding:0.4em 0.8em;'
            f'font-size:1.1em">{html.escape(str(self))}</div>'
        )

    def assert_passed(self) -> None:
        """Show the verdict when the answer is right; raise AssertionError with it when not.

        The check cells of the nbgrader edition end with this call, so that nbgrader's
        autograder, which gives a check cell its points unless the cell raises, gives 0 to a
        wrong or missing answer. It displays instead of returning the result because nbgrader
        reads a returned value as a partial score.
        """
        __tracebackhide__ = True  # IPython shows the check cell, not this method, in the error
        if not self.passed:
            raise AssertionError(str(self))
        from IPython.display import display  # installed with every Jupyter kernel

        display(self)


class Verdict(NamedTuple):
    passed: bool
    message: str


def right(message: str = "correct, well done!") -> Verdict:
    """The answer is correct; ``message`` may add what it shows."""
    return Verdict(True, message)


def wrong(message: str) -> Verdict:
    """The answer is not correct; ``message`` says what is wrong and hints at a fix."""
    return Verdict(False, message)


def _stub_function(*args: object) -> None: ...


def is_stub(answer: object) -> bool:
    """True when the student has not replaced the ``...`` stub.

    For a function exercise the stub is a function whose body is only ``...``: its
    bytecode is the same as :func:`_stub_function`'s.
    """
    if answer is Ellipsis:
        return True
    code = getattr(answer, "__code__", None)
    return code is not None and code.co_code == _stub_function.__code__.co_code


def type_problem(answer: object, expected: type | tuple[type, ...], described: str) -> str | None:
    """A message when ``answer`` is not of the ``expected`` type, else None.

    ``int`` also accepts NumPy's integers (what pandas' ``sum`` and ``idxmax`` return), and
    ``float`` any real number; ``bool`` is never a number here.
    """
    if expected is int:
        expected = numbers.Integral
    elif expected is float:
        expected = numbers.Real
    if isinstance(answer, expected) and not isinstance(answer, bool):
        return None
    return f"the answer should be {described}, but it is a {type(answer).__name__}: {answer!r:.60}"


@dataclass(frozen=True)
class Option:
    """One option of a concept question, and what to tell a student who picks it."""

    text: str
    feedback: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    """A multiple-choice concept question: options keyed by letter, exactly one correct."""

    number: str  # "2.a": the notebook, then a letter
    prompt: str
    options: dict[str, Option]

    def __post_init__(self) -> None:
        if sum(option.correct for option in self.options.values()) != 1:
            raise ValueError(f"question {self.number} needs exactly one correct option")

    def markdown(self) -> str:
        """The question as the lesson prints it: a callout with one line per option."""
        lines = [f"> **❓ Question {self.number}**: {self.prompt}", ">"]
        lines += [f"> - {letter}. {option.text}" for letter, option in self.options.items()]
        return "\n".join(lines)


def choose(question: Question, answer: object) -> CheckResult:
    """The feedback on the option ``answer`` (its letter) of ``question``: why it is right,
    or why not. Every option has its own feedback, as in the spaCy course."""
    letters = ", ".join(f'"{letter}"' for letter in question.options)

    def result(passed: bool, message: str) -> CheckResult:
        return CheckResult(question.number, passed, message, kind="Question")

    if answer is Ellipsis:
        return result(False, f"not answered yet: replace the ... with a letter, {letters}.")
    if not isinstance(answer, str):
        return result(False, f"give the letter of one option, as a string: {letters}.")
    letter = answer.strip().strip("().").lower()
    option = question.options.get(letter)
    if option is None:
        return result(False, f"{answer!r} is not one of the options: {letters}.")
    verdict = "right" if option.correct else "not quite"
    return result(option.correct, f"{letter}, {verdict}. {option.feedback}")


def exercise(number: str) -> Callable[[Callable[..., Verdict]], Callable[..., CheckResult]]:
    """Make a check function for exercise ``number`` (for example "1.2")."""

    def decorate(check: Callable[..., Verdict]) -> Callable[..., CheckResult]:
        @functools.wraps(check)
        def run(answer: object, *args: object, **kwargs: object) -> CheckResult:
            if is_stub(answer):
                return CheckResult(number, False, NOT_ANSWERED)
            try:
                verdict = check(answer, *args, **kwargs)
            except Exception as err:  # the student's code may fail in any way
                message = f"checking your answer raised {type(err).__name__}: {err}"
                return CheckResult(number, False, message)
            return CheckResult(number, verdict.passed, verdict.message)

        run.exercise = number
        return run

    return decorate
