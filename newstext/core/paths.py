"""Where the course's files live, found the same way from a notebook, a test or the CLI."""

from __future__ import annotations

import os
from pathlib import Path

RAW_PAGE_NAME = "daily8_rubio_lavrov_2025-07.txt"


def _looks_like_root(folder: Path) -> bool:
    return (folder / "pyproject.toml").is_file() and (folder / "data" / "raw").is_dir()


def project_root() -> Path:
    """Return the repository's top folder.

    ``NEWSTEXT_ROOT`` wins when set; otherwise the current folder and its parents are
    searched (a notebook runs in ``notebooks/``), then the folder above this package.
    """
    if os.environ.get("NEWSTEXT_ROOT"):
        return Path(os.environ["NEWSTEXT_ROOT"]).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if _looks_like_root(folder):
            return folder
    return Path(__file__).resolve().parents[2]


def raw_dir() -> Path:
    """The folder of raw pages: read only, never written."""
    return project_root() / "data" / "raw"


def annotations_dir() -> Path:
    """The folder of committed reference annotations."""
    return project_root() / "data" / "annotations"


def processed_dir() -> Path:
    """The folder for generated files (ignored by git). Created on first use."""
    folder = project_root() / "data" / "processed"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


RAW_PAGE = raw_dir() / RAW_PAGE_NAME
