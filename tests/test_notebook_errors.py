"""In a notebook, the course's own errors show as their one line, and still stop Run All."""

import nbformat
import pytest
from nbclient import NotebookClient

from newstext.core.errors import NewstextError
from newstext.course.runner import KERNEL_CONFIG, execute_notebook

CELLS = [
    "from newstext import read_page",
    "read_page('no_such_page.txt')",
    "print('after')",
]


def notebook(tmp_path):
    path = tmp_path / "errors.ipynb"
    cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def test_a_page_error_is_shown_as_its_one_line_without_a_traceback(tmp_path):
    nb = nbformat.read(notebook(tmp_path), as_version=4)
    NotebookClient(nb, kernel_name="python3", allow_errors=True, config=KERNEL_CONFIG,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    (error,) = nb.cells[1].outputs
    assert error["output_type"] == "error"
    assert error["ename"] == "PageError"
    assert error["traceback"] == [f"PageError: {error['evalue']}"]  # one line, no frames
    assert "no_such_page.txt" in error["evalue"]


def test_the_cell_still_fails_so_run_all_stops_there(tmp_path):
    with pytest.raises(NewstextError, match="PageError"):
        execute_notebook(notebook(tmp_path))


def test_other_errors_keep_their_traceback(tmp_path):
    path = tmp_path / "other.ipynb"
    cells = [nbformat.v4.new_code_cell("import newstext\n1 / 0")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name="python3", allow_errors=True, config=KERNEL_CONFIG).execute()
    (error,) = nb.cells[0].outputs
    assert error["ename"] == "ZeroDivisionError" and len(error["traceback"]) > 1
