"""The notebook runner (`newstext run`, `make run`, `make bench`, the notebook tests)."""

import nbformat

from newstext.course.runner import execute_notebook


def test_a_kernel_started_by_the_runner_prints_no_warning(tmp_path, capfd):
    # The kernel is a child process writing to the same terminal: capfd sees what it prints.
    path = tmp_path / "small.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), path)
    executed = execute_notebook(path)
    assert executed.cells[0].outputs[0]["data"]["text/plain"] == "2"
    printed = capfd.readouterr()
    assert "WARNING" not in printed.err + printed.out
    assert "without encryption" not in printed.err + printed.out
