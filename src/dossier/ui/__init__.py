"""The only package that imports streamlit, split by job: the frame, cached data, the sidebar filters,
shared widgets, the chart pages' panels and downloads. Pages call these so that every page filters, cites
and fails the same way."""

from .data import built, claim_search_index, curated_dataset, dataset
from .downloads import chart_downloads, pack_downloads
from .frame import enter_frame, navigation, page_link, read_only, require_frame, visible_pages
from .panels import (
    event_panel,
    lanes_picker,
    matrix_panel,
    matrix_view_picker,
    measure_picker,
    timeline_with_picker,
    undated_events,
)
from .reading import claim_explorer, claim_query, grading_explainer, source_list, source_reader, source_request
from .sidebar import clear_filters, current_selection, filtered, sidebar_filters
from .widgets import (
    citation_links,
    clickable_chart,
    count_metrics,
    empty_state,
    explore_links,
    quote_claim,
    quote_claims,
    source_provenance,
)

__all__ = [
    "built",
    "chart_downloads",
    "citation_links",
    "claim_explorer",
    "claim_query",
    "claim_search_index",
    "clear_filters",
    "clickable_chart",
    "count_metrics",
    "curated_dataset",
    "current_selection",
    "dataset",
    "empty_state",
    "enter_frame",
    "event_panel",
    "explore_links",
    "filtered",
    "grading_explainer",
    "lanes_picker",
    "matrix_panel",
    "matrix_view_picker",
    "measure_picker",
    "navigation",
    "pack_downloads",
    "page_link",
    "quote_claim",
    "quote_claims",
    "read_only",
    "require_frame",
    "sidebar_filters",
    "source_list",
    "source_provenance",
    "source_reader",
    "source_request",
    "timeline_with_picker",
    "undated_events",
    "visible_pages",
]
