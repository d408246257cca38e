"""parse(): the same Docs as nlp.pipe, the model run once per text, the rules always afresh;
the model's Docs saved between kernels in data/processed/parses/."""

from weakref import WeakKeyDictionary

import pytest
import spacy
from spacy.tokens import Doc

from newstext.annotating.entity_rules import COURSE_PATTERNS, RULE_PIPES, rules_on
from newstext.core import doc_cache as parsing


def layers(doc):
    """What a Doc says about its tokens and entities, to compare two Docs."""
    tokens = [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_) for t in doc]
    return tokens, [(e.start, e.end, e.label_, e.id_) for e in doc.ents]


def paragraph_texts(cleaned):
    return [text + "\n" for text in cleaned.paragraphs["text"]]


def test_parse_gives_what_nlp_pipe_gives_on_the_course_page(nlp, cleaned):
    texts = paragraph_texts(cleaned)
    expected = [layers(doc) for doc in nlp.pipe(texts)]
    assert [layers(doc) for doc in parsing.parse(nlp, texts)] == expected
    assert [layers(doc) for doc in parsing.parse(nlp, texts)] == expected  # from memory


def test_with_the_rules_on_it_gives_what_nlp_pipe_gives(nlp, cleaned):
    texts = paragraph_texts(cleaned)
    parsing.parse(nlp, texts)  # the model's Docs are remembered
    with rules_on(nlp, patterns=COURSE_PATTERNS):
        expected = [layers(doc) for doc in nlp.pipe(texts)]
        ruled = parsing.parse(nlp, texts)
    assert [layers(doc) for doc in ruled] == expected
    assert any(ent.id_ for doc in ruled for ent in doc.ents)  # the rules did change entities
    assert [name for name in RULE_PIPES if name in nlp.pipe_names] == []  # off again


def test_a_text_read_before_is_not_parsed_again(nlp, cleaned, request):
    texts = paragraph_texts(cleaned)[:5]
    parsing.parse(nlp, texts)
    asked = request.getfixturevalue("texts_sent_to_pipe")  # the spy starts here
    parsing.parse(nlp, texts + ["A sentence the model has not read yet."])
    assert asked == ["A sentence the model has not read yet."]


def test_each_call_gets_its_own_copy(nlp):
    first = parsing.parse(nlp, ["Marco Rubio met Sergey Lavrov in Kuala Lumpur."])[0]
    first.ents = []
    again = parsing.parse(nlp, ["Marco Rubio met Sergey Lavrov in Kuala Lumpur."])[0]
    assert [ent.text for ent in again.ents] == ["Marco Rubio", "Sergey Lavrov", "Kuala Lumpur"]


def test_a_rule_changed_between_two_calls_is_run_again():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PRODUCT", "pattern": "Patriot"}])
    text = "Patriot and Shahed systems."
    assert [e.text for e in parsing.parse(nlp, [text])[0].ents] == ["Patriot"]
    ruler.add_patterns([{"label": "PRODUCT", "pattern": "Shahed"}])
    assert [e.text for e in parsing.parse(nlp, [text])[0].ents] == ["Patriot", "Shahed"]


def test_model_prefix_stops_at_the_first_rule(nlp):
    with rules_on(nlp):
        assert parsing.model_prefix(nlp) == tuple(nlp.pipe_names[: -len(RULE_PIPES)])
    assert parsing.model_prefix(nlp) == tuple(nlp.pipe_names)


def test_parsed_before_gives_what_parse_gives_for_known_texts_and_none_for_new(nlp, cleaned):
    texts = paragraph_texts(cleaned)[:4]
    parsing.parse(nlp, texts)
    with rules_on(nlp, patterns=COURSE_PATTERNS):
        expected = [layers(doc) for doc in nlp.pipe(texts)]
        found = parsing.parsed_before(nlp, [*texts, "No test parses this sentence first."])
    assert [layers(doc) for doc in found[:-1]] == expected
    assert found[-1] is None
    before = len(parsing._PARSED[nlp])
    parsing.parsed_before(nlp, ["Another sentence nobody parsed."])
    assert len(parsing._PARSED[nlp]) == before  # it only looks: nothing parsed, nothing kept


# ---------------------------------------------------------------------------------------
# Saved between kernels.
# ---------------------------------------------------------------------------------------


def full_layers(doc):
    """:func:`layers`, with the norms and sentence starts, all a saved Doc must keep."""
    tokens, ents = layers(doc)
    more = [(t.norm_, t.is_sent_start, t.morph.to_json(), t.whitespace_) for t in doc]
    return tokens, ents, more


