"""Frames and files the import page and the command line show: no streamlit here."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pandas as pd

from ..dataset import Dataset
from ..safe import neutralise_formula
from .actors import Gazetteer, suggestion_text
from .licences import LICENCES
from .quality import describe
from .run import Prepared


def rejected_csv(prepared: Prepared) -> bytes:
    """The rejected rows with their row numbers and reasons, safe to open in a spreadsheet."""
    return _safe_csv(prepared.rejected)


def flagged_csv(prepared: Prepared) -> bytes:
    """The rows imported with data-quality flags: row number, flags, reasons, then the row as published."""
    return _safe_csv(prepared.flagged)


def _safe_csv(frame: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    frame.astype("object").map(neutralise_formula).to_csv(
        buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n"
    )
    return buffer.getvalue().encode("utf-8")


def reasons_frame(prepared: Prepared) -> pd.DataFrame:
    return pd.DataFrame({"Problem": list(prepared.reasons), "Rows": list(prepared.reasons.values())})


def flags_frame(prepared: Prepared) -> pd.DataFrame:
    """One row per data-quality flag among the imported rows: its code, what it means, how many rows."""
    return pd.DataFrame(
        {
            "Flag": pd.Series(list(prepared.flags), dtype="str"),
            "Meaning": pd.Series([describe(c) for c in prepared.flags], dtype="str"),
            "Rows": pd.Series(list(prepared.flags.values()), dtype="int64"),
        }
    )


@dataclass(frozen=True)
class RowGroup:
    """Rows the review step sets apart: what they are, a count per reason, and the rows themselves as CSV."""

    word: str
    intro: str
    table: pd.DataFrame
    csv: bytes


def row_groups(prepared: Prepared) -> list[RowGroup]:
    """The rejected and the flagged rows of a prepared import, each group only when it holds a row."""
    groups = []
    if prepared.rows_rejected:
        intro = "**Rejected:** rows that cannot be represented (no id, no readable date, a repeated id)."
        groups.append(RowGroup("rejected", intro, reasons_frame(prepared), rejected_csv(prepared)))
    if prepared.rows_flagged:
        intro = "**Flagged:** imported as published; the flag names what the source gets wrong."
        groups.append(RowGroup("flagged", intro, flags_frame(prepared), flagged_csv(prepared)))
    return groups


def actors_frame(prepared: Prepared, mapped: bool) -> pd.DataFrame:
    actors = prepared.actors[prepared.actors["mapped"] == mapped]
    columns = ["name", "events", "actor_id"] if mapped else ["name", "events", "kind", "suggested"]
    names = {
        "name": "Name in the file",
        "actor_id": "Gazetteer actor",
        "kind": "Kind (guessed)",
        "events": "Events",
        "suggested": "Near matches (score)",
    }
    return actors[columns].rename(columns=names)


def registry_frame(registry: pd.DataFrame) -> pd.DataFrame:
    """imports.csv for display, newest first."""
    shown = registry.assign(
        format=registry["format"].map(lambda k: LICENCES[k].publisher if k in LICENCES else k),
        rows_imported=pd.to_numeric(registry["rows_imported"]),
        rows_rejected=pd.to_numeric(registry["rows_rejected"]),
        rows_flagged=pd.to_numeric(registry["rows_flagged"].replace("", "0")),
    )
    columns = {
        "file_name": "File",
        "rows_imported": "Events",
        "rows_flagged": "Flagged",
        "rows_rejected": "Rejected",
        "format": "Format",
        "imported_at": "Imported (UTC)",
        "attribution": "Attribution",
        "layout": "Layout",
        "import_id": "Import id",
        "sha256": "SHA-256",
    }
    return shown[list(columns)].rename(columns=columns).iloc[::-1].reset_index(drop=True)


def counts(prepared: Prepared) -> dict[str, int]:
    return {
        "Rows read": prepared.rows_read,
        "Rows that pass": prepared.rows_good,
        "Rows flagged": prepared.rows_flagged,
        "Rows rejected": prepared.rows_rejected,
    }


def counts_line(view: Dataset) -> str:
    """'Imported events matching the filters (country: Pakistan): UCDP GED: 4, ACLED: 2'."""
    found = ", ".join(f"{name}: {count:,}" for name, count in imported_counts(view.events).items())
    return f"Imported events matching the filters ({view.selection.describe()}): {found or 'none'}"


def imported_counts(events: pd.DataFrame) -> dict[str, int]:
    """Imported events per publisher among ``events`` (e.g. the filtered view)."""
    if "origin" not in events:
        return {}
    counts = events["origin"].value_counts()
    return {LICENCES[k].publisher: int(n) for k, n in counts.items() if k in LICENCES and n}


_UNMAPPED = {
    "name": "Name in the data",
    "events": "Events",
    "kind": "Kind (guessed)",
    "actor_id": "Actor id",
    "suggested": "Near matches (score)",
}


def unmapped_actors(actors: pd.DataFrame, event_actors: pd.DataFrame) -> pd.DataFrame:
    """Imported actor names the gazetteer does not map, with their events in ``event_actors`` and near
    matches in the gazetteer (add the name as that actor's alias to map it), busiest first."""
    if "origin" not in actors:
        return pd.DataFrame(columns=list(_UNMAPPED.values()))
    imported = actors["origin"] == "imported"
    own = actors[imported]
    counts = event_actors["actor_id"].value_counts()  # categorical at scale: counts per category, no copies
    counts.index = counts.index.astype("str")
    frame = own.assign(events=own["actor_id"].map(counts).fillna(0).astype(int))
    frame = frame[frame["events"] > 0].sort_values("events", ascending=False)
    gazetteer = Gazetteer.from_actors(actors[~imported])
    frame = frame.assign(
        suggested=pd.Series(
            [suggestion_text(gazetteer.suggest(n)) for n in frame["name"]], index=frame.index, dtype="str"
        )
    )
    return frame[list(_UNMAPPED)].rename(columns=_UNMAPPED)
