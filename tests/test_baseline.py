"""textacy's direct_quotations beside ours, called one paragraph at a time."""

import pytest

from newstext.annotating.quotations import extract_quotes, quotes_table
from newstext.annotating.textacy_baseline import compare_quotes, textacy_quotes
from newstext.core.doc_cache import doc_from_paragraphs
from newstext.core.model import load_english
from newstext.exploring.page_docs import article_docs, cleaned_page


@pytest.fixture(scope="module")
def main_doc():
    return article_docs(cleaned_page(), load_english())[0]


@pytest.fixture(scope="module")
def comparison(main_doc):
    ours = quotes_table(extract_quotes(main_doc, article_id=1))
    theirs = textacy_quotes(main_doc)
    return theirs, compare_quotes(ours, theirs)


def test_textacy_finds_six_of_the_twelve_quotations(comparison):
    theirs, table = comparison
    assert len(theirs) == 6
    assert table["found_by"].value_counts().to_dict() == {"both": 6, "ours": 6}


def test_textacy_leaves_pronouns_and_misses_partial_quotes(comparison):
    theirs, table = comparison
    by_quote = table.set_index("quote")
    assert by_quote.loc['"I don\'t want to overpromise,"', "textacy_speaker"] == "he"
    assert by_quote.loc['"I don\'t want to overpromise,"', "ours_speaker"] == "Marco Rubio"
    assert by_quote.loc['"time and patience,"', "found_by"] == "ours"
    assert list(theirs.columns) == ["quote", "cue", "speaker_text", "start_char", "end_char"]


def test_offsets_point_into_the_article(main_doc, comparison):
    theirs, _ = comparison
    for row in theirs.itertuples():
        assert main_doc.text[row.start_char : row.end_char] == row.quote


def test_per_paragraph_survives_a_quotation_left_open(nlp):
    paragraphs = [
        'Ann Lee spoke first. "We will win the cup, she said, and',
        '"The team played a great final match," Lee said afterwards.',
    ]
    doc = doc_from_paragraphs(nlp, paragraphs)
    assert textacy_quotes(doc, per_paragraph=False).empty  # an odd number of marks
    theirs = textacy_quotes(doc)
    assert list(theirs["quote"]) == ['"The team played a great final match,"']
    assert list(theirs["speaker_text"]) == ["Lee"]
