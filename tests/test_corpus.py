"""page_docs.py: a cleaned page, its CSV files in its own folder, one Doc per article, and
raw offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstext.cleaning.line_scores import load_line_labels
from newstext.cleaning.pipeline import OUTPUT_FILES, clean_file, clean_page, output_dir
from newstext.cleaning.quote_marks import normalise_quotes
from newstext.core.errors import NewstextError
from newstext.core.paths import RAW_PAGE, page_dir, page_name
from newstext.exploring import page_docs as page_docs_module
from newstext.exploring.page_docs import (
    ARTICLES_FILE,
    as_cleaned,
    cleaned_page,
    course_docs,
    page_docs,
    raw_span,
)

PAGES = Path(__file__).parent / "pages"
OTHER_PAGE = PAGES / "valley_times_council_budget.txt"


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """An empty project folder that ``project_root`` finds: generated files go there."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "data" / "raw").mkdir(parents=True)
    monkeypatch.setenv("NEWSTEXT_ROOT", str(tmp_path))
    return tmp_path


def test_a_page_is_named_after_its_file():
    assert page_name(RAW_PAGE) == "daily8_rubio_lavrov_2025-07"
    assert page_name("data/raw/own/my page.txt") == "my page"


def test_each_page_writes_to_its_own_folder(project):
    course = cleaned_page()
    other = cleaned_page(OTHER_PAGE)
    processed = project / "data" / "processed"
    assert sorted(path.name for path in processed.iterdir()) == [
        "daily8_rubio_lavrov_2025-07",
        "valley_times_council_budget",
    ]
    assert (processed / "daily8_rubio_lavrov_2025-07" / ARTICLES_FILE).is_file()
    assert (processed / "valley_times_council_budget" / ARTICLES_FILE).is_file()
    assert course.path == RAW_PAGE and other.path == OTHER_PAGE
    assert output_dir(other) == page_dir(OTHER_PAGE) == processed / "valley_times_council_budget"


def test_a_page_cleaned_from_text_has_no_folder_of_its_own(page_text):
    with pytest.raises(NewstextError, match="no name"):
        output_dir(clean_page(page_text))


def test_as_cleaned_takes_a_file_or_a_cleaned_page(project):
    cleaned = clean_file(OTHER_PAGE)
    assert as_cleaned(cleaned) is cleaned
    assert list(as_cleaned(OTHER_PAGE).articles["headline"]) == list(cleaned.articles["headline"])


def test_page_docs_parses_a_page_once_per_process(project, monkeypatch):
    monkeypatch.setattr(page_docs_module, "_PAGE_DOCS", {})
    cleaned, docs = page_docs(OTHER_PAGE)
    assert page_docs(OTHER_PAGE)[1] is docs
    assert [doc.user_data["role"] for doc in docs] == list(cleaned.articles["role"])
    assert course_docs() is page_docs(RAW_PAGE)


