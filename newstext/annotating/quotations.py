"""Finding quotations in a spaCy ``Doc`` and saying who speaks them.

Four steps, each in its own small functions:

1. **Marks** (characters only, :func:`newstext.cleaning.quote_marks.find_quotations`): every
   ``"`` ``“`` ``”`` ``'`` ``‘`` ``’`` is read as an opening mark, a closing mark or an
   apostrophe (don't, Russia's, the Patriots' range, '90s), and marks of the same kind are
   paired inside one paragraph. A quotation still open at the end of its paragraph runs to
   the end of the paragraph (the news convention for a quotation that goes on in the next
   paragraph).
2. **Cue** (spaCy's parse): what attributes the words. In order, the first that applies:

   - ``according to X`` in the same sentence: X is the source, whatever the verb;
   - climbing the dependency tree from the quoted words, the first *cue* met outside any
     quotation: a reporting verb (``said``, ``testified``, ``read``, ``chanted``, the one
     list in :mod:`newstext.core.reporting_verbs`), a phrasal one (``weighed in``), a
     characterising verb whose ``as`` / ``to`` / ``with`` leads to the words (``described
     the talks as "frank"``), or a speech noun with its speaker (``her claim that ...``,
     ``orders from the general to "..."``);
   - the inverted attribution right after the closing mark (``"...!" Smith tweeted.``),
     which the parser often puts in a sentence of its own;
   - a speech noun before the quotation whose ``to`` or ``that`` leads to it, when the
     parser hung the quotation elsewhere;
   - a quoted phrase that hangs from the words of an earlier quotation shares its
     attribution (``ordered them to "hold the line" in the "final push"``).
3. **Is it a quotation?** Quote marks also frame titles, names, slogans and scare quotes.
   A quotation gives someone's words, so a short quoted stretch (fewer than
   :data:`LONG_QUOTE_WORDS` words) is kept only when something attributes it: a cue, a
   continuation (below) or a colon that introduces it; a longer one is kept with no speaker.
   And, cue or
   not, a quoted word that only modifies a noun outside the marks (``the "interim"
   government``, ``"Stop the War" marches``) is a scare quote or a name, a quoted sentence
   used as a noun phrase (``"We Can Do It" became a slogan``) is a title, and capitalised
   proper nouns without a verb (``the 'Grand Hotel,' a 40-storey tower``) are a name.
4. **Who speaks**: the subject of the cue verb (``nsubj``; a verb with none, ``citing``,
   takes the subject of the verb it hangs from), the agent of a passive, the possessor of a
   speech noun. Then:

   - a relative pronoun is its head noun (``the reports that depicted "..."``);
   - a title or an appositive before a name gives the name (``the union's general
     secretary, Jane Smith, added`` -> Jane Smith);
   - a coordinated subject is kept whole (``Smith and her team wrote``);
   - a name is completed from the fullest earlier mention of it (``Rubio`` -> ``Marco
     Rubio``; any word of the name, so a family name written first is found too);
   - ``he`` / ``she`` is the most recent compatible person mention before it, quoted or
     not: the nearest sentence with a person in it, its subject first. Compatible means no
     clash with what the text says of the person's sex: a title (``Mr``, ``Ms`` ...) or an
     earlier ``he`` / ``she`` that was resolved to them;
   - ``the spokesperson`` is the earlier speaker with the same head noun (``a
     spokesperson said ...``);
   - other speakers (``Russia's Foreign Ministry``, ``the official``) stay as written.

   A quotation with no cue **continues** the previous quotation's speaker when it starts a
   sentence after it in the same paragraph, or opens the next paragraph. An explicit cue
   always wins over continuation.

Where the results go: :func:`extract_quotes` returns :class:`QuoteRecord` objects and puts
one span per quotation, labelled ``QUOTE``, in ``doc.spans["quotes"]``; each span carries
``span._.speaker`` (resolved), ``span._.speaker_text`` (as written) and ``span._.cue``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import pandas as pd
from spacy.tokens import Doc, Span, Token

from newstext.annotating.entity_rules import TITLES, name_words
from newstext.cleaning.quote_marks import find_quotations, paragraph_bounds
from newstext.core.doc_cache import PARAGRAPHS_KEY
from newstext.core.reporting_verbs import (
    CHARACTERISING_PREPOSITIONS,
    CHARACTERISING_VERBS,
    PHRASAL_REPORTING_VERBS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
)

# ---------------------------------------------------------------------------------------
# Word lists: what a student edits to teach the extractor.
# ---------------------------------------------------------------------------------------

#: Pronouns resolved to the most recent compatible person mention.
MALE_PRONOUNS = {"he", "him", "his"}
FEMALE_PRONOUNS = {"she", "her", "hers"}
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS

#: Other pronouns: kept as written, with no resolved speaker.
OTHER_PRONOUNS = {"they", "we", "it", "i", "you", "them", "us", "one"}

#: Relative pronouns: the speaker is the noun the relative clause hangs on.
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}

#: Titles that say a person's sex, for the pronouns.
MALE_TITLES = {"Mr", "Mr.", "Sir", "Lord", "King", "Prince", "Duke", "Father", "Brother"}
FEMALE_TITLES = {"Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dame", "Lady", "Queen", "Princess",
                 "Duchess", "Sister"}  # fmt: skip

#: Determiners of a noun phrase that points back to someone named before ("the expert").
DEFINITE_DETERMINERS = {"the", "this", "that"}

#: Dependencies by which a quoted word modifies a noun outside the marks (a scare quote).
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nummod"}

#: Dependencies of a speaker.
SUBJECT_DEPS = ("nsubj", "nsubjpass")

#: How many tokens after a closing mark an inverted cue may be ("..." the new head coach said).
INVERTED_WINDOW = 8

#: How many tokens before a quotation a speech noun may be (``her claim in the interview
#: that the talks were "productive"``).
SPEECH_NOUN_WINDOW = 12

#: A quoted stretch with no attribution is kept as a quotation (with no speaker) when it has
#: at least this many words: scare quotes, titles, terms and slogans are short.
LONG_QUOTE_WORDS = 8

#: How many sentences back a pronoun looks for a person named as a subject, before it
#: takes the most recent person mentioned in any role.
SUBJECT_WINDOW = 4

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

    ``attribution`` says how the speaker was found: ``"cue"`` (a cue and its subject),
    ``"according to"``, ``"continuation"`` (no cue: the previous quotation's speaker goes
    on), ``"colon"`` (introduced by a sentence ending with a colon) or ``"none"`` (a long
    quotation nothing attributes).
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
    how: str  # "cue", "according to" or "none"
    coordinated: bool = False  # "Smith and her team": kept as written


_NONE = _Attribution(None, None, None, "none")


def _doc_paragraphs(doc: Doc) -> list[tuple[int, int]]:
    if PARAGRAPHS_KEY in doc.spans:
        return [(span.start_char, span.end_char) for span in doc.spans[PARAGRAPHS_KEY]]
    return paragraph_bounds(doc.text)


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that start inside ``[start, end)`` (found by ``char_span``, not a scan)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [token for token in span if start <= token.idx < end]


# ---------------------------------------------------------------------------------------
# 2. Cues.
# ---------------------------------------------------------------------------------------


def is_cue(token: Token) -> bool:
    """True for a verb that introduces reported words (``said``, ``testified``, ``weighed
    in``)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in REPORTING_VERBS:
        return True
    # the particle right after the verb ("weighed in"), however the parser labels it
    particles = {
        child.lower_
        for child in token.children
        if child.dep_ == "prt" or (child.i == token.i + 1 and child.dep_ in ("advmod", "prep"))
    }
    return any((lemma, particle) in PHRASAL_REPORTING_VERBS for particle in particles)


