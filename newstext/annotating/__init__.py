"""Notebook 03, *Annotating with spaCy*: entities, rules, quotations and speakers.

- ``quotations``: quotations in a Doc, with cue and speaker.
- ``entity_rules``: rule components on top of the statistical entity recogniser.
- ``annotate_page``: a whole page annotated, and the CSV files it writes.
- ``textacy_baseline``: a published quotation extractor beside ours.

Imports only from ``newstext.core``, ``newstext.cleaning`` and ``newstext.exploring``.
"""
