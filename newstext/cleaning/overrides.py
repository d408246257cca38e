"""Fixing a wrong line decision for one page without touching the package.

The cleaner decides every line from general evidence, and on your own page it can be
wrong. Do not edit the package: write the page's **override file**, a CSV of ``line_no,
action`` (``keep``, ``drop``, ``headline`` or ``metadata``), one row per line to change::

    from newstext.cleaning.overrides import save_overrides, read_overrides
    from newstext.cleaning.pipeline import clean_file

    save_overrides("data/raw/own/my_page.txt", {12: "keep", 3: "headline"})
    cleaned = clean_file("data/raw/own/my_page.txt")     # applies the file
    cleaned.lines[cleaned.lines["reason"] == "override"]  # what changed, and from what

The file is ``data/annotations/students/overrides/<page name>.csv`` (:func:`overrides_path`),
in the students' folder, which stays writable on a JupyterHub and is ignored by git.
``clean_file`` applies it whenever it exists; each overridden line gets the reason
``override``, its ``original`` decision (``action/reason``) and a row in the cleaning log.
A line made ``headline`` becomes its article's headline, and the article's former headline
is dropped (reason ``override`` too, logged). Delete the file to go back to the cleaner's
decisions.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from newstext.core.errors import NewstextError
from newstext.core.paths import page_name, students_dir

#: The folder of the override files, inside the students' folder.
OVERRIDES_FOLDER_NAME = "overrides"

#: The actions an override may give a line.
OVERRIDE_ACTIONS = ("keep", "drop", "headline", "metadata")

#: The two columns of an override file.
OVERRIDE_COLUMNS = ("line_no", "action")


class OverrideError(NewstextError):
    """An override file, or the overrides given to save, cannot be used."""


def overrides_path(page: str | Path) -> Path:
    """Where the override file of ``page`` is (it may not exist):
    ``data/annotations/students/overrides/<page name>.csv``."""
    return students_dir() / OVERRIDES_FOLDER_NAME / f"{page_name(page)}.csv"


def read_overrides(page: str | Path) -> dict[int, str]:
    """``{line_no: action}`` from the page's override file; ``{}`` when there is none.

    Raises :class:`OverrideError` (one line, with the row) for a file that is not a
    ``line_no,action`` CSV, a line number that is not a whole number from 1, an unknown
    action, or a line given twice.
    """
    path = overrides_path(page)
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.reader(file))
    except (OSError, UnicodeDecodeError) as err:
        raise OverrideError(f"cannot read the override file {path} ({err}).") from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return {}
    header = tuple(cell.strip().lower() for cell in rows[0])
    if header != OVERRIDE_COLUMNS:
        raise OverrideError(
            f"{path}: the first row must be 'line_no,action', not {','.join(rows[0])!r}."
        )
    overrides: dict[int, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 2:
            raise OverrideError(f"{path}, row {number}: give two values, line_no and action.")
        line_no, action = _checked(row[0], row[1], f"{path}, row {number}")
        if line_no in overrides:
            raise OverrideError(f"{path}, row {number}: line {line_no} is given twice.")
        overrides[line_no] = action
    return overrides


def save_overrides(page: str | Path, overrides: dict[int, str]) -> Path:
    """Write ``{line_no: action}`` as the page's override file (replacing it); return its
    path. An empty dict writes a file with the header only (no line changed)."""
    checked = dict(_checked(line_no, action, "overrides") for line_no, action in overrides.items())
    path = overrides_path(page)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow(OVERRIDE_COLUMNS)
            for line_no in sorted(checked):
                writer.writerow([line_no, checked[line_no]])
    except OSError as err:
        raise OverrideError(f"cannot write the override file {path} ({err.strerror}).") from None
    return path


def _checked(line_no: object, action: object, where: str) -> tuple[int, str]:
    text = str(line_no).strip()
    if isinstance(line_no, bool) or not text.isdigit() or int(text) < 1:
        raise OverrideError(f"{where}: the line number {line_no!r} must be a whole number from 1.")
    name = str(action).strip().lower()
    if name not in OVERRIDE_ACTIONS:
        raise OverrideError(
            f"{where}: the action {action!r} must be one of {', '.join(OVERRIDE_ACTIONS)}."
        )
    return int(text), name


def apply_overrides(
    lines: pd.DataFrame, overrides: dict[int, str], source: str = "the override file"
) -> tuple[pd.DataFrame, list[dict]]:
    """The line table with ``overrides`` applied, and one cleaning-log row per change.

    An overridden line gets the action, the reason ``override``, its former decision in
    ``original`` and an article: its own, else the nearest article above (else below, else
    1) for ``keep``, ``headline`` and ``metadata``; none for ``drop``. A line made
    ``headline`` replaces its article's former headline, which is dropped. A line number
    beyond the page raises :class:`OverrideError`.
    """
    lines = lines.copy()
    if "original" not in lines.columns:
        lines["original"] = ""
    log: list[dict] = []
    last = int(lines["line_no"].max()) if len(lines) else 0
    for line_no in sorted(overrides):
        if not 1 <= line_no <= last:
            raise OverrideError(f"{source}: line {line_no} is not on the page (lines 1 to {last}).")
    for line_no, action in sorted(overrides.items()):
        index = line_no - 1
        before = f"{lines.at[index, 'action']}/{lines.at[index, 'reason']}"
        article = _article_for(lines, index) if action != "drop" else None
        if action == "headline":
            log += _demote_headline(lines, article, line_no, overrides)
        lines.at[index, "original"] = lines.at[index, "original"] or before
        lines.at[index, "why"] = f"override ({source}): was {before}: {lines.at[index, 'why']}"
        lines.at[index, "action"] = action
        lines.at[index, "reason"] = "override"
        lines.at[index, "article_id"] = article
        log.append(_log_row(line_no, action, f"override from {source}: was {before}"))
    return lines, log


def _article_for(lines: pd.DataFrame, index: int) -> int:
    articles = lines["article_id"]
    if not pd.isna(articles.iat[index]):
        return int(articles.iat[index])
    above = articles.iloc[:index].dropna()
    if len(above):
        return int(above.iat[-1])
    below = articles.iloc[index + 1 :].dropna()
    return int(below.iat[0]) if len(below) else 1


def _demote_headline(
    lines: pd.DataFrame, article: int, line_no: int, overrides: dict[int, str]
) -> list[dict]:
    log = []
    former = lines[(lines["action"] == "headline") & (lines["article_id"] == article)]
    for index in former.index:
        number = int(lines.at[index, "line_no"])
        if number == line_no or number in overrides:
            continue
        before = f"{lines.at[index, 'action']}/{lines.at[index, 'reason']}"
        lines.at[index, "original"] = before
        lines.at[index, "why"] = f"override: line {line_no} is the headline now (was {before})"
        lines.at[index, "action"] = "drop"
        lines.at[index, "reason"] = "override"
        lines.at[index, "article_id"] = pd.NA
        log.append(_log_row(number, "drop", f"line {line_no} is the headline now: was {before}"))
    return log


def _log_row(line_no: int, action: str, why: str) -> dict:
    return {
        "step": "override",
        "line_no": line_no,
        "action": action,
        "reason": "override",
        "why": why,
    }


def outputs_outdated(page: str | Path, out_dir: str | Path, written_file: str) -> bool:
    """True when the files written in ``out_dir`` (``written_file`` among them) may not
    show the page's override file: the file is missing, the override file is newer, or
    the override file is gone but the written line table still shows overrides."""
    written = Path(out_dir) / written_file
    if not written.is_file():
        return True
    overrides = overrides_path(page)
    if overrides.is_file():
        return overrides.stat().st_mtime_ns > written.stat().st_mtime_ns
    lines_file = Path(out_dir) / "lines.csv"
    if not lines_file.is_file():
        return False
    try:
        return "override" in set(pd.read_csv(lines_file, usecols=["reason"])["reason"])
    except (ValueError, OSError, pd.errors.ParserError):
        return True


def overrides_stamp(page: str | Path) -> tuple[int, int] | None:
    """The override file's size and time (None without one): a cache of cleaned pages
    keyed on it notices a changed override file."""
    path = overrides_path(page)
    if not path.is_file():
        return None
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns
