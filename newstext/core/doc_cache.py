"""Parse each text once per process, and make one article Doc of its paragraphs.

A notebook and its exercise checks ask spaCy for the same paragraphs several times: for
the tables, for the entities with the model alone, again with the rule components on, and
again for the quotations. :func:`parse` remembers the ``Doc`` the model made for each text
and hands out copies, so the model reads each text once, and the rules, which come after
the model, run on a copy of the model's ``Doc`` instead of a new parse.

Only the model's own components are remembered (:data:`MODEL_FACTORIES`): a rule
component can be changed (a pattern added), so it always runs afresh.

The model's Docs are also kept between kernels, in ``data/processed/parses/`` (a spaCy
``DocBin`` per call, named by the model, its version, spaCy's version and the texts): a
notebook run again, or the next notebook that parses the same page, loads them in a few
milliseconds instead of parsing for a second or so. A file that is missing, unreadable or
for other texts is simply parsed again; ``NEWSTEXT_PARSE_CACHE=0`` switches the files off.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from weakref import WeakKeyDictionary

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newstext.core.paths import project_root

#: The factories of the components a trained pipeline ships with. A pipeline made only of
#: these gives the same ``Doc`` for the same text every time.
MODEL_FACTORIES = frozenset(
    {
        "tok2vec",
        "tagger",
        "morphologizer",
        "parser",
        "senter",
        "attribute_ruler",
        "lemmatizer",
        "ner",
    }
)

#: The span group of an article Doc that holds one span per paragraph.
PARAGRAPHS_KEY = "paragraphs"

#: How many texts are remembered per pipeline; past it the memory starts afresh.
MAX_TEXTS = 5000

#: For each pipeline: {(component names, text): the Doc those components made}.
_PARSED: WeakKeyDictionary[Language, dict[tuple[tuple[str, ...], str], Doc]]
_PARSED = WeakKeyDictionary()


def model_prefix(nlp: Language) -> tuple[str, ...]:
    """The names of the switched-on components up to the first that is not the model's."""
    names = []
    for name in nlp.pipe_names:
        if nlp.get_pipe_meta(name).factory not in MODEL_FACTORIES:
            break
        names.append(name)
    return tuple(names)


def parse(nlp: Language, texts: Iterable[str]) -> list[Doc]:
    """The same Docs as ``list(nlp.pipe(texts))``, each a new copy the caller may change.

    The model's components run only on texts they have not read before in this process;
    the components after them (the rules) run, in order, on a copy of the model's ``Doc``.
    """
    texts = list(texts)
    model = model_prefix(nlp)
    model_docs = _model_docs(nlp, model, texts)
    rules = [nlp.get_pipe(name) for name in nlp.pipe_names[len(model) :]]
    docs = []
    for doc in model_docs:
        for component in rules:
            doc = component(doc)
        docs.append(doc)
    return docs


def parsed_before(nlp: Language, texts: Iterable[str]) -> list[Doc | None]:
    """For each text, what :func:`parse` gives when this process has parsed the text with
    the model before (a copy, the rule components run on it), else None.

    Only looks: nothing is parsed or remembered, so a caller that parses many texts of its
    own (a corpus) keeps its memory flat and still reuses what a notebook parsed already.
    """
    model = model_prefix(nlp)
    known = _PARSED.get(nlp, {})
    rules = [nlp.get_pipe(name) for name in nlp.pipe_names[len(model) :]]
    docs: list[Doc | None] = []
    for text in texts:
        doc = known.get((model, text))
        if doc is not None:
            doc = doc.copy()
            for component in rules:
                doc = component(doc)
        docs.append(doc)
    return docs


def _model_docs(nlp: Language, model: tuple[str, ...], texts: list[str]) -> list[Doc]:
    """Copies of the Docs the ``model`` components make of ``texts``, parsing the new ones."""
    known = _PARSED.setdefault(nlp, {})
    new = [text for text in dict.fromkeys(texts) if (model, text) not in known]
    if len(known) + len(new) > MAX_TEXTS:
        known.clear()
        new = list(dict.fromkeys(texts))
    if new:
        for text, doc in zip(new, _saved_or_parsed(nlp, model, new), strict=True):
            known[(model, text)] = doc
    return [known[(model, text)].copy() for text in texts]


# ---------------------------------------------------------------------------------------
# Between kernels: the model's Docs saved in data/processed/parses/.
# ---------------------------------------------------------------------------------------

#: The folder's name inside data/processed/, and how many files it keeps (the oldest go).
PARSES_FOLDER = "parses"
MAX_SAVED_PARSES = 300


