"""Hypothesis strategies for any record of the model, derived from its fields' types."""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from enum import Enum

from hypothesis import strategies as st
from pydantic import BaseModel

from meetings.model import LANGUAGES, NominationStatus, Package, Record, Str, WorkingCapitalFundEntryKind

# Any text a secretariat might type, in any script, with the characters that trip up CSV,
# YAML and JSON (quotes, commas, colons, line breaks, '#', leading dashes, 'null', 'yes' …).
_characters = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
text = st.one_of(
    st.text(_characters, min_size=1, max_size=30),
    st.sampled_from(
        [
            "null",
            "yes",
            "NO",
            "10:30",
            "2022-11-16",
            "1e3",
            "- x",
            "#",
            '"',
            "a,b",
            "x\ny",
            " lead",
            "~",
            "a\tb\r\nc",
        ]
    ),
)
code = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,12}\Z")
state_code = st.sampled_from(["POL", "FRA", "CHN", "MWI", "BRA", "NOR", "RUS", "EGY"])
multilingual = st.dictionaries(st.sampled_from(LANGUAGES), text, min_size=1, max_size=6)
amount = st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2)
dates = st.dates(dt.date(1980, 1, 1), dt.date(2100, 12, 31))


def _for(annotation, metadata=(), name=""):
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        # A Field(...) inside Annotated keeps its constraints in its own metadata.
        extra = [part for item in extra for part in (item, *getattr(item, "metadata", ()))]
        return _for(inner, (*metadata, *extra), name)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return st.one_of(st.none(), _for(options[0], metadata, name))
    patterns = [getattr(m, "pattern", None) for m in metadata if getattr(m, "pattern", None)]
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(annotation))
    if origin is dict:
        key, value = typing.get_args(annotation)
        if value is Str:
            return multilingual
        return st.dictionaries(_for(key), _for(value, (), name), max_size=3)
    if origin is list:
        item = typing.get_args(annotation)[0]
        if isinstance(item, type) and issubclass(item, Record) and item.key_fields:
            # A store keeps identities unique, as the package's checks require.
            return st.lists(_for(item, (), name), max_size=2, unique_by=lambda record: record.key)
        return st.lists(_for(item, (), name), max_size=2)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return record(annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from(list(annotation))
    if annotation is Decimal:
        return amount
    if annotation is dt.date:
        return dates
    if annotation is dt.time:
        return st.times()
    if annotation is int:
        return st.integers(1980, 2100) if name == "year" else st.integers(1, 200)
    if annotation is str:
        if patterns:
            pattern = patterns[-1]
            if pattern == r"^[A-Z]{3}$":
                return state_code
            if pattern.startswith("^[A-Za-z0-9][A-Za-z0-9._-]"):
                return code
            longest = min((m.max_length for m in metadata if getattr(m, "max_length", None)), default=None)
            values = st.from_regex(pattern.replace("^", r"\A", 1).removesuffix("$") + r"\Z")
            return values.filter(lambda value: len(value) <= longest) if longest else values
        return text
    raise TypeError(f"no strategy for {annotation!r}")


def record(model: type[BaseModel]):
    """Records of ``model`` with every field filled from its type (each record valid on its own)."""
    fields = {
        name: _for(info.annotation, tuple(info.metadata), name) for name, info in model.model_fields.items()
    }
    return st.fixed_dictionaries(fields).map(_repair).map(model.model_validate)


def _repair(data: dict) -> dict:
    """Make drawn fields agree with each other the way each record requires."""
    for first, last in (("start", "end"), ("nominated_on", "confirmed_on"), ("period_start", "period_end")):
        if data.get(first) is not None and data.get(last) is not None and data[last] < data[first]:
            data[first], data[last] = data[last], data[first]
    status = data.get("status")
    if status == NominationStatus.VACANT:
        data.update(nominee=None, state=None)
    elif status in (NominationStatus.NOMINATED, NominationStatus.CONFIRMED):
        data["nominee"] = data.get("nominee") or "Someone"
        data["state"] = data.get("state") or "POL"
        if status == NominationStatus.CONFIRMED and data.get("confirmed_on") is None:
            data["confirmed_on"] = data.get("nominated_on") or dt.date(2022, 1, 1)
        if data.get("nominated_on") and data["confirmed_on"] and data["confirmed_on"] < data["nominated_on"]:
            data["confirmed_on"] = data["nominated_on"]
    if data.get("kind") == WorkingCapitalFundEntryKind.CONTRIBUTION and data.get("state") is None:
        data["state"] = "FRA"
    return data


#: Whole packages: every table and nested list filled, identities unique, references random.
packages = record(Package)
