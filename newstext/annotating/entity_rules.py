"""Rules on top of the statistical entity recogniser: general rules by default, a page's
patterns only when asked.

The small English model makes errors a newsroom would not: it reads ``Trump`` and ``Lavrov``
alone as organisations, ``State`` in "Secretary of State" as an organisation, and on the
course page ``Patriot`` (the air-defence system) as a person. Rules fix what can be foreseen.
Two kinds of rule, and one line between them:

- **General rules** hold for any English news text and are what :func:`rules_on` switches on
  by default: job titles (``Prime Minister``, ``Health Secretary``, ``Senator`` ...) are not
  part of a name, and a person named in full once is the same person when named by surname
  (:func:`propagate_person_names`). They list no names, places or products.
- **Page patterns** name things of one page or one topic (``Patriot`` as a PRODUCT, the
  Ukrainian cities as GPE, for the course page). On other news they do harm: "the Patriot
  Act" is a LAW and the "New England Patriots" an ORG. They live in a file in spaCy's JSONL
  pattern format (one ``{"label": ..., "pattern": ..., "id": ...}`` per line, as
  ``entity_ruler`` and ``span_ruler`` read them), ``data/patterns/course_page.jsonl`` for the
  course page, and are used only when passed in: ``rules_on(nlp, patterns=...)``.

A rule **never overwrites part of a longer model entity**: a pattern match that lies inside
(or across) a longer entity of the model is dropped, so ``Patriot`` stays inside "the Patriot
Act"; a match that covers the model's entity exactly, or more, replaces it.

The public API (what the notebook, the CLI and the scorers call)::

    from newstext.annotating.entity_rules import (
        COURSE_PATTERNS, load_patterns, propagate_person_names, rules_on,
    )

    with rules_on(nlp):                          # general rules only
        docs = list(nlp.pipe(texts))
    with rules_on(nlp, patterns=COURSE_PATTERNS):  # + a page's patterns (a path or a list)
        docs = list(nlp.pipe(texts))
    docs = [propagate_person_names(doc) for doc in docs]  # over a whole article

- :func:`load_patterns` ``(path)`` reads and checks a JSONL patterns file (a list of dicts);
  :data:`COURSE_PATTERNS` is the course page's file, :func:`patterns_path` ``(name)`` finds a
  file of ``data/patterns/`` by name.
- :func:`rules_on` ``(nlp, patterns=None)`` is a context manager: it adds the rule components
  if needed (:func:`add_entity_rules`), switches them on, loads ``patterns`` (a path or a
  list of dicts) into the ``entity_fixes`` ruler for the block only, then empties it and
  switches everything off again, even after an error. Outside the block ``nlp`` gives the
  model's own answers.
- :func:`propagate_person_names` ``(doc)`` is the document-level rule (run it on a whole
  article's ``Doc``, after the pipeline).
- :func:`entity_origin` ``(ent)`` says ``"model"`` or ``"rule"``.

The components, added after ``ner`` and switched off (:data:`RULE_PIPES`):

1. ``entity_fixes``: a ``span_ruler`` (:class:`PagePatterns`) writing to ``doc.ents``
   through :func:`keep_longer_entities`; it holds no pattern outside a
   ``rules_on(..., patterns=...)`` block.
2. ``title_ruler``: a ``span_ruler`` writing job titles to ``doc.spans["titles"]``
   (:data:`TITLE_PATTERNS`). A title is not an entity in the OntoNotes scheme.
3. ``drop_entities_in_titles``: removes an entity lying inside a title (``State``) and trims a
   PERSON that starts with one (``President Donald Trump`` -> ``Donald Trump``).
4. ``entity_boundaries``: the guidelines' boundaries (:func:`fix_entity_boundaries`): no
   possessive ``'s``, no leading ``the`` but in ``the United States``, no score after a
   person's name, no lower-case name.

Entities made or changed by a rule carry its name in ``ent.id_`` (the pattern's ``id``,
``title``, ``boundary``, ``same_name``); entities from the model have an empty ``ent.id_``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newstext.core.paths import project_root

#: The course page's patterns (Patriot, Shahed ... as PRODUCT; the Ukrainian cities as GPE).
PATTERNS_FOLDER = ("data", "patterns")
COURSE_PATTERNS_NAME = "course_page.jsonl"


def patterns_path(name: str) -> Path:
    """The path of a patterns file of ``data/patterns/`` (``"course_page.jsonl"``)."""
    return project_root().joinpath(*PATTERNS_FOLDER, name)


#: The course page's patterns file, for ``rules_on(nlp, patterns=COURSE_PATTERNS)``.
COURSE_PATTERNS = patterns_path(COURSE_PATTERNS_NAME)

#: Job titles as they stand before a name, general to English news. Matched as written
#: (case-sensitive), so that "the president" (a role, not a title) is left out.
TITLES = (
    # heads of state and government, ministers, secretaries
    "President", "Vice President", "Vice-President", "Prime Minister", "Deputy Prime Minister",
    "Chief Minister", "First Minister", "Chancellor", "Premier", "Minister", "Foreign Minister",
    "Defence Minister", "Defense Minister", "Interior Minister", "Finance Minister",
    "Health Minister", "Justice Minister", "Secretary of State", "Foreign Secretary",
    "Home Secretary", "Health Secretary", "Defence Secretary", "Defense Secretary",
    "Treasury Secretary", "Secretary", "Secretary-General", "Secretary General",
    "First Secretary", "Attorney General", "Attorney-General", "Ambassador", "Envoy",
    # legislators, officials, judges
    "Senator", "Sen.", "Representative", "Rep.", "Congressman", "Congresswoman", "Governor",
    "Gov.", "Lt. Gov.", "Mayor", "Deputy Mayor", "Speaker", "Commissioner", "Judge", "Justice",
    "Chief Justice", "Sheriff", "Chief", "Police Chief", "Inspector", "Detective", "Sgt.",
    "Sergeant", "Officer", "Lieutenant", "Lt.", "Captain", "Capt.", "Colonel", "Col.",
    "General", "Gen.", "Admiral", "Adm.", "Major", "Maj.", "Commander",
    # courtesy, royal and religious titles
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof.", "Professor", "Sir",
    "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Duke", "Duchess", "Pope",
    "Cardinal", "Archbishop", "Bishop", "Rev.", "Reverend", "Rabbi", "Imam", "Sheikh",
    # business
    "CEO", "Chairman", "Chairwoman", "Chair", "Coach", "Manager",
)  # fmt: skip

#: The title patterns of the ``title_ruler``: one phrase pattern per title.
TITLE_PATTERNS: list[dict[str, str]] = [{"label": "TITLE", "pattern": title} for title in TITLES]

TITLES_KEY = "titles"
ENTITY_RULER_NAME = "entity_fixes"
TITLE_RULER_NAME = "title_ruler"
TITLE_CLEANER_NAME = "drop_entities_in_titles"
BOUNDARIES_NAME = "entity_boundaries"
RULE_PIPES = (ENTITY_RULER_NAME, TITLE_RULER_NAME, TITLE_CLEANER_NAME, BOUNDARIES_NAME)
BOUNDARY_RULE = "boundary"

#: Labels of names: an entity of these labels has a capital letter somewhere.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})  # fmt: skip

#: Labels of names that never start with ``the`` (``the University of Florida`` ->
#: ``University of Florida``). Places are left to :func:`_takes_the`; dates, events, laws and
#: works keep the model's boundaries.
NO_THE_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "PRODUCT"})

#: Words that make a place name one that always takes ``the`` (``the United States``,
#: ``the Netherlands``, ``the UK``); a plural name (ending in ``s``) takes it too.
THE_PLACE_WORDS = frozenset({"United", "Republic", "Kingdom", "Union", "Emirates", "Islands",
                             "US", "U.S.", "UK", "U.K.", "UAE", "EU", "Gambia", "Vatican",
                             "Congo", "Hague", "Crimea", "Caribbean"})  # fmt: skip
SAME_NAME_RULE = "same_name"
TITLE_RULE = "title"
PATTERN_RULE = "pattern"

#: The factory of the ``entity_fixes`` component (a ``span_ruler`` that may be empty).
PAGE_PATTERNS_FACTORY = "newstext_page_patterns"


# ---------------------------------------------------------------------------------------
# Page patterns: a JSONL file, loaded only when asked.
# ---------------------------------------------------------------------------------------


def load_patterns(path: str | Path) -> list[dict]:
    """Read a spaCy JSONL patterns file: one ``{"label", "pattern"[, "id"]}`` per line.

    Raises ``ValueError`` naming the line of a pattern without a label or a pattern.
    """
    path = Path(path)
    patterns = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            pattern = json.loads(line)
            if not isinstance(pattern, dict) or not {"label", "pattern"} <= set(pattern):
                raise ValueError(
                    f"{path.name}, line {number}: a pattern needs a label and a pattern"
                )
            patterns.append(pattern)
    return patterns


def _as_patterns(patterns: str | Path | Iterable[dict] | None) -> list[dict]:
    if patterns is None:
        return []
    if isinstance(patterns, (str, Path)):
        return load_patterns(patterns)
    return [dict(pattern) for pattern in patterns]


def keep_longer_entities(entities: Iterable[Span], matches: Iterable[Span]) -> list[Span]:
    """The model's ``entities`` with the pattern ``matches`` put in, never cutting a longer one.

    Longest matches first: a match replaces the entities it covers; a match that lies inside
    an entity longer than itself, or crosses one, is dropped.
    """
    kept = list(entities)
    for match in sorted(matches, key=lambda span: (span.start - span.end, span.start)):
        overlapping = [ent for ent in kept if ent.start < match.end and match.start < ent.end]
        if any(ent.start < match.start or ent.end > match.end for ent in overlapping):
            continue  # part of a longer entity (or across one): the longer one stays
        kept = [ent for ent in kept if ent not in overlapping]
        kept.append(Span(match.doc, match.start, match.end, label=match.label_,
                         span_id=match.id_ or PATTERN_RULE))
    return sorted(kept)


class PagePatterns(SpanRuler):
    """A ``span_ruler`` that writes its matches to ``doc.ents`` through
    :func:`keep_longer_entities`, and may be empty: without a page's patterns it does
    nothing (spaCy's own ruler warns when it has no pattern)."""

    def _require_patterns(self) -> None:
        pass

    def __call__(self, doc: Doc) -> Doc:
        if len(self) == 0:
            return doc  # no pattern, no match: the entities stay as they are
        return super().__call__(doc)


@Language.factory(PAGE_PATTERNS_FACTORY)
def make_page_patterns(nlp: Language, name: str) -> PagePatterns:
    return PagePatterns(
        nlp, name, spans_key=None, annotate_ents=True, overwrite=False,
        ents_filter=keep_longer_entities,
    )


# ---------------------------------------------------------------------------------------
# Titles.
# ---------------------------------------------------------------------------------------


@Language.component(TITLE_CLEANER_NAME)
def drop_entities_in_titles(doc: Doc) -> Doc:
    """Remove entities inside a job title; trim a PERSON that starts with one."""
    titles = list(doc.spans[TITLES_KEY]) if TITLES_KEY in doc.spans else []
    if not titles:
        return doc  # no title: no entity inside one
    entities = list(doc.ents)
    kept = []
    for ent in entities:
        ent = _outside_titles(ent, titles)
        if ent is not None:
            kept.append(ent)
    _set_entities(doc, entities, kept)
    return doc


def _set_entities(doc: Doc, before: list[Span], after: list[Span]) -> None:
    """``doc.ents = after``, unless it is ``before`` again (setting them costs time)."""
    if after != before:
        doc.ents = after


def _outside_titles(ent: Span, titles: list[Span]) -> Span | None:
    """``ent`` without the title it starts with; None when it lies inside a title.

    Only a PERSON is trimmed (``President Donald Trump``): another entity that starts with a
    title word is a name of its own (``General Motors``, ``Prince Edward Island``).
    """
    if any(title.start <= ent.start and ent.end <= title.end for title in titles):
        return None
    if ent.label_ != "PERSON":
        return ent
    start = ent.start
    for title in sorted(titles, key=lambda span: span.start):
        if title.start <= start < title.end:
            start = title.end
    if start >= ent.end or start == ent.start:
        return ent if start == ent.start else None
    return Span(ent.doc, start, ent.end, label=ent.label_, span_id=ent.id_ or TITLE_RULE)


# ---------------------------------------------------------------------------------------
# Boundaries: the guidelines' conventions for where a name starts and ends.
# ---------------------------------------------------------------------------------------

_POSSESSIVE_TOKENS = ("'s", "\u2019s", "'", "\u2019")


@Language.component(BOUNDARIES_NAME)
def fix_entity_boundaries(doc: Doc) -> Doc:
    """The OntoNotes boundaries the annotation guidelines follow, for every entity:

    - no possessive: ``Elon Musk's`` -> ``Elon Musk``; a possessive inside an entity splits
      it in two (``NASA's Office of ...`` -> ``NASA``, ``Office of ...``), both with the
      model's label;
    - no leading ``the`` before the name of a person, group, organisation, building or
      product (:data:`NO_THE_LABELS`); a place whose name always takes it (``the United
      States``, ``the Netherlands``) gets it when it heads its noun phrase;
    - a person's name does not end with a number (``Ann Lee 6-2`` -> ``Ann Lee``);
    - a name has a capital letter: a lower-case "name" of the model (``moon``) is dropped.

    Entities changed here carry ``id_ == "boundary"``.
    """
    entities = list(doc.ents)
    fixed = []
    for ent in entities:
        for part in _split_at_possessive(ent):
            part = _trim(part)
            if part is not None:
                fixed.append(part)
    _set_entities(doc, entities, filter_spans(fixed))
    return doc


def _changed(ent: Span, start: int, end: int) -> Span:
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label=ent.label_, span_id=ent.id_ or BOUNDARY_RULE)


