"""Data access for the dashboard: the store, the package it holds, and saving edits.

Caching is on data access only: the store per URL and the package per store version (raised
by every write), so that every page reads the same data and a save is seen at once.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from meetings import access
from meetings.model import Package
from meetings.package import load_package
from meetings.store import Store, StoreNotEmpty, default_url

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "ccw-2022"


@st.cache_resource(show_spinner=False)
def store(url: str) -> Store:
    return Store(url)


def current_store() -> Store:
    """The store of ``DATABASE_URL`` or the SQLite default; the sample is loaded into an empty one."""
    opened = store(default_url())
    if opened.is_empty():
        try:
            opened.load_package(load_package(SAMPLE))
        except StoreNotEmpty:  # another session filled it first
            return opened
        st.session_state["loaded_sample"] = True
    return opened


# A resource, not cache_data: cache_data would unpickle a copy of the whole package on every
# run of every page. Pages only read it; edits build a new package (model_copy) and save it.
@st.cache_resource(show_spinner=False, max_entries=4)
def _package(url: str, version: int | None) -> Package:
    return store(url).read_package()


def package() -> Package:
    """The package in the store, read once per version."""
    opened = current_store()
    return _package(opened.url, opened.version())


def account() -> access.Account | None:
    """Who is using the dashboard: the local secretariat while there are no accounts, else
    the signed-in account (None until someone signs in)."""
    if not access.has_accounts(current_store()):
        return access.LOCAL_SECRETARIAT
    return st.session_state.get("account")


def save(before: Package, after: Package) -> list[access.Change]:
    """Save what the signed-in account changed from ``before`` (what it opened) to ``after``.

    Raises PackageError (nothing saved) for invalid data, access.Conflict when someone else
    changed the same records meanwhile, and access.Forbidden for an account that may not
    change the data.
    """
    return access.save_changes(current_store(), account() or access.LOCAL_SECRETARIAT, before, after)


def replace(imported: Package) -> None:
    """Put an imported package in place of the data, as the signed-in account."""
    access.replace_package(current_store(), account() or access.LOCAL_SECRETARIAT, imported)
