"""Checks for the exercises of notebook 05, "Your own page".

The page is the student's own, so most answers are not known in advance. Each check does
what can be done without knowing the page: it recomputes the answer from the same files or
tables the student used (the override file and a fresh clean, the two annotation files, the
quotation table), or it checks the form of what cannot be recomputed (an annotation, a
memo). On a page that ships with hand annotations (the bundled second page), a check also
compares with them.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from newstext.cleaning.html_pages import extract_html
from newstext.cleaning.line_scores import load_line_labels
from newstext.cleaning.overrides import OVERRIDE_ACTIONS, read_overrides
from newstext.cleaning.pipeline import CleanedPage, clean_file, clean_page
from newstext.core.reading import is_html_file, read_html, read_page
from newstext.course.checks.core import Verdict, exercise, right, type_problem, wrong
from newstext.evaluating.own_page import (
    DECISIONS,
    LINE_LABELS_FILE,
    decision_problems,
    page_annotations_dir,
    pair_agreement,
    pair_cases,
)
from newstext.evaluating.reference import ReferenceParagraph
from newstext.evaluating.student_annotations import as_records, record_problems

#: How close a computed number must be: rounding to two decimals is fine.
TOLERANCE = 0.006


def _number(answer: object) -> tuple[float | None, str | None]:
    """The answer as a float, or a message saying why it is not a usable number."""
    if hasattr(answer, "kappa") and not isinstance(answer, numbers.Real):
        return None, "that is a whole result object: give its number (a float)."
    problem = type_problem(answer, numbers.Real, "a number (a float)")
    if problem:
        return None, problem
    value = float(answer)
    if math.isnan(value):
        return None, (
            "your answer is NaN (not a number): look for a division by zero, or two files "
            "that hold no entity."
        )
    return value, None


def _close(value: float, expected: float) -> bool:
    return not math.isnan(expected) and abs(value - expected) <= TOLERANCE


# --- Exercise 5.1: the override file --------------------------------------------------


def cleaner_alone(page: str | Path) -> CleanedPage:
    """The page cleaned as the cleaner decides it, its override file left out: the page's
    text cleaned by ``clean_page``, which applies no override file (a saved web page: the
    text extracted from it)."""
    if is_html_file(page):
        extracted = extract_html(read_html(page), str(page))
        return clean_page(extracted.text, extracted=extracted)
    return clean_page(read_page(page))


def _line_actions(cleaned: CleanedPage) -> dict[int, str]:
    return dict(zip(cleaned.lines["line_no"].astype(int), cleaned.lines["action"], strict=True))


@exercise("5.1")
def overrides(answer: object, page: str | Path) -> Verdict:
    """The override file of ``page`` holds the student's ``{line: action}`` and changed the
    cleaning exactly there: recomputed from the file, a fresh clean with it and one
    without it. On a page with hand line labels, the overrides must agree with them."""
    if not isinstance(answer, Mapping):
        return wrong(
            f"give a dict {{line number: action}}, not a {type(answer).__name__}; "
            "{} if no line is wrong."
        )
    if any(isinstance(key, str) for key in answer):
        return wrong("the keys are line numbers, ints (33, not '33').")
    actions = ", ".join(OVERRIDE_ACTIONS)
    bad = [value for value in answer.values() if str(value).strip().lower() not in
           OVERRIDE_ACTIONS]
    if bad:
        return wrong(f"{bad[0]!r} is not an action of the cleaner: use one of {actions}.")
    alone = cleaner_alone(page)
    before = _line_actions(alone)
    outside = sorted(k for k in answer if k not in before)
    if outside:
        return wrong(f"there is no line {outside[0]}: the page has lines 1 to {len(before)}.")
    wanted = {int(k): str(v).strip().lower() for k, v in answer.items()}
    in_file = read_overrides(page)
    if in_file != wanted:
        return wrong(
            "the page's override file does not hold your dict: run the cell that saves it "
            "(save_overrides), then this check again."
        )
    after = _line_actions(clean_file(page))
    changed = {line for line in after if after[line] != before[line]}
    no_op = sorted(line for line, action in wanted.items() if before[line] == action)
    not_applied = sorted(line for line, action in wanted.items() if after[line] != action)
    if not_applied:
        return wrong(
            f"line {not_applied[0]} is not {wanted[not_applied[0]]!r} after a fresh clean: "
            "is the override file the one of this page?"
        )
    demoted = {
        line for line in changed - wanted.keys()
        if before[line] == "headline" and after[line] == "drop" and "headline" in wanted.values()
    }
    other = sorted(changed - wanted.keys() - demoted)
    if other:
        return wrong(
            f"line {other[0]} changed too, and your file does not name it: clean the page "
            "again from the file, and read the cleaning log for that line."
        )
    if not wanted:
        note = "An empty file: the cleaner's decisions stand. Say why in your answer."
    else:
        note = f"{len(changed)} line(s) changed, exactly those your file names"
        if demoted:
            note += f" (and the former headline, line {min(demoted)}, dropped)"
        note += "."
        if no_op:
            note += f" Line(s) {', '.join(map(str, no_op))} already had that action."
    labels_file = page_annotations_dir(page) / LINE_LABELS_FILE
    if labels_file.exists():
        labels = load_line_labels(labels_file)
        right_actions = dict(zip(labels["line_no"].astype(int), labels["action"], strict=True))
        against = sorted(line for line, action in wanted.items() if right_actions[line] != action)
        if against:
            return wrong(
                f"{len(against)} of your overrides go against the page's hand labels: look "
                f"again at line {against[0]} (the article's own words, its headline, facts "
                "about it, or the site's?)."
            )
        left = sorted(line for line in right_actions if after[line] != right_actions[line])
        fixable = [line for line in left if right_actions[line] in OVERRIDE_ACTIONS]
        if fixable:
            return wrong(
                f"{len(fixable)} line(s) still differ from the page's hand labels, and an "
                "override could fix them: read the lines table again, the cleaner's action "
                "against what each line is (the article's own words, its headline, facts "
                "about it, or the site's?)."
            )
        return right(f"{note} Against the page's hand labels, {len(left)} line(s) still differ.")
    return right(note)


# --- Exercise 5.2: annotate your two paragraphs -------------------------------------------


@exercise("5.2")
def pair_annotation(answer: object, pair: Sequence[ReferenceParagraph]) -> Verdict:
    """The student's entity records for the two paragraphs ``pair``: each record valid
    (offsets, text, label, no overlap) and inside one of them, and each of them annotated.
    Whether the entities are the right ones is for the pair to find out in section 3."""
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (Sequence, pd.DataFrame)):
        return wrong(
            f"give a list of records made with mark(...), not a {type(answer).__name__}."
        )
    records = as_records(answer) if isinstance(answer, pd.DataFrame) else list(answer)
    if not records:
        return wrong("your list is empty: mark the entities of the two paragraphs.")
    numbers_of = ", ".join(str(p.paragraph) for p in pair)
    for number, record in enumerate(records, start=1):
        if not isinstance(record, Mapping):
            return wrong(f"record {number} is a {type(record).__name__}: use mark(...).")
    records = as_records(records)
    for number, record in enumerate(records, start=1):
        start, end = record.get("start"), record.get("end")
        inside = isinstance(start, numbers.Integral) and isinstance(end, numbers.Integral) and any(
            p.start <= start and end <= p.end for p in pair
        )
        if not inside:
            return wrong(
                f"record {number} ({record.get('text')!r}) is not in the two paragraphs you "
                f"annotate ({numbers_of}): make it with mark(first, ...) or mark(second, ...)."
            )
    problems = record_problems(records, pair)
    if problems:
        return wrong(problems[min(problems)])
    empty = [p.paragraph for p in pair if not any(p.start <= r["start"] < p.end for r in records)]
    if empty:
        return wrong(
            f"paragraph {empty[0]} has no entity yet: annotate both paragraphs, every entity "
            "the guidelines name (people, places, organisations, dates, numbers ...)."
        )
    counts = ", ".join(
        f"{sum(p.start <= r['start'] < p.end for r in records)} in paragraph {p.paragraph}"
        for p in pair
    )
    return right(
        f"{len(records)} entities ({counts}), every record sound. Whether they are the "
        "right ones, your partner's file will tell: save yours with the next cell."
    )


# --- Exercises 5.3 and 5.4: agreement between the two files ------------------------------


def _no_entities(a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]) -> bool:
    return not any(p.entities for p in [*a, *b])


def _pair_answer(
    answer: object, a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> tuple[float | None, object, str | None]:
    """The student's number, the pair's agreement recomputed from the files, and what stops
    the check (no entity yet, or an answer that is no number), if anything."""
    if _no_entities(a, b):
        return None, None, "the two files hold no entity yet: annotate, save and swap files first."
    value, problem = _number(answer)
    if problem:
        return None, None, problem
    return value, pair_agreement(a, b), None


@exercise("5.3")
def pair_f1(
    answer: object, a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> Verdict:
    """Exact span F1 between the two files ``a`` and ``b``, recomputed from them."""
    value, agreement, problem = _pair_answer(answer, a, b)
    if problem:
        return wrong(problem)
    exact = agreement.exact
    if _close(value, exact.f1):
        same = exact.a_matched
        return right(
            f"exact span F1 {exact.f1:.2f}: {same} spans are the same in both files, of "
            f"{exact.a_spans} and {exact.b_spans}. Swap the files and F1 stays the same."
        )
    if value > 1:
        return wrong("F1 is a share between 0 and 1, not a percentage.")
    if _close(value, agreement.lenient.f1) and not _close(value, exact.f1):
        return wrong(
            "that is the lenient F1 (overlapping spans with the same label count as the "
            "same). The exercise asks for exact matches: same start, same end, same label."
        )
    if _close(value, exact.precision) or _close(value, exact.recall):
        return wrong(
            "that is a precision or a recall (the spans in common divided by the spans of one "
            "file). F1 combines the two: 2 * precision * recall / (precision + recall)."
        )
    unlabelled = _unlabelled_f1(a, b)
    if _close(value, unlabelled):
        return wrong("your spans leave out the label: a span is (start, end, label).")
    return wrong(
        "not the F1 of the two files. Make a set of (start, end, label) for each file, take "
        "their intersection, and F1 = 2 * |common| / (|A| + |B|)."
    )


def _unlabelled_f1(a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]) -> float:
    spans_a = {(e.start, e.end) for p in a for e in p.entities}
    spans_b = {(e.start, e.end) for p in b for e in p.entities}
    total = len(spans_a) + len(spans_b)
    return 2 * len(spans_a & spans_b) / total if total else float("nan")


@exercise("5.4")
def pair_kappa(
    answer: object, a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> Verdict:
    """Cohen's kappa on the tokens of the two files' paragraphs, recomputed from the files:
    one tag per token, its entity's label or ``O`` (``B-``/``I-`` tags and entity-or-not
    are named, and refused)."""
    value, agreement, problem = _pair_answer(answer, a, b)
    if problem:
        return wrong(problem)
    kappas = agreement.kappas()
    if _close(value, kappas["labels"]):
        return right(
            f"kappa {value:.2f} on {agreement.tokens} tokens (one tag per token, its entity's "
            f"label or O). Other tag sets give other values (B-/I- tags {kappas['BIO']:.2f}, "
            f"entity or not {kappas['entity or not']:.2f}): say which tags you used when you "
            "report it."
        )
    other_tags = {"BIO": "B-/I- tags with the label", "entity or not": "entity or not"}
    for name, described in other_tags.items():
        if _close(value, kappas[name]):
            return wrong(
                f"that is kappa on other tags ({described}). The exercise asks for one tag "
                "per token: the label of its entity, or 'O'."
            )
    if value > 1:
        return wrong("kappa is never above 1: is it a percentage?")
    if _close(value, agreement.kappa_entity_tokens):
        return wrong(
            "that is kappa on the tokens where one of you tagged an entity only. The "
            "exercise asks for all the tokens of the paragraphs, O/O pairs included."
        )
    if _close(value, agreement.observed):
        return wrong(
            "that is the observed agreement (the share of tokens with the same tag). Kappa "
            "corrects it for chance: (observed - chance) / (1 - chance)."
        )
    if _close(value, agreement.exact.f1):
        return wrong("that is the span F1 of exercise 5.3: kappa is computed on token tags.")
    return wrong(
        f"not the kappa of the two files ({agreement.tokens} tokens with spaCy's tokenizer). "
        "Give every token of the annotated paragraphs one tag from each file (the label of "
        "the entity its first character is in, or 'O'), then cohen_kappa_score(tags_a, tags_b)."
    )


# --- Exercise 5.5: adjudicate -------------------------------------------------------------


def _reference_decisions(
    a: Sequence[ReferenceParagraph],
    b: Sequence[ReferenceParagraph],
    reference: Sequence[ReferenceParagraph],
) -> dict[int, set[str]]:
    """For each case, the decisions that give the reference's spans there (may be empty)."""
    entities = {(e.start, e.end, e.label) for p in reference for e in p.entities}
    found = {}
    number = 0
    for _, spans_a, spans_b, agreed in pair_cases(a, b):
        if agreed:
            continue
        number += 1
        group = [*spans_a, *spans_b]
        low, high = min(e.start for e in group), max(e.end for e in group)
        wanted = {e for e in entities if e[0] < high and low < e[1]}
        options = {"A": spans_a, "B": spans_b, "neither": ()}
        found[number] = {
            name for name, spans in options.items()
            if {(e.start, e.end, e.label) for e in spans} == wanted
        }
    return found


