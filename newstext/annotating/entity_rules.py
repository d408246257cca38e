"""Domain rules on top of the statistical entity recogniser.

The small English model makes errors a newsroom would not: on the course page it reads
``Trump`` and ``Lavrov`` as organisations, ``Patriot`` (the air-defence system) as a person
and ``State`` in "Secretary of State" as an organisation. Two kinds of rules fix that:

**Pipeline components**, added after ``ner`` by :func:`add_entity_rules`:

1. ``entity_fixes``, an ``entity_ruler`` with ``overwrite_ents=True``: weapon systems as
   PRODUCT and a few places as GPE (the lists below). It sits *after* ``ner`` so that it can
   *correct* the model: where a pattern overlaps an entity the model predicted, the ruler's
   entity wins. Placed *before* ``ner`` it could only add entities around which the model
   then predicts, and it could not change a wrong label.
2. ``title_ruler``, a ``span_ruler`` that writes job titles (``Secretary of State``,
   ``Foreign Minister``) to ``doc.spans["titles"]``. A title is not an entity in the OntoNotes
   scheme, so it gets its own span group and ``doc.ents`` is left alone.
3. ``drop_entities_in_titles`` removes an entity lying inside a title (``State``) and trims
   one that starts with a title (``President Donald Trump`` -> ``Donald Trump``).

The components are added **switched off**, so the one pipeline the course loads keeps giving
the model's own answers; ``with rules_on(nlp):`` switches them on for a block of code.

**A document-level rule**, :func:`propagate_person_names`: news writers give a person's full
name once, then the surname. Once the model has read ``Donald Trump`` as a PERSON anywhere in
an article, every ``Trump`` in that article is a PERSON too. This rule lists no names: it
learns them from the article.

Entities made by a rule carry its name in ``ent.id_`` (``weapon``, ``place``, ``same_name``);
entities from the model have an empty ``ent.id_``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

#: Patterns for the entity ruler: one dict each, a phrase matched as written. ``id`` says
#: which rule made the entity (shown as ``ent.id_``).
ENTITY_PATTERNS: list[dict[str, str]] = [
    # Weapon systems: the model reads Patriot as PERSON, Shahed as NORP, Howitzer as PERSON.
    {"label": "PRODUCT", "pattern": "Patriot", "id": "weapon"},
    {"label": "PRODUCT", "pattern": "Patriots", "id": "weapon"},
    {"label": "PRODUCT", "pattern": "Shahed", "id": "weapon"},
    {"label": "PRODUCT", "pattern": "Howitzer", "id": "weapon"},
    {"label": "PRODUCT", "pattern": "interceptor drones", "id": "weapon"},
    # Ukrainian cities in the news, which the model reads as organisations.
    {"label": "GPE", "pattern": "Kyiv", "id": "place"},
    {"label": "GPE", "pattern": "Kharkiv", "id": "place"},
    {"label": "GPE", "pattern": "Odesa", "id": "place"},
]

#: Job titles as they appear before a name. Matched case-sensitively, so that "the
#: president" (a role, not a title) is left out.
TITLE_PATTERNS: list[dict[str, str]] = [
    {"label": "TITLE", "pattern": "Secretary of State"},
    {"label": "TITLE", "pattern": "Foreign Minister"},
    {"label": "TITLE", "pattern": "Defense Minister"},
    {"label": "TITLE", "pattern": "Interior Minister"},
    {"label": "TITLE", "pattern": "President"},
    {"label": "TITLE", "pattern": "Chancellor"},
    {"label": "TITLE", "pattern": "Secretary-General"},
    {"label": "TITLE", "pattern": "First Secretary"},
    {"label": "TITLE", "pattern": "Sen."},
]

TITLES_KEY = "titles"
ENTITY_RULER_NAME = "entity_fixes"
TITLE_RULER_NAME = "title_ruler"
TITLE_CLEANER_NAME = "drop_entities_in_titles"
RULE_PIPES = (ENTITY_RULER_NAME, TITLE_RULER_NAME, TITLE_CLEANER_NAME)
SAME_NAME_RULE = "same_name"


@Language.component(TITLE_CLEANER_NAME)
def drop_entities_in_titles(doc: Doc) -> Doc:
    """Remove entities inside a job title; trim those that start inside one."""
    titles = list(doc.spans[TITLES_KEY]) if TITLES_KEY in doc.spans else []
    kept = []
    for ent in doc.ents:
        ent = _outside_titles(ent, titles)
        if ent is not None:
            kept.append(ent)
    doc.ents = kept
    return doc


def _outside_titles(ent: Span, titles: list[Span]) -> Span | None:
    """``ent`` without the title it starts with; None when it lies inside a title."""
    start = ent.start
    for title in titles:
        if title.start <= start < title.end:
            start = title.end
    if start >= ent.end:
        return None
    if start == ent.start:
        return ent
    return Span(ent.doc, start, ent.end, label=ent.label_, span_id=ent.id_)


def add_entity_rules(nlp: Language) -> Language:
    """Add the three rule components after ``ner``, switched off; return ``nlp``.

    Does nothing when they are already there. Switch them on with :func:`rules_on`.
    """
    if ENTITY_RULER_NAME in nlp.component_names:
        return nlp
    ruler = nlp.add_pipe(
        "entity_ruler", name=ENTITY_RULER_NAME, after="ner", config={"overwrite_ents": True}
    )
    ruler.add_patterns(ENTITY_PATTERNS)
    titles = nlp.add_pipe(
        "span_ruler",
        name=TITLE_RULER_NAME,
        after=ENTITY_RULER_NAME,
        config={"spans_key": TITLES_KEY},
    )
    titles.add_patterns(TITLE_PATTERNS)
    nlp.add_pipe(TITLE_CLEANER_NAME, after=TITLE_RULER_NAME)
    for name in RULE_PIPES:
        nlp.disable_pipe(name)
    return nlp


@contextmanager
def rules_on(nlp: Language) -> Iterator[Language]:
    """Switch the rule components on for the ``with`` block (adding them if needed).

    >>> with rules_on(nlp):
    ...     docs = list(nlp.pipe(texts))
    """
    add_entity_rules(nlp)
    for name in RULE_PIPES:
        nlp.enable_pipe(name)
    try:
        yield nlp
    finally:
        for name in RULE_PIPES:
            nlp.disable_pipe(name)


def surname(person: Span) -> str:
    """The last word of a person's name, without a possessive ``'s``."""
    words = [token.text for token in person if token.text not in ("'s", "’s", "'")]
    return words[-1] if words else ""


def known_surnames(doc: Doc) -> set[str]:
    """Surnames of the people the doc names in full (two words or more)."""
    names = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            names.add(surname(ent))
    return names


def propagate_person_names(doc: Doc) -> Doc:
    """Label every mention of a known surname as PERSON (changes ``doc``, returns it).

    A surname is known when the doc names the person in full somewhere. An entity that is
    exactly such a surname gets the PERSON label; a surname token outside any entity
    becomes a new PERSON entity. Both carry ``id_ == "same_name"``.
    """
    surnames = known_surnames(doc)
    changed = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" and ent.text in surnames:
            ent = Span(doc, ent.start, ent.end, label="PERSON", span_id=SAME_NAME_RULE)
        changed.append(ent)
    for token in doc:
        if token.ent_iob_ == "O" and token.pos_ == "PROPN" and token.text in surnames:
            changed.append(Span(doc, token.i, token.i + 1, label="PERSON", span_id=SAME_NAME_RULE))
    doc.ents = filter_spans(changed)
    return doc


def entity_origin(ent: Span) -> str:
    """``"rule"`` for an entity a rule made or relabelled, else ``"model"``."""
    return "rule" if ent.id_ else "model"
