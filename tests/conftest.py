"""Shared fixtures: the course page, and every notebook executed once per test run."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
import pytest

from newstext.paths import RAW_PAGE, project_root
from newstext.reading import read_page
from newstext.runner import execute_notebook

# Student annotation files written while the tests run (notebook 04 saves one) go to a
# temporary folder, never to data/annotations/students/. Kernels inherit the variable.
os.environ["NEWSTEXT_STUDENTS_DIR"] = tempfile.mkdtemp(prefix="newstext-students-")

ROOT = project_root()
STUDENT_NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TEACHER_NOTEBOOKS = sorted((ROOT / "notebooks" / "teacher").glob("[0-9][0-9]_*.ipynb"))

_executed: dict[Path, nbformat.NotebookNode] = {}

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
def run_notebook():
    """Execute a notebook from a fresh kernel (once per test run) and return it with outputs."""

    def run(path: Path) -> nbformat.NotebookNode:
        if path not in _executed:
            _executed[path] = execute_notebook(path, prelude=NO_NETWORK)
        return _executed[path]

    return run


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
