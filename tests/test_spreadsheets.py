"""Spreadsheet exports cannot carry a formula that runs when the file is opened."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest
from conftest import TINY

from meetings import spreadsheets
from meetings.package import load_package

DANGEROUS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.fixture
def frame():
    table = spreadsheets.table_frame(load_package(TINY), "sponsorship_applications")
    table = pd.concat([table.iloc[[0]]] * len(DANGEROUS), ignore_index=True)
    table["delegate"] = DANGEROUS
    return table


def test_csv_quotes_every_cell_a_spreadsheet_would_run(frame):
    rows = list(csv.DictReader(io.StringIO(spreadsheets.to_csv(frame).decode("utf-8-sig"), newline="")))
    assert len(rows) == len(DANGEROUS)
    for row, typed in zip(rows, DANGEROUS, strict=True):
        assert row["delegate"] == "'" + typed
    assert rows[0]["received_on"] == "2022-09-01"  # ordinary values untouched


def test_excel_quotes_them_too(frame):
    sheet = openpyxl.load_workbook(io.BytesIO(spreadsheets.to_excel(frame))).active
    header = [cell.value for cell in sheet[1]]
    column = header.index("delegate") + 1
    values = [sheet.cell(row=row, column=column).value for row in range(2, 2 + len(frame))]
    assert all(value.startswith("'") for value in values)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_numbers_and_plain_text_are_left_alone():
    assert spreadsheets.neutralize(-5) == -5
    assert spreadsheets.neutralize("Grace Banda") == "Grace Banda"
    assert spreadsheets.neutralize("1234.00") == "1234.00"
