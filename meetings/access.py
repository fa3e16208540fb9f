"""Who may see and change what: accounts, roles, sign-in, and the record of every change.

Roles:

- ``secretariat``: edits the data, generates documents, manages everything;
- ``office-holder``: reads everything and generates documents; finances only when marked
  for finance;
- ``viewer``: meetings and their documents only.

The rules are kept here and enforced by the store (:meth:`meetings.store.Store.load_package`
refuses a write by an account that may not write), not only by hiding widgets. With no
account at all, the dashboard runs as :data:`LOCAL_SECRETARIAT`, a single-user session.

>>> OFFICE_HOLDER = Account("amina", Role.OFFICE_HOLDER, finance=False)
>>> OFFICE_HOLDER.may(Permission.GENERATE), OFFICE_HOLDER.may(Permission.READ_FINANCE)
(True, False)
>>> require(OFFICE_HOLDER, Permission.WRITE)
Traceback (most recent call last):
...
meetings.access.Forbidden: amina (office-holder) may not change the data
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from meetings.model import TABLES, Package
from meetings.problems import PackageError
from meetings.store import ACCOUNTS, AUDIT, Store
from meetings.validation import validate_package


class Role(StrEnum):
    SECRETARIAT = "secretariat"
    OFFICE_HOLDER = "office-holder"
    VIEWER = "viewer"


class Permission(StrEnum):
    READ_MEETINGS = "read the meetings and their documents"
    READ_ALL = "read the officers, sponsorship and national reports"
    READ_FINANCE = "read the finances"
    GENERATE = "generate documents"
    WRITE = "change the data"


_RIGHTS = {
    Role.SECRETARIAT: set(Permission),
    Role.OFFICE_HOLDER: {Permission.READ_MEETINGS, Permission.READ_ALL, Permission.GENERATE},
    Role.VIEWER: {Permission.READ_MEETINGS},
}


@dataclass(frozen=True)
class Account:
    name: str
    role: Role
    #: An office holder who may see the finances (the secretariat always may).
    finance: bool = False

    def may(self, permission: Permission) -> bool:
        if permission == Permission.READ_FINANCE and self.role == Role.OFFICE_HOLDER:
            return self.finance
        return permission in _RIGHTS[self.role]


#: The one user of a dashboard that has no accounts yet.
LOCAL_SECRETARIAT = Account("local secretariat", Role.SECRETARIAT, finance=True)


class Forbidden(PermissionError):
    """An account tried what its role does not allow."""


class AccountError(ValueError):
    """An account cannot be added or changed as asked."""


class TooManyAttempts(RuntimeError):
    """Sign-in is paused after repeated failures; ``wait`` says for how many seconds."""

    def __init__(self, wait: float):
        super().__init__(f"too many failed sign-ins: try again in {wait:.0f} s")
        self.wait = wait


def require(account: Account, permission: Permission) -> None:
    """Raise :class:`Forbidden` unless ``account`` may do ``permission``."""
    if not account.may(permission):
        raise Forbidden(f"{account.name} ({account.role.value}) may not {permission.value}")


_HASHER = PasswordHasher()
#: Failures allowed before sign-in slows down, and the longest pause between two tries.
FREE_FAILURES = 3
LONGEST_PAUSE = 300.0


def _pause(failures: int) -> float:
    """Seconds to wait after ``failures`` failed sign-ins in a row: 0, then 2, 4, 8 … up to 5 min."""
    return 0.0 if failures < FREE_FAILURES else min(2.0 ** (failures - FREE_FAILURES + 1), LONGEST_PAUSE)


def has_accounts(store: Store) -> bool:
    with store.engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(ACCOUNTS)).scalar_one() > 0


def add_account(store: Store, name: str, role: Role, password: str, *, finance: bool = False) -> Account:
    """Create an account; its password is kept only as an Argon2 hash."""
    name = name.strip()
    if not name:
        raise AccountError("an account needs a name")
    if len(password) < 10:
        raise AccountError("a password has at least 10 characters")
    with store.engine.begin() as connection:
        if connection.execute(sa.select(ACCOUNTS.c.name).where(ACCOUNTS.c.name == name)).first():
            raise AccountError(f"there is already an account {name!r}")
        connection.execute(
            ACCOUNTS.insert(),
            {
                "name": name,
                "role": Role(role).value,
                "finance": finance,
                "password_hash": _HASHER.hash(password),
                "failed_attempts": 0,
                "last_failure": None,
            },
        )
    return Account(name, Role(role), finance)


def list_accounts(store: Store) -> list[Account]:
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(ACCOUNTS).order_by(ACCOUNTS.c.name)).mappings()
        return [Account(row["name"], Role(row["role"]), bool(row["finance"])) for row in rows]


def remove_account(store: Store, name: str) -> None:
    with store.engine.begin() as connection:
        if connection.execute(ACCOUNTS.delete().where(ACCOUNTS.c.name == name)).rowcount == 0:
            raise AccountError(f"there is no account {name!r}")


def set_role(store: Store, name: str, role: Role, *, finance: bool | None = None) -> Account:
    values = {"role": Role(role).value} | ({"finance": finance} if finance is not None else {})
    with store.engine.begin() as connection:
        if (
            connection.execute(ACCOUNTS.update().where(ACCOUNTS.c.name == name).values(**values)).rowcount
            == 0
        ):
            raise AccountError(f"there is no account {name!r}")
    return next(account for account in list_accounts(store) if account.name == name)


def authenticate(store: Store, name: str, password: str, *, now: dt.datetime | None = None) -> Account | None:
    """The account if ``password`` is its password, else None.

    After :data:`FREE_FAILURES` failures in a row, each further try must wait longer (2, 4, 8 …
    seconds): a guess made sooner raises :class:`TooManyAttempts` without being checked.
    """
    now = now or dt.datetime.now(dt.UTC)
    with store.engine.begin() as connection:
        row = connection.execute(sa.select(ACCOUNTS).where(ACCOUNTS.c.name == name)).mappings().first()
        if row is None:
            _HASHER.hash(password)  # as slow as a real check: the time does not tell who exists
            return None
        last = row["last_failure"]
        if last is not None and last.tzinfo is None:
            last = last.replace(tzinfo=dt.UTC)  # SQLite gives back naive times
        wait = _pause(row["failed_attempts"]) - ((now - last).total_seconds() if last else LONGEST_PAUSE)
        if wait > 0:
            raise TooManyAttempts(wait)
        try:
            _HASHER.verify(row["password_hash"], password)
        except (VerificationError, InvalidHashError):
            connection.execute(
                ACCOUNTS.update()
                .where(ACCOUNTS.c.name == name)
                .values(failed_attempts=row["failed_attempts"] + 1, last_failure=now)
            )
            return None
        connection.execute(
            ACCOUNTS.update().where(ACCOUNTS.c.name == name).values(failed_attempts=0, last_failure=None)
        )
        return Account(row["name"], Role(row["role"]), bool(row["finance"]))


@dataclass(frozen=True)
class Change:
    """One record added, changed or removed: its table, its key and its values before and after."""

    table: str
    record: str
    old: dict | None
    new: dict | None


def _records(package: Package, field: str) -> dict[str, dict]:
    """A table's records by the words of their key ("XYZ POL 2022 2022-02-01"), as plain values."""
    return {" ".join(str(part) for part in r.key): r.model_dump(mode="json") for r in getattr(package, field)}


