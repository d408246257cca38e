"""Reading a raw page file safely: every bad file gets one clear line, never a traceback."""

from __future__ import annotations

import codecs
from pathlib import Path

from newstext.core.errors import PageError

#: Largest page we accept. A news page's visible text is tens of kilobytes; megabytes mean
#: the wrong file (a dump, a log, a whole site).
MAX_BYTES = 5_000_000

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_page(path: str | Path, encoding: str = "utf-8", max_bytes: int = MAX_BYTES) -> str:
    """Return the text of a page file with Unix newlines and no byte-order mark.

    Raises :class:`PageError` with a one-line message for a missing path, a folder, an
    empty or whitespace-only file, a binary file, undecodable bytes or a file over
    ``max_bytes``.
    """
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    text = _decode(data, path, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PageError(f"{path} holds only whitespace: there is no text to work with.")
    if _looks_like_html(text):
        raise PageError(
            f"{path} is an HTML document, not the page's visible text: save the page as "
            "plain text (in the browser: select all, copy, paste into a .txt file)."
        )
    return text


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise PageError(f"{path} does not exist: check the path (it is relative to {Path.cwd()}).")
    if path.is_dir():
        raise PageError(f"{path} is a folder, not a file: give the path of one .txt page.")
    size = path.stat().st_size
    if size > max_bytes:
        raise PageError(
            f"{path} is {size:,} bytes, over the {max_bytes:,}-byte limit for one page: "
            "is it the right file?"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise PageError(f"{path} cannot be read ({err.strerror}): check its permissions.") from None
    if not data:
        raise PageError(f"{path} is empty (0 bytes): was the page saved?")
    return data


def _decode(data: bytes, path: Path, encoding: str) -> str:
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16")
    if b"\x00" in data:
        where = data.index(b"\x00")
        raise PageError(
            f"{path} looks binary (a NUL byte at offset {where}): give a plain-text page."
        )
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"  # same as UTF-8, but drops a byte-order mark
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise PageError(
            f"{path} is not valid {err.encoding}: byte {data[err.start]:#04x} at offset "
            f"{err.start} (line {line}); if the file uses another encoding, pass it, "
            "e.g. --encoding latin-1"
        ) from None
    except LookupError:
        raise PageError(f"unknown encoding {encoding!r}: try utf-8 or latin-1.") from None


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html"))
