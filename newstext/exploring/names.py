"""One key per name, so that "Marco Rubio", "Rubio" and "Rubio's" count as the same name.

Used by :mod:`newstext.exploring.voices` (who speaks) and
:mod:`newstext.exploring.cooccurrence` (who appears with whom). The rules, in order:

1. a PERSON is known by the last word of the name: ``Marco Rubio`` -> ``Rubio``,
   ``Fidel Castro's`` -> ``Castro``;
2. any other name loses a leading "the" and a trailing "'s": ``the United States`` ->
   ``United States``, ``Russia's`` -> ``Russia``;
3. a few spellings of one place are one name (:data:`ALIASES`): ``U.S.`` and ``United States``
   -> ``US``.

The key ignores the label: the small model tags "Trump" as a PERSON in one sentence and an
ORG in the next, and both are the same man. Two different people with the same last name
would be merged too; on the course page there are none.
"""

from __future__ import annotations

from spacy.tokens import Span

#: Other spellings of a name, mapped to the one the course uses. Add to it if you find more.
ALIASES = {
    "U.S.": "US",
    "United States": "US",
}

#: The entity labels that name someone or something a reader can follow through a text.
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def name_text(ent: Span) -> str:
    """The entity's text without a leading "the" and without punctuation or "'s" at its ends."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end].text if end > start else ent.text


def name_key(ent: Span) -> str:
    """The key of an entity: the last word of a PERSON (``Diaz-Canel`` stays whole), the
    whole name for anything else, then :data:`ALIASES` (see the module docstring)."""
    text = name_text(ent)
    if ent.label_ == "PERSON":
        text = text.split()[-1]
    return ALIASES.get(text, text)
