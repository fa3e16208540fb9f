"""What every page shares: the sidebar's choices and the way texts of the data are shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from docgen import i18n
from meetings import access
from meetings.model import LANGUAGES, Package

#: The interface languages, each named in itself.
LANGUAGE_NAMES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}


#: The icon of each page, keyed as ``docgen.i18n.DASHBOARD_PAGES`` (which gives their titles and order).
PAGE_ICONS = {
    "overview": ":material/home:",
    "meetings": ":material/event:",
    "officers": ":material/groups:",
    "sponsorship": ":material/volunteer_activism:",
    "national-reports": ":material/bar_chart:",
    "finance": ":material/payments:",
    "documents": ":material/description:",
    "data": ":material/table:",
}


#: What an account must be allowed to open each page.
PAGE_PERMISSIONS = {
    "overview": access.Permission.READ_ALL,
    "meetings": access.Permission.READ_MEETINGS,
    "officers": access.Permission.READ_ALL,
    "sponsorship": access.Permission.READ_ALL,
    "national-reports": access.Permission.READ_ALL,
    "finance": access.Permission.READ_FINANCE,
    "documents": access.Permission.READ_MEETINGS,
    "data": access.Permission.WRITE,
}


def allow(permission: access.Permission) -> access.Account:
    """The signed-in account, if it may do ``permission``; otherwise the page says so and stops.

    Pages call this first, since a page can be opened by its address as well as from the menu.
    """
    from dashboard import data

    account = data.account()
    if account is None or not account.may(permission):
        st.error(i18n._("Your account may not open this page."))
        st.stop()
    return account


def page_file(key: str) -> str:
    """The file of a page in dashboard/pages: national-reports → national_reports.py."""
    return key.replace("-", "_") + ".py"


@dataclass(frozen=True)
class Choices:
    """What the sidebar set: the treaty body, the year and the interface language."""

    body: str
    year: int
    lang: str


def interface_language() -> str:
    """The language chosen in the sidebar (English until one is chosen)."""
    return st.sidebar.selectbox(
        "🌐",
        LANGUAGES,
        index=LANGUAGES.index("en"),
        format_func=LANGUAGE_NAMES.get,
        key="lang",
        label_visibility="collapsed",
    )


def page_language() -> str:
    """The interface language, set for the page that calls it (each page runs in its own context)."""
    lang = st.session_state.get("lang", "en")
    i18n.use_language(lang)
    return lang


def right_to_left() -> None:
    """Lay the page out right to left, for Arabic."""
    st.markdown(
        "<style>.stMain, section[data-testid='stSidebar'] {direction: rtl; text-align: right;}</style>",
        unsafe_allow_html=True,
    )


def choices(package: Package, lang: str) -> Choices:
    """The body and year chosen in the sidebar."""
    bodies = [body.code for body in package.bodies]
    body = st.sidebar.selectbox(i18n._("Treaty body"), bodies, key="body")
    years = sorted(
        {m.start.year for m in package.meetings if m.body == body}
        | {r.year for r in package.national_reports}
        | {c.year for c in package.assessed_contributions if c.body == body},
        reverse=True,
    ) or [0]
    year = st.sidebar.selectbox(i18n._("Year"), years, key="year")
    return Choices(body, year, lang)


def text(value: Mapping[str, str] | None, lang: str) -> str:
    """A text of the data in ``lang``; where it lacks that language, another one, marked as such."""
    if not value:
        return ""
    if lang in value:
        return value[lang]
    fallback = next(iter(value))
    return f"{value[fallback]} ({fallback})"


def state(code: str | None, lang: str) -> str:
    return i18n.state_name(code, lang) if code else ""
