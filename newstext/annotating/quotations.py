"""Finding quotations in a spaCy ``Doc`` and saying who speaks them.

Three steps, each in its own small functions:

1. **Marks** (characters only): every ``"`` ``“`` ``”`` ``'`` ``‘`` ``’`` is read as an
   opening mark, a closing mark or an apostrophe (don't, Russia's, the Patriots' range,
   '90s), and marks of the same kind are paired inside one paragraph. Single and double
   marks are two kinds; a curly mark pairs with a straight one of its kind, so the
   headline's ``‘I don't want to overpromise'`` is one quotation. A quotation still open
   at the end of its paragraph runs to the end of the paragraph (the news convention for a
   quotation that goes on in the next paragraph). A quotation inside another one is part
   of it, not a record of its own.
2. **Cue and speaker** (spaCy's parse): from the quoted words we climb the dependency tree
   to the first *cue* verb outside the quotation (``said``, ``added``, ``told``,
   ``described``, ``citing`` ...); its subject (``nsubj``) is the speaker as written. A
   verb with no subject of its own (``citing``, ``saying``) takes the subject of the verb
   it hangs from (``he added, citing ...``). ``according to X`` in the same sentence
   wins over any verb: X is the source.
3. **Who that is**: a name is completed from the longest earlier PERSON mention ending
   with the same word (``Rubio`` -> ``Marco Rubio``); ``he``/``she`` is the last speaker
   who was a named person (not the nearest name); other speakers (``Russia's Foreign
   Ministry``, ``Moscow``, ``the official``) stay as written. A whole-sentence quotation
   with no cue continues the previous quotation's speaker when it follows it in the same
   paragraph or opens the next paragraph.

What counts as a quotation: every span in quote marks. Partial quotations (single words or
phrases such as ``"frustrated"`` or ``"time and patience,"``) are kept: on this page they
are all the speaker's own words, attributed by the sentence (``Rubio said he remained
"frustrated"``), and the reference annotations keep them too (see
``data/annotations/GUIDELINES.md``). The extractor cannot tell true scare quotes or quoted
names (``the 'Torre K,' a 42-story hotel``) from quotations: it reports them like any other.

Where the results go: :func:`extract_quotes` returns :class:`QuoteRecord` objects and puts
one span per quotation, labelled ``QUOTE``, in ``doc.spans["quotes"]``; each span carries
``span._.speaker`` (resolved), ``span._.speaker_text`` (as written) and ``span._.cue``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import pandas as pd
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from newstext.cleaning.quote_marks import find_quotations, paragraph_bounds
from newstext.core.doc_cache import PARAGRAPHS_KEY
from newstext.core.reporting_verbs import REPORTING_VERBS

# ---------------------------------------------------------------------------------------
# Word lists: what a student edits to teach the extractor a new cue.
# ---------------------------------------------------------------------------------------

#: Pronouns resolved to the last named person who spoke.
PERSON_PRONOUNS = {"he", "she", "him", "her"}

#: Other pronouns: kept as written, with no resolved speaker.
OTHER_PRONOUNS = {"they", "we", "it", "i", "you", "them", "us"}

_SENTENCE_ENDS = ".!?:\u2026"

#: The span label and the span group used in the ``Doc``.
QUOTE_LABEL = "QUOTE"
QUOTES_KEY = "quotes"

TABLE_COLUMNS = ["article_id", "quote", "cue", "speaker_text", "speaker", "start_char", "end_char"]

#: The custom attributes every ``QUOTE`` span carries: ``span._.speaker`` and so on.
SPAN_EXTENSIONS = ("speaker", "speaker_text", "cue")


def _register_span_extensions() -> None:
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


_register_span_extensions()


@dataclass(frozen=True)
class QuoteRecord:
    """One quotation: where it is, its cue, its speaker as written and resolved.

    ``attribution`` says how the speaker was found: ``"cue"`` (a cue verb and its
    subject), ``"according to"``, ``"continuation"`` (no cue: the previous quotation's
    speaker goes on) or ``"none"``.
    """

    quote: str
    start_char: int
    end_char: int
    cue: str | None
    speaker_text: str | None
    speaker: str | None
    attribution: str
    article_id: int | str | None = None


@dataclass(frozen=True)
class _Attribution:
    cue: str | None
    speaker_text: str | None
    head: Token | None  # the speaker's head word, if any
    how: str


def _doc_paragraphs(doc: Doc) -> list[tuple[int, int]]:
    if PARAGRAPHS_KEY in doc.spans:
        return [(span.start_char, span.end_char) for span in doc.spans[PARAGRAPHS_KEY]]
    return paragraph_bounds(doc.text)


# ---------------------------------------------------------------------------------------
# 2. Cue and speaker (the parse).
# ---------------------------------------------------------------------------------------


def is_cue(token: Token) -> bool:
    """True for a verb that introduces reported words (``said``, ``added``, ``citing``)."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORTING_VERBS


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that start inside ``[start, end)`` (found by ``char_span``, not a scan)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [token for token in span if start <= token.idx < end]


