"""Data packages: a folder of YAML (nested, multilingual content) and CSV (the tables).

Layout (documented in ``docs/data-package.md``)::

    package.yaml                 name and title of the package
    bodies/<code>.yaml           one treaty body each
    meetings/<id>.yaml           one meeting each, with agenda, programme and documents
    states.csv, consents.csv …   the tables of :data:`meetings.model.TABLES`

:func:`load_package` reads and checks everything and either returns the package or raises
:class:`~meetings.problems.PackageError` listing every problem with its file, line, record
and field. :func:`dump_package` writes a package back; the round trip is lossless.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import tempfile
import typing
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from meetings.model import DOCUMENTS, TABLES, Package, Record, Source, find_xml_illegal
from meetings.problems import PackageError, Problem
from meetings.validation import validate_package

PACKAGE_FILE = "package.yaml"
FORMAT_VERSION = 1


# YAML with the YAML 1.2 core schema -------------------------------------------------------
# PyYAML follows YAML 1.1, where `NO` (Norway) is false and `10:30` is the integer 630.
# Secretariat data is full of both, so only the unsurprising forms are resolved.


# LibYAML's parser, where PyYAML was built with it, reads ten times faster.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


class _Dumper(yaml.SafeDumper):
    pass


for _cls in (_Loader, _Dumper):
    _cls.yaml_implicit_resolvers = {}
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    _cls.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
        list("-+.0123456789"),
    )
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
    )
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789")
    )


def _time_text(value: dt.time) -> str:
    """10:00, as programmes of work give times; seconds only where there are any."""
    return value.isoformat("minutes" if not (value.second or value.microsecond) else "auto")


_Dumper.add_representer(dt.time, lambda dumper, value: dumper.represent_str(_time_text(value)))
_Dumper.add_multi_representer(Enum, lambda dumper, value: dumper.represent_str(value.value))
_Dumper.add_representer(Decimal, lambda dumper, value: dumper.represent_str(f"{value:.2f}"))


def _load_yaml(text: str, file: str) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML into plain data and the line of every value, keyed by its path."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(error, "problem", None) or str(error)
        raise PackageError([Problem(file, line, None, None, f"not valid YAML: {reason}")]) from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}

    def build(node: yaml.Node, path: tuple) -> Any:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = loader.construct_object(key_node, deep=True)
                if key in result:
                    raise PackageError(
                        [Problem(file, key_node.start_mark.line + 1, None, str(key), "key given twice")]
                    )
                result[key] = build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(item, (*path, index)) for index, item in enumerate(node.value)]
        try:
            return loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as error:
            raise PackageError(
                [Problem(file, node.start_mark.line + 1, None, _field(path), f"not a valid value: {error}")]
            ) from None

    return (build(node, ()) if node is not None else None), lines


def _dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


# Reading ----------------------------------------------------------------------------------


def _read_text(path: Path, file: str) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PackageError(
            [
                Problem(
                    file,
                    line,
                    None,
                    None,
                    f"not valid UTF-8 (byte {data[error.start]:#04x}); save the file as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")  # spreadsheet programs write a byte-order mark


def _field(path: tuple) -> str | None:
    names = [str(part) for part in path if isinstance(part, str)]
    return names[-1] if names else None


def _record_at(model: type[Record], data: Any, loc: tuple) -> tuple[str | None, tuple]:
    """The record that a validation error's location falls in, and that record's path."""
    label, record_path, path = None, (), ()
    current_model: type[BaseModel] | None = model
    current = data
    if isinstance(current, dict):
        label = _label(model, current)
    for step in loc:
        path = (*path, step)
        if isinstance(step, str) and current_model is not None and step in current_model.model_fields:
            current_model = _record_type(current_model.model_fields[step].annotation)
        elif not isinstance(step, int):
            current_model = None
        current = (
            current.get(step)
            if isinstance(current, dict)
            else (
                current[step]
                if isinstance(current, list) and isinstance(step, int) and step < len(current)
                else None
            )
        )
        if isinstance(step, int) and current_model is not None and isinstance(current, dict):
            label, record_path = _label(current_model, current), path
    return label, record_path


def _record_type(annotation: Any) -> type[Record] | None:
    """The record model inside an annotation such as ``list[Document] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for argument in typing.get_args(annotation):
        found = _record_type(argument)
        if found:
            return found
    return None


def _label(model: type[Record], data: dict) -> str:
    key = [str(data.get(name)) for name in model.key_fields if data.get(name) is not None]
    return " ".join([model.noun, *key])