def test_page_docs_reads_a_changed_page_again(project, monkeypatch, tmp_path):
    monkeypatch.setattr(page_docs_module, "_PAGE_DOCS", {})
    page = tmp_path / "own.txt"
    page.write_text(OTHER_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    first = page_docs(page)
    page.write_text(OTHER_PAGE.read_text(encoding="utf-8") + "\nOne more line.", encoding="utf-8")
    assert page_docs(page) is not first


def test_cleaned_page_writes_the_csv_files_when_they_are_missing(tmp_path):
    cleaned_page(out_dir=tmp_path)
    written = sorted(path.name for path in tmp_path.iterdir())
    expected = sorted(name for table, name in OUTPUT_FILES.items() if table != "glitches")
    assert written == expected


def test_cleaned_page_never_overwrites_an_existing_articles_csv(tmp_path):
    (tmp_path / ARTICLES_FILE).write_text("kept by hand\n", encoding="utf-8")
    cleaned = cleaned_page(out_dir=tmp_path)
    assert (tmp_path / ARTICLES_FILE).read_text(encoding="utf-8") == "kept by hand\n"
    assert [path.name for path in tmp_path.iterdir()] == [ARTICLES_FILE]  # nothing else either
    assert list(cleaned.articles["article_id"]) == [1, 2, 3]


def test_article_docs_are_in_article_order_with_their_ids_and_roles(docs):
    assert [doc.user_data["article_id"] for doc in docs] == [1, 2, 3]
    assert [doc.user_data["role"] for doc in docs] == ["main", "related", "related"]


def test_each_doc_text_is_its_paragraphs_joined_by_newlines(cleaned, docs):
    for doc in docs:
        rows = cleaned.paragraphs[cleaned.paragraphs["article_id"] == doc.user_data["article_id"]]
        texts = list(rows.sort_values("paragraph_no")["text"])
        assert doc.text == "\n".join(texts)
        assert [span.text for span in doc.spans["paragraphs"]] == texts


def test_paragraph_spans_match_the_paragraphs_table(cleaned, docs):
    main_lines = load_line_labels().query("action == 'keep' and article_id == 1")
    assert len(docs[0].spans["paragraphs"]) == len(main_lines) == 13  # the hand labels
    by_article = cleaned.paragraphs.groupby("article_id").size()
    assert [len(doc.spans["paragraphs"]) for doc in docs] == list(by_article)


def test_raw_span_maps_every_token_back_to_the_raw_page(cleaned, docs):
    for doc in docs:
        for token in doc:
            if token.is_space and token.text == "\n":
                continue  # the newline joining two paragraphs is in no paragraph
            start, end = raw_span(cleaned, doc, token)
            assert normalise_quotes(cleaned.raw[start:end]) == token.text


def test_raw_span_of_a_span_and_of_a_name(cleaned, docs):
    main = docs[0]
    lavrov = next(ent for ent in main.ents if ent.text == "Sergey Lavrov")
    start, end = raw_span(cleaned, main, lavrov)
    assert cleaned.raw[start:end] == "Sergey Lavrov"
    assert cleaned.raw.count("\n", 0, start) + 1 == 7  # the main article's first body line


def test_raw_span_undoes_a_removed_caption(cleaned, docs):
    """In the First Post article a caption was cut out between two sentences: the token
    after the cut still maps to its own raw place."""
    first_post = docs[1]
    token = next(token for token in first_post if token.text == "announced")
    start, end = raw_span(cleaned, first_post, token)
    assert cleaned.raw[start:end] == "announced"
    assert "Monday, April. 19, 2021" in cleaned.raw[:start]
    assert "Monday, April. 19, 2021" not in first_post.text


def test_raw_span_refuses_the_newline_between_paragraphs(cleaned, docs):
    newline = next(token for token in docs[0] if token.text == "\n")
    with pytest.raises(ValueError, match="not inside a paragraph"):
        raw_span(cleaned, docs[0], newline)


def test_only_articles_keeps_their_rows_in_every_table(cleaned):
    main = page_docs_module.only_articles(cleaned, [1])
    assert list(main.articles["article_id"]) == [1]
    for name, table in main.tables().items():
        if name != "log" and "article_id" in table.columns:
            assert set(table["article_id"]) <= {1}, name
    assert len(main.paragraphs) == (cleaned.paragraphs["article_id"] == 1).sum()
    assert main.raw == cleaned.raw and main.log.equals(cleaned.log)


def test_page_docs_of_some_articles_parses_only_them(project, monkeypatch):
    monkeypatch.setattr(page_docs_module, "_PAGE_DOCS", {})
    cleaned, docs = course_docs()
    main, main_docs = course_docs(articles=[1])
    assert [doc.user_data["article_id"] for doc in main_docs] == [1]
    assert main_docs[0].to_json() == docs[0].to_json()
    assert list(main.articles["article_id"]) == [1]
    assert course_docs(articles=[1])[1] is main_docs  # remembered apart from the whole page


def test_annotate_page_reuses_the_paragraphs_page_docs_parsed(project, monkeypatch, request):
    """Notebook 05 parses a page with page_docs, then annotates it: the model does not read
    the page a second time, and the tables are those of a fresh parse."""
    from weakref import WeakKeyDictionary

    from newstext.annotating.annotate_page import annotate_page
    from newstext.core import doc_cache

    monkeypatch.setattr(page_docs_module, "_PAGE_DOCS", {})
    monkeypatch.setattr(doc_cache, "_PARSED", WeakKeyDictionary())  # nothing parsed yet
    fresh = annotate_page(OTHER_PAGE)  # parsed with nlp.pipe, and not remembered
    cleaned, _ = page_docs(OTHER_PAGE)
    asked = request.getfixturevalue("texts_sent_to_pipe")  # the spy starts here
    again = annotate_page(cleaned)
    assert asked == []
    assert again.entities.equals(fresh.entities)
    assert again.quotes.equals(fresh.quotes)
