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


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "pages/overview.py",
        "Overview",
        ":material/dashboard:",
        "overview",
        "Counts, key judgments and where to go next.",
        default=True,
    ),
)


def page_by_url(url_path: str) -> PageSpec:
    return next(p for p in PAGES if p.url_path == url_path)
