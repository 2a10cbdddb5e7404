"""Dossier's frame: page config, shared sidebar filters, navigation."""

import streamlit as st

from dossier import ui

ui.require_frame()  # a fresh server starts in legacy pages/ mode; leave it before anything is drawn
st.set_page_config(page_title="Dossier", page_icon=":material/policy:", layout="wide")
ui.sidebar_filters()
ui.navigation().run()
