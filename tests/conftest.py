"""Shared fixtures: the course page, and every notebook executed once per test run."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
import pytest

from newstext.core.model import load_english
from newstext.core.paths import RAW_PAGE, project_root
from newstext.core.reading import read_page
from newstext.course.runner import copy_project, execute_notebook
from newstext.evaluating.reference import load_annotator, load_reference
from newstext.exploring.page_docs import article_docs, cleaned_page
from newstext.exploring.tables import tokens_table

# Student annotation files written while the tests run (notebook 04 saves one) go to a
# temporary folder, never to data/annotations/students/. Kernels inherit the variable.
os.environ["NEWSTEXT_STUDENTS_DIR"] = tempfile.mkdtemp(prefix="newstext-students-")
# Parses saved by an earlier run (data/processed/parses/) would stand in for the model in
# the tests that watch what it reads: the tests parse afresh, and tests/test_parsing.py
# switches the saved parses on where it tests them. Kernels inherit the variable.
os.environ["NEWSTEXT_PARSE_CACHE"] = "0"

ROOT = project_root()
STUDENT_NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TEACHER_NOTEBOOKS = sorted((ROOT / "notebooks" / "teacher").glob("[0-9][0-9]_*.ipynb"))

#: Run first in every notebook the tests execute: any connection that leaves the machine
#: raises, so a notebook that reaches for the network fails its test.
NO_NETWORK = """
import socket as _socket

_connect = _socket.socket.connect


def _local_only(sock, address):
    host = address[0] if isinstance(address, tuple) else address
    local = host in ("localhost", "::1") or str(host).startswith("127.")
    if sock.family == _socket.AF_UNIX or local:
        return _connect(sock, address)
    raise OSError(f"the course must not use the network, but it tried {address}")


_socket.socket.connect = _local_only
"""


@pytest.fixture(scope="session")
def page_text() -> str:
    return read_page(RAW_PAGE)


@pytest.fixture(scope="session")
def nlp():
    """The shared English pipeline (test_rules.py uses a pipeline of its own)."""
    return load_english()


@pytest.fixture
def texts_sent_to_pipe(nlp, monkeypatch) -> list[str]:
    """Every text the shared pipeline's ``nlp.pipe`` is asked to read from now on in the test
    (a spy: the texts are still parsed)."""
    asked: list[str] = []
    real_pipe = nlp.pipe

    def spy(texts, *args, **kwargs):
        texts = list(texts)
        asked.extend(texts)
        return real_pipe(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", spy)
    return asked


@pytest.fixture(scope="session")
def reference():
    """The hand-made reference of the main article."""
    return load_reference()


@pytest.fixture(scope="session")
def a():
    """Annotator A's file."""
    return load_annotator("a")


@pytest.fixture(scope="session")
def b():
    """Annotator B's file."""
    return load_annotator("b")


@pytest.fixture(scope="session")
def cleaned(tmp_path_factory):
    """The course page cleaned (its CSV files written to a temporary folder)."""
    return cleaned_page(out_dir=tmp_path_factory.mktemp("processed"))


@pytest.fixture(scope="session")
def docs(cleaned):
    """One parsed Doc per article, the model loaded once for the whole test run."""
    return article_docs(cleaned, load_english())


@pytest.fixture(scope="session")
def tokens(cleaned, docs):
    """The tidy token table of the page."""
    return tokens_table(cleaned, docs)


def fresh_project() -> Path:
    """A copy of the project as a fresh checkout has it (no data/processed/), its raw data
    read only: a notebook run there must make everything it needs itself."""
    root = copy_project(ROOT, Path(tempfile.mkdtemp(prefix="newstext-project-")) / "course")
    for path in (root / "data" / "raw").rglob("*"):
        path.chmod(0o555 if path.is_dir() else 0o444)
    return root


class NotebookRuns:
    """Each notebook executed once per test run, from a fresh kernel, in a fresh project."""

    def __init__(self) -> None:
        self.executed: dict[Path, nbformat.NotebookNode] = {}
        self.projects: dict[Path, Path] = {}

    def __call__(self, path: Path) -> nbformat.NotebookNode:
        if path not in self.executed:
            project = fresh_project()
            copy = project / path.relative_to(ROOT)
            self.executed[path] = execute_notebook(copy, prelude=NO_NETWORK)
            self.projects[path] = project
        return self.executed[path]

    def project_of(self, path: Path) -> Path:
        """The project copy the notebook ran in."""
        self(path)
        return self.projects[path]


@pytest.fixture(scope="session")
def run_notebook() -> NotebookRuns:
    return NotebookRuns()


def output_texts(nb: nbformat.NotebookNode) -> list[str]:
    """The plain-text outputs of every code cell, in order."""
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                texts.append(output["text"])
            elif "text/plain" in output.get("data", {}):
                texts.append(output["data"]["text/plain"])
    return texts
