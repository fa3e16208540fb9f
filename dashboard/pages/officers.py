"""Officer posts and nominations: by year, the group whose turn it is, vacancies, rotation."""

import pandas as pd
import streamlit as st

from dashboard import data, ui
from docgen.i18n import _
from meetings import access

lang = ui.page_language()
account = ui.allow(access.Permission.READ_ALL)
package = data.package()
choice = ui.choices(package, lang)
st.title(_("Officers and nominations"))

posts = {(b.code, p.code): ui.text(p.name, lang) for b in package.bodies for p in b.officer_posts}
groups = {(b.code, g.code): ui.text(g.name, lang) for b in package.bodies for g in b.regional_groups}
meetings = {m.id: ui.text(m.title, lang) for m in package.meetings}
nominations = [n for n in package.nominations if n.body == choice.body]
years = sorted({n.year for n in nominations}, reverse=True)
year = (
    st.selectbox(
        _("Year"), years, index=years.index(choice.year) if choice.year in years else 0, key="officers-year"
    )
    if years
    else None
)
shown = [n for n in nominations if n.year == year]
vacant = [n for n in shown if n.status.value == "vacant"]
if vacant:
    st.warning(_("{count} post(s) vacant in {year}").format(count=len(vacant), year=year))
table = pd.DataFrame(
    {
        _("Post"): [posts.get((n.body, n.post), n.post) for n in shown],
        _("Meeting"): [meetings.get(n.meeting, "") if n.meeting else "" for n in shown],
        _("Regional group"): [groups.get((n.body, n.regional_group), n.regional_group) for n in shown],
        _("Nominee"): [n.nominee or "" for n in shown],
        _("State"): [ui.state(n.state, lang) for n in shown],
        _("Status"): [n.status.value for n in shown],
    }
)


def _highlight(row):
    return ["background-color: #fde2e1" if row[_("Status")] == "vacant" else "" for _cell in row]


st.dataframe(table.style.apply(_highlight, axis=1), hide_index=True, width="stretch")

st.subheader(_("Rotation by regional group"))
history = pd.DataFrame(
    {
        "year": [n.year for n in nominations],
        "post": [
            posts.get((n.body, n.post), n.post) + (f" – {meetings.get(n.meeting, '')}" if n.meeting else "")
            for n in nominations
        ],
        "group": [n.regional_group for n in nominations],
    }
)
if not history.empty:
    rotation = history.pivot_table(
        index="post", columns="year", values="group", aggfunc=lambda g: ", ".join(g)
    )
    st.dataframe(rotation.fillna(""), width="stretch")
