"""A published baseline for quotations: textacy's ``direct_quotations``, side by side with ours.

textacy (https://textacy.readthedocs.io) finds a quotation by its marks, then looks in the
same sentence for a cue verb from a fixed list and takes that verb's subject as the speaker.
It does not resolve pronouns or continue a speaker into the next paragraph, and it keeps only
the quotations it finds a speaker for. We call it one paragraph at a time (see
:func:`textacy_quotes`).
"""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc, Span

from newstext.core.doc_cache import PARAGRAPHS_KEY

BASELINE_COLUMNS = ["quote", "cue", "speaker_text", "start_char", "end_char"]
COMPARISON_COLUMNS = ["quote", "ours_speaker", "textacy_speaker", "found_by"]


def textacy_quotes(doc: Doc, per_paragraph: bool = True) -> pd.DataFrame:
    """The quotations textacy finds in ``doc``: ``quote, cue, speaker_text, start_char,
    end_char`` (offsets in the doc).

    textacy is called on **one paragraph at a time** (the spans of ``doc.spans["paragraphs"]``,
    else the doc's lines): it refuses a text with an odd number of quote marks ("an unclosed
    quotation"), which a whole news article has whenever a quotation runs on into the next
    paragraph. A paragraph it refuses gives no quotation. ``per_paragraph=False`` calls it
    once on the whole doc, as a naive user would (nothing at all when it refuses).
    """
    if per_paragraph:
        parts = [(span.as_doc(), span.start_char) for span in paragraph_spans(doc)]
    else:
        parts = [(doc, 0)]
    rows = []
    for part, offset in parts:
        rows.extend(_textacy_rows(part, offset))
    return pd.DataFrame(rows, columns=BASELINE_COLUMNS)


def paragraph_spans(doc: Doc) -> list[Span]:
    """The paragraphs of ``doc``: ``doc.spans["paragraphs"]`` when set, else its lines."""
    if PARAGRAPHS_KEY in doc.spans:
        return list(doc.spans[PARAGRAPHS_KEY])
    spans = []
    start = 0
    for line in doc.text.split("\n"):
        span = doc.char_span(start, start + len(line), alignment_mode="expand")
        if line.strip() and span is not None:
            spans.append(span)
        start += len(line) + 1
    return spans


def _textacy_rows(doc: Doc, offset: int) -> list[dict]:
    from textacy.extract.triples import direct_quotations  # slow to import: only when used

    rows = []
    try:
        for triple in direct_quotations(doc):
            rows.append({
                "quote": triple.content.text,
                "cue": _words(triple.cue),
                "speaker_text": _words(triple.speaker),
                "start_char": triple.content.start_char + offset,
                "end_char": triple.content.end_char + offset,
            })
    except ValueError:  # "odd number of quotation marks": textacy gives up on the text
        return []
    return rows


def _words(tokens: list) -> str:
    """Tokens as the text writes them (``Russia's``, not ``Russia 's``)."""
    return "".join(token.text_with_ws for token in tokens).strip()


def compare_quotes(ours: pd.DataFrame, theirs: pd.DataFrame) -> pd.DataFrame:
    """One row per quotation found by either extractor (matched on their exact span):
    ``quote, ours_speaker, textacy_speaker, found_by`` ("both", "ours" or "textacy")."""
    merged = pd.merge(
        ours[["quote", "speaker", "start_char", "end_char"]],
        theirs[["quote", "speaker_text", "start_char", "end_char"]],
        on=["start_char", "end_char"],
        how="outer",
        suffixes=("_ours", "_textacy"),
        indicator=True,
    )
    merged["quote"] = merged["quote_ours"].fillna(merged["quote_textacy"])
    merged["found_by"] = merged["_merge"].map(
        {"both": "both", "left_only": "ours", "right_only": "textacy"}
    ).astype(str)
    merged = merged.rename(columns={"speaker": "ours_speaker", "speaker_text": "textacy_speaker"})
    return merged.sort_values("start_char")[COMPARISON_COLUMNS].reset_index(drop=True)