def changes(before: Package, after: Package) -> list[Change]:
    """What differs between two versions of a package, record by record, in the tables."""
    found = []
    for field in TABLES:
        old, new = _records(before, field), _records(after, field)
        for record in sorted(old.keys() | new.keys()):
            if old.get(record) != new.get(record):
                found.append(Change(field, record, old.get(record), new.get(record)))
    return found


class Conflict(RuntimeError):
    """Someone else changed the same records since the editor read them."""

    def __init__(self, conflicts: list[Change]):
        self.conflicts = conflicts
        listed = "; ".join(f"{c.table} {c.record}" for c in conflicts)
        super().__init__(f"changed by someone else since you opened it: {listed}. Reload, then edit again.")


def _apply(package: Package, found: list[Change]) -> Package:
    """``package`` with the changes made: records replaced where they stood, new ones at the end."""
    update = {}
    for field in {change.table for change in found}:
        _file, model = TABLES[field]
        records = {label: model.model_validate(values) for label, values in _records(package, field).items()}
        for change in (c for c in found if c.table == field):
            if change.new is None:
                records.pop(change.record, None)
            else:
                records[change.record] = model.model_validate(change.new)
        update[field] = list(records.values())
    return package.model_copy(update=update)


def save_changes(store: Store, account: Account, before: Package, after: Package) -> list[Change]:
    """Save what an editor changed from ``before`` to ``after``, as ``account``; record it.

    No update is lost: each changed record must still be, in the store, what the editor
    started from (``before``); if someone else changed it meanwhile, :class:`Conflict` names
    it and nothing is saved. Changes to other records by others are kept. The result must
    pass the package's checks (else :class:`~meetings.problems.PackageError`), and only an
    account that may change the data may save (else :class:`Forbidden`).
    """
    require(account, Permission.WRITE)
    found = changes(before, after)

    def change(current: Package) -> tuple[Package, list[dict]]:
        now = {field: _records(current, field) for field in {c.table for c in found}}
        conflicts = [c for c in found if now[c.table].get(c.record) != c.old]
        if conflicts:
            raise Conflict(conflicts)
        merged = _apply(current, found)
        problems = validate_package(merged)
        if problems:
            raise PackageError(problems)
        stamp = dt.datetime.now(dt.UTC)
        return merged, [
            {
                "at": stamp,
                "account": account.name,
                "table": c.table,
                "record": c.record,
                "old": json.dumps(c.old, ensure_ascii=False) if c.old else None,
                "new": json.dumps(c.new, ensure_ascii=False) if c.new else None,
            }
            for c in found
        ]

    if found:
        store.update(change)
    return found


def replace_package(store: Store, account: Account, package: Package) -> None:
    """Put a whole new package (an import) in place of the store's, as ``account``; record it."""
    require(account, Permission.WRITE)
    problems = validate_package(package)
    if problems:
        raise PackageError(problems)
    row = {
        "at": dt.datetime.now(dt.UTC),
        "account": account.name,
        "table": "package",
        "record": package.name,
        "old": None,
        "new": None,
    }
    store.update(lambda _current: (package, [row]))


def audit_trail(store: Store, limit: int = 1000) -> list[dict]:
    """The latest changes, newest first: when, who, which record, and its values before and after."""
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(AUDIT).order_by(AUDIT.c.id.desc()).limit(limit)).mappings()
        return [dict(row) for row in rows]
