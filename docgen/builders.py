"""The official documents of a meeting, built from the data in any of the six languages.

:func:`build_document` finds the document of a meeting (by kind or symbol) and its builder:

- ``agenda``: the provisional agenda, from the meeting's agenda items;
- ``programme-of-work``: the provisional programme of work, a table by day and sitting;
- ``sponsorship-report``: the report of the sponsorship programme, its prose from the
  package's document text with the figures of :mod:`meetings.stats`, and tables of the
  sponsored delegates;
- ``isu-report``: the report of the Implementation Support Unit, its prose from the
  package's document text, the data-bound paragraphs filled from :mod:`meetings.stats`.

Every version has the same structure; only the words differ. A text the data lack in the
language asked for is an error naming the record and the language, unless ``allow_missing``
is set, when a visible marker stands in its place — never another language's text.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from docgen import i18n
from docgen.document import Annex, Document, Footnote, Heading, Item, Masthead, Paragraph, Segment, Table
from meetings import stats
from meetings.model import Body, DocumentKind, DocumentText, Meeting, Package
from meetings.model import Document as DocumentRecord


class DocumentError(ValueError):
    """A document cannot be built from the data as they are."""


class MissingTranslation(DocumentError):
    """A text the document needs is not in the data in the language asked for."""


def missing_marker(what: str, lang: str) -> str:
    """What stands in a document where a text is missing in its language (``--allow-missing``)."""
    return f"⟦{what}: no {lang} text⟧"


@dataclass
class _Context:
    package: Package
    body: Body
    meeting: Meeting
    record: DocumentRecord
    lang: str
    allow_missing: bool

    def text(self, value: Mapping[str, str] | None, what: str) -> str:
        """``value`` in the document's language, or the error (or marker) naming what lacks it."""
        if value and self.lang in value:
            return value[self.lang]
        if self.allow_missing:
            return missing_marker(what, self.lang)
        raise MissingTranslation(f"{what} has no text in {self.lang!r} (document {self.record.symbol})")


def find_document(package: Package, meeting_id: str, kind_or_symbol: str) -> tuple[Meeting, DocumentRecord]:
    """The meeting ``meeting_id`` and its document of that kind or symbol."""
    meetings = {meeting.id: meeting for meeting in package.meetings}
    if meeting_id not in meetings:
        raise DocumentError(f"no meeting {meeting_id!r}; the package has: {', '.join(meetings) or 'none'}")
    meeting = meetings[meeting_id]
    found = [d for d in meeting.documents if kind_or_symbol in (d.symbol, d.kind.value)]
    if not found:
        listed = ", ".join(f"{d.symbol} ({d.kind.value})" for d in meeting.documents) or "none"
        raise DocumentError(f"meeting {meeting_id} has no document {kind_or_symbol!r}; it has: {listed}")
    return meeting, found[0]


def buildable(record: DocumentRecord) -> bool:
    """Whether this toolkit can build documents of this kind."""
    return record.kind in BUILDERS


def translation_status(package: Package, meeting_id: str, symbol: str, lang: str) -> str | None:
    """None when the document can be built in ``lang``; else what stops it (a missing text …)."""
    try:
        build_document(package, meeting_id, symbol, lang)
    except DocumentError as error:
        return str(error)
    return None


def build_document(
    package: Package, meeting_id: str, kind_or_symbol: str, lang: str, *, allow_missing: bool = False
) -> Document:
    """One language version of a meeting's document, ready to render."""
    if lang not in i18n.LANGUAGES:
        raise DocumentError(f"{lang!r} is not one of the six UN languages: {', '.join(i18n.LANGUAGES)}")
    meeting, record = find_document(package, meeting_id, kind_or_symbol)
    if record.kind not in BUILDERS:
        kinds = ", ".join(kind.value for kind in BUILDERS)
        raise DocumentError(f"{record.symbol} is a {record.kind.value}; documents built here are: {kinds}")
    body = next((b for b in package.bodies if b.code == meeting.body), None)
    if body is None:
        raise DocumentError(f"meeting {meeting.id} names body {meeting.body!r}, which the package lacks")
    context = _Context(package, body, meeting, record, lang, allow_missing)
    with i18n.force_language(lang):
        return BUILDERS[record.kind](context)


# Parts every document shares -----------------------------------------------------------------


def _masthead(context: _Context) -> Masthead:
    record, lang = context.record, context.lang
    block_language = i18n.masthead_language(lang)
    with i18n.force_language(block_language):
        distribution = i18n.format_distribution(record.distribution.value, lang)
        original = i18n.format_original_line(record.original_language, lang)
        date = i18n.format_date(record.issued, block_language) if record.issued else ""
    job = record.job_numbers.get(lang)
    return Masthead(
        organization=str(i18n.UNITED_NATIONS),
        symbol=record.symbol,
        distribution=distribution,
        date=date,
        version=i18n.masthead_version_line(lang),
        original=original,
        job_number=f"{job} ({i18n.job_number_letter(lang)})" if job else None,
        block_lang=block_language,
    )


