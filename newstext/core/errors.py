"""The project's exceptions: each carries one line that says what went wrong and what to do."""


class NewstextError(Exception):
    """Base class for every error the course code raises on purpose."""


class PageError(NewstextError):
    """A page file cannot be read as text (missing, empty, binary, wrongly encoded, too big)."""


class ModelNotInstalledError(NewstextError):
    """No English spaCy pipeline is installed in the running Python."""
