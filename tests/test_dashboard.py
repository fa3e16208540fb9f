"""The dashboard through Streamlit's AppTest: every page, its figures, edits saved and refused."""

from __future__ import annotations

import re
import uuid

import pytest
from conftest import ROOT, SAMPLE, edit_first_payment
from streamlit.testing.v1 import AppTest

from dashboard.ui import page_file
from docgen.builders import build_document
from docgen.document import Item
from docgen.i18n import DASHBOARD_PAGES
from meetings.package import load_package
from meetings.store import Store

PAGES = [page_file(key).removesuffix(".py") for key in DASHBOARD_PAGES]


@pytest.fixture
def database(tmp_path, monkeypatch):
    # A new file each time: the dashboard caches its store by URL.
    url = f"sqlite:///{tmp_path / f'dashboard-{uuid.uuid4().hex}.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()


def _page(name: str) -> AppTest:
    app = _app()
    app.switch_page(f"dashboard/pages/{name}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_the_first_run_loads_the_sample_into_an_empty_database_and_says_so(database):
    app = _app()
    assert not app.exception
    assert any("sample data" in toast.value for toast in app.toast)
    assert Store(database).package_name() == "ccw-2022"


@pytest.mark.parametrize("name", PAGES)
def test_every_page_runs_without_an_exception(database, name):
    app = _page(name)
    assert app.title, f"{name} has no title"


def test_the_overview_shows_the_reports_contributions_and_fund(database):
    metrics = {metric.label: metric.value for metric in _page("overview").metric}
    assert metrics["Amended Protocol II"] == "60%" and metrics["Protocol V"] == "55%"
    assert metrics["Contributions received"] == "91.9%"
    assert metrics["Working Capital Fund"] == "$195,238.12"


def test_the_national_reports_page_and_paragraph_13_of_the_isu_report_give_the_same_figures(database):
    table = _page("national_reports").dataframe[0].value
    shown = table[table["Year"] == 2022]
    report = build_document(load_package(SAMPLE), "ccw-msp-2022", "isu-report", "zh")
    items = [segment.text for block in report.blocks if isinstance(block, Item) for segment in block.text]
    assert len(items) == len(shown) == 3
    for (_, row), item in zip(shown.iterrows(), items, strict=True):
        assert f"共有{row['Reports']}个缔约方({row['Rate']})" in item


def test_the_finance_page_lists_what_is_outstanding_largest_first(database):
    app = _page("finance")
    outstanding = app.dataframe[1].value["Amount outstanding"].tolist()
    amounts = [float(re.sub(r"[^\d.]", "", value)) for value in outstanding]
    assert amounts == sorted(amounts, reverse=True) and round(sum(amounts), 2) == 110027.14


def test_the_interface_speaks_the_language_chosen(database):
    app = _app()
    app.sidebar.selectbox(key="lang").set_value("zh").run()
    assert not app.exception
    assert app.title[0].value == "概览"
    assert "特定常规武器公约" in {metric.label for metric in app.metric}
    app.sidebar.selectbox(key="lang").set_value("ar").run()
    assert not app.exception
    assert any("direction: rtl" in markdown.value for markdown in app.markdown)


def test_a_valid_edit_is_saved(database):
    app = _page("data")
    edit_first_payment(app, "12.34")
    assert not app.error and not app.exception
    assert str(Store(database).read_package().payments[0].amount) == "12.34"


def test_an_invalid_edit_is_refused_where_it_is_and_nothing_is_saved(database):
    app = _page("data")
    app.selectbox(key="data-table").set_value("nominations").run()
    before = Store(database).read_package()
    # Poland belongs to the Eastern European Group, not to the group whose turn it is.
    app.session_state["editor-nominations"] = {
        "edited_rows": {1: {"state": "POL"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.button(key="save").click().run()
    assert app.error and "1 problem" in app.error[0].value
    assert any("POL belongs to EEG, not to NAM" in markdown.value for markdown in app.markdown)
    assert Store(database).read_package() == before


def test_the_documents_page_generates_a_document_to_download(database):
    app = _page("documents")
    app.multiselect(key="documents-symbols").set_value(["CCW/MSP/2022/4"]).run()
    app.multiselect(key="documents-languages").set_value(["zh"]).run()
    app.button[0].click().run()
    assert not app.exception and not app.error
    name, content = app.session_state["download"]
    assert name == "CCW_MSP_2022_4-C.docx" and content[:2] == b"PK"
