"""Flagging sentences where the scraper lost words (never rewriting them).

When a scraper drops a piece of text, the words on each side are glued into a sentence
that no longer parses: "...a conflict that was 'killing a lot of people' on both bigger
army is pressing hard...", "...supply one, he Chancellor Friedrich Merz said...".
The rules below look for the marks such a seam leaves in spaCy's tags and parse. They
need the model, so they are kept apart from the basic cleaning: pass the pipeline from
``newstext.core.model.load_english()``.

The rules (each a function taking a spaCy ``Doc`` of one sentence):

* ``pronoun_then_name``: a subject pronoun directly followed by a proper noun
  ("he Chancellor Friedrich Merz");
* ``preposition_without_object``: a preposition directly followed by a verb that the
  parse leaves it no object for, or that is a verb of saying ("mostly at urged
  Ukraine's Western partners");
* ``verb_without_subject``: a finite verb heading a subordinate clause (a complement or
  an adverbial clause) with no subject and no conjunction introducing it: its subject
  was swallowed by the words before ("signs of two leaders spoke", "under the officials
  spoke"). The sentence's root is left out: a root without a subject is far more often
  the small model misreading a word ("The dispute centres on ...") than a seam;
* ``clause_after_preposition``: a preposition whose object is a whole finite clause
  with its own subject, no wh-word between them ("about what ... are" is grammatical):
  "on both bigger army is pressing".

They are heuristics on a small statistical model: they can miss a seam the parser reads
as grammatical, and flag a sentence the parser gets wrong. Every flag is for a human
to check against the raw page.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newstext.cleaning.lexicon import PREPOSITIONS, SUBJECT_PRONOUNS
from newstext.core.doc_cache import parse
from newstext.core.reporting_verbs import REPORTING_VERB_FORMS

GLITCH_COLUMNS = [
    "sentence_id",
    "article_id",
    "paragraph_id",
    "rule",
    "evidence",
    "text",
    "raw_start",
    "raw_end",
]

_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_PAST_OR_PRESENT = {"VBD", "VBN", "VBZ", "VBP"}
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
_CLAUSE_HEADS = {"ccomp", "advcl"}
_WH_TAGS = {"WDT", "WP", "WP$", "WRB"}


def pronoun_then_name(doc: Doc) -> list[str]:
    """A subject pronoun directly followed by a capitalised proper noun: "he Chancellor"."""
    found = []
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.lower_ not in SUBJECT_PRONOUNS or token.text == "I":
            continue
        if following.pos_ == "PROPN" and following.text[:1].isupper():
            found.append(f"{token.text} {following.text}")
    return found


def preposition_without_object(doc: Doc) -> list[str]:
    """A preposition directly followed by a verb it cannot govern: "at urged".

    The preposition (from ``lexicon.PREPOSITIONS``) is followed by a past or present verb,
    and either the parse gives it no object or the verb is a verb of saying
    (``core.reporting_verbs``), which is never an adjective ("at reduced prices" is).
    """
    found = []
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.lower_ not in PREPOSITIONS or following.tag_ not in _PAST_OR_PRESENT:
            continue
        has_object = any(child.dep_ in ("pobj", "pcomp") for child in token.children)
        if not has_object or following.lower_ in REPORTING_VERB_FORMS:
            found.append(f"{token.text} {following.text}")
    return found


def verb_without_subject(doc: Doc) -> list[str]:
    """A finite verb heading a clause with no subject and no marker: "two leaders spoke"."""
    found = []
    for token in doc:
        if token.tag_ not in _FINITE - {"MD"} or token.pos_ not in ("VERB", "AUX"):
            continue
        if token.dep_ not in _CLAUSE_HEADS:
            continue
        children = {child.dep_ for child in token.children}
        if children & _SUBJECTS or "mark" in children:
            continue
        start = max(token.i - 4, 0)
        found.append(doc[start : token.i + 1].text)
    return found


def clause_after_preposition(doc: Doc) -> list[str]:
    """A preposition governing a finite clause: "on both bigger army is pressing"."""
    found = []
    for token in doc:
        if token.dep_ != "pcomp" or token.pos_ not in ("VERB", "AUX"):
            continue
        children = list(token.children)
        finite = token.tag_ in _FINITE or any(
            child.dep_ in ("aux", "auxpass") and child.tag_ in _FINITE for child in children
        )
        has_subject = any(child.dep_ in _SUBJECTS for child in children)
        between = doc[token.head.i + 1 : token.i]
        has_wh_word = any(word.tag_ in _WH_TAGS for word in between)
        if finite and has_subject and not has_wh_word:
            found.append(doc[token.head.i : token.i + 1].text)
    return found


#: The rules, by name, in the order they are reported.
GLITCH_RULES: dict[str, Callable[[Doc], list[str]]] = {
    "pronoun_then_name": pronoun_then_name,
    "preposition_without_object": preposition_without_object,
    "verb_without_subject": verb_without_subject,
    "clause_after_preposition": clause_after_preposition,
}


#: The components the rules read: tags, parts of speech and the parse (no entities, no
#: lemmas, so those two components are switched off while looking: twice as fast).
GLITCH_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler")


def parse_sentences(sentences: list[str], nlp: Language) -> list[Doc]:
    """Each sentence parsed alone, with only :data:`GLITCH_PIPES` on."""
    with nlp.select_pipes(enable=[name for name in GLITCH_PIPES if name in nlp.pipe_names]):
        return parse(nlp, sentences)


def glitches_in(sentence: str, nlp: Language) -> list[tuple[str, str]]:
    """``(rule, evidence)`` for each glitch found in one sentence."""
    return _glitches_in_doc(parse_sentences([sentence], nlp)[0])


def _glitches_in_doc(doc: Doc) -> list[tuple[str, str]]:
    found = []
    for name, rule in GLITCH_RULES.items():
        for evidence in rule(doc):
            found.append((name, evidence))
    return found


def find_glitches(sentences: pd.DataFrame, nlp: Language) -> pd.DataFrame:
    """One row per glitch found in the sentences table of a cleaned page.

    Columns: ``sentence_id``, ``article_id``, ``paragraph_id``, ``rule``, ``evidence``
    (the words that triggered the rule), ``text`` (the sentence), ``raw_start`` and
    ``raw_end`` (the sentence in the raw page).
    """
    rows = []
    records = sentences.to_dict("records")
    docs = parse_sentences(list(sentences["text"]), nlp)
    for record, doc in zip(records, docs, strict=True):
        for rule, evidence in _glitches_in_doc(doc):
            rows.append(
                {
                    "sentence_id": record["sentence_id"],
                    "article_id": record["article_id"],
                    "paragraph_id": record["paragraph_id"],
                    "rule": rule,
                    "evidence": evidence,
                    "text": record["text"],
                    "raw_start": record["raw_start"],
                    "raw_end": record["raw_end"],
                }
            )
    return pd.DataFrame(rows, columns=GLITCH_COLUMNS)
