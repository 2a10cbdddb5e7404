"""How the matrix page words its cells: axis labels, levels, divergence and silence notes, picker choices.

Sentences are plain text: the page escapes them before rendering, charts escape each line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import pandas as pd

from .labels import spelled

level_label = spelled  # 'not_stated' -> 'not stated'; the other levels read as they are stored


def axis_label(actor_id: str, name: str, width: int = 14) -> str:
    """A short axis label: the name when it fits, a short id such as 'TTP', else the name on two lines.

    Lines are separated by a newline; chart builders escape each line and join them for plotly.
    """
    if len(name) <= width:
        return name
    if len(actor_id) <= 6 and actor_id.upper() == actor_id:
        return actor_id
    lines = textwrap.wrap(name, width, break_long_words=True)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def divergence_notes(found: pd.DataFrame, names: Mapping[str, str]) -> list[str]:
    """One plain sentence per divergence, for the page (escape before rendering)."""
    return [
        f"Divergence on {names.get(d.threat, d.threat)}: {names.get(d.perceiver_a, d.perceiver_a)} rates it "
        f"{level_label(d.level_a)}, {names.get(d.perceiver_b, d.perceiver_b)} {level_label(d.level_b)}"
        + ("" if d.in_view else " (the other perceiver is outside the current filters)")
        + "."
        for d in found.itertuples()
    ]


def silence_notes(silent: Mapping[str, list[str]], names: Mapping[str, str]) -> list[str]:
    return [
        f"Outside the current filters, {names.get(p, p)} states no view of {', '.join(names.get(t, t) for t in ts)}."
        for p, ts in silent.items()
    ]


def threat_options(cells: pd.DataFrame, names: Mapping[str, str]) -> dict[str, str]:
    """'perceiver|threat' -> 'Pakistan × Tehreek-e-Taliban Pakistan: primary', for the cell picker."""
    return {
        f"{p}|{t}": f"{names.get(p, p)} × {names.get(t, t)}: {level_label(level)}"
        for p, t, level in zip(cells["perceiver"], cells["threat"], cells["level"])
    }


def relation_options(cells: pd.DataFrame, names: Mapping[str, str]) -> dict[str, str]:
    """'source|target' -> 'United States → Pakistan: cooperation, support', for the cell picker."""
    return {
        f"{s}|{t}": f"{names.get(s, s)} → {names.get(t, t)}: {', '.join(dict.fromkeys(kinds))}"
        for s, t, kinds in zip(cells["source"], cells["target"], cells["kinds"])
    }
