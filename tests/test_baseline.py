"""textacy's direct_quotations beside ours, on the main article."""

import pytest

from newstext.annotating.quotations import extract_quotes, quotes_table
from newstext.annotating.textacy_baseline import compare_quotes, textacy_quotes
from newstext.core.model import load_english
from newstext.exploring.page_docs import article_docs, cleaned_page


@pytest.fixture(scope="module")
def comparison():
    main_doc = article_docs(cleaned_page(), load_english())[0]
    ours = quotes_table(extract_quotes(main_doc, article_id=1))
    return textacy_quotes(main_doc), compare_quotes(ours, textacy_quotes(main_doc))


def test_textacy_finds_seven_of_the_twelve_quotations(comparison):
    theirs, table = comparison
    assert len(theirs) == 7
    assert table["found_by"].value_counts().to_dict() == {"both": 7, "ours": 5}


def test_textacy_leaves_pronouns_and_misses_partial_quotes(comparison):
    theirs, table = comparison
    by_quote = table.set_index("quote")
    assert by_quote.loc['"I don\'t want to overpromise,"', "textacy_speaker"] == "he"
    assert by_quote.loc['"I don\'t want to overpromise,"', "ours_speaker"] == "Marco Rubio"
    assert by_quote.loc['"time and patience,"', "found_by"] == "ours"
    assert list(theirs.columns) == ["quote", "cue", "speaker_text", "start_char", "end_char"]
