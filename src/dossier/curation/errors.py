"""The one error curation raises: a refusal the user reads as one line; nothing was written."""

from __future__ import annotations


class CurationError(ValueError):
    """A change the dataset refuses (unknown actor, a value outside the scale, a stale form, …)."""
