"""Checks for the exercises of notebook 04, "Annotating by hand"."""

from __future__ import annotations

import math
import numbers
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from newstext.course.checks.core import Verdict, exercise, right, type_problem, wrong
from newstext.evaluating import exports
from newstext.evaluating.adjudication import Disagreement, disagreements, merge_gold
from newstext.evaluating.agreement import NO_SPAN, Kappa, cohen_kappa
from newstext.evaluating.reference import (
    ReferenceEntity,
    ReferenceParagraph,
    load_annotator,
    load_reference,
)
from newstext.evaluating.student_annotations import AnnotationError, check_records, paragraph_of

# --- Shared data ---------------------------------------------------------------------------


@cache
def _annotators() -> tuple[list[ReferenceParagraph], list[ReferenceParagraph]]:
    return load_annotator("a"), load_annotator("b")


@cache
def gold_paragraphs() -> tuple[ReferenceParagraph, ...]:
    """The gold of notebook 04: A and B merged by the adjudication rules."""
    return tuple(merge_gold(*_annotators()))


def _paragraph(number: int) -> ReferenceParagraph:
    return next(p for p in gold_paragraphs() if p.paragraph == number)


# --- Exercise 4.2: Cohen's kappa on a 2x2 table --------------------------------------------

#: Two annotators decided for each of 50 sentences whether it holds a quotation:
#: ``{(A's decision, B's decision): number of sentences}``.
QUOTE_DECISIONS: dict[tuple[str, str], int] = {
    ("yes", "yes"): 28,
    ("yes", "no"): 7,
    ("no", "yes"): 2,
    ("no", "no"): 13,
}

#: How close an answer must be: rounding to two decimals is fine.
KAPPA_TOLERANCE = 0.006


def quote_decisions_table() -> pd.DataFrame:
    """:data:`QUOTE_DECISIONS` as a 2x2 table: A's decision in rows, B's in columns."""
    table = pd.DataFrame(0, index=["yes", "no"], columns=["yes", "no"])
    for (a, b), count in QUOTE_DECISIONS.items():
        table.loc[a, b] = count
    table.index.name = "A"
    table.columns.name = "B"
    return table


def quote_decision_lists() -> tuple[list[str], list[str]]:
    """The table as two lists of decisions, one item per sentence, in the same order."""
    a_tags: list[str] = []
    b_tags: list[str] = []
    for (a, b), count in QUOTE_DECISIONS.items():
        a_tags += [a] * count
        b_tags += [b] * count
    return a_tags, b_tags


def _kappa_with_chance(observed: float, chance: float) -> float:
    return (observed - chance) / (1 - chance)


def _share(annotator: int, decision: str) -> float:
    """The share of the sentences where annotator 0 (A) or 1 (B) said ``decision``."""
    total = sum(QUOTE_DECISIONS.values())
    return sum(n for pair, n in QUOTE_DECISIONS.items() if pair[annotator] == decision) / total


def _typical_kappa_mistakes(kappa: Kappa) -> list[tuple[float, str]]:
    """Values a typical mistake gives, each with what to say about it."""
    a_yes, b_yes = _share(0, "yes"), _share(1, "yes")
    return [
        (
            kappa.observed,
            "that is the observed agreement, the share of sentences where A and B agree. Kappa "
            "corrects it for the agreement expected by chance: (observed − chance) / (1 − chance).",
        ),
        (
            kappa.chance,
            "that is the agreement expected by chance; "
            "kappa is (observed − chance) / (1 − chance).",
        ),
        (
            _kappa_with_chance(kappa.observed, 0.5),
            "you took the chance agreement to be 0.5, as for a coin. Compute it from how often "
            "each annotator says yes and no: P(both yes) + P(both no).",
        ),
        (
            _kappa_with_chance(kappa.observed, a_yes * b_yes),
            "your chance agreement counts only the sentences where both say yes: add the chance "
            "that both say no.",
        ),
        (
            _kappa_with_chance(kappa.observed, a_yes**2 + (1 - a_yes) ** 2),
            "your chance agreement uses A's shares twice: multiply A's share by B's share.",
        ),
        (
            _kappa_with_chance(kappa.observed, b_yes**2 + (1 - b_yes) ** 2),
            "your chance agreement uses B's shares twice: multiply A's share by B's share.",
        ),
    ]