@pytest.fixture
def saved_parses(tmp_path, monkeypatch):
    """Saved parses switched on, in a project of their own; the memory of this process
    emptied (as in a new kernel). Returns the folder the files go to."""
    (tmp_path / "data" / "processed").mkdir(parents=True)
    monkeypatch.setenv("NEWSTEXT_ROOT", str(tmp_path))
    monkeypatch.setenv("NEWSTEXT_PARSE_CACHE", "1")
    monkeypatch.setattr(parsing, "_PARSED", WeakKeyDictionary())
    return tmp_path / "data" / "processed" / parsing.PARSES_FOLDER


def new_kernel(monkeypatch):
    """Forget what this process parsed, as a restarted kernel does."""
    monkeypatch.setattr(parsing, "_PARSED", WeakKeyDictionary())


def test_a_new_kernel_loads_the_saved_parse_instead_of_parsing(
    nlp, cleaned, saved_parses, monkeypatch, request
):
    texts = paragraph_texts(cleaned)[:6]
    expected = [full_layers(doc) for doc in nlp.pipe(texts)]
    assert [full_layers(doc) for doc in parsing.parse(nlp, texts)] == expected
    assert len(list(saved_parses.glob("*.spacy"))) == 1
    new_kernel(monkeypatch)
    asked = request.getfixturevalue("texts_sent_to_pipe")
    assert [full_layers(doc) for doc in parsing.parse(nlp, texts)] == expected
    assert asked == []  # loaded, not parsed


def test_a_loaded_paragraph_joins_a_parsed_one(nlp, saved_parses, monkeypatch):
    loaded = ["Marco Rubio met Sergey Lavrov.\n"]
    parsing.parse(nlp, loaded)
    new_kernel(monkeypatch)
    parsed = ["They spoke in Kuala Lumpur."]
    parsing.parse(nlp, parsed)  # in memory, fresh from the model
    article = Doc.from_docs(parsing.parse(nlp, loaded + parsed), ensure_whitespace=False)
    assert article.text == "Marco Rubio met Sergey Lavrov.\nThey spoke in Kuala Lumpur."
    assert [ent.text for ent in article.ents] == ["Marco Rubio", "Sergey Lavrov", "Kuala Lumpur"]


def test_a_paragraph_parsed_before_joins_one_fresh_from_the_model(nlp):
    before = parsing.parse(nlp, ["Marco Rubio met Sergey Lavrov.\n"])  # no tensor
    fresh = list(nlp.pipe(["They spoke in Kuala Lumpur."]))  # as parse_pages gets them
    article = parsing.join_paragraph_docs(
        before + fresh, ["Marco Rubio met Sergey Lavrov.", "They spoke in Kuala Lumpur."]
    )
    assert [ent.text for ent in article.ents] == ["Marco Rubio", "Sergey Lavrov", "Kuala Lumpur"]


def test_a_damaged_saved_parse_is_parsed_again_and_replaced(
    nlp, saved_parses, monkeypatch, request
):
    texts = ["Marco Rubio met Sergey Lavrov in Kuala Lumpur."]
    parsing.parse(nlp, texts)
    (saved,) = saved_parses.glob("*.spacy")
    saved.write_bytes(b"not a DocBin")
    new_kernel(monkeypatch)
    asked = request.getfixturevalue("texts_sent_to_pipe")
    doc = parsing.parse(nlp, texts)[0]
    assert [ent.text for ent in doc.ents] == ["Marco Rubio", "Sergey Lavrov", "Kuala Lumpur"]
    assert asked == texts
    new_kernel(monkeypatch)
    asked.clear()
    parsing.parse(nlp, texts)
    assert asked == []  # the file was written again, whole


def test_saved_parses_switched_off_write_nothing(nlp, saved_parses, monkeypatch):
    monkeypatch.setenv("NEWSTEXT_PARSE_CACHE", "0")
    parsing.parse(nlp, ["Nothing of this is saved."])
    assert not saved_parses.exists()


def test_a_folder_that_cannot_be_written_is_no_error(nlp, saved_parses):
    saved_parses.write_text("a file where the folder should be", encoding="utf-8")
    doc = parsing.parse(nlp, ["Sergey Lavrov spoke."])[0]
    assert [ent.text for ent in doc.ents] == ["Sergey Lavrov"]


def test_a_blank_pipeline_saves_nothing(saved_parses):
    parsing.parse(spacy.blank("en"), ["Only a tokenizer reads this."])
    assert not saved_parses.exists()
