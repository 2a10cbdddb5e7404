"""The only module that imports streamlit: shared widgets, the cached loader, page plumbing.

Pages call these so that every page filters, cites and fails the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from . import claims as claim_tools
from .dataset import Dataset, load_dataset
from .filters import Selection, date_bounds
from .matrix import picked
from .registry import PAGES, PageSpec
from .safe import escape_markdown, web_url
from .schema import GROUP_KINDS
from .search import SearchIndex
from .store import DatasetError, data_dir

FILTER_KEYS = ("country", "group", "from", "to", "type")
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def require_frame() -> None:
    """Run a page inside app.py's frame even when a deep link reached it first.

    A folder named pages/ puts a fresh server in legacy multipage mode, which would
    run the page alone, without the shared sidebar filters.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def _data_version(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Cheap fingerprint of the data folder, so a commit elsewhere invalidates the cache."""
    entries = []
    for path in sorted(folder.glob("*")) + sorted(folder.glob("*/*")):
        if path.is_file() and not path.name.startswith("."):
            stat = path.stat()
            entries.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


@st.cache_resource(show_spinner="Loading dataset…", max_entries=2)
def _load(folder: str, version: tuple) -> Dataset:
    """One loaded dataset per data version, shared read-only by every session.

    ``st.cache_data`` would hand each caller a deep copy: at a million events that is
    hundreds of milliseconds per rerun, twice (frame and page). The Dataset is frozen
    and every filter returns new frames (pandas copy-on-write), so sharing is safe.
    """
    return load_dataset(folder)


def dataset() -> Dataset:
    """The full dataset, or a one-line error and a stopped page when it is broken."""
    folder = data_dir()
    try:
        version = _data_version(folder)
        ds = _load(str(folder), version)
    except DatasetError as exc:
        st.error(f"The dataset in {folder} cannot be loaded: {exc}", icon=":material/error:")
        st.stop()
    except OSError as exc:
        st.error(f"The data folder {folder} cannot be read: {exc.strerror or exc}", icon=":material/error:")
        st.stop()
    if os.environ.get("DOSSIER_CHECK_IMMUTABLE") == "1" and _digest(ds) != _digest_as_loaded(str(folder), version):
        st.error("A page changed the shared cached dataset (DOSSIER_CHECK_IMMUTABLE).", icon=":material/error:")
        st.stop()
    return ds


def _digest(ds: Dataset) -> str:
    """The contents of every frame (columns, dtypes, index, values), for the debug check above."""
    digest = hashlib.sha256()
    for name, frame in ds.tables().items():
        digest.update(f"{name}{list(frame.columns)}{list(frame.dtypes.astype(str))}".encode())
        digest.update(pd.util.hash_pandas_object(frame.index).to_numpy().tobytes())
        for column in frame.columns:
            values = frame[column].map(repr) if frame[column].dtype == object else frame[column]  # lists
            digest.update(pd.util.hash_pandas_object(values, index=False).to_numpy().tobytes())
    return digest.hexdigest()


@st.cache_resource(show_spinner=False, max_entries=2)
def _digest_as_loaded(folder: str, version: tuple) -> str:
    return _digest(_load(folder, version))


@st.cache_data(show_spinner="Indexing claims for search…", max_entries=4)
def _claim_index(folder: str, version: tuple) -> SearchIndex:
    return SearchIndex.build(_load(folder, version).claims["text"])


def claim_search_index(full: Dataset) -> SearchIndex:
    """The search index of the full dataset's claims, built once per data version."""
    folder = data_dir()
    index = _claim_index(str(folder), _data_version(folder))
    return index if index.labels.equals(full.claims.index) else SearchIndex.build(full.claims["text"])


@st.cache_resource(show_spinner=False, max_entries=2)
def _load_curated(folder: str, version: tuple) -> Dataset:
    return load_dataset(folder, imports=False)


def curated_dataset() -> Dataset:
    """The curated tables alone (no imported events): what ingest reviews against and writes back."""
    dataset()  # shows the one-line error and stops if the folder is broken
    folder = data_dir()
    return _load_curated(str(folder), _data_version(folder))


def _country_options(ds: Dataset) -> list[str]:
    states = ds.actors.loc[ds.actors["kind"] == "state", "country"]
    located = pd.Series(ds.events["country"].unique())
    return sorted({c for c in pd.concat([states, located]) if isinstance(c, str) and c})


def _group_options(ds: Dataset) -> tuple[list[str], dict[str, str]]:
    groups = ds.actors[ds.actors["kind"].isin(GROUP_KINDS)].sort_values("actor_id")
    labels = {a: a if a == n else f"{a} · {n}" for a, n in zip(groups["actor_id"], groups["name"])}
    return list(groups["actor_id"]), labels


def _group_help(labels: dict[str, str]) -> str:
    named = [label for label in labels.values() if "·" in label][:12]
    return "Armed groups and organisations, by short name: " + escape_markdown("; ".join(named)) if named else ""


@dataclass(frozen=True)
class FilterOptions:
    countries: list[str]
    groups: list[str]
    group_help: str
    types: list[str]
    low: dt.date
    high: dt.date


@st.cache_resource(show_spinner=False, max_entries=2)
def _filter_options(folder: str, version: tuple) -> FilterOptions:
    """The sidebar's choices, computed once per data version rather than on every rerun."""
    ds = _load(folder, version)
    first, last = date_bounds(ds.events)
    groups, group_labels = _group_options(ds)
    return FilterOptions(
        countries=_country_options(ds), groups=groups, group_help=_group_help(group_labels),
        types=sorted(ds.events["event_type"].dropna().unique()),
        low=min(first, dt.date(1989, 1, 1)) if first else dt.date(1989, 1, 1),
        high=max(last, dt.date.today()) if last else dt.date.today(),
    )  # fmt: skip


def sidebar_filters() -> Selection:
    """The shared filters, bound to the URL (?country=…&group=…&from=…&to=…&type=…)."""
    dataset()  # a broken folder shows its one-line error and stops here
    folder = data_dir()
    options = _filter_options(str(folder), _data_version(folder))
    with st.sidebar:
        st.header("Filters")
        st.multiselect("Country", options.countries, key="country", bind="query-params", placeholder="All countries")
        st.multiselect(
            "Group",
            options.groups,
            key="group",
            bind="query-params",  # the URL carries the option's label, so labels are the actor ids
            placeholder="All groups and organisations",
            help=options.group_help,
        )
        left, right = st.columns(2)
        left.date_input("From", value=None, min_value=options.low, max_value=options.high, key="from",
                        bind="query-params")  # fmt: skip
        right.date_input("To", value=None, min_value=options.low, max_value=options.high, key="to",
                         bind="query-params")  # fmt: skip
        st.multiselect("Event type", options.types, key="type", bind="query-params", placeholder="All event types")
        selection = current_selection()
        if not selection.is_empty:
            st.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:", width="stretch")
        st.caption("Countries and groups combine with OR; dates and types narrow further. The URL keeps the view.")
    return selection


def current_selection() -> Selection:
    state = st.session_state
    return Selection.make(
        countries=state.get("country") or (),
        groups=state.get("group") or (),
        start=state.get("from"),
        end=state.get("to"),
        event_types=state.get("type") or (),
    )


def clear_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = None if key in ("from", "to") else []


def filtered() -> tuple[Dataset, Dataset]:
    """The full dataset and its view under the shared filters.

    The view needs the frame's filter widgets from this run. When several sessions reach a fresh
    server at once, one can run a page alone in legacy pages/ mode after another has left that mode
    (so ``require_frame`` lets it pass); it is rerun inside the frame rather than ignore its URL filters.
    """
    if "country" not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()
    ds = dataset()
    return ds, ds.apply(current_selection())


def empty_state(what: str, selection: Selection) -> None:
    st.info(f"No {what} match the current filters ({selection.describe()}).", icon=":material/search_off:")
    st.button("Clear filters", on_click=clear_filters, key=f"clear-{what}", icon=":material/filter_alt_off:")


def visible_pages() -> list[PageSpec]:
    """The registry's pages, less those that write when the deployment is read-only."""
    return [p for p in PAGES if not (p.writes and read_only())]


def navigation() -> st.navigation:
    pages = [
        st.Page(str(PROJECT_ROOT / p.path), title=p.title, icon=p.icon, url_path=p.url_path, default=p.default)
        for p in visible_pages()
    ]
    return st.navigation(pages)


def page_link(spec: PageSpec, label: str | None = None, **query: str) -> None:
    """Link to another page; the shared filters follow through their URL binding."""
    st.page_link(str(PROJECT_ROOT / spec.path), label=label or spec.title, icon=spec.icon, query_params=query or None)


def quote_claim(claim: pd.Series, link_to_reader: bool = True) -> None:
    """A claim shown verbatim as a quotation, with its citation and Admiralty grade."""
    with st.container(border=True):
        st.markdown("> " + escape_markdown(claim["text"]))
        st.caption(
            escape_markdown(claim_tools.citation(claim)) + " · " + escape_markdown(str(claim["grade_meaning"])),
            help=f"{claim['grade']}: {claim['grade_meaning']}. Kind: {claim['kind'].replace('_', ' ')}.",
        )
        if link_to_reader and any(p.url_path == "sources" for p in PAGES):
            reader = next(p for p in PAGES if p.url_path == "sources")
            page_link(reader, "Open in source", claim=str(claim["claim_id"]))


def citation_links(citations: list) -> None:
    """Links to the pages showing what cites a claim (``reader.Citation``s); plain text if the page is absent."""
    pages = {p.url_path: p for p in PAGES}
    if not citations:
        st.caption("No event, assessment or relation in the dataset cites this claim.")
    for cited in citations:
        if cited.page in pages:
            page_link(pages[cited.page], escape_markdown(cited.label), **dict(cited.query))
        else:
            st.caption(escape_markdown(cited.label))


def read_only() -> bool:
    """Read-only deployments hide ingest and import and refuse writes (see dossier.settings)."""
    from .settings import read_only as configured

    return configured()


def count_metrics(view: Dataset, full: Dataset) -> None:
    """Counts under the filters, each beside the dataset's total."""
    shown, total = view.counts(), full.counts()
    for column, name in zip(st.columns(4), ("sources", "claims", "actors", "events")):
        column.metric(
            name.capitalize(),
            f"{shown[name]:,}",
            help=f"{shown[name]:,} of {total[name]:,} {name} in the dataset match the filters.",
            border=True,
        )
        column.caption(f"of {total[name]:,}")


def source_provenance(sources: pd.DataFrame) -> None:
    """Where each source came from, as a table with clickable URLs."""
    shown = sources[["title", "publisher", "url", "published", "accessed", "reliability", "licence"]]
    shown = shown.assign(url=shown["url"].map(web_url))  # a javascript: URL from the data is no link
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            "url": st.column_config.LinkColumn("URL", help="Empty when the source does not give one"),
            "published": st.column_config.DateColumn("Published", help="Empty when the source does not state it"),
            "accessed": st.column_config.DateColumn("Accessed"),
            "reliability": st.column_config.TextColumn("Reliability", help="Admiralty source reliability, A to F"),
        },
    )


