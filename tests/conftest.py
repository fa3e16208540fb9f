"""Shared fixtures: the sample, the tiny package, and the two databases.

PostgreSQL is the server of this machine (127.0.0.1:5432, database ``test``, trust
authentication), or ``TEST_POSTGRES_URL``. Each test gets a schema of its own, dropped after.
Outside CI a test that needs it is skipped when the server is down; under CI (``CI`` set) it
fails, since CI starts the server.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from meetings.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "ccw-2022"
PACKAGES = Path(__file__).resolve().parent / "packages"
TINY = PACKAGES / "tiny"
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(autouse=True)
def _run_in_repo_root(monkeypatch):
    # Paths in doctests and the README are relative to the repository root.
    monkeypatch.chdir(ROOT)


def _postgres_engine() -> sa.Engine:
    engine = sa.create_engine(POSTGRES_URL)
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as error:
        engine.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL must be running under CI: {error}")
        pytest.skip(f"PostgreSQL is not running at {POSTGRES_URL}")
    return engine


@pytest.fixture
def postgres_url():
    """A URL of the test PostgreSQL database whose search path is a new, empty schema."""
    engine = _postgres_engine()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with engine.begin() as connection:
        connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
    yield (
        sa.engine.make_url(POSTGRES_URL)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    with engine.begin() as connection:
        connection.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'meetings.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request):
    """Each test that takes it runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")


@pytest.fixture
def store(database_url):
    store = Store(database_url)
    yield store
    store.close()


def materialize(case: Path, into: Path) -> Path:
    """The tiny package with a broken case's files laid over it (and its DELETE list removed)."""
    folder = into / case.name
    shutil.copytree(TINY, folder)
    for path in case.rglob("*"):
        relative = path.relative_to(case)
        if path.is_file() and relative.name not in ("EXPECTED", "DELETE"):
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, folder / relative)
    if (case / "DELETE").exists():
        for name in (case / "DELETE").read_text().split():
            (folder / name).unlink()
    return folder


def edit_first_payment(app, amount: str) -> None:
    """On the dashboard's Data page, change the first payment's amount and press Save."""
    app.selectbox(key="data-table").set_value("payments").run()
    app.session_state["editor-payments"] = {
        "edited_rows": {0: {"amount": amount}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.button(key="save").click().run()
