"""The only package that imports streamlit, split by job: the frame, cached data, the sidebar filters,
shared widgets and downloads. Pages call these so that every page filters, cites and fails the same way."""

from .data import claim_search_index, curated_dataset, dataset
from .downloads import chart_downloads, pack_downloads
from .frame import enter_frame, navigation, page_link, read_only, require_frame, visible_pages
from .sidebar import clear_filters, current_selection, filtered, sidebar_filters
from .widgets import citation_links, clickable_chart, count_metrics, empty_state, quote_claim, source_provenance

__all__ = [
    "chart_downloads",
    "citation_links",
    "claim_search_index",
    "clear_filters",
    "clickable_chart",
    "count_metrics",
    "curated_dataset",
    "current_selection",
    "dataset",
    "empty_state",
    "enter_frame",
    "filtered",
    "navigation",
    "pack_downloads",
    "page_link",
    "quote_claim",
    "read_only",
    "require_frame",
    "sidebar_filters",
    "source_provenance",
    "visible_pages",
]
