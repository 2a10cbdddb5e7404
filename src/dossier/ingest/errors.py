"""The one error type of ingest: a problem with the input, told in one line."""

from __future__ import annotations


class IngestError(ValueError):
    """Bad input or a refused commit; the message is one line and nothing has been written."""
