"""The package's layout: one folder per course stage, dependencies running one way.

The contract lives in ``pyproject.toml`` (``[tool.importlinter]``): course -> evaluating
-> annotating -> exploring -> cleaning -> core. A module may import from the stages below
it, never from a later one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from newstext.core.paths import project_root

ROOT = project_root()
STAGES = ["core", "cleaning", "exploring", "annotating", "evaluating", "course"]


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    """Run import-linter on the package found in ``folder``, with its pyproject's contracts."""
    env = {**os.environ, "PYTHONPATH": str(folder)}
    command = [
        sys.executable,
        "-c",
        "from importlinter.cli import lint_imports_command; lint_imports_command()",
    ]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)


def copy_package(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "newstext", tmp_path / "newstext", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_every_module_lives_in_a_stage_folder():
    top_level = sorted(p.name for p in (ROOT / "newstext").glob("*.py"))
    assert top_level == ["__init__.py", "__main__.py"]
    folders = sorted(
        p.name for p in (ROOT / "newstext").iterdir() if p.is_dir() and p.name != "__pycache__"
    )
    assert folders == sorted(STAGES)


def test_the_import_contracts_hold(tmp_path):
    result = lint_imports(copy_package(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_import_from_a_later_stage_breaks_the_contract(tmp_path):
    folder = copy_package(tmp_path)
    module = folder / "newstext" / "cleaning" / "lines.py"
    module.write_text(module.read_text() + "\nfrom newstext.annotating import quotations  # noqa\n")
    result = lint_imports(folder)
    assert result.returncode != 0
    assert "newstext.cleaning.lines -> newstext.annotating.quotations" in result.stdout


def test_the_readme_and_the_package_docstring_name_every_stage_and_module():
    import newstext

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = readme[readme.index("### The helper package, by notebook") :]
    for stage in STAGES:
        assert f"{stage}/" in tree
        assert f"{stage}/" in newstext.__doc__
        for module in sorted((ROOT / "newstext" / stage).glob("*.py")):
            if module.name != "__init__.py":
                assert module.stem in tree, f"README's tree does not name {stage}/{module.name}"
