"""Every notebook runs top to bottom from a fresh kernel; checks behave in both editions."""

import json
import re
import subprocess

import pandas as pd
import pytest

from conftest import ROOT, STUDENT_NOTEBOOKS, TEACHER_NOTEBOOKS, output_texts
from newstext.course.runner import export_html

RESULT = re.compile(r"^(✅|❌) Exercise (\d+\.\d+): (.*)$", re.M)


def check_results(nb) -> list[tuple[str, str, str]]:
    return [m.groups() for text in output_texts(nb) for m in RESULT.finditer(text)]


def checked_cells(nb) -> int:
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code" and re.search(r"^check\.\w+\(", cell.source, re.M)
    )


def test_there_are_notebooks_in_both_editions():
    assert [p.name for p in STUDENT_NOTEBOOKS] == [p.name for p in TEACHER_NOTEBOOKS]
    assert "00_start_here.ipynb" in [p.name for p in STUDENT_NOTEBOOKS]


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=lambda p: p.stem)
def test_student_edition_runs_and_every_check_says_not_answered(path, run_notebook):
    nb = run_notebook(path)  # raises, naming the cell, if any cell fails
    results = check_results(nb)
    assert len(results) == checked_cells(nb) >= 1
    for mark, _, message in results:
        assert mark == "❌" and message.startswith("not answered yet")


@pytest.mark.parametrize("path", TEACHER_NOTEBOOKS, ids=lambda p: p.stem)
def test_teacher_edition_passes_every_check(path, run_notebook):
    nb = run_notebook(path)
    results = check_results(nb)
    assert len(results) == checked_cells(nb) >= 1
    assert [r for r in results if r[0] != "✅"] == []


@pytest.mark.parametrize("path", TEACHER_NOTEBOOKS, ids=lambda p: p.stem)
def test_the_core_path_runs_on_its_own(path):
    """A class that skips every "Going further" section runs the rest top to bottom, and
    each exercise of the core still passes: nothing there needs a skipped section (not a
    name, not a file it writes). test_minutes.py checks the names without running."""
    import nbformat

    from conftest import NO_NETWORK, fresh_project
    from newstext.course.runner import core_path, execute_notebook

    project = fresh_project()
    whole = nbformat.read(path, as_version=4)
    core = core_path(whole)
    copy = project / path.relative_to(ROOT).with_name(f"core_{path.name}")
    nbformat.write(core, copy)
    nb = execute_notebook(copy, prelude=NO_NETWORK)  # raises, naming the cell, if one fails
    results = check_results(nb)
    assert len(results) == checked_cells(nb) >= 1
    assert [r for r in results if r[0] != "✅"] == []


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS[:1], ids=lambda p: p.stem)
def test_a_run_writes_an_html_handout(path, run_notebook, tmp_path):
    html = export_html(run_notebook(path), tmp_path / f"{path.stem}.html").read_text(
        encoding="utf-8"
    )
    assert "<html" in html and "Start here" in html
    assert "not answered yet" in html


def test_committed_notebooks_carry_no_outputs():
    tracked = subprocess.run(
        ["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert tracked, "notebooks are tracked by git"
    dirty = []
    for name in tracked:
        nb = json.loads((ROOT / name).read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code" and (cell["outputs"] or cell["execution_count"]):
                dirty.append(name)
                break
    assert dirty == []


# --- 05 on pages of one's own -------------------------------------------------------------

#: The development pages: real news pages kept outside the repository (their text is the
#: publishers'), next to the project's top folder.
DEV_PAGES = ROOT.parent / "shared" / "data" / "pages-dev"
#: Two of them, as a pair of students might bring them: politics, with quotations.
OWN_PAGES = ("reuters_article_global", "thehill_homenews_news")
#: The one line of notebook 05 a student changes to work on a page of their own.
PATH_LINE = 'page = raw_dir() / "polygraph_rukban_2019-11.txt"'


def test_05_runs_on_two_pages_of_the_development_set():
    """Tried as a new user would: two pages saved in data/raw/own/, only the path set, the
    student edition run top to bottom; each page's files land in its own folder."""
    if not DEV_PAGES.is_dir():
        pytest.skip(f"the development pages are not on this machine ({DEV_PAGES} is missing)")
    import shutil

    import nbformat

    from conftest import NO_NETWORK, fresh_project
    from newstext.course.runner import execute_notebook

    project = fresh_project()
    own = project / "data" / "raw" / "own"
    own.chmod(0o755)  # the one folder of data/raw/ a student writes to
    source = nbformat.read(project / "notebooks" / "05_your_own_page.ipynb", as_version=4)
    assert sum(PATH_LINE in cell.source for cell in source.cells) == 1
    for name in OWN_PAGES:
        shutil.copy(DEV_PAGES / f"{name}.txt", own / f"{name}.txt")
        nb = nbformat.read(project / "notebooks" / "05_your_own_page.ipynb", as_version=4)
        for cell in nb.cells:
            cell.source = cell.source.replace(PATH_LINE, f'page = own_pages_dir() / "{name}.txt"')
        copy = project / "notebooks" / f"05_{name}.ipynb"
        nbformat.write(nb, copy)
        results = check_results(execute_notebook(copy, prelude=NO_NETWORK))
        assert len(results) == checked_cells(nb) == 7
        assert all(message.startswith("not answered yet") for _, _, message in results)
    processed = project / "data" / "processed"
    texts = {name: (own / f"{name}.txt").read_text(encoding="utf-8") for name in OWN_PAGES}
    for name in OWN_PAGES:
        other = next(n for n in OWN_PAGES if n != name)
        lines = pd.read_csv(processed / name / "lines.csv", keep_default_na=False)
        assert "\n".join(lines["text"]) == texts[name].rstrip("\n")  # this page, all of it
        theirs = set(texts[other].splitlines()) - set(texts[name].splitlines())
        assert not theirs & set(lines["text"])  # nothing of the other page
        assert (processed / "figures" / f"05_{name.lower()}_evaluation.png").exists()
    assert not (processed / "polygraph_rukban_2019-11").exists()
