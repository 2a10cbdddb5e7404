"""Dossier's frame: page config, navigation, shared sidebar filters, then the page."""

import streamlit as st

from dossier import ui

ui.enter_frame()  # a fresh server starts in legacy pages/ mode; leave it before anything is drawn
st.set_page_config(page_title="Dossier", page_icon=":material/policy:", layout="wide")
page = ui.navigation()  # drawn first, before the data loads
ui.sidebar_filters()
page.run()
