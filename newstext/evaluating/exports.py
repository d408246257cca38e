"""Writing the annotated main article in the formats annotation tools read, and reading it back.

**One document per paragraph.** The reference, the model's scores and the annotators all
work paragraph by paragraph, so every export holds the 13 paragraphs as 13 documents, in
order, with paragraph-relative offsets. Each document keeps its ``paragraph``, raw ``line``
and ``raw_start`` (add it to an offset to get a raw-page offset) wherever the format has
room for them. brat shows one document per ``.txt`` file, so the brat export is the one
exception: one ``.txt`` holding the paragraphs joined by newlines (for the main article,
exactly raw lines 7 to 19), and its reader splits it back into paragraphs.

What is written: the entities (gold labels) and the quotations as spans labelled ``QUOTE``.
BIO and BILUO tags give each token one tag, and quotations contain entities, so those two
formats carry the entities only.

- spaCy ``DocBin`` (``.spacy``): :func:`write_docbin`, :func:`read_docbin` -> ``Doc``;
  tokens, parse, entities, quotations with their speakers, meta data.
- Prodigy JSONL: :func:`write_prodigy`, :func:`read_prodigy` -> :class:`AnnotatedText`;
  ``text``, ``spans``, ``tokens`` (optional), ``meta``.
- doccano JSONL: :func:`write_doccano`, :func:`read_doccano` -> :class:`AnnotatedText`;
  ``text``, ``label`` triples, meta keys.
- CoNLL-U: :func:`write_conllu`, :func:`read_conllu` -> ``Doc``; sentences, tokens, lemma,
  POS, head, dependency label, entities and quotations in MISC.
- BIO / BILUO: :func:`write_tags`, :func:`read_tags` -> ``Doc``; tokens and entity tags.
- brat standoff: :func:`write_brat`, :func:`read_brat` -> :class:`AnnotatedText`; text, spans.

Character-based formats take and give :class:`AnnotatedText`; token-based ones take and
give spaCy ``Doc`` objects (:func:`annotated_docs` builds them). Writers write into a
folder (by default the course page's, ``data/processed/<page name>/exports/``; another
page's is ``exports_dir(page)``) and refuse ``data/raw`` and
``data/annotations``; they replace an earlier export of the same name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span, Token
from spacy.training import (
    biluo_tags_to_offsets,
    biluo_to_iob,
    iob_to_biluo,
    offsets_to_biluo_tags,
)
from spacy.vocab import Vocab

from newstext.annotating.quotations import QUOTE_LABEL, QUOTES_KEY
from newstext.cleaning.pipeline import CleanedPage, output_dir
from newstext.core.doc_cache import parse
from newstext.core.errors import NewstextError
from newstext.core.model import load_english
from newstext.core.paths import RAW_PAGE, annotations_dir, raw_dir
from newstext.evaluating.reference import ReferenceParagraph

DEFAULT_NAME = "main_article"
EXPORTS_FOLDER_NAME = "exports"

#: The document facts every export keeps where it can (``doc.user_data`` in a ``Doc``).
META_KEYS = ("paragraph", "line", "raw_start")

#: File endings of each format.
SUFFIXES = {
    "docbin": ".spacy",
    "prodigy": ".prodigy.jsonl",
    "doccano": ".doccano.jsonl",
    "conllu": ".conllu",
    "bio": ".bio.tsv",
    "biluo": ".biluo.tsv",
    "brat": ".ann",
}

SCHEMES = ("BIO", "BILUO")


class ExportError(NewstextError):
    """An export cannot be written or read back."""


@dataclass(frozen=True, order=True)
class LabelledSpan:
    """A labelled stretch of a document's text: character offsets, end exclusive."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class AnnotatedText:
    """One document: its text, its spans (entities and ``QUOTE`` spans) and its meta data."""

    text: str
    spans: tuple[LabelledSpan, ...]
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def entities(self) -> tuple[LabelledSpan, ...]:
        return tuple(span for span in self.spans if span.label != QUOTE_LABEL)

    @property
    def quotes(self) -> tuple[LabelledSpan, ...]:
        return tuple(span for span in self.spans if span.label == QUOTE_LABEL)


