"""Is the cleaner right? The main article it finds, scored against a hand-made one.

This is the scorer of the public Zyte (Scrapinghub) article-extraction benchmark, which
notebook 01 uses to measure the cleaner on pages it was not written for:

1. Both texts (the hand-made ``article_body`` and the cleaner's headline + body) are split
   into ``\\w+`` tokens, case kept ("The" and "the" differ, as in the benchmark).
2. Every run of 4 consecutive tokens is a *shingle*; shingles are counted with
   multiplicity. A text of 1 to 3 tokens gives one short shingle; a text without a token
   gives none.
3. ``tp`` = shingles found in both (the smaller count of each), ``fp`` = the output's other
   shingles, ``fn`` = the reference's other shingles; precision = tp / (tp + fp), recall =
   tp / (tp + fn).
4. Over many pages, precision and recall are each averaged over the pages, and F1 is
   computed from the two averages (not the mean of the pages' F1).

Edge cases: an empty output on a page whose reference is not empty scores precision 0 and
recall 0 (the benchmark leaves such a page out of the precision average, which rewards
giving up: ``score_pages(..., zyte=True)`` does that); two empty texts score 1 and 1.

Example::

    from newstext.cleaning.shingle_scores import main_article_text, score_page, f1

    p, r = score_page(gold_body, main_article_text(cleaned))
    print(f"P {p:.3f} R {r:.3f} F1 {f1(p, r):.3f}")
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from newstext.core.paths import project_root, raw_dir
from newstext.core.rates import f1

TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


class Scores(NamedTuple):
    """Precision, recall and F1 (F1 from the averages over pages)."""

    precision: float
    recall: float
    f1: float


def tokens(text: str) -> list[str]:
    """The ``\\w+`` tokens of ``text``, case kept."""
    return TOKEN.findall(text or "")


def shingles(text: str, n: int = SHINGLE_SIZE) -> Counter:
    """How often each run of ``n`` tokens occurs (a shorter text gives one short shingle)."""
    found = tokens(text)
    if not found:
        return Counter()
    last_start = max(1, len(found) - n + 1)
    return Counter(tuple(found[i : i + n]) for i in range(last_start))


def match_counts(gold: str, output: str) -> tuple[int, int, int]:
    """``(tp, fp, fn)``: shingles of ``output`` found in ``gold``, not found, and missed."""
    expected, produced = shingles(gold), shingles(output)
    tp = sum((expected & produced).values())  # & keeps the smaller count
    return tp, sum(produced.values()) - tp, sum(expected.values()) - tp


def _precision(tp: int, fp: int, fn: int) -> float:
    if fp == fn == 0:
        return 1.0  # the same text (both empty included)
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: int, fp: int, fn: int) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score_page(gold: str, output: str) -> tuple[float, float]:
    """``(precision, recall)`` of one page's output against its reference."""
    counts = match_counts(gold, output)
    return _precision(*counts), _recall(*counts)


def score_pages(pairs: Iterable[tuple[str, str]], zyte: bool = False) -> Scores:
    """Precision and recall averaged over ``(gold, output)`` pairs, and F1 from the averages.

    With ``zyte=True``, a page with an empty output is left out of the precision average and
    a page with an empty reference out of the recall average, as the benchmark does.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    for gold, output in pairs:
        tp, fp, fn = match_counts(gold, output)
        if not zyte or tp + fp > 0:
            precisions.append(_precision(tp, fp, fn))
        if not zyte or tp + fn > 0:
            recalls.append(_recall(tp, fp, fn))
    if not precisions or not recalls:
        return Scores(0.0, 0.0, 0.0)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    return Scores(precision, recall, f1(precision, recall))


def main_article_text(cleaned) -> str:
    """What the benchmark scores of a cleaned page: the main article's headline and its
    paragraphs, one a line (``cleaned`` is a :class:`~newstext.cleaning.pipeline.CleanedPage`
    or its ``articles`` table)."""
    articles = getattr(cleaned, "articles", cleaned)
    main = articles[articles["role"] == "main"]
    if main.empty:
        return ""
    row = main.iloc[0]
    headline = row["headline"] if isinstance(row["headline"], str) else ""
    body = row["body"] if isinstance(row["body"], str) else ""
    return "\n".join(part for part in (headline, body) if part)


# -- the development pages ------------------------------------------------------------------

#: Where the development pages are, from the project's top folder: real news pages whose
#: text belongs to their publishers, so they live beside the repository, never in it.
DEV_PAGES_FROM_ROOT = Path("..") / "shared" / "data" / "pages-dev"


@dataclass(frozen=True)
class DevPage:
    """One development page: its name, files and the hand-made text of its main article."""

    name: str
    txt: Path
    html: Path
    gold: str


def dev_pages_dir() -> Path:
    """The folder of the development pages (it may not exist)."""
    return (project_root() / DEV_PAGES_FROM_ROOT).resolve()


def dev_pages_missing_reason() -> str | None:
    """Why the development pages cannot be used here, or None when they can."""
    folder = dev_pages_dir()
    if not folder.is_dir() or not any(folder.glob("*.json")):
        return (
            f"the development pages are not here ({folder}): they live beside the repository "
            "(../shared/data/pages-dev), as in CI, because their text is the publishers'"
        )
    return None


def load_dev_pages(folder: str | Path | None = None, skip_bundled: bool = True) -> list[DevPage]:
    """The development pages in ``folder`` (default :func:`dev_pages_dir`), by name.

    With ``skip_bundled``, a page that the course ships in ``data/raw/`` (same ``url`` in
    its ``.json``) is left out: it was read by hand and labelled, so it is no unseen page.
    """
    folder = Path(folder) if folder is not None else dev_pages_dir()
    bundled = _bundled_urls() if skip_bundled else set()
    pages = []
    for meta_file in sorted(folder.glob("*.json")):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if meta.get("url") in bundled:
            continue
        name = meta_file.stem
        pages.append(
            DevPage(name, folder / f"{name}.txt", folder / f"{name}.html.gz", meta["article_body"])
        )
    return pages


def _bundled_urls() -> set[str]:
    urls = set()
    for meta_file in raw_dir().glob("*.json"):
        try:
            urls.add(json.loads(meta_file.read_text(encoding="utf-8")).get("url"))
        except (OSError, ValueError):
            continue
    return urls - {None}
