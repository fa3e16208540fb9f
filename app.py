"""The dashboard: ``streamlit run app.py``.

It opens on the database of ``DATABASE_URL``, or the SQLite file ``var/meetings.db``; an empty
database is filled with the bundled sample (data/ccw-2022) on first run.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data, ui
from docgen import i18n
from meetings import access

st.set_page_config(page_title="Treaty secretariat", page_icon=":material/public:", layout="wide")

lang = ui.interface_language()
with i18n.force_language(lang):
    if lang == "ar":
        ui.right_to_left()
    store = data.current_store()
    account = data.account()
    if account is access.LOCAL_SECRETARIAT:
        st.sidebar.info(
            i18n._("Local single-user secretariat session: add accounts with `docgen users add` to sign in.")
        )
    elif account is None:
        st.title(i18n._("Sign in"))
        with st.form("signin"):
            name = st.text_input(i18n._("Name"), key="signin-name")
            password = st.text_input(i18n._("Password"), type="password", key="signin-password")
            submitted = st.form_submit_button(i18n._("Sign in"))
        if submitted:
            try:
                signed_in = access.authenticate(store, name, password)
            except access.TooManyAttempts as error:
                st.error(
                    i18n._("Too many failed attempts: try again in {seconds} seconds.").format(
                        seconds=round(error.wait)
                    )
                )
            else:
                if signed_in is None:
                    st.error(i18n._("Wrong name or password."))
                else:
                    st.session_state["account"] = signed_in
                    st.rerun()
        st.stop()
    else:
        st.sidebar.caption(f"{account.name} · {account.role.value}")
        if st.sidebar.button(i18n._("Sign out"), key="signout"):
            del st.session_state["account"]
            st.rerun()
    allowed = [key for key in i18n.DASHBOARD_PAGES if account.may(ui.PAGE_PERMISSIONS[key])]
    pages = [
        st.Page(
            f"dashboard/pages/{ui.page_file(key)}",
            title=str(i18n.DASHBOARD_PAGES[key]),
            icon=ui.PAGE_ICONS[key],
            url_path=key,
            default=key == allowed[0],
        )
        for key in allowed
    ]
    navigation = st.navigation(pages)
    if st.session_state.pop("loaded_sample", False):
        st.toast(i18n._("The database was empty: the sample data (CCW 2022) has been loaded."))
    navigation.run()