# ---------------------------------------------------------------------------------------
# From the annotations to documents.
# ---------------------------------------------------------------------------------------


def paragraph_meta(paragraph: ReferenceParagraph) -> dict:
    """``paragraph``, ``line`` and ``raw_start`` of a paragraph."""
    return {"paragraph": paragraph.paragraph, "line": paragraph.line,
            "raw_start": paragraph.start}


def annotated_texts(paragraphs: Sequence[ReferenceParagraph]) -> list[AnnotatedText]:
    """One :class:`AnnotatedText` per paragraph: entities and quotations, paragraph offsets."""
    texts = []
    for paragraph in paragraphs:
        spans = [
            LabelledSpan(e.start - paragraph.start, e.end - paragraph.start, e.label)
            for e in paragraph.entities
        ]
        spans += [
            LabelledSpan(q.start - paragraph.start, q.end - paragraph.start, QUOTE_LABEL)
            for q in paragraph.quotes
        ]
        texts.append(AnnotatedText(paragraph.text, tuple(sorted(spans)),
                                   paragraph_meta(paragraph)))
    return texts


def annotated_docs(
    paragraphs: Sequence[ReferenceParagraph], nlp: Language | None = None
) -> list[Doc]:
    """One parsed ``Doc`` per paragraph carrying the annotations, not the model's entities.

    ``doc.ents`` are the paragraph's entities; ``doc.spans["quotes"]`` its quotations, with
    ``span._.speaker``, ``span._.speaker_text`` and ``span._.cue``; ``doc.user_data`` its
    ``paragraph``, ``line`` and ``raw_start``.
    """
    nlp = nlp if nlp is not None else load_english()
    docs = []
    for paragraph, doc in zip(paragraphs, parse(nlp, [p.text for p in paragraphs]), strict=True):
        doc.ents = [_span(doc, e.start - paragraph.start, e.end - paragraph.start, e.label)
                    for e in paragraph.entities]
        quotes = []
        for quote in paragraph.quotes:
            span = _span(doc, quote.start - paragraph.start, quote.end - paragraph.start,
                         QUOTE_LABEL)
            span._.speaker = quote.speaker
            span._.speaker_text = quote.speaker_text
            span._.cue = quote.cue
            quotes.append(span)
        doc.spans[QUOTES_KEY] = quotes
        doc.user_data.update(paragraph_meta(paragraph))
        docs.append(doc)
    return docs


def _span(doc: Doc, start: int, end: int, label: str) -> Span:
    span = doc.char_span(start, end, label=label)
    if span is None:
        raise ExportError(f"{doc.text[start:end]!r} does not start and end on token boundaries")
    return span