def is_speech_noun(token: Token) -> bool:
    """True for a noun that carries someone's words (``statement``, ``claim``)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS


def noun_speaker(noun: Token) -> Token | None:
    """Whose words a speech noun carries: its possessor (``his claim``) or the object of
    ``from`` / ``by`` / ``of`` (``a statement from the ministry``)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and (
                    grandchild.pos_ in ("PROPN", "PRON") or grandchild.ent_type_
                ):
                    return grandchild
    return None


def _cue_above(tokens: list[Token], quoted: set[int]) -> Token | None:
    """The first cue met climbing the tree from the quoted words (outside any quotation)."""
    inside = {token.i for token in tokens}
    noun_without_speaker = None
    for token in tokens:
        if token.is_punct or token.head.i in inside or token.head.i == token.i:
            continue
        path = [token]
        for candidate in [token.head, *token.head.ancestors]:
            if candidate.i not in quoted:
                if is_cue(candidate) or _characterises(candidate, path):
                    return candidate
                if is_speech_noun(candidate):
                    if noun_speaker(candidate) is not None:
                        return candidate
                    noun_without_speaker = noun_without_speaker or candidate
            path.append(candidate)
    for token in tokens:  # the parser sometimes hangs the cue below the quoted verb
        for child in token.children:
            if child.i not in quoted and is_cue(child):
                return child
    return noun_without_speaker


