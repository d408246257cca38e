"""`python -m newstext annotate`: entities and quotations of the course page, raw offsets."""

from __future__ import annotations

import pandas as pd
import pytest
from spacy.tokens import DocBin

from newstext.annotating.annotate_page import annotate_page
from newstext.cleaning.pipeline import clean_page
from newstext.cleaning.quote_marks import normalise_quotes
from newstext.core.model import load_english
from newstext.core.paths import RAW_PAGE
from newstext.core.reading import read_page
from newstext.course.cli import main


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("annotate")
    assert main(["annotate", str(RAW_PAGE), "--out", str(out)]) == 0
    return out


def test_writes_the_clean_tables_and_the_annotations(out_dir):
    names = {path.name for path in out_dir.iterdir()}
    assert {
        "articles.csv",
        "paragraphs.csv",
        "entities.csv",
        "quotes.csv",
        "quote_marks.csv",
        "articles.spacy",
    } <= names


def test_entity_offsets_point_into_the_raw_page(out_dir, page_text):
    entities = pd.read_csv(out_dir / "entities.csv")
    assert list(entities.columns) == [
        "article_id",
        "text",
        "label",
        "start_char",
        "end_char",
        "origin",
    ]
    for row in entities.itertuples():
        assert normalise_quotes(page_text[row.start_char : row.end_char]) == row.text
    assert set(entities["origin"]) == {"model", "rule"}


def test_rules_fix_the_main_articles_people(out_dir):
    entities = pd.read_csv(out_dir / "entities.csv")
    main_article = entities[entities["article_id"] == 1]
    trump = main_article[main_article["text"] == "Trump"]
    assert set(trump["label"]) == {"PERSON"}
    assert (trump["origin"] == "rule").sum() == 2  # the two the model read as ORG
    assert "State" not in set(main_article["text"])


def test_quotes_point_into_the_raw_page_with_their_speakers(out_dir, page_text):
    quotes = pd.read_csv(out_dir / "quotes.csv", keep_default_na=False)
    assert list(quotes.columns) == [
        "article_id",
        "quote",
        "cue",
        "speaker_text",
        "speaker",
        "start_char",
        "end_char",
    ]
    for row in quotes.itertuples():
        assert normalise_quotes(page_text[row.start_char : row.end_char]) == row.quote
    main_quotes = quotes[quotes["article_id"] == 1]
    assert len(main_quotes) == 12
    assert main_quotes["speaker"].value_counts().to_dict() == {
        "Marco Rubio": 7,
        "Donald Trump": 3,
        "Russia's Foreign Ministry": 1,
        "Moscow": 1,
    }


def test_the_docbin_holds_one_doc_per_article(out_dir):
    nlp = load_english()
    docs = list(DocBin().from_disk(out_dir / "articles.spacy").get_docs(nlp.vocab))
    assert [doc.user_data["article_id"] for doc in docs] == [1, 2, 3]
    assert len(docs[0].spans["quotes"]) == 12


def test_annotating_leaves_the_shared_pipeline_as_the_model(page_text):
    nlp = load_english()
    annotate_page(clean_page(page_text), nlp)
    assert [(e.text, e.label_) for e in nlp("Lavrov said.").ents] == [("Lavrov", "ORG")]


def test_annotate_page_takes_a_file_or_a_cleaned_page(tmp_path, nlp, monkeypatch):
    monkeypatch.setenv("NEWSTEXT_ROOT", str(tmp_path))
    (tmp_path / "data" / "raw").mkdir(parents=True)
    from_file = annotate_page(RAW_PAGE, nlp)
    from_cleaned = annotate_page(clean_page(read_page(RAW_PAGE)), nlp)
    assert from_file.quotes.equals(from_cleaned.quotes)
    assert from_file.entities.equals(from_cleaned.entities)
    assert (tmp_path / "data" / "processed" / "daily8_rubio_lavrov_2025-07").is_dir()


def test_without_out_each_page_goes_to_its_folder_under_processed(tmp_path, monkeypatch):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    monkeypatch.setenv("NEWSTEXT_ROOT", str(tmp_path))
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_bytes(RAW_PAGE.read_bytes())
    assert main(["annotate", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 0
    processed = tmp_path / "data" / "processed"
    assert sorted(path.name for path in processed.iterdir()) == ["a", "b"]
    assert (processed / "a" / "articles.spacy").is_file()


def test_two_files_of_one_name_are_refused(tmp_path, capsys):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_bytes(RAW_PAGE.read_bytes())
    args = ["annotate", str(tmp_path / "one" / "a.txt"), str(tmp_path / "two" / "a.txt")]
    assert main([*args, "--out", str(tmp_path / "out")]) == 2
    assert "two files are named 'a'" in capsys.readouterr().err


def test_many_pages_go_to_one_folder_each(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("a", "b"):
        (pages / f"{name}.txt").write_bytes(RAW_PAGE.read_bytes())
    assert main(["annotate", str(pages), "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.strip() == f"annotated 2 pages into {tmp_path / 'out'}/"
    first = (tmp_path / "out" / "a" / "quotes.csv").read_bytes()
    assert first == (tmp_path / "out" / "b" / "quotes.csv").read_bytes()


def test_an_empty_folder_is_an_error(tmp_path, capsys):
    assert main(["annotate", str(tmp_path)]) == 2
    assert "is a folder with no .txt pages in it" in capsys.readouterr().err