def _problems_of(error: ValidationError, model: type[Record], data: Any, file: str, line_of) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        label, _ = _record_at(model, data, loc)
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "extra_forbidden":
            message = "is not a field of this record (misspelt?)"
        elif detail["type"] == "missing":
            message = "is required"
        problems.append(Problem(file, line_of(loc), label, _field(loc), message))
    return problems


def _attach_sources(record: Record, file: str, lines: dict[tuple, int], path: tuple = ()) -> None:
    fields = type(record).model_fields
    field_lines = {name: lines[(*path, name)] for name in fields if (*path, name) in lines}
    record._source = Source(file=file, line=lines.get(path), field_lines=field_lines)
    for name in fields:
        value = getattr(record, name)
        if isinstance(value, Record):
            _attach_sources(value, file, lines, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Record):
                    _attach_sources(item, file, lines, (*path, name, index))


def _check_strings(data: Any, file: str, line_of, path: tuple = ()) -> list[Problem]:
    """XML-illegal characters anywhere, including keys and fields no model checks."""
    if isinstance(data, str):
        problem = find_xml_illegal(data)
        return [Problem(file, line_of(path), None, _field(path), f"contains a {problem}")] if problem else []
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _check_strings(value, file, line_of, (*path, key))]
    if isinstance(data, list):
        return [
            p
            for index, value in enumerate(data)
            for p in _check_strings(value, file, line_of, (*path, index))
        ]
    return []


def _read_yaml_record(path: Path, file: str, model: type[Record]) -> Record:
    data, lines = _load_yaml(_read_text(path, file), file)

    def line_of(loc: tuple) -> int | None:
        while loc and loc not in lines:
            loc = loc[:-1]
        return lines.get(loc)

    if not isinstance(data, dict):
        raise PackageError(
            [Problem(file, 1, None, None, f"should hold one {model.noun} as a mapping of fields")]
        )
    problems = _check_strings(data, file, line_of)
    try:
        record = model.model_validate(data)
    except ValidationError as error:
        problems += _problems_of(error, model, data, file, line_of)
    if problems:
        raise PackageError(problems)
    _attach_sources(record, file, lines)
    return record


