"""Helpers for the course "Cleaning, exploring and annotating a scraped news page".

The notebooks in ``notebooks/`` teach each idea in a few lines, then call the tested
functions kept here. The package is laid out by course stage, so the code of a notebook is
in one folder::

    newstext/
      core/         every notebook: paths, reading a page, errors, the model, the Doc cache, rates
      cleaning/     01 Cleaning: lines, metadata, paragraphs, quote marks, the pipeline
      exploring/    02 Exploring: tables, counts, keyness, numbers, voices, figures
      annotating/   03 Annotating with spaCy: quotations, entity rules, whole pages
      evaluating/   04 Annotating by hand: reference, agreement, adjudication, exports
      course/       00 Start here and the tooling: CLI, editions, runner, exercise checks

Dependencies run one way, down this list: a stage imports only from the stages above it
(checked by the import contracts in ``pyproject.toml``).
"""

from newstext.core.errors import (
    ModelNotInstalledError,
    NewstextError,
    PageError,
    short_errors_in_notebooks,
)
from newstext.core.model import load_english
from newstext.core.paths import RAW_PAGE, processed_dir, project_root
from newstext.core.reading import read_page

__all__ = [
    "NewstextError",
    "PageError",
    "ModelNotInstalledError",
    "load_english",
    "read_page",
    "project_root",
    "processed_dir",
    "RAW_PAGE",
]
__version__ = "0.1.0"

short_errors_in_notebooks()  # in a notebook, our errors show as their one line
