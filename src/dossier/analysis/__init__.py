"""The analysis layer: frames in, frames out, one module per concept, no text for the page and no streamlit.

``chronology`` places events in time, ``perceptions`` reads threat assessments, ``ties`` relations,
``dyads`` the actors meeting in events, ``evidence`` what rests on which claims and sources, and
``naming`` how actors are named and ordered.
"""
