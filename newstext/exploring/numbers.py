"""Numbers in the news: every number of the articles, what it counts, and which to doubt.

:func:`numbers_table` finds the numbers with spaCy, not with a regular expression:

* a **number** is a run of tokens that ``like_num`` accepts (``700``, ``1,000``, ``6.2
  million``, ``two``, ``second``) or a vague number word (``hundreds``, ``thousands``);
  a currency symbol before it and a ``%`` after it are part of it (``$6.2 million``,
  ``500%``);
* its **kind** comes from the entity around it (MONEY, PERCENT, ORDINAL, DATE, QUANTITY)
  and from its form: ``money``, ``percent``, ``ordinal``, ``year`` (a four-digit year
  alone: 1959), ``date`` (a year in a date: July 2021), ``measure`` (a size or a
  duration: ``620-mile``, ``42-story``, ``two weeks``, ``three years``) or ``count``;
* its **unit** is the symbol for money and percentages, else the lemma of the noun it
  counts, found through the parse: the noun the number modifies (``700 people``), the
  noun after ``of`` (``thousands of soldiers``), the noun of a hyphenated compound
  (``620-mile``). A count above one goes with a plural noun: when the parser hangs
  ``700`` on the singular ``attack`` in "700 attack and decoy drones", the first plural
  noun of that phrase (``drones``) is taken instead. An ordinal's unit is the noun of its
  phrase (``second-largest city`` -> ``city``). Years and dates have no unit; a number
  standing alone ("Norway has agreed to supply one") has none either;
* its **qualifier** is a hedge in front of it: ``more than``, ``about``, ``between`` ...

Two checks, each a function: :func:`unit_conversions` recomputes a measure given in two
units ("620-mile (1,000-kilometer)": 620 miles are 997.8 km, so 1,000 is a fair rounding),
and :func:`ambiguous_numbers` finds a count that a range next to it contradicts (see there).
"""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc, Span, Token

NUMBER_COLUMNS = [
    "article_id",
    "sentence_id",
    "i",
    "number",
    "value",
    "unit",
    "kind",
    "qualifier",
    "entity",
    "entity_label",
    "sentence",
    "raw_start",
    "raw_end",
]
CONVERSION_COLUMNS = [
    "article_id",
    "sentence_id",
    "number",
    "unit",
    "given",
    "given_unit",
    "expected",
    "error",
    "ok",
]
AMBIGUOUS_COLUMNS = [
    "article_id",
    "sentence_id",
    "number",
    "value",
    "unit",
    "range",
    "range_sentence_id",
    "sentence",
    "range_sentence",
    "why",
]

#: Number words spaCy's ``like_num`` does not accept: they count, but say not how many.
VAGUE_NUMBERS = {"dozens", "scores", "hundreds", "thousands", "millions", "billions"}

WORD_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
ORDINAL_VALUES = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")

CURRENCY_SYMBOLS = {"$", "€", "£", "¥", "₹"}
PERCENT_WORDS = {"%", "percent"}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
}  # fmt: skip
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

#: Nouns that make a number a measure (a size or a duration) rather than a count.
MEASURE_UNITS = {
    "mile", "kilometer", "kilometre", "km", "meter", "metre", "foot", "feet", "inch",
    "kilogram", "kg", "ton", "tonne", "pound", "litre", "liter", "gallon", "barrel",
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
}  # fmt: skip

#: Hedges before a number, longest first.
QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "up to", "as many as",
    "between", "about", "around", "nearly", "almost", "roughly", "some", "over", "under",
)  # fmt: skip

#: Factors from one unit to another (lemmas as spaCy gives them).
CONVERSIONS = {
    ("mile", "kilometer"): 1.609344,
    ("mile", "kilometre"): 1.609344,
    ("kilometer", "mile"): 1 / 1.609344,
    ("kilometre", "mile"): 1 / 1.609344,
    ("foot", "meter"): 0.3048,
    ("pound", "kilogram"): 0.45359237,
}


# -- one number ------------------------------------------------------------------------------


