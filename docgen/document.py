"""A UN document as the builders make it and the renderer writes it, free of any file format.

A :class:`Document` is a masthead, the meeting block, a title, and a list of blocks:
headings, numbered paragraphs, sub-items, tables and annexes. Text is a list of
:class:`Segment` s, some of which carry a footnote. All text is already in the document's
language: numbering, dates and figures are formatted by the builders through
:mod:`docgen.i18n`, so the renderer only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Footnote:
    """A note at the foot of the page; ``mark`` replaces the number (the masthead's ``*``)."""

    text: str
    mark: str | None = None


@dataclass(frozen=True)
class Segment:
    """A piece of running text, followed by the mark of its footnote if it has one."""

    text: str
    footnote: Footnote | None = None
    bold: bool = False


Text = list[Segment]


@dataclass(frozen=True)
class Masthead:
    """The first page's heading: organization and symbol, the distribution block, the job number."""

    organization: str  # "United Nations", 联合国 …
    symbol: str
    distribution: str  # "Distr.: General"
    date: str  # of issue
    version: str | None  # "Français" in a translation whose block is in that language
    original: str  # "Original: English"
    job_number: str | None  # "GE.22-17123 (C)"
    #: The language the distribution block is written in (English in ar, ru and zh versions).
    block_lang: str


@dataclass(frozen=True)
class Heading:
    """A chapter (level 1) or subheading (level 2), with its number already formatted."""

    number: str | None
    text: Text
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text; ``number`` is its formatted number where it has one."""

    text: Text
    number: str | None = None


@dataclass(frozen=True)
class Item:
    """Text with its label in the margin: an agenda item (level 1), or a lettered sub-item or
    bullet ("•") of the paragraph or item before it (level 2)."""

    label: str
    text: Text
    level: int = 2


@dataclass(frozen=True)
class Table:
    """A table: header row, body rows of cell texts, and relative column widths."""

    header: list[str]
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)
    caption: str | None = None


@dataclass(frozen=True)
class Annex:
    """Starts an annex on a new page: "Annex" (or "Annex I") and its title."""

    label: str
    title: str


Block = Heading | Paragraph | Item | Table | Annex


@dataclass
class Document:
    """One language version of an official document."""

    lang: str
    masthead: Masthead
    #: The meeting block under the masthead, line by line: (text, bold).
    meeting_lines: list[tuple[str, bool]]
    title: str
    #: "Submitted by …", with its footnote if the document has a processing note.
    submitted_by: Text | None
    blocks: list[Block]
    #: What the running header of the following pages says (the symbol).
    running_header: str

    def footnotes(self) -> list[Footnote]:
        """Every footnote, in order: the masthead's first, then the numbered ones."""
        texts: list[Text] = [self.submitted_by or []]
        for block in self.blocks:
            if isinstance(block, (Heading, Paragraph, Item)):
                texts.append(block.text)
        return [segment.footnote for text in texts for segment in text if segment.footnote]
