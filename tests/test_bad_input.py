"""The bad-input matrix: every odd file gives either one clear line (exit 2, no traceback)
or exactly the result of the clean page. Run through the reader and the CLI commands."""

from __future__ import annotations

import codecs

import pytest

from newstext.core.errors import PageError
from newstext.core.paths import RAW_PAGE
from newstext.core.reading import read_page
from newstext.course.cli import main

PAGE = RAW_PAGE.read_bytes()


def make_file(tmp_path, data: bytes):
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    return path


def make_sparse(tmp_path, size: int):
    path = tmp_path / "page.txt"
    with open(path, "wb") as big:
        big.truncate(size)
    return path


#: case name -> (how to make it, None for "same result as the clean page" or the error's words)
MATRIX = {
    "missing path": (lambda tmp: tmp / "nowhere.txt", "does not exist"),
    "a directory": (lambda tmp: tmp, "is a folder"),
    "empty file": (lambda tmp: make_file(tmp, b""), "is empty (0 bytes)"),
    "whitespace only": (lambda tmp: make_file(tmp, b" \n\t \r\n"), "holds only whitespace"),
    "NUL bytes": (lambda tmp: make_file(tmp, b"abc\x00def"), "looks binary"),
    "Latin-1 bytes": (
        lambda tmp: make_file(tmp, "Café society\n".encode("latin-1") + PAGE),
        "--encoding latin-1",
    ),
    "HTML document": (
        lambda tmp: make_file(tmp, b"<!doctype html><html><body>News</body></html>"),
        "is an HTML document",
    ),
    "20 MB file": (lambda tmp: make_sparse(tmp, 20_000_000), "over the 5,000,000-byte limit"),
    "UTF-16": (lambda tmp: make_file(tmp, PAGE.decode("utf-8").encode("utf-16")), None),
    "BOM": (lambda tmp: make_file(tmp, codecs.BOM_UTF8 + PAGE), None),
    "CRLF line ends": (lambda tmp: make_file(tmp, PAGE.replace(b"\n", b"\r\n")), None),
}


@pytest.fixture(scope="module")
def clean_outputs(tmp_path_factory):
    """The CSV files `clean` writes for the course page's bytes, copied under the same name as
    the odd files (the course page's own file gets its documented reference date)."""
    copy = tmp_path_factory.mktemp("page") / "page.txt"
    copy.write_bytes(PAGE)
    out = tmp_path_factory.mktemp("clean")
    assert main(["clean", str(copy), "--out", str(out)]) == 0
    return {path.name: path.read_bytes() for path in out.iterdir()}


@pytest.mark.parametrize("case", MATRIX)
def test_the_reader(case, tmp_path):
    make, says = MATRIX[case]
    path = make(tmp_path)
    if says is None:
        assert read_page(path) == PAGE.decode("utf-8")
        return
    with pytest.raises(PageError) as caught:
        read_page(path)
    assert says in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("command", ["clean", "annotate"])
@pytest.mark.parametrize("case", MATRIX)
def test_the_commands(command, case, tmp_path, capsys, clean_outputs):
    make, says = MATRIX[case]
    tmp_path.joinpath("in").mkdir()
    path = make(tmp_path / "in")
    out = tmp_path / "out"
    status = main([command, str(path), "--out", str(out)])  # a traceback would fail the test
    captured = capsys.readouterr()
    if says is None:
        assert status == 0
        written = {p.name: p.read_bytes() for p in out.iterdir()}
        assert {name: written[name] for name in clean_outputs} == clean_outputs
        return
    assert status == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0]
    assert not out.exists(), "nothing is written for a bad file"
