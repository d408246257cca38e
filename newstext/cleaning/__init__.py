"""Notebook 01, *Cleaning*: from the raw page to articles, paragraphs and sentences.

- ``main_run``: the main article of any page, from general evidence (the largest run of
  prose, as jusText finds it), with a reason for every line.
- ``lines``: every raw line gets an action, a reason and why.
- ``lexicon``: the word lists the cleaning rules use (a student can read and edit them).
- ``metadata``, ``published``: source, byline, date; relative times resolved.
- ``inline``: noise glued inside a paragraph (ad markers, captions, teasers).
- ``paragraphs``, ``sentences``: body lines into paragraphs and sentences.
- ``quote_marks``: the one quote-mark classifier (apostrophe, opening, closing mark).
- ``alignment``: where every cleaned character came from in the raw page.
- ``articles``: one row per article.
- ``glitches``: sentences where the scraper lost words.
- ``html_pages``: a saved web page's main text and metadata, extracted with trafilatura.
- ``overrides``: a student's per-page override file of line decisions (notebook 05).
- ``pipeline``: the whole cleaning in one call (``clean_page``, ``clean_file``), the
  cleaning log, and the files it writes.
- ``line_scores``: the cleaner's line labels scored against the hand labels.
- ``shingle_scores``: the main article scored against a hand-made one, the benchmark's way
  (is the cleaner right?).

Imports only from ``newstext.core``.
"""
