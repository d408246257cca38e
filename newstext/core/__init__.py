"""The core every notebook uses: where files are, reading a page, the errors, the model.

- ``paths``: the project's folders and the course page (``RAW_PAGE``).
- ``reading``: reading a raw page safely (one clear line for every bad file).
- ``errors``: the project's exceptions.
- ``model``: the one place that loads the English spaCy pipeline.
- ``doc_cache``: each text parsed once per process; article Docs made of paragraphs.
- ``plotting``: one plotting style, figures saved as files as well as shown.
- ``reporting_verbs``: the one list of verbs that report speech (said, added, testified ...).

Nothing here imports a later stage (cleaning, exploring, annotating, evaluating, course).
"""
