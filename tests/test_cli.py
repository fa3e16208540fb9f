"""The docgen command line, as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import PACKAGES, SAMPLE, materialize

from docgen.cli import main


def test_check_accepts_the_sample():
    result = CliRunner().invoke(main, ["check", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_stats_prints_the_figures_of_the_reference_document():
    result = CliRunner().invoke(main, ["stats", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    for figure in (
        "58",
        "46%",
        "64",
        "60%",
        "54",
        "55%",
        "39%",
        "52%",
        "51%",
        "$1,362,200.00",
        "91.9%",
        "$110,027.14",
        "$200,127.58",
        "$195,238.12",
        "30 September 2022",
        "31 October 2022",
    ):
        assert figure in result.output


def test_stats_as_json_reads_the_store_too(sqlite_url):
    runner = CliRunner()
    runner.invoke(main, ["db", "load", str(SAMPLE), "--db", sqlite_url])
    from_store = json.loads(runner.invoke(main, ["stats", "--db", sqlite_url, "--json"]).output)
    from_folder = json.loads(runner.invoke(main, ["stats", str(SAMPLE), "--json"]).output)
    assert from_store == from_folder
    assert from_store["contributions"]["outstanding"] == "110027.14"


def test_stats_refuses_an_unknown_body():
    result = CliRunner().invoke(main, ["stats", str(SAMPLE), "--body", "BWC"])
    assert result.exit_code == 1
    assert "no body 'BWC'" in result.stderr


def test_a_package_and_a_database_together_is_misuse(sqlite_url):
    result = CliRunner().invoke(main, ["stats", str(SAMPLE), "--db", sqlite_url])
    assert result.exit_code == 2


def test_an_empty_database_says_how_to_fill_it(sqlite_url):
    result = CliRunner().invoke(main, ["stats", "--db", sqlite_url])
    assert result.exit_code == 1
    assert "docgen db load" in result.stderr


def test_an_unreachable_database_is_a_clear_error():
    result = CliRunner().invoke(main, ["stats", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 1
    assert "cannot open the database" in result.stderr


def test_the_installed_command_exits_1_on_a_broken_package(tmp_path):
    folder = materialize(PACKAGES / "broken" / "nominee-outside-group", tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "docgen.cli", "check", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "nominations.csv, line 2" in done.stderr
    assert done.stdout == ""


def _build(*arguments: str):
    """docgen build on the sample's 2022 meeting, with the given options."""
    return CliRunner().invoke(main, ["build", str(SAMPLE), "--meeting", "ccw-msp-2022", *arguments])


def test_build_writes_a_docx_and_a_pdf_and_nothing_beside_them(tmp_path):
    target = tmp_path / "out" / "agenda-fr.docx"
    result = _build("--doc", "CCW/MSP/2022/1", "--lang", "fr", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:2] == b"PK"
    if not shutil.which("soffice") and not os.environ.get("CI"):
        pytest.skip("LibreOffice is not installed")
    result = _build("--doc", "agenda", "--lang", "zh", "-o", str(tmp_path / "out" / "agenda-zh.pdf"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "agenda-zh.pdf").read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in target.parent.iterdir()) == ["agenda-fr.docx", "agenda-zh.pdf"]


def test_build_takes_the_styles_of_a_reference_document(tmp_path):
    import docx
    from docx.shared import Pt

    runner = CliRunner()
    reference = tmp_path / "mine.docx"
    assert runner.invoke(main, ["reference-docx", str(reference)]).exit_code == 0
    restyled = docx.Document(str(reference))
    restyled.styles["HChG"].font.size = Pt(20)
    restyled.save(str(reference))
    target = tmp_path / "agenda.docx"
    result = _build("--doc", "agenda", "--lang", "en", "-o", str(target), "--reference", str(reference))
    assert result.exit_code == 0, result.output
    assert docx.Document(str(target)).styles["HChG"].font.size == Pt(20)


def test_build_refuses_an_unknown_output_type(tmp_path):
    result = _build("--doc", "agenda", "--lang", "en", "-o", str(tmp_path / "agenda.odt"))
    assert result.exit_code == 2


def test_list_shows_the_meetings_and_their_documents():
    result = CliRunner().invoke(main, ["list", str(SAMPLE)])
    assert result.exit_code == 0
    assert "ccw-msp-2022" in result.output and "CCW/MSP/2022/4" in result.output
