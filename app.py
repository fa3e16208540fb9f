"""The dashboard: ``streamlit run app.py``.

It opens on the database of ``DATABASE_URL``, or the SQLite file ``var/meetings.db``; an empty
database is filled with the bundled sample (data/ccw-2022) on first run.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data, ui
from docgen import i18n

st.set_page_config(page_title="Treaty secretariat", page_icon=":material/public:", layout="wide")

lang = ui.interface_language()
with i18n.force_language(lang):
    if lang == "ar":
        ui.right_to_left()
    pages = [
        st.Page(
            f"dashboard/pages/{ui.page_file(key)}",
            title=str(title),
            icon=ui.PAGE_ICONS[key],
            url_path=key,
            default=key == "overview",
        )
        for key, title in i18n.DASHBOARD_PAGES.items()
    ]
    navigation = st.navigation(pages)
    data.current_store()
    if st.session_state.pop("loaded_sample", False):
        st.toast(i18n._("The database was empty: the sample data (CCW 2022) has been loaded."))
    navigation.run()