def _saved_or_parsed(nlp: Language, model: tuple[str, ...], texts: list[str]) -> list[Doc]:
    """The ``model`` components' Docs of ``texts``: loaded from the file a run before saved,
    else parsed (and saved for the next run).

    A parsed Doc leaves its ``tensor`` (the numbers the components passed each other) behind,
    as a saved one does: every Doc is then the same whichever way it came, and
    ``Doc.from_docs`` can join a loaded paragraph to a parsed one."""
    path = saved_parse_path(nlp, model, texts)
    docs = _load_parses(path, nlp, texts) if path is not None else None
    if docs is None:
        with nlp.select_pipes(enable=list(model)):
            docs = list(nlp.pipe(texts))
        for doc in docs:
            drop_tensor(doc)
        if path is not None:
            _save_parses(path, docs)
    return docs


def saved_parse_path(nlp: Language, model: tuple[str, ...], texts: list[str]) -> Path | None:
    """Where the Docs of ``texts`` are saved: a file named by the trained pipeline (name,
    version, its components that ran), spaCy's version and the texts. None when the files
    are switched off or there is no trained component (a blank pipeline)."""
    if os.environ.get("NEWSTEXT_PARSE_CACHE") == "0" or not model:
        return None
    meta = nlp.meta
    key = hashlib.sha256()
    for part in (meta.get("lang"), meta.get("name"), meta.get("version"), spacy.__version__,
                 *model, *texts):
        key.update(str(part).encode("utf-8") + b"\x00")
    folder = project_root() / "data" / "processed" / PARSES_FOLDER
    return folder / f"{key.hexdigest()[:32]}.spacy"


def _load_parses(path: Path, nlp: Language, texts: list[str]) -> list[Doc] | None:
    """The Docs saved in ``path``, or None when it is missing, unreadable or not for
    ``texts`` (then they are parsed again and the file replaced)."""
    if not path.is_file():
        return None
    try:
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    except Exception:  # a file cut short, or written by another spaCy: parse again
        return None
    if [doc.text for doc in docs] != texts:
        return None
    return docs


def _save_parses(path: Path, docs: list[Doc]) -> None:
    """Save ``docs`` to ``path`` (written whole, then renamed into place, so that a kernel
    reading it never sees half a file); keep the folder to :data:`MAX_SAVED_PARSES` files.
    A folder that cannot be written is no error: the next run parses again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
        DocBin(docs=docs).to_disk(partial)
        partial.replace(path)
        saved = sorted(path.parent.glob("*.spacy"), key=lambda file: file.stat().st_mtime)
        for old in saved[:-MAX_SAVED_PARSES]:
            old.unlink(missing_ok=True)
    except OSError:
        return


def drop_tensor(doc: Doc) -> Doc:
    """``doc`` without its ``tensor`` (the numbers the model's components passed each other),
    as a Doc loaded from a file is: ``Doc.from_docs`` cannot join a Doc that has one to a Doc
    that has none, and nothing in the course reads it."""
    doc.tensor = numpy.empty((0,), dtype="float32")
    return doc


def paragraph_texts(paragraphs: Sequence[str]) -> list[str]:
    """The texts to parse for :func:`join_paragraph_docs`: each paragraph but the last
    with the newline that joins it to the next."""
    return [paragraph + "\n" for paragraph in paragraphs[:-1]] + list(paragraphs[-1:])


def join_paragraph_docs(docs: Sequence[Doc], paragraphs: Sequence[str]) -> Doc:
    """One ``Doc`` from the parsed :func:`paragraph_texts`, with ``doc.spans["paragraphs"]``
    holding one span per paragraph."""
    for paragraph_doc in docs:
        drop_tensor(paragraph_doc)  # parsed just now, or loaded: all alike
    doc = Doc.from_docs(list(docs), ensure_whitespace=False)
    spans = []
    start = 0
    for paragraph in paragraphs:
        span = doc.char_span(start, start + len(paragraph), alignment_mode="expand")
        if span is not None:
            spans.append(span)
        start += len(paragraph) + 1
    doc.spans[PARAGRAPHS_KEY] = spans
    return doc


def doc_from_paragraphs(nlp: Language, paragraphs: Sequence[str]) -> Doc:
    """One ``Doc`` whose text is ``"\\n".join(paragraphs)``, each paragraph parsed alone.

    Parsing paragraph by paragraph keeps sentences (and so cues) inside their paragraph and
    gives the same entities as running ``nlp`` on each paragraph. ``doc.spans["paragraphs"]``
    holds one span per paragraph. A character offset in the ``Doc`` plus the raw offset of
    the first paragraph is a raw offset when the paragraphs are consecutive raw lines.
    """
    if not paragraphs:
        return nlp.make_doc("")
    return join_paragraph_docs(parse(nlp, paragraph_texts(paragraphs)), paragraphs)
