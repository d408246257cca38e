"""Voices: how much of each article is quoted, and a first count of who is said to speak.

* :func:`quote_share` measures the characters inside quotation marks, on the cleaned text
  (quote marks made straight) with
  :func:`newstext.annotating.quotations.find_quotations`, which tells an apostrophe
  (``don't``, ``Russia's``) from a closing mark and pairs marks within a paragraph. A
  quotation still open at the end of its paragraph runs to the paragraph's end.
* :func:`speech_verbs` lists every reporting verb (``newstext.core.reporting_verbs``)
  whose subject (``nsubj``) lies in a PERSON or ORG entity; :func:`speaker_counts` counts them per
  speaker. A first count only: "he added" is not counted (a pronoun is no entity), a
  speaker the small model tags as a place (GPE) is missed, and the verb need not
  introduce a quotation. Notebook 03 does the real work (``newstext.annotating.quotations``).
"""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc, Span, Token

from newstext.cleaning.pipeline import CleanedPage
from newstext.cleaning.quote_marks import find_quotations
from newstext.core.reporting_verbs import REPORTING_VERBS
from newstext.exploring.names import name_key

QUOTE_SHARE_COLUMNS = ["article_id", "chars", "quoted_chars", "quotations", "share"]
SPEECH_COLUMNS = ["article_id", "sentence_id", "i", "verb", "speaker", "label", "subject"]

#: The entity labels a speaker may have.
SPEAKER_LABELS = ("PERSON", "ORG")


def quoted_chars(text: str) -> tuple[int, int]:
    """``(characters inside quotations, number of quotations)`` of a paragraph's text;
    the quote marks count as quoted characters."""
    spans = find_quotations(text)
    return sum(end - start for start, end in spans), len(spans)


def quote_share(cleaned: CleanedPage) -> pd.DataFrame:
    """Per article: ``article_id, chars`` (of its paragraphs), ``quoted_chars``,
    ``quotations`` and ``share`` (``quoted_chars / chars``, between 0 and 1)."""
    paragraphs = cleaned.paragraphs[["article_id", "text", "chars"]].copy()
    found = paragraphs["text"].map(quoted_chars)
    paragraphs["quoted_chars"] = found.map(lambda pair: pair[0])
    paragraphs["quotations"] = found.map(lambda pair: pair[1])
    table = paragraphs.groupby("article_id")[["chars", "quoted_chars", "quotations"]].sum()
    table["share"] = table["quoted_chars"] / table["chars"]
    return table.reset_index()[QUOTE_SHARE_COLUMNS]


def is_speech_verb(token: Token) -> bool:
    """True for a verb whose lemma is a reporting verb (``said``, ``told``, ``says``)."""
    return token.pos_ == "VERB" and token.lemma_.lower() in REPORTING_VERBS


def named_subject(verb: Token) -> Token | None:
    """The verb's ``nsubj`` when it lies in a PERSON or ORG entity, else None."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.ent_type_ in SPEAKER_LABELS:
            return child
    return None


def _entity_of(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def speech_verbs(docs: list[Doc], tokens: pd.DataFrame) -> pd.DataFrame:
    """One row per speech verb with a named subject: ``article_id, sentence_id`` (from the
    tokens table), ``i`` (the verb's index), ``verb`` (as written), ``speaker`` (the name's
    key: ``Marco Rubio`` -> ``Rubio``, see :mod:`newstext.exploring.names`), ``label`` and
    ``subject`` (the entity as written)."""
    sentence_of = tokens.set_index(["article_id", "i"])["sentence_id"]
    rows = []
    for doc in docs:
        article_id = doc.user_data["article_id"]
        for token in doc:
            if not is_speech_verb(token):
                continue
            subject = named_subject(token)
            if subject is None:
                continue
            entity = _entity_of(subject)
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": int(sentence_of[(article_id, token.i)]),
                    "i": token.i,
                    "verb": token.text,
                    "speaker": name_key(entity),
                    "label": entity.label_,
                    "subject": entity.text,
                }
            )
    return pd.DataFrame(rows, columns=SPEECH_COLUMNS)


def speaker_counts(verbs: pd.DataFrame) -> pd.DataFrame:
    """How often each speaker is named next to a speech verb, per article:
    ``article_id, speaker, count``, most frequent first (ties: alphabetical)."""
    counts = verbs.groupby(["article_id", "speaker"]).size().reset_index(name="count")
    counts = counts.sort_values(["article_id", "count", "speaker"], ascending=[True, False, True])
    return counts.reset_index(drop=True)
