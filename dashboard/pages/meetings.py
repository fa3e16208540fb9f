"""Meetings: the list and a timeline; a meeting's agenda, programme, officers and documents."""

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, ui
from docgen import builders, i18n
from docgen.i18n import _
from meetings import access

lang = ui.page_language()
account = ui.allow(access.Permission.READ_MEETINGS)
package = data.package()
choice = ui.choices(package, lang)
st.title(_("Meetings"))

meetings = [m for m in package.meetings if m.body == choice.body]
table = pd.DataFrame(
    {
        "id": [m.id for m in meetings],
        _("Meeting"): [ui.text(m.title, lang) for m in meetings],
        _("Dates"): [i18n.format_date_range(m.start, m.end, lang) for m in meetings],
        _("Symbols"): [m.symbol_series for m in meetings],
        "start": [m.start for m in meetings],
        "end": [m.end + pd.Timedelta(days=1) for m in meetings],
    }
)
st.altair_chart(
    alt.Chart(table)
    .mark_bar(cornerRadius=3)
    .encode(
        x=alt.X("start:T", title=None),
        x2="end:T",
        y=alt.Y("id:N", title=None, sort=None),
        tooltip=[_("Meeting"), _("Dates")],
    ),
    width="stretch",
)
st.dataframe(table.drop(columns=["start", "end"]), hide_index=True, width="stretch")

if not meetings:
    st.stop()
chosen = st.selectbox(_("Meeting"), [m.id for m in meetings], index=len(meetings) - 1, key="meeting")
meeting = next(m for m in meetings if m.id == chosen)
st.subheader(ui.text(meeting.title, lang))
agenda, programme, officers, documents = st.tabs(
    [_("Agenda"), _("Programme of work"), _("Officers"), _("Documents")]
)
with agenda:
    for item in meeting.agenda:
        st.markdown(f"{i18n.format_paragraph_number(item.number, lang)} {ui.text(item.title, lang)}")
        for index, sub in enumerate(item.sub_items, start=1):
            st.markdown(f"&emsp;{i18n.format_subparagraph_number(index, lang)} {ui.text(sub.title, lang)}")
    if not meeting.agenda:
        st.info(_("None."))
with programme:
    st.dataframe(
        pd.DataFrame(
            {
                str(i18n.DATE): [i18n.format_weekday_date(s.date, lang) for s in meeting.programme_of_work],
                str(i18n.TIME): [
                    f"{i18n.PERIODS[s.period.value]} {i18n.format_time_range(s.start, s.end, lang)}"
                    for s in meeting.programme_of_work
                ],
                str(i18n.AGENDA_ITEM): [
                    ", ".join(map(str, s.agenda_items)) for s in meeting.programme_of_work
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )
with officers:
    posts = {p.code: ui.text(p.name, lang) for b in package.bodies for p in b.officer_posts}
    chosen_nominations = [n for n in package.nominations if n.meeting == meeting.id]
    st.dataframe(
        pd.DataFrame(
            {
                _("Post"): [posts.get(n.post, n.post) for n in chosen_nominations],
                _("Nominee"): [n.nominee or "" for n in chosen_nominations],
                _("State"): [ui.state(n.state, lang) for n in chosen_nominations],
                _("Status"): [n.status.value for n in chosen_nominations],
            }
        ),
        hide_index=True,
        width="stretch",
    )
with documents:
    rows = []
    for document in meeting.documents:
        row = {_("Symbol"): document.symbol, _("Title"): ui.text(document.title, lang)}
        for language in i18n.LANGUAGES:
            if builders.buildable(document):
                row[language] = (
                    "✓"
                    if builders.translation_status(package, meeting.id, document.symbol, language) is None
                    else "✗"
                )
            else:
                row[language] = "–"
        rows.append(row)
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(_("✓ can be generated in that language; ✗ a text is missing; – not generated here."))
