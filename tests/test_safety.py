"""Nothing lost, nothing leaked: no network, raw data untouched, same files on a re-run,
displaCy output escaped."""

from __future__ import annotations

import hashlib
import socket

import pytest
from spacy import displacy

from conftest import NO_NETWORK, ROOT, STUDENT_NOTEBOOKS, TEACHER_NOTEBOOKS
from newstext.core.model import load_english
from newstext.core.paths import RAW_PAGE
from newstext.course.cli import main
from newstext.course.runner import execute_notebook


def fingerprint(folder) -> dict[str, str]:
    """sha256 of every file below ``folder``."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


#: Taken when the tests are collected, before any notebook runs.
RAW_BEFORE = {
    name: digest
    for name, digest in fingerprint(ROOT / "data" / "raw").items()
    if not name.startswith("own/") or name == "own/README.md"
}
ANNOTATIONS_BEFORE = {
    name: digest
    for name, digest in fingerprint(ROOT / "data" / "annotations").items()
    if not name.startswith("students/") or name == "students/README.md"
}
NOTEBOOKS_BEFORE = fingerprint(ROOT / "notebooks")
PATTERNS_BEFORE = fingerprint(ROOT / "data" / "patterns")


@pytest.fixture
def no_network(monkeypatch):
    def refuse(sock, address):
        raise OSError(f"the course must not use the network, but it tried {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_the_network_guard_works(no_network):
    with pytest.raises(OSError, match="must not use the network"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)


def test_the_notebook_guard_works(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import urllib.request\nurllib.request.urlopen('http://192.0.2.1/', timeout=2)"
            )
        ]
    )
    path = tmp_path / "reach_out.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(Exception, match="must not use the network"):
        execute_notebook(path, prelude=NO_NETWORK)


def test_the_commands_run_without_the_network(no_network, tmp_path):
    assert main(["clean", str(RAW_PAGE), "--out", str(tmp_path)]) == 0
    assert main(["annotate", str(RAW_PAGE), "--out", str(tmp_path)]) == 0


def test_displacy_escapes_html_in_the_text():
    doc = load_english()('<script>alert("x")</script> Donald Trump spoke in Kyiv.')
    entities = displacy.render(doc, style="ent", page=False, jupyter=False)
    assert "<script" not in entities and "&lt;script&gt;" in entities
    tree = displacy.render(doc, style="dep", page=False, jupyter=False)
    assert "<script" not in tree and "&lt;" in tree  # the tokenizer splits "<" off


def test_running_a_notebook_twice_writes_the_same_files(run_notebook):
    notebook = next(p for p in STUDENT_NOTEBOOKS if p.stem == "01_cleaning")
    project = run_notebook.project_of(notebook)
    first = fingerprint(project / "data" / "processed")
    execute_notebook(project / "notebooks" / notebook.name, prelude=NO_NETWORK)
    second = fingerprint(project / "data" / "processed")
    assert any(name.endswith(".csv") for name in first), "notebook 01 writes its tables"
    assert second == first


def test_notebooks_write_only_under_processed_and_students(run_notebook):
    """A checkout where only data/processed/ and data/annotations/students/ are writable
    is enough: nothing else in the project changes, raw data and references least of all."""
    for notebook in STUDENT_NOTEBOOKS + TEACHER_NOTEBOOKS:
        run_notebook(notebook)
        project = run_notebook.project_of(notebook)
        assert fingerprint(project / "data" / "raw") == RAW_BEFORE
        assert fingerprint(project / "data" / "annotations") == ANNOTATIONS_BEFORE
        assert fingerprint(project / "notebooks") == NOTEBOOKS_BEFORE
        top = {path.name for path in project.iterdir()}
        assert top == {"pyproject.toml", "requirements.txt", "data", "notebooks"}
        assert {path.name for path in (project / "data").iterdir()} <= {
            "raw",
            "annotations",
            "patterns",  # the course page's entity patterns, read only
            "processed",
        }
        assert fingerprint(project / "data" / "patterns") == PATTERNS_BEFORE


def test_every_notebook_makes_what_it_needs_from_the_raw_page(run_notebook):
    """Start anywhere: each notebook ran (see test_notebooks) in a project without
    data/processed/, and wrote its own results there."""
    for notebook in STUDENT_NOTEBOOKS[1:]:
        processed = run_notebook.project_of(notebook) / "data" / "processed"
        assert any(processed.iterdir()), notebook.name
