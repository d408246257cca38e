"""Reading a raw page file safely: every bad file gets one clear line, never a traceback.

:func:`read_page` reads a page's visible text (``.txt``); :func:`read_html` reads a saved
web page (``.html``, ``.htm``, or either gzipped, ``.html.gz``) for the cleaning stage to
extract its text (``newstext.cleaning.html_pages``).
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from pathlib import Path

from newstext.core.errors import PageError

#: Largest page we accept. A news page's visible text is tens of kilobytes; megabytes mean
#: the wrong file (a dump, a log, a whole site).
MAX_BYTES = 5_000_000

#: Largest web page we accept (after unzipping): HTML carries scripts and styles, so a news
#: page is often a megabyte or two.
MAX_HTML_BYTES = 20_000_000

#: The file names :func:`read_html` reads.
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: A tag that only an HTML document has near its start.
_HTML_TAG = re.compile(r"<\s*(?:!doctype|html|head|body|p|div|article|title|frameset)\b", re.I)


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
    if _looks_like_html(text) and is_html_file(path):
        raise PageError(
            f"{path} is a web page (HTML): `python -m newstext clean` and `clean_file` extract "
            "its text; this step reads a page's visible text (.txt)."
        )
    if _looks_like_html(text):
        raise PageError(
            f"{path} is an HTML document, not the page's visible text: name it .html to "
            "extract its text, or save the page as plain text (select all, copy, paste)."
        )
    return text


def is_html_file(path: str | Path) -> bool:
    """True for a file name :func:`read_html` reads (``.html``, ``.htm``, ``.html.gz``)."""
    return Path(path).name.lower().endswith(HTML_SUFFIXES)


def read_html(
    path: str | Path, encoding: str | None = None, max_bytes: int = MAX_HTML_BYTES
) -> str:
    """Return the HTML of a saved web page (``.html``, ``.htm``, ``.html.gz``).

    The encoding is ``encoding`` when given, else UTF-8, else the charset the page
    declares (``<meta charset=...>``). Raises :class:`PageError` with a one-line message for
    a missing path, a folder, an empty, binary, broken (gzip) or huge file, undecodable
    bytes, or a file that holds no HTML.
    """
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    if path.name.lower().endswith(".gz"):
        data = _gunzip(data, path, max_bytes)
    if data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data:
            where = data.index(b"\x00")
            raise PageError(
                f"{path} looks binary (a NUL byte at offset {where}): give a web page saved "
                "as HTML."
            )
        text = _decode_html(data, path, encoding)
    if not text.strip():
        raise PageError(f"{path} holds only whitespace: there is no page to work with.")
    if _HTML_TAG.search(text[:100_000]) is None:
        raise PageError(
            f"{path} holds no HTML (no <html>, <body> or <p> tag): give a web page saved as "
            "HTML, or name a plain-text page .txt."
        )
    return text


def _gunzip(data: bytes, path: Path, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            content = unzipped.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error):
        raise PageError(
            f"{path} is not a valid gzip file: unzip it or save the page again."
        ) from None
    if len(content) > max_bytes:
        raise PageError(
            f"{path} unzips to over the {max_bytes:,}-byte limit for one page: is it the "
            "right file?"
        )
    if not content:
        raise PageError(f"{path} unzips to nothing (0 bytes): was the page saved?")
    return content


def _decode_html(data: bytes, path: Path, encoding: str | None) -> str:
    if encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        return _decode(data, path, encoding)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", data[:5000], re.I)
    if declared is not None:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (UnicodeDecodeError, LookupError):
            pass
    return _decode(data, path, "utf-8")  # raises the one-line error with the offset


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise PageError(f"{path} does not exist: check the path (it is relative to {Path.cwd()}).")
    if path.is_dir():
        raise PageError(f"{path} is a folder, not a file: give the path of one page (.txt, .html).")
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
