"""Scores on the development set: quotations, speakers and entities on unseen news.

The rules and the quotation extractor were written while reading the course page, and they
score perfectly there. The development set (``data/annotations/dev``, read by
:func:`newstext.evaluating.reference.load_dev_articles`) measures them on news articles of
other outlets, annotated by hand and never used to write a rule.

Each article's ``article_body`` is split into its paragraphs (its non-empty lines) and parsed
with :func:`newstext.core.doc_cache.doc_from_paragraphs`, as the CLI parses a page.

**Quotations** are matched on their exact span, marks included: precision, recall, F1. A
found quotation has the **right speaker** when :func:`same_speaker` says the resolved speaker
names the annotated one. The annotator points at the fullest mention of the speaker in the
article (``Steve Clarke``, ``the company``); a prediction is right when

- the two are equal once case, curly quotes, a leading ``the``, a possessive ``'s`` and
  spacing are set aside (``The Company`` = ``the company``), or
- the annotated speaker is a name (it starts with a capital letter) and the prediction is
  that name with words before it (``NASA's Steve Clarke``, ``Prince Andrew`` for ``Andrew``).

A surname alone (``Clarke`` for ``Steve Clarke``) or a pronoun is not right: the speaker was
not resolved.

Systems: ``newstext`` (the extractor on the model with the general rules and name
propagation, as ``python -m newstext annotate``), and textacy 0.13's ``direct_quotations``
called on each paragraph alone (:func:`newstext.annotating.textacy_baseline.textacy_quotes`)
and, for the record, on the whole article (it refuses an article with an odd number of quote
marks, which news has whenever a quotation runs into the next paragraph).

**Entities** (PERSON, ORG, GPE, NORP, on the articles whose header says ``entities: true``):
exact span and label, for the model alone, with the general rule components, and with the
rules and surname propagation (:data:`ENTITY_SYSTEMS`).

:func:`course_page_scores` measures the course page's main article the same way, and
:func:`side_by_side` puts the two in one table (notebook 03). From the project's top folder,
``python -m newstext.evaluating.dev_scores`` prints every table (``-v``: every error too).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newstext.annotating.entity_rules import propagate_person_names, rules_on
from newstext.annotating.quotations import extract_quotes
from newstext.annotating.textacy_baseline import textacy_quotes
from newstext.core.doc_cache import doc_from_paragraphs
from newstext.core.rates import Rates
from newstext.evaluating.reference import (
    DEV_ENTITY_LABELS,
    DevArticle,
    DevSetMissing,
    ReferenceParagraph,
    load_dev_articles,
    load_reference,
    reference_quotes,
)
from newstext.evaluating.scores import (
    QuoteCounts,
    article_doc,
    predict_entities,
    predict_quotes,
)

#: The three entity systems: the model alone, the general rule components, and the rules
#: with surname propagation.
ENTITY_SYSTEMS = ("model", "model + rules", "model + rules + names")

#: The quotation systems.
QUOTE_SYSTEMS = ("newstext", "textacy per paragraph", "textacy whole article")

#: The targets of issue 15 on unseen news.
TARGET_QUOTE_F1 = 0.97
TARGET_SPEAKER_ACCURACY = 0.90


# ---------------------------------------------------------------------------------------
# Parsing an article, and offsets back into its text.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedArticle:
    """An article's ``Doc`` (its paragraphs joined by newlines) and where each paragraph
    starts in the ``Doc`` and in the article's text."""

    article: DevArticle
    doc: Doc
    doc_starts: tuple[int, ...]
    text_starts: tuple[int, ...]

    def to_text(self, start: int, end: int) -> tuple[int, int]:
        """A ``Doc`` offset pair as an offset pair in the article's text."""
        index = 0
        for i, doc_start in enumerate(self.doc_starts):
            if doc_start <= start:
                index = i
        shift = self.text_starts[index] - self.doc_starts[index]
        return start + shift, end + shift


