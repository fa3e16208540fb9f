"""The figures of the annual report, against the reference document (CCW/MSP/2022/4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import SAMPLE, TINY

from meetings import stats
from meetings.package import load_package


@pytest.fixture(scope="module")
def sample():
    return load_package(SAMPLE)


@pytest.fixture(scope="module")
def tiny():
    return load_package(TINY)


# ¶13 of CCW/MSP/2022/4: reports received by 31 October, against the parties on that date.
@pytest.mark.parametrize(
    ("instrument", "year", "reports", "percent"),
    [
        ("CCW", 2022, 58, 46),
        ("CCW-APII", 2022, 64, 60),
        ("CCW-PV", 2022, 54, 55),
        ("CCW", 2021, 49, 39),
        ("CCW-APII", 2021, 55, 52),
        ("CCW-PV", 2021, 49, 51),
    ],
)
def test_reporting_rates_are_those_of_the_reference(sample, instrument, year, reports, percent):
    rate = stats.reporting_rate(sample, instrument, year)
    assert (rate.reports, rate.share.percent()) == (reports, Decimal(percent))


def test_contributions_are_those_of_the_reference(sample):
    # ¶19: 91.9% of the 1,362,200 assessed for 2022 received by 30 September; 110,027.14 outstanding.
    status = stats.contribution_status(sample, "CCW", 2022)
    assert status.as_of == dt.date(2022, 9, 30)
    assert status.assessed == Decimal("1362200.00")
    assert status.outstanding == Decimal("110027.14")
    assert status.share_received.percent(1) == Decimal("91.9")
    assert status.states[0].outstanding >= status.states[-1].outstanding


def test_balances_are_those_of_the_reference(sample):
    # ¶19: closed accounts 2018–2021, 200,127.58; ¶20: Working Capital Fund, 195,238.12.
    closed = stats.closed_accounts_balance(sample, "CCW", before=2022)
    assert (closed.first_year, closed.last_year, closed.balance) == (2018, 2021, Decimal("200127.58"))
    assert stats.working_capital_fund_balance(sample, "CCW", dt.date(2022, 9, 30)) == Decimal("195238.12")


def test_a_state_counts_as_a_party_from_the_day_it_consents(tiny):
    # Malawi acceded on 23 September 2022.
    assert "MWI" not in stats.parties(tiny, "XYZ", dt.date(2022, 9, 22))
    assert "MWI" in stats.parties(tiny, "XYZ", dt.date(2022, 9, 23))


def test_a_report_after_the_cut_off_is_not_counted(tiny):
    # France's compliance report arrived on 5 November, after the 31 October cut-off.
    assert stats.reporting_rate(tiny, "XYZ", 2022).reports == 1
    assert stats.reporting_rate(tiny, "XYZ", 2022, as_of=dt.date(2022, 12, 31)).reports == 2


def test_payments_count_up_to_the_date_asked(tiny):
    status = stats.contribution_status(tiny, "XYZ", 2022)  # cut-off 30 September
    assert (status.received, status.outstanding) == (Decimal("8500.00"), Decimal("1500.00"))
    later = stats.contribution_status(tiny, "XYZ", 2022, as_of=dt.date(2022, 12, 31))
    assert (later.received, later.outstanding) == (Decimal("9500.00"), Decimal("500.00"))
    assert [s.state for s in later.states][:1] == ["CZE"]


def test_the_fund_balance_takes_advances_and_reimbursements(tiny):
    assert stats.working_capital_fund_balance(tiny, "XYZ") == Decimal("17000.00")
    assert stats.working_capital_fund_balance(tiny, "XYZ", dt.date(2022, 3, 1)) == Decimal("15000.00")


def test_closed_accounts_can_end_in_a_deficit(tiny):
    assert stats.closed_accounts_balance(tiny, "XYZ").balance == Decimal("499.50")
    assert stats.closed_accounts_balance(tiny, "XYZ", before=2021).balance == Decimal("999.50")


def test_sponsorship_counts_sponsored_delegates_by_group_gender_and_status(tiny, sample):
    summary = stats.sponsorship_summary(tiny)
    assert summary.by_status == {"selected": 1, "declined": 1}
    assert summary.by_regional_group == {"WEST": 1}
    assert summary.by_gender == {"female": 1}
    assert summary.cost == Decimal("3500.00")
    whole = stats.sponsorship_summary(sample)
    assert sum(whole.by_status.values()) == whole.applications
    assert sum(whole.by_gender.values()) == sum(whole.by_regional_group.values())


def test_a_share_of_nothing_has_no_percentage():
    assert stats.Share(0, 0).percent() is None
    assert stats.Share(1, 3).percent(1) == Decimal("33.3")