def is_number_token(token: Token) -> bool:
    """True for a token that is (part of) a number: ``like_num`` or a vague number word."""
    return token.like_num or token.lower_ in VAGUE_NUMBERS


def number_value(words: list[str]) -> float | None:
    """The value of a number written as ``words`` (``["6.2", "million"]`` -> 6200000.0,
    ``["second"]`` -> 2.0); None for a vague or unknown word (``hundreds``)."""
    value = None
    for word in words:
        word = word.lower().replace(",", "")
        if word in SCALES:
            value = (value or 1) * SCALES[word]
            continue
        part = _word_value(word)
        if part is None:
            return None
        value = part if value is None else value + part
    return None if value is None else float(value)


def _word_value(word: str) -> float | None:
    if word in WORD_VALUES:
        return WORD_VALUES[word]
    if word in ORDINAL_VALUES:
        return ORDINAL_VALUES[word]
    if word.endswith(ORDINAL_SUFFIXES) and word[:-2].isdigit():
        return int(word[:-2])
    try:
        return float(word)
    except ValueError:
        return None


def number_runs(doc: Doc) -> list[Span]:
    """Each run of neighbouring number tokens of ``doc``, as a span (``6.2 million``)."""
    runs = []
    start = None
    for token in doc:
        if is_number_token(token):
            if start is None:
                start = token.i
            continue
        if start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start:])
    return runs


def written_number(run: Span) -> Span:
    """The run with a currency symbol before it and a ``%`` or ``percent`` after it."""
    doc = run.doc
    start, end = run.start, run.end
    if start > 0 and doc[start - 1].text in CURRENCY_SYMBOLS:
        start -= 1
    if end < len(doc) and doc[end].lower_ in PERCENT_WORDS:
        end += 1
    return doc[start:end]


def _is_hyphenated(number: Token, noun: Token) -> bool:
    """True for ``620-mile``: the noun follows the number after a hyphen."""
    doc = number.doc
    return noun.i == number.i + 2 and doc[number.i + 1].text == "-"


def _first_plural_noun(noun: Token) -> Token:
    for token in noun.subtree:
        if token.i > noun.i and token.tag_ in ("NNS", "NNPS"):
            return token
    return noun


def counted_noun(number: Token, value: float | None) -> Token | None:
    """The noun a number counts, through the parse (see the module docstring)."""
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            if objects:
                return objects[0]  # thousands of soldiers
    noun = number.head
    if noun.i == number.i or noun.pos_ not in ("NOUN", "PROPN") or noun.i < number.i:
        return None
    plural_expected = value is not None and value > 1
    if plural_expected and noun.tag_ == "NN" and not _is_hyphenated(number, noun):
        return _first_plural_noun(noun)  # 700 attack and decoy drones
    return noun


def ordinal_noun(number: Token) -> Token | None:
    """The noun of an ordinal's phrase: ``second-largest city`` -> ``city``."""
    token = number
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
            return token
    return None


def qualifier(run: Span) -> str | None:
    """The hedge just before a number (``more than``, ``between`` ...), or None. The second
    number of ``between 360 and 420`` has the qualifier of the first."""
    doc = run.doc
    before = " ".join(token.lower_ for token in doc[max(0, run.start - 3) : run.start])
    for phrase in QUALIFIERS:
        if before == phrase or before.endswith(" " + phrase):
            return phrase
    last = run[-1]
    if last.dep_ == "conj" and is_number_token(last.head) and last.head.i < run.start:
        return qualifier(doc[last.head.i : last.head.i + 1])
    return None


def _looks_like_year(run: Span, value: float | None) -> bool:
    text = run.text
    return len(run) == 1 and len(text) == 4 and text.isdigit() and 1000 <= (value or 0) <= 2100


def is_ordinal(token: Token) -> bool:
    """True for ``first``, ``second`` ... and ``1st``, ``8th`` ..."""
    word = token.lower_
    return word in ORDINAL_VALUES or (word.endswith(ORDINAL_SUFFIXES) and word[:-2].isdigit())


