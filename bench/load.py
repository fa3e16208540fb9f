"""Benchmark: check and load a large synthetic package into SQLite, as `docgen db load` does.

    python bench/load.py [--years 20] [--states 200] [--db URL]

The package is the sample's body and meetings repeated for each year, with every table filled
for every State and year: national reports under each instrument, assessed contributions paid
in instalments, officer nominations, sponsorship applications and Working Capital Fund
movements. It prints the size against the sample and the time of each step (goal: the whole
load of 20 years × 200 States under 5 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetings.model import (  # noqa: E402
    AssessedContribution,
    Consent,
    Nomination,
    Package,
    Payment,
    SponsorshipApplication,
    State,
    WorkingCapitalFundEntry,
)
from meetings.package import load_package, write_package  # noqa: E402
from meetings.states import _alpha2_by_alpha3  # noqa: E402
from meetings.store import Store  # noqa: E402


def _rows(package: Package) -> int:
    count = 0
    for name in Package.model_fields:
        value = getattr(package, name)
        if isinstance(value, list):
            count += len(value)
            for record in value:
                for child in type(record).model_fields:
                    if isinstance(getattr(record, child), list):
                        count += len(getattr(record, child))
    return count


def synthesize(years: int, states: int) -> Package:
    sample = load_package(ROOT / "data" / "ccw-2022")
    rng = random.Random(7)
    body = sample.bodies[0]
    groups = [group.code for group in body.regional_groups]
    instruments = [instrument.code for instrument in body.instruments]
    codes = sorted(_alpha2_by_alpha3())[:states]
    first = 2022 - years + 1
    package = sample.model_copy(deep=True)
    package.states = [
        State(code=c, body=body.code, regional_group=groups[i % len(groups)]) for i, c in enumerate(codes)
    ]
    package.consents = [
        Consent(state=c, instrument=i, date=dt.date(first - 1, 1 + n % 12, 1), means="notification")
        for n, c in enumerate(codes)
        for i in instruments
    ]
    meetings, reports, assessed, payments, nominations, applications, fund = [], [], [], [], [], [], []
    body.cut_off_dates = []
    for year in range(first, 2023):
        shift = dt.date(year, 1, 1) - dt.date(2022, 1, 1)
        for meeting in sample.meetings:
            copy = meeting.model_copy(deep=True)
            copy.id = meeting.id.replace("2022", str(year))
            copy.start, copy.end = meeting.start + shift, meeting.end + shift
            for sitting in copy.programme_of_work:
                sitting.date += shift
            for document in copy.documents:
                document.symbol = document.symbol.replace("2022", str(year))
            meetings.append(copy)
        for state in codes:
            for instrument in instruments:
                if rng.random() < 0.6:
                    reports.append(
                        {
                            "state": state,
                            "instrument": instrument,
                            "year": year,
                            "received": dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                        }
                    )
            amount = Decimal(rng.randint(100_00, 300_000_00)) / 100
            assessed.append(AssessedContribution(body=body.code, state=state, year=year, amount=amount))
            half = (amount / 2).quantize(Decimal("0.01"))
            payments.append(
                Payment(body=body.code, state=state, year=year, date=dt.date(year, 3, 1), amount=half)
            )
            payments.append(
                Payment(
                    body=body.code, state=state, year=year, date=dt.date(year, 9, 1), amount=amount - half
                )
            )
        for n in range(16):
            state = codes[rng.randrange(len(codes))]
            nominations.append(
                Nomination(
                    id=f"n-{year}-{n}",
                    body=body.code,
                    post=body.officer_posts[n % len(body.officer_posts)].code,
                    year=year,
                    regional_group=groups[codes.index(state) % len(groups)],
                    status="confirmed",
                    nominee=f"Officer {n}",
                    state=state,
                    nominated_on=dt.date(year, 1, 10),
                    confirmed_on=dt.date(year, 2, 1),
                )
            )
        for n in range(32):
            applications.append(
                SponsorshipApplication(
                    id=f"sp-{year}-{n}",
                    meeting=meetings[-1 - n % 6].id,
                    state=codes[rng.randrange(len(codes))],
                    delegate=f"Delegate {n}",
                    gender=rng.choice(["female", "male"]),
                    status="attended",
                    received_on=dt.date(year, 6, 1),
                    cost=Decimal("4200.00"),
                )
            )
        fund.append(
            WorkingCapitalFundEntry(
                body=body.code,
                date=dt.date(year, 5, 1),
                kind="contribution",
                state=codes[0],
                amount=Decimal("10000.00"),
            )
        )
    package.meetings = meetings
    package.national_reports = [type(sample.national_reports[0])(**r) for r in reports]
    package.assessed_contributions = assessed
    package.payments = payments
    package.nominations = nominations
    package.sponsorship_applications = applications
    package.working_capital_fund = fund
    package.closed_accounts = []
    return Package.model_validate(package.model_dump())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--states", type=int, default=200)
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    args = parser.parse_args()

    sample_rows = _rows(load_package(ROOT / "data" / "ccw-2022"))
    package = synthesize(args.years, args.states)
    rows = _rows(package)
    with tempfile.TemporaryDirectory() as folder:
        write_package(package, Path(folder) / "package")
        url = args.db or f"sqlite:///{Path(folder) / 'bench.db'}"
        started = time.perf_counter()
        loaded = load_package(Path(folder) / "package")
        checked = time.perf_counter()
        store = Store(url)
        store.load_package(loaded, replace=True)
        stored = time.perf_counter()
        back = store.read_package()
        read = time.perf_counter()
        store.close()
    assert back == loaded
    size = f"{rows:,} records ({rows / sample_rows:.0f}× the sample's {sample_rows:,})"
    print(f"{args.years} years × {args.states} States: {size}")
    print(f"  read and check the package  {checked - started:6.2f} s")
    print(f"  write it to the database    {stored - checked:6.2f} s")
    print(f"  docgen db load, in all      {stored - started:6.2f} s   (goal: under 5 s)")
    print(f"  read it back from the store {read - stored:6.2f} s")


if __name__ == "__main__":
    main()