def _meeting_lines(context: _Context, *, with_item: bool) -> list[tuple[str, bool]]:
    meeting, lang = context.meeting, context.lang
    lines = [(context.text(meeting.title, f"the title of meeting {meeting.id}"), True)]
    dates = i18n.format_date_range(meeting.start, meeting.end, lang)
    if meeting.venue:
        place = context.text(meeting.venue, f"the venue of meeting {meeting.id}")
        lines.append((str(i18n.PLACE_AND_DATES).format(place=place, dates=dates), False))
    else:
        lines.append((dates, False))
    number = context.record.agenda_item
    if with_item and number is not None:
        item = next(i for i in meeting.agenda if i.number == number)
        lines.append((str(i18n.ITEM_OF_PROVISIONAL_AGENDA).format(number=number), False))
        lines.append((context.text(item.title, f"agenda item {number} of meeting {meeting.id}"), True))
    return lines


def _title(context: _Context, default: i18n.LazyString) -> str:
    record = context.record
    return (
        context.text(record.title, f"the title of document {record.symbol}") if record.title else str(default)
    )


def _document(context: _Context, *, title: str, with_item: bool, blocks: list, submitted_by=None) -> Document:
    return Document(
        lang=context.lang,
        masthead=_masthead(context),
        meeting_lines=_meeting_lines(context, with_item=with_item),
        title=title,
        submitted_by=submitted_by,
        blocks=blocks,
        running_header=context.record.symbol,
    )


# The provisional agenda and programme of work ------------------------------------------------------


def build_agenda(context: _Context) -> Document:
    lang, meeting = context.lang, context.meeting
    blocks: list = []
    for item in meeting.agenda:
        title = context.text(item.title, f"agenda item {item.number} of meeting {meeting.id}")
        blocks.append(Item(i18n.format_paragraph_number(item.number, lang), [Segment(title)], level=1))
        for index, sub in enumerate(item.sub_items, start=1):
            text = context.text(sub.title, f"agenda item {item.number}({sub.label}) of meeting {meeting.id}")
            blocks.append(Item(i18n.format_subparagraph_number(index, lang), [Segment(text)], level=2))
    return _document(context, title=_title(context, i18n.PROVISIONAL_AGENDA), with_item=False, blocks=blocks)


def build_programme_of_work(context: _Context) -> Document:
    lang, meeting = context.lang, context.meeting
    titles = {item.number: item for item in meeting.agenda}
    rows: list[list[str]] = []
    previous_day = None
    for sitting in sorted(meeting.programme_of_work, key=lambda s: (s.date, s.start)):
        day = i18n.format_weekday_date(sitting.date, lang) if sitting.date != previous_day else ""
        previous_day = sitting.date
        hours = i18n.format_time_range(sitting.start, sitting.end, lang)
        when = f"{i18n.PERIODS[sitting.period.value]}\n{hours}"
        items = []
        for number in sitting.agenda_items:
            title = context.text(titles[number].title, f"agenda item {number} of meeting {meeting.id}")
            items.append(f"{i18n.format_paragraph_number(number, lang)} {title}")
        if sitting.note:
            items.append(
                context.text(
                    sitting.note, f"the note of the sitting of {sitting.date} {sitting.period.value}"
                )
            )
        rows.append([day, when, "\n".join(items)])
    table = Table(header=[str(i18n.DATE), str(i18n.TIME), str(i18n.AGENDA_ITEM)], rows=rows, widths=[3, 3, 9])
    return _document(
        context, title=_title(context, i18n.PROVISIONAL_PROGRAMME_OF_WORK), with_item=False, blocks=[table]
    )


# Reports: prose from the package, figures from the statistics ---------------------------------------

_NOTE_START = "^["


def _segments(text: str, fill: Callable[[str], str]) -> list[Segment]:
    """Split text at its inline footnotes, ``^[…]``, filling placeholders in text and notes."""
    segments: list[Segment] = []
    rest = text
    while _NOTE_START in rest:
        before, after = rest.split(_NOTE_START, 1)
        depth, end = 1, None
        for index, character in enumerate(after):
            depth += {"[": 1, "]": -1}.get(character, 0)
            if depth == 0:
                end = index
                break
        if end is None:
            raise DocumentError(f"a footnote is not closed: {_NOTE_START}{after[:40]}…")
        segments.append(Segment(fill(before), Footnote(fill(after[:end]))))
        rest = after[end + 1 :]
    if rest or not segments:
        segments.append(Segment(fill(rest)))
    return segments