def _cue_above(tokens: list[Token]) -> Token | None:
    """The first cue verb met climbing the tree from the quoted words."""
    inside = {token.i for token in tokens}
    for token in tokens:
        if token.is_punct or token.head.i in inside:
            continue
        for candidate in [token.head, *token.head.ancestors]:
            if is_cue(candidate):
                return candidate
    for token in tokens:  # the parser sometimes hangs the cue below the quoted verb
        for child in token.children:
            if child.i not in inside and is_cue(child):
                return child
    return None


def subject_of(verb: Token, outside: set[int] | None = None) -> Token | None:
    """The ``nsubj`` of ``verb``, or of the verb it hangs from when it has none.

    Tokens whose index is in ``outside`` (the quoted words) are never the subject.
    """
    outside = outside or set()
    for candidate in [verb, *verb.ancestors]:
        for child in candidate.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i not in outside:
                return child
    return None


def according_to_source(sentence: Span, outside: set[int]) -> Token | None:
    """The head word of X in ``according to X`` within ``sentence``, or None."""
    matcher = Matcher(sentence.doc.vocab)
    matcher.add("ACCORDING_TO", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    for _, start, _end in matcher(sentence):  # offsets relative to the sentence
        to_token = sentence[start + 1]
        if to_token.i in outside:
            continue
        for child in to_token.children:
            if child.dep_ == "pobj":
                return child
    return None


def speaker_phrase(head: Token) -> Span:
    """The speaker as written: from the left edge of its phrase to its head word.

    ``Russia's Foreign Ministry``, ``the official``, ``Secretary of State Marco Rubio``;
    what follows the head (``of South Carolina, who ...``) is left out, except the rest
    of a name the head stands in.
    """
    doc = head.doc
    end = head.i + 1
    for ent in doc.ents:
        if ent.start <= head.i < ent.end:
            end = max(end, ent.end)
    return doc[head.left_edge.i : end]


def _attribute(doc: Doc, start: int, end: int) -> _Attribution:
    tokens = _tokens_in(doc, start, end)
    if not tokens:
        return _Attribution(None, None, None, "none")
    inside = {token.i for token in tokens}
    source = according_to_source(tokens[0].sent, inside)
    if source is not None:
        return _Attribution("according to", speaker_phrase(source).text, source, "according to")
    cue = _cue_above(tokens)
    if cue is None:
        return _Attribution(None, None, None, "none")
    subject = subject_of(cue, inside)
    if subject is None:
        return _Attribution(cue.text.lower(), None, None, "cue")
    return _Attribution(cue.text.lower(), speaker_phrase(subject).text, subject, "cue")


# ---------------------------------------------------------------------------------------
# 3. Who that is.
# ---------------------------------------------------------------------------------------


def full_name(head: Token) -> str | None:
    """The longest PERSON mention up to ``head`` whose last word is ``head``'s text."""
    best: list[Token] = []
    for ent in head.doc.ents:
        if ent.label_ != "PERSON" or ent.start > head.i:
            continue
        words = [token for token in ent if token.tag_ != "POS"]
        if words and words[-1].text == head.text and len(words) > len(best):
            best = words
    if not best:
        return None
    return head.doc[best[0].i : best[-1].i + 1].text


def _resolve(head: Token | None, speaker_text: str | None, last_person: str | None) -> str | None:
    if head is None:
        return None
    if head.lower_ in PERSON_PRONOUNS:
        return last_person
    if head.lower_ in OTHER_PRONOUNS:
        return None
    return full_name(head) or speaker_text


# ---------------------------------------------------------------------------------------
# Putting it together.
# ---------------------------------------------------------------------------------------


def extract_quotes(
    doc: Doc, article_id: int | str | None = None, offset: int = 0
) -> list[QuoteRecord]:
    """Every quotation in ``doc`` with its cue and speaker; also fills ``doc.spans["quotes"]``.

    ``offset`` is added to the records' ``start_char``/``end_char`` (not to the spans), so
    that they point into the raw page (for the main article: the raw offset of line 7).
    """
    paragraphs = _doc_paragraphs(doc)
    records: list[QuoteRecord] = []
    previous: tuple[int, str | None] | None = None  # (paragraph, speaker) of the last quote
    last_person: str | None = None  # the last named person who spoke, for "he"
    text = doc.text  # spaCy builds doc.text anew at each call: read it once
    for start, end in find_quotations(text):
        paragraph = _paragraph_index(paragraphs, start)
        found = _attribute(doc, start, end)
        if found.how == "none" and _continues(text, start, paragraphs, paragraph, previous):
            speaker, how = previous[1], "continuation"
        else:
            speaker, how = _resolve(found.head, found.speaker_text, last_person), found.how
        if _is_named_person(found.head):
            last_person = speaker
        records.append(QuoteRecord(
            text[start:end], start + offset, end + offset, found.cue,
            found.speaker_text, speaker, how, article_id,
        ))
        previous = (paragraph, speaker)
    doc.spans[QUOTES_KEY] = _quote_spans(doc, records, offset)
    return records


def _paragraph_index(paragraphs: list[tuple[int, int]], offset: int) -> int:
    for index, (start, end) in enumerate(paragraphs):
        if start <= offset < end:
            return index
    return -1


def _continues(
    text: str,
    start: int,
    paragraphs: list[tuple[int, int]],
    paragraph: int,
    previous: tuple[int, str | None] | None,
) -> bool:
    """A cue-less quotation goes on with the previous speaker.

    True when it starts a sentence after an attributed quotation in the same paragraph, or
    opens the paragraph right after one.
    """
    if previous is None or previous[1] is None:
        return False
    paragraph_start = paragraphs[paragraph][0]
    before = text[paragraph_start:start].rstrip()
    if previous[0] == paragraph:
        return before.endswith(tuple(_SENTENCE_ENDS))
    return previous[0] == paragraph - 1 and before == ""


def _is_named_person(head: Token | None) -> bool:
    """True when the speaker is named and a PERSON mention gives the full name."""
    return head is not None and head.lower_ not in PERSON_PRONOUNS and full_name(head) is not None


def _quote_spans(doc: Doc, records: list[QuoteRecord], offset: int) -> list[Span]:
    """One ``QUOTE`` span per record, carrying its speaker, speaker text and cue."""
    spans = []
    for record in records:
        start, end = record.start_char - offset, record.end_char - offset
        span = doc.char_span(start, end, label=QUOTE_LABEL, alignment_mode="expand")
        if span is None:
            continue
        span._.speaker = record.speaker
        span._.speaker_text = record.speaker_text
        span._.cue = record.cue
        spans.append(span)
    return spans


def quotes_table(records: Iterable[QuoteRecord]) -> pd.DataFrame:
    """One row per quotation: ``article_id, quote, cue, speaker_text, speaker, start_char,
    end_char``."""
    rows = [asdict(record) for record in records]
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)