def parse_article(nlp: Language, article: DevArticle, system: str = "model") -> ParsedArticle:
    """Parse the article's paragraphs with one of :data:`ENTITY_SYSTEMS`."""
    if system not in ENTITY_SYSTEMS:
        raise ValueError(f"unknown system {system!r}: use one of {ENTITY_SYSTEMS}")
    bounds = article.paragraphs()
    texts = [article.text[start:end] for start, end in bounds]
    if system == "model":
        doc = doc_from_paragraphs(nlp, texts)
    else:
        with rules_on(nlp):
            doc = doc_from_paragraphs(nlp, texts)
        if system == "model + rules + names":
            doc = propagate_person_names(doc)
    doc_starts = []
    position = 0
    for text in texts:
        doc_starts.append(position)
        position += len(text) + 1
    return ParsedArticle(article, doc, tuple(doc_starts), tuple(start for start, _ in bounds))


# ---------------------------------------------------------------------------------------
# Speakers.
# ---------------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise_speaker(text: str | None) -> str:
    """Lower case, straight quotes, no leading ``the``, no possessive, single spaces."""
    if not text:
        return ""
    text = " ".join(text.translate(_QUOTES).lower().split())
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    return text.strip(" .,;:'\"")


def _words(text: str) -> list[str]:
    return normalise_speaker(text).split()


def is_full_name(text: str | None) -> bool:
    """Two words or more, each capitalised: ``Marco Rubio``, ``Xi Jinping``."""
    words = (text or "").split()
    return len(words) >= 2 and all(word[:1].isupper() for word in words)


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """True when the predicted speaker names the annotated one (see the module's docstring)."""
    wanted, given = _words(gold or ""), _words(predicted or "")
    if not wanted or not given:
        return False
    if given == wanted:
        return True
    if not (gold or "").strip()[:1].isupper():
        return False  # "the company", "two reports": only the same words will do
    if given[-len(wanted) :] == wanted:
        return True  # the name with a title or an affiliation before it
    if not is_full_name(gold):
        return False
    return any(given == wanted[i : i + len(given)] for i in range(len(wanted)))  # part of it


# ---------------------------------------------------------------------------------------
# Quotations.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PredictedQuote:
    """A quotation as a system gives it, in offsets into the article's text."""

    start: int
    end: int
    speaker: str | None
    cue: str | None = None


def newstext_quotes(parsed: ParsedArticle) -> list[PredictedQuote]:
    """The extractor's quotations of a parsed article."""
    found = []
    for record in extract_quotes(parsed.doc):
        start, end = parsed.to_text(record.start_char, record.end_char)
        found.append(PredictedQuote(start, end, record.speaker, record.cue))
    return found


def textacy_predicted_quotes(parsed: ParsedArticle, per_paragraph: bool) -> list[PredictedQuote]:
    """textacy's quotations (speakers as written), one call per paragraph or one call on the
    whole article (nothing when it refuses an odd number of quotation marks)."""
    table = textacy_quotes(parsed.doc, per_paragraph=per_paragraph)
    found = []
    for row in table.itertuples():
        start, end = parsed.to_text(row.start_char, row.end_char)
        found.append(PredictedQuote(start, end, row.speaker_text, row.cue))
    return found


def score_article_quotes(article: DevArticle, predicted: Sequence[PredictedQuote]) -> QuoteCounts:
    """Exact-span matches and right speakers of one article; ``errors`` lists each miss,
    each quotation that is not one, and each wrong speaker."""
    by_span = {(quote.start, quote.end): quote for quote in predicted}
    gold_spans = {(quote.start, quote.end) for quote in article.quotes}
    not_quotes = set(article.not_quotes)
    counts = QuoteCounts(gold=len(article.quotes), predicted=len(predicted))
    for quote in article.quotes:
        gold_speaker = article.speaker_text(quote)
        guess = by_span.get((quote.start, quote.end))
        if guess is None:
            counts.errors.append(_error(article, "missed", quote.start, quote.end, gold_speaker))
            continue
        counts.found += 1
        if same_speaker(guess.speaker, gold_speaker):
            counts.right_speaker += 1
        else:
            counts.errors.append(
                _error(article, "wrong speaker", quote.start, quote.end, gold_speaker, guess)
            )
    for guess in predicted:
        if (guess.start, guess.end) not in gold_spans:
            kind = "not a quotation" if (guess.start, guess.end) in not_quotes else "wrong span"
            counts.errors.append(_error(article, kind, guess.start, guess.end, None, guess))
    return counts


