"""corpus.py: the cleaned page, its CSV files, one Doc per article, and raw offsets."""

from __future__ import annotations

import pytest

from newstext.cleaning.line_scores import load_line_labels
from newstext.cleaning.pipeline import OUTPUT_FILES
from newstext.cleaning.quote_marks import normalise_quotes
from newstext.exploring.page_docs import ARTICLES_FILE, cleaned_page, raw_span


def test_cleaned_page_writes_the_csv_files_when_they_are_missing(tmp_path):
    cleaned_page(tmp_path)
    written = sorted(path.name for path in tmp_path.iterdir())
    expected = sorted(name for table, name in OUTPUT_FILES.items() if table != "glitches")
    assert written == expected


def test_cleaned_page_never_overwrites_an_existing_articles_csv(tmp_path):
    (tmp_path / ARTICLES_FILE).write_text("kept by hand\n", encoding="utf-8")
    cleaned = cleaned_page(tmp_path)
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
