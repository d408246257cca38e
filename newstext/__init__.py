"""Helpers for the course "Cleaning, exploring and annotating a scraped news page".

The notebooks in ``notebooks/`` teach each idea in a few lines, then call the tested
functions kept here.
"""

from newstext.errors import ModelNotInstalledError, NewstextError, PageError
from newstext.model import load_english
from newstext.paths import RAW_PAGE, processed_dir, project_root
from newstext.reading import read_page

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
