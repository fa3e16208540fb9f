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
    titles = i18n.DASHBOARD_PAGES
    pages = [
        st.Page(
            "dashboard/pages/overview.py",
            title=str(titles["overview"]),
            icon=":material/home:",
            url_path="overview",
            default=True,
        ),
        st.Page(
            "dashboard/pages/meetings.py",
            title=str(titles["meetings"]),
            icon=":material/event:",
            url_path="meetings",
        ),
        st.Page(
            "dashboard/pages/officers.py",
            title=str(titles["officers"]),
            icon=":material/groups:",
            url_path="officers",
        ),
        st.Page(
            "dashboard/pages/sponsorship.py",
            title=str(titles["sponsorship"]),
            icon=":material/volunteer_activism:",
            url_path="sponsorship",
        ),
        st.Page(
            "dashboard/pages/national_reports.py",
            title=str(titles["national-reports"]),
            icon=":material/bar_chart:",
            url_path="national-reports",
        ),
        st.Page(
            "dashboard/pages/finance.py",
            title=str(titles["finance"]),
            icon=":material/payments:",
            url_path="finance",
        ),
        st.Page(
            "dashboard/pages/documents.py",
            title=str(titles["documents"]),
            icon=":material/description:",
            url_path="documents",
        ),
        st.Page(
            "dashboard/pages/data.py", title=str(titles["data"]), icon=":material/table:", url_path="data"
        ),
    ]
    navigation = st.navigation(pages)
    data.current_store()
    if st.session_state.pop("loaded_sample", False):
        st.toast(i18n._("The database was empty: the sample data (CCW 2022) has been loaded."))
    navigation.run()
