"""Licence and attribution facts per event-data publisher, kept with every import."""

from __future__ import annotations

from dataclasses import dataclass


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