@exercise("4.2")
def quote_kappa(answer: object) -> Verdict:
    """Cohen's kappa of the two annotators of :data:`QUOTE_DECISIONS`."""
    if isinstance(answer, Kappa):
        return wrong("that is a whole `Kappa` result: the number is its `.kappa` attribute.")
    problem = type_problem(answer, numbers.Real, "a number (a float)")
    if problem:
        return wrong(problem)
    value = float(answer)
    if math.isnan(value):
        return wrong("your answer is NaN (not a number): look for a division by zero.")
    kappa = cohen_kappa(*quote_decision_lists())
    if abs(value - kappa.kappa) <= KAPPA_TOLERANCE:
        return right(
            f"kappa {kappa.kappa:.3f}. Its two parts, and what kappa adds to the observed "
            "agreement, are your written answer."
        )
    if value > 1:
        if abs(value / 100 - kappa.kappa) <= KAPPA_TOLERANCE:
            return wrong("that looks like a percentage: give kappa as a fraction, not times 100.")
        return wrong("kappa is never above 1 (1 is perfect agreement): check your formula.")
    for mistake, message in _typical_kappa_mistakes(kappa):
        if abs(value - mistake) <= KAPPA_TOLERANCE:
            return wrong(message)
    return wrong(
        "that is not kappa. Three steps: the observed agreement (share of sentences on the "
        "diagonal), the chance agreement (A's yes share × B's yes share + A's no share × B's "
        "no share), then (observed − chance) / (1 − chance)."
    )


# --- Exercise 4.3: settle three disagreements by the guidelines ---------------------------


@dataclass(frozen=True)
class Case:
    """A disagreement of A and B the student settles: found by a span's text in a
    paragraph; ``topic`` says which part of the guidelines to reread."""

    number: int
    paragraph: int
    text: str
    topic: str


#: The three cases of exercise 4.3.
CASES: tuple[Case, ...] = (
    Case(1, 5, "United States", "a leading 'the'"),
    Case(2, 13, "Moscow", "a place that stands for its government"),
    Case(3, 10, "right now", "words like today, this week and right now"),
)

DECISIONS = ("A", "B")


def _case_disagreement(case: Case) -> Disagreement:
    """The package's decided disagreement that the case is about."""
    for item in disagreements(*_annotators()):
        spans = [*item.group.a, *item.group.b]
        if item.group.paragraph.paragraph == case.paragraph and any(
            span.text == case.text for span in spans
        ):
            return item
    raise LookupError(f"no disagreement about {case.text!r} in paragraph {case.paragraph}")


def _described(spans: Sequence[ReferenceEntity]) -> str:
    return " + ".join(f"{span.text} ({span.label})" for span in spans) if spans else NO_SPAN


def cases_table() -> pd.DataFrame:
    """The three cases: the paragraph's text around them and what A and B marked."""
    rows = []
    for case in CASES:
        item = _case_disagreement(case)
        text = item.group.paragraph.text
        at = text.find(case.text)
        rows.append(
            {
                "case": case.number,
                "paragraph": case.paragraph,
                "context": "…" + text[max(0, at - 30) : at + len(case.text) + 20] + "…",
                "A marked": _described(item.group.a),
                "B marked": _described(item.group.b),
            }
        )
    return pd.DataFrame(rows).set_index("case")


@exercise("4.3")
def settle_disagreements(answer: object) -> Verdict:
    """The student's decision ("A" or "B") for each case is the adjudication's."""
    problem = type_problem(answer, Mapping, 'a dict {case number: "A" or "B"}')
    if problem:
        return wrong(problem)
    missing = [case.number for case in CASES if case.number not in answer]
    if missing:
        return wrong(f"give a decision for every case: {missing} missing (keys are the ints 1-3).")
    decisions = {}
    for case in CASES:
        value = answer[case.number]
        decision = value.strip().upper() if isinstance(value, str) else value
        if decision not in DECISIONS:
            return wrong(
                f'case {case.number}: {value!r} is not a decision; answer "A" or "B", the '
                "annotator whose marking the gold keeps."
            )
        decisions[case.number] = decision
    wrong_cases = [c for c in CASES if decisions[c.number] != _case_disagreement(c).decision]
    if not wrong_cases:
        return right(
            "all three follow the guidelines. Which rule decides each is your written answer; "
            "the adjudication table below lets you check it after."
        )
    hints = [
        f"case {case.number}: reread GUIDELINES.md about {case.topic}."
        for case in wrong_cases
    ]
    if len(wrong_cases) == len(CASES):
        hints.insert(0, "none of the three follows the guidelines: did you swap A and B?")
    else:
        hints.insert(0, f"{len(CASES) - len(wrong_cases)} of {len(CASES)} right.")
    return wrong(" ".join(hints))


