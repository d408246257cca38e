"""One plotting style for the course: colour-blind-safe, readable on a classroom projector,
and every figure saved as a PNG as well as shown, with a one-sentence description (its alt
text) for readers who cannot see it."""

from __future__ import annotations

import base64
import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from cycler import cycler
from matplotlib.figure import Figure

from newstext.core.paths import processed_dir

#: The Okabe–Ito palette: eight colours that people with any common colour-vision deficiency
#: can tell apart (Okabe & Ito, "Color Universal Design", 2008).
OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
]

#: Sizes that stay readable from the back of a classroom.
PROJECTOR_STYLE = {
    "figure.figsize": (10, 5.5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 14,
    "axes.titlesize": 18,
    "axes.labelsize": 15,
    "xtick.labelsize": 13,
    "ytick.labelsize": 13,
    "legend.fontsize": 13,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=OKABE_ITO),
    "image.cmap": "cividis",  # a colour-blind-safe colour map for heatmaps
}


def use_course_style() -> None:
    """Apply the course's figure style to every plot made after this call."""
    mpl.rcParams.update(PROJECTOR_STYLE)


def figures_dir() -> Path:
    """The folder where figures are saved (under data/processed/)."""
    folder = processed_dir() / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class SavedFigure:
    """A figure saved as a PNG file, with its description. As the last line of a notebook
    cell it shows that very file, at the size the figure had on screen, as an ``<img>``
    whose ``alt`` is the description (so screen readers, and the HTML handouts, carry it)."""

    path: Path
    png: bytes
    alt: str

    def __fspath__(self) -> str:
        return str(self.path)

    def __repr__(self) -> str:
        return f"SavedFigure({str(self.path)!r})"

    @property
    def width(self) -> int:
        """The width to show it at: the file is drawn at savefig.dpi, shown at figure.dpi."""
        pixels = int.from_bytes(self.png[16:20], "big")  # from the PNG's header
        saved_at = mpl.rcParams["savefig.dpi"]
        if saved_at == "figure":  # matplotlib's default: saved at the figure's own dpi
            return pixels
        return round(pixels * mpl.rcParams["figure.dpi"] / saved_at)

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png).decode("ascii")
        return (
            f'<img src="data:image/png;base64,{data}" alt="{html.escape(self.alt, quote=True)}"'
            f' width="{self.width}">'
        )


def alt_path(png: Path) -> Path:
    """Where the description of the figure ``png`` is kept: ``NAME.alt.txt`` beside it."""
    return png.with_name(png.stem + ".alt.txt")


def read_alt(png: str | Path) -> str:
    """The description saved with the figure ``png``."""
    return alt_path(Path(png)).read_text(encoding="utf-8").strip()


def check_alt(alt: object, name: str) -> str:
    """Return ``alt`` stripped, or raise ValueError when it is not a one-sentence
    description: a string of a few words that ends with a full stop."""
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError(
            f"figure {name!r} needs alt=: one sentence that says what the figure shows, for "
            "readers who cannot see it"
        )
    alt = alt.strip()
    if len(alt.split()) < 5 or not alt.endswith("."):
        raise ValueError(
            f"figure {name!r}: alt={alt!r} should be one full sentence (five words or more, "
            "ending with a full stop) that says what the figure shows"
        )
    return alt


def check_labels(fig: Figure, name: str) -> None:
    """Raise ValueError naming what is missing when an axis of ``fig`` (colour bars aside)
    has no title, x label or y label."""
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>":
            continue
        missing = []
        if not (ax.get_title() or fig.get_suptitle()):
            missing.append("title")
        if not ax.get_xlabel():
            missing.append("x label")
        if not ax.get_ylabel():
            missing.append("y label")
        if missing:
            raise ValueError(f"figure {name!r} has no {' or '.join(missing)}: add them first")


def save_figure(fig: Figure, name: str, alt: str | None = None) -> SavedFigure:
    """Save ``fig`` as ``data/processed/figures/NAME.png`` with its description ``alt``, close
    it, and return the saved figure (its ``.path``, and the picture when it ends a notebook
    cell).

    ``alt`` is one sentence that says what the figure shows (its alt text). It is written
    into the PNG (the ``Description`` field), beside it as ``NAME.alt.txt``, and into the
    notebook as the picture's ``alt``.

    Refuses a figure without a title or with an unlabelled axis, so no figure of the
    course leaves the notebook unexplained. The figure is drawn once: what the notebook
    shows is the file itself, so the two never differ.
    """
    check_labels(fig, name)
    alt = check_alt(alt, name)
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    path = figures_dir() / f"{slug}.png"
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Title": name, "Description": alt})
    plt.close(fig)  # else Jupyter would draw it a second time at the end of the cell
    path.write_bytes(buffer.getvalue())
    alt_path(path).write_text(alt + "\n", encoding="utf-8")
    return SavedFigure(path, buffer.getvalue(), alt)
