"""The figures of notebook 02 that take more than a few lines.

Each function applies the course style (:func:`newstext.core.plotting.use_course_style`), draws
from the table it is given (no number is typed in), gives every axis a title and labels,
and returns the ``Figure``: show it, or save it with :func:`newstext.core.plotting.save_figure`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from newstext.core.plotting import OKABE_ITO, use_course_style

#: Heights in inches: one row of a dispersion plot or bar chart, the title and axis label
#: of a panel, the figure's title; and the side of one cell of a heatmap.
ROW_HEIGHT = 0.4
PANEL_HEIGHT = 1.2
TITLE_HEIGHT = 0.5
CELL_SIZE = 0.7
#: Longest line of a tick label before it wraps.
LABEL_WIDTH = 16


#: The G2 above which a difference is significant at p < 0.05 (chi-squared, 1 df).
SIGNIFICANT_G2 = 3.84


def _article_label(article_id: int, labels: Mapping[int, str] | None) -> str:
    if labels and article_id in labels:
        return labels[article_id]
    return f"Article {article_id}"


def dispersion_plot(
    table: pd.DataFrame,
    terms: Sequence[str],
    article_labels: Mapping[int, str] | None = None,
    title: str = "Where the names occur in each article",
) -> Figure:
    """A lexical dispersion plot: one panel per article, one row per term, a tick at each
    place the term occurs.

    ``table`` is :func:`newstext.exploring.dispersion.term_positions` (``article_id, term,
    position``); the articles are those of ``article_labels`` when given (so an article
    without any of the terms still gets its empty panel), else those of the table.
    ``article_labels`` maps an article id to a panel title ("Mint (main)").
    """
    use_course_style()
    articles = list(article_labels) if article_labels else sorted(table["article_id"].unique())
    height = TITLE_HEIGHT + len(articles) * (PANEL_HEIGHT + ROW_HEIGHT * len(terms))
    fig, axes = plt.subplots(len(articles), 1, sharex=True, figsize=(10, height), squeeze=False)
    for ax, article_id in zip(axes[:, 0], articles, strict=True):
        rows = table[table["article_id"] == article_id]
        for row, term in enumerate(terms):
            positions = rows.loc[rows["term"] == term, "position"]
            colour = OKABE_ITO[0]  # one colour: the row, not the colour, tells the term
            ax.plot(
                positions,
                [row] * len(positions),
                linestyle="",
                marker="|",
                markersize=16,
                markeredgewidth=2,
                color=colour,
            )
        ax.set_yticks(range(len(terms)), labels=list(terms))
        ax.set_ylim(len(terms) - 0.5, -0.5)  # the first term on top
        ax.set_xlim(0, 1)
        ax.set_title(_article_label(article_id, article_labels), loc="left")
        ax.set_ylabel("Term")
        ax.set_xlabel("Position in the article (0 = first token, 1 = last)")
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def _text_colour(value: float, low: float, high: float) -> str:
    """White on the dark end of cividis, black on the light end."""
    middle = low + (high - low) / 2
    return "white" if value < middle else "black"


def heatmap(
    matrix: pd.DataFrame,
    title: str = "Which names share a sentence",
    label: str = "Sentences together",
) -> Figure:
    """A square matrix (such as :func:`newstext.exploring.cooccurrence.cooccurrence_matrix`) as a
    heatmap in cividis, each cell annotated with its count; ``label`` names the colour bar."""
    use_course_style()
    size = len(matrix.columns)
    fig, ax = plt.subplots(figsize=(3 + CELL_SIZE * size, 2 + CELL_SIZE * size))
    values = matrix.to_numpy()
    image = ax.imshow(values, cmap="cividis")
    low, high = values.min(), values.max()
    for row in range(values.shape[0]):
        for column in range(values.shape[1]):
            value = values[row, column]
            ax.text(
                column,
                row,
                f"{value:g}",
                ha="center",
                va="center",
                fontsize=11,
                color=_text_colour(value, low, high),
            )
    ax.set_xticks(range(size), labels=list(matrix.columns), rotation=45, ha="right")
    ax.set_yticks(range(len(matrix.index)), labels=list(matrix.index))
    ax.spines[:].set_visible(False)
    ax.set_title(title)
    ax.set_xlabel("Name")
    ax.set_ylabel("Name")
    fig.colorbar(image, ax=ax, label=label)
    fig.tight_layout()
    return fig


def sentence_length_plot(
    lengths: pd.DataFrame,
    article_labels: Mapping[int, str] | None = None,
    title: str = "How long are the sentences?",
) -> Figure:
    """Sentence length in words: a histogram of all sentences (left) and one box plot per
    article (right). ``lengths`` is :func:`newstext.exploring.tables.sentence_lengths`."""
    use_course_style()
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5.5))
    left.hist(lengths["n_words"], bins="auto", color=OKABE_ITO[0], edgecolor="white")
    left.set_title("All sentences")
    left.set_xlabel("Words in the sentence")
    left.set_ylabel("Sentences")
    articles = sorted(lengths["article_id"].unique())
    groups = [lengths.loc[lengths["article_id"] == a, "n_words"] for a in articles]
    boxes = right.boxplot(groups, patch_artist=True, medianprops={"color": OKABE_ITO[-1]})
    for box, colour in zip(boxes["boxes"], OKABE_ITO, strict=False):
        box.set_facecolor(colour)
    labels = [textwrap.fill(_article_label(a, article_labels), LABEL_WIDTH) for a in articles]
    right.set_xticks(range(1, len(articles) + 1), labels=labels)
    right.set_title("Per article")
    right.set_xlabel("Article")
    right.set_ylabel("Words in the sentence")
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def keyness_plot(
    table: pd.DataFrame,
    n: int = 10,
    target: str = "main article",
    reference: str = "related articles",
) -> Figure:
    """The ``n`` most key words of each side of a keyness table
    (:func:`newstext.exploring.keyness.keyness`) as horizontal bars of signed G2."""
    use_course_style()
    top = table[table["g2"] > 0].head(n)
    bottom = table[table["g2"] < 0].tail(n)
    shown = pd.concat([top, bottom])
    colours = [OKABE_ITO[0] if g2 > 0 else OKABE_ITO[1] for g2 in shown["g2"]]
    fig, ax = plt.subplots(figsize=(10, PANEL_HEIGHT + ROW_HEIGHT * len(shown)))
    ax.barh(range(len(shown)), shown["g2"], color=colours)
    ax.set_yticks(range(len(shown)), labels=list(shown["word"]))
    ax.invert_yaxis()
    ax.axvline(0, color=OKABE_ITO[-1], linewidth=1)
    for side in (-1, 1):  # |G2| above 3.84: p < 0.05 for one test
        ax.axvline(side * SIGNIFICANT_G2, color=OKABE_ITO[-1], linewidth=1, linestyle="--")
    ax.legend(
        handles=[
            Patch(color=OKABE_ITO[0], label=f"key in the {target}"),
            Patch(color=OKABE_ITO[1], label=f"key in the {reference}"),
            Line2D([], [], color=OKABE_ITO[-1], linestyle="--", label="|G2| = 3.84 (p = 0.05)"),
        ],
        loc="lower right",
    )
    ax.set_title(f"Words that set the {target} apart from the {reference}")
    ax.set_xlabel("Signed log-likelihood G2 (positive: key in the " + target + ")")
    ax.set_ylabel("Word")
    fig.tight_layout()
    return fig
