"""A student's annotations: checked, scored against the gold, saved without overwriting."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from newstext.core.paths import annotations_dir
from newstext.evaluating import student_annotations
from newstext.evaluating.reference import check_reference, load_reference
from newstext.evaluating.student_annotations import (
    AnnotationError,
    as_records,
    check_name,
    check_records,
    export_student_brat,
    load_student_annotations,
    mark,
    read_student_brat,
    record_problems,
    save_student_annotations,
    score_student,
    student_paragraphs,
    students_dir,
    try_mark,
    unmatched_spans,
)


@pytest.fixture(scope="module")
def gold():
    return load_reference()


@pytest.fixture(scope="module")
def records(gold):
    """Paragraphs 1 and 13 with a learner's mistakes: US and two missed, a title as ORG,
    Russia's Foreign Ministry as one ORG, Moscow as ORG."""
    p1, p13 = gold[0], gold[12]
    return [
        mark(p1, "Secretary of State", "ORG"),
        mark(p1, "Marco Rubio", "PERSON"),
        mark(p1, "Ukraine", "GPE"),
        mark(p1, "Russian", "NORP"),
        mark(p1, "Sergey Lavrov", "PERSON"),
        mark(p1, "ASEAN", "ORG"),
        mark(p1, "Kuala Lumpur", "GPE"),
        mark(p13, "Russia's Foreign Ministry", "ORG"),
        mark(p13, "Ukraine", "GPE"),
        mark(p13, "Syria", "GPE"),
        mark(p13, "Iran", "GPE"),
        mark(p13, "Moscow", "ORG"),
    ]


def test_mark_gives_raw_offsets(gold, page_text):
    record = mark(gold[6], "Putin", "PERSON", occurrence=2)
    assert page_text[record["start"] : record["end"]] == "Putin"
    assert record["start"] == 1371 + len("Vladimir ")
    with pytest.raises(AnnotationError, match="does not occur"):
        mark(gold[0], "Zelenskyy", "PERSON")


def test_score_per_label(records, gold):
    table = score_student(records, gold).set_index("label")
    assert list(table.columns) == ["student", "support", "correct", "precision", "recall", "f1"]
    assert table.loc["PERSON", ["student", "support", "correct"]].tolist() == [2, 2, 2]
    assert table.loc["GPE", ["student", "support", "correct"]].tolist() == [5, 8, 5]
    assert table.loc["GPE", "recall"] == pytest.approx(5 / 8)
    assert table.loc["ORG", ["student", "support", "correct"]].tolist() == [4, 2, 1]
    assert table.loc["ORG", "f1"] == pytest.approx(1 / 3)
    assert table.loc["CARDINAL", ["student", "support", "f1"]].tolist() == [0, 1, 0.0]
    assert table.loc["ALL", ["student", "support", "correct"]].tolist() == [12, 14, 9]
    assert table.loc["ALL", "precision"] == pytest.approx(0.75)
    assert table.loc["ALL", "recall"] == pytest.approx(9 / 14)


def test_score_on_paragraphs_annotated_with_nothing_found(records, gold):
    table = score_student(records, gold, paragraph_numbers=[2]).set_index("label")
    assert table.loc["ALL", "support"] == 15  # paragraph 2 adds Rubio
    assert table.loc["PERSON", "support"] == 3
    with pytest.raises(AnnotationError, match="no paragraph 14"):
        score_student(records, gold, paragraph_numbers=[14])


def test_dataframe_and_jsonl_give_the_same_records(records, gold):
    frame = pd.DataFrame(records)
    jsonl = "\n".join(json.dumps(record) for record in records)
    assert check_records(frame, gold) == check_records(records, gold)
    assert check_records(jsonl, gold) == check_records(records, gold)
    paragraph_record = json.dumps({"paragraph": 1, "entities": records[:7]})
    assert as_records(paragraph_record) == records[:7]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": "Marco"}, "not 'Marco'"),
        ({"label": "PER"}, "not a label"),
        ({"start": 0, "end": 5}, "not inside one paragraph"),
        ({"start": "254"}, "whole numbers"),
        ({"start": True}, "whole numbers"),
        ({"end": 250}, "whole numbers"),
    ],
)
def test_bad_records_are_refused_with_one_line(records, gold, change, message):
    bad = {**records[1], **change}
    with pytest.raises(AnnotationError, match=message) as caught:
        check_records([bad], gold)
    assert "\n" not in str(caught.value)


