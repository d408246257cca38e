"""The project's exceptions: each carries one line that says what went wrong and what to do."""

import sys


class NewstextError(Exception):
    """Base class for every error the course code raises on purpose."""


class PageError(NewstextError):
    """A page file cannot be read as text (missing, empty, binary, wrongly encoded, too big)."""


class ModelNotInstalledError(NewstextError):
    """No English spaCy pipeline is installed in the running Python."""


def short_errors_in_notebooks() -> None:
    """In a Jupyter kernel, show a :class:`NewstextError` as its one line, not a traceback.

    The message already says what went wrong and what to do; the frames of the course code
    behind it would only bury it. The cell still fails, so "Run All" stops there. Outside
    IPython (scripts, the command line, the tests) this does nothing.
    """
    if "IPython" not in sys.modules:
        return
    shell = sys.modules["IPython"].get_ipython()
    if shell is not None and hasattr(shell, "set_custom_exc"):
        shell.set_custom_exc((NewstextError,), _one_line)


def _one_line(shell, etype: type, value: BaseException, tb, tb_offset=None) -> list[str]:
    """IPython's handler for our errors: ``PageError: the message``, shown as the cell's
    error output."""
    lines = [f"{etype.__name__}: {value}"]
    shell._showtraceback(etype, value, lines)
    return lines
