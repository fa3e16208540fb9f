"""Tables as spreadsheets: a package's table as a frame, and CSV or Excel safe to open.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula
to Excel and LibreOffice Calc: a name typed as ``=HYPERLINK(…)`` would run when the file is
opened. Exports put an apostrophe before such text, which spreadsheet programs show as text.

>>> neutralize("=1+1"), neutralize("Malawi"), neutralize(-5)
("'=1+1", 'Malawi', -5)
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pandas as pd

from meetings.model import TABLES, Package

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: Any) -> Any:
    """``value`` made inert for a spreadsheet: text that would be read as a formula is quoted."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def table_frame(package: Package, field: str) -> pd.DataFrame:
    """One table of the package (``payments``, ``nominations`` …) as a frame, one row per record."""
    _file, model = TABLES[field]
    rows = [record.model_dump(mode="json") for record in getattr(package, field)]
    return pd.DataFrame(rows, columns=list(model.model_fields))


def to_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV (with a byte-order mark, so that Excel reads the scripts right).

    Every cell is quoted: left to itself, the writer would not quote a lone carriage return,
    and the row would break in two.
    """
    text = frame.map(neutralize).to_csv(index=False, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def to_excel(frame: pd.DataFrame) -> bytes:
    """The frame as an .xlsx workbook."""
    buffer = io.BytesIO()
    frame.map(neutralize).to_excel(buffer, index=False)
    return buffer.getvalue()
