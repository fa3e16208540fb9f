"""Overview: meetings, vacant posts, reporting, contributions and the Working Capital Fund."""

import datetime as dt

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
st.title(_("Overview"))

meetings = [m for m in package.meetings if m.body == choice.body]
today = dt.date.today()
upcoming = [m for m in meetings if m.end >= today]
recent = sorted((m for m in meetings if m.end < today), key=lambda m: m.start, reverse=True)[:6]
left, right = st.columns(2)
for column, heading, rows in (
    (left, _("Upcoming meetings"), upcoming),
    (right, _("Recent meetings"), recent),
):
    column.subheader(heading)
    if rows:
        column.dataframe(
            pd.DataFrame(
                {
                    _("Dates"): [i18n.format_date_range(m.start, m.end, lang) for m in rows],
                    _("Meeting"): [ui.text(m.title, lang) for m in rows],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        column.info(_("None."))

st.subheader(_("Reporting, contributions and the Working Capital Fund"))
names = {i.code: ui.text(i.name, lang) for b in package.bodies for i in b.instruments}
this_year = stats.reporting_rates(package, choice.body, choice.year)
last_year = {r.instrument: r for r in stats.reporting_rates(package, choice.body, choice.year - 1)}
columns = st.columns(max(len(this_year), 1) + 2)  # the last two: finances
for column, rate in zip(columns, this_year, strict=False):
    before = last_year.get(rate.instrument)
    change = None
    if before and before.share.ratio is not None and rate.share.ratio is not None:
        change = f"{(rate.share.percent() - before.share.percent()):+} pts"
    column.metric(
        names.get(rate.instrument, rate.instrument),
        i18n.format_percent(rate.share.ratio or 0, lang, in_table=True),
        change,
        help=_("{reports} reports from {parties} parties, as at {date}").format(
            reports=rate.reports, parties=rate.parties, date=i18n.format_date(rate.as_of, lang)
        ),
    )
if account.may(access.Permission.READ_FINANCE):
    status = stats.contribution_status(package, choice.body, choice.year)
    previous = stats.contribution_status(package, choice.body, choice.year - 1)
    change = None
    if previous.assessed and status.assessed:
        change = f"{(status.share_received.percent(1) - previous.share_received.percent(1)):+} pts"
    columns[-2].metric(
        _("Contributions received"),
        i18n.format_percent(status.share_received.ratio or 0, lang, decimals=1, in_table=True),
        change,
        help=_("Outstanding: {amount}").format(amount=i18n.format_money(status.outstanding, lang)),
    )
    balance = stats.working_capital_fund_balance(package, choice.body, status.as_of)
    year_before = stats.working_capital_fund_balance(
        package, choice.body, status.as_of - dt.timedelta(days=365)
    )
    columns[-1].metric(
        str(i18n.WORKING_CAPITAL_FUND),
        i18n.format_money(balance, lang),
        i18n.format_money(balance - year_before, lang) if balance != year_before else None,
    )


st.subheader(_("Vacant officer posts"))
posts = {(b.code, p.code): ui.text(p.name, lang) for b in package.bodies for p in b.officer_posts}
groups = {(b.code, g.code): ui.text(g.name, lang) for b in package.bodies for g in b.regional_groups}
vacant = [n for n in package.nominations if n.body == choice.body and n.status.value == "vacant"]
if vacant:
    st.dataframe(
        pd.DataFrame(
            {
                _("Year"): [n.year for n in vacant],
                _("Post"): [posts.get((n.body, n.post), n.post) for n in vacant],
                _("Regional group"): [
                    groups.get((n.body, n.regional_group), n.regional_group) for n in vacant
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.success(_("Every post is filled."))