def _filler(values: Mapping[str, object], where: str) -> Callable[[str], str]:
    def fill(text: str) -> str:
        try:
            return string.Formatter().vformat(text, (), values)
        except (KeyError, IndexError) as error:
            offered = ", ".join(sorted(values)) or "none"
            raise DocumentError(
                f"{where}: unknown placeholder {error}; this document offers: {offered}"
            ) from None
        except ValueError as error:
            raise DocumentError(f"{where}: {error} (write a literal brace twice: {{{{ or }}}})") from None

    return fill


def _document_text(context: _Context) -> DocumentText:
    for text in context.package.document_texts:
        if text.symbol == context.record.symbol:
            return text
    stem = context.record.symbol.replace("/", "-")
    raise DocumentError(f"the package has no text for {context.record.symbol}: add documents/{stem}.yaml")


def _prose(context: _Context, text: DocumentText, values: Mapping[str, object]) -> list:
    lang = context.lang
    blocks: list = []
    number = 0
    for chapter_number, chapter in enumerate(text.chapters, start=1):
        where = f"{text.symbol}, chapter {chapter.id}"
        title = context.text(chapter.title, f"the title of chapter {chapter.id} of {text.symbol}")
        heading = i18n.format_heading_number(chapter_number, lang)
        blocks.append(Heading(heading, _segments(title, _filler(values, where))))
        for paragraph in chapter.paragraphs:
            number += 1
            where = f"{text.symbol}, paragraph {paragraph.id}, {lang}"
            fill = _filler(values, where)
            body = context.text(paragraph.text, f"paragraph {paragraph.id} of {text.symbol}")
            blocks.append(Paragraph(_segments(body, fill), number=i18n.format_paragraph_number(number, lang)))
            for index, item in enumerate(paragraph.items, start=1):
                words = context.text(item, f"item {index} of paragraph {paragraph.id} of {text.symbol}")
                blocks.append(Item("•", _segments(words, fill)))
    return blocks


def _submitted_by(context: _Context, text: DocumentText) -> list[Segment]:
    line = str(i18n.SUBMITTED_BY_ISU)
    if text.submitted_note is None:
        return [Segment(line)]
    note = context.text(text.submitted_note, f"the note on the submission of {text.symbol}")
    return [Segment(line, Footnote(note, mark="*"))]


def _percent(share: stats.Share, lang: str, decimals: int = 0) -> str:
    return i18n.format_percent(share.ratio or 0, lang, decimals=decimals)


def build_isu_report(context: _Context) -> Document:
    package, body, lang = context.package, context.body, context.lang
    text = _document_text(context)
    year = context.meeting.start.year
    this_year = {r.instrument: r for r in stats.reporting_rates(package, body.code, year)}
    last_year = {r.instrument: r for r in stats.reporting_rates(package, body.code, year - 1)}
    contributions = stats.contribution_status(package, body.code, year)
    closed = stats.closed_accounts_balance(package, body.code, before=year)
    convention = body.instruments[0].code if body.instruments else None
    accessions = [
        consent
        for consent in package.consents
        if consent.instrument == convention
        and text.period_start is not None
        and text.period_end is not None
        and text.period_start <= consent.date <= text.period_end
    ]
    values: dict[str, object] = {
        "year": str(year),
        "previous_year": str(year - 1),
        "reports_as_of": i18n.format_date(stats.cut_off_dates(package, body.code, year)[0], lang),
        "reports": {code: i18n.format_number(r.reports, lang) for code, r in this_year.items()},
        "rate": {code: _percent(r.share, lang) for code, r in this_year.items()},
        "previous_reports": {code: i18n.format_number(r.reports, lang) for code, r in last_year.items()},
        "previous_rate": {code: _percent(r.share, lang) for code, r in last_year.items()},
        "contributions_as_of": i18n.format_date(contributions.as_of, lang),
        "received_rate": _percent(contributions.share_received, lang, decimals=1),
        "assessed": i18n.format_money(contributions.assessed, lang),
        "outstanding": i18n.format_money(contributions.outstanding, lang),
        "closed_first_year": str(closed.first_year),
        "closed_last_year": str(closed.last_year),
        "closed_balance": i18n.format_money(closed.balance, lang),
        "wcf_balance": i18n.format_money(
            stats.working_capital_fund_balance(package, body.code, contributions.as_of), lang
        ),
        "accession_state": i18n.format_list([i18n.state_name(c.state, lang) for c in accessions], lang),
        "accession_date": i18n.format_list([i18n.format_date(c.date, lang) for c in accessions], lang),
    }
    if text.period_start and text.period_end:
        values["period"] = i18n.format_date_range(text.period_start, text.period_end, lang)
        staff = stats.staffing(package, body.code, text.period_start, text.period_end)
        grades = [i18n.format_grade(appointment.grade, lang) for appointment in staff.throughout]
        values["staff_grade"] = i18n.format_list(grades, lang)
        if staff.recruited:
            joined = staff.recruited[0]
            # The texts say "in {recruited_month}": Russian puts the month in the prepositional.
            values["recruited_month"] = i18n.format_month(joined.start, lang, case="prepositional")
            values["recruited_grade"] = i18n.format_grade(joined.grade, lang)
            values["recruited_months"] = i18n.format_number(stats.months(joined) or 0, lang)
    return _document(
        context,
        title=_title(context, i18n.REPORT_OF_ISU),
        with_item=True,
        blocks=_prose(context, text, values),
        submitted_by=_submitted_by(context, text),
    )


