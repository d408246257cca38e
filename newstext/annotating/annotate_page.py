"""Annotating a page: entities (model and rules) and quotations with speakers, every offset
pointing into the raw page. Behind ``python -m newstext annotate``.

- :func:`annotate_page`: one page (a file or a cleaned page; the course page by default)
  -> :class:`AnnotatedPage`, its tables in memory.
- :func:`annotate_plain`: a file of already clean article text (one paragraph a line) ->
  its quotation and entity tables, offsets into that text.
- :func:`annotate_files`: many files, each page written to its own folder by worker
  processes that load the model once and handle whole pages (clean, parse, quotations,
  tables, writing); only a small :class:`PageSummary` comes back from each page, so memory
  stays flat however many pages there are. In one process, a few pages at a time share
  one parse stream (:func:`annotate_together`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.util import minibatch

from newstext.annotating.entity_rules import entity_origin, propagate_person_names, rules_on
from newstext.annotating.quotations import TABLE_COLUMNS, extract_quotes
from newstext.cleaning.pipeline import CleanedPage, clean_file, write_outputs
from newstext.cleaning.quote_marks import normalise_quotes
from newstext.core.doc_cache import PARAGRAPHS_KEY, join_paragraph_docs, paragraph_texts
from newstext.core.errors import NewstextError
from newstext.core.model import load_english
from newstext.core.paths import RAW_PAGE, ensure_folder
from newstext.core.reading import read_page
from newstext.exploring.page_docs import Page, ParagraphIndex, as_cleaned, parse_pages

ENTITY_COLUMNS = ["article_id", "text", "label", "start_char", "end_char", "origin"]
DOCBIN_FILE = "articles.spacy"

#: The columns of a plain article's two tables (offsets into the article's file).
PLAIN_QUOTE_COLUMNS = ["start", "end", "text", "speaker", "cue"]
PLAIN_ENTITY_COLUMNS = ["start", "end", "text", "label", "origin"]


@dataclass
class AnnotatedPage:
    """The parsed articles and the two tables made from them (offsets into the raw page)."""

    cleaned: CleanedPage
    docs: list[Doc]
    entities: pd.DataFrame
    quotes: pd.DataFrame


def _rules(nlp: Language, patterns: list[dict] | None) -> AbstractContextManager:
    """The rule components switched on, with ``patterns`` (spaCy's entity ruler patterns,
    see ``entity_rules.load_patterns``) when given."""
    if patterns is None:
        return rules_on(nlp)
    return rules_on(nlp, patterns=patterns)


def parse_with_rules(
    pages: list[CleanedPage],
    nlp: Language,
    n_process: int = 1,
    patterns: list[dict] | None = None,
) -> list[list[Doc]]:
    """The article ``Doc`` s of each page, parsed with the rule components on and person
    names propagated over each article."""
    with _rules(nlp, patterns):
        pages_docs = parse_pages(pages, nlp, n_process=n_process)
    return [[propagate_person_names(doc) for doc in docs] for docs in pages_docs]


def _indexes(
    cleaned: CleanedPage, docs: list[Doc], indexes: list[ParagraphIndex] | None
) -> list[ParagraphIndex]:
    """``indexes`` when given, else the :class:`ParagraphIndex` of each doc."""
    if indexes is not None:
        return indexes
    return [ParagraphIndex(cleaned, doc) for doc in docs]


def entities_table(
    cleaned: CleanedPage, docs: list[Doc], indexes: list[ParagraphIndex] | None = None
) -> pd.DataFrame:
    """One row per entity: ``article_id, text, label, start_char, end_char, origin``.
    ``indexes``: each doc's :class:`ParagraphIndex`, when made already."""
    rows = []
    for doc, index in zip(docs, _indexes(cleaned, docs, indexes), strict=True):
        for ent in doc.ents:
            start, end = index.raw(index.find(ent.start_char), ent.start_char, ent.end_char)
            rows.append(
                {
                    "article_id": doc.user_data["article_id"],
                    "text": ent.text,
                    "label": ent.label_,
                    "start_char": start,
                    "end_char": end,
                    "origin": entity_origin(ent),
                }
            )
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def page_quotes_table(
    cleaned: CleanedPage, docs: list[Doc], indexes: list[ParagraphIndex] | None = None
) -> pd.DataFrame:
    """One row per quotation: ``article_id, quote, cue, speaker_text, speaker, start_char,
    end_char`` (fills each doc's ``doc.spans["quotes"]`` on the way). ``indexes``: each
    doc's :class:`ParagraphIndex`, when made already."""
    rows = []
    for doc, index in zip(docs, _indexes(cleaned, docs, indexes), strict=True):
        for record in extract_quotes(doc, article_id=doc.user_data["article_id"]):
            start, end = index.raw(
                index.find(record.start_char), record.start_char, record.end_char
            )
            rows.append(
                {
                    "article_id": record.article_id,
                    "quote": record.quote,
                    "cue": record.cue,
                    "speaker_text": record.speaker_text,
                    "speaker": record.speaker,
                    "start_char": start,
                    "end_char": end,
                }
            )
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def tables_of(cleaned: CleanedPage, docs: list[Doc]) -> AnnotatedPage:
    """The entity and quotation tables of a parsed page, each article's paragraph
    alignment read once for both."""
    indexes = _indexes(cleaned, docs, None)
    entities = entities_table(cleaned, docs, indexes)
    return AnnotatedPage(cleaned, docs, entities, page_quotes_table(cleaned, docs, indexes))


