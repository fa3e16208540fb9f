"""The figures that reports and the dashboard show, computed here and nowhere else.

Each function takes the package and says at which date it counts; the results carry
exact numbers (``Decimal`` amounts, counts), and rounding is left to the formatting of
each language.

>>> from meetings.package import load_package
>>> package = load_package("data/ccw-2022")
>>> rate = reporting_rate(package, "CCW", 2022)
>>> rate.reports, rate.parties, rate.share.percent()
(58, 126, Decimal('46'))
>>> status = contribution_status(package, "CCW", 2022)
>>> status.as_of, status.assessed, status.outstanding, status.share_received.percent(1)
(datetime.date(2022, 9, 30), Decimal('1362200.00'), Decimal('110027.14'), Decimal('91.9'))
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from meetings.model import (
    ApplicationStatus,
    Body,
    Package,
    StaffAppointment,
    WorkingCapitalFundEntryKind,
)

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Share:
    """A part of a whole, such as reports received out of parties."""

    part: Decimal | int
    whole: Decimal | int

    @property
    def ratio(self) -> Decimal | None:
        """The exact share, 0 to 1 (None for a share of nothing)."""
        return Decimal(self.part) / Decimal(self.whole) if self.whole else None

    def percent(self, places: int = 0) -> Decimal | None:
        """The share in per cent, rounded half up as editors do (not to the even digit).

        >>> Share(1, 8).percent(1), Share(1, 8).percent(), Share(0, 0).percent()
        (Decimal('12.5'), Decimal('13'), None)
        """
        if self.ratio is None:
            return None
        return (self.ratio * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _body(package: Package, code: str) -> Body:
    for body in package.bodies:
        if body.code == code:
            return body
    raise KeyError(f"the package has no body {code!r}")


def cut_off_dates(package: Package, body: str, year: int) -> tuple[dt.date, dt.date]:
    """The dates a year's national reports and contributions are counted at.

    Where the body sets none for the year: the last day of the year, for both.
    """
    for dates in _body(package, body).cut_off_dates:
        if dates.year == year:
            return dates.national_reports, dates.contributions
    end = dt.date(year, 12, 31)
    return end, end


def parties(package: Package, instrument: str, as_of: dt.date) -> set[str]:
    """The States bound by ``instrument`` on ``as_of``: consent deposited on or before it."""
    return {c.state for c in package.consents if c.instrument == instrument and c.date <= as_of}


@dataclass(frozen=True)
class ReportingRate:
    instrument: str
    year: int
    as_of: dt.date
    reports: int
    parties: int

    @property
    def share(self) -> Share:
        return Share(self.reports, self.parties)


def reporting_rate(
    package: Package, instrument: str, year: int, as_of: dt.date | None = None
) -> ReportingRate:
    """How many parties to ``instrument`` had sent their report for ``year`` by ``as_of``.

    The rate is taken against the parties on that date, which is the body's cut-off date
    for the year unless given.
    """
    body = _instrument_body(package, instrument)
    as_of = as_of or cut_off_dates(package, body.code, year)[0]
    bound = parties(package, instrument, as_of)
    reports = {
        r.state
        for r in package.national_reports
        if r.instrument == instrument and r.year == year and r.received <= as_of and r.state in bound
    }
    return ReportingRate(instrument, year, as_of, len(reports), len(bound))


def reporting_rates(package: Package, body: str, year: int) -> list[ReportingRate]:
    """The rate of every instrument of ``body`` that asks for a national report."""
    return [
        reporting_rate(package, instrument.code, year)
        for instrument in _body(package, body).instruments
        if instrument.report is not None
    ]


def _instrument_body(package: Package, instrument: str) -> Body:
    for body in package.bodies:
        if any(i.code == instrument for i in body.instruments):
            return body
    raise KeyError(f"the package has no instrument {instrument!r}")


@dataclass(frozen=True)
class StateBalance:
    state: str
    assessed: Decimal
    received: Decimal

    @property
    def outstanding(self) -> Decimal:
        return max(self.assessed - self.received, ZERO)


@dataclass(frozen=True)
class ContributionStatus:
    body: str
    year: int
    as_of: dt.date
    states: list[StateBalance] = field(repr=False)

    @property
    def assessed(self) -> Decimal:
        return sum((s.assessed for s in self.states), ZERO)

    @property
    def received(self) -> Decimal:
        return sum((s.received for s in self.states), ZERO)

    @property
    def outstanding(self) -> Decimal:
        return sum((s.outstanding for s in self.states), ZERO)

    @property
    def share_received(self) -> Share:
        return Share(self.assessed - self.outstanding, self.assessed)


def contribution_status(
    package: Package, body: str, year: int, as_of: dt.date | None = None
) -> ContributionStatus:
    """Assessed contributions for ``year``, what was received of them by ``as_of``, what is outstanding.

    ``as_of`` defaults to the body's contributions cut-off date for the year. States are
    listed largest outstanding first.
    """
    as_of = as_of or cut_off_dates(package, body, year)[1]
    received: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for payment in package.payments:
        if payment.body == body and payment.year == year and payment.date <= as_of:
            received[payment.state] += payment.amount
    states = [
        StateBalance(c.state, c.amount, received[c.state])
        for c in package.assessed_contributions
        if c.body == body and c.year == year
    ]
    states.sort(key=lambda s: (-s.outstanding, s.state))
    return ContributionStatus(body, year, as_of, states)


@dataclass(frozen=True)
class ClosedAccountsBalance:
    body: str
    first_year: int | None
    last_year: int | None
    balance: Decimal


def closed_accounts_balance(package: Package, body: str, before: int | None = None) -> ClosedAccountsBalance:
    """What the body's closed financial years left over, all of them or those before ``before``."""
    accounts = [a for a in package.closed_accounts if a.body == body and (before is None or a.year < before)]
    years = [a.year for a in accounts]
    balance = sum((a.income - a.expenditure for a in accounts), ZERO)
    return ClosedAccountsBalance(body, min(years, default=None), max(years, default=None), balance)


