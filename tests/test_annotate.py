"""`python -m newstext annotate`: entities and quotations of the course page, raw offsets."""

from __future__ import annotations

import pandas as pd
import pytest
from spacy.tokens import DocBin

from newstext.annotating import annotate_page as annotate_page_module
from newstext.annotating import entity_rules
from newstext.annotating.annotate_page import (
    PageJob,
    annotate_files,
    annotate_job,
    annotate_page,
)
from newstext.cleaning.pipeline import clean_page
from newstext.cleaning.quote_marks import normalise_quotes
from newstext.core.errors import NewstextError
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


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory):
    pages = tmp_path_factory.mktemp("pages")
    for name in ("a", "b"):
        (pages / f"{name}.txt").write_bytes(RAW_PAGE.read_bytes())
    return pages


@pytest.mark.parametrize("n_process", [1, 2])
def test_many_pages_go_to_one_folder_each(two_pages, tmp_path, capsys, n_process):
    out = tmp_path / "out"
    assert main(["annotate", str(two_pages), "--out", str(out), "--n-process", str(n_process)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"annotated 2 pages into {out}/ (")
    assert "2/2" in captured.err  # the progress bar, on stderr
    for name in ("a", "b"):
        assert {path.name for path in (out / name).iterdir()} >= {"quotes.csv", "lines.csv"}
    first = (out / "a" / "quotes.csv").read_bytes()
    assert first == (out / "b" / "quotes.csv").read_bytes()


def test_worker_processes_write_the_same_files_as_one_process(two_pages, tmp_path):
    """Same bytes in every file, page patterns included, whatever the number of processes."""
    patterns = entity_rules.load_patterns(entity_rules.COURSE_PATTERNS)
    written = {}
    for n_process in (1, 2):
        out = tmp_path / str(n_process)
        jobs = [PageJob(page, out / page.stem) for page in sorted(two_pages.glob("*.txt"))]
        summaries = list(annotate_files(jobs, n_process=n_process, patterns=patterns))
        assert [summary.path for summary in summaries] == [job.path for job in jobs]
        written[n_process] = {
            path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()
        }
    assert len(written[1]) > 20
    assert written[2] == written[1]
    entities = pd.read_csv(tmp_path / "2" / "a" / "entities.csv")
    assert "Patriot" in set(entities[entities["label"] == "PRODUCT"]["text"])


@pytest.fixture(scope="module")
def three_pages(tmp_path_factory):
    """Two different pages and the first again, so that a parse stream of two pages holds
    both kinds of page and the last stream holds one."""
    pages = tmp_path_factory.mktemp("three")
    other = RAW_PAGE.parent / "polygraph_rukban_2019-11.txt"
    for name, source in (("a", RAW_PAGE), ("b", other), ("c", RAW_PAGE)):
        (pages / f"{name}.txt").write_bytes(source.read_bytes())
    return sorted(pages.glob("*.txt"))


def written_files(out):
    return {path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()}


def test_pages_parsed_in_one_stream_write_what_page_by_page_writes(
    three_pages, tmp_path, monkeypatch
):
    """One process parses a few pages in one stream (PAGES_PER_PARSE at a time): every file
    has the bytes that annotating each page on its own writes."""
    nlp = load_english()
    alone = tmp_path / "alone"
    with entity_rules.rules_on(nlp):
        for path in three_pages:
            annotate_job(PageJob(path, alone / path.stem), nlp)
    monkeypatch.setattr(annotate_page_module, "PAGES_PER_PARSE", 2)
    together = tmp_path / "together"
    jobs = [PageJob(path, together / path.stem) for path in three_pages]
    summaries = list(annotate_files(jobs, n_process=1))
    assert [summary.path for summary in summaries] == three_pages
    assert len(written_files(alone)) == 3 * 12  # 9 cleaned tables, 2 annotation tables, DocBin
    assert written_files(together) == written_files(alone)


def test_a_page_that_cannot_be_cleaned_stops_the_run_after_the_pages_before_it(
    three_pages, tmp_path
):
    missing = tmp_path / "gone.txt"
    jobs = [PageJob(path, tmp_path / "out" / path.stem) for path in (three_pages[0], missing)]
    jobs.append(PageJob(three_pages[1], tmp_path / "out" / "b"))
    done = []
    with pytest.raises(NewstextError, match="gone.txt"):
        for summary in annotate_files(jobs, n_process=1):
            done.append(summary.path)
    assert done == [three_pages[0]]
    assert (tmp_path / "out" / "a" / "quotes.csv").is_file()
    assert not (tmp_path / "out" / "b").exists()


def test_quiet_prints_nothing(two_pages, tmp_path, capsys):
    assert main(["annotate", str(two_pages), "--out", str(tmp_path), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert (tmp_path / "b" / "entities.csv").is_file()


def test_without_out_each_page_goes_to_its_folder_under_processed(two_pages, tmp_path, monkeypatch):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    monkeypatch.setenv("NEWSTEXT_ROOT", str(tmp_path))
    assert main(["annotate", str(two_pages / "a.txt"), str(two_pages / "b.txt"), "--quiet"]) == 0
    processed = tmp_path / "data" / "processed"
    assert sorted(path.name for path in processed.iterdir()) == ["a", "b"]
    assert (processed / "a" / "articles.spacy").is_file()


def test_two_files_of_one_name_are_refused(two_pages, tmp_path, capsys):
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "a.txt").write_bytes(RAW_PAGE.read_bytes())
    args = ["annotate", str(two_pages / "a.txt"), str(other / "a.txt"), "--out", str(tmp_path)]
    assert main(args) == 2
    assert "two files are named 'a'" in capsys.readouterr().err


def test_an_empty_folder_is_an_error(tmp_path, capsys):
    assert main(["annotate", str(tmp_path)]) == 2
    assert "is a folder with no .txt pages in it" in capsys.readouterr().err


def test_a_bad_file_among_many_stops_before_any_work(two_pages, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    args = ["annotate", str(two_pages / "a.txt"), str(empty), "--out", str(tmp_path / "out")]
    assert main(args) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"error: {empty} is empty (0 bytes): was the page saved?"
    ]
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------------------------------
# --plain: articles that are clean already.
# ---------------------------------------------------------------------------------------

#: A small article written for these tests: curly and straight quotation marks, a line
#: with spaces around it and blank lines between paragraphs.
PLAIN_ARTICLE = (
    "Mayor Ana Ruiz said on Monday that the harbour would reopen \u201cbefore the summer\u201d.\n"
    "\n"
    "   \u201cThe crews are ready, and so is the money,\u201d Ruiz told reporters in Valencia.  \n"
    "The port authority said repairs had cost 4 million euros.\n"
    '"We waited long enough," said Carlos Vega, who runs a ferry company.\n'
)


@pytest.fixture(scope="module")
def plain_out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plain")
    article = folder / "harbour.txt"
    article.write_text(PLAIN_ARTICLE, encoding="utf-8")
    out = folder / "out"
    assert main(["annotate", "--plain", str(article), "--out", str(out), "--quiet"]) == 0
    return out


def test_plain_quotes_point_into_the_article(plain_out):
    quotes = pd.read_csv(plain_out / "quotes.csv", keep_default_na=False)
    assert list(quotes.columns) == ["start", "end", "text", "speaker", "cue"]
    for row in quotes.itertuples():
        assert PLAIN_ARTICLE[row.start : row.end] == row.text
    assert list(quotes["text"]) == [
        "\u201cbefore the summer\u201d",
        "\u201cThe crews are ready, and so is the money,\u201d",
        '"We waited long enough,"',
    ]
    surnames = [speaker.split()[-1] for speaker in quotes["speaker"]]
    assert surnames == ["Ruiz", "Ruiz", "Vega"]  # a speaker for each: the CSV is complete


def test_plain_entities_point_into_the_article(plain_out):
    entities = pd.read_csv(plain_out / "entities.csv", keep_default_na=False)
    assert list(entities.columns) == ["start", "end", "text", "label", "origin"]
    for row in entities.itertuples():
        assert PLAIN_ARTICLE[row.start : row.end] == row.text
    assert "Carlos Vega" in set(entities["text"])
    assert sorted(path.name for path in plain_out.iterdir()) == ["entities.csv", "quotes.csv"]


def test_plain_articles_each_get_a_folder(tmp_path, capsys):
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text(PLAIN_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["annotate", "--plain", str(tmp_path), "--out", str(out), "--quiet"]) == 0
    assert (out / "one" / "quotes.csv").read_bytes() == (out / "two" / "quotes.csv").read_bytes()


def test_plain_bad_input_gets_one_line(tmp_path, capsys):
    html = tmp_path / "page.txt"
    html.write_text("<!DOCTYPE html><html><body>Hi</body></html>", encoding="utf-8")
    assert main(["annotate", "--plain", str(html), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and "HTML" in err[0]
    assert main(["annotate", "--plain", str(tmp_path / "missing.txt")]) == 2
    assert "does not exist" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------
# --patterns: page-specific entity patterns, opt-in.
# ---------------------------------------------------------------------------------------


def test_patterns_file_adds_page_specific_entities(tmp_path):
    if not hasattr(entity_rules, "load_patterns"):
        pytest.skip("entity_rules.load_patterns (the patterns API) is not there yet")
    article = tmp_path / "ferry.txt"
    article.write_text("The Sea Swift left Valencia at noon.\n", encoding="utf-8")
    patterns = tmp_path / "patterns.jsonl"
    patterns.write_text('{"label": "GPE", "pattern": "Valencia", "id": "port"}\n', encoding="utf-8")
    without, with_patterns = tmp_path / "without", tmp_path / "with"
    assert main(["annotate", "--plain", str(article), "--out", str(without), "--quiet"]) == 0
    args = ["annotate", "--plain", str(article), "--out", str(with_patterns), "--quiet"]
    assert main([*args, "--patterns", str(patterns)]) == 0
    before = pd.read_csv(without / "entities.csv")
    after = pd.read_csv(with_patterns / "entities.csv")
    assert list(before[before["text"] == "Valencia"]["origin"]) == ["model"]
    found = after[after["text"] == "Valencia"]
    assert list(found["label"]) == ["GPE"] and list(found["origin"]) == ["rule"]


def test_a_bad_patterns_file_gets_one_line(tmp_path, capsys):
    if not hasattr(entity_rules, "load_patterns"):
        pytest.skip("entity_rules.load_patterns (the patterns API) is not there yet")
    article = tmp_path / "ferry.txt"
    article.write_text("The Sea Swift left Valencia at noon.\n", encoding="utf-8")
    patterns = tmp_path / "patterns.jsonl"
    patterns.write_text('{"label": "PRODUCT"}\n', encoding="utf-8")
    for bad in (patterns, tmp_path / "missing.jsonl"):
        args = ["annotate", "--plain", str(article), "--patterns", str(bad)]
        assert main([*args, "--out", str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("error:") and str(bad) in err[0]
    assert not (tmp_path / "out").exists()
