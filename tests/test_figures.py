"""figures.py and dispersion.py: the figures of notebook 02, titled, labelled, saved."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from newstext.core import plotting  # noqa: E402
from newstext.exploring.cooccurrence import cooccurrence_matrix, sentence_names  # noqa: E402
from newstext.exploring.dispersion import NAMES, POSITION_COLUMNS, term_positions  # noqa: E402
from newstext.exploring.figures import (  # noqa: E402
    dispersion_plot,
    heatmap,
    keyness_plot,
    sentence_length_plot,
)
from newstext.exploring.keyness import article_keyness  # noqa: E402
from newstext.exploring.tables import sentence_lengths, sentences_table  # noqa: E402


@pytest.fixture(scope="session")
def labels(cleaned):
    return {int(a.article_id): f"{a.source} ({a.role})" for a in cleaned.articles.itertuples()}


@pytest.fixture
def figures_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setattr(plotting, "figures_dir", lambda: tmp_path)
    return tmp_path


def saved(fig, name: str) -> bytes:
    """Save through the course's save_figure (which refuses unlabelled axes and closes it)."""
    alt = f"The {name} figure, drawn by a test to check it."
    return plotting.save_figure(fig, name, alt=alt).path.read_bytes()


# -- dispersion table --------------------------------------------------------------------------


def test_term_positions(tokens):
    table = term_positions(tokens, ["Lavrov", "NATO"])
    assert list(table.columns) == POSITION_COLUMNS
    lavrov = table[table["term"] == "Lavrov"]
    assert list(lavrov["article_id"]) == [1, 1]
    assert list(lavrov["i"]) == [29, 355]
    assert lavrov["position"].iloc[0] == pytest.approx(29 / 429)  # the main Doc has 430 tokens
    assert list(table.groupby("article_id").size()) == [2, 14]  # NATO: Indian Express only


def test_term_positions_of_the_course_names(tokens):
    counts = term_positions(tokens).groupby(["term", "article_id"]).size()
    assert counts["Rubio"].to_dict() == {1: 7, 2: 4, 3: 4}
    assert counts["Putin"].to_dict() == {1: 7, 3: 2}
    assert counts["Ukraine"].to_dict() == {1: 4, 3: 28}
    assert counts["Cuba"].to_dict() == {2: 5}
    assert term_positions(tokens)["position"].between(0, 1).all()


# -- figures -----------------------------------------------------------------------------------


def test_dispersion_plot(tokens, labels, figures_in_tmp):
    table = term_positions(tokens)
    fig = dispersion_plot(table, list(NAMES), labels)
    assert len(fig.axes) == 3
    assert fig.get_suptitle() == "Where the names occur in each article"
    main = fig.axes[0]
    assert main.get_title(loc="left") == "Mint (main)"
    assert [tick.get_text() for tick in main.get_yticklabels()] == list(NAMES)
    rubio_ticks = main.lines[0].get_xdata()
    assert len(rubio_ticks) == 7
    colours = {line.get_color() for line in main.lines}
    assert colours == {plotting.OKABE_ITO[0]}  # one colour: the row tells the term
    assert saved(fig, "dispersion")[:4] == b"\x89PNG"


def test_dispersion_plot_keeps_an_article_without_the_terms(tokens, labels, figures_in_tmp):
    table = term_positions(tokens, ["NATO"])
    fig = dispersion_plot(table, ["NATO"], labels)
    assert len(fig.axes) == 3
    assert [len(ax.lines[0].get_xdata()) for ax in fig.axes] == [0, 0, 14]
    saved(fig, "nato")


def test_heatmap_annotates_every_cell(docs, tokens, figures_in_tmp):
    matrix = cooccurrence_matrix(sentence_names(docs, tokens), top=5)
    fig = heatmap(matrix)
    ax = fig.axes[0]
    assert ax.get_title() == "Which names share a sentence"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Name", "Name")
    assert ax.images[0].get_cmap().name == "cividis"
    texts = [text.get_text() for text in ax.texts]
    assert len(texts) == 25
    assert texts[1] == str(matrix.iloc[0, 1]) == "12"  # Ukraine and US
    assert [tick.get_text() for tick in ax.get_xticklabels()] == list(matrix.columns)
    assert fig.axes[1].get_ylabel() == "Sentences together"  # the colour bar
    saved(fig, "cooccurrence")


def test_sentence_length_plot(cleaned, docs, labels, figures_in_tmp):
    lengths = sentence_lengths(sentences_table(cleaned, docs))
    fig = sentence_length_plot(lengths, labels)
    left, right = fig.axes
    assert sum(patch.get_height() for patch in left.patches) == 95  # every sentence once
    assert right.get_ylabel() == "Words in the sentence"
    saved(fig, "sentence_lengths")


def test_keyness_plot(tokens, figures_in_tmp):
    fig = keyness_plot(article_keyness(tokens), n=5)
    ax = fig.axes[0]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == [
        "putin",
        "expressed",
        "war",
        "meeting",
        "rubio",
        "allies",
        "systems",
        "cuban",
        "nato",
        "weapons",
    ]
    colours = {patch.get_facecolor() for patch in ax.patches}
    assert len(colours) == 2
    saved(fig, "keyness")
