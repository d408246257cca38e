"""read_page: the same text from every harmless variant, one clear line for every bad file."""

import codecs
from pathlib import Path

import pytest

from newstext.core.errors import PageError
from newstext.core.paths import RAW_PAGE
from newstext.core.reading import read_page


@pytest.fixture
def page_bytes() -> bytes:
    return RAW_PAGE.read_bytes()


def write(tmp_path, data: bytes, name: str = "page.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def error_of(path, **kwargs) -> str:
    with pytest.raises(PageError) as caught:
        read_page(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message, "errors must be one line"
    return message


def test_reads_the_course_page(page_text, page_bytes):
    assert page_text == page_bytes.decode("utf-8")
    assert page_text.startswith("logo\nMarco Rubio fumes")
    assert len(page_text) == 13954


@pytest.mark.parametrize(
    "variant",
    [
        lambda b: b.replace(b"\n", b"\r\n"),
        lambda b: codecs.BOM_UTF8 + b,
        lambda b: codecs.BOM_UTF8 + b.replace(b"\n", b"\r\n"),
        lambda b: b.replace(b"\n", b"\r"),
        lambda b: codecs.BOM_UTF16_LE + b.decode("utf-8").encode("utf-16-le"),
        lambda b: b.decode("utf-8").encode("utf-16"),
    ],
    ids=["crlf", "bom", "bom+crlf", "old-mac-cr", "utf16-le-bom", "utf16"],
)
def test_harmless_variants_give_the_same_text(tmp_path, page_text, page_bytes, variant):
    assert read_page(write(tmp_path, variant(page_bytes))) == page_text


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    assert (
        error_of(missing)
        == f"{missing} does not exist: check the path (it is relative to {Path.cwd()})."
    )


def test_folder(tmp_path):
    assert "is a folder, not a file" in error_of(tmp_path)


def test_empty_file(tmp_path):
    assert "is empty (0 bytes)" in error_of(write(tmp_path, b""))


def test_whitespace_only(tmp_path):
    assert "holds only whitespace" in error_of(write(tmp_path, b"  \n\t\r\n   \n"))


def test_binary_file(tmp_path):
    message = error_of(write(tmp_path, b"PK\x03\x04\x00\x00binary"))
    assert "looks binary (a NUL byte at offset 4)" in message


def test_latin1_bytes_say_where_and_suggest_encoding(tmp_path):
    path = write(tmp_path, "Line one\nCaf\u00e9 au lait\n".encode("latin-1"))
    message = error_of(path)
    assert "is not valid utf-8: byte 0xe9 at offset 12 (line 2)" in message
    assert "--encoding latin-1" in message


def test_latin1_reads_with_the_right_encoding(tmp_path):
    path = write(tmp_path, "Caf\u00e9\r\n".encode("latin-1"))
    assert read_page(path, encoding="latin-1") == "Caf\u00e9\n"


def test_unknown_encoding(tmp_path):
    assert "unknown encoding 'klingon'" in error_of(write(tmp_path, b"hi"), encoding="klingon")


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as big:
        big.truncate(20_000_000)  # a 20 MB file (sparse: costs no disk)
    assert "is 20,000,000 bytes, over the 5,000,000-byte limit" in error_of(path)


def test_size_limit_can_be_set():
    assert "over the 1,000-byte limit" in error_of(RAW_PAGE, max_bytes=1000)


def test_html_instead_of_text(tmp_path):
    path = write(tmp_path, b"<!DOCTYPE html>\n<html><body><p>News</p></body></html>")
    assert "is an HTML document, not the page's visible text" in error_of(path)


def test_the_raw_file_is_left_unchanged(page_bytes):
    read_page(RAW_PAGE)
    assert RAW_PAGE.read_bytes() == page_bytes