def number_kind(run: Span, written: Span, entity: Span | None, value: float | None) -> str:
    """``money``, ``percent``, ``ordinal``, ``year``, ``date``, ``measure`` or ``count``
    (``entity`` is the spaCy entity holding the number, if any)."""
    label = entity.label_ if entity is not None else ""
    last = run[-1]
    if label == "MONEY" or written[0].text in CURRENCY_SYMBOLS:
        return "money"
    if label == "PERCENT" or written[-1].text in PERCENT_WORDS:
        return "percent"
    if label == "ORDINAL" or is_ordinal(last):
        return "ordinal"
    if _looks_like_year(run, value) and label in ("DATE", ""):
        words = {token.lower_ for token in entity} if entity is not None else set()
        return "date" if words & (MONTHS | WEEKDAYS) else "year"
    if label in ("QUANTITY", "DATE", "TIME"):
        return "measure"  # two weeks, six-decade-old, 620-mile
    noun = counted_noun(last, value)
    if noun is not None and (noun.lemma_.lower() in MEASURE_UNITS or _is_hyphenated(last, noun)):
        return "measure"
    return "count"


def number_unit(run: Span, written: Span, kind: str, value: float | None) -> str | None:
    """The symbol for money and percentages, the counted noun's lemma otherwise, None for
    years and dates."""
    if kind == "money":
        return written[0].text
    if kind == "percent":
        return "%"
    if kind in ("year", "date"):
        return None
    if kind == "ordinal":
        noun = ordinal_noun(run[-1])
    else:
        noun = counted_noun(run[-1], value)
    return None if noun is None else noun.lemma_.lower()


# -- the table ------------------------------------------------------------------------------------


def _entities_by_token(doc: Doc) -> dict[int, Span]:
    found = {}
    for ent in doc.ents:
        for token in ent:
            found[token.i] = ent
    return found


def numbers_table(docs: list[Doc], tokens: pd.DataFrame) -> pd.DataFrame:
    """Every number in the articles' Docs (from ``corpus.article_docs``), one row each.

    Columns: ``article_id, sentence_id`` (as in ``tokens``, from
    :func:`newstext.exploring.tables.tokens_table`), ``i`` (index of the number's first token),
    ``number`` (as written: ``$6.2 million``, ``1,000``, ``two``), ``value`` (a float, NaN
    for ``hundreds``), ``unit``, ``kind``, ``qualifier`` (see the module docstring),
    ``entity`` and ``entity_label`` (the spaCy entity holding the number, "" if none),
    ``sentence`` (its text) and ``raw_start, raw_end`` (the number in the raw page).
    """
    by_token = tokens.set_index(["article_id", "i"])
    rows = []
    for doc in docs:
        article_id = doc.user_data["article_id"]
        entities = _entities_by_token(doc)
        for run in number_runs(doc):
            written = written_number(run)
            entity = entities.get(run.start)
            label = entity.label_ if entity is not None else ""
            value = number_value([token.text for token in run])
            kind = number_kind(run, written, entity, value)
            first = by_token.loc[(article_id, written.start)]
            last = by_token.loc[(article_id, written.end - 1)]
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": int(first["sentence_id"]),
                    "i": written.start,
                    "number": written.text,
                    "value": value,
                    "unit": number_unit(run, written, kind, value),
                    "kind": kind,
                    "qualifier": qualifier(written),
                    "entity": entity.text if entity is not None else "",
                    "entity_label": label,
                    "sentence": run.sent.text.strip(),
                    "raw_start": first["raw_start"],
                    "raw_end": last["raw_end"],
                }
            )
    table = pd.DataFrame(rows, columns=NUMBER_COLUMNS)
    table["value"] = table["value"].astype(float)
    for column in ("raw_start", "raw_end"):
        table[column] = table[column].astype("Int64")
    return table


# -- checks ----------------------------------------------------------------------------------------


