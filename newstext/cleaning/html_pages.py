"""A saved web page (HTML) to the text the cleaning reads, with trafilatura.

``python -m newstext clean page.html`` (or ``.htm``, ``.html.gz``) does not read the HTML
line by line: trafilatura (pinned in ``requirements.txt``) finds the main text and the
page's metadata (title, date, author). :func:`extract_html` writes them as one plain text,
which the rest of the cleaning reads like any page (sentences, quote marks, glitches,
articles, the cleaning log); every offset then points into that text, which
``write_outputs`` saves beside the tables as ``extracted.txt``::

    Title of the article            <- headline (the page's metadata title)

    By Jane Doe                     <- byline (the page's metadata author), if any
    2019-11-19                      <- date_line (the page's metadata date), if any

    First paragraph of the body.    <- body, one paragraph a line, as trafilatura found them
    ...

The settings are the ones that measured best on the development pages and generalise:
readers' comments off (a comment is not the article), and ``favor_precision`` (see
``TRAFILATURA_SETTINGS`` and ``benchmarks/bench.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newstext.core.errors import PageError

#: How trafilatura is called: comments off, and precision preferred to recall.
TRAFILATURA_SETTINGS = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
}


@dataclass(frozen=True)
class ExtractedPage:
    """What trafilatura found in a web page, as the text the cleaning reads.

    ``text`` is that text; ``header`` gives the reason of each of its first lines (0-based
    index -> ``headline``, ``byline``, ``date_line``); body lines start at ``body_start``.
    """

    text: str
    title: str | None
    date: str | None
    author: str | None
    body_start: int
    header: dict[int, str] = field(default_factory=dict)
    settings: dict = field(default_factory=dict)

    def describe(self) -> str:
        """One line for the cleaning log: what was extracted, with which settings."""
        import trafilatura

        found = [name for name in ("title", "date", "author") if getattr(self, name)]
        settings = ", ".join(f"{key}={value}" for key, value in self.settings.items())
        body = len([line for line in self.text.split("\n")[self.body_start :] if line.strip()])
        return (
            f"main text extracted from the HTML by trafilatura {trafilatura.__version__} "
            f"({settings}): {body} lines of main text; metadata found: "
            f"{', '.join(found) if found else 'none'}; offsets point into extracted.txt"
        )


def extract_html(html: str, name: str = "the page") -> ExtractedPage:
    """The main text and metadata of a web page (see the module docstring).

    Raises :class:`PageError` (one line) when trafilatura finds no text in the page.
    """
    import trafilatura

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, **TRAFILATURA_SETTINGS)
    except Exception as err:  # trafilatura and lxml raise many kinds on broken pages
        raise PageError(f"{name}: the HTML cannot be read ({type(err).__name__}).") from None
    body = _tidy(getattr(document, "text", None) or "") if document is not None else ""
    if not body.strip():
        raise PageError(
            f"{name} has no text that trafilatura can extract: is it a news page? (Try saving "
            "its visible text as .txt instead.)"
        )
    title = _one_line(document.title)
    author = _one_line(document.author)
    date = _one_line(document.date)
    lines: list[str] = []
    header: dict[int, str] = {}
    if title:
        header[len(lines)] = "headline"
        lines += [title, ""]
    if author:
        header[len(lines)] = "byline"
        lines.append("By " + author.replace("; ", " and "))
    if date:
        header[len(lines)] = "date_line"
        lines.append(date)
    if author or date:
        lines.append("")
    body_start = len(lines)
    text = "\n".join([*lines, body]) + "\n"
    return ExtractedPage(text, title, date, author, body_start, header, dict(TRAFILATURA_SETTINGS))


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(str(value).split())
    return text or None


def _tidy(text: str) -> str:
    """Unix newlines, no trailing spaces, no run of blank lines."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    tidy: list[str] = []
    for line in lines:
        if not line and (not tidy or not tidy[-1]):
            continue
        tidy.append(line)
    return "\n".join(tidy).strip("\n")
