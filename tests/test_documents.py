"""The official documents: same structure in six languages, opened by a real word processor.

The LibreOffice tests need ``soffice`` with the Noto fonts (``.ci/run`` installs them); outside
CI they are skipped where LibreOffice is missing, under CI they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE, TINY

from docgen import i18n
from docgen.builders import DocumentError, MissingTranslation, build_document, missing_marker
from docgen.cli import main
from docgen.document import Annex, Heading, Item, Paragraph, Table
from docgen.pdf import convert_to_pdf
from docgen.render import save
from meetings.package import load_package

LANGUAGES = i18n.LANGUAGES
KINDS = ["agenda", "programme-of-work", "sponsorship-report", "isu-report"]
MEETING = "ccw-msp-2022"


@pytest.fixture(scope="module")
def sample():
    return load_package(SAMPLE)


def _shape(document):
    """What must be the same in every language: the kinds of blocks, footnotes, table sizes."""
    blocks = []
    for block in document.blocks:
        if isinstance(block, Table):
            blocks.append(("table", len(block.header), len(block.rows)))
        elif isinstance(block, Annex):
            blocks.append(("annex",))
        else:
            notes = sum(1 for segment in block.text if segment.footnote)
            blocks.append((type(block).__name__, getattr(block, "level", 0), notes))
    return blocks, len(document.footnotes()), len(document.meeting_lines), document.masthead.symbol


@pytest.mark.parametrize("kind", KINDS)
def test_the_six_versions_have_the_same_structure(sample, kind):
    shapes = {lang: _shape(build_document(sample, MEETING, kind, lang)) for lang in LANGUAGES}
    assert len(set(map(repr, shapes.values()))) == 1, shapes


@pytest.mark.parametrize("kind", KINDS)
def test_paragraphs_and_chapters_number_themselves_without_gaps(sample, kind):
    for lang in ("en", "ar"):
        document = build_document(sample, MEETING, kind, lang)
        numbered = [b.number for b in document.blocks if isinstance(b, Paragraph) and b.number]
        expected = [i18n.format_paragraph_number(n, lang) for n in range(1, len(numbered) + 1)]
        assert numbered == expected
        headings = [b.number for b in document.blocks if isinstance(b, Heading)]
        assert headings == [i18n.format_heading_number(n, lang) for n in range(1, len(headings) + 1)]


def test_a_missing_translation_names_the_record_and_the_language(sample):
    broken = sample.model_copy(deep=True)
    meeting = next(m for m in broken.meetings if m.id == MEETING)
    del meeting.agenda[3].title["ru"]
    with pytest.raises(
        MissingTranslation, match=r"agenda item 4 of meeting ccw-msp-2022 has no text in 'ru'"
    ):
        build_document(broken, MEETING, "agenda", "ru")
    marked = build_document(broken, MEETING, "agenda", "ru", allow_missing=True)
    texts = [segment.text for block in marked.blocks if isinstance(block, Item) for segment in block.text]
    assert missing_marker("agenda item 4 of meeting ccw-msp-2022", "ru") in texts
    # never another language's text in its place
    assert meeting.agenda[3].title["en"] not in texts


def test_build_refuses_a_missing_translation_and_writes_nothing(sample, tmp_path):
    folder = tmp_path / "pkg"
    shutil.copytree(TINY, folder)
    arguments = ["build", str(folder), "--meeting", "xyz-2022", "--doc", "agenda", "--lang", "zh"]
    result = CliRunner().invoke(main, [*arguments, "-o", str(tmp_path / "agenda.docx")])
    assert result.exit_code == 1
    assert "has no text in 'zh'" in result.stderr
    assert list(tmp_path.glob("*.docx")) == [] and list(tmp_path.glob(".docgen-*")) == []
    marked = CliRunner().invoke(main, [*arguments, "-o", str(tmp_path / "agenda.docx"), "--allow-missing"])
    assert marked.exit_code == 0, marked.output
    assert "no zh text" in _docx_text(tmp_path / "agenda.docx")


def test_build_names_what_it_cannot_find(sample, tmp_path):
    with pytest.raises(DocumentError, match="no meeting 'ccw-msp-2031'"):
        build_document(sample, "ccw-msp-2031", "agenda", "en")
    with pytest.raises(DocumentError, match="CCW/MSP/2022/5 is a other"):
        build_document(sample, MEETING, "CCW/MSP/2022/5", "en")
    with pytest.raises(DocumentError, match="has no document 'budget'"):
        build_document(sample, MEETING, "budget", "en")


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", archive.read("word/document.xml").decode()))


def _footers_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        parts = [archive.read(name).decode() for name in archive.namelist() if name.startswith("word/footer")]
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", "".join(parts)))


def _xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode()


# The word processor ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(sample, tmp_path_factory):
    """Every document in every language, as .docx and as PDF converted in one LibreOffice run."""
    if not shutil.which("soffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice must be installed under CI (.ci/run installs it)")
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("documents")
    files = {}
    for kind in KINDS:
        for lang in LANGUAGES:
            files[kind, lang] = save(
                build_document(sample, MEETING, kind, lang), folder / f"{kind}-{lang}.docx"
            )
    pdfs = convert_to_pdf(list(files.values()), folder / "pdf")
    return {key: (docx, pdf) for (key, docx), pdf in zip(files.items(), pdfs, strict=True)}


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return text.stdout


def _squeezed(text: str) -> str:
    # pdftotext marks right-to-left and left-to-right runs with Unicode embedding controls.
    return re.sub(r"[\s\u202a-\u202e]+", "", text)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_libreoffice_opens_every_document_and_shows_masthead_dates_and_figures(sample, rendered, kind, lang):
    docx, pdf = rendered[kind, lang]
    text = _squeezed(_pdf_text(pdf))
    document = build_document(sample, MEETING, kind, lang)
    meeting = next(m for m in sample.meetings if m.id == MEETING)
    assert document.masthead.symbol in text
    assert document.masthead.job_number in _footers_text(docx)
    if lang != "ar":  # pdftotext reorders mixed right-to-left lines; Arabic is checked below
        assert _squeezed(document.masthead.job_number) in text
        assert _squeezed(i18n.format_date_range(meeting.start, meeting.end, lang)) in text
        assert _squeezed(document.title) in text
    if kind == "isu-report":
        assert _squeezed(i18n.format_money(110027.14, lang)) in _squeezed(_docx_text(docx))
        if lang != "ar":
            assert _squeezed(i18n.format_money(110027.14, lang)) in text
            assert "CCW/CONF.VI/11" in text  # a footnote's text, at the foot of its page


@pytest.mark.parametrize("kind", ["isu-report", "sponsorship-report"])
def test_footnotes_are_real_footnotes(rendered, kind):
    for lang in LANGUAGES:
        docx, _pdf = rendered[kind, lang]
        footnotes = _xml(docx, "word/footnotes.xml")
        references = re.findall(r"<w:footnoteReference [^>]*w:id=\"(\d+)\"", _xml(docx, "word/document.xml"))
        notes = re.findall(r"<w:footnote w:id=\"(\d+)\"", footnotes)
        assert references and sorted(references, key=int) == sorted(notes, key=int)
        assert 'w:customMarkFollows="1"' in _xml(docx, "word/document.xml")  # the masthead's asterisk


def test_arabic_runs_right_to_left(rendered):
    for kind in KINDS:
        docx, pdf = rendered[kind, "ar"]
        document = _xml(docx, "word/document.xml")
        assert "<w:bidi/>" in document and "<w:rtl/>" in document
        assert "<w:bidiVisual/>" in document  # every document has its masthead table
        assert 'w:bidi="ar-SA"' in _xml(docx, "word/styles.xml")
        # Arabic letters reach the PDF (a font was found for them).
        assert re.search("[\u0600-\u06ff]", _pdf_text(pdf))


def test_chinese_is_tagged_and_set_in_a_chinese_font(rendered):
    for kind in KINDS:
        docx, pdf = rendered[kind, "zh"]
        styles = _xml(docx, "word/styles.xml")
        assert 'w:eastAsia="zh-CN"' in styles and 'w:eastAsia="SimSun"' in styles
        assert "ja-JP" not in styles
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "CJK" in fonts
        assert "执行支助股" in _pdf_text(pdf) or kind in ("agenda", "programme-of-work")


def test_every_language_version_is_in_its_language(rendered):
    counts = Counter()
    for (kind, lang), (docx, _pdf) in rendered.items():
        text = _docx_text(docx)
        if lang == "zh":
            counts[kind, lang] = len(re.findall("[\u4e00-\u9fff]", text))
        elif lang == "ar":
            counts[kind, lang] = len(re.findall("[\u0600-\u06ff]", text))
        elif lang == "ru":
            counts[kind, lang] = len(re.findall("[\u0400-\u04ff]", text))
        else:
            continue
        assert counts[kind, lang] > 50, (kind, lang)


def test_a_report_fills_its_placeholders_in_each_language():
    tiny = load_package(TINY)
    english = build_document(tiny, "xyz-2022", "isu-report", "en")
    french = build_document(tiny, "xyz-2022", "isu-report", "fr")
    text = {
        lang: " ".join(s.text for b in d.blocks if isinstance(b, Paragraph) for s in b.text)
        for lang, d in (("en", english), ("fr", french))
    }
    assert (
        "1 November 2021–31 October 2022" in text["en"]
        and "1 States had reported (20 per cent)" in text["en"]
    )
    assert "1er novembre 2021-31 octobre 2022" in text["fr"] and "(20\u202f%)" in text["fr"]
    assert [f.text for f in english.footnotes()] == ["XYZ/MSP/2021/5, para. 3."]


def test_an_unknown_placeholder_names_the_document_paragraph_and_language():
    tiny = load_package(TINY)
    tiny.document_texts[0].chapters[0].paragraphs[0].text["fr"] = "Le budget de {budget}."
    with pytest.raises(
        DocumentError, match=r"XYZ/MSP/2022/2, paragraph period, fr: unknown placeholder 'budget'"
    ):
        build_document(tiny, "xyz-2022", "isu-report", "fr")
