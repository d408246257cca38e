"""Adjudication: merging two annotators' entities into one gold set, rule by rule.

In each paragraph the spans of A and B are put into **groups** of spans that overlap
(directly or through a third span). A group where A and B have the same spans with the same
labels is **agreed** and goes to the gold as it is. Every other group is a
**disagreement**, decided by following one annotator:

- ``label``: the same spans with other labels (``Moscow`` GPE / ORG);
- ``boundary``: overlapping spans with other offsets (``the United States`` /
  ``United States``);
- ``missing``: only one annotator marked it and the gold keeps it (the other missed it);
- ``extra``: only one annotator marked it and the gold drops it.

Each span of the group is put to the rules below, taken from
``data/annotations/GUIDELINES.md``. The first rule that speaks about a span accepts or
rejects it. The annotator followed is the one whose spans no rule rejects (for a span only
one annotator marked: kept when a rule accepts it, dropped when a rule rejects it). When the
rules cannot decide, the decision is ``undecided``: a person reads the text again, and the
gold leaves the group out until then.

Two kinds of rules:

- **mechanical rules**, small functions that read the span's text (a title inside a
  PERSON, a possessive ``'s``, a leading ``the``);
- **judgements**, where the guideline's rule needs a reader (metonymy, what counts as a
  date): the decisions are written down in :data:`JUDGEMENTS`, one row per word, with the
  guideline section they follow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from newstext.evaluating.agreement import NO_SPAN, check_same_paragraphs
from newstext.evaluating.reference import ReferenceEntity, ReferenceParagraph

BOUNDARIES = "Entities > Boundaries"
LABELS = "Entities > Labels used"

UNDECIDED = "undecided"

TABLE_COLUMNS = [
    "paragraph", "a_span", "a_label", "b_span", "b_label", "kind", "decision", "gold",
    "rule", "section",
]


@dataclass(frozen=True)
class Verdict:
    """What one rule says about one span: keep it or not, and why."""

    keep: bool
    rule: str
    section: str


@dataclass(frozen=True)
class Judgement:
    """A decision written down by hand: ``text`` is an entity with ``label`` (None: it is
    not an entity), following ``rule`` of the guidelines' ``section``."""

    text: str
    label: str | None
    rule: str
    section: str


#: The judgements: words where the guidelines' rule needs a reader, decided once.
JUDGEMENTS: tuple[Judgement, ...] = (
    Judgement("Moscow", "GPE",
              "a place that stands for its government keeps its place label", BOUNDARIES),
    Judgement("Russian", "NORP", "nationality adjectives are NORP", BOUNDARIES),
    Judgement("ASEAN", "ORG",
              "the ASEAN summit -> ASEAN (ORG): the summit is not capitalised, "
              "so it is not a named EVENT", BOUNDARIES),
    Judgement("ASEAN summit", None,
              "the ASEAN summit -> ASEAN (ORG): the summit is not capitalised, "
              "so it is not a named EVENT", BOUNDARIES),
    Judgement("two", "CARDINAL",
              "numbers that count people are CARDINAL: the two sides -> two", BOUNDARIES),
    Judgement("the two sides", None,
              "numbers that count people are CARDINAL: the two sides -> two", BOUNDARIES),
    Judgement("the president", None, "role nouns are not entities", BOUNDARIES),
    Judgement("right now", None,
              "deictic words without a date are left out: right now is not a TIME",
              BOUNDARIES),
    Judgement("recent months", "DATE",
              "today, this week and recent months are DATEs (as in OntoNotes)", BOUNDARIES),
    Judgement("second", "ORDINAL", "ORDINAL: first, second ...", LABELS),
)

#: Job titles that may stand before a name (GUIDELINES: "A title is not part of a PERSON").
TITLES = ("Secretary of State", "Foreign Minister", "President")

#: Names that always take ``the`` (GUIDELINES: "A leading the ...").
NAMES_WITH_THE = ("United States",)

Rule = Callable[[ReferenceEntity, ReferenceParagraph], Verdict | None]


# ---------------------------------------------------------------------------------------
# The rules.
# ---------------------------------------------------------------------------------------


def judged(entity: ReferenceEntity, paragraph: ReferenceParagraph) -> Verdict | None:
    """The hand-written judgement about this text, if there is one."""
    for judgement in JUDGEMENTS:
        if judgement.text == entity.text:
            keep = judgement.label == entity.label
            return Verdict(keep, judgement.rule, judgement.section)
    return None


def title_in_person(entity: ReferenceEntity, paragraph: ReferenceParagraph) -> Verdict | None:
    """A PERSON that holds a job title is rejected."""
    if entity.label == "PERSON" and any(title in entity.text for title in TITLES):
        return Verdict(False, "a title is not part of a PERSON", BOUNDARIES)
    return None