def _characterises(verb: Token, path: list[Token]) -> bool:
    """True for ``described X as "..."``: a characterising verb reached through ``as``,
    ``to`` or ``with``."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CHARACTERISING_VERBS:
        return False
    return any(
        token.dep_ == "prep" and token.lower_ in CHARACTERISING_PREPOSITIONS for token in path
    )


def _cue_after(doc: Doc, tokens: list[Token], paragraph_end: int, quoted: set[int]) -> Token | None:
    """An inverted attribution right after the closing mark: ``"..." Smith said`` or
    ``"..." said the minister``, even when the parser starts a new sentence there."""
    last = tokens[-1].i
    if last + 1 >= len(doc):
        return None  # (an empty span at the Doc's end would make spaCy build doc.text)
    between: list[Token] = []
    for token in doc[last + 1 : last + 1 + INVERTED_WINDOW]:
        if token.idx >= paragraph_end or token.i in quoted:
            break
        if is_cue(token):
            subject = _own_subject(token)
            if subject is None or _reports_other_words(token):
                return None
            before_verb = [t for t in between if not t.is_punct]
            if all(t.i in {s.i for s in subject.subtree} for t in before_verb):
                return token  # "..." Smith said / "..." the new coach said
            return None
        if token.text in ".!?":
            break
        between.append(token)
    return None


def _speech_noun_before(tokens: list[Token], quoted: set[int]) -> Token | None:
    """A speech noun whose complement holds the quotation, when the parser hung it
    elsewhere: ``orders from the general to "hold the line"``, ``her claim in the interview
    that the talks were "productive"``. The noun has a speaker (``her``, ``from X``) and a
    ``to`` or ``that`` stands between it and the quotation, in the same sentence."""
    first = tokens[0]
    sentence_start = first.sent.start
    marker = False
    for token in reversed(first.doc[max(sentence_start, first.i - SPEECH_NOUN_WINDOW) : first.i]):
        if token.i in quoted or token.text in (";", ":", ".", "!", "?"):
            return None
        if token.lower_ in ("to", "that"):
            marker = True
        if marker and is_speech_noun(token) and noun_speaker(token) is not None:
            return token
    return None


def _reports_other_words(verb: Token) -> bool:
    """True when the verb has words of its own to report (``said Friday that ...``)."""
    return any(child.dep_ in ("ccomp", "xcomp", "parataxis") for child in verb.children)


def _own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    return None


def _is_sentence(tokens: list[Token]) -> bool:
    """True when the quoted words hold a clause: a verb with its own subject inside."""
    inside = {token.i for token in tokens}
    return any(
        token.pos_ in ("VERB", "AUX") and any(
            child.dep_ in SUBJECT_DEPS and child.i in inside for child in token.children
        )
        for token in tokens
    )


def subject_of(verb: Token, outside: set[int] | None = None) -> Token | None:
    """Who speaks through ``verb``: the agent of a passive (``by X``), else its ``nsubj``,
    or that of the verb it hangs from when it has none.

    Tokens whose index is in ``outside`` (quoted words) are never the subject.
    """
    outside = outside or set()
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.i not in outside:
                    return grandchild
    for candidate in [verb, *verb.ancestors]:
        for child in candidate.children:
            if child.dep_ in SUBJECT_DEPS and child.i not in outside:
                return child
        if _modifies_noun(candidate, outside):
            return candidate.head  # "protesters chanting ...", "a statement reading ..."
        if candidate.pos_ == "NOUN":
            break  # the subject of a clause above a noun is not the speaker
    return None


def _modifies_noun(verb: Token, outside: set[int]) -> bool:
    """True when ``verb`` is a participle describing a noun outside the quotation, the one
    who does the speaking: ``a crowd chanting "..."``."""
    return (
        verb.dep_ == "acl"
        and verb.pos_ == "VERB"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.i not in outside
    )


def _name_before_cue(tokens: list[Token], cue: Token) -> Token | None:
    """A person named between the closing mark and a cue after it, when the parser gave the
    cue no subject outside the quotation (``"...," chairman and CEO Jane Smith said``)."""
    last = tokens[-1].i
    for token in reversed(cue.doc[last + 1 : cue.i]):
        if token.ent_type_ == "PERSON":
            return token  # the name's last word, the nearest to the cue
    return None


def according_to_source(sentence: Span, outside: set[int]) -> Token | None:
    """The head word of X in ``according to X`` within ``sentence``, or None."""
    for to_token in sentence[1:]:
        if to_token.lower_ != "to" or to_token.nbor(-1).lower_ != "according":
            continue
        if to_token.i in outside:
            continue
        for child in to_token.children:
            if child.dep_ == "pobj":
                return child
    return None


# ---------------------------------------------------------------------------------------
# 4. The speaker as written.
# ---------------------------------------------------------------------------------------


def entity_of(token: Token) -> Span | None:
    """The entity ``token`` is part of, or None.

    Read from the IOB tags of the tokens around it: ``doc.ents`` is built anew, over the
    whole Doc, each time it is read.
    """
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def speaker_head(subject: Token) -> Token:
    """The word that names the speaker: a relative pronoun's head noun, the name in an
    appositive or after a title (``the union's general secretary, Jane Smith``)."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject.ent_type_ == "PERSON" or subject.lower_ in PERSON_PRONOUNS:
        return subject
    name = _name_in_titles(subject)  # "Acme editor-in-chief Jane Smith": the name is below
    if name is not None:
        return name
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    return subject


def _name_in_titles(subject: Token) -> Token | None:
    """The last word of a person's name in an appositive, a compound or a conjunct of
    ``subject``: ``the union's general secretary, Jane Smith``, ``Acme editor-in-chief Jane
    Smith``, ``chairman, CEO and president Jane Smith``. Only those links are followed, not
    ``of`` or ``for``: ``the lawyer for Jane Smith`` is not Jane Smith."""
    if subject.pos_ not in ("NOUN", "PROPN"):
        return None
    waiting = [subject]
    while waiting:
        token = waiting.pop(0)
        for child in token.children:
            if child.dep_ not in ("conj", "appos", "compound"):
                continue
            if child.ent_type_ == "PERSON":
                ent = entity_of(child)
                return ent[-1] if ent is not None else child
            waiting.append(child)
    return None


def speaker_phrase(head: Token) -> Span:
    """The speaker as written: from the left edge of its phrase to its head word.

    ``Russia's Foreign Ministry``, ``the official``, ``Secretary of State Marco Rubio``;
    what follows the head (``of South Carolina, who ...``) is left out, except the rest
    of a name the head stands in and the people coordinated with it (``Smith and her
    team``).
    """
    doc = head.doc
    end = head.i + 1
    ent = entity_of(head)
    if ent is not None:
        end = max(end, ent.end)
    for conj in _conjuncts(head):
        conj_ent = entity_of(conj)
        end = max(end, conj.i + 1, conj_ent.end if conj_ent is not None else 0)
    start = head.left_edge.i
    if head.dep_ == "appos":  # the name alone, not the phrase it stands beside
        start = min(token.i for token in head.subtree)
    while start < head.i and (doc[start].is_punct or doc[start].is_quote):
        start += 1  # a closing mark the parser hung on the phrase: '," chief executive ...'
    return doc[start:end]


def _conjuncts(head: Token) -> list[Token]:
    return [child for child in head.children if child.dep_ == "conj"]


def _attribute(
    doc: Doc, tokens: list[Token], quoted: set[int], paragraph_end: int
) -> _Attribution:
    """The cue and the speaker (as written) of the quoted ``tokens``."""
    source = according_to_source(tokens[0].sent, quoted)
    if source is not None:
        return _Attribution("according to", speaker_phrase(source).text, source, "according to")
    cue = _cue_above(tokens, quoted)
    if cue is None:
        cue = _cue_after(doc, tokens, paragraph_end, quoted)
    if cue is None:
        cue = _speech_noun_before(tokens, quoted)
    if cue is None:
        return _NONE
    subject = noun_speaker(cue) if cue.pos_ == "NOUN" else subject_of(cue, quoted)
    if subject is None:
        subject = _name_before_cue(tokens, cue)
    cue_text = cue.text.lower()
    if subject is None:
        return _Attribution(cue_text, None, None, "cue")
    head = speaker_head(subject)
    phrase = speaker_phrase(head)
    return _Attribution(cue_text, phrase.text, head, "cue", bool(_conjuncts(head)))


# ---------------------------------------------------------------------------------------
# 3. Quotation or not.
# ---------------------------------------------------------------------------------------


def modifies_noun_outside(tokens: list[Token]) -> bool:
    """True when the quoted words only modify a noun outside the marks: ``the "interim"
    government``, ``"Stop the War" marches`` (a scare quote or a name, not someone's
    words)."""
    inside = {token.i for token in tokens}
    roots = [t for t in tokens if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)]
    if not roots:
        return False
    return all(
        root.dep_ in MODIFIER_DEPS
        and root.head.i not in inside
        and root.head.pos_ in ("NOUN", "PROPN")
        for root in roots
    )