@exercise("5.5")
def adjudication(
    answer: object,
    a: Sequence[ReferenceParagraph],
    b: Sequence[ReferenceParagraph],
    reference: Sequence[ReferenceParagraph] | None = None,
) -> Verdict:
    """A decision ("A", "B" or "neither") for every case the two files disagree on; on a
    page with a hand-made reference, the decisions that give its spans."""
    if _no_entities(a, b):
        return wrong("the two files hold no entity yet: annotate, save and swap files first.")
    cases = sum(1 for *_, agreed in pair_cases(a, b) if not agreed)
    if cases == 0:
        if isinstance(answer, Mapping) and not answer:
            return right("the two files agree everywhere: there is nothing to adjudicate.")
        return wrong("the two files agree everywhere: give an empty dict, {}.")
    problems = decision_problems(answer, cases)
    if problems:
        return wrong(problems[0])
    decisions = {case: str(value).strip() for case, value in answer.items()}
    if reference is not None:
        expected = _reference_decisions(a, b, reference)
        off = [
            case for case, options in sorted(expected.items())
            if options and decisions[case].lower() not in {o.lower() for o in options}
        ]
        if off:
            listed = ", ".join(map(str, off))
            return wrong(
                f"{cases - len(off)} of {cases} decisions follow the guidelines as the page's "
                f"reference applies them. Look again at case(s) {listed}: which rule of "
                "GUIDELINES.md (Entities > Boundaries, Labels used) decides it?"
            )
        return right(
            f"all {cases} cases decided as the guidelines say: your gold is the page's "
            "reference for these paragraphs."
        )
    tally = ", ".join(
        f"{sum(d.lower() == name.lower() for d in decisions.values())} {name}"
        for name in DECISIONS
    )
    return right(
        f"all {cases} cases decided ({tally}). No reference exists for your page, so the "
        "check cannot judge them: name the rule behind each one in the cell below."
    )