def _error(
    article: DevArticle,
    kind: str,
    start: int,
    end: int,
    gold_speaker: str | None,
    guess: PredictedQuote | None = None,
) -> dict:
    return {
        "article": article.name,
        "error": kind,
        "start": start,
        "end": end,
        "quote": article.text[start:end],
        "gold_speaker": gold_speaker,
        "predicted_speaker": guess.speaker if guess else None,
        "cue": guess.cue if guess else None,
    }


# ---------------------------------------------------------------------------------------
# Entities.
# ---------------------------------------------------------------------------------------


@dataclass
class EntityCounts(Rates):
    """Exact span-and-label matches for one system on one or more articles."""

    gold: int = 0
    predicted: int = 0
    right: int = 0

    def rate_counts(self) -> tuple[int, int, int, int]:
        return self.right, self.predicted, self.right, self.gold

    def __iadd__(self, other: EntityCounts) -> EntityCounts:
        self.gold += other.gold
        self.predicted += other.predicted
        self.right += other.right
        return self


def predicted_entities(parsed: ParsedArticle) -> set[tuple[int, int, str]]:
    """The PERSON, ORG, GPE and NORP entities of a parsed article, in text offsets."""
    found = set()
    for ent in parsed.doc.ents:
        if ent.label_ in DEV_ENTITY_LABELS:
            start, end = parsed.to_text(ent.start_char, ent.end_char)
            found.add((start, end, ent.label_))
    return found


def score_article_entities(
    article: DevArticle, predicted: Iterable[tuple[int, int, str]]
) -> EntityCounts:
    predicted = set(predicted)
    gold = set(article.entities)
    return EntityCounts(len(gold), len(predicted), len(gold & predicted))


# ---------------------------------------------------------------------------------------
# The whole development set.
# ---------------------------------------------------------------------------------------


@dataclass
class DevScores:
    """Per-article and total counts for every system."""

    articles: list[DevArticle]
    quotes: dict[str, dict[str, QuoteCounts]]  # system -> article name -> counts
    entities: dict[str, dict[str, EntityCounts]]  # system -> article name -> counts

    def quote_total(self, system: str) -> QuoteCounts:
        total = QuoteCounts()
        for counts in self.quotes[system].values():
            total += counts
        return total

    def entity_total(self, system: str) -> EntityCounts:
        total = EntityCounts()
        for counts in self.entities[system].values():
            total += counts
        return total


def score_dev_set(nlp: Language, articles: Sequence[DevArticle] | None = None) -> DevScores:
    """Score every system on every development article (read anew when not given)."""
    articles = list(articles) if articles is not None else load_dev_articles()
    quotes: dict[str, dict[str, QuoteCounts]] = {system: {} for system in QUOTE_SYSTEMS}
    entities: dict[str, dict[str, EntityCounts]] = {system: {} for system in ENTITY_SYSTEMS}
    for article in articles:
        parsed = {system: parse_article(nlp, article, system) for system in ENTITY_SYSTEMS}
        full = parsed["model + rules + names"]
        predictions = {
            "newstext": newstext_quotes(full),
            "textacy per paragraph": textacy_predicted_quotes(parsed["model"], True),
            "textacy whole article": textacy_predicted_quotes(parsed["model"], False),
        }
        for system, predicted in predictions.items():
            quotes[system][article.name] = score_article_quotes(article, predicted)
        if article.has_entities:
            for system in ENTITY_SYSTEMS:
                entities[system][article.name] = score_article_entities(
                    article, predicted_entities(parsed[system])
                )
    return DevScores(articles, quotes, entities)


