"""The store: the package kept in a database, SQLite by default and PostgreSQL by URL.

The tables follow the model (:mod:`meetings.model`): one table per table of the package and
per kind of nested record (a meeting's documents, an agenda item's sub-items), each row
numbered by its position so that the order survives. The columns are derived from the
models' fields, so a field added to a model is stored without another declaration.

Where the data lives: ``DATABASE_URL`` if set, else the SQLite file ``var/meetings.db``
under the current folder, created on first use (the folder is git-ignored).

>>> store = Store("sqlite://")          # in memory
>>> store.is_empty()
True
"""

from __future__ import annotations

import datetime as dt
import os
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel

from meetings.model import Package, Record, Source

DEFAULT_DATABASE = Path("var") / "meetings.db"


def default_url() -> str:
    """``DATABASE_URL`` if set, else the SQLite file ``var/meetings.db`` in the current folder."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE}"


class Money(sa.types.TypeDecorator):
    """US-dollar amounts stored as whole cents: exact on every database (SQLite has no decimal)."""

    impl = sa.BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else int(Decimal(value).scaleb(2).to_integral_exact())

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value).scaleb(-2)


# The schema, derived from the models ---------------------------------------------------------


@dataclass
class _TableSpec:
    table: sa.Table
    model: type[Record]
    #: Fields stored in columns (the rest are the child tables).
    columns: list[str]
    #: Fields whose value is a nested model, stored as JSON.
    json_models: set[str]
    children: dict[str, _TableSpec] = field(default_factory=dict)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``Annotated[…]`` and ``X | None``, and whether None is allowed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional


def _column_type(annotation: Any) -> sa.types.TypeEngine:
    if annotation is Decimal:
        return Money()
    if annotation is dt.date:
        return sa.Date()
    if annotation is dt.time:
        return sa.Time()
    if annotation is int:
        return sa.Integer()
    if annotation is str or typing.get_origin(annotation) is typing.Literal:
        return sa.Text()
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return sa.Text()
    # Multilingual text, lists of numbers, nested small records
    return sa.JSON()


def _build(metadata: sa.MetaData, name: str, model: type[Record], parent: sa.Table | None) -> _TableSpec:
    columns: list[sa.Column] = [
        sa.Column("_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("_position", sa.Integer, nullable=False),
    ]
    if parent is not None:
        columns.append(
            sa.Column(
                "_parent",
                sa.Integer,
                sa.ForeignKey(f"{parent.name}._id", ondelete="CASCADE"),
                nullable=False,
                index=True,
            )
        )
    stored, json_models, nested = [], set(), {}
    for field_name, info in model.model_fields.items():
        annotation, optional = _unwrap(info.annotation)
        if typing.get_origin(annotation) is list:
            item, _ = _unwrap(typing.get_args(annotation)[0])
            if isinstance(item, type) and issubclass(item, Record):
                nested[field_name] = item
                continue
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            json_models.add(field_name)
        stored.append(field_name)
        columns.append(
            sa.Column(field_name, _column_type(annotation), nullable=optional or not info.is_required())
        )
    scope = ("_parent",) if parent is not None else ()
    constraints = [sa.UniqueConstraint(*scope, *model.key_fields)] if model.key_fields else []
    table = sa.Table(name, metadata, *columns, *constraints)
    spec = _TableSpec(table, model, stored, json_models)
    for field_name, item in nested.items():
        spec.children[field_name] = _build(metadata, f"{name}_{field_name}", item, table)
    return spec


METADATA = sa.MetaData()
PACKAGE_TABLE = sa.Table(
    "package",
    METADATA,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("title", sa.JSON, nullable=False),
    sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    #: Raised by every write; a save first raises it, which makes concurrent saves wait in turn.
    sa.Column("version", sa.Integer, nullable=False, default=1),
)
# Accounts and the record of changes live beside the package and outlive its replacement.
ADMIN_METADATA = sa.MetaData()
ACCOUNTS = sa.Table(
    "accounts",
    ADMIN_METADATA,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("finance", sa.Boolean, nullable=False, default=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("failed_attempts", sa.Integer, nullable=False, default=0),
    sa.Column("last_failure", sa.DateTime(timezone=True)),
)
AUDIT = sa.Table(
    "audit",
    ADMIN_METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("account", sa.Text, nullable=False),
    sa.Column("table", sa.Text, nullable=False),
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("old", sa.Text),
    sa.Column("new", sa.Text),
)
#: Package field → the table of its records, with their nested tables.
SPECS: dict[str, _TableSpec] = {}
for _field_name, _info in Package.model_fields.items():
    _annotation, _ = _unwrap(_info.annotation)
    if typing.get_origin(_annotation) is list:
        SPECS[_field_name] = _build(METADATA, _field_name, typing.get_args(_annotation)[0], None)


# Rows to records and back ----------------------------------------------------------------------


def _to_column(spec: _TableSpec, record: Record, name: str) -> Any:
    value = getattr(record, name)
    if name in spec.json_models and value is not None:
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, Enum):
        return value.value
    return value


def _flatten(spec: _TableSpec, records: list[Record], parent_id: int | None, rows: dict, ids: dict) -> None:
    bucket = rows.setdefault(spec.table.name, [])
    for position, record in enumerate(records):
        ids[spec.table.name] = row_id = ids.get(spec.table.name, 0) + 1
        row = {"_id": row_id, "_position": position}
        if parent_id is not None:
            row["_parent"] = parent_id
        row.update({name: _to_column(spec, record, name) for name in spec.columns})
        bucket.append(row)
        for name, child in spec.children.items():
            _flatten(child, getattr(record, name), row_id, rows, ids)


class StoreEmpty(LookupError):
    """The store holds no package yet."""


class StoreNotEmpty(RuntimeError):
    """The store holds a package already and the caller did not ask to replace it."""


class Store:
    """A database holding one package: loaded all at once, read back whole."""

    def __init__(self, url: str | None = None, **engine_options: Any):
        self.url = url or default_url()
        parsed = sa.engine.make_url(self.url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine = sa.create_engine(self.url, **engine_options)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        METADATA.create_all(self.engine)
        ADMIN_METADATA.create_all(self.engine)

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def is_empty(self) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(PACKAGE_TABLE)).scalar_one() == 0

    def version(self) -> int | None:
        """The package's version, raised by every write: what caches key on."""
        with self.engine.connect() as connection:
            return connection.execute(sa.select(PACKAGE_TABLE.c.version)).scalar_one_or_none()

    def package_name(self) -> str | None:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(PACKAGE_TABLE.c.name)).scalar_one_or_none()

    def load_package(self, package: Package, *, replace: bool = False) -> None:
        """Put ``package`` in the store, in one transaction: all of it or, on any error, nothing.

        The package must have been checked (:func:`meetings.package.load_package`). A store
        that holds a package already is replaced only when ``replace`` is true.
        """
        with self.engine.begin() as connection:
            existing = connection.execute(sa.select(PACKAGE_TABLE.c.name)).scalar_one_or_none()
            if existing is not None and not replace:
                raise StoreNotEmpty(f"the store already holds package {existing!r}; replace it explicitly")
            connection.execute(PACKAGE_TABLE.update().values(version=PACKAGE_TABLE.c.version + 1))
            self._write(connection, package)

    def update(self, change: Callable[[Package], tuple[Package, list[dict]]]) -> Package:
        """Change the package in one transaction: ``change`` gets the package as it is now and
        gives the new one and the audit rows to record with it.

        The transaction starts by raising the package's version, which takes the write lock
        (a row lock in PostgreSQL, the database's in SQLite): two updates at the same time run
        one after the other, the second seeing what the first wrote. Whatever ``change``
        raises leaves the store as it was.
        """
        with self.engine.begin() as connection:
            raised = connection.execute(PACKAGE_TABLE.update().values(version=PACKAGE_TABLE.c.version + 1))
            if raised.rowcount == 0:
                raise StoreEmpty(f"{self!r} holds no package yet: load one with `docgen db load PACKAGE`")
            new, audit = change(self._read(connection))
            self._write(connection, new)
            if audit:
                connection.execute(AUDIT.insert(), audit)
        return new

    def _write(self, connection: sa.Connection, package: Package) -> None:
        rows: dict[str, list[dict]] = {}
        ids: dict[str, int] = {}
        for name, spec in SPECS.items():
            _flatten(spec, getattr(package, name), None, rows, ids)
        for table in reversed(METADATA.sorted_tables):
            if table is not PACKAGE_TABLE:
                connection.execute(table.delete())
        # The package's own row stays (and is changed in place): it is what concurrent writers
        # wait on, and a writer that finds it gone would think the store empty.
        head = {"name": package.name, "title": package.title, "loaded_at": dt.datetime.now(dt.UTC)}
        if connection.execute(PACKAGE_TABLE.update().values(**head)).rowcount == 0:
            connection.execute(PACKAGE_TABLE.insert(), {**head, "version": 1})
        for table in METADATA.sorted_tables:
            if table is not PACKAGE_TABLE and rows.get(table.name):
                connection.execute(table.insert(), rows[table.name])

    def read_package(self) -> Package:
        """The package in the store, as a :class:`~meetings.model.Package`."""
        with self.engine.connect() as connection:
            return self._read(connection)

    def _read(self, connection: sa.Connection) -> Package:
        head = connection.execute(sa.select(PACKAGE_TABLE.c.name, PACKAGE_TABLE.c.title)).one_or_none()
        if head is None:
            raise StoreEmpty(f"{self!r} holds no package yet: load one with `docgen db load PACKAGE`")
        contents: dict[str, Any] = {"name": head.name, "title": head.title}
        for name, spec in SPECS.items():
            contents[name] = [data for _parent, data in self._read_rows(connection, spec)]
        package = Package.model_validate(contents)
        package._source = Source(file="the database")
        return package

    def _read_rows(self, connection: sa.Connection, spec: _TableSpec) -> list[tuple[int | None, dict]]:
        """Rows of a table as the dicts the model reads, children folded in, with their parent ids."""
        children = {name: self._read_rows(connection, child) for name, child in spec.children.items()}
        grouped: dict[str, dict[int, list[dict]]] = {}
        for name, items in children.items():
            by_parent = grouped.setdefault(name, {})
            for parent, data in items:
                by_parent.setdefault(parent, []).append(data)
        table = spec.table
        order = [table.c["_parent"], table.c["_position"]] if "_parent" in table.c else [table.c["_position"]]
        result = []
        for row in connection.execute(sa.select(table).order_by(*order)).mappings():
            data = {name: row[name] for name in spec.columns if row[name] is not None}
            for name in spec.children:
                data[name] = grouped[name].get(row["_id"], [])
            result.append((row.get("_parent"), data))
        return result


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the dashboard read while a load writes; SQLite leaves foreign keys off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