def annotate_page(
    page: Page = RAW_PAGE, nlp: Language | None = None, patterns: list[dict] | None = None
) -> AnnotatedPage:
    """Parse one page (a page file or a cleaned page; the course page by default) with the
    rules on, and make its entity and quotation tables. ``nlp`` defaults to the shared
    pipeline, which is left as it was."""
    cleaned = as_cleaned(page)
    nlp = nlp if nlp is not None else load_english()
    docs = parse_with_rules([cleaned], nlp, patterns=patterns)[0]
    return tables_of(cleaned, docs)


def write_annotations(annotated: AnnotatedPage, out_dir: str | Path) -> list[Path]:
    """Write ``entities.csv``, ``quotes.csv`` and the docs as a spaCy ``DocBin``."""
    out_dir = _folder(out_dir)
    entities = out_dir / "entities.csv"
    quotes = out_dir / "quotes.csv"
    docbin = out_dir / DOCBIN_FILE
    annotated.entities.to_csv(entities, index=False, encoding="utf-8")
    annotated.quotes.to_csv(quotes, index=False, encoding="utf-8")
    DocBin(docs=annotated.docs, store_user_data=True).to_disk(docbin)
    return [entities, quotes, docbin]


def _folder(out_dir: str | Path) -> Path:
    return ensure_folder(out_dir)


# ---------------------------------------------------------------------------------------
# Plain articles: text that is clean already, one paragraph a line.
# ---------------------------------------------------------------------------------------


def plain_paragraphs(text: str) -> list[tuple[int, str]]:
    """The paragraphs of a plain article: its non-empty lines without their surrounding
    spaces, each with the offset where it starts in ``text``."""
    paragraphs = []
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            paragraphs.append((start + len(line) - len(line.lstrip()), stripped))
        start += len(line) + 1
    return paragraphs


def plain_doc(text: str, nlp: Language) -> tuple[Doc, list[int]]:
    """One article ``Doc`` of a plain text's paragraphs (quote marks normalised one for
    one), and where each paragraph starts in ``text``. Parse with the rules on if wanted;
    person names are propagated here."""
    paragraphs = plain_paragraphs(text)
    texts = [normalise_quotes(paragraph) for _, paragraph in paragraphs]
    if not texts:
        raise NewstextError("the article has no text.")
    doc = join_paragraph_docs(list(nlp.pipe(paragraph_texts(texts))), texts)
    return propagate_person_names(doc), [start for start, _ in paragraphs]


