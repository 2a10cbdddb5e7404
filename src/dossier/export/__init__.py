"""Export: charts as PNG, SVG, HTML and CSV; the briefing pack (HTML and PDF); STIX 2.1.

Everything here takes frames and figures, never streamlit, so the CLI and the app share it.
"""
