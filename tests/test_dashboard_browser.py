"""The dashboard in a real browser: Debian's Chromium, driven by Playwright, against the server.

Every page is visited; any Streamlit exception box fails the test; a screenshot of each page is
kept in ``test-artifacts/dashboard/``. Under CI (``CI`` set) Chromium must be there.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import ROOT

from docgen.i18n import DASHBOARD_PAGES

# The overview is the default page, served at the root.
PAGES = ["" if key == "overview" else key for key in DASHBOARD_PAGES]
ARTIFACTS = ROOT / "test-artifacts" / "dashboard"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("Chromium must be installed under CI (.ci/run installs it)")
        pytest.skip("Chromium is not installed")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    database = tmp_path_factory.mktemp("browser") / "dashboard.db"
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode(errors="replace") if process.stdout else ""
                    pytest.fail(f"the dashboard did not start:\n{output[-2000:]}")
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout:
            process.stdout.close()


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def _settle(page) -> None:
    """Wait until Streamlit has run the page: a title is shown and the app is no longer running."""
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=60_000,
    )
    page.wait_for_timeout(500)


def test_every_page_opens_in_chromium_without_an_exception(server, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    titles = {}
    for name in PAGES:
        page.goto(f"{server}/{name}")
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / f"{name or 'overview'}.png"), full_page=True)
        assert page.locator("[data-testid='stException']").count() == 0, f"{name} shows an exception"
        titles[name] = page.locator("h1").first.inner_text()
    assert titles[""] == "Overview" and titles["national-reports"] == "National reports"
    page.close()


def test_the_interface_switches_to_chinese_and_arabic(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server)
    _settle(page)
    page.wait_for_selector("text=46%", timeout=60_000)
    for language, title in (("中文", "概览"), ("العربية", "نظرة عامة")):
        page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first.click()
        page.get_by_role("option", name=language).click()
        page.wait_for_function(
            f"() => document.querySelector('h1') && document.querySelector('h1').innerText === '{title}'",
            timeout=60_000,
        )
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / f"overview-{language}.png"), full_page=True)
        assert page.locator("[data-testid='stException']").count() == 0
    assert page.evaluate("getComputedStyle(document.querySelector('.stMain')).direction") == "rtl"
    page.close()