# --- Exercise 5.6: who is quoted, and how much --------------------------------------------


def quoted_words_by_speaker(quotes: pd.DataFrame) -> pd.Series:
    """Words (``\\w+``) inside the quotations, summed per resolved speaker, largest first."""
    words = quotes["quote"].fillna("").str.count(r"\w+")
    table = quotes.assign(words=words).groupby("speaker")["words"].sum()
    return table.sort_values(ascending=False)


def _as_mapping(answer: object) -> dict | None:
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if isinstance(answer, pd.Series):
        return {key: value for key, value in answer.items()}
    if isinstance(answer, Mapping):
        return dict(answer)
    return None


@exercise("5.6")
def quoted_words(answer: object, quotes: pd.DataFrame) -> Verdict:
    """Words quoted per speaker, from the quotation table ``quotes`` the notebook made."""
    given = _as_mapping(answer)
    if given is None:
        return wrong(
            f"give a pandas Series (speaker -> words), not a {type(answer).__name__}."
        )
    expected = quoted_words_by_speaker(quotes)
    if quotes.empty or expected.empty:
        if not given:
            return right("the extractor found no quotation on this page: nobody is quoted.")
        return wrong("the quotation table is empty: the Series should be empty too.")
    if {str(k) for k in given} == set(quotes["speaker_text"].dropna().astype(str)) and set(
        given
    ) != set(expected.index):
        return wrong(
            "you grouped by the speaker as written (speaker_text), so 'he' and a name count "
            "as two people: group by the resolved speaker."
        )
    if set(given) != set(expected.index):
        return wrong(
            f"your Series has {len(given)} speakers, the table {len(expected)}: group the "
            "quotation table by its `speaker` column."
        )
    if given == quotes.groupby("speaker").size().to_dict() and given != expected.to_dict():
        return wrong("that counts quotations per speaker; the question asks for words.")
    chars = quotes.assign(n=quotes["quote"].str.len()).groupby("speaker")["n"].sum()
    if given == chars.to_dict() and given != expected.to_dict():
        return wrong("that counts characters; the question asks for words (\\w+ runs).")
    if {k: int(v) for k, v in given.items()} != expected.to_dict():
        split = quotes.assign(n=quotes["quote"].str.split().str.len()).groupby("speaker")["n"]
        if given == split.sum().to_dict():
            return wrong(
                "you split at spaces, so a quote mark or a dash glued to a word changes the "
                "count: count the runs of letters and digits, str.count(r'\\w+')."
            )
        return wrong(
            "some counts differ: count the words of each quotation with "
            "str.count(r'\\w+'), then sum them per speaker."
        )
    if isinstance(answer, pd.Series) and list(answer.index) != list(expected.index):
        values = list(answer.to_numpy())
        if values != sorted(values, reverse=True):
            return wrong("the counts are right: now sort them, the most quoted speaker first.")
    top = expected.index[0]
    share = expected.iloc[0] / expected.sum()
    return right(
        f"{len(expected)} speakers, {int(expected.sum())} quoted words; {top} has "
        f"{share:.0%} of them."
    )


