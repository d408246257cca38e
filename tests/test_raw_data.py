import hashlib

from newstext.core.paths import RAW_PAGE, raw_dir

PAGE_SHA256 = "fedbff634cadb502ca3a33effa328d41d56e5cbc1bb625f035859eb7939b1d78"


def test_raw_page_is_the_shipped_page_byte_for_byte():
    assert hashlib.sha256(RAW_PAGE.read_bytes()).hexdigest() == PAGE_SHA256


def test_raw_readme_describes_the_page_and_its_hash():
    readme = (raw_dir() / "README.md").read_text(encoding="utf-8")
    assert RAW_PAGE.name in readme
    assert PAGE_SHA256 in readme
    for words in ("Daily8", "Mint", "First Post", "Indian Express", "copyright"):
        assert words in readme