def test_record_problems_names_each_bad_record_and_passes_the_good_ones(records, gold):
    typed = [
        records[0],
        {**records[1], "start": 250},
        records[2],
        {**records[3], "label": "norp"},
        {**records[4], "label": "NAT"},
        mark(gold[0], "Rubio", "PERSON"),  # inside record 2's "Marco Rubio" once that is fixed
        records[1],
    ]
    assert record_problems(typed, gold) == {
        2: "record 2: the page has 'ate Marco Rubio' at 250-265, not 'Marco Rubio': "
        "mark(paragraph, text, label) finds the offsets for you",
        4: "record 4: 'norp' is not a label of the guidelines: labels are in capitals, 'NORP'",
        5: "record 5: 'NAT' is not a label of the guidelines: use one of CARDINAL, DATE, EVENT, "
        "FAC, GPE, LANGUAGE, LAW, LOC, MONEY, NORP, ORDINAL, ORG, PERCENT, PERSON, PRODUCT, "
        "QUANTITY, TIME, WORK_OF_ART",
        7: "record 7: 'Marco Rubio' and 'Rubio' overlap (records 6 and 7): keep one",
    }
    assert record_problems(records, gold) == {}


def test_missing_keys_overlaps_and_nothing_are_refused(records, gold):
    with pytest.raises(AnnotationError, match="has no text"):
        check_records([{"start": 254, "end": 265, "label": "PERSON"}], gold)
    with pytest.raises(AnnotationError, match="overlap"):
        check_records([records[1], mark(gold[0], "Rubio", "PERSON")], gold)
    with pytest.raises(AnnotationError, match="no annotations"):
        check_records([], gold)
    with pytest.raises(AnnotationError, match="not JSON"):
        check_records("{oops", gold)


@pytest.mark.parametrize("name", ["", "a b", "../maria", "maria.jsonl", "é", "x" * 41])
def test_bad_names_are_refused(name):
    with pytest.raises(AnnotationError, match="letters, digits"):
        check_name(name)


def test_a_good_name():
    assert check_name("Maria_K-2") == "Maria_K-2"


def test_saving_twice_never_overwrites(records, gold, tmp_path, page_text):
    first = save_student_annotations(records, "maria", folder=tmp_path)
    content = first.read_bytes()
    second = save_student_annotations(records[:3], "maria", folder=tmp_path)
    third = save_student_annotations(records[:1], "maria", folder=tmp_path)
    assert [first.name, second.name, third.name] == [
        "maria.jsonl",
        "maria-2.jsonl",
        "maria-3.jsonl",
    ]
    assert first.read_bytes() == content
    saved = load_student_annotations(first)
    assert [p.paragraph for p in saved] == [1, 13]
    assert check_reference(saved, page_text) == []
    assert sum(len(p.entities) for p in saved) == 12


def test_an_existing_file_is_kept_and_the_default_folder_is_used(records, tmp_path, monkeypatch):
    monkeypatch.setattr(student_annotations, "students_dir", lambda: tmp_path / "students")
    (tmp_path / "students").mkdir()
    precious = tmp_path / "students" / "sam.jsonl"
    precious.write_text("my work\n", encoding="utf-8")
    path = save_student_annotations(records, "sam")
    assert path == tmp_path / "students" / "sam-2.jsonl"
    assert precious.read_text(encoding="utf-8") == "my work\n"


