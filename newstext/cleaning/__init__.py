"""Notebook 01, *Cleaning*: from the raw page to articles, paragraphs and sentences.

- ``lines``: every raw line gets an action and a reason.
- ``lexicon``: the word lists the cleaning rules use (a student can read and edit them).
- ``metadata``, ``published``: source, byline, date; relative times resolved.
- ``inline``: noise glued inside a paragraph (ad markers, captions, teasers).
- ``paragraphs``, ``sentences``: body lines into paragraphs and sentences.
- ``quote_marks``: the one quote-mark classifier (apostrophe, opening, closing mark).
- ``alignment``: where every cleaned character came from in the raw page.
- ``articles``: one row per article.
- ``glitches``: sentences where the scraper lost words.
- ``pipeline``: the whole cleaning in one call (``clean_page``) and the files it writes.
- ``line_scores``: the cleaner's line labels scored against the hand labels.

Imports only from ``newstext.core``.
"""
