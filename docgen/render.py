"""Write a :class:`~docgen.document.Document` as a .docx, with the styles of a reference document.

The renderer lays out what the builders made: it knows styles and page furniture, and leaves
the OOXML that python-docx lacks to :mod:`docgen.oxml`. Arabic versions run right to left;
Chinese versions tag their text zh-CN so that word processors take Chinese glyphs.
"""

from __future__ import annotations

import copy
import functools
import io
import os
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

from docgen import oxml, styles
from docgen.document import Annex, Document, Heading, Item, Paragraph, Segment, Table

#: The language tag of each version's running text (UN English follows British spelling).
_LANGUAGE_TAGS = {"ar": "ar-SA", "zh": "zh-CN", "en": "en-GB", "fr": "fr-FR", "ru": "ru-RU", "es": "es-ES"}
#: Fonts by script: SimSun (宋体) is the font of UN Chinese documents; Times New Roman carries
#: Latin, Cyrillic and Arabic in Word, and word processors without it substitute per script.
#: The width of a table: the text block of an A4 page less its margins.
_TABLE_WIDTH_CM = 16.5


def _twips(centimetres: float) -> int:
    return round(centimetres * 1440 / 2.54)


_FONTS = {
    "ascii": "Times New Roman",
    "hAnsi": "Times New Roman",
    "eastAsia": "SimSun",
    "cs": "Times New Roman",
}


@functools.lru_cache(maxsize=8)
def _blank(reference: str | None, modified: int | None) -> DocxDocument:
    """The reference document, read once, emptied of any sample content (kept: page set-up)."""
    source = reference if reference is not None else io.BytesIO(styles.reference_bytes())
    blank = docx.Document(source)
    body = blank.element.body
    for element in list(body):
        if element is not body.sectPr:
            body.remove(element)
    return blank


def render(document: Document, reference: str | os.PathLike | None = None) -> DocxDocument:
    """The python-docx document of ``document``, styled by ``reference`` (default: ours)."""
    path = os.fspath(reference) if reference is not None else None
    modified = os.stat(path).st_mtime_ns if path else None  # a reference changed on disk is read again
    # A copy of the reference read once: reading a .docx costs more than copying its parts.
    result = copy.deepcopy(_blank(path, modified))
    return _Writer(result, document).write()


def save(document: Document, path: str | os.PathLike, reference: str | os.PathLike | None = None) -> Path:
    """Render ``document`` and write it to ``path``."""
    target = Path(path)
    render(document, reference).save(target)
    return target


