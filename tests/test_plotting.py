import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from newstext.core import plotting  # noqa: E402


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
    saved = plotting.save_figure(fig, "Two bars: a test")
    assert saved.path == figures_in_tmp / "two_bars_a_test.png"
    assert saved.path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_saved_figure_shows_the_file_itself_and_is_drawn_once(figures_in_tmp):
    plotting.use_course_style()
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(["a", "b"], [1, 2])
    ax.set(title="Two bars", xlabel="letter", ylabel="count")
    saved = plotting.save_figure(fig, "shown")
    png, metadata = saved._repr_png_()
    assert png == saved.path.read_bytes()
    assert not plt.fignum_exists(fig.number)  # closed: Jupyter will not draw it again
    pixels = int.from_bytes(png[16:20], "big")  # drawn at savefig.dpi = 150
    assert metadata == {"width": round(pixels * 100 / 150)}  # shown at figure.dpi = 100
    assert open(saved, "rb").read() == png  # a SavedFigure is a path-like


def test_save_figure_refuses_an_unlabelled_figure(figures_in_tmp):
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    ax.set_title("No axis labels")
    with pytest.raises(ValueError, match="has no x label or y label"):
        plotting.save_figure(fig, "bad")
    plt.close(fig)
    assert list(figures_in_tmp.iterdir()) == []
