"""Accounts, roles and the record of changes: in the library, the CLI and the dashboard."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE, TINY, edit_first_payment
from streamlit.testing.v1 import AppTest

from docgen.cli import main
from meetings import access
from meetings.access import Account, Forbidden, Permission, Role, TooManyAttempts
from meetings.package import load_package
from meetings.store import Store

PASSWORD = "correct horse battery staple"


def test_accounts_are_added_listed_changed_and_removed(store):
    assert not access.has_accounts(store)
    access.add_account(store, "amina", Role.OFFICE_HOLDER, PASSWORD, finance=True)
    access.add_account(store, "li", Role.VIEWER, PASSWORD)
    assert access.list_accounts(store) == [
        Account("amina", Role.OFFICE_HOLDER, True),
        Account("li", Role.VIEWER),
    ]
    with pytest.raises(access.AccountError, match="already"):
        access.add_account(store, "li", Role.VIEWER, PASSWORD)
    with pytest.raises(access.AccountError, match="10 characters"):
        access.add_account(store, "bob", Role.VIEWER, "short")
    assert access.set_role(store, "li", Role.SECRETARIAT).role == Role.SECRETARIAT
    access.remove_account(store, "li")
    assert [a.name for a in access.list_accounts(store)] == ["amina"]


def test_passwords_are_kept_only_as_argon2_hashes(store):
    access.add_account(store, "amina", Role.SECRETARIAT, PASSWORD)
    with store.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT password_hash FROM accounts").scalar_one()
    assert stored.startswith("$argon2") and PASSWORD not in stored


def test_sign_in_slows_down_after_repeated_failures(store):
    access.add_account(store, "amina", Role.SECRETARIAT, PASSWORD)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert access.authenticate(store, "amina", PASSWORD, now=start) == Account("amina", Role.SECRETARIAT)
    for _ in range(access.FREE_FAILURES):
        assert access.authenticate(store, "amina", "wrong", now=start) is None
    with pytest.raises(TooManyAttempts) as paused:
        access.authenticate(store, "amina", PASSWORD, now=start + dt.timedelta(seconds=1))
    assert paused.value.wait > 0
    later = start + dt.timedelta(seconds=3)
    assert access.authenticate(store, "amina", PASSWORD, now=later) is not None  # and the count starts again
    assert access.authenticate(store, "nobody", PASSWORD, now=later) is None


def test_a_write_by_a_role_that_may_not_write_raises_and_changes_nothing(store):
    store.load_package(load_package(TINY))
    edited = load_package(TINY)
    edited.payments[0].amount = Decimal("1.00")
    for account in (Account("amina", Role.OFFICE_HOLDER, finance=True), Account("li", Role.VIEWER)):
        with pytest.raises(Forbidden):
            access.save_changes(store, account, load_package(TINY), edited)
    assert store.read_package() == load_package(TINY)
    assert access.audit_trail(store) == []


def test_every_change_is_recorded_with_who_when_and_the_values_before_and_after(store):
    access.add_account(store, "amina", Role.SECRETARIAT, PASSWORD)
    store.load_package(load_package(TINY))
    edited = load_package(TINY)
    edited.payments[0].amount = Decimal("999.00")
    del edited.national_reports[0]
    changes = access.save_changes(store, Account("amina", Role.SECRETARIAT), load_package(TINY), edited)
    assert {(c.table, c.record) for c in changes} == {
        ("payments", "XYZ POL 2022 2022-02-01"),
        ("national_reports", "POL XYZ 2022"),
    }
    trail = access.audit_trail(store)
    assert {row["account"] for row in trail} == {"amina"}
    payment = next(row for row in trail if row["table"] == "payments")
    assert '"1000.00"' in payment["old"] and '"999.00"' in payment["new"]
    assert next(row for row in trail if row["table"] == "national_reports")["new"] is None
    # Replacing the package keeps the accounts and the record of changes.
    store.load_package(load_package(TINY), replace=True)
    assert access.has_accounts(store) and len(access.audit_trail(store)) == 2


def test_the_users_commands(sqlite_url):
    runner = CliRunner()
    added = runner.invoke(
        main,
        ["users", "add", "amina", "--role", "office-holder", "--finance", "--db", sqlite_url],
        input=PASSWORD + "\n",
    )
    assert added.exit_code == 0, added.output
    refused = runner.invoke(
        main, ["users", "add", "bob", "--role", "viewer", "--db", sqlite_url], input="short\n"
    )
    assert refused.exit_code == 1 and "10 characters" in refused.stderr
    assert (
        "amina\toffice-holder\tfinance" in runner.invoke(main, ["users", "list", "--db", sqlite_url]).output
    )
    assert runner.invoke(main, ["users", "set-role", "amina", "viewer", "--db", sqlite_url]).exit_code == 0
    assert runner.invoke(main, ["users", "remove", "nobody", "--db", sqlite_url]).exit_code == 1
    assert runner.invoke(main, ["users", "remove", "amina", "--db", sqlite_url]).exit_code == 0
    assert "no accounts" in runner.invoke(main, ["users", "list", "--db", sqlite_url]).output


# The dashboard, as each role --------------------------------------------------------------------


@pytest.fixture
def accounts(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / f'roles-{uuid.uuid4().hex}.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = Store(url)
    store.load_package(load_package(SAMPLE))
    access.add_account(store, "sec", Role.SECRETARIAT, PASSWORD)
    access.add_account(store, "fin", Role.OFFICE_HOLDER, PASSWORD, finance=True)
    access.add_account(store, "off", Role.OFFICE_HOLDER, PASSWORD)
    access.add_account(store, "view", Role.VIEWER, PASSWORD)
    return store


def _signed_in(name: str, password: str = PASSWORD) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert [title.value for title in app.title] == ["Sign in"]
    app.text_input(key="signin-name").input(name)
    app.text_input(key="signin-password").input(password)
    app.button[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _opens(app: AppTest, page: str) -> bool:
    """Whether the navigation offers the page to this account and it opens."""
    try:
        app.switch_page(f"dashboard/pages/{page}.py").run()
    except ValueError:  # AppTest: the navigation has no such page for this account
        return False
    assert not app.exception, [e.value for e in app.exception]
    titles = {"finance": "Finance", "data": "Data", "overview": "Overview", "meetings": "Meetings"}
    return [t.value for t in app.title] == [titles[page]]


def test_sign_in_is_required_once_an_account_exists_and_a_wrong_password_is_refused(accounts):
    app = _signed_in("sec", "not the password")
    assert app.error and "Wrong name or password" in app.error[0].value
    assert [title.value for title in app.title] == ["Sign in"]


def test_a_viewer_sees_meetings_and_documents_only(accounts):
    app = _signed_in("view")
    assert [title.value for title in app.title] == ["Meetings"]
    assert not _opens(app, "finance") and not _opens(app, "data") and not _opens(app, "overview")


def test_an_office_holder_reads_everything_but_finances_and_changes_nothing(accounts):
    app = _signed_in("off")
    assert [title.value for title in app.title] == ["Overview"]
    assert "Contributions received" not in {metric.label for metric in app.metric}
    assert not _opens(app, "finance") and not _opens(app, "data")


def test_an_office_holder_marked_for_finance_reads_the_finances(accounts):
    app = _signed_in("fin")
    assert "Contributions received" in {metric.label for metric in app.metric}
    assert _opens(app, "finance") and not _opens(app, "data")


def test_the_secretariat_edits_and_the_change_is_recorded_under_its_name(accounts):
    app = _signed_in("sec")
    assert _opens(app, "data")
    edit_first_payment(app, "12.34")
    assert not app.exception and not app.error
    assert [row["account"] for row in access.audit_trail(accounts)] == ["sec"]


def test_a_page_opened_past_the_menu_still_refuses_a_role_that_may_not_see_it(accounts):
    page = AppTest.from_file(str(ROOT / "dashboard" / "pages" / "finance.py"), default_timeout=120)
    page.session_state["account"] = Account("off", Role.OFFICE_HOLDER)
    page.run()
    assert page.error and "may not open this page" in page.error[0].value
    assert not page.metric and not page.dataframe


def test_permissions_follow_the_roles():
    secretariat, office_holder, viewer = (
        Account("a", Role.SECRETARIAT),
        Account("b", Role.OFFICE_HOLDER),
        Account("c", Role.VIEWER),
    )
    assert all(secretariat.may(p) for p in Permission)
    assert [p for p in Permission if office_holder.may(p)] == [
        Permission.READ_MEETINGS,
        Permission.READ_ALL,
        Permission.GENERATE,
    ]
    assert [p for p in Permission if viewer.may(p)] == [Permission.READ_MEETINGS]


# No lost update ---------------------------------------------------------------------------------


def test_a_second_editor_is_told_of_a_conflict_and_other_changes_are_kept(store):
    store.load_package(load_package(TINY))
    opened = store.read_package()  # both editors open the same data
    first, second = opened.model_copy(deep=True), opened.model_copy(deep=True)
    first.payments[0].amount = Decimal("111.00")
    access.save_changes(store, access.LOCAL_SECRETARIAT, opened, first)
    second.payments[0].amount = Decimal("222.00")
    with pytest.raises(access.Conflict, match="payments XYZ POL 2022 2022-02-01"):
        access.save_changes(store, access.LOCAL_SECRETARIAT, opened, second)
    assert store.read_package().payments[0].amount == Decimal("111.00")
    # A change to another record is merged with the first editor's, not written over it.
    third = opened.model_copy(deep=True)
    third.payments[1].amount = Decimal("333.00")
    access.save_changes(store, access.LOCAL_SECRETARIAT, opened, third)
    saved = store.read_package()
    assert (saved.payments[0].amount, saved.payments[1].amount) == (Decimal("111.00"), Decimal("333.00"))


def test_two_editors_saving_the_same_record_at_once_lose_nothing(database_url):
    import threading

    setup = Store(database_url)
    setup.load_package(load_package(TINY))
    opened = setup.read_package()
    setup.close()
    barrier, outcomes = threading.Barrier(2), {}

    def edit(amount: str) -> None:
        own = Store(database_url)  # a session of its own, as two users have
        after = opened.model_copy(deep=True)
        after.payments[0].amount = Decimal(amount)
        barrier.wait()
        try:
            access.save_changes(own, Account(f"editor {amount}", Role.SECRETARIAT), opened, after)
            outcomes[amount] = "saved"
        except access.Conflict:
            outcomes[amount] = "conflict"
        finally:
            own.close()

    threads = [threading.Thread(target=edit, args=(amount,)) for amount in ("111.00", "222.00")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes.values()) == ["conflict", "saved"]
    winner = next(amount for amount, outcome in outcomes.items() if outcome == "saved")
    store = Store(database_url)
    assert store.read_package().payments[0].amount == Decimal(winner)
    assert [row["account"] for row in access.audit_trail(store)] == [f"editor {winner}"]
    store.close()
