"""National annual reports: rates per instrument and year, per State, and who never reported."""

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
st.title(_("National reports"))

body = next(b for b in package.bodies if b.code == choice.body)
instruments = {i.code: ui.text(i.name, lang) for i in body.instruments if i.report is not None}
years = sorted({r.year for r in package.national_reports if r.instrument in instruments})
rates = [stats.reporting_rate(package, code, year) for year in years for code in instruments]
table = pd.DataFrame(
    {
        _("Year"): [r.year for r in rates],
        _("Instrument"): [instruments[r.instrument] for r in rates],
        _("Reports"): [r.reports for r in rates],
        _("Parties"): [r.parties for r in rates],
        _("Rate"): [i18n.format_percent(r.share.ratio or 0, lang, in_table=True) for r in rates],
        "share": [float(r.share.percent() or 0) for r in rates],
        _("As at"): [i18n.format_date(r.as_of, lang) for r in rates],
    }
)
st.altair_chart(
    alt.Chart(table)
    .mark_bar()
    .encode(
        x=alt.X(f"{_('Year')}:O"),
        xOffset=f"{_('Instrument')}:N",
        y=alt.Y("share:Q", title="%"),
        color=f"{_('Instrument')}:N",
        tooltip=[_("Instrument"), _("Year"), _("Reports"), _("Parties"), _("Rate")],
    ),
    width="stretch",
)
st.dataframe(table.drop(columns=["share"]), hide_index=True, width="stretch", key="rates")

st.subheader(_("Reports by State"))
left, right = st.columns(2)
instrument = left.selectbox(
    _("Instrument"), list(instruments), format_func=instruments.get, key="report-instrument"
)
year = right.selectbox(_("Year"), sorted(years, reverse=True), key="report-year")
groups = {s.code: s.regional_group for s in package.states if s.body == body.code}
parties = sorted(stats.parties(package, instrument, stats.cut_off_dates(package, body.code, year)[0]))
received = {
    r.state: r.received for r in package.national_reports if r.instrument == instrument and r.year == year
}
st.dataframe(
    pd.DataFrame(
        {
            _("State"): [ui.state(code, lang) for code in parties],
            _("Regional group"): [groups.get(code, "") for code in parties],
            _("Received"): [
                i18n.format_date(received[code], lang) if code in received else "" for code in parties
            ],
        }
    ),
    hide_index=True,
    width="stretch",
)

st.subheader(_("Parties that have never reported"))
ever = {r.state for r in package.national_reports if r.instrument == instrument}
never = [code for code in parties if code not in ever]
st.write(", ".join(ui.state(code, lang) for code in never) or _("None."))
