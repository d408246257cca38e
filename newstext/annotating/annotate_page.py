"""Annotating a cleaned page: entities (model and rules) and quotations with speakers,
every offset pointing into the raw page. Behind ``python -m newstext annotate``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newstext.annotating.entity_rules import entity_origin, propagate_person_names, rules_on
from newstext.annotating.quotations import TABLE_COLUMNS, extract_quotes
from newstext.cleaning.pipeline import CleanedPage
from newstext.core.errors import NewstextError
from newstext.core.model import load_english
from newstext.core.paths import RAW_PAGE
from newstext.exploring.page_docs import Page, ParagraphIndex, as_cleaned, parse_pages

ENTITY_COLUMNS = ["article_id", "text", "label", "start_char", "end_char", "origin"]
DOCBIN_FILE = "articles.spacy"


@dataclass
class AnnotatedPage:
    """The parsed articles and the two tables made from them (offsets into the raw page)."""

    cleaned: CleanedPage
    docs: list[Doc]
    entities: pd.DataFrame
    quotes: pd.DataFrame


def parse_with_rules(
    pages: list[CleanedPage], nlp: Language, n_process: int = 1
) -> list[list[Doc]]:
    """The article ``Doc`` s of each page, parsed with the rule components on and person
    names propagated over each article."""
    with rules_on(nlp):
        pages_docs = parse_pages(pages, nlp, n_process=n_process)
    return [[propagate_person_names(doc) for doc in docs] for docs in pages_docs]


def entities_table(cleaned: CleanedPage, docs: list[Doc]) -> pd.DataFrame:
    """One row per entity: ``article_id, text, label, start_char, end_char, origin``."""
    rows = []
    for doc in docs:
        index = ParagraphIndex(cleaned, doc)
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


def page_quotes_table(cleaned: CleanedPage, docs: list[Doc]) -> pd.DataFrame:
    """One row per quotation: ``article_id, quote, cue, speaker_text, speaker, start_char,
    end_char`` (fills each doc's ``doc.spans["quotes"]`` on the way)."""
    rows = []
    for doc in docs:
        index = ParagraphIndex(cleaned, doc)
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


def annotate_pages(
    pages: list[CleanedPage], nlp: Language, n_process: int = 1
) -> list[AnnotatedPage]:
    """Parse the cleaned articles of every page in one stream, then make each page's
    entity and quotation tables."""
    annotated = []
    for cleaned, docs in zip(pages, parse_with_rules(pages, nlp, n_process), strict=True):
        tables = entities_table(cleaned, docs), page_quotes_table(cleaned, docs)
        annotated.append(AnnotatedPage(cleaned, docs, *tables))
    return annotated


def annotate_page(page: Page = RAW_PAGE, nlp: Language | None = None) -> AnnotatedPage:
    """Parse one page (a page file or a cleaned page; the course page by default) and make
    its entity and quotation tables. ``nlp`` defaults to the shared pipeline."""
    return annotate_pages([as_cleaned(page)], nlp if nlp is not None else load_english())[0]


def write_annotations(annotated: AnnotatedPage, out_dir: Path) -> list[Path]:
    """Write ``entities.csv``, ``quotes.csv`` and the docs as a spaCy ``DocBin``."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise NewstextError(f"cannot create the folder {out_dir} ({err.strerror}).") from None
    entities = out_dir / "entities.csv"
    quotes = out_dir / "quotes.csv"
    docbin = out_dir / DOCBIN_FILE
    annotated.entities.to_csv(entities, index=False, encoding="utf-8")
    annotated.quotes.to_csv(quotes, index=False, encoding="utf-8")
    DocBin(docs=annotated.docs, store_user_data=True).to_disk(docbin)
    return [entities, quotes, docbin]