def possessive_inside(entity: ReferenceEntity, paragraph: ReferenceParagraph) -> Verdict | None:
    """A span with ``'s`` in the middle is two entities, not one."""
    if "'s " in entity.text:
        return Verdict(False, "a possessive splits two entities", BOUNDARIES)
    return None


def possessive_at_end(entity: ReferenceEntity, paragraph: ReferenceParagraph) -> Verdict | None:
    """A span ending with ``'s`` takes the possessive in: rejected."""
    if entity.text.endswith("'s"):
        return Verdict(False, "no possessive 's", BOUNDARIES)
    return None


def leading_the(entity: ReferenceEntity, paragraph: ReferenceParagraph) -> Verdict | None:
    """``the`` belongs to a span only for a name that always takes it."""
    rule = "a leading 'the' is part of the entity only for a name that always takes it"
    if entity.text.lower().startswith("the "):
        return Verdict(entity.text[4:] in NAMES_WITH_THE, rule, BOUNDARIES)
    before = paragraph.text[: entity.start - paragraph.start]
    if entity.text in NAMES_WITH_THE and before.lower().endswith("the "):
        return Verdict(False, rule, BOUNDARIES)
    return None


#: The rules in the order they are asked: judgements first, they are the most specific.
ADJUDICATION_RULES: tuple[Rule, ...] = (
    judged, title_in_person, possessive_inside, possessive_at_end, leading_the,
)


def verdict(entity: ReferenceEntity, paragraph: ReferenceParagraph) -> Verdict | None:
    """The first rule's verdict on the span, or None when no rule speaks about it."""
    for rule in ADJUDICATION_RULES:
        found = rule(entity, paragraph)
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------------------------------
# Groups of overlapping spans.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """Spans of A and of B in one paragraph that overlap each other."""

    paragraph: ReferenceParagraph
    a: tuple[ReferenceEntity, ...]
    b: tuple[ReferenceEntity, ...]

    @property
    def agreed(self) -> bool:
        return _keys(self.a) == _keys(self.b)


def _keys(spans: Sequence[ReferenceEntity]) -> list[tuple[int, int, str]]:
    return sorted((span.start, span.end, span.label) for span in spans)


def overlap_groups(paragraph_a: ReferenceParagraph, paragraph_b: ReferenceParagraph) -> list[Group]:
    """The paragraph's spans, A's and B's, grouped where they overlap (in page order)."""
    tagged = [(e.start, e.end, "A", e) for e in paragraph_a.entities]
    tagged += [(e.start, e.end, "B", e) for e in paragraph_b.entities]
    tagged.sort(key=lambda item: (item[0], item[1], item[2]))
    groups: list[tuple[list, list]] = []
    group_end = -1
    for start, end, side, entity in tagged:
        if start >= group_end:
            groups.append(([], []))
        groups[-1][0 if side == "A" else 1].append(entity)
        group_end = max(group_end, end)
    return [Group(paragraph_a, tuple(a), tuple(b)) for a, b in groups]


# ---------------------------------------------------------------------------------------
# Deciding.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Disagreement:
    """One group where A and B differ, and how it is decided."""

    group: Group
    kind: str  # boundary, label, missing, extra (or unmatched when undecided)
    decision: str  # "A", "B" or "undecided"
    rule: str
    section: str

    @property
    def gold(self) -> tuple[ReferenceEntity, ...]:
        """The spans the gold keeps: those of the annotator followed."""
        if self.decision == "A":
            return self.group.a
        if self.decision == "B":
            return self.group.b
        return ()


def decide(group: Group) -> Disagreement:
    """Decide a group A and B disagree on."""
    if group.a and group.b:
        return _decide_two_sided(group)
    return _decide_one_sided(group)


def _decide_two_sided(group: Group) -> Disagreement:
    same_offsets = [k[:2] for k in _keys(group.a)] == [k[:2] for k in _keys(group.b)]
    kind = "label" if same_offsets else "boundary"
    rejected_a = _first_rejection(group.a, group.paragraph)
    rejected_b = _first_rejection(group.b, group.paragraph)
    if rejected_a is None and rejected_b is not None:
        return Disagreement(group, kind, "A", rejected_b.rule, rejected_b.section)
    if rejected_b is None and rejected_a is not None:
        return Disagreement(group, kind, "B", rejected_a.rule, rejected_a.section)
    return Disagreement(group, kind, UNDECIDED, "no rule tells them apart", "")


