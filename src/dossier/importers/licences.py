"""Licence and attribution facts per event-data publisher: the one place that says how imported data is credited.

Source lines, the raw-export rule and the note on aggregated rows all come from here, so a chart,
an export and the import page cannot word a licence differently.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Licence:
    publisher: str  # short name used in source lines
    licence: str
    citation: str
    terms: str  # what the analyst may and may not do, in one or two sentences
    raw_rows_allowed: bool  # may exports give others the imported rows themselves?
    needs_access_details: bool = False  # attribution must name the access date and filters

    def source_line(self, accessed: str = "", filters: str = "") -> str:
        """'UCDP GED (CC BY 4.0)' or 'ACLED (accessed 2025-01-10; filters: country=Pakistan)'."""
        if not self.needs_access_details:
            return f"{self.publisher} ({self.licence})"
        details = [f"accessed {accessed}" if accessed else "access date not recorded"]
        if filters:
            details.append(f"filters: {filters}")
        return f"{self.publisher} ({'; '.join(details)})"


UCDP = Licence(
    publisher="UCDP GED",
    licence="CC BY 4.0",
    citation=(
        "Sundberg, Ralph and Erik Melander (2013), “Introducing the UCDP Georeferenced Event Dataset”, "
        "Journal of Peace Research 50(4)."
    ),
    terms="Free to share and adapt with attribution: name UCDP GED and cite Sundberg & Melander (2013).",
    raw_rows_allowed=True,
)
ACLED = Licence(
    publisher="ACLED",
    licence="ACLED terms of use",
    citation="Armed Conflict Location & Event Data (ACLED), acleddata.com.",
    terms=(
        "Acknowledge ACLED with a citation linking to acleddata.com, the access date, the filters used and any "
        "changes made (Dossier maps actor names onto its gazetteer). Do not give others the raw rows or build a "
        "substitute product: share aggregates, or warn that raw ACLED rows may not be redistributed."
    ),
    raw_rows_allowed=False,
    needs_access_details=True,
)
LICENCES: dict[str, Licence] = {"ucdp": UCDP, "acled": ACLED}
CURATED = "curated"  # the origin of rows the analyst entered: no third-party licence applies
RAW_EXPORT = (CURATED, *(origin for origin, licence in LICENCES.items() if licence.raw_rows_allowed))


def raw_export_allowed(origin: str) -> bool:
    """May the rows of this origin be exported as they are? Curated rows yes, UCDP yes (CC BY), ACLED no.

    An origin without a licence on record is not exported raw: nothing says that we may.
    """
    return origin in RAW_EXPORT


def raw_rows(origins: pd.Series) -> np.ndarray:
    """``raw_export_allowed`` over a column of origins, as a boolean array."""
    return np.asarray(origins.astype("str").isin(RAW_EXPORT), dtype=bool)


def aggregated_note(origin: str) -> str:
    """Why rows of ``origin`` reach an export only as counts."""
    licence = LICENCES.get(origin)
    if licence is None:
        return f"Rows of origin {origin!r} aggregated per month, country and event type: no licence on record"
    who = licence.publisher
    return f"{who} rows aggregated per month, country and event type: {who}'s terms forbid sharing raw rows"


def _present(values: pd.Series) -> set[str]:
    """The distinct non-empty values of a column, as text (fast on a million categorical rows)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        found = values.cat.categories[np.unique(codes[codes >= 0])]
    else:
        found = pd.unique(values.dropna())
    return {str(v) for v in found} - {""}


def source_names(events: pd.DataFrame, registry: pd.DataFrame) -> list[str]:
    """Source-line entries for the imported events among ``events``, e.g. ['UCDP GED (CC BY 4.0)'].

    ACLED entries carry the access dates and filters of the imports involved (``registry`` is
    data/imports.csv), as its terms require. Publishers come in the order the registry lists
    their imports, then in declaration order; events whose import is not registered are credited
    by their origin alone.
    """
    present = _present(events["origin"]) if "origin" in events else set()
    origins = [origin for origin in LICENCES if origin in present]
    if not origins:
        return []
    used = registry.iloc[0:0]
    if "import_id" in events and len(registry):
        used = registry[registry["import_id"].isin(_present(events["import_id"]))]
    order = list(dict.fromkeys([*(str(f) for f in used["format"] if f in origins), *origins]))
    names = []
    for origin in order:
        rows = used[used["format"] == origin]
        accessed = ", ".join(sorted({str(a) for a in rows["accessed"] if a}))
        filters = "; ".join(dict.fromkeys(str(f) for f in rows["filters"] if f))
        names.append(LICENCES[origin].source_line(accessed, filters))
    return names