def test_nothing_is_written_when_the_records_are_wrong(records, tmp_path):
    with pytest.raises(AnnotationError):
        save_student_annotations([{**records[0], "label": "TITLE"}], "maria", folder=tmp_path)
    with pytest.raises(AnnotationError):
        save_student_annotations(records, "bad name", folder=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_students_folder_has_its_readme_and_is_ignored(monkeypatch):
    monkeypatch.delenv("NEWSTEXT_STUDENTS_DIR")  # the real folder, not the tests' one
    assert (students_dir() / "README.md").is_file()
    gitignore = (students_dir().parents[2] / ".gitignore").read_text(encoding="utf-8")
    assert "/data/annotations/students/*" in gitignore
    assert "!/data/annotations/students/README.md" in gitignore


def test_brat_exercise_round_trip(records, gold, tmp_path):
    ann = export_student_brat(records, "maria", folder=tmp_path)
    assert ann.name == "maria.ann" and ann.with_suffix(".txt").is_file()
    lines = ann.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "T2\tPERSON 22 33\tMarco Rubio"
    back = read_student_brat(ann, gold)
    assert back == sorted(records, key=lambda r: r["start"])
    assert student_paragraphs(back, gold) == student_paragraphs(records, gold)


def test_mark_finds_whole_words_only():
    from newstext.evaluating.reference import load_reference
    from newstext.evaluating.student_annotations import AnnotationError, mark

    paragraph = next(
        p
        for p in load_reference()
        if "Russian" in p.text and "Russia" not in p.text.replace("Russian", "")
    )
    with pytest.raises(AnnotationError, match="as a whole word"):
        mark(paragraph, "Russia", "GPE")
    assert mark(paragraph, "Russian", "NORP")["text"] == "Russian"


def test_the_tests_save_student_files_outside_the_repository():
    assert students_dir() != annotations_dir() / "students"


# --- issue 17: a bad mark does not stop Run All; the wrong spans are listed -----------------


def test_try_mark_gives_a_problem_record_that_record_problems_reports(gold):
    p1 = gold[0]
    assert try_mark(p1, "Marco Rubio", "PERSON") == mark(p1, "Marco Rubio", "PERSON")
    typo = try_mark(p1, "Marco Rubbio", "PERSON")
    twice = try_mark(p1, "Ukraine", "GPE", occurrence=9)
    records = [mark(p1, "Marco Rubio", "PERSON"), typo, twice]
    problems = record_problems(records, gold)
    assert sorted(problems) == [2, 3]
    assert "record 2: 'Marco Rubbio' does not occur 1 time(s)" in problems[2]
    assert "does not occur 9 time(s)" in problems[3]
    with pytest.raises(AnnotationError, match="record 2: 'Marco Rubbio'"):
        check_records(records, gold)


def test_notebook_04s_annotation_cell_survives_a_typo_in_one_mark(gold):
    """The annotation cell of notebook 04, as the lesson has it, with one mistyped and one
    good entity added: it runs to its end, reports the typo and keeps the rest."""
    import contextlib
    import io

    import jupytext

    from conftest import ROOT
    from newstext.evaluating.student_annotations import paragraphs_to_annotate

    cells = jupytext.read(ROOT / "lessons" / "04_annotating_by_hand.py").cells
    cell = next(c.source for c in cells if c.source.startswith("my_entities = ["))
    typed = cell.replace(
        "    # add your entities here",
        '    try_mark(paragraph, "Malaysa", "GPE"),  # a typo\n'
        '    try_mark(paragraph, "Riyadh", "GPE"),\n'
        "    # add your entities here",
    )
    assert typed != cell
    namespace = {"try_mark": try_mark, "mark": mark, "record_problems": record_problems,
                 "paragraph": paragraphs_to_annotate()[11]}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(typed, namespace)
    assert [r["text"] for r in namespace["my_entities"]] == ["Malaysia", "Riyadh"]
    assert "⚠️ left out: record 2: 'Malaysa' does not occur" in out.getvalue()
    assert "2 records ready" in out.getvalue()


def test_unmatched_spans_lists_the_spans_behind_the_scores(records, gold):
    table = unmatched_spans(records, gold)
    assert list(table.columns) == ["which", "paragraph", "start", "end", "label", "text"]
    scores = score_student(records, gold).set_index("label").loc["ALL"]
    mine = table[table["which"] == "yours, not in gold"]
    theirs = table[table["which"] == "gold, not in yours"]
    assert len(mine) == scores["student"] - scores["correct"]
    assert len(theirs) == scores["support"] - scores["correct"]
    assert ("Moscow", "ORG") in set(zip(mine["text"], mine["label"], strict=True))
    assert ("Moscow", "GPE") in set(zip(theirs["text"], theirs["label"], strict=True))
    assert list(table["start"]) == sorted(table["start"])
    right = [mark(gold[0], e.text, e.label) for e in gold[0].entities[:1]]
    assert unmatched_spans(right, gold, paragraph_numbers=[1])["which"].eq(
        "gold, not in yours").all()
