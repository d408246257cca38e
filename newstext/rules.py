"""Domain rules for the English pipeline: weapon systems, the model's errors, job titles.

Three components are added after the statistical ``ner``:

1. ``entity_fixes``, an ``entity_ruler`` with ``overwrite_ents=True``. It sits **after**
   ``ner`` so that it can *correct* the model: where one of its patterns overlaps an entity
   the model predicted (``Trump`` as ORG, ``Patriot`` as PERSON), the ruler's entity
   replaces it. Placed *before* ``ner`` it could only add entities (the model keeps the
   preset ones and predicts around them), and it would not change a wrong label the model
   gives a longer span. Because an overwriting ruler also replaces a longer correct entity
   (``Donald Trump``) by a shorter match (``Trump``), every person is listed with the full
   name too: the ruler keeps its longest match.
2. ``title_ruler``, a ``span_ruler`` writing job titles (``Secretary of State``,
   ``Foreign Minister``) to ``doc.spans["titles"]`` with the label ``TITLE``. A title is not
   an entity in the OntoNotes scheme, so it gets its own span group and ``doc.ents`` is
   left alone.
3. ``drop_entities_in_titles``: the model reads ``State`` in ``Secretary of State`` as an
   ORG. This last step removes every entity that lies inside a title and trims an entity
   that starts inside one (``President Donald Trump`` -> ``Donald Trump``).

The patterns are data: the lists below are what a student reads and extends.

``load_english()`` returns one pipeline shared by the whole process: never add rules to it.
Use :func:`english_with_rules`, which loads a second copy once and adds the rules to that.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newstext import model

#: Names the small model gets wrong on the course page, and the weapon systems it does not
#: know. One dict per pattern: ``label`` and ``pattern`` (a phrase, matched exactly as it
#: is written).
ENTITY_PATTERNS: list[dict[str, str]] = [
    # Weapon systems: the model reads Patriot as PERSON, Shahed as NORP, Howitzer as PERSON.
    {"label": "PRODUCT", "pattern": "Patriot"},
    {"label": "PRODUCT", "pattern": "Patriots"},
    {"label": "PRODUCT", "pattern": "Shahed"},
    {"label": "PRODUCT", "pattern": "Howitzer"},
    {"label": "PRODUCT", "pattern": "interceptor drones"},
    # People the model labels ORG or GPE (Trump, Lavrov, Zelenskyy, Ferrer) with their
    # full names, so that the full name still wins where the model found it.
    {"label": "PERSON", "pattern": "Donald Trump"},
    {"label": "PERSON", "pattern": "Trump"},
    {"label": "PERSON", "pattern": "Sergey Lavrov"},
    {"label": "PERSON", "pattern": "Lavrov"},
    {"label": "PERSON", "pattern": "Marco Rubio"},
    {"label": "PERSON", "pattern": "Rubio"},
    {"label": "PERSON", "pattern": "Vladimir Putin"},
    {"label": "PERSON", "pattern": "Putin"},
    {"label": "PERSON", "pattern": "Volodymyr Zelenskyy"},
    {"label": "PERSON", "pattern": "Zelenskyy"},
    {"label": "PERSON", "pattern": "Jose Daniel Ferrer"},
    {"label": "PERSON", "pattern": "Ferrer"},
    # Places the model reads as organisations.
    {"label": "GPE", "pattern": "Odesa"},
]

#: Job titles, written as they appear before a name. Matched case-sensitively, so that
#: ``the president`` (a role, not a title) is left out.
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
    return Span(ent.doc, start, ent.end, label=ent.label_)


def add_entity_rules(nlp: Language) -> Language:
    """Add the three rule components after ``ner`` and return ``nlp`` (changed in place).

    Refuses the pipeline shared by :func:`newstext.model.load_english` (use
    :func:`english_with_rules`). Does nothing when the rules are already there.
    """
    if _is_shared_pipeline(nlp):
        raise ValueError(
            "add_entity_rules would change the shared pipeline of load_english(): "
            "use english_with_rules() instead"
        )
    if ENTITY_RULER_NAME in nlp.pipe_names:
        return nlp
    ruler = nlp.add_pipe(
        "entity_ruler", name=ENTITY_RULER_NAME, after="ner", config={"overwrite_ents": True}
    )
    ruler.add_patterns(ENTITY_PATTERNS)
    titles = nlp.add_pipe(
        "span_ruler", name=TITLE_RULER_NAME, after=ENTITY_RULER_NAME,
        config={"spans_key": TITLES_KEY},
    )
    titles.add_patterns(TITLE_PATTERNS)
    nlp.add_pipe(TITLE_CLEANER_NAME, after=TITLE_RULER_NAME)
    return nlp


def _is_shared_pipeline(nlp: Language) -> bool:
    if model.load_english.cache_info().currsize == 0:
        return False  # not loaded yet: it cannot be this one
    return nlp is model.load_english()


@cache
def english_with_rules() -> Language:
    """A second English pipeline, with the rules, loaded once per process.

    It is loaded with ``spacy.load`` from the same package ``load_english()`` picks, so the
    shared pipeline is never touched. Cost, measured with the small model: one more load of
    about 0.3 s and some 40 MB of memory (copying the shared pipeline through its config and
    bytes is no cheaper: 0.35 s, 70 MB).
    """
    name = model.installed_model()
    if name is None:
        model.load_english()  # raises ModelNotInstalledError with the install command
    return add_entity_rules(spacy.load(name))
