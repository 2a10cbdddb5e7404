"""Event-data importers, declared once: each spec knows its columns, its licence and how to map a batch.

Adding a format means adding a module with a ``SPEC`` and one entry in IMPORTERS.
Running an import lives in ``dossier.importers.run``; storage in ``dossier.importers.storage``.
"""

from __future__ import annotations

from . import acled, ucdp
from .spec import ImporterSpec, ImportRefused

IMPORTERS: tuple[ImporterSpec, ...] = (ucdp.SPEC, acled.SPEC)
FORMATS = {spec.key: spec for spec in IMPORTERS}


def detect(header: list[str], file_name: str, fmt: str = "auto") -> ImporterSpec:
    """The importer whose layout the header matches (or ``fmt``), else ImportRefused with one clear message."""
    columns = set(header)
    duplicated = sorted({c for c in header if c and header.count(c) > 1})
    if duplicated:
        raise ImportRefused(file_name, f"duplicate column(s) in the header: {', '.join(duplicated)}")
    if header.count("") > 1:  # one unnamed column (a trailing comma) is harmless; more cannot be told apart
        raise ImportRefused(file_name, f"the header has {header.count('')} unnamed columns")
    if fmt != "auto":
        if fmt not in FORMATS:
            raise ImportRefused(file_name, f"unknown format {fmt!r} (choose {', '.join(FORMATS)} or auto)")
        spec = FORMATS[fmt]
    else:
        matches = [s for s in IMPORTERS if 2 * len(s.signature & columns) >= len(s.signature)]
        if len(matches) > 1:
            both = " and ".join(s.name for s in matches)
            raise ImportRefused(file_name, f"mixed layout: the header has columns of both {both}")
        if not matches:
            expected = "; ".join(f"{s.name}: {','.join(s.columns[:4])},…" for s in IMPORTERS)
            raise ImportRefused(file_name, f"not a UCDP GED or ACLED export: the header does not match ({expected})")
        spec = matches[0]
    missing = [c for c in spec.required if c not in columns]
    if missing:
        raise ImportRefused(file_name, f"missing column(s) for {spec.name}: {', '.join(missing)}")
    return spec


__all__ = ["FORMATS", "IMPORTERS", "ImportRefused", "ImporterSpec", "detect"]