def annotated_text(doc: Doc) -> AnnotatedText:
    """The text, entities, quotations and meta data of a ``Doc``."""
    spans = [LabelledSpan(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    if QUOTES_KEY in doc.spans:
        for quote in doc.spans[QUOTES_KEY]:
            spans.append(LabelledSpan(quote.start_char, quote.end_char, QUOTE_LABEL))
    return AnnotatedText(doc.text, tuple(sorted(spans)), doc_meta(doc))


def doc_meta(doc: Doc) -> dict:
    """The meta data kept in ``doc.user_data``."""
    return {key: doc.user_data[key] for key in META_KEYS if key in doc.user_data}


# ---------------------------------------------------------------------------------------
# Where exports go.
# ---------------------------------------------------------------------------------------


def exports_dir(page: str | Path | CleanedPage = RAW_PAGE) -> Path:
    """The folder of a page's exports, ``data/processed/<page name>/exports/``: the
    default folder of every writer here is the course page's. ``page`` is a page file or a
    page cleaned from one."""
    return output_dir(page) / EXPORTS_FOLDER_NAME


def export_path(folder: str | Path | None, name: str, suffix: str) -> Path:
    """``folder/NAME+suffix``, the folder created; refuses the raw and annotation folders."""
    if not name or Path(name).name != name or name in (".", ".."):
        raise ExportError(f"{name!r} is not a file name: give a name without a folder")
    folder = Path(folder) if folder is not None else exports_dir()
    resolved = folder.resolve()
    for protected in (raw_dir(), annotations_dir()):
        if resolved == protected.resolve() or protected.resolve() in resolved.parents:
            raise ExportError(f"exports are never written into {protected}: choose another folder")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}{suffix}"


def _write_lines(path: Path, lines: Sequence[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for line in lines:
            out.write(line + "\n")
    return path


def _read_jsonl(path: str | Path) -> list[dict]:
    records = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ExportError(f"{path}, line {number}: not JSON ({err.msg})") from None
    return records


# ---------------------------------------------------------------------------------------
# spaCy DocBin.
# ---------------------------------------------------------------------------------------


def write_docbin(docs: Sequence[Doc], folder: str | Path | None = None,
                 name: str = DEFAULT_NAME) -> Path:
    """Save the docs as a ``DocBin`` (with ``user_data``: meta data and quote speakers)."""
    path = export_path(folder, name, SUFFIXES["docbin"])
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    return path


def read_docbin(path: str | Path, vocab: Vocab | None = None) -> list[Doc]:
    """The docs of a ``.spacy`` file (``vocab``: the model's, by default)."""
    vocab = vocab if vocab is not None else load_english().vocab
    return list(DocBin().from_disk(path).get_docs(vocab))


# ---------------------------------------------------------------------------------------
# Prodigy and doccano JSONL.
# ---------------------------------------------------------------------------------------


def prodigy_record(text: AnnotatedText, nlp: Language | None = None) -> dict:
    """One Prodigy task: ``text``, ``tokens`` (when ``nlp`` is given), ``spans``, ``meta``."""
    record: dict = {"text": text.text}
    doc = nlp.make_doc(text.text) if nlp is not None else None
    if doc is not None:
        record["tokens"] = [
            {"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i,
             "ws": bool(t.whitespace_)}
            for t in doc
        ]
    record["spans"] = [_prodigy_span(span, doc) for span in text.spans]
    record["meta"] = dict(text.meta)
    return record


def _prodigy_span(span: LabelledSpan, doc: Doc | None) -> dict:
    record: dict = {"start": span.start, "end": span.end, "label": span.label}
    tokens = doc.char_span(span.start, span.end) if doc is not None else None
    if tokens is not None:
        record["token_start"] = tokens.start
        record["token_end"] = tokens.end - 1  # Prodigy's token_end is inclusive
    return record


def write_prodigy(texts: Sequence[AnnotatedText], folder: str | Path | None = None,
                  name: str = DEFAULT_NAME, nlp: Language | None = None) -> Path:
    """One Prodigy task per line; tokens are added when ``nlp`` (a tokenizer) is given."""
    path = export_path(folder, name, SUFFIXES["prodigy"])
    return _write_lines(path, [json.dumps(prodigy_record(text, nlp)) for text in texts])


def read_prodigy(path: str | Path) -> list[AnnotatedText]:
    """The documents of a Prodigy JSONL file (tokens are not needed to read it)."""
    texts = []
    for record in _read_jsonl(path):
        spans = [LabelledSpan(s["start"], s["end"], s["label"]) for s in record.get("spans", [])]
        texts.append(_checked(record["text"], spans, record.get("meta", {}), path))
    return texts


def write_doccano(texts: Sequence[AnnotatedText], folder: str | Path | None = None,
                  name: str = DEFAULT_NAME) -> Path:
    """doccano's JSONL: ``{"text", "label": [[start, end, label], ...]}`` plus the meta keys
    (doccano keeps other keys as the document's metadata)."""
    path = export_path(folder, name, SUFFIXES["doccano"])
    lines = []
    for text in texts:
        record = {"text": text.text,
                  "label": [[span.start, span.end, span.label] for span in text.spans]}
        record.update(text.meta)
        lines.append(json.dumps(record))
    return _write_lines(path, lines)


def read_doccano(path: str | Path) -> list[AnnotatedText]:
    """The documents of a doccano JSONL file; keys other than text/label/id are meta."""
    texts = []
    for record in _read_jsonl(path):
        spans = [LabelledSpan(start, end, label) for start, end, label in record.get("label", [])]
        meta = {key: value for key, value in record.items() if key not in ("text", "label", "id")}
        texts.append(_checked(record["text"], spans, meta, path))
    return texts


def _checked(text: str, spans: list[LabelledSpan], meta: dict, path: str | Path) -> AnnotatedText:
    for span in spans:
        if not 0 <= span.start < span.end <= len(text):
            raise ExportError(f"{path}: span {span.start}-{span.end} is outside its text")
    return AnnotatedText(text, tuple(sorted(spans)), meta)


# ---------------------------------------------------------------------------------------
# brat standoff.
# ---------------------------------------------------------------------------------------


def write_brat(texts: Sequence[AnnotatedText], folder: str | Path | None = None,
               name: str = DEFAULT_NAME) -> Path:
    """``NAME.txt`` (the texts, one per line) and ``NAME.ann`` (``T1\\tPERSON 10 22\\tMarco
    Rubio`` lines, offsets into ``NAME.txt``). Returns the ``.ann`` path."""
    ann_path = export_path(folder, name, SUFFIXES["brat"])
    lines = []
    offset = 0
    for text in texts:
        if "\n" in text.text:
            raise ExportError("a text holds a newline: brat's reader splits texts on newlines")
        for span in text.spans:
            start, end = span.start + offset, span.end + offset
            lines.append(f"T{len(lines) + 1}\t{span.label} {start} {end}\t"
                         f"{text.text[span.start : span.end]}")
        offset += len(text.text) + 1
    _write_lines(ann_path.with_suffix(".txt"), [text.text for text in texts])
    return _write_lines(ann_path, lines)


def read_brat(ann_path: str | Path) -> list[AnnotatedText]:
    """The texts of ``NAME.txt`` (one per line) with the ``T`` annotations of ``NAME.ann``."""
    ann_path = Path(ann_path)
    whole = ann_path.with_suffix(".txt").read_text(encoding="utf-8")
    lines = whole.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    starts = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    spans: list[list[LabelledSpan]] = [[] for _ in lines]
    for number, row in enumerate(ann_path.read_text(encoding="utf-8").split("\n"), start=1):
        if row.startswith("T"):
            start, end, label = _brat_span(row, whole, f"{ann_path}, line {number}")
            index = _line_index(starts, start)
            if end > starts[index] + len(lines[index]):
                raise ExportError(f"{ann_path}, line {number}: a span runs over two lines")
            spans[index].append(LabelledSpan(start - starts[index], end - starts[index], label))
    return [AnnotatedText(line, tuple(sorted(found)), {}) for line, found in zip(lines, spans,
                                                                               strict=True)]


def _brat_span(row: str, whole: str, where: str) -> tuple[int, int, str]:
    """Start, end and label of a ``T`` line, checked against the text."""
    parts = row.split("\t")
    if len(parts) != 3:
        raise ExportError(f"{where}: a T line needs three tab-separated fields")
    label_and_offsets, text = parts[1], parts[2]
    if ";" in label_and_offsets:
        raise ExportError(f"{where}: discontinuous spans are not supported")
    label, start, end = label_and_offsets.split(" ")
    start, end = int(start), int(end)
    if whole[start:end] != text:
        raise ExportError(f"{where}: {text!r} is not the text at {start}-{end}")
    return start, end, label


def _line_index(starts: list[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
    return index


# ---------------------------------------------------------------------------------------
# BIO and BILUO tags.
# ---------------------------------------------------------------------------------------


def entity_tags(doc: Doc, scheme: str = "BIO") -> list[str]:
    """The entity tag of every token of ``doc``, in the BIO or BILUO scheme."""
    if scheme not in SCHEMES:
        raise ExportError(f"unknown tag scheme {scheme!r}: use one of {', '.join(SCHEMES)}")
    offsets = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    tags = offsets_to_biluo_tags(doc, offsets)
    return biluo_to_iob(tags) if scheme == "BIO" else tags


def write_tags(docs: Sequence[Doc], folder: str | Path | None = None,
               name: str = DEFAULT_NAME, scheme: str = "BIO") -> Path:
    """One ``token<TAB>tag`` line per token; each doc starts with ``# key = value`` lines
    (its meta data and ``# text``) and ends with a blank line."""
    path = export_path(folder, name, SUFFIXES[scheme.lower()])
    lines = []
    for doc in docs:
        if "\n" in doc.text or "\t" in doc.text:
            raise ExportError("a text holds a newline or a tab: it cannot be one token a line")
        lines += _meta_comments(doc_meta(doc))
        lines.append(f"# text = {doc.text}")
        for token, tag in zip(doc, entity_tags(doc, scheme), strict=True):
            lines.append(f"{token.text}\t{tag}")
        lines.append("")
    return _write_lines(path, lines)


def read_tags(path: str | Path, scheme: str = "BIO", vocab: Vocab | None = None) -> list[Doc]:
    """The docs of a tag file: tokens, entities from the tags, meta data."""
    if scheme not in SCHEMES:
        raise ExportError(f"unknown tag scheme {scheme!r}: use one of {', '.join(SCHEMES)}")
    vocab = vocab if vocab is not None else load_english().vocab
    docs = []
    for number, block in enumerate(_blocks(Path(path).read_text(encoding="utf-8")), start=1):
        comments, rows = _comments_and_rows(block)
        if "text" not in comments or not all("\t" in row for row in rows):
            raise ExportError(f"{path}, document {number}: needs '# text = ...' and token<TAB>tag")
        words = [row.rsplit("\t", 1)[0] for row in rows]
        tags = [row.rsplit("\t", 1)[1] for row in rows]
        doc = Doc(vocab, words=words, spaces=spaces_from_text(words, comments["text"]))
        biluo = iob_to_biluo(tags) if scheme == "BIO" else tags
        doc.ents = [doc.char_span(start, end, label=label)
                    for start, end, label in biluo_tags_to_offsets(doc, biluo)]
        doc.user_data.update(_meta_values(comments))
        docs.append(doc)
    return docs


def spaces_from_text(words: Sequence[str], text: str) -> list[bool]:
    """Whether a space follows each word, found by walking along ``text``."""
    spaces = []
    position = 0
    for word in words:
        if not text.startswith(word, position):
            raise ExportError(f"the token {word!r} is not in the text at offset {position}")
        position += len(word)
        has_space = text.startswith(" ", position)
        spaces.append(has_space)
        position += 1 if has_space else 0
    if position != len(text):
        raise ExportError("the tokens do not cover the whole text")
    return spaces


def _meta_comments(meta: dict) -> list[str]:
    return [f"# {key} = {value}" for key, value in meta.items()]


def _meta_values(comments: dict) -> dict:
    return {key: int(value) for key, value in comments.items() if key in META_KEYS}


def _blocks(content: str) -> list[list[str]]:
    """The blank-line separated blocks of a file, as lists of lines."""
    blocks: list[list[str]] = [[]]
    for line in content.split("\n"):
        if line == "":
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    return [block for block in blocks if block]


def _comments_and_rows(block: list[str]) -> tuple[dict, list[str]]:
    comments = {}
    rows = []
    for line in block:
        if line.startswith("# ") and " = " in line:
            key, value = line[2:].split(" = ", 1)
            comments[key] = value
        else:
            rows.append(line)
    return comments, rows


# ---------------------------------------------------------------------------------------
# CoNLL-U.
# ---------------------------------------------------------------------------------------

CONLLU_FIELDS = ("id", "form", "lemma", "upos", "xpos", "feats", "head", "deprel", "deps",
                 "misc")
NER_KEY = "NER"
QUOTE_KEY = "Quote"


def write_conllu(docs: Sequence[Doc], folder: str | Path | None = None,
                 name: str = DEFAULT_NAME) -> Path:
    """CoNLL-U: ``# newdoc`` and meta comments per doc, ``# sent_id`` and ``# text`` per
    sentence, 10 tab-separated columns per token.

    Whitespace tokens are skipped; the space they held goes to the previous token's MISC
    (``SpacesAfter=\\s\\s``, as UDPipe writes it). MISC also holds ``NER=B-PERSON`` (the
    entity's BIO tag, ``NER=O`` outside entities), ``Quote=B``/``Quote=I`` inside quotations
    and ``SpaceAfter=No``. Dependency labels are spaCy's (``nsubj``, ``ROOT``), not UD's.
    """
    path = export_path(folder, name, SUFFIXES["conllu"])
    lines = []
    for number, doc in enumerate(docs, start=1):
        meta = doc_meta(doc)
        lines.append(f"# newdoc id = paragraph-{meta.get('paragraph', number)}")
        lines += _meta_comments(meta)
        lines += _conllu_sentences(doc, meta.get("paragraph", number))
    return _write_lines(path, lines)


def _conllu_sentences(doc: Doc, paragraph: int) -> list[str]:
    ner = entity_tags(doc, "BIO")
    quotes = _quote_tags(doc)
    lines = []
    for number, sentence in enumerate(doc.sents, start=1):
        one_line = " ".join(sentence.text.split())  # a comment holds no newline
        lines += [f"# sent_id = {paragraph}-{number}", f"# text = {one_line}"]
        words = [token for token in sentence if not token.is_space]
        ids = {token.i: index for index, token in enumerate(words, start=1)}
        for token in words:
            misc = [f"{NER_KEY}={ner[token.i]}"]
            if quotes[token.i] != "O":
                misc.append(f"{QUOTE_KEY}={quotes[token.i]}")
            misc += _space_after(doc, token)
            head = 0 if token.head.i == token.i else ids[_word_head(token).i]
            columns = [str(ids[token.i]), token.text, token.lemma_ or "_", token.pos_ or "_",
                       token.tag_ or "_", str(token.morph) or "_", str(head),
                       token.dep_ or "_", "_", "|".join(misc)]
            lines.append("\t".join(columns))
        lines.append("")
    return lines


def _word_head(token: Token) -> Token:
    """The token's head, climbing over whitespace tokens."""
    head = token.head
    while head.is_space and head.head.i != head.i:
        head = head.head
    return head


def _quote_tags(doc: Doc) -> list[str]:
    tags = ["O"] * len(doc)
    for span in doc.spans[QUOTES_KEY] if QUOTES_KEY in doc.spans else []:
        tags[span.start] = "B"
        for i in range(span.start + 1, span.end):
            tags[i] = "I"
    return tags


def _space_after(doc: Doc, token: Token) -> list[str]:
    """``SpaceAfter=No``, ``SpacesAfter=...`` or nothing (one ordinary space)."""
    after = token.whitespace_
    following = token.i + 1
    while following < len(doc) and doc[following].is_space:
        after += doc[following].text_with_ws
        following += 1
    if after == " ":
        return []
    if after == "":
        return ["SpaceAfter=No"]
    return [f"SpacesAfter={_escape_spaces(after)}"]


#: How MISC writes whitespace (UDPipe's ``SpacesAfter`` convention).
_SPACE_ESCAPES = {"\\": "\\\\", " ": "\\s", "\t": "\\t", "\n": "\\n", "|": "\\p"}


def _escape_spaces(text: str) -> str:
    return "".join(_SPACE_ESCAPES.get(character, character) for character in text)


def _unescape_spaces(text: str) -> str:
    """The inverse of :func:`_escape_spaces`: read two characters at a time where ``\\``."""
    plain = {escaped: character for character, escaped in _SPACE_ESCAPES.items()}
    result = ""
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in plain:
            result += plain[pair]
            i += 2
        else:
            result += text[i]
            i += 1
    return result


@dataclass(frozen=True)
class _ConlluWord:
    """One token line of a CoNLL-U file, read."""

    id: int
    head: int  # 0: the root
    values: dict  # lemma, upos, xpos, feats, deprel ("" where the file has "_")
    misc: dict
    space: bool  # one space follows the word
    extra_space: str  # the whitespace token to add after it ("" for none)


@dataclass
class _ConlluDoc:
    """What the reader gathers for one doc before building it."""

    meta: dict = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    ner: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)

    def add(self, form: str, space: bool, values: dict, head: int, misc: dict) -> None:
        self.words.append(form)
        self.spaces.append(space)
        self.lemmas.append(values["lemma"])
        self.pos.append(values["upos"])
        self.tags.append(values["xpos"])
        self.morphs.append(values["feats"])
        self.heads.append(head)
        self.deps.append(values["deprel"])
        self.ner.append(misc.get(NER_KEY, "O"))
        self.quotes.append(misc.get(QUOTE_KEY, "O"))


#: What a whitespace token put back by the reader carries (spaCy's parser attaches a
#: whitespace token to the word before it with ``dep``).
_SPACE_VALUES = {"upos": "SPACE", "xpos": "_SP", "feats": "", "deprel": "dep"}


def read_conllu(path: str | Path, vocab: Vocab | None = None) -> list[Doc]:
    """The docs of a CoNLL-U file written by :func:`write_conllu`: tokens, lemmas, POS,
    heads, dependency labels, sentences, entities (``doc.ents``), quotations
    (``doc.spans["quotes"]``) and meta data (``doc.user_data``). A space a whitespace token
    held comes back as a whitespace token attached to the word before it (``dep``)."""
    vocab = vocab if vocab is not None else load_english().vocab
    gathered: list[_ConlluDoc] = []
    for block in _blocks(Path(path).read_text(encoding="utf-8")):
        comments, rows = _comments_and_rows(block)
        if "newdoc id" in comments or not gathered:
            gathered.append(_ConlluDoc(meta=_meta_values(comments)))
        _add_sentence(gathered[-1], [_conllu_word(row, path) for row in rows])
    return [_build_doc(vocab, parts) for parts in gathered]


def _conllu_word(row: str, path: str | Path) -> _ConlluWord:
    columns = row.split("\t")
    if len(columns) != len(CONLLU_FIELDS):
        raise ExportError(f"{path}: a token line has {len(columns)} columns, not 10")
    values = dict(zip(CONLLU_FIELDS, columns, strict=True))
    misc = _misc(values["misc"])
    space, extra_space = _spaces(misc)
    kept = {key: "" if values[key] == "_" else values[key]
            for key in ("form", "lemma", "upos", "xpos", "feats", "deprel")}
    return _ConlluWord(int(values["id"]), int(values["head"]), kept, misc, space, extra_space)


def _add_sentence(parts: _ConlluDoc, words: list[_ConlluWord]) -> None:
    """Add a sentence's words, and the whitespace tokens their MISC asks for, to ``parts``."""
    index_of = {}  # CoNLL-U id -> index in the doc (heads may point forward)
    position = len(parts.words)
    for word in words:
        index_of[word.id] = position
        position += 2 if word.extra_space else 1
    for word in words:
        here = index_of[word.id]
        head = here if word.head == 0 else index_of[word.head]
        parts.add(word.values["form"], word.space, word.values, head, word.misc)
        if word.extra_space:
            values = {**_SPACE_VALUES, "lemma": word.extra_space}
            parts.add(word.extra_space, False, values, here, {})


def _misc(field_value: str) -> dict:
    """``NER=B-GPE|SpaceAfter=No`` as a dict."""
    misc = {}
    if field_value == "_":
        return misc
    for item in field_value.split("|"):
        key, _, value = item.partition("=")
        misc[key] = value
    return misc


def _spaces(misc: dict) -> tuple[bool, str]:
    """Whether one space follows the word, and the whitespace token to add after it."""
    if "SpacesAfter" in misc:
        after = _unescape_spaces(misc["SpacesAfter"])
        if after.startswith(" "):
            return True, after[1:]
        return False, after
    return misc.get("SpaceAfter") != "No", ""


def _build_doc(vocab: Vocab, parts: _ConlluDoc) -> Doc:
    doc = Doc(
        vocab, words=parts.words, spaces=parts.spaces, lemmas=parts.lemmas, pos=parts.pos,
        tags=parts.tags, morphs=parts.morphs, heads=parts.heads, deps=parts.deps,
    )
    doc.ents = _spans_from_iob(doc, parts.ner)
    quote_tags = [tag if tag == "O" else f"{tag}-{QUOTE_LABEL}" for tag in parts.quotes]
    doc.spans[QUOTES_KEY] = _spans_from_iob(doc, quote_tags)
    doc.user_data.update(parts.meta)
    return doc


def _spans_from_iob(doc: Doc, tags: list[str]) -> list[Span]:
    """Labelled spans from BIO tags (spaCy's converters); a whitespace token inside a span
    joins it."""
    tags = list(tags)
    for i in range(len(tags) - 1):
        if doc[i].is_space and tags[i] == "O" and tags[i + 1].startswith("I-"):
            tags[i] = tags[i + 1]
    offsets = biluo_tags_to_offsets(doc, iob_to_biluo(tags))
    return [doc.char_span(start, end, label=label) for start, end, label in offsets]


# ---------------------------------------------------------------------------------------
# Everything at once.
# ---------------------------------------------------------------------------------------

FORMATS = ("docbin", "prodigy", "doccano", "conllu", "bio", "biluo", "brat")

#: Formats that carry the entities only (one tag a token).
ENTITY_ONLY_FORMATS = ("bio", "biluo")


def export_all(paragraphs: Sequence[ReferenceParagraph], folder: str | Path | None = None,
               name: str = DEFAULT_NAME, nlp: Language | None = None) -> dict[str, Path]:
    """Write the paragraphs in every format; returns ``{format: path}``."""
    nlp = nlp if nlp is not None else load_english()
    docs = annotated_docs(paragraphs, nlp)
    texts = annotated_texts(paragraphs)
    return {
        "docbin": write_docbin(docs, folder, name),
        "prodigy": write_prodigy(texts, folder, name, nlp=nlp),
        "doccano": write_doccano(texts, folder, name),
        "conllu": write_conllu(docs, folder, name),
        "bio": write_tags(docs, folder, name, "BIO"),
        "biluo": write_tags(docs, folder, name, "BILUO"),
        "brat": write_brat(texts, folder, name),
    }


def read_back(kind: str, path: str | Path, vocab: Vocab | None = None) -> list[AnnotatedText]:
    """Read one export of :func:`export_all` back as :class:`AnnotatedText` documents."""
    if kind == "docbin":
        return [annotated_text(doc) for doc in read_docbin(path, vocab)]
    if kind == "conllu":
        return [annotated_text(doc) for doc in read_conllu(path, vocab)]
    if kind in ("bio", "biluo"):
        return [annotated_text(doc) for doc in read_tags(path, kind.upper(), vocab)]
    if kind == "prodigy":
        return read_prodigy(path)
    if kind == "doccano":
        return read_doccano(path)
    if kind == "brat":
        return read_brat(path)
    raise ExportError(f"unknown format {kind!r}: use one of {', '.join(FORMATS)}")


def round_trip_table(paragraphs: Sequence[ReferenceParagraph],
                     folder: str | Path | None = None, nlp: Language | None = None
                     ) -> pd.DataFrame:
    """Export in every format, read each file back and compare with what was written.

    Columns: ``format, file, documents, spans, same_text, same_spans, same_labels``
    (``spans``: how many were read back; BIO and BILUO are compared on entities only).
    """
    written = annotated_texts(paragraphs)
    rows = []
    for kind, path in export_all(paragraphs, folder, nlp=nlp).items():
        read = read_back(kind, path, nlp.vocab if nlp is not None else None)
        rows.append(_comparison_row(kind, path, written, read))
    return pd.DataFrame(rows)


def _comparison_row(kind: str, path: Path, written: list[AnnotatedText],
                    read: list[AnnotatedText]) -> dict:
    entities_only = kind in ENTITY_ONLY_FORMATS
    expected = [t.entities if entities_only else t.spans for t in written]
    found = [t.spans for t in read]
    return {
        "format": kind,
        "file": path.name,
        "documents": len(read),
        "spans": sum(len(spans) for spans in found),
        "same_text": [t.text for t in written] == [t.text for t in read],
        "same_spans": expected == found,
        "same_labels": [[s.label for s in spans] for spans in expected]
        == [[s.label for s in spans] for spans in found],
    }
