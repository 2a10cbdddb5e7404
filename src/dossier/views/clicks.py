"""What a click on a chart picked, read from ``st.plotly_chart``'s selection state (a plain mapping)."""

from __future__ import annotations

from collections.abc import Iterator


def _customdata(state: object) -> Iterator[object]:
    """The customdata of every selected point, in order; nothing for a state that is not a mapping."""
    if not hasattr(state, "get"):  # None, or anything that is not a selection state
        return
    for point in (state.get("selection") or {}).get("points") or []:
        yield point.get("customdata")


def selected_event_ids(state: object) -> list[str]:
    """Event ids from a timeline selection (event marks carry the event id as customdata)."""
    ids = []
    for data in _customdata(state):
        value = data[0] if isinstance(data, list | tuple) and data else data
        if isinstance(value, str) and value and value not in ids:
            ids.append(value)
    return ids


def picked(state: object) -> tuple[str, ...] | None:
    """The matrix cell a click selected (customdata [row, column]), else None."""
    for data in _customdata(state):
        if isinstance(data, list | tuple) and data and all(isinstance(d, str) for d in data):
            return tuple(data)
    return None
