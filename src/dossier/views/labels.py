"""The names pages and charts show for stored codes: lanes, measures, levels, kinds and types."""

from __future__ import annotations

LANES = {"actor": "Actor", "country": "Country", "type": "Event type"}
MEASURES = {"events": "Events", "fatalities": "Fatalities"}
# The page's selectors show (and the URL carries) the labels: ?lanes=Country&measure=Fatalities
LANE_KEYS = {label: key for key, label in LANES.items()}
MEASURE_KEYS = {label: key for key, label in MEASURES.items()}


def spelled(code: object) -> str:
    """A stored code as words: 'not_stated' -> 'not stated', 'reported_fact' -> 'reported fact'."""
    return str(code).replace("_", " ")