def _decide_one_sided(group: Group) -> Disagreement:
    marked_by, left_by = ("A", "B") if group.a else ("B", "A")
    spans = group.a or group.b
    verdicts = [verdict(span, group.paragraph) for span in spans]
    rejected = [v for v in verdicts if v is not None and not v.keep]
    if rejected:
        return Disagreement(group, "extra", left_by, rejected[0].rule, rejected[0].section)
    if all(v is not None for v in verdicts):
        return Disagreement(group, "missing", marked_by, verdicts[0].rule, verdicts[0].section)
    return Disagreement(group, "unmatched", UNDECIDED, "no rule speaks about it", "")


def _first_rejection(
    spans: Sequence[ReferenceEntity], paragraph: ReferenceParagraph
) -> Verdict | None:
    for span in spans:
        found = verdict(span, paragraph)
        if found is not None and not found.keep:
            return found
    return None


def disagreements(
    a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> list[Disagreement]:
    """Every group A and B disagree on, decided, in page order."""
    check_same_paragraphs(a, b)
    found = []
    for paragraph_a, paragraph_b in zip(a, b, strict=True):
        for group in overlap_groups(paragraph_a, paragraph_b):
            if not group.agreed:
                found.append(decide(group))
    return found


def disagreements_table(
    a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> pd.DataFrame:
    """One row per disagreement.

    Columns: ``paragraph, a_span, a_label, b_span, b_label, kind, decision, gold, rule,
    section``. Several spans on one side are joined with `` + ``; ``—`` means no span.
    """
    rows = []
    for item in disagreements(a, b):
        rows.append({
            "paragraph": item.group.paragraph.paragraph,
            "a_span": _texts(item.group.a),
            "a_label": _labels(item.group.a),
            "b_span": _texts(item.group.b),
            "b_label": _labels(item.group.b),
            "kind": item.kind,
            "decision": item.decision,
            "gold": _described(item.gold),
            "rule": item.rule,
            "section": item.section,
        })
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def _texts(spans: Sequence[ReferenceEntity]) -> str:
    return " + ".join(span.text for span in spans) if spans else NO_SPAN


def _labels(spans: Sequence[ReferenceEntity]) -> str:
    return " + ".join(span.label for span in spans) if spans else NO_SPAN


def _described(spans: Sequence[ReferenceEntity]) -> str:
    return " + ".join(f"{span.text} ({span.label})" for span in spans) if spans else NO_SPAN


# ---------------------------------------------------------------------------------------
# The gold.
# ---------------------------------------------------------------------------------------


def merge_gold(
    a: Sequence[ReferenceParagraph],
    b: Sequence[ReferenceParagraph],
    quotes_from: Sequence[ReferenceParagraph] | None = None,
) -> list[ReferenceParagraph]:
    """The gold paragraphs: agreed spans plus the decided ones (undecided groups left out).

    The annotators marked entities only; ``quotes_from`` (the reference, say) gives each
    paragraph its quotations, otherwise the gold has none.
    """
    check_same_paragraphs(a, b)
    if quotes_from is not None:
        check_same_paragraphs(a, quotes_from)
    gold = []
    for index, (paragraph_a, paragraph_b) in enumerate(zip(a, b, strict=True)):
        entities: list[ReferenceEntity] = []
        for group in overlap_groups(paragraph_a, paragraph_b):
            entities += group.a if group.agreed else decide(group).gold
        entities.sort(key=lambda entity: entity.start)
        quotes = quotes_from[index].quotes if quotes_from is not None else ()
        gold.append(replace(paragraph_a, entities=tuple(entities), quotes=quotes))
    return gold


def compare_with_reference(
    gold: Sequence[ReferenceParagraph], reference: Sequence[ReferenceParagraph]
) -> pd.DataFrame:
    """Every entity where the gold and the reference differ (empty when they are equal).

    Columns: ``paragraph, text, start, end, gold_label, reference_label`` (``—``: absent).
    """
    check_same_paragraphs(gold, reference)
    rows = []
    for paragraph_gold, paragraph_reference in zip(gold, reference, strict=True):
        in_gold = {(e.start, e.end): e for e in paragraph_gold.entities}
        in_reference = {(e.start, e.end): e for e in paragraph_reference.entities}
        for offsets in sorted(in_gold.keys() | in_reference.keys()):
            gold_entity = in_gold.get(offsets)
            reference_entity = in_reference.get(offsets)
            gold_label = gold_entity.label if gold_entity else NO_SPAN
            reference_label = reference_entity.label if reference_entity else NO_SPAN
            if gold_label != reference_label:
                entity = gold_entity or reference_entity
                rows.append({
                    "paragraph": paragraph_gold.paragraph, "text": entity.text,
                    "start": entity.start, "end": entity.end,
                    "gold_label": gold_label, "reference_label": reference_label,
                })
    columns = ["paragraph", "text", "start", "end", "gold_label", "reference_label"]
    return pd.DataFrame(rows, columns=columns)