def _split_at_possessive(ent: Span) -> list[Span]:
    parts = []
    start = ent.start
    for token in ent:
        if token.text in _POSSESSIVE_TOKENS and token.tag_ == "POS":
            if token.i > start:
                parts.append(_changed(ent, start, token.i))
            start = token.i + 1
    if start < ent.end:
        parts.append(_changed(ent, start, ent.end))
    return parts


def _trim(ent: Span) -> Span | None:
    doc = ent.doc
    start, end = ent.start, ent.end
    if ent.label_ == "PERSON":
        while end > start + 1 and (doc[end - 1].like_num or doc[end - 1].is_punct
                                   or doc[end - 1].pos_ == "SYM"):
            end -= 1
    if ent.label_ in NO_THE_LABELS and doc[start].lower_ == "the" and end > start + 1:
        start += 1
    if ent.label_ == "GPE" and start > 0 and doc[start - 1].lower_ == "the" and _takes_the(
        doc[start:end]
    ):
        start -= 1
    lower_case = not any(char.isupper() for char in doc[start:end].text)
    if ent.label_ in NAME_LABELS and lower_case and not ent.id_:
        return None  # the model's "moon"; a page pattern's "interceptor drones" stays
    return _changed(ent, start, end)


def _takes_the(name: Span) -> bool:
    """A place name that always takes ``the`` and heads its noun phrase here (``the
    Netherlands``, not the ``the US`` of ``the US Cabinet``)."""
    root = name.root
    if root.dep_ in ("compound", "amod", "nmod") and not (name.start <= root.head.i < name.end):
        return False
    words = name.text.split()
    return words[-1].endswith("s") or any(word in THE_PLACE_WORDS for word in words)