def _read_table(path: Path, file: str, model: type[Record]) -> list[Record]:
    reader = csv.reader(io.StringIO(_read_text(path, file), newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise PackageError(
            [Problem(file, 1, None, None, "is empty: the first line names the columns")]
        ) from None
    except csv.Error as error:
        raise PackageError([Problem(file, 1, None, None, f"not valid CSV: {error}")]) from None
    fields = model.model_fields
    problems = [
        Problem(file, 1, None, column, f"unknown column; the columns of {file} are: {', '.join(fields)}")
        for column in header
        if column not in fields
    ]
    problems += [
        Problem(file, 1, None, name, "required column is missing")
        for name, info in fields.items()
        if info.is_required() and name not in header
    ]
    problems += [
        Problem(file, 1, None, column, "column given twice")
        for column in set(header)
        if header.count(column) > 1
    ]
    if problems:
        raise PackageError(problems)

    records: list[Record] = []
    line = 1
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.append(
                    Problem(
                        file, line, None, None, f"has {len(row)} cells where the header names {len(header)}"
                    )
                )
                continue
            data = {column: cell for column, cell in zip(header, row, strict=True) if cell != ""}
            problems += _check_strings(data, file, lambda _loc, line=line: line)
            try:
                record = model.model_validate(data)
            except ValidationError as error:
                problems += _problems_of(error, model, data, file, lambda _loc, line=line: line)
                continue
            record._source = Source(file=file, line=line)
            records.append(record)
    except csv.Error as error:
        problems.append(Problem(file, line + 1, None, None, f"not valid CSV: {error}"))
    if problems:
        raise PackageError(problems)
    return records


def read_table(path: str | os.PathLike, field: str) -> list[Record]:
    """The records of one table of a package (``field`` names it: ``payments``), read from ``path``.

    Each record is checked on its own; checks across records need the whole package.
    """
    file, model = TABLES[field]
    return _read_table(Path(path), file, model)


def read_package(folder: str | os.PathLike) -> Package:
    """Read a package folder into a :class:`Package`, checking each record on its own.

    Cross-record checks are :func:`load_package`'s; this is what they run on.
    """
    root = Path(folder)
    if not root.is_dir():
        raise PackageError([Problem(str(root), None, None, None, "is not a package folder")])
    index = root / PACKAGE_FILE
    if not index.is_file():
        raise PackageError(
            [
                Problem(
                    PACKAGE_FILE,
                    None,
                    None,
                    None,
                    f"is missing: every package folder starts with {PACKAGE_FILE}",
                )
            ]
        )

    problems: list[Problem] = []
    contents: dict[str, Any] = {}
    try:
        head, lines = _load_yaml(_read_text(index, PACKAGE_FILE), PACKAGE_FILE)
    except PackageError as error:
        raise error from None
    if not isinstance(head, dict):
        raise PackageError([Problem(PACKAGE_FILE, 1, None, None, "should be a mapping with name and title")])
    version = head.pop("format", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        problems.append(
            Problem(
                PACKAGE_FILE,
                lines.get(("format",)),
                None,
                "format",
                f"format {version} is not known to this version (it reads format {FORMAT_VERSION})",
            )
        )
    unexpected = set(head) - {"name", "title"}
    problems += [
        Problem(PACKAGE_FILE, lines.get((key,)), None, str(key), "is not a field of package.yaml")
        for key in unexpected
    ]
    contents.update({key: value for key, value in head.items() if key in ("name", "title")})

    for field, (folder_name, model) in DOCUMENTS.items():
        records = []
        for path in sorted((root / folder_name).glob("*.yaml")):
            try:
                records.append(_read_yaml_record(path, f"{folder_name}/{path.name}", model))
            except PackageError as error:
                problems += error.problems
        contents[field] = records
    for field, (file, model) in TABLES.items():
        path = root / file
        if path.exists():
            try:
                contents[field] = _read_table(path, file, model)
            except PackageError as error:
                problems += error.problems
    known = {
        PACKAGE_FILE,
        *(file for file, _ in TABLES.values()),
        *(folder for folder, _ in DOCUMENTS.values()),
        "README.md",
    }
    problems += [
        Problem(path.name, None, None, None, "is not part of the package format (misspelt file name?)")
        for path in root.iterdir()
        # Notes beside the data (README.md, SOURCES.md) are the secretariat's own.
        if path.name not in known and not path.name.startswith(".") and path.suffix != ".md"
    ]
    if problems:
        raise PackageError(problems)
    try:
        package = Package.model_validate(contents)
    except ValidationError as error:
        raise PackageError(
            _problems_of(error, Package, contents, PACKAGE_FILE, lambda loc: lines.get(loc[:1]))
        ) from None
    package._source = Source(file=PACKAGE_FILE, line=1)
    return package


def load_package(folder: str | os.PathLike) -> Package:
    """Read and check a package: every record, and every reference between records.

    >>> package = load_package("data/ccw-2022")
    >>> package.name, len(package.meetings), len(package.national_reports)
    ('ccw-2022', 6, 347)
    """
    package = read_package(folder)
    problems = validate_package(package)
    if problems:
        raise PackageError(problems)
    return package


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a package's content, generated from the models.

    Each YAML file of ``bodies/`` and ``meetings/`` is one item of ``bodies`` and ``meetings``;
    each CSV table's rows are the items of the array of the same name.
    """
    schema = Package.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Data package of the treaty secretariat toolkit"
    schema["description"] = "See docs/data-package.md for the folder layout and each file."
    return schema


# Writing ----------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.time):
        return _time_text(value)
    if isinstance(value, (dt.date, str, int)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    raise TypeError(f"cannot write {value!r} in a table")


def write_package(package: Package, folder: str | os.PathLike) -> None:
    """Write ``package`` into ``folder`` (created; it must not hold files already)."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    head = {"format": FORMAT_VERSION, "name": package.name, "title": package.title}
    (root / PACKAGE_FILE).write_text(_dump_yaml(head), encoding="utf-8")
    for field, (folder_name, _model) in DOCUMENTS.items():
        records = getattr(package, field)
        if records:
            (root / folder_name).mkdir(exist_ok=True)
        for record in records:
            data = record.model_dump(mode="python", exclude_defaults=True)
            (root / folder_name / f"{record.file_stem}.yaml").write_text(_dump_yaml(data), encoding="utf-8")
    for field, (file, model) in TABLES.items():
        columns = list(model.model_fields)
        with open(root / file, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(columns)
            for record in getattr(package, field):
                writer.writerow([_cell(getattr(record, column)) for column in columns])


def dump_package(package: Package, folder: str | os.PathLike) -> Path:
    """Write ``package`` to a new ``folder`` all at once: a failure leaves nothing behind.

    The files are written into a temporary folder beside the destination, which is then
    renamed into place; an existing destination must be empty.
    """
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(f"{target} already exists and is not an empty folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        write_package(package, staging)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