# --- Exercise 4.1: annotate the two sentences of paragraph 7 -------------------------------

#: The paragraph students annotate in exercise 4.1: two sentences, eight entities.
EXERCISE_PARAGRAPH = 7

#: The F1 against the reference that passes.
MIN_F1 = 0.85


def _span_problem(mine: ReferenceEntity, gold: Sequence[ReferenceEntity]) -> str:
    """What is wrong with one of the student's spans that the reference does not have."""
    same_place = [g for g in gold if (g.start, g.end) == (mine.start, mine.end)]
    if same_place:
        return f"{mine.text!r} has the right boundaries but not the right label"
    if any(g.start < mine.end and mine.start < g.end for g in gold):
        return (
            f"{mine.text!r} overlaps an entity of the reference but its boundaries differ (titles, "
            "possessives, 'the': see Entities > Boundaries)"
        )
    return f"{mine.text!r} is not an entity in the reference"


def _missing_labels(missing: Sequence[ReferenceEntity]) -> str:
    counts = Counter(entity.label for entity in missing)
    return ", ".join(f"{n} {label}" for label, n in sorted(counts.items()))


@exercise("4.1")
def paragraph_seven(answer: object) -> Verdict:
    """The student's entities of paragraph 7 reach :data:`MIN_F1` against the reference.

    The notebook has the students annotate before they see any annotation, and check after:
    the reference is the main article's (``data/annotations/main_article.jsonl``), which the
    notebook's gold, A and B adjudicated, equals."""
    if not isinstance(answer, (list, tuple, pd.DataFrame, str)):
        return wrong(
            f"the answer should be a list of records (dicts made with `mark`), but it is a "
            f"{type(answer).__name__}."
        )
    paragraphs = load_reference()
    try:
        mine = check_records(answer, paragraphs)
    except AnnotationError as err:
        hint = ""
        if "overlap" in str(err):
            hint = " For a second mention of the same words, give `mark` an `occurrence=2`."
        return wrong(f"{err}.{hint}")
    paragraph = next(p for p in paragraphs if p.paragraph == EXERCISE_PARAGRAPH)
    elsewhere = [e for e in mine if paragraph_of(e.start, e.end, paragraphs) != paragraph]
    if elsewhere:
        return wrong(
            f"{elsewhere[0].text!r} is not in paragraph {EXERCISE_PARAGRAPH}: use `mark` on "
            f"the paragraph `paragraphs[{EXERCISE_PARAGRAPH - 1}]`."
        )
    gold = paragraph.entities
    keys = {(g.start, g.end, g.label) for g in gold}
    extra = [e for e in mine if (e.start, e.end, e.label) not in keys]
    found = {(e.start, e.end, e.label) for e in mine} & keys
    relabelled = {(e.start, e.end) for e in extra}  # reported below as a wrong label
    missing = [
        g
        for g in gold
        if (g.start, g.end, g.label) not in found and (g.start, g.end) not in relabelled
    ]
    precision = len(found) / len(mine)
    recall = len(found) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if found else 0.0
    problems = [_span_problem(e, gold) for e in extra]
    if missing:
        problems.append(f"the reference has entities you did not mark: {_missing_labels(missing)}")
    summary = f"precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f}"
    if f1 >= MIN_F1:
        if not problems:
            return right(f"{summary}: every entity of the two sentences, as the reference has it.")
        return right(f"{summary}, enough to pass. To reach 1.00: {'; '.join(problems)}.")
    return wrong(f"{summary} (pass: {MIN_F1}). {'; '.join(problems)}.")


# --- Exercise 4.4: one brat T line ---------------------------------------------------------

#: The brat file of exercise 4.4: its ``.txt`` holds these paragraphs, one per line, and
#: its ``.ann`` one entity, ``T1``: the first ``BRAT_TEXT`` of the last paragraph.
BRAT_PARAGRAPHS = (1, 2)
BRAT_TEXT = "Rubio"
BRAT_LABEL = "PERSON"
BRAT_ID = "T1"


def _brat_texts(spans_of_last: tuple[exports.LabelledSpan, ...]) -> list[exports.AnnotatedText]:
    texts = [exports.AnnotatedText(_paragraph(n).text, ()) for n in BRAT_PARAGRAPHS[:-1]]
    texts.append(exports.AnnotatedText(_paragraph(BRAT_PARAGRAPHS[-1]).text, spans_of_last))
    return texts


