"""The pages of the app, declared once: navigation, tests and docs loop over this list."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    path: str  # relative to the project root
    title: str
    icon: str
    url_path: str
    summary: str
    default: bool = False
    writes: bool = False  # hidden in read-only mode


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "pages/overview.py",
        "Overview",
        ":material/dashboard:",
        "overview",
        "Counts, key judgments and where to go next.",
        default=True,
    ),
    PageSpec(
        "pages/timeline.py",
        "Timeline",
        ":material/timeline:",
        "timeline",
        "Events over time in lanes by actor, country or type; click one for the claims behind it.",
    ),
    PageSpec(
        "pages/matrix.py",
        "Matrix",
        ":material/grid_on:",
        "matrix",
        "Who fears whom, who works with whom, who fights whom: evidence in every cell.",
    ),
    PageSpec(
        "pages/claims.py",
        "Claims",
        ":material/format_quote:",
        "claims",
        "Search and filter every claim, with its grade, actors and what cites it.",
    ),
    PageSpec(
        "pages/sources.py",
        "Sources",
        ":material/article:",
        "sources",
        "Each document with its provenance, every claim span highlighted.",
    ),
    PageSpec(
        "pages/curate.py",
        "Curate",
        ":material/edit_note:",
        "curate",
        "Actors and aliases, imported names to map, and every change with undo.",
        writes=True,
    ),
    PageSpec(
        "pages/ingest.py",
        "Ingest",
        ":material/upload_file:",
        "ingest",
        "Add new briefs: review the claims, actors and events found, then commit.",
        writes=True,
    ),
    PageSpec(
        "pages/import.py",
        "Import",
        ":material/database_upload:",
        "import",
        "Bring in UCDP GED and ACLED event files, with their licence, provenance and rejected rows.",
        writes=True,
    ),
)


def page_by_url(url_path: str) -> PageSpec:
    return next(p for p in PAGES if p.url_path == url_path)
