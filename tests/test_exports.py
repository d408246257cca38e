"""Exports of the annotated main article: every format written and read back unchanged."""

from __future__ import annotations

import json

import pytest

from newstext.core.paths import annotations_dir, raw_dir
from newstext.evaluating import exports
from newstext.evaluating.adjudication import merge_gold
from newstext.evaluating.exports import (
    FORMATS,
    AnnotatedText,
    ExportError,
    LabelledSpan,
    annotated_docs,
    annotated_text,
    annotated_texts,
    entity_tags,
    export_all,
    read_back,
    read_brat,
    read_conllu,
    read_docbin,
    round_trip_table,
    write_brat,
    write_conllu,
    write_prodigy,
)
from newstext.evaluating.reference import load_annotator, load_reference


@pytest.fixture(scope="module")
def gold():
    reference = load_reference()
    return merge_gold(load_annotator("a"), load_annotator("b"), quotes_from=reference)


@pytest.fixture(scope="module")
def docs(gold, nlp):
    return annotated_docs(gold, nlp)


@pytest.fixture(scope="module")
def texts(gold):
    return annotated_texts(gold)


@pytest.fixture(scope="module")
def written(gold, nlp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    return export_all(gold, folder, nlp=nlp)


def test_the_documents_hold_the_gold(texts, docs):
    assert len(texts) == len(docs) == 13
    assert sum(len(t.entities) for t in texts) == 51
    assert sum(len(t.quotes) for t in texts) == 12
    assert [annotated_text(doc) for doc in docs] == texts
    assert texts[0].meta == {"paragraph": 1, "line": 7, "raw_start": 232}
    assert docs[7].spans["quotes"][0]._.speaker == "Donald Trump"


@pytest.mark.parametrize("kind", FORMATS)
def test_every_format_round_trips(kind, written, texts, nlp):
    back = read_back(kind, written[kind], nlp.vocab)
    assert [t.text for t in back] == [t.text for t in texts]
    if kind in exports.ENTITY_ONLY_FORMATS:
        assert [t.spans for t in back] == [t.entities for t in texts]
    else:
        assert [t.spans for t in back] == [t.spans for t in texts]
    if kind != "brat":  # brat has no room for meta data
        assert [t.meta for t in back] == [t.meta for t in texts]


def test_round_trip_table(gold, nlp, tmp_path):
    table = round_trip_table(gold, tmp_path, nlp)
    assert table["format"].tolist() == list(FORMATS)
    assert table[["same_text", "same_spans", "same_labels"]].all().all()
    assert table.set_index("format").loc["bio", "spans"] == 51
    assert table.set_index("format").loc["conllu", "spans"] == 63


def test_docbin_keeps_the_parse_and_the_speakers(written, docs, nlp):
    back = read_docbin(written["docbin"], nlp.vocab)
    assert [t.dep_ for t in back[0]] == [t.dep_ for t in docs[0]]
    speakers = [span._.speaker for doc in back for span in doc.spans["quotes"]]
    assert speakers.count("Marco Rubio") == 7 and speakers.count("Donald Trump") == 3


def test_conllu_has_ten_columns_and_the_comments(written):
    text = written["conllu"].read_text(encoding="utf-8")
    lines = text.splitlines()
    rows = [line for line in lines if line and not line.startswith("#")]
    assert all(len(row.split("\t")) == 10 for row in rows)
    assert len(rows) == 418  # no whitespace token on this page
    assert lines[:6] == ["# newdoc id = paragraph-1", "# paragraph = 1", "# line = 7",
                         "# raw_start = 232", "# sent_id = 1-1",
                         "# text = " + load_reference()[0].text]
    assert rows[4].split("\t")[1:] == ["Marco", "Marco", "PROPN", "NNP", "Number=Sing", "6",
                                       "compound", "_", "NER=B-PERSON"]
    assert text.count("# sent_id") == 21  # sentences: 1 1 1 1 1 2 2 1 2 4 1 2 2
    assert text.endswith("\n\n")


def test_conllu_reader_gives_the_parse_back(written, docs, nlp):
    back = read_conllu(written["conllu"], nlp.vocab)
    for original, copy in zip(docs, back, strict=True):
        assert [t.text for t in copy] == [t.text for t in original]
        assert [t.head.i for t in copy] == [t.head.i for t in original]
        assert [t.dep_ for t in copy] == [t.dep_ for t in original]
        assert [t.lemma_ for t in copy] == [t.lemma_ for t in original]
        assert [t.pos_ for t in copy] == [t.pos_ for t in original]
        assert [s.text for s in copy.sents] == [s.text for s in original.sents]
        assert [(e.text, e.label_) for e in copy.ents] == [
            (e.text, e.label_) for e in original.ents]


def test_conllu_skips_whitespace_tokens_and_gets_them_back(nlp, tmp_path):
    text = 'Marco  Rubio said "it  works"  today.'
    doc = nlp(text)
    doc.ents = [doc.char_span(0, 12, label="PERSON")]
    doc.spans["quotes"] = [doc.char_span(18, 29, label="QUOTE")]
    path = write_conllu([doc], tmp_path, "spaces")
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r and r[0] != "#"]
    assert len(rows) == len([t for t in doc if not t.is_space]) == 9
    assert rows[0].endswith("NER=B-PERSON|SpacesAfter=\\s\\s")
    back = read_conllu(path, nlp.vocab)[0]
    assert back.text == text
    assert annotated_text(back) == annotated_text(doc)
    assert [t.head.i for t in back] == [t.head.i for t in doc]