def working_capital_fund_balance(package: Package, body: str, as_of: dt.date | None = None) -> Decimal:
    """The Working Capital Fund's balance: contributions and reimbursements less advances."""
    balance = ZERO
    for entry in package.working_capital_fund:
        if entry.body != body or (as_of is not None and entry.date > as_of):
            continue
        sign = -1 if entry.kind == WorkingCapitalFundEntryKind.ADVANCE else 1
        balance += sign * entry.amount
    return balance


@dataclass(frozen=True)
class Staffing:
    """Who served the unit in a period: those in post throughout, and those who joined."""

    throughout: list[StaffAppointment]
    recruited: list[StaffAppointment]


def staffing(package: Package, body: str, start: dt.date, end: dt.date) -> Staffing:
    """The body's staff in post from ``start`` to ``end``, and those appointed within it.

    >>> from meetings.package import load_package
    >>> staff = staffing(load_package("data/ccw-2022"), "CCW", dt.date(2021, 12, 14), dt.date(2022, 10, 31))
    >>> [a.grade for a in staff.throughout], [(a.grade, a.start.month, months(a)) for a in staff.recruited]
    (['P-3'], [('P-4', 10, 6)])
    """
    appointments = [a for a in package.staff if a.body == body]
    return Staffing(
        throughout=[a for a in appointments if a.start <= start and (a.end is None or a.end >= end)],
        recruited=[a for a in appointments if start < a.start <= end],
    )


def months(appointment: StaffAppointment) -> int | None:
    """How many months an appointment runs (whole months, the last day counted)."""
    if appointment.end is None:
        return None
    last = appointment.end + dt.timedelta(days=1)
    return (last.year - appointment.start.year) * 12 + last.month - appointment.start.month


@dataclass(frozen=True)
class SponsorshipSummary:
    applications: int
    #: Applications found eligible, whatever became of them after (selected, declined, attended).
    eligible: int
    sponsored: int
    sponsored_states: int
    by_status: dict[str, int]
    #: Sponsored delegates (selected or attended) by regional group and by gender.
    by_regional_group: dict[str, int]
    by_gender: dict[str, int]
    #: Regional group → gender → sponsored delegates.
    by_group_and_gender: dict[str, dict[str, int]]
    by_meeting: dict[str, int]
    cost: Decimal
    funds: Decimal


SPONSORED = (ApplicationStatus.SELECTED, ApplicationStatus.ATTENDED)


def sponsorship_summary(package: Package, meetings: Iterable[str] | None = None) -> SponsorshipSummary:
    """Applications by status, and sponsored delegates by regional group, gender and meeting.

    ``meetings`` limits the count to those meeting ids; cost is that of the sponsored
    delegates, funds all that donors gave.
    """
    wanted = set(meetings) if meetings is not None else None
    body_of = {m.id: m.body for m in package.meetings}
    group_of = {(s.body, s.code): s.regional_group for s in package.states}
    chosen = [a for a in package.sponsorship_applications if wanted is None or a.meeting in wanted]

    def region(application) -> str:
        return group_of.get((body_of.get(application.meeting), application.state), "?")

    sponsored = [a for a in chosen if a.status in SPONSORED]
    return SponsorshipSummary(
        applications=len(chosen),
        eligible=sum(1 for a in chosen if a.status != ApplicationStatus.RECEIVED),
        sponsored=len(sponsored),
        sponsored_states=len({a.state for a in sponsored}),
        by_status=dict(Counter(a.status.value for a in chosen)),
        by_regional_group=dict(
            Counter(group_of.get((body_of.get(a.meeting), a.state), "?") for a in sponsored)
        ),
        by_gender=dict(Counter(a.gender.value for a in sponsored)),
        by_group_and_gender={
            group: dict(Counter(a.gender.value for a in sponsored if region(a) == group))
            for group in sorted({region(a) for a in sponsored})
        },
        by_meeting=dict(Counter(a.meeting for a in sponsored)),
        cost=sum((a.cost or ZERO for a in sponsored), ZERO),
        funds=sum(
            (c.amount for c in package.sponsorship_contributions),
            ZERO,
        ),
    )