def clickable_chart(fig, key: str, options: dict[str, str], label: str, chart_area=None) -> str | None:
    """A plotly chart whose cell clicks pick one of ``options`` ('a|b' cell keys -> labels).

    A selectbox mirrors the pick, so keyboard users (and tests) can choose a cell too.
    """
    picker = f"{key}-pick"

    def follow_click() -> None:
        cell = picked(st.session_state.get(key))
        if cell and "|".join(cell) in options:
            st.session_state[picker] = "|".join(cell)

    if st.session_state.get(picker) not in options:
        st.session_state[picker] = None
    (chart_area or st).plotly_chart(
        fig, key=key, on_select=follow_click, selection_mode="points", width="content", config={"displaylogo": False}
    )
    return st.selectbox(label, list(options), format_func=options.get, index=None, key=picker,
                        placeholder="Click a cell in the chart, or choose one here")  # fmt: skip


def _static_image(figure, fmt: str):
    """A download callable: renders only when clicked, on the process-wide kaleido server."""

    def render() -> bytes:
        from .export import static

        return static.render(figure, fmt)

    return render


def chart_downloads(chart, selection: Selection, key: str) -> None:
    """PNG, SVG, interactive HTML and CSV of one chart, named for what, which filters and when."""
    from .export import static
    from .export.files import MIME, csv_bytes, export_filename
    from .export.interactive import figure_html

    can_render = static.chromium_path() is not None
    with st.container(horizontal=True, gap="small", key=f"export-{key}", vertical_alignment="center"):
        st.caption("Download this chart:")
        for fmt in ("png", "svg"):
            st.download_button(
                fmt.upper(), _static_image(chart.figure, fmt) if can_render else b"",
                file_name=export_filename(chart.name, selection, fmt), mime=MIME[fmt], on_click="ignore",
                disabled=not can_render, icon=":material/image:", key=f"{key}-{fmt}",
                help="Print-quality image with title, filters, sources and date" if can_render else static.INSTALL_HINT,
            )  # fmt: skip
        st.download_button(
            "HTML", lambda: figure_html(chart.figure, chart.title),
            file_name=export_filename(chart.name, selection, "html"),
            mime=MIME["html"], on_click="ignore", icon=":material/code:", key=f"{key}-html",
            help="Interactive chart in one file that works offline",
        )  # fmt: skip
        st.download_button(
            "CSV", lambda: csv_bytes(chart.data), file_name=export_filename(chart.name, selection, "csv"),
            mime=MIME["csv"], on_click="ignore", icon=":material/table:", key=f"{key}-csv",
            help=f"The {len(chart.data):,} row(s) behind this chart under the current filters",
        )  # fmt: skip
    if not can_render:
        st.caption(static.INSTALL_HINT)


