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


def test_core_path_leaves_out_each_going_further_section_up_to_the_next_section():
    from newstext.course.runner import core_path

    markdown, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook(
        cells=[
            markdown("# Title"),
            code("a = 1"),
            markdown("## 1. Core"),
            code("b = a"),
            markdown("## Going further: 2. Extra"),
            code("c = b"),
            markdown("## ✏️ Exercise 1.1 (going further): inside the extra section"),
            code("d = c"),
            markdown("## 3. Core again"),
            code("e = b"),
            markdown("## Going further: 4. Last"),
            code("f = e"),
        ]
    )
    core = core_path(nb)
    assert [cell.source for cell in core.cells] == [
        "# Title",
        "a = 1",
        "## 1. Core",
        "b = a",
        "## 3. Core again",
        "e = b",
    ]
    assert len(nb.cells) == 12  # the notebook itself is left whole