# ---------------------------------------------------------------------------------------
# The components, switched on for a block.
# ---------------------------------------------------------------------------------------


def add_patterns(nlp: Language, ruler: SpanRuler, patterns: Sequence[dict]) -> None:
    """Add ``patterns`` to ``ruler``, one of ``nlp``'s components.

    spaCy makes a ``Doc`` of each phrase pattern's text with the components before the
    ruler, the whole trained model included. Our rulers match the words as written, which
    the tokenizer alone gives, so every component is off while they are made (a
    hundred title patterns took 60 ms instead of a few).
    """
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(list(patterns))


def add_entity_rules(nlp: Language) -> Language:
    """Add the rule components after ``ner``, switched off; return ``nlp``.

    Does nothing when they are already there. The ``entity_fixes`` ruler starts empty.
    Switch them on with :func:`rules_on`.
    """
    if ENTITY_RULER_NAME in nlp.component_names:
        return nlp
    nlp.add_pipe(PAGE_PATTERNS_FACTORY, name=ENTITY_RULER_NAME, after="ner")
    titles = nlp.add_pipe(
        "span_ruler",
        name=TITLE_RULER_NAME,
        after=ENTITY_RULER_NAME,
        config={
            "spans_key": TITLES_KEY,
            "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        },
    )
    add_patterns(nlp, titles, TITLE_PATTERNS)
    nlp.add_pipe(TITLE_CLEANER_NAME, after=TITLE_RULER_NAME)
    nlp.add_pipe(BOUNDARIES_NAME, after=TITLE_CLEANER_NAME)
    for name in RULE_PIPES:
        nlp.disable_pipe(name)
    return nlp


@contextmanager
def rules_on(
    nlp: Language, patterns: str | Path | Sequence[dict] | None = None
) -> Iterator[Language]:
    """Switch the rule components on for the ``with`` block (adding them if needed).

    ``patterns``: a page's entity patterns, a JSONL file's path (see :func:`load_patterns`)
    or a list of dicts, used in this block only. Without them, the general rules alone.

    >>> with rules_on(nlp, patterns=COURSE_PATTERNS):
    ...     docs = list(nlp.pipe(texts))
    """
    add_entity_rules(nlp)
    ruler = nlp.get_pipe(ENTITY_RULER_NAME)
    ruler.clear()
    add_patterns(nlp, ruler, _as_patterns(patterns))
    for name in RULE_PIPES:
        nlp.enable_pipe(name)
    try:
        yield nlp
    finally:
        for name in RULE_PIPES:
            nlp.disable_pipe(name)
        ruler.clear()


# ---------------------------------------------------------------------------------------
# Surnames: a document-level rule.
# ---------------------------------------------------------------------------------------

_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")


def name_words(person: Span) -> list[str]:
    """The words of a name as written, split on spaces (``Anna-Lena Berg`` is two
    words), without a possessive ``'s``."""
    text = person.text
    for ending in _POSSESSIVES:
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    return text.split()


def _is_name_word(word: str) -> bool:
    """A capitalised word of letters (``Bautista-Agut``, ``O'Brien`` included)."""
    letters = word.replace("-", "").replace("'", "").replace("\u2019", "").replace(".", "")
    return bool(letters) and letters.isalpha() and word[0].isupper()


def surname(person: Span) -> str:
    """The last word of a person's name, without a possessive ``'s``."""
    words = name_words(person)
    return words[-1] if words else ""


def known_surnames(doc: Doc) -> set[str]:
    """Surnames of the people the doc names in full: a PERSON of two words or more, each a
    capitalised word of letters (``Uchiyama 6-2`` is no name), none of them a title."""
    names = set()
    for ent in doc.ents:
        words = name_words(ent)
        if ent.label_ != "PERSON" or len(words) < 2:
            continue
        if all(_is_name_word(word) for word in words) and words[-1] not in TITLES:
            names.add(words[-1])
    return names


_JOINERS = ("-", "\u2010", "\u2011", "\u2013")


def _glued(left, right) -> bool:
    """True when ``left`` and ``right`` form one word: no space between them and a hyphen
    or a letter where they meet (``Anna-Lena``), not punctuation (``Berg.``, ``(Berg``)."""
    if left.whitespace_:
        return False
    return left.text.endswith(_JOINERS) or right.text.startswith(_JOINERS) or (
        left.text[-1:].isalnum() and right.text[:1].isalnum()
    )


def _stands_alone(token) -> bool:
    """True when ``token`` is a whole name word: not joined to a neighbour by a hyphen and
    not next to another proper noun or an entity (so ``Berg`` in ``Anna-Lena Berg`` is not
    one)."""
    doc = token.doc
    if token.i > 0:
        before = doc[token.i - 1]
        if _glued(before, token) or before.ent_iob_ != "O" or before.pos_ == "PROPN":
            return False
    if token.i + 1 < len(doc):
        after = doc[token.i + 1]
        if after.text in _POSSESSIVES:
            return True
        if _glued(token, after) or after.ent_iob_ != "O" or after.pos_ == "PROPN":
            return False
    return True


def propagate_person_names(doc: Doc) -> Doc:
    """Label every mention of a known surname as PERSON (changes ``doc``, returns it).

    A surname is known when the doc names the person in full somewhere
    (:func:`known_surnames`). An entity that is exactly such a surname gets the PERSON label
    (``Trump`` read as ORG); a surname that stands alone outside any entity becomes a new
    PERSON. Both carry ``id_ == "same_name"``. The rule never touches part of a longer
    entity or of a longer name.
    """
    surnames = known_surnames(doc)
    if not surnames:
        return doc  # no one named in full: nothing to propagate
    entities = list(doc.ents)
    changed = []
    for ent in entities:
        if ent.label_ != "PERSON" and name_words(ent) and " ".join(name_words(ent)) in surnames:
            ent = Span(doc, ent.start, ent.end, label="PERSON", span_id=SAME_NAME_RULE)
        changed.append(ent)
    for token in doc:
        if (
            token.text in surnames  # first: it rules out nearly every token
            and token.ent_iob_ == "O"
            and token.pos_ == "PROPN"
            and _stands_alone(token)
        ):
            changed.append(Span(doc, token.i, token.i + 1, label="PERSON", span_id=SAME_NAME_RULE))
    _set_entities(doc, entities, filter_spans(changed))
    return doc


def entity_origin(ent: Span) -> str:
    """``"rule"`` for an entity a rule made or changed, else ``"model"``."""
    return "rule" if ent.id_ else "model"