def _totals_table(totals: dict[str, Rates], counts: list[str], after: list[str]) -> pd.DataFrame:
    """One row per system: the ``counts`` columns, precision, recall, F1, then ``after``."""
    rows = []
    for system, total in totals.items():
        row = {"system": system}
        for column in [*counts, "precision", "recall", "f1", *after]:
            row[column] = getattr(total, column)
        rows.append(row)
    return pd.DataFrame(rows)


def quote_table(scores: DevScores) -> pd.DataFrame:
    """One row per quotation system: P, R, F1 and the speaker accuracy on the whole set."""
    totals = {system: scores.quote_total(system) for system in QUOTE_SYSTEMS}
    return _totals_table(
        totals, ["gold", "predicted", "found"], ["right_speaker", "speaker_accuracy"]
    )


def entity_table(scores: DevScores) -> pd.DataFrame:
    """One row per entity system: P, R, F1 over the articles with entities."""
    totals = {system: scores.entity_total(system) for system in ENTITY_SYSTEMS}
    return _totals_table(totals, ["gold", "predicted", "right"], [])


def per_article_table(scores: DevScores) -> pd.DataFrame:
    """One row per article: quotations (newstext, textacy per paragraph) and entity F1s."""
    rows = []
    for article in scores.articles:
        ours = scores.quotes["newstext"][article.name]
        theirs = scores.quotes["textacy per paragraph"][article.name]
        row = {
            "article": article.name, "quotes": ours.gold, "predicted": ours.predicted,
            "found": ours.found, "right_speaker": ours.right_speaker,
            "f1": ours.f1, "textacy_found": theirs.found,
            "textacy_right_speaker": theirs.right_speaker,
        }
        for system in ENTITY_SYSTEMS:
            counts = scores.entities[system].get(article.name)
            row[f"ents {system}"] = counts.f1 if counts else None
        rows.append(row)
    return pd.DataFrame(rows)


def error_table(scores: DevScores, system: str = "newstext") -> pd.DataFrame:
    """Every quotation error of ``system``: missed, not a quotation, wrong span or speaker."""
    rows = [error for counts in scores.quotes[system].values() for error in counts.errors]
    columns = ["article", "error", "start", "end", "quote", "gold_speaker",
               "predicted_speaker", "cue"]
    return pd.DataFrame(rows, columns=columns)


# ---------------------------------------------------------------------------------------
# The course page, measured the same way, for the side-by-side table.
# ---------------------------------------------------------------------------------------


def course_page_scores(
    nlp: Language, reference: Sequence[ReferenceParagraph]
) -> dict[str, QuoteCounts | EntityCounts]:
    """The main article of the course page scored as the development articles are:
    quotations of ``newstext`` and of textacy per paragraph (speakers matched with
    :func:`same_speaker` against the reference's resolved speaker), and PERSON, ORG, GPE and
    NORP entities of each entity system (the general rules, as for the development set)."""
    gold = {(quote.start, quote.end): quote.speaker for quote in reference_quotes(reference)}
    ours = [PredictedQuote(r.start_char, r.end_char, r.speaker, r.cue)
            for r in predict_quotes(nlp, reference, rules=True)]
    doc = article_doc(nlp, reference)
    starts = []
    position = 0
    for paragraph in reference:
        starts.append((position, paragraph.start))
        position += len(paragraph.text) + 1
    theirs = []
    for row in textacy_quotes(doc).itertuples():
        doc_start, raw_start = max(pair for pair in starts if pair[0] <= row.start_char)
        shift = raw_start - doc_start
        theirs.append(PredictedQuote(row.start_char + shift, row.end_char + shift,
                                     row.speaker_text, row.cue))
    scores: dict[str, QuoteCounts | EntityCounts] = {}
    for system, predicted in (("newstext", ours), ("textacy per paragraph", theirs)):
        counts = QuoteCounts(gold=len(gold), predicted=len(predicted))
        for quote in predicted:
            if (quote.start, quote.end) in gold:
                counts.found += 1
                counts.right_speaker += same_speaker(quote.speaker, gold[quote.start, quote.end])
        scores[system] = counts
    wanted = {
        (e.start, e.end, e.label) for p in reference for e in p.entities
        if e.label in DEV_ENTITY_LABELS
    }
    for system in ("model", "model + rules + names"):
        docs = predict_entities(nlp, reference, rules=system != "model")
        found = {
            (ent.start_char + p.start, ent.end_char + p.start, ent.label_)
            for doc, p in zip(docs, reference, strict=True)
            for ent in doc.ents
            if ent.label_ in DEV_ENTITY_LABELS
        }
        scores[system] = EntityCounts(len(wanted), len(found), len(wanted & found))
    return scores


