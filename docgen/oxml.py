"""The OOXML that python-docx does not write, in one place, apart from the document builders.

Footnotes (a real footnotes part, numbered marks and custom marks such as the masthead's
asterisk), right-to-left text for Arabic (section, paragraph, run and table), East Asian
fonts and language tags for Chinese, fields (page numbers) and the document-wide language
defaults. Everything here works on python-docx objects and their XML elements; the renderer
(:mod:`docgen.render`) calls it and never builds XML itself.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# The separators Word expects before the footnotes themselves (ids -1 and 0 are reserved).
_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


class Footnotes:
    """The footnotes part of a document: adds notes and puts their marks in the text."""

    def __init__(self, document: DocxDocument, *, text_style: str, reference_style: str):
        part = document.part
        existing = [rel.target_part for rel in part.rels.values() if rel.reltype == RT.FOOTNOTES]
        if existing:
            self._element = existing[0].element
            for note in self._element.findall(qn("w:footnote")):
                if int(note.get(qn("w:id"))) > 0:
                    self._element.remove(note)
        else:
            footnotes_part = XmlPart(
                PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_FOOTNOTES_XML), part.package
            )
            part.relate_to(footnotes_part, RT.FOOTNOTES)
            self._element = footnotes_part.element
        self._next_id = 1
        self._text_style = document.styles[text_style].style_id
        self._reference_style = document.styles[reference_style].style_id

    def add(self, paragraph: Paragraph, *, custom_mark: str | None = None) -> tuple[Run, Paragraph]:
        """Put a footnote mark at the end of ``paragraph``; return the mark's run and the note's paragraph.

        A ``custom_mark`` (the masthead's ``*``) is printed instead of a number and takes no
        number from the sequence, as in UN documents.
        """
        note_id = self._next_id
        self._next_id += 1
        mark = paragraph.add_run()
        _set_run_style(mark, self._reference_style)
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), str(note_id))
        if custom_mark:
            reference.set(qn("w:customMarkFollows"), "1")
        mark._r.append(reference)
        if custom_mark:
            mark._r.append(_text(custom_mark))

        own_mark = f"<w:t>{escape(custom_mark)}</w:t>" if custom_mark else "<w:footnoteRef/>"
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="{self._text_style}"/>'
            f'</w:pPr><w:r><w:rPr><w:rStyle w:val="{self._reference_style}"/></w:rPr>{own_mark}</w:r></w:p>'
            "</w:footnote>"
        )
        self._element.append(note)
        return mark, Paragraph(note[0], paragraph._parent)


def _text(value: str):
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = value
    return element


def _set_run_style(run: Run, style_id: str) -> None:
    properties = run._r.get_or_add_rPr()
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), style_id)
    properties.insert(0, style)


def _on(parent, tag: str, **attributes: str):
    """The child ``tag`` of ``parent``, created if absent, with ``attributes`` set."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.append(child)
    for name, value in attributes.items():
        child.set(qn(f"w:{name}"), value)
    return child


def append_paragraph(container, style_id: str, *, right_to_left: bool = False) -> Paragraph:
    """A new paragraph at the end of ``container`` (the document, a cell, a header), styled.

    Built directly rather than through python-docx's add_paragraph and add_run, whose
    schema-order bookkeeping took most of the time of writing a document.
    """
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    properties.append(style)
    if right_to_left:
        properties.append(OxmlElement("w:bidi"))
    paragraph.append(properties)
    parent = container.element.body if isinstance(container, DocxDocument) else container._element
    end = parent.find(qn("w:sectPr"))
    if end is not None:
        end.addprevious(paragraph)
    else:
        parent.append(paragraph)
    return Paragraph(paragraph, container)


def append_run(paragraph: Paragraph, text: str, *, bold: bool = False, right_to_left: bool = False) -> Run:
    """A run of text at the end of ``paragraph``; line breaks and tabs become w:br and w:tab."""
    run = OxmlElement("w:r")
    if bold or right_to_left:
        properties = OxmlElement("w:rPr")
        if bold:
            properties.append(OxmlElement("w:b"))
            properties.append(OxmlElement("w:bCs"))
        if right_to_left:
            properties.append(OxmlElement("w:rtl"))
        run.append(properties)
    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        for position, piece in enumerate(line.split("\t")):
            if position:
                run.append(OxmlElement("w:tab"))
            if piece:
                run.append(_text(piece))
    paragraph._p.append(run)
    return Run(run, paragraph)


def append_table(
    container: DocxDocument,
    rows: int,
    widths: list[int],
    *,
    style_id: str | None = None,
    right_to_left: bool = False,
) -> Table:
    """A centred table of fixed column ``widths`` (twips) at the end of the document.

    The grid and every cell carry the width: Word reads the cells', LibreOffice the grid's.
    """
    style = f'<w:tblStyle w:val="{style_id}"/>' if style_id else ""
    bidi = "<w:bidiVisual/>" if right_to_left else ""
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p/></w:tc>' for width in widths
    )
    table = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr>{style}{bidi}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        + f"<w:tr>{cells}</w:tr>" * rows
        + "</w:tbl>"
    )
    body = container.element.body
    body.sectPr.addprevious(table)
    return Table(table, container)