# --- Exercise 5.7: the research memo ------------------------------------------------------

MEMO_PARTS = ("Question", "Evidence", "Limits")
#: The fewest words each part needs: a real question, evidence with its numbers, limits.
MEMO_MIN_WORDS = {"Question": 8, "Evidence": 40, "Limits": 25}
_PART = re.compile(r"^\s*\**\s*(question|evidence|limits)\s*\**\s*:", re.I | re.M)


def memo_parts(memo: str) -> dict[str, str]:
    """The memo's parts by name: the text after ``Question:``, ``Evidence:`` and
    ``Limits:`` (each at the start of a line), up to the next part."""
    found = list(_PART.finditer(memo))
    parts: dict[str, str] = {}
    for match, following in zip(found, [*found[1:], None], strict=False):
        end = following.start() if following else len(memo)
        name = match[1].capitalize()
        parts[name] = (parts.get(name, "") + " " + memo[match.end() : end]).strip()
    return parts


@exercise("5.7")
def memo(answer: object) -> Verdict:
    """The memo: a string with its three parts, each long enough to say something. The check
    cannot judge the reasoning: the teacher does, with the rubric."""
    problem = type_problem(answer, str, 'a string: memo = """Question: ... """')
    if problem:
        return wrong(problem)
    parts = memo_parts(answer)
    written = {name: text for name, text in parts.items() if re.sub(r"[.\s…]", "", text)}
    if not written:
        return wrong(
            "not answered yet: write your memo under the three headings Question:, "
            "Evidence: and Limits:, each at the start of a line."
        )
    missing = [name for name in MEMO_PARTS if name not in written]
    if missing:
        return wrong(
            f"the part {missing[0]}: is missing or empty. A memo has three parts, each "
            "starting a line: Question:, Evidence:, Limits:."
        )
    words = {name: len(re.findall(r"\w+", written[name])) for name in MEMO_PARTS}
    short = [name for name in MEMO_PARTS if words[name] < MEMO_MIN_WORDS[name]]
    if short:
        name = short[0]
        return wrong(
            f"{name}: has {words[name]} words; write at least {MEMO_MIN_WORDS[name]}. "
            + {
                "Question": "Ask one question about your page that the notebook can answer.",
                "Evidence": "Give the numbers and tables that answer it, with what they show.",
                "Limits": "Say what the numbers cannot show, and why (sample, cleaner, model).",
            }[name]
        )
    if "?" not in written["Question"]:
        return wrong("Question: is not a question yet: end it with a question mark.")
    if not re.search(r"\d", written["Evidence"]):
        return wrong("Evidence: cites no number: give the counts or scores you rely on.")
    return right(
        f"three parts ({words['Question']}, {words['Evidence']} and {words['Limits']} words). "
        "The check reads the form only: your teacher reads the reasoning, with the rubric."
    )

