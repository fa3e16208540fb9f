"""Any text, in any field: saved and rendered into every document, or refused with a clear error.

Hypothesis puts random text — control characters, bidirectional marks, braces, XML, very long
strings — into a text field of the sample drawn at random. The package is then either refused
(with a message naming what is wrong) or saved to the store, read back, and built into the four
documents in the six languages; LibreOffice must open every one. Never a crash, never a file a
word processor cannot read.
"""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import SAMPLE
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from docgen.builders import DocumentError, build_document
from docgen.pdf import convert_to_pdf
from docgen.render import save
from meetings.model import LANGUAGES, TABLES, Package
from meetings.package import load_package
from meetings.store import Store
from meetings.validation import validate_package

MEETING = "ccw-msp-2022"
KINDS = ["agenda", "programme-of-work", "sponsorship-report", "isu-report"]
SAMPLE_DATA = load_package(SAMPLE).model_dump(mode="json")


def _text_fields() -> list[tuple]:
    """The path of every text of the meeting, its reports' texts, the body, and the tables' first rows."""
    paths = []

    def walk(value, path):
        if isinstance(value, str):
            paths.append(path)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(
        next(m for m in SAMPLE_DATA["meetings"] if m["id"] == MEETING),
        (
            "meetings",
            SAMPLE_DATA["meetings"].index(next(m for m in SAMPLE_DATA["meetings"] if m["id"] == MEETING)),
        ),
    )
    walk(SAMPLE_DATA["document_texts"], ("document_texts",))
    walk(SAMPLE_DATA["bodies"], ("bodies",))
    for field in TABLES:
        walk(SAMPLE_DATA[field][:2], (field,))
    return paths


FIELDS = _text_fields()
# Fields of free text (titles, prose, names) are drawn more often than codes and dates, which
# most text is refused for.
PROSE = [
    p for p in FIELDS if {"title", "text", "name", "items", "venue", "room", "delegate", "nominee"} & set(p)
]
TEXTS = st.one_of(
    st.text(max_size=60),
    st.text(st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "{",
            "}",
            "{year}",
            "{nope}",
            "^[",
            "^[note]",
            "a^[b^[c]]d",
            "\x0b",
            "\x00",
            "\ufffe",
            "\u202eevil\u202c",
            "<w:t>x</w:t>",
            "&amp; < >",
            '=HYPERLINK("x")',
            "x" * 5000,
            "\r\n\t",
            "الأمم المتحدة",
            "联合国",
            "NO",
            "10:30",
        ]
    ),
)


def _with(path: tuple, text: str) -> dict:
    data = load_package(SAMPLE).model_dump(mode="json")
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = text
    return data


@pytest.fixture(scope="module")
def soffice_available():
    if not shutil.which("soffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice must be installed under CI (.ci/run installs it)")
        pytest.skip("LibreOffice is not installed")


@settings(
    max_examples=16,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=st.one_of(st.sampled_from(PROSE), st.sampled_from(FIELDS)), text=TEXTS)
def test_any_text_is_rendered_everywhere_or_refused_clearly(path, text, tmp_path_factory, soffice_available):
    try:
        package = Package.model_validate(_with(path, text))
    except ValidationError as error:
        assert error.errors() and all(detail["msg"] for detail in error.errors())
        event("refused by a record's check")
        return
    problems = validate_package(package)
    if problems:
        assert all(problem.message for problem in problems)
        event("refused by the checks across records")
        return
    event("saved and rendered")
    folder = tmp_path_factory.mktemp("any-text")
    store = Store(f"sqlite:///{folder / 'store.db'}")
    store.load_package(package)
    saved = store.read_package()
    store.close()
    assert saved == package
    files = []
    for kind in KINDS:
        for lang in LANGUAGES:
            try:
                document = build_document(saved, MEETING, kind, lang)
            except DocumentError as error:  # e.g. a brace that is not a placeholder in a report's text
                assert str(error)
                continue
            files.append(save(document, folder / f"{kind}-{lang}.docx"))
    assert files
    pdfs = convert_to_pdf(files, folder / "pdf")
    assert all(pdf.stat().st_size > 0 for pdf in pdfs)