class _Writer:
    def __init__(self, result: DocxDocument, document: Document):
        self.result = result
        self.document = document
        self.rtl = document.lang == "ar"
        tag = _LANGUAGE_TAGS[document.lang]
        oxml.set_document_language(
            result, latin=tag, east_asian="zh-CN", complex_script="ar-SA", fonts=_FONTS
        )
        # Style ids by name, looked up once (python-docx's own look-up walks every style).
        self.style_ids = oxml.style_ids(result)
        self.footnotes = oxml.Footnotes(
            result, text_style=styles.FOOTNOTE_TEXT, reference_style=styles.FOOTNOTE_REFERENCE
        )

    # Paragraphs and runs ------------------------------------------------------------------------

    def paragraph(self, style: str, container=None, *, rtl: bool | None = None):
        return oxml.append_paragraph(
            container or self.result, self.style_ids[style], right_to_left=self.rtl if rtl is None else rtl
        )

    def run(self, paragraph, text: str, *, bold: bool = False, rtl: bool | None = None):
        return oxml.append_run(paragraph, text, bold=bold, right_to_left=self.rtl if rtl is None else rtl)

    def text(self, paragraph, segments: list[Segment]) -> None:
        for segment in segments:
            if segment.text:
                self.run(paragraph, segment.text, bold=segment.bold)
            if segment.footnote:
                mark, note = self.footnotes.add(paragraph, custom_mark=segment.footnote.mark)
                if self.rtl:
                    oxml.set_right_to_left_run(mark)
                    oxml.set_right_to_left_paragraph(note)
                self.run(note, " " + segment.footnote.text)

    def numbered(self, style: str, number: str | None, segments: list[Segment]):
        paragraph = self.paragraph(style)
        if number:
            self.run(paragraph, number + "\t", bold=False)
        self.text(paragraph, segments)
        return paragraph

    # The document ---------------------------------------------------------------------------------

    def write(self) -> DocxDocument:
        self.page_furniture()
        self.masthead()
        for text, bold in self.document.meeting_lines:
            self.run(self.paragraph(styles.MEETING), text, bold=bold)
        title = self.paragraph(styles.TITLE)
        title.paragraph_format.left_indent = Cm(2)
        title.paragraph_format.first_line_indent = Cm(0)
        self.run(title, self.document.title, bold=True)
        if self.document.submitted_by:
            submitted = self.paragraph(styles.SUBMITTED_BY)
            submitted.paragraph_format.first_line_indent = Cm(0)
            self.text(submitted, self.document.submitted_by)
        for block in self.document.blocks:
            if isinstance(block, Heading):
                style = styles.CHAPTER if block.level == 1 else styles.SUBHEADING
                self.numbered(style, block.number, block.text)
            elif isinstance(block, Paragraph):
                self.numbered(styles.PARAGRAPH, block.number, block.text)
            elif isinstance(block, Item):
                self.numbered(styles.ITEMS[block.level], block.label, block.text)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Annex):
                self.annex(block)
        return self.result

    def page_furniture(self) -> None:
        section = self.result.sections[0]
        section.different_first_page_header_footer = True
        if self.rtl:
            oxml.set_right_to_left_section(section)
        masthead = self.document.masthead
        if masthead.job_number:
            footer = section.first_page_footer.paragraphs[0]
            oxml.set_paragraph_style(footer, self.style_ids[styles.FOOTER])
            # The job number and the symbol are Latin text, left to right in every version.
            self.run(footer, masthead.job_number, rtl=False)
        header = section.header.paragraphs[0]
        oxml.set_paragraph_style(header, self.style_ids[styles.HEADER])
        self.run(header, self.document.running_header, bold=True, rtl=False)
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = section.footer.paragraphs[0]
        oxml.set_paragraph_style(footer, self.style_ids[styles.FOOTER])
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        oxml.add_field(footer, "PAGE")

    def masthead(self) -> None:
        masthead = self.document.masthead
        half = _twips(_TABLE_WIDTH_CM / 2)
        grid = oxml.append_table(self.result, 2, [half, half], right_to_left=self.rtl)
        organization, symbol = grid.rows[0].cells
        self.run(
            self.cell_paragraph(organization, styles.MASTHEAD_ORGANIZATION), masthead.organization, bold=True
        )
        symbol_paragraph = self.cell_paragraph(symbol, styles.MASTHEAD_SYMBOL)
        self.run(symbol_paragraph, masthead.symbol)
        block = grid.rows[1].cells[1]
        lines = [
            masthead.distribution,
            masthead.date,
            "",
            *([masthead.version] if masthead.version else []),
            masthead.original,
        ]
        # The block is in English in the Arabic version: it reads left to right there.
        rtl = masthead.block_lang == "ar"
        for index, line in enumerate(lines):
            if index == 0:
                paragraph = self.cell_paragraph(block, styles.MASTHEAD_BLOCK, rtl=rtl)
            else:
                paragraph = self.paragraph(styles.MASTHEAD_BLOCK, block, rtl=rtl)
            self.run(paragraph, line, rtl=rtl)
        self.paragraph(styles.MEETING)

    def cell_paragraph(self, cell, style: str, *, rtl: bool | None = None):
        paragraph = cell.paragraphs[0]
        oxml.set_paragraph_style(paragraph, self.style_ids[style])
        if self.rtl if rtl is None else rtl:
            oxml.set_right_to_left_paragraph(paragraph)
        return paragraph

    def table(self, block: Table) -> None:
        if block.caption:
            self.run(self.paragraph(styles.SUBHEADING), block.caption, bold=True)
        shares = block.widths or [1] * len(block.header)
        widths = [_twips(_TABLE_WIDTH_CM * share / sum(shares)) for share in shares]
        grid = oxml.append_table(
            self.result,
            1 + len(block.rows),
            widths,
            style_id=self.style_ids[styles.TABLE],
            right_to_left=self.rtl,
        )
        for row_index, values in enumerate([block.header, *block.rows]):
            style = styles.TABLE_HEADER if row_index == 0 else styles.TABLE_TEXT
            for cell, value in zip(grid.rows[row_index].cells, values, strict=True):
                self.run(self.cell_paragraph(cell, style), value, bold=row_index == 0)
        self.paragraph(styles.MEETING).paragraph_format.space_after = Pt(6)

    def annex(self, block: Annex) -> None:
        breaker = self.paragraph(styles.MEETING)
        breaker.add_run().add_break(WD_BREAK.PAGE)
        self.run(self.paragraph(styles.ANNEX), block.label, bold=True)
        self.run(self.paragraph(styles.ANNEX), block.title, bold=True)