def unit_conversions(numbers: pd.DataFrame, tolerance: float = 0.02) -> pd.DataFrame:
    """Measures given in two units in one sentence, recomputed.

    For each measure followed in its sentence by a measure whose unit converts from its
    unit (:data:`CONVERSIONS`): ``number, unit`` (the first), ``given, given_unit`` (the
    second), ``expected`` (the first converted), ``error`` (``given / expected - 1``) and
    ``ok`` (``|error| <= tolerance``: a rounding, not a mistake).
    """
    measures = numbers[numbers["kind"] == "measure"]
    rows = []
    for (article_id, sentence_id), group in measures.groupby(["article_id", "sentence_id"]):
        records = group.sort_values("i").to_dict("records")
        for first, second in zip(records, records[1:], strict=False):
            factor = CONVERSIONS.get((first["unit"], second["unit"]))
            if factor is None:
                continue
            expected = first["value"] * factor
            error = second["value"] / expected - 1
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": sentence_id,
                    "number": first["number"],
                    "unit": first["unit"],
                    "given": second["number"],
                    "given_unit": second["unit"],
                    "expected": round(expected, 1),
                    "error": round(error, 4),
                    "ok": abs(error) <= tolerance,
                }
            )
    return pd.DataFrame(rows, columns=CONVERSION_COLUMNS)


def ranges(numbers: pd.DataFrame) -> pd.DataFrame:
    """The ranges "between X and Y": ``article_id, sentence_id, low, high, text``."""
    between = numbers[numbers["qualifier"] == "between"].sort_values(["article_id", "i"])
    rows = []
    for (article_id, sentence_id), group in between.groupby(["article_id", "sentence_id"]):
        values = list(group["value"])
        texts = list(group["number"])
        for index in range(0, len(values) - 1, 2):
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": sentence_id,
                    "low": values[index],
                    "high": values[index + 1],
                    "text": f"{texts[index]}\u2013{texts[index + 1]}",
                }
            )
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "low", "high", "text"])


def ambiguous_numbers(numbers: pd.DataFrame) -> pd.DataFrame:
    """The numbers the page leaves ambiguous: a count that a range next to it contradicts.

    The rule: a range "between X and Y" and, in the same sentence or the one before or
    after (same article), a count (not itself part of a range) outside ``[X, Y]``. Two
    figures for one thing that cannot both be right, and the page does not say which to
    believe. On the course page this is the First Post article: "According to the United
    States, 700 people are still imprisoned ..." followed by "Human rights organizations
    put the number at between 360 and 420." (The range's sentence does not even say what
    it counts: "the number" points back to the 700.)

    The other numbers that look suspicious pass: 620 miles are 997.8 km, so the
    "1,000-kilometer" that follows is a rounding (see :func:`unit_conversions`); "more than
    700 attack and decoy drones" (Indian Express) is the same figure for another thing in
    another article, and "more than" marks it as a lower bound, not a contradiction.

    Returns ``article_id, sentence_id, number, value, unit`` (the count), ``range,
    range_sentence_id``, both sentences and ``why``.
    """
    found = ranges(numbers)
    counts = numbers[(numbers["kind"] == "count") & numbers["value"].notna()]
    counts = counts[counts["qualifier"] != "between"]
    sentences = numbers.drop_duplicates("sentence_id").set_index("sentence_id")["sentence"]
    rows = []
    for span in found.to_dict("records"):
        near = counts[
            (counts["article_id"] == span["article_id"])
            & ((counts["sentence_id"] - span["sentence_id"]).abs() <= 1)
            & ~counts["value"].between(span["low"], span["high"])
        ]
        for count in near.to_dict("records"):
            unit = f" {count['unit']}" if count["unit"] else ""
            rows.append(
                {
                    "article_id": count["article_id"],
                    "sentence_id": count["sentence_id"],
                    "number": count["number"],
                    "value": count["value"],
                    "unit": count["unit"],
                    "range": span["text"],
                    "range_sentence_id": span["sentence_id"],
                    "sentence": count["sentence"],
                    "range_sentence": sentences[span["sentence_id"]],
                    "why": (
                        f"{count['number']}{unit} and, next to it, {span['text']}: "
                        "two figures for one thing, and the page does not say which is right"
                    ),
                }
            )
    return pd.DataFrame(rows, columns=AMBIGUOUS_COLUMNS)
