"""Where the course's files live, found the same way from a notebook, a test or the CLI."""

from __future__ import annotations

import os
from pathlib import Path

from newstext.core.errors import NewstextError

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
    """The folder for generated files (ignored by git). Created on first use.

    Each page's files go to a folder of their own inside it: see :func:`page_dir`.
    """
    folder = project_root() / "data" / "processed"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


#: The folder of students' own files inside ``data/annotations/``.
STUDENTS_FOLDER_NAME = "students"


def students_dir() -> Path:
    """The folder of students' files: ``data/annotations/students/``, or the folder named by
    ``NEWSTEXT_STUDENTS_DIR`` (the tests use it, so they never fill the real folder).

    It is one of the two folders a read-only checkout on a JupyterHub must leave writable
    (with ``data/processed/``): annotations and per-page overrides go there."""
    if os.environ.get("NEWSTEXT_STUDENTS_DIR"):
        return Path(os.environ["NEWSTEXT_STUDENTS_DIR"])
    return annotations_dir() / STUDENTS_FOLDER_NAME


def own_pages_dir() -> Path:
    """The folder where students put pages of their own (``data/raw/own/``, ignored by git
    but for its README)."""
    return raw_dir() / "own"


#: The course page: the default page of every function that takes one.
RAW_PAGE = raw_dir() / RAW_PAGE_NAME


def page_name(page: str | Path) -> str:
    """A page's name: its file name without the suffix (``daily8_rubio_lavrov_2025-07``);
    a gzipped page loses both suffixes (``page.html.gz`` -> ``page``)."""
    name = Path(page).stem
    if Path(page).suffix.lower() == ".gz":
        name = Path(name).stem
    if not name or name in (".", ".."):
        raise ValueError(f"{page!s} has no file name to name its folder after")
    return name


def page_dir(page: str | Path = RAW_PAGE) -> Path:
    """The folder of the files generated for ``page``: ``data/processed/<page name>/``, so
    that two pages never overwrite each other's files. Created on first use."""
    folder = processed_dir() / page_name(page)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def ensure_folder(folder: str | Path) -> Path:
    """``folder``, created when missing; a one-line error when it is a file or cannot be made."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NewstextError(f"{folder} is a file, not a folder: give a folder for the files.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise NewstextError(f"cannot create the folder {folder} ({err.strerror}).") from None
    return folder