def is_quoted_name(tokens: list[Token]) -> bool:
    """True for a name in quote marks: every word capitalised, a proper noun among them,
    no verb (``the 'Grand Hotel,' a 40-storey tower``)."""
    words = [token for token in tokens if not token.is_punct and not token.is_space]
    return (
        bool(words)
        and all(token.text[:1].isupper() for token in words)
        and any(token.pos_ == "PROPN" for token in words)
        and not any(token.pos_ in ("VERB", "AUX") for token in words)
    )


def used_as_noun_phrase(tokens: list[Token]) -> bool:
    """True when a quoted sentence stands where a noun phrase does: the subject of a verb
    outside the marks, or coordinated with or set beside a noun (``"We Can Do It" became a
    slogan``, ``the poster and "We Can Do It" went viral``): a title or a slogan."""
    if not _is_sentence(tokens):
        return False
    inside = {token.i for token in tokens}
    roots = [t for t in tokens if not t.is_punct and t.head.i not in inside]
    return bool(roots) and all(
        root.dep_ in SUBJECT_DEPS
        or (root.dep_ in ("conj", "appos") and root.head.pos_ in ("NOUN", "PROPN"))
        for root in roots
    )


def _hangs_from_quote(tokens: list[Token], owner: dict[int, int]) -> int | None:
    """The index of the earlier quotation whose words this one hangs from, climbing the
    tree, before any cue: ``to "hold the line" in the "final push"``."""
    inside = {token.i for token in tokens}
    for token in tokens:
        if token.is_punct or token.head.i in inside or token.head.i == token.i:
            continue
        for candidate in [token.head, *token.head.ancestors]:
            if candidate.i in owner:
                return owner[candidate.i]
            if is_cue(candidate) or is_speech_noun(candidate):
                break
    return None


