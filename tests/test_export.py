"""Bulk export: every document in every language, all at once or not at all."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from decimal import Decimal

import pytest
from click.testing import CliRunner
from conftest import SAMPLE

from docgen import export, render
from docgen.cli import main
from docgen.export import ExportError, export_documents, safe_file_stem
from meetings.package import load_package

MEETING = "ccw-msp-2022"


@pytest.fixture(scope="module")
def sample():
    return load_package(SAMPLE)


def _sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(folder):
    return {str(p.relative_to(folder)): _sha256(p) for p in folder.rglob("*") if p.is_file()}


def test_the_sample_exports_as_24_docx_24_pdf_and_a_manifest_that_verifies(sample, tmp_path):
    if not shutil.which("soffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice must be installed under CI (.ci/run installs it)")
        pytest.skip("LibreOffice is not installed")
    result = export_documents(sample, tmp_path / "out", meetings=[MEETING])
    folder = tmp_path / "out"
    assert len(list(folder.rglob("*.docx"))) == 24 and len(list(folder.rglob("*.pdf"))) == 24
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))["documents"]
    assert len(manifest) == 48 == len(result.entries)
    for entry in manifest:
        path = folder / entry["file"]
        assert path.stat().st_size == entry["bytes"] and _sha256(path) == entry["sha256"]
        assert (entry["pages"] or 0) >= 1 if entry["file"].endswith(".pdf") else entry["pages"] is None
    assert {e["language"] for e in manifest} == {"ar", "zh", "en", "fr", "ru", "es"}
    assert "ccw-msp-2022/CCW_MSP_2022_4-C.pdf" in {e["file"] for e in manifest}
    assert (folder / "manifest.csv").read_text("utf-8").count("\n") == 49


def test_an_interrupted_export_leaves_the_destination_as_it_was(sample, tmp_path, monkeypatch):
    destination = tmp_path / "out"
    export_documents(sample, destination, meetings=[MEETING], formats=["docx"], workers=1)
    before = _snapshot(destination)
    calls = {"count": 0}
    original = render.save

    def interrupted(*args, **kwargs):
        calls["count"] += 1
        if calls["count"] == 5:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(render, "save", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_documents(
            sample, destination, meetings=[MEETING], formats=["docx"], languages=["en", "fr"], workers=1
        )
    assert calls["count"] == 5
    assert _snapshot(destination) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder left behind
    with pytest.raises(KeyboardInterrupt):
        calls["count"] = 0
        export_documents(sample, tmp_path / "new", meetings=[MEETING], formats=["docx"], workers=1)
    assert not (tmp_path / "new").exists()


def test_a_symbol_cannot_write_outside_the_output_folder(sample, tmp_path):
    hostile = sample.model_copy(deep=True)
    meeting = next(m for m in hostile.meetings if m.id == MEETING)
    meeting.documents[0].symbol = "A/../../x"  # a valid symbol by its pattern
    inside = tmp_path / "inside"
    export_documents(
        hostile, inside / "out", meetings=[MEETING], formats=["docx"], languages=["en"], workers=1
    )
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.is_relative_to(inside / "out") for p in written)
    assert (inside / "out" / MEETING / f"{safe_file_stem('A/../../x')}-E.docx").is_file()


def test_file_names_are_safe_everywhere():
    for hostile in ["../../etc/passwd", "..", "CON", "a\\b", "x" * 500, "nul.txt", " .hidden", "é/ü:*?"]:
        stem = safe_file_stem(hostile)
        assert stem and "/" not in stem and "\\" not in stem and ".." not in stem
        assert len(stem) <= 121 and not stem.startswith(".")
        assert stem.split(".")[0].lower() not in ("con", "nul")


def test_a_failing_document_fails_the_export_unless_asked_to_keep_going(sample, tmp_path):
    broken = sample.model_copy(deep=True)
    meeting = next(m for m in broken.meetings if m.id == MEETING)
    del meeting.agenda[0].title["ru"]
    with pytest.raises(ExportError, match="agenda item 1 of meeting ccw-msp-2022 has no text in 'ru'"):
        export_documents(broken, tmp_path / "out", meetings=[MEETING], formats=["docx"], workers=1)
    assert not (tmp_path / "out").exists()
    result = export_documents(
        broken, tmp_path / "out", meetings=[MEETING], formats=["docx"], workers=1, keep_going=True
    )
    assert [(s, lang) for s, lang, _ in result.failures] == [
        ("CCW/MSP/2022/1", "ru"),
        ("CCW/MSP/2022/2", "ru"),
    ]
    assert len(result.entries) == 22
    assert not (tmp_path / "out" / MEETING / "CCW_MSP_2022_1-R.docx").exists()


def test_incremental_rebuilds_only_what_the_changed_data_feed(sample, tmp_path):
    destination = tmp_path / "out"
    export_documents(sample, destination, meetings=[MEETING], formats=["docx"], workers=1)
    again = export_documents(
        sample, destination, meetings=[MEETING], formats=["docx"], workers=1, incremental=True
    )
    assert again.skipped == 24
    first = {e.file: e.source_hash for e in again.entries}
    changed = sample.model_copy(deep=True)
    changed.payments[0].amount += Decimal("1.00")
    third = export_documents(
        changed, destination, meetings=[MEETING], formats=["docx"], workers=1, incremental=True
    )
    assert third.skipped == 18  # the agenda, programme and sponsorship report are unchanged
    rebuilt = {e.kind for e in third.entries if e.source_hash != first[e.file]}
    assert rebuilt == {"isu-report"}
    manifest = json.loads((destination / "manifest.json").read_text("utf-8"))["documents"]
    for entry in manifest:
        assert _sha256(destination / entry["file"]) == entry["sha256"]


def test_parallel_and_serial_rendering_give_the_same_files(sample, tmp_path):
    one = export_documents(sample, tmp_path / "one", meetings=[MEETING], formats=["docx"], workers=1)
    two = export_documents(sample, tmp_path / "two", meetings=[MEETING], formats=["docx"], workers=2)
    assert [e.file for e in one.entries] == [e.file for e in two.entries]
    assert [e.bytes for e in one.entries] == [e.bytes for e in two.entries]


def test_the_cli_exports_a_zip_with_its_manifest(tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "export",
            str(SAMPLE),
            "--meeting",
            MEETING,
            "--lang",
            "en,fr",
            "--format",
            "docx",
            "--out",
            str(tmp_path / "out"),
            "--zip",
            str(tmp_path / "out.zip"),
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output == ""
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        names = archive.namelist()
    assert "manifest.json" in names and f"{MEETING}/CCW_MSP_2022_4-F.docx" in names and len(names) == 10


def test_the_cli_refuses_unknown_languages_and_a_folder_that_is_not_an_export(tmp_path):
    runner = CliRunner()
    bad = runner.invoke(main, ["export", str(SAMPLE), "--all", "--lang", "de", "--out", str(tmp_path / "o")])
    assert bad.exit_code == 2 and "de" in bad.output
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_text("precious")
    refused = runner.invoke(
        main,
        ["export", str(SAMPLE), "--all", "--format", "docx", "--lang", "en", "--out", str(tmp_path / "mine")],
    )
    assert refused.exit_code == 1 and "not an export" in refused.stderr
    assert (tmp_path / "mine" / "thesis.docx").read_text() == "precious"


def test_export_names_the_files_after_the_symbol_and_the_language_letter():
    assert export.file_name("CCW/MSP/2022/4", "ar", "pdf") == "CCW_MSP_2022_4-A.pdf"
    assert export.file_name("CCW/MSP/2022/4", "es", "docx") == "CCW_MSP_2022_4-S.docx"