@pytest.mark.parametrize("text", ["Rubio\tsaid it.", "He left.  Then he came back.\n\nOK | no."])
def test_conllu_keeps_tabs_newlines_and_pipes(nlp, tmp_path, text):
    path = write_conllu([nlp(text)], tmp_path, "odd")
    back = read_conllu(path, nlp.vocab)[0]
    assert back.text == text
    assert [t.dep_ for t in back if not t.is_space] == [t.dep_ for t in nlp(text) if not t.is_space]


def test_bio_and_biluo_tags(docs):
    assert entity_tags(docs[0], "BIO")[:6] == ["B-GPE", "O", "O", "O", "B-PERSON", "I-PERSON"]
    assert entity_tags(docs[0], "BILUO")[:6] == ["U-GPE", "O", "O", "O", "B-PERSON",
                                                 "L-PERSON"]
    with pytest.raises(ExportError, match="unknown tag scheme"):
        entity_tags(docs[0], "IOB2")


def test_brat_files(written, texts, page_text):
    ann = written["brat"]
    assert ann.with_suffix(".txt").read_text(encoding="utf-8") == (
        "\n".join(page_text.split("\n")[6:19]) + "\n")
    lines = ann.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "T2\tPERSON 22 33\tMarco Rubio"
    assert len(lines) == 63
    assert read_brat(ann) == texts


def test_brat_reader_checks_the_text(tmp_path):
    ann = write_brat([AnnotatedText("Rubio said.", (LabelledSpan(0, 5, "PERSON"),))], tmp_path)
    ann.write_text("T1\tPERSON 0 5\tLavro\n", encoding="utf-8")
    with pytest.raises(ExportError, match="is not the text"):
        read_brat(ann)


def test_prodigy_and_doccano_records(written, tmp_path, texts, nlp):
    prodigy = json.loads(written["prodigy"].read_text(encoding="utf-8").splitlines()[0])
    assert list(prodigy) == ["text", "tokens", "spans", "meta"]
    assert prodigy["spans"][1] == {"start": 22, "end": 33, "label": "PERSON",
                                   "token_start": 4, "token_end": 5}
    doccano = json.loads(written["doccano"].read_text(encoding="utf-8").splitlines()[0])
    assert doccano["label"][1] == [22, 33, "PERSON"]
    assert doccano["paragraph"] == 1
    plain = write_prodigy(texts, tmp_path, "plain")
    first = json.loads(plain.read_text(encoding="utf-8").splitlines()[0])
    assert "tokens" not in first and "token_start" not in first["spans"][0]


@pytest.mark.parametrize("protected", ["annotations", "raw"])
def test_writers_refuse_the_annotation_and_raw_folders(texts, protected):
    folder = annotations_dir() if protected == "annotations" else raw_dir()
    with pytest.raises(ExportError, match="never written"):
        write_brat(texts, folder)
    with pytest.raises(ExportError, match="never written"):
        write_brat(texts, folder / "sub")


def test_the_default_folder_is_under_processed(monkeypatch, tmp_path, texts):
    monkeypatch.setattr(exports, "exports_dir", lambda: tmp_path / "exports")
    assert write_brat(texts) == tmp_path / "exports" / "main_article.ann"


def test_each_page_has_its_own_exports_folder(monkeypatch, tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    monkeypatch.setenv("NEWSTEXT_ROOT", str(tmp_path))
    processed = tmp_path / "data" / "processed"
    assert exports.exports_dir() == processed / "daily8_rubio_lavrov_2025-07" / "exports"
    own = tmp_path / "data" / "raw" / "own" / "my_page.txt"
    assert exports.exports_dir(own) == processed / "my_page" / "exports"


@pytest.mark.parametrize("name", ["", "..", "../escape", "sub/name"])
def test_writers_refuse_a_name_with_a_folder(texts, tmp_path, name):
    with pytest.raises(ExportError, match="not a file name"):
        write_brat(texts, tmp_path, name)