def _introduced_by_colon(
    text: str, start: int, paragraphs: list[tuple[int, int]], paragraph: int
) -> bool:
    """True when a colon introduces the quotation, in its paragraph or at the end of the
    previous one (``... issued the following statement:``)."""
    before = text[paragraphs[paragraph][0] : start].rstrip()
    if before:
        return before.endswith(":")
    return paragraph > 0 and text[: paragraphs[paragraph - 1][1]].rstrip().endswith(":")


def _continues(
    text: str,
    start: int,
    paragraphs: list[tuple[int, int]],
    paragraph: int,
    previous: int | None,
) -> bool:
    """A cue-less quotation goes on with the previous quotation's speaker.

    True when it starts a sentence after that quotation in the same paragraph, or opens
    the paragraph right after it. ``previous`` is the previous quotation's paragraph.
    """
    if previous is None:
        return False
    paragraph_start = paragraphs[paragraph][0]
    before = text[paragraph_start:start].rstrip()
    if previous == paragraph:
        return before == "" or before.endswith(tuple(_SENTENCE_ENDS))
    return previous == paragraph - 1 and before == ""


# ---------------------------------------------------------------------------------------
# 4. Who that is.
# ---------------------------------------------------------------------------------------


def _strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return words


def _is_name(words: list[str]) -> bool:
    return bool(words) and all(word[:1].isupper() and any(c.isalpha() for c in word)
                               for word in words)


