"""Notebook 04, *Annotating by hand*: reference, agreement, adjudication, scores, exports.

- ``scores``: the hand-made reference, and entities and quotations scored against it.
- ``agreement``: how much two annotators agree.
- ``adjudication``: two annotators' entities merged into one gold set.
- ``student_annotations``: a student's own annotations, checked, scored and saved.
- ``evaluation_tables``: the evaluation table and chart.
- ``exports``: the annotated article in the formats annotation tools read.
- ``dev_scores``: quotations, speakers and entities scored on the development articles,
  unseen news annotated by hand (notebook 03's honest picture).
- ``own_page``: notebook 05, a page of one's own in pairs: its paragraphs for ``mark``, the
  agreement of two annotation files, the pair's adjudication.

Imports from every earlier stage, never from ``newstext.course``.
"""