def _base_url() -> str:
    try:
        url = st.context.url or ""
    except AttributeError:  # outside a browser session (AppTest)
        url = ""
    return url.split("?")[0].rsplit("/", 1)[0] if url.count("/") > 2 else "http://localhost:8501"


def pack_downloads(full: Dataset, view: Dataset) -> None:
    """The whole filtered view as a briefing pack (HTML, PDF) and as STIX 2.1 for threat-intel platforms."""
    import datetime as dt

    from .charts.catalog import all_charts
    from .export import static
    from .export.files import MIME, export_filename
    from .export.pack import PackContext, attributions, render_html, render_pdf
    from .export.stix import bundle_json

    def context() -> PackContext:
        now = dt.datetime.now(dt.UTC)
        return PackContext(view, tuple(all_charts(full, view)), view.selection.permalink(_base_url()), now,
                           attributions(view))  # fmt: skip

    can_print = static.chromium_path() is not None
    selection = view.selection
    with st.container(horizontal=True, gap="small", key="export-pack"):
        st.download_button(
            "Briefing pack (HTML)", lambda: render_html(context()),
            file_name=export_filename("briefing-pack", selection, "html"),
            mime=MIME["html"], on_click="ignore", icon=":material/description:", type="primary", key="pack-html",
            help="Every chart, the claims behind them and the sources, in one file that works offline",
        )  # fmt: skip
        st.download_button(
            "Briefing pack (PDF)", (lambda: render_pdf(context())) if can_print else b"",
            file_name=export_filename("briefing-pack", selection, "pdf"), mime=MIME["pdf"], on_click="ignore",
            icon=":material/picture_as_pdf:", key="pack-pdf", disabled=not can_print,
            help="The same pack, for print" if can_print else static.INSTALL_HINT,
        )  # fmt: skip
        st.download_button(
            "STIX 2.1 bundle", lambda: bundle_json(view), file_name=export_filename("stix", selection, "json"),
            mime=MIME["json"], on_click="ignore", icon=":material/share:", key="pack-stix",
            help="Actors, sources, claims, assessments and relations for OpenCTI or MISP",
        )  # fmt: skip