def side_by_side(
    course: dict[str, QuoteCounts | EntityCounts], dev: DevScores | None
) -> pd.DataFrame:
    """One row per measure, one column for the course page and one for the development
    articles (None when they are not on this machine)."""
    measures = [
        ("quotations F1, newstext", "newstext", "f1"),
        ("speaker right, newstext", "newstext", "speaker_accuracy"),
        ("quotations F1, textacy per paragraph", "textacy per paragraph", "f1"),
        ("speaker right, textacy per paragraph", "textacy per paragraph", "speaker_accuracy"),
        ("entity F1, model alone", "model", "f1"),
        ("entity F1, model + rules + names", "model + rules + names", "f1"),
    ]
    rows = []
    for label, system, attribute in measures:
        row = {"measure": label, "course page": getattr(course[system], attribute)}
        if dev is not None:
            total = dev.quote_total(system) if system in QUOTE_SYSTEMS else dev.entity_total(system)
            row["development articles"] = getattr(total, attribute)
        else:
            row["development articles"] = None
        rows.append(row)
    return pd.DataFrame(rows).set_index("measure")


def rules_never_hurt(scores: DevScores) -> bool:
    """True when, on every article with entities, the model with the rules (and with the
    names) scores at least the model alone."""
    alone = scores.entities["model"]
    return all(
        scores.entities[system][name].f1 >= counts.f1
        for system in ENTITY_SYSTEMS
        for name, counts in alone.items()
    )


def target_line(scores: DevScores) -> str:
    """One line: each of issue 15's targets with its figure and whether it is met."""
    total = scores.quote_total("newstext")

    def verdict(met: bool) -> str:
        return "met" if met else "NOT met"

    return (
        f"targets: quotation F1 {total.f1:.3f} >= {TARGET_QUOTE_F1} "
        f"{verdict(total.f1 >= TARGET_QUOTE_F1)}; speaker {total.speaker_accuracy:.3f} >= "
        f"{TARGET_SPEAKER_ACCURACY} {verdict(total.speaker_accuracy >= TARGET_SPEAKER_ACCURACY)}; "
        f"rules >= model on every article {verdict(rules_never_hurt(scores))}"
    )


def main() -> int:
    from newstext.core.model import load_english

    try:
        articles = load_dev_articles()
    except DevSetMissing as err:
        print(f"No development set: {err}", file=sys.stderr)
        return 1
    nlp = load_english()
    scores = score_dev_set(nlp, articles)
    with pd.option_context("display.width", 200, "display.max_columns", 20,
                           "display.precision", 3):
        print(side_by_side(course_page_scores(nlp, load_reference()), scores), end="\n\n")
        print(f"Development set: {len(articles)} articles\n")
        print(quote_table(scores).to_string(index=False), end="\n\n")
        print(entity_table(scores).to_string(index=False), end="\n\n")
        print(per_article_table(scores).to_string(index=False), end="\n\n")
        print(target_line(scores), end="\n\n")
        if "-v" in sys.argv[1:]:
            errors = error_table(scores)
            errors["quote"] = errors["quote"].str.slice(0, 60)
            print(errors.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