def _to_text(doc: Doc, starts: Sequence[int], char: int) -> int:
    """Character ``char`` of the plain ``doc`` as an offset into the article's text."""
    spans = doc.spans[PARAGRAPHS_KEY]
    index = 0
    for i, span in enumerate(spans):
        if span.start_char <= char:
            index = i
    return char - spans[index].start_char + starts[index]


def plain_tables(text: str, doc: Doc, starts: Sequence[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The quotation table (``start, end, text, speaker, cue``) and the entity table
    (``start, end, text, label, origin``) of a plain article, offsets into ``text``:
    ``text[start:end]`` is the row's ``text``, quote marks as the file has them."""

    def span(start: int, end: int) -> dict:
        first = _to_text(doc, starts, start)
        last = _to_text(doc, starts, end - 1) + 1 if end > start else first
        return {"start": first, "end": last, "text": text[first:last]}

    quotes = [
        {**span(record.start_char, record.end_char), "speaker": record.speaker, "cue": record.cue}
        for record in extract_quotes(doc)
    ]
    entities = [
        {**span(ent.start_char, ent.end_char), "label": ent.label_, "origin": entity_origin(ent)}
        for ent in doc.ents
    ]
    return (
        pd.DataFrame(quotes, columns=PLAIN_QUOTE_COLUMNS),
        pd.DataFrame(entities, columns=PLAIN_ENTITY_COLUMNS),
    )


def annotate_plain(
    text: str, nlp: Language | None = None, patterns: list[dict] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The quotations and entities of a plain article (see :func:`plain_tables`), parsed
    with the rules on."""
    nlp = nlp if nlp is not None else load_english()
    with _rules(nlp, patterns):
        doc, starts = plain_doc(text, nlp)
    return plain_tables(text, doc, starts)


# ---------------------------------------------------------------------------------------
# Many files: worker processes, one whole page at a time.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageJob:
    """One file to annotate, and the folder its files go to."""

    path: Path
    out_dir: Path
    encoding: str = "utf-8"
    plain: bool = False


@dataclass(frozen=True)
class PageSummary:
    """What a worker sends back for a page: counts and the files it wrote, not the page."""

    path: Path
    out_dir: Path
    articles: int
    entities: int
    quotes: int
    written: tuple[Path, ...]


def annotate_job(job: PageJob, nlp: Language) -> PageSummary:
    """Annotate one file and write its files (``nlp`` with the rules on already)."""
    if job.plain:
        text = read_page(job.path, encoding=job.encoding)
        doc, starts = plain_doc(text, nlp)
        quotes, entities = plain_tables(text, doc, starts)
        out_dir = _folder(job.out_dir)
        written = (out_dir / "quotes.csv", out_dir / "entities.csv")
        quotes.to_csv(written[0], index=False, encoding="utf-8")
        entities.to_csv(written[1], index=False, encoding="utf-8")
        return PageSummary(job.path, job.out_dir, 1, len(entities), len(quotes), written)
    cleaned = clean_file(job.path, encoding=job.encoding)
    return _finish_page(job, cleaned, parse_pages([cleaned], nlp)[0])


#: In one process, pages are cleaned, parsed and written this many at a time (see
#: :func:`annotate_together`). The parse of all their paragraphs is one ``nlp.pipe``
#: stream, so the model's weights stay in the processor's cache through it instead of being
#: pushed out by each page's cleaning and tables: 3 to 4 % less CPU time on 40 pages than
#: one page at a time, measured by running both at once, one on each core. Memory holds at
#: most this many pages.
PAGES_PER_PARSE = 16

#: The ``nlp.pipe`` batch size of that stream (128 paragraphs: about 1 % faster than 256).
PARSE_BATCH_SIZE = 128


def annotate_together(jobs: Sequence[PageJob], nlp: Language) -> Iterator[PageSummary]:
    """Annotate ``jobs`` in order as :func:`annotate_job` does one by one, with the same
    files, but the pages' paragraphs parsed in one stream: every page is cleaned first,
    then all are parsed, then each page's tables and files are made (``nlp`` with the rules
    on already). A page that cannot be cleaned stops the run once the pages before it are
    written, as one page at a time would."""
    if any(job.plain for job in jobs):
        for job in jobs:
            yield annotate_job(job, nlp)
        return
    cleaned: list[CleanedPage] = []
    failure: Exception | None = None
    for job in jobs:
        try:
            cleaned.append(clean_file(job.path, encoding=job.encoding))
        except Exception as error:  # raised below, after the pages before it
            failure = error
            break
    parsed = parse_pages(cleaned, nlp, batch_size=PARSE_BATCH_SIZE)
    for job, page, docs in zip(jobs[: len(cleaned)], cleaned, parsed, strict=True):
        yield _finish_page(job, page, docs)
    if failure is not None:
        raise failure


def _finish_page(job: PageJob, cleaned: CleanedPage, docs: list[Doc]) -> PageSummary:
    """Propagate names over a parsed page, make its tables and write all its files."""
    docs = [propagate_person_names(doc) for doc in docs]
    annotated = tables_of(cleaned, docs)
    written = write_outputs(cleaned, job.out_dir) + write_annotations(annotated, job.out_dir)
    return PageSummary(
        job.path,
        job.out_dir,
        len(cleaned.articles),
        len(annotated.entities),
        len(annotated.quotes),
        tuple(written),
    )


#: In a worker process: the pipeline, loaded once, and the rules switched on for good.
_WORKER: dict = {}

#: A worker is replaced by a fresh one after this many pages: spaCy's string store keeps
#: every new word it meets, so on a large corpus of varied pages a long-lived worker would
#: grow. A fresh worker starts from the model as it was loaded (see :func:`annotate_files`).
PAGES_PER_WORKER = 250


def _start_worker(patterns: list[dict] | None) -> None:
    nlp = load_english()  # forked: the parent's pipeline, loaded already
    rules = ExitStack()
    rules.enter_context(_rules(nlp, patterns))
    _WORKER.update(nlp=nlp, rules=rules)


def _worker_job(job: PageJob) -> PageSummary:
    return annotate_job(job, _WORKER["nlp"])


def annotate_files(
    jobs: Iterable[PageJob], n_process: int = 1, patterns: list[dict] | None = None
) -> Iterator[PageSummary]:
    """Annotate each job's file into its folder; yield a :class:`PageSummary` per file, in
    order, as each is done.

    With ``n_process`` > 1, that many worker processes take whole pages from a stream;
    otherwise everything runs here, with the shared pipeline (left as it was once the
    iterator is used up), :data:`PAGES_PER_PARSE` pages at a time
    (:func:`annotate_together`). Where workers are forked (Linux), the model is loaded
    once, here, before they start: each worker begins with it, as spaCy's own
    ``n_process`` does, and so does a worker that replaces one; elsewhere each worker loads
    it once.
    """
    if isinstance(jobs, Sequence):
        n_process = min(n_process, len(jobs))  # no worker loads the model for nothing
    if n_process <= 1:
        nlp = load_english()
        with _rules(nlp, patterns):
            for some_jobs in minibatch(jobs, PAGES_PER_PARSE):  # lists, read as needed
                yield from annotate_together(some_jobs, nlp)
        return
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        load_english()  # the workers share its memory until they write to it
    with context.Pool(
        n_process,
        initializer=_start_worker,
        initargs=(patterns,),
        maxtasksperchild=PAGES_PER_WORKER,
    ) as pool:
        yield from pool.imap(_worker_job, jobs)