def build_sponsorship_report(context: _Context) -> Document:
    package, body, lang = context.package, context.body, context.lang
    text = _document_text(context)
    start, end = text.period_start, text.period_end
    covered = [
        m
        for m in package.meetings
        if m.body == body.code and (start is None or m.start >= start) and (end is None or m.start <= end)
    ]
    summary = stats.sponsorship_summary(package, [m.id for m in covered])
    values: dict[str, object] = {
        "year": str(context.meeting.start.year),
        "meetings": i18n.format_number(len(covered), lang),
        "applications": i18n.format_number(summary.applications, lang),
        "eligible": i18n.format_number(summary.eligible, lang),
        "sponsored": i18n.format_number(summary.sponsored, lang),
        "declined": i18n.format_number(summary.by_status.get("declined", 0), lang),
        "sponsored_states": i18n.format_number(summary.sponsored_states, lang),
        "women": i18n.format_number(summary.by_gender.get("female", 0), lang),
        "men": i18n.format_number(summary.by_gender.get("male", 0), lang),
        "cost": i18n.format_money(summary.cost, lang),
        "funds": i18n.format_money(summary.funds, lang),
        "balance": i18n.format_money(summary.funds - summary.cost, lang),
    }
    if start and end:
        values["period"] = i18n.format_date_range(start, end, lang)
    blocks = _prose(context, text, values)
    by_meeting = Table(
        header=[str(i18n.MEETING), str(i18n.SPONSORED_DELEGATES)],
        rows=[
            [
                context.text(m.title, f"the title of meeting {m.id}")
                + f" ({i18n.format_date_range(m.start, m.end, lang)})",
                i18n.format_number(summary.by_meeting.get(m.id, 0), lang),
            ]
            for m in covered
        ]
        + [[str(i18n.TOTAL), i18n.format_number(summary.sponsored, lang)]],
        widths=[12, 3],
    )
    groups = {g.code: g for g in body.regional_groups}
    by_group = Table(
        header=[str(i18n.REGIONAL_GROUP), str(i18n.WOMEN), str(i18n.MEN), str(i18n.TOTAL)],
        rows=[
            [
                context.text(groups[code].name, f"the name of regional group {code}")
                if code in groups
                else code,
                i18n.format_number(counts.get("female", 0), lang),
                i18n.format_number(counts.get("male", 0), lang),
                i18n.format_number(sum(counts.values()), lang),
            ]
            for code, counts in sorted(summary.by_group_and_gender.items())
        ],
        widths=[9, 2, 2, 2],
    )
    blocks += [Annex(str(i18n.ANNEX), str(i18n.SPONSORED_DELEGATES)), by_meeting, by_group]
    return _document(
        context,
        title=_title(context, i18n.REPORT_OF_SPONSORSHIP_PROGRAMME),
        with_item=True,
        blocks=blocks,
        submitted_by=_submitted_by(context, text),
    )


#: What each kind reads of the package besides its meeting and body: a change there rebuilds it.
SOURCES: dict[str, tuple[str, ...]] = {
    DocumentKind.AGENDA.value: (),
    DocumentKind.PROGRAMME_OF_WORK.value: (),
    DocumentKind.SPONSORSHIP_REPORT.value: (
        "document_texts",
        "meetings",
        "states",
        "sponsorship_applications",
        "sponsorship_contributions",
    ),
    DocumentKind.ISU_REPORT.value: (
        "document_texts",
        "consents",
        "national_reports",
        "assessed_contributions",
        "payments",
        "working_capital_fund",
        "closed_accounts",
    ),
}

BUILDERS: dict[DocumentKind, Callable[[_Context], Document]] = {
    DocumentKind.AGENDA: build_agenda,
    DocumentKind.PROGRAMME_OF_WORK: build_programme_of_work,
    DocumentKind.SPONSORSHIP_REPORT: build_sponsorship_report,
    DocumentKind.ISU_REPORT: build_isu_report,
}
