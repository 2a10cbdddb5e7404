"""How the matrix page words its cells: axis labels, levels, divergence and silence notes, picker choices.

Sentences are plain text: the page escapes them before rendering, charts escape each line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import pandas as pd

from ..analysis.perceptions import Cell
from ..analysis.ties import Tie
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


def cell_heading(cell: Cell, names: Mapping[str, str]) -> str:
    """'Pakistan on Tehreek-e-Taliban Pakistan: primary'."""
    return f"{names.get(cell.perceiver, '')} on {names.get(cell.threat, '')}: {level_label(cell.level)}"


def not_stated_note(cell: Cell, names: Mapping[str, str]) -> str:
    return (
        f"No source in the data states how {names.get(cell.perceiver, '')} rates {names.get(cell.threat, '')}. "
        "“Not stated” is an absence of evidence, not a low rating."
    )


def tie_heading(tie: Tie, names: Mapping[str, str]) -> str:
    """'United States → Pakistan: cooperation (counterterrorism)'; ↔ for a mutual tie."""
    arrow = "→" if tie.directed else "↔"
    label = f"{names.get(tie.source, '')} {arrow} {names.get(tie.target, '')}: {tie.kind}"
    return label + (f" ({tie.qualifier})" if tie.qualifier else "")


def grid_coverage(shape: tuple[int, int], found: pd.DataFrame) -> str:
    """Says when the dyad grid shows only the busiest actors; empty when it shows every one."""
    n_a, n_b = found["side_a"].nunique(), found["side_b"].nunique()
    if shape == (n_a, n_b):
        return ""
    return (
        f"The matrix shows the {shape[0]} busiest of {n_a} side-A and {shape[1]} of {n_b} side-B actors; "
        "the table lists every dyad."
    )