def style_ids(document: DocxDocument) -> dict[str, str]:
    """Every style's id by the name python-docx knows it by ("Header", "SingleTxtG"), in one pass."""
    from docx.styles import BabelFish

    ids = {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            ids[BabelFish.internal2ui(name.get(qn("w:val")))] = style.get(qn("w:styleId"))
    return ids


def set_paragraph_style(paragraph: Paragraph, style_id: str) -> None:
    """Give the paragraph a style by its id.

    python-docx looks a style up by name through every style of the document each time (and
    again for the default); a document of hundreds of paragraphs spends most of its time there.
    """
    paragraph._p.style = style_id


def keep_only_styles(document: DocxDocument, style_ids: set[str]) -> None:
    """Drop every style but ``style_ids`` (and those they are based on), and the latent styles.

    python-docx's template carries 178 styles and two copies of them (styles.xml and
    stylesWithEffects.xml, 800 kB): parsing and compressing those dominated the time to make
    a document.
    """
    element = document.styles.element
    latent = element.find(qn("w:latentStyles"))
    if latent is not None:
        element.remove(latent)
    by_id = {style.get(qn("w:styleId")): style for style in element.findall(qn("w:style"))}
    wanted = list(style_ids)
    kept: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if style_id in kept or style_id not in by_id:
            continue
        kept.add(style_id)
        for link in ("w:basedOn", "w:link", "w:next"):
            target = by_id[style_id].find(qn(link))
            if target is not None:
                wanted.append(target.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in kept and style.get(qn("w:default")) not in ("1", "true"):
            element.remove(style)


def drop_parts(document: DocxDocument, relationship_types: set[str]) -> None:
    """Remove the parts of these relationship types (from the document and the package)."""
    for owner in (document.part, document.part.package):
        for rel_id, rel in list(owner.rels.items()):
            if rel.reltype in relationship_types:
                owner.rels.pop(rel_id)


# Right to left -----------------------------------------------------------------------------------


def set_right_to_left_section(section: Section) -> None:
    """Pages laid out right to left: columns, page numbers and gutters mirror."""
    properties = section._sectPr
    bidi = properties.find(qn("w:bidi"))
    if bidi is None:
        # w:bidi belongs after the page layout elements; Word ignores it elsewhere.
        bidi = OxmlElement("w:bidi")
        anchor = properties.find(qn("w:docGrid"))
        if anchor is not None:
            anchor.addprevious(bidi)
        else:
            properties.append(bidi)


def set_right_to_left_paragraph(paragraph: Paragraph) -> None:
    """The paragraph reads right to left (its start, indents and tabs on the right)."""
    properties = paragraph._p.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is None:
        bidi = OxmlElement("w:bidi")
        # Schema order: pStyle, keepNext, … , bidi comes before spacing, ind, jc.
        following = [properties.find(qn(tag)) for tag in ("w:spacing", "w:ind", "w:jc", "w:rPr")]
        following = [element for element in following if element is not None]
        if following:
            following[0].addprevious(bidi)
        else:
            properties.append(bidi)


def set_right_to_left_run(run: Run) -> None:
    """The run's text is right-to-left (complex script) text."""
    properties = run._r.get_or_add_rPr()
    if properties.find(qn("w:rtl")) is None:
        properties.append(OxmlElement("w:rtl"))


# Languages and fonts --------------------------------------------------------------------------------


def set_document_language(
    document: DocxDocument, *, latin: str, east_asian: str, complex_script: str, fonts: dict[str, str]
) -> None:
    """The language tags and fonts of every run that does not say otherwise.

    python-docx's template tags East Asian text ja-JP, so a word processor takes Japanese
    glyphs for Chinese; the tags set here (``zh-CN``, ``ar-SA``) choose the right ones.
    ``fonts`` maps ``ascii``, ``hAnsi``, ``eastAsia`` and ``cs`` to font names.
    """
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    font_element = _on(run_properties, "w:rFonts")
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        font_element.attrib.pop(qn(f"w:{theme}"), None)
    for slot, name in fonts.items():
        font_element.set(qn(f"w:{slot}"), name)
    _on(run_properties, "w:lang", val=latin, eastAsia=east_asian, bidi=complex_script)


def set_style_fonts(style, fonts: dict[str, str]) -> None:
    """Give a style its own fonts per script (a style's fonts win over the defaults)."""
    element = style.element.get_or_add_rPr()
    font_element = _on(element, "w:rFonts")
    for slot, name in fonts.items():
        font_element.set(qn(f"w:{slot}"), name)


def set_complex_script_size(style, half_points: int) -> None:
    """Arabic text takes its size from w:szCs, which python-docx's font.size does not set."""
    _on(style.element.get_or_add_rPr(), "w:szCs", val=str(half_points))


def set_bold_complex_script(style) -> None:
    _on(style.element.get_or_add_rPr(), "w:bCs")


# Fields -------------------------------------------------------------------------------------------------


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> Run:
    """A field such as ``PAGE`` whose result the word processor computes when it lays out pages."""
    run = paragraph.add_run()
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} ">'
        f"<w:r><w:t>{placeholder}</w:t></w:r></w:fldSimple>"
    )
    run._r.addnext(field)
    return run
