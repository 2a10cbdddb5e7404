"""Where each thing is shown: the page (from the page registry) and the query that opens the right view.

The matrix page's views are declared once here; the page's selector and the links of the
citation index both read this list, so a renamed view cannot leave dead links behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..registry import PageSpec, page_by_url

Query = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MatrixView:
    label: str  # shown on the selector and carried in the URL: ?view=Relations
    shows: str  # the records it draws, as the citation index names them: assessment | relation | dyad


MATRIX_VIEWS = (
    MatrixView("Threat perceptions", "assessment"),
    MatrixView("Relations", "relation"),
    MatrixView("Event dyads", "dyad"),
)
VIEW_PARAM = "view"  # the matrix page's selector key, bound to the URL
EVENT_PAGE, MATRIX_PAGE = "timeline", "matrix"  # url paths in registry.PAGES


def matrix_view(shows: str) -> MatrixView:
    return next(v for v in MATRIX_VIEWS if v.shows == shows)


def where_shown(kind: str) -> tuple[PageSpec, Query]:
    """The page and query that show a citing record: an event on the timeline, a cell in its matrix view."""
    if kind == "event":
        return page_by_url(EVENT_PAGE), ()
    return page_by_url(MATRIX_PAGE), ((VIEW_PARAM, matrix_view(kind).label),)
