"""Notebook 02, *Exploring*: tidy tables, counts, keyness and plots of the cleaned page.

- ``page_docs``: the cleaned page parsed into one spaCy Doc per article.
- ``tables``: articles, paragraphs, sentences and tokens as pandas tables.
- ``counting``, ``keyness``: top words, lemmas, bigrams; what sets a text apart.
- ``dispersion``, ``cooccurrence``, ``names``: where names occur, which share a sentence.
- ``numbers``: every number of the articles, what it counts, which to doubt.
- ``voices``: how much of each article is quoted, and by whom.
- ``figures``: the notebook's longer plots.

Imports only from ``newstext.core`` and ``newstext.cleaning``.
"""
