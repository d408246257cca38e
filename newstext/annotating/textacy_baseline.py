"""A published baseline for quotations: textacy's ``direct_quotations``, side by side with ours.

textacy (https://textacy.readthedocs.io) finds a quotation by its marks, then looks in the
same sentence for a cue verb from a fixed list and takes that verb's subject as the speaker.
It does not resolve pronouns or continue a speaker into the next paragraph.
"""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

BASELINE_COLUMNS = ["quote", "cue", "speaker_text", "start_char", "end_char"]
COMPARISON_COLUMNS = ["quote", "ours_speaker", "textacy_speaker", "found_by"]


def textacy_quotes(doc: Doc) -> pd.DataFrame:
    """The quotations textacy finds in ``doc``: ``quote, cue, speaker_text, start_char,
    end_char`` (offsets in the doc)."""
    from textacy.extract.triples import direct_quotations  # slow to import: only when used

    rows = []
    for triple in direct_quotations(doc):
        rows.append({
            "quote": triple.content.text,
            "cue": " ".join(token.text for token in triple.cue),
            "speaker_text": " ".join(token.text for token in triple.speaker),
            "start_char": triple.content.start_char,
            "end_char": triple.content.end_char,
        })
    return pd.DataFrame(rows, columns=BASELINE_COLUMNS)


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
