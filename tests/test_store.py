"""The store, on SQLite and on PostgreSQL: lossless, all or nothing, created on first use."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner
from conftest import PACKAGES, SAMPLE, TINY, materialize
from hypothesis import HealthCheck, given, settings
from strategies import packages

from docgen.cli import main
from meetings.model import State
from meetings.package import load_package
from meetings.store import Store, StoreEmpty, StoreNotEmpty, default_url


@pytest.mark.parametrize("folder", [SAMPLE, TINY], ids=["sample", "tiny"])
def test_package_store_package_is_lossless(store, folder):
    package = load_package(folder)
    store.load_package(package)
    assert store.read_package() == package
    assert store.package_name() == package.name


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(package=packages)
def test_any_package_survives_the_store(store, package):
    store.load_package(package, replace=True)
    assert store.read_package() == package


def test_an_empty_store_says_so(store):
    assert store.is_empty()
    with pytest.raises(StoreEmpty, match="docgen db load"):
        store.read_package()


def test_a_store_is_replaced_only_when_asked(store):
    tiny = load_package(TINY)
    store.load_package(tiny)
    with pytest.raises(StoreNotEmpty):
        store.load_package(load_package(SAMPLE))
    assert store.read_package() == tiny
    store.load_package(load_package(SAMPLE), replace=True)
    assert store.package_name() == "ccw-2022"


def test_a_load_that_fails_in_the_database_leaves_it_as_it_was(store):
    tiny = load_package(TINY)
    store.load_package(tiny)
    # Two rows with the same key get past no check but the database's own constraint,
    # after other tables have been written in the same transaction.
    broken = load_package(SAMPLE).model_copy()
    broken.states = [*broken.states, State(code="POL", body="CCW", regional_group="EEG")]
    with pytest.raises(Exception, match=r"(?i)unique"):
        store.load_package(broken, replace=True)
    assert store.read_package() == tiny


@pytest.mark.parametrize("case", sorted((PACKAGES / "broken").iterdir()), ids=lambda path: path.name)
def test_db_load_of_a_broken_package_leaves_the_database_as_it_was(case, sqlite_url, tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["db", "load", str(TINY), "--db", sqlite_url]).exit_code == 0
    result = runner.invoke(
        main, ["db", "load", str(materialize(case, tmp_path)), "--db", sqlite_url, "--replace"]
    )
    assert result.exit_code == 1
    store = Store(sqlite_url)
    assert store.read_package() == load_package(TINY)
    store.close()


@pytest.mark.postgres
def test_db_load_of_a_broken_package_leaves_postgresql_as_it_was(postgres_url, tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["db", "load", str(SAMPLE), "--db", postgres_url]).exit_code == 0
    for name in ("nominee-outside-group", "negative-amount", "invalid-utf8"):
        folder = materialize(PACKAGES / "broken" / name, tmp_path)
        assert (
            runner.invoke(main, ["db", "load", str(folder), "--db", postgres_url, "--replace"]).exit_code == 1
        )
    store = Store(postgres_url)
    assert store.read_package() == load_package(SAMPLE)
    store.close()


def test_the_default_store_is_a_sqlite_file_created_on_first_use_in_wal_mode(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert default_url() == "sqlite:///var/meetings.db"
    store = Store()
    store.load_package(load_package(TINY))
    store.close()
    database = tmp_path / "var" / "meetings.db"
    assert database.is_file()
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_database_url_names_the_store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert default_url() == url
    result = CliRunner().invoke(main, ["db", "load", str(TINY)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "elsewhere.db").is_file()


def test_db_dump_writes_the_package_back(sqlite_url, tmp_path):
    runner = CliRunner()
    runner.invoke(main, ["db", "load", str(SAMPLE), "--db", sqlite_url])
    result = runner.invoke(main, ["db", "dump", str(tmp_path / "out"), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert load_package(tmp_path / "out") == load_package(SAMPLE)
    again = runner.invoke(main, ["db", "dump", str(tmp_path / "out"), "--db", sqlite_url])
    assert again.exit_code == 1
    assert "already exists" in again.stderr


def test_db_load_twice_asks_for_replace(sqlite_url):
    runner = CliRunner()
    assert runner.invoke(main, ["db", "load", str(TINY), "--db", sqlite_url]).exit_code == 0
    result = runner.invoke(main, ["db", "load", str(SAMPLE), "--db", sqlite_url])
    assert result.exit_code == 1
    assert "--replace" in result.stderr
