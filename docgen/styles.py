"""The reference document: the styles every generated document takes, as pandoc's reference.docx.

A secretariat restyles its documents without code: ``docgen reference-docx mine.docx`` writes
this reference, they change its styles in Word or LibreOffice, and ``docgen build --reference
mine.docx`` uses it. The style names are those of the UN's own Word templates (``HChG`` for a
chapter heading, ``H1G`` for a subheading, ``SingleTxtG`` for a numbered paragraph …), so that
the generated files feel familiar to UN editors.
"""

from __future__ import annotations

import io
from functools import cache

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Cm, Pt

from docgen import oxml

#: Style names, as the UN's templates call them.
MASTHEAD_ORGANIZATION = "Masthead Organization"
MASTHEAD_SYMBOL = "Masthead Symbol"
MASTHEAD_BLOCK = "Masthead Block"
MEETING = "Meeting Block"
TITLE = "HChG"
CHAPTER = "HChG"
SUBHEADING = "H1G"
SUBMITTED_BY = "H1G"
PARAGRAPH = "SingleTxtG"
#: Items with a label in the margin: agenda items (level 1), sub-items and bullets (level 2).
ITEMS = {1: "Item1G", 2: "Item2G"}
TABLE_TEXT = "Table Text"
TABLE_HEADER = "Table Header"
ANNEX = "Annex Heading"
FOOTNOTE_TEXT = "Footnote Text"
FOOTNOTE_REFERENCE = "Footnote Reference"
HEADER = "Header"
FOOTER = "Footer"
TABLE = "Table Grid"

_INDENT = Cm(2)  # where UN paragraphs and headings start: the number sits here
_TAB = Cm(1)  # from the number to the text


def _paragraph_style(
    document,
    name: str,
    *,
    size: float = 10,
    bold: bool = False,
    before: float = 0,
    after: float = 0,
    left=None,
    right=None,
    first=None,
    align=None,
    keep_with_next: bool = False,
):
    styles = document.styles
    style = (
        styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    style.base_style = styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    oxml.set_complex_script_size(style, int(size * 2))
    if bold:
        oxml.set_bold_complex_script(style)
    layout = style.paragraph_format
    layout.space_before, layout.space_after = Pt(before), Pt(after)
    layout.left_indent, layout.right_indent, layout.first_line_indent = left, right, first
    layout.alignment = align
    layout.keep_with_next = keep_with_next
    if left is not None:
        layout.tab_stops.add_tab_stop(left + _TAB if first is None else left)
    return style


@cache
def reference_bytes() -> bytes:
    """The default reference document, as the bytes of a .docx file."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(10)
    oxml.set_style_fonts(
        normal, {"ascii": "Times New Roman", "hAnsi": "Times New Roman", "cs": "Times New Roman"}
    )
    oxml.set_complex_script_size(normal, 20)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    normal.paragraph_format.line_spacing = Pt(12)

    _paragraph_style(document, MASTHEAD_ORGANIZATION, size=16, bold=True)
    _paragraph_style(document, MASTHEAD_SYMBOL, size=20, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(document, MASTHEAD_BLOCK, size=10)
    _paragraph_style(document, MEETING, size=10, after=0)
    _paragraph_style(
        document,
        CHAPTER,
        size=14,
        bold=True,
        before=18,
        after=12,
        left=_INDENT,
        first=-_TAB,
        keep_with_next=True,
    )
    _paragraph_style(
        document,
        SUBHEADING,
        size=10,
        bold=True,
        before=12,
        after=6,
        left=_INDENT,
        first=-_TAB,
        keep_with_next=True,
    )
    _paragraph_style(
        document, PARAGRAPH, after=6, left=_INDENT, right=_INDENT, align=WD_ALIGN_PARAGRAPH.JUSTIFY
    )
    for level, name in ITEMS.items():
        _paragraph_style(
            document,
            name,
            after=6,
            left=_INDENT + level * _TAB,
            right=_INDENT,
            first=-_TAB,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        )
    _paragraph_style(document, TABLE_TEXT, size=9, before=2, after=2)
    _paragraph_style(document, TABLE_HEADER, size=9, bold=True, before=2, after=2)
    _paragraph_style(document, ANNEX, size=14, bold=True, before=0, after=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(document, FOOTNOTE_TEXT, size=9, left=_INDENT - Cm(0.5), right=_INDENT, first=Cm(0))
    reference = document.styles.add_style(FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER)
    reference.font.superscript = True
    reference.font.size = Pt(9)

    used = {
        MASTHEAD_ORGANIZATION,
        MASTHEAD_SYMBOL,
        MASTHEAD_BLOCK,
        MEETING,
        CHAPTER,
        SUBHEADING,
        PARAGRAPH,
        *ITEMS.values(),
        TABLE_TEXT,
        TABLE_HEADER,
        ANNEX,
        FOOTNOTE_TEXT,
        FOOTNOTE_REFERENCE,
        HEADER,
        FOOTER,
        TABLE,
        "Normal",
        "Default Paragraph Font",
        "Normal Table",
        "No List",
    }
    oxml.keep_only_styles(document, {document.styles[name].style_id for name in used})
    oxml.drop_parts(
        document,
        {
            "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
        },
    )

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(1.7), Cm(2.0)
    section.left_margin, section.right_margin = Cm(2.0), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    # The page furniture's parts exist from the start, styled here, filled by the renderer: the
    # first page's footer (job number), and the following pages' header (symbol) and footer.
    section.different_first_page_header_footer = True
    for part in (section.first_page_footer, section.header, section.footer):
        part.is_linked_to_previous = False
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
