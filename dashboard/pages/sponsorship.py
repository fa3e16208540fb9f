"""Sponsorship: applications by status, sponsored delegates by meeting, region and gender."""

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, ui
from docgen import i18n
from docgen.i18n import _
from meetings import access, stats

lang = ui.page_language()
account = ui.allow(access.Permission.READ_ALL)
package = data.package()
choice = ui.choices(package, lang)
st.title(_("Sponsorship"))

meetings = [m for m in package.meetings if m.body == choice.body and m.start.year == choice.year]
summary = stats.sponsorship_summary(package, [m.id for m in meetings])
first, second, third, fourth = st.columns(4)
first.metric(_("Applications"), summary.applications)
second.metric(str(i18n.SPONSORED_DELEGATES), summary.sponsored)
third.metric(_("Cost"), i18n.format_money(summary.cost, lang))
fourth.metric(
    _("Contributions from donors"),
    i18n.format_money(summary.funds, lang),
    i18n.format_money(summary.funds - summary.cost, lang),
)


def bars(counts: dict, label: str):
    frame = pd.DataFrame({label: list(counts), _("Delegates"): list(counts.values())})
    return alt.Chart(frame).mark_bar().encode(x=alt.X(f"{label}:N", sort="-y"), y=f"{_('Delegates')}:Q")


groups = {g.code: ui.text(g.name, lang) for b in package.bodies for g in b.regional_groups}
titles = {m.id: ui.text(m.title, lang)[:60] for m in meetings}
left, right = st.columns(2)
left.subheader(_("Applications by status"))
left.altair_chart(bars(summary.by_status, _("Status")), width="stretch")
right.subheader(_("Sponsored delegates by meeting"))
right.altair_chart(
    bars({titles.get(k, k): v for k, v in summary.by_meeting.items()}, _("Meeting")), width="stretch"
)
left.subheader(_("By regional group"))
left.altair_chart(
    bars({groups.get(k, k): v for k, v in summary.by_regional_group.items()}, _("Regional group")),
    width="stretch",
)
right.subheader(_("By gender"))
right.altair_chart(bars(summary.by_gender, _("Gender")), width="stretch")
