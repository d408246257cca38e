"""Checks for the course's exercises, one module per lesson.

Each check takes the student's answer and returns a :class:`CheckResult` that says whether it
is right and, if not, what is wrong with a hint, never the answer itself. In a notebook::

    from newstext.course.checks import lesson00 as check
    check.nonempty_line_count(answer)
"""

from newstext.course.checks.core import CheckResult

__all__ = ["CheckResult"]
