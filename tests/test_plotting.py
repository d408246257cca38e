import base64
import html
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from newstext.core import plotting  # noqa: E402
from newstext.course.runner import execute_notebook, export_html  # noqa: E402

ALT = "Two bars: b is twice as tall as a."


@pytest.fixture
def figures_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setattr(plotting, "figures_dir", lambda: tmp_path)
    return tmp_path


def test_course_style_uses_the_okabe_ito_palette_and_large_text():
    plotting.use_course_style()
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    assert colours[:3] == ["#0072B2", "#E69F00", "#009E73"]
    assert plt.rcParams["font.size"] >= 14


def test_save_figure_writes_a_png(figures_in_tmp):
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1, 2])
    ax.set(title="Two bars", xlabel="letter", ylabel="count")
    saved = plotting.save_figure(fig, "Two bars: a test", alt=ALT)
    assert saved.path == figures_in_tmp / "two_bars_a_test.png"
    assert saved.path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_saved_figure_shows_the_file_itself_and_is_drawn_once(figures_in_tmp):
    plotting.use_course_style()
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(["a", "b"], [1, 2])
    ax.set(title="Two bars", xlabel="letter", ylabel="count")
    saved = plotting.save_figure(fig, "shown", alt=ALT)
    shown = saved._repr_html_()
    src = re.search(r'src="data:image/png;base64,([^"]+)"', shown)[1]
    png = base64.b64decode(src)
    assert png == saved.path.read_bytes()
    assert not plt.fignum_exists(fig.number)  # closed: Jupyter will not draw it again
    pixels = int.from_bytes(png[16:20], "big")  # drawn at savefig.dpi = 150
    assert f'width="{round(pixels * 100 / 150)}"' in shown  # shown at figure.dpi = 100
    assert open(saved, "rb").read() == png  # a SavedFigure is a path-like


def test_save_figure_refuses_an_unlabelled_figure(figures_in_tmp):
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    ax.set_title("No axis labels")
    with pytest.raises(ValueError, match="has no x label or y label"):
        plotting.save_figure(fig, "bad")
    plt.close(fig)
    assert list(figures_in_tmp.iterdir()) == []


def labelled_figure():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(["a", "b"], [1, 2])
    ax.set(title="Two bars", xlabel="letter", ylabel="count")
    return fig


def test_the_description_travels_with_the_figure(figures_in_tmp):
    alt = 'Bars for "a" and <b>: b is twice as tall.'
    saved = plotting.save_figure(labelled_figure(), "described", alt=alt)
    assert saved.alt == alt
    assert plotting.read_alt(saved.path) == alt  # NAME.alt.txt beside the PNG
    assert (figures_in_tmp / "described.alt.txt").exists()
    assert Image.open(saved.path).text["Description"] == alt  # inside the PNG too
    assert f'alt="{html.escape(alt, quote=True)}"' in saved._repr_html_()


@pytest.mark.parametrize(
    "alt, says",
    [
        (None, "needs alt="),
        ("", "needs alt="),
        ("Two bars.", "one full sentence"),
        ("Two bars, b twice as tall as a", "one full sentence"),
    ],
)
def test_save_figure_refuses_a_figure_without_a_sentence_to_describe_it(
    figures_in_tmp, alt, says
):
    fig = labelled_figure()
    with pytest.raises(ValueError, match=says):
        plotting.save_figure(fig, "undescribed", alt=alt)
    plt.close(fig)
    assert list(figures_in_tmp.iterdir()) == []


def test_the_notebook_and_its_html_handout_show_the_alt_text(tmp_path):
    """A notebook that saves a figure, run in a kernel: its output is an <img> with the alt
    text, and so is the handout `python -m newstext run --html` writes from it."""
    root = tmp_path / "course"
    (root / "data" / "raw").mkdir(parents=True)
    (root / "pyproject.toml").write_text("", encoding="utf-8")
    code = f"""\
import os
os.environ["NEWSTEXT_ROOT"] = {str(root)!r}
import matplotlib.pyplot as plt
from newstext.core.plotting import save_figure
fig, ax = plt.subplots()
ax.bar(["a", "b"], [1, 2])
ax.set(title="Two bars", xlabel="letter", ylabel="count")
save_figure(fig, "two_bars", alt={ALT!r})"""
    path = tmp_path / "figure.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nbformat.write(nb, path)
    executed = execute_notebook(path)
    (output,) = executed.cells[0].outputs
    assert f'alt="{html.escape(ALT)}"' in output["data"]["text/html"]
    handout = export_html(executed, tmp_path / "figure.html").read_text(encoding="utf-8")
    images = re.findall(r"<img [^>]*>", handout)
    assert any(f'alt="{html.escape(ALT)}"' in img and 'src="data:image/png;base64,' in img
               for img in images), images
    assert (root / "data" / "processed" / "figures" / "two_bars.alt.txt").exists()
