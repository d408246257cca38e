"""numbers.py: every number with its unit and kind, and the number to doubt."""

from __future__ import annotations

import math

import pytest

from newstext.exploring.numbers import (
    AMBIGUOUS_COLUMNS,
    NUMBER_COLUMNS,
    ambiguous_numbers,
    number_value,
    numbers_table,
    ranges,
    unit_conversions,
)


@pytest.fixture(scope="session")
def numbers(docs, tokens):
    return numbers_table(docs, tokens)


def row(numbers, article_id: int, number: str, nth: int = 0) -> dict:
    found = numbers[(numbers["article_id"] == article_id) & (numbers["number"] == number)]
    return found.iloc[nth].to_dict()


def described(record: dict) -> tuple:
    unit = record["unit"] if isinstance(record["unit"], str) else None
    qualifier = record["qualifier"] if isinstance(record["qualifier"], str) else None
    return record["value"], unit, record["kind"], qualifier


# -- values ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, value",
    [
        (["700"], 700.0),
        (["1,000"], 1000.0),
        (["6.2", "million"], 6_200_000.0),
        (["two"], 2.0),
        (["second"], 2.0),
        (["8th"], 8.0),
        (["2021"], 2021.0),
        (["hundred"], 100.0),
    ],
)
def test_number_value(words, value):
    assert number_value(words) == value


def test_a_vague_number_has_no_value():
    assert number_value(["hundreds"]) is None


# -- the table -------------------------------------------------------------------------------------


def test_numbers_table_shape(numbers):
    assert list(numbers.columns) == NUMBER_COLUMNS
    assert len(numbers) == 37
    assert list(numbers.groupby("article_id").size()) == [3, 15, 19]
    assert numbers["kind"].value_counts().to_dict() == {
        "count": 18,
        "measure": 6,  # six-decade, 42-story, three years, two weeks, 620-mile, 1,000-kilometer
        "ordinal": 5,  # second, first, fourth, third, second
        "date": 4,
        "percent": 2,
        "year": 1,
        "money": 1,
    }


def test_every_number_points_back_to_the_raw_page(cleaned, numbers):
    for record in numbers.to_dict("records"):
        assert cleaned.raw[record["raw_start"] : record["raw_end"]] == record["number"]


@pytest.mark.parametrize(
    "article_id, number, nth, expected",
    [
        (3, "700", 0, (700.0, "drone", "count", "more than")),  # "700 attack and decoy drones"
        (3, "10", 0, (10.0, "system", "count", None)),  # "10 Patriot systems"
        (3, "$6.2 million", 0, (6_200_000.0, "$", "money", None)),
        (3, "500%", 0, (500.0, "%", "percent", None)),
        (3, "100%", 0, (100.0, "%", "percent", None)),
        (3, "620", 0, (620.0, "mile", "measure", None)),  # "620-mile"
        (3, "1,000", 0, (1000.0, "kilometer", "measure", None)),  # "(1,000-kilometer)"
        (3, "32", 0, (32.0, "nation", "count", None)),  # "32 member nations"
        (3, "three", 0, (3.0, "year", "measure", "more than")),
        (3, "two", 0, (2.0, "week", "measure", None)),  # "in two weeks"
        (3, "thousands", 0, (None, "soldier", "count", None)),  # "thousands of soldiers"
        (3, "2022", 0, (2022.0, None, "date", None)),  # "February 2022"
        (3, "second", 0, (2.0, "city", "ordinal", None)),  # "second-largest city"
        (3, "one", 0, (1.0, None, "count", None)),  # "Norway has agreed to supply one"
        (2, "42", 0, (42.0, "story", "measure", None)),  # "a 42-story hotel"
        (2, "700", 0, (700.0, "people", "count", None)),
        (2, "360", 0, (360.0, None, "count", "between")),
        (2, "420", 0, (420.0, None, "count", "between")),
        (2, "2021", 0, (2021.0, None, "date", None)),  # "July 2021"
        (2, "1959", 0, (1959.0, None, "year", None)),
        (2, "six", 0, (6.0, "decade", "measure", None)),  # "six-decade-old"
        (2, "fourth", 0, (4.0, "anniversary", "ordinal", None)),
        (1, "second", 0, (2.0, "encounter", "ordinal", None)),
        (1, "two", 1, (2.0, "side", "count", None)),  # "the two sides"
    ],
)
def test_number_rows(numbers, article_id, number, nth, expected):
    value, unit, kind, qualifier = described(row(numbers, article_id, number, nth))
    expected_value = expected[0]
    if expected_value is None:
        assert math.isnan(value)
    else:
        assert value == expected_value
    assert (unit, kind, qualifier) == expected[1:]


def test_a_number_row_carries_its_sentence_and_entity(numbers):
    drones = row(numbers, 3, "700")
    assert drones["entity"] == "more than 700"
    assert drones["entity_label"] == "CARDINAL"
    assert drones["sentence"] == (
        "This week, Russia fired more than 700 attack and decoy drones at Ukraine, "
        "topping previous barrages for the third time in two weeks."
    )
    july = row(numbers, 2, "2021")
    assert (july["entity"], july["entity_label"]) == ("July 2021", "DATE")


def test_the_removed_caption_left_no_number(numbers):
    """ "Monday, April. 19, 2021" and "8th Cuban Communist Party" were in a caption."""
    assert "19" not in set(numbers["number"])
    assert "8th" not in set(numbers["number"])
    assert list(numbers.loc[numbers["article_id"] == 2, "number"]).count("2021") == 3


# -- checks ----------------------------------------------------------------------------------------


def test_620_miles_are_1000_kilometres_rounded(numbers):
    table = unit_conversions(numbers)
    assert len(table) == 1
    check = table.iloc[0]
    assert (check["number"], check["unit"], check["given"], check["given_unit"]) == (
        "620",
        "mile",
        "1,000",
        "kilometer",
    )
    assert check["expected"] == 997.8  # 620 * 1.609344 = 997.79
    assert check["error"] == 0.0022
    assert bool(check["ok"])


def test_the_range_on_the_page(numbers):
    assert ranges(numbers)[["article_id", "low", "high", "text"]].to_dict("records") == [
        {"article_id": 2, "low": 360.0, "high": 420.0, "text": "360\u2013420"}
    ]


def test_the_ambiguous_number_is_the_count_of_prisoners(numbers):
    table = ambiguous_numbers(numbers)
    assert list(table.columns) == AMBIGUOUS_COLUMNS
    assert len(table) == 1
    found = table.iloc[0]
    assert (found["article_id"], found["number"], found["unit"], found["range"]) == (
        2,
        "700",
        "people",
        "360\u2013420",
    )
    assert found["range_sentence_id"] == found["sentence_id"] + 1
    assert found["sentence"].startswith("According to the United States, 700 people")
    assert found["range_sentence"] == (
        "Human rights organizations put the number at between 360 and 420."
    )


def test_the_700_drones_are_not_ambiguous(numbers):
    """Same figure, another thing, another article, and a lower bound: no contradiction."""
    table = ambiguous_numbers(numbers)
    assert 3 not in set(table["article_id"])