def _expected_span() -> exports.LabelledSpan:
    """The entity in the last paragraph, in that paragraph's own offsets."""
    start = _paragraph(BRAT_PARAGRAPHS[-1]).text.index(BRAT_TEXT)
    return exports.LabelledSpan(start, start + len(BRAT_TEXT), BRAT_LABEL)


def _read_back(line: str, folder: Path) -> list[exports.AnnotatedText]:
    """Write the exercise's ``.txt`` with ``line`` as its ``.ann``; read it with brat's reader."""
    ann_path = exports.write_brat(_brat_texts(()), folder, "exercise")
    ann_path.write_text(line + "\n", encoding="utf-8")
    return exports.read_brat(ann_path)


def expected_brat_line() -> str:
    """The line :func:`newstext.evaluating.exports.write_brat` writes for the exercise's entity."""
    with tempfile.TemporaryDirectory() as folder:
        ann_path = exports.write_brat(_brat_texts((_expected_span(),)), folder, "exercise")
        return ann_path.read_text(encoding="utf-8").splitlines()[0]


def _offset_problem(start: int, end: int) -> str | None:
    """What a typical wrong pair of offsets shows, or None."""
    span = _expected_span()
    last = _paragraph(BRAT_PARAGRAPHS[-1])
    before = sum(len(_paragraph(n).text) + 1 for n in BRAT_PARAGRAPHS[:-1])
    right_start, right_end = before + span.start, before + span.end
    if (start, end) == (right_start, right_end):
        return None
    if (start, end) == (last.start + span.start, last.start + span.end):
        return (
            "those are offsets in the raw page; brat counts from the start of its own "
            ".txt file, which begins with paragraph 1."
        )
    if (start, end) == (span.start, span.end):
        return (
            f"you counted from the start of paragraph {last.paragraph}, but the .txt "
            "holds the paragraph(s) before it first: add their length."
        )
    if start == right_start - 1 and end == right_end - 1:
        return (
            "one character short: each paragraph of the .txt ends with a newline, and "
            "the newline counts."
        )
    if start == right_start and end == right_end - 1:
        return "brat's end is exclusive, like a Python slice: end − start is the text's length."
    return (
        "the offsets do not point at the entity in the .txt: count the characters before it, "
        "newlines included."
    )


@exercise("4.4")
def brat_line(answer: object) -> Verdict:
    """The student's brat ``T`` line for :data:`BRAT_TEXT` reads back as that entity."""
    problem = type_problem(answer, str, "a string: one line of a .ann file")
    if problem:
        return wrong(problem)
    line = answer.strip("\n")
    if "\t" not in line:
        return wrong(
            "brat separates the three fields with tab characters (\\t), and your line "
            "has none: ID, tab, 'LABEL START END', tab, text."
        )
    fields = line.split("\t")
    if len(fields) != 3:
        return wrong(
            f"a T line has exactly three tab-separated fields, yours has {len(fields)}: "
            "ID, 'LABEL START END' and the text."
        )
    identifier, middle, text = fields
    if identifier != BRAT_ID:
        return wrong(f"the ID {identifier!r} is not the one the exercise asks for.")
    parts = middle.split(" ")
    if len(parts) != 3 or not all(part.isdigit() for part in parts[1:]):
        return wrong(
            "the middle field is the label, the start and the end, separated by single "
            f"spaces; yours is {middle!r}."
        )
    label, start, end = parts[0], int(parts[1]), int(parts[2])
    if label != BRAT_LABEL:
        return wrong(f"{label!r} is not the label the guidelines give this entity.")
    if text != BRAT_TEXT:
        return wrong("the third field is the entity's text, exactly as the .txt has it.")
    offsets = _offset_problem(start, end)
    if offsets:
        return wrong(offsets)
    with tempfile.TemporaryDirectory() as folder:
        try:
            read = _read_back(line, Path(folder))
        except exports.ExportError as err:
            return wrong(f"brat's reader refuses the line: {str(err).split(', ', 1)[-1]}")
    if read != _brat_texts((_expected_span(),)):
        return wrong("read back, the line does not give the entity in the right paragraph.")
    return right(
        f"read back with `exports.read_brat`, your line gives {BRAT_TEXT!r} ({BRAT_LABEL}) in "
        f"document {len(BRAT_PARAGRAPHS)}, at the same place as in the page."
    )