#: Each entity of a Doc with the words of its name, titles left out: what
#: :func:`full_name` compares (see :func:`entity_names`).
EntityNames = list[tuple[Span, list[str]]]


def entity_names(ents: Iterable[Span]) -> EntityNames:
    """Each entity with the words of its name, titles left out, for :func:`full_name`."""
    return [(ent, _strip_titles(name_words(ent))) for ent in ents]


def full_name(head: Token, names: EntityNames | None = None) -> str | None:
    """The fullest name mention up to ``head`` that names the same person.

    In order: the longest PERSON mention whose last word is ``head``'s text (``Rubio`` ->
    ``Marco Rubio``); the longest PERSON mention of two words or more holding it as any
    word (a family name written first); the longest mention of two capitalised words or
    more, of any label, ending with it and longer than the mention ``head`` stands in (the
    model may label a person's name ORG; ``Foreign Ministry`` itself is no such name).
    A test that finds only the mention itself gives way to the next (``Kim`` -> ``Kim Jong
    Un``). Titles are left out. None when there is no PERSON mention at all.

    ``names``: :func:`entity_names` of the Doc's entities, when the caller has read them
    already (many names of one Doc); else they are read here.
    """
    word = head.text
    for ending in ("'s", "\u2019s"):
        if word.endswith(ending):
            word = word[: -len(ending)]
    own = entity_of(head)
    own_length = len(name_words(own)) if own is not None else 1
    if names is None:
        names = entity_names(head.doc.ents)
    names = [  # up to head; only a PERSON, or a name ending with the word, can pass a test
        (ent, words)
        for ent, words in names
        if ent.start <= head.i and words and (words[-1] == word or ent.label_ == "PERSON")
    ]
    tests = (
        lambda ent, words: ent.label_ == "PERSON" and words[-1:] == [word],
        lambda ent, words: ent.label_ == "PERSON" and len(words) >= 2 and word in words,
        lambda ent, words: len(words) > max(own_length, 1) and words[-1] == word
        and _is_name(words),
    )
    best: list[str] = []
    for test in tests:
        found = [words for ent, words in names if words and test(ent, words)]
        if found:
            longest = max(found, key=len)
            if len(longest) > own_length:
                return " ".join(longest)  # longer than the mention itself: a fuller name
            best = best or longest
    return " ".join(best) if best else None


@dataclass
class _Mention:
    """A person named outside quotations: where, whether as a subject, and who."""

    i: int
    sentence: int  # index of the sentence's first token
    subject: bool
    name: str


