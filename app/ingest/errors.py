"""Errors the loader reports per file (file, reason) instead of stopping the whole load."""


class IngestError(Exception):
    """A file that cannot be read as an article; ``reason`` is shown to the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
