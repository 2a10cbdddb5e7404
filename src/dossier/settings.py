"""Deployment settings read from the environment, shared by the app and the CLI."""

from __future__ import annotations

import os

TRUE = ("1", "true", "yes", "on")


def read_only() -> bool:
    """DOSSIER_READ_ONLY=1 serves the dashboard to readers: no ingest, no import, no writes."""
    return os.environ.get("DOSSIER_READ_ONLY", "").strip().lower() in TRUE


class ReadOnlyError(PermissionError):
    def __init__(self) -> None:
        super().__init__("this Dossier is read-only (DOSSIER_READ_ONLY is set): nothing was written")