@dataclass
class _People:
    """The people an article names, in order, and what the text says of their sex.

    The mentions are the PERSON entities outside quotations and the subject pronouns
    (``he``, ``she``), each resolved in turn, so that a chain of ``he ... he ...`` carries
    its person forward.
    """

    doc: Doc
    quoted: set[int]
    mentions: list[_Mention] = field(default_factory=list)
    sex: dict[str, str] = field(default_factory=dict)
    speakers: list[tuple[Token, str]] = field(default_factory=list)  # (head, resolved)
    resolved: dict[int, str | None] = field(default_factory=dict)  # pronoun index -> name
    named: EntityNames = field(default_factory=list)  # the Doc's entities, read once

    def __post_init__(self) -> None:
        self.named = entity_names(self.doc.ents)
        names: dict[int, tuple[Token, str]] = {}
        for ent, words in self.named:
            if ent.root.i in self.quoted:
                continue
            title = self.doc[ent.start - 1].text if ent.start > 0 else ""
            sex = _sex_of_title(title) or _sex_of_title(ent[0].text)
            if ent.label_ != "PERSON" and sex is None:
                continue  # a name after Mr or Ms is a person, whatever the model's label
            name = full_name(ent[-1], self.named) if ent.label_ == "PERSON" else None
            name = name or " ".join(words) or ent.text
            names[ent.root.i] = (ent.root, name)
            if sex is not None:
                self.sex.setdefault(name, sex)
        for token in self.doc:
            if token.i in names:
                self._add(*names[token.i])
            elif (
                token.lower_ in ("he", "she")
                and token.dep_ in SUBJECT_DEPS
                and token.i not in self.quoted
            ):
                name = self.pronoun(token)
                if name is not None:
                    self._add(token, name)

    def _add(self, token: Token, name: str) -> None:
        subject = token.dep_ in SUBJECT_DEPS or (
            token.dep_ in ("appos", "poss")  # "Her coach, Ann Lee, ...", "Lee's team ..."
            and token.head.dep_ in SUBJECT_DEPS
        )
        mention = _Mention(token.i, token.sent.start, subject, name)
        self.mentions.append(mention)
        self.mentions.sort(key=lambda m: m.i)

    def heard(self, head: Token | None, speaker: str | None) -> None:
        """Remember a quotation's speaker: a named one is a person mention too."""
        if head is None or speaker is None:
            return
        self.speakers.append((head, speaker))
        if head.pos_ == "PROPN" and all(m.i != head.i for m in self.mentions):
            self._add(head, speaker)

    def pronoun(self, token: Token) -> str | None:
        """Who ``he`` / ``she`` (``token``) is: the most recent compatible person mention
        before it. A person named as the subject earlier in the pronoun's own sentence
        comes first (``Smith's plan ... as he said``); then a person named as a subject in
        the last few sentences (the subject of the sentence before is the usual
        antecedent); else the latest mention. The answer is remembered, and so is the
        person's sex."""
        if token.i in self.resolved:
            return self.resolved[token.i]
        sex = "m" if token.lower_ in MALE_PRONOUNS else "f"
        before = [m for m in self.mentions if m.i < token.i and self.sex.get(m.name, sex) == sex]
        name = None
        if before:
            sentence = token.sent.start
            here = [m for m in before if m.sentence == sentence]
            sentences = sorted({m.sentence for m in before}, reverse=True)[:SUBJECT_WINDOW]
            subjects = [m for m in before if m.subject and m.sentence in sentences]
            here = [m for m in here if m.subject]
            name = (here or subjects or before)[-1].name
            self.sex.setdefault(name, sex)
        self.resolved[token.i] = name
        return name

    def same_noun(self, head: Token) -> str | None:
        """``the expert`` after ``a legal expert said``: the earlier speaker with the same
        head noun."""
        for earlier, speaker in reversed(self.speakers):
            if earlier.i < head.i and earlier.lemma_.lower() == head.lemma_.lower():
                return speaker
        return None


