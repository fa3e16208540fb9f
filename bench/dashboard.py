"""Benchmark: the server-side time of each dashboard page, on the sample and on a large dataset.

    python bench/dashboard.py [--years 75] [--states 200]

Each page is run through Streamlit's AppTest (the script as the server runs it, without a
browser), once with cold caches and then three times warm; the median warm time is reported.
Goals: under 0.5 s per page on the sample, under 2 s on a dataset about 100× larger.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load import synthesize  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard.ui import page_file  # noqa: E402
from docgen.i18n import DASHBOARD_PAGES  # noqa: E402
from meetings.package import load_package  # noqa: E402
from meetings.store import Store  # noqa: E402

PAGES = [page_file(key).removesuffix(".py") for key in DASHBOARD_PAGES]


def measure(url: str) -> dict[str, tuple[float, float]]:
    os.environ["DATABASE_URL"] = url
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    times = {}
    for page in PAGES:
        started = time.perf_counter()
        app.switch_page(f"dashboard/pages/{page}.py").run()
        cold = time.perf_counter() - started
        warm = []
        for _ in range(3):
            started = time.perf_counter()
            app.run()
            warm.append(time.perf_counter() - started)
        if app.exception:
            raise RuntimeError(f"{page}: {app.exception[0].value}")
        times[page] = (cold, statistics.median(warm))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=75)
    parser.add_argument("--states", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small = f"sqlite:///{Path(folder) / 'sample.db'}"
        Store(small).load_package(load_package(ROOT / "data" / "ccw-2022"))
        large = f"sqlite:///{Path(folder) / 'large.db'}"
        Store(large).load_package(synthesize(args.years, args.states))
        results = {"sample": measure(small), f"{args.years} years × {args.states} States": measure(large)}
    print(f"machine: {os.cpu_count()} cores; seconds per page, cold caches / warm (median of 3)")
    print(f"{'page':<18}" + "".join(f"{name:>34}" for name in results))
    for page in PAGES:
        cells = "".join(f"{times[page][0]:>20.2f} / {times[page][1]:<11.2f}" for times in results.values())
        print(f"{page:<18}{cells}")


if __name__ == "__main__":
    main()
