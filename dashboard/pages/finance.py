"""Finance: assessed against received by year, outstanding by State, the Working Capital Fund."""

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, ui
from docgen import i18n
from docgen.i18n import _
from meetings import access, stats

lang = ui.page_language()
account = ui.allow(access.Permission.READ_FINANCE)
package = data.package()
choice = ui.choices(package, lang)
st.title(_("Finance"))

years = sorted({c.year for c in package.assessed_contributions if c.body == choice.body})
statuses = [stats.contribution_status(package, choice.body, year) for year in years]
by_year = pd.DataFrame(
    {
        _("Year"): [s.year for s in statuses],
        _("As at"): [i18n.format_date(s.as_of, lang) for s in statuses],
        str(i18n.ASSESSED_CONTRIBUTIONS): [i18n.format_money(s.assessed, lang) for s in statuses],
        str(i18n.AMOUNT_RECEIVED): [i18n.format_money(s.received, lang) for s in statuses],
        str(i18n.AMOUNT_OUTSTANDING): [i18n.format_money(s.outstanding, lang) for s in statuses],
        _("Rate"): [
            i18n.format_percent(s.share_received.ratio or 0, lang, decimals=1, in_table=True)
            for s in statuses
        ],
    }
)
long = pd.DataFrame(
    [
        {"year": s.year, "what": str(i18n.ASSESSED_CONTRIBUTIONS), "amount": float(s.assessed)}
        for s in statuses
    ]
    + [{"year": s.year, "what": str(i18n.AMOUNT_RECEIVED), "amount": float(s.received)} for s in statuses]
)
if not long.empty:
    st.altair_chart(
        alt.Chart(long)
        .mark_bar()
        .encode(x="year:O", xOffset="what:N", y=alt.Y("amount:Q", title="USD"), color="what:N"),
        width="stretch",
    )
st.dataframe(by_year, hide_index=True, width="stretch")

st.subheader(_("Outstanding by State, {year}").format(year=choice.year))
status = stats.contribution_status(package, choice.body, choice.year)
owing = [s for s in status.states if s.outstanding > 0]
st.dataframe(
    pd.DataFrame(
        {
            _("State"): [ui.state(s.state, lang) for s in owing],
            str(i18n.ASSESSED_CONTRIBUTIONS): [i18n.format_money(s.assessed, lang) for s in owing],
            str(i18n.AMOUNT_RECEIVED): [i18n.format_money(s.received, lang) for s in owing],
            str(i18n.AMOUNT_OUTSTANDING): [i18n.format_money(s.outstanding, lang) for s in owing],
        }
    ),
    hide_index=True,
    width="stretch",
)
closed = stats.closed_accounts_balance(package, choice.body, before=choice.year)
if closed.first_year:
    st.metric(
        _("Closed accounts {first}–{last}: balance").format(first=closed.first_year, last=closed.last_year),
        i18n.format_money(closed.balance, lang),
    )

st.subheader(str(i18n.WORKING_CAPITAL_FUND))
st.metric(_("Balance"), i18n.format_money(stats.working_capital_fund_balance(package, choice.body), lang))
entries = [e for e in package.working_capital_fund if e.body == choice.body]
st.dataframe(
    pd.DataFrame(
        {
            str(i18n.DATE): [i18n.format_date(e.date, lang) for e in entries],
            _("Movement"): [e.kind.value for e in entries],
            _("State"): [ui.state(e.state, lang) for e in entries],
            _("Amount"): [i18n.format_money(e.amount, lang) for e in entries],
        }
    ),
    hide_index=True,
    width="stretch",
)
