"""Execute notebooks from a fresh kernel, as "Restart Kernel and Run All" does."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import zmq
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets.config import Config

from newstext.core.errors import NewstextError
from newstext.course.pace import GOING_FURTHER

CELL_TIMEOUT = 300  # seconds; a cell of this course takes a few

#: How our kernels are started. ipykernel 7 warns on the terminal ("Kernel is running over TCP
#: without encryption") when its connection is not encrypted, and jupyter_client leaves
#: encryption off unless asked: "auto" gives each kernel its own CurveZMQ keys when its
#: kernelspec says it supports them (ipykernel's does), so the traffic is encrypted and the
#: kernel has nothing to warn about.
KERNEL_CONFIG = Config(
    {"KernelManager": {"transport_encryption": "auto" if zmq.has("curve") else "disabled"}}
)


def execute_notebook(
    path: Path, timeout: int = CELL_TIMEOUT, prelude: str | None = None
) -> nbformat.NotebookNode:
    """Run every cell of ``path`` in a new kernel started in the notebook's folder.

    ``prelude`` is code run first, in a cell of its own (the tests use it to cut the
    network). Returns the notebook with its outputs; raises :class:`NewstextError` naming
    the failing cell when a cell raises.
    """
    nb = nbformat.read(path, as_version=4)
    if prelude:
        nb.cells.insert(0, nbformat.v4.new_code_cell(prelude))
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(Path(path).parent)}},
        config=KERNEL_CONFIG,
    )
    try:
        client.execute()
    except CellExecutionError as err:
        last_line = str(err).strip().splitlines()[-1] if str(err).strip() else "an error"
        raise NewstextError(f"{path} failed: {last_line}") from None
    return nb


#: A section heading: ``## `` at the start of a Markdown cell, an exercise's ``## ✏️`` heading
#: excepted (an exercise belongs to the section it sits in, as in :mod:`newstext.course.pace`).
_SECTION_HEADING = re.compile(r"## (?!✏️)(.+)")


def core_path(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without its "Going further" sections: the notebook a class that keeps
    to the core runs. A section runs from its ``## `` heading cell to the next one."""
    core = nbformat.from_dict(nb)  # a deep copy
    kept, skipping = [], False
    for cell in core.cells:
        heading = _SECTION_HEADING.match(cell.source) if cell.cell_type == "markdown" else None
        if heading:
            skipping = heading[1].startswith(GOING_FURTHER)
        if not skipping:
            kept.append(cell)
    core.cells = kept
    return core


def export_html(nb: nbformat.NotebookNode, target: Path) -> Path:
    """Write an executed notebook as a stand-alone HTML handout."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nb)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target


def run_notebooks(paths: list[Path], html_dir: Path | None = None) -> list[Path]:
    """Execute each notebook; with ``html_dir``, write NAME.html there and return those paths."""
    written = []
    for path in paths:
        nb = execute_notebook(path)
        if html_dir is not None:
            written.append(export_html(nb, Path(html_dir) / f"{Path(path).stem}.html"))
    return written


def copy_project(source: Path, target: Path) -> Path:
    """Copy what the notebooks read (pyproject.toml, requirements, data, notebooks) from the
    project at ``source`` into ``target``, as a fresh checkout has it: no generated files in
    ``data/processed/``, no students' files (annotations, own pages). Returns ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("pyproject.toml", "requirements.txt"):
        shutil.copy(source / name, target / name)
    generated = shutil.ignore_patterns("processed", "*.jsonl.tmp")
    shutil.copytree(source / "data", target / "data", ignore=generated)
    # Students' files (annotations, own pages) stay on their machine, out of any copy.
    for folder in ("annotations/students", "raw/own"):
        for path in (target / "data" / folder).glob("*"):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.name != "README.md":
                path.unlink()
    shutil.copytree(source / "notebooks", target / "notebooks")
    return target