def _sex_of_title(word: str) -> str | None:
    if word in MALE_TITLES:
        return "m"
    if word in FEMALE_TITLES:
        return "f"
    return None


def _resolve(found: _Attribution, people: _People) -> str | None:
    head = found.head
    if head is None:
        return None
    if found.coordinated:
        return found.speaker_text
    if head.lower_ in PERSON_PRONOUNS:
        return people.pronoun(head)
    if head.lower_ in OTHER_PRONOUNS or head.lower_ in RELATIVE_PRONOUNS:
        return None
    name = full_name(head, people.named)
    if name:
        return name
    ent = entity_of(head)
    if ent is not None and ent.label_ == "PERSON":
        return " ".join(_strip_titles(name_words(ent)))
    if head.pos_ == "NOUN" and any(
        child.dep_ == "det" and child.lower_ in DEFINITE_DETERMINERS for child in head.children
    ):
        return people.same_noun(head) or found.speaker_text
    return found.speaker_text


# ---------------------------------------------------------------------------------------
# Putting it together.
# ---------------------------------------------------------------------------------------


def extract_quotes(
    doc: Doc, article_id: int | str | None = None, offset: int = 0
) -> list[QuoteRecord]:
    """Every quotation in ``doc`` with its cue and speaker; also fills ``doc.spans["quotes"]``.

    ``offset`` is added to the records' ``start_char``/``end_char`` (not to the spans), so
    that they point into the raw page (for the main article: the raw offset of line 7).
    Quote-marked stretches that are not quotations (see the module's docstring) are left
    out.
    """
    paragraphs = _doc_paragraphs(doc)
    text = doc.text  # spaCy builds doc.text anew at each call: read it once
    spans = find_quotations(text)
    quote_tokens = [_tokens_in(doc, start, end) for start, end in spans]
    quoted = {token.i for tokens in quote_tokens for token in tokens}
    people = _People(doc, quoted)
    records: list[QuoteRecord] = []
    owner: dict[int, int] = {}  # token index -> index of the kept quotation holding it
    previous: tuple[int, str | None] | None = None  # (paragraph, speaker) of the last quote
    for (start, end), tokens in zip(spans, quote_tokens, strict=True):
        if not tokens:
            continue
        paragraph = _paragraph_index(paragraphs, start)
        found = _attribute(doc, tokens, quoted, paragraphs[paragraph][1])
        if modifies_noun_outside(tokens) or used_as_noun_phrase(tokens) or is_quoted_name(tokens):
            continue  # a scare quote, a name, a title: the "interim" government
        host = _hangs_from_quote(tokens, owner) if found.how == "none" else None
        if host is not None:
            speaker, how = records[host].speaker, "continuation"
        elif found.how == "none":
            last = previous[0] if previous else None
            if _continues(text, start, paragraphs, paragraph, last):
                speaker, how = previous[1], "continuation"
            elif _introduced_by_colon(text, start, paragraphs, paragraph):
                speaker, how = None, "colon"
            elif _word_count(tokens) >= LONG_QUOTE_WORDS:
                speaker, how = None, "none"  # someone's words, we cannot tell whose
            else:
                continue  # short, and nothing attributes it: a title, a term, a slogan
        else:
            speaker, how = _resolve(found, people), found.how
            people.heard(found.head, speaker)
        owner.update((token.i, len(records)) for token in tokens)
        records.append(QuoteRecord(
            text[start:end], start + offset, end + offset, found.cue,
            found.speaker_text, speaker, how, article_id,
        ))
        previous = (paragraph, speaker)
    doc.spans[QUOTES_KEY] = _quote_spans(doc, records, offset)
    return records


def _word_count(tokens: list[Token]) -> int:
    return sum(1 for token in tokens if not token.is_punct and not token.is_space)


def _paragraph_index(paragraphs: list[tuple[int, int]], offset: int) -> int:
    for index, (start, end) in enumerate(paragraphs):
        if start <= offset < end:
            return index
    return -1


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
