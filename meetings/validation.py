"""Checks across records: identities unique, references resolved, memberships respected.

Each record has already checked itself (:mod:`meetings.model`); what is left needs the
whole package: that a nominee's State belongs to the group whose turn it is, that a national
report comes from a party to its instrument, that a payment meets an assessed contribution.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator

from meetings.model import Package, Record
from meetings.problems import Problem
from meetings.states import is_state_code


def validate_package(package: Package) -> list[Problem]:
    """Every problem of ``package`` that no single record can see, in reading order."""
    return sorted(set(_problems(package)), key=lambda p: (p.file, p.line or 0, p.message))


def _unique(records: Iterable[Record], scope: str = "") -> Iterator[Problem]:
    seen: dict[tuple, Record] = {}
    for record in records:
        first = seen.setdefault(record.key, record)
        if first is not record:
            where = f" ({first._source})" if first._source else ""
            yield Problem.of(
                record, record.key_fields[0], f"{record.identity} is given twice{scope}; first{where}"
            )


def _same_in_every_language(record: Record, text: dict[str, str]) -> Iterator[Problem]:
    """The versions of a report's paragraph carry the same placeholders and footnotes."""
    shapes = {}
    for lang, words in text.items():
        try:
            fields = sorted(field for _, field, _, _ in string.Formatter().parse(words) if field)
        except ValueError as error:
            yield Problem.of(record, "text", f"{lang}: {error} (write a literal brace twice)")
            continue
        shapes[lang] = (fields, words.count("^["))
    if len({repr(shape) for shape in shapes.values()}) > 1:
        described = "; ".join(
            f"{lang}: {notes} footnote(s), {', '.join(fields) or 'no placeholders'}"
            for lang, (fields, notes) in shapes.items()
        )
        yield Problem.of(record, "text", f"the languages differ in placeholders or footnotes ({described})")


def _problems(package: Package) -> Iterator[Problem]:
    bodies = {body.code: body for body in package.bodies}
    groups = {(body.code, group.code) for body in package.bodies for group in body.regional_groups}
    posts = {(body.code, post.code) for body in package.bodies for post in body.officer_posts}
    instruments = {
        instrument.code: (body.code, instrument) for body in package.bodies for instrument in body.instruments
    }
    members = {(state.body, state.code): state.regional_group for state in package.states}
    meetings = {meeting.id: meeting for meeting in package.meetings}
    consents = {(consent.state, consent.instrument): consent.date for consent in package.consents}

    def state_code(record: Record, field: str, code: str | None) -> Iterator[Problem]:
        if code is not None and not is_state_code(code):
            yield Problem.of(record, field, f"unknown State {code!r}: use the ISO 3166-1 alpha-3 code")

    def body_of(record: Record, field: str = "body") -> Iterator[Problem]:
        code = getattr(record, field)
        if code not in bodies:
            yield Problem.of(
                record, field, f"unknown body {code!r}; the package has: {', '.join(bodies) or 'none'}"
            )

    def member(record: Record, field: str, body: str, code: str) -> Iterator[Problem]:
        if body in bodies and is_state_code(code) and (body, code) not in members:
            yield Problem.of(record, field, f"State {code} is not listed in states.csv for {body}")

    # Identities
    yield from _unique(package.bodies)
    yield from _unique(package.meetings)
    for body in package.bodies:
        for part in (body.regional_groups, body.instruments, body.officer_posts, body.cut_off_dates):
            yield from _unique(part, f" in body {body.code}")
    yield from _unique(
        (instrument for body in package.bodies for instrument in body.instruments), " across the bodies"
    )
    for meeting in package.meetings:
        yield from _unique(meeting.agenda, f" in meeting {meeting.id}")
        yield from _unique(meeting.programme_of_work, f" in meeting {meeting.id}")
        for item in meeting.agenda:
            yield from _unique(item.sub_items, f" in agenda item {item.number}")
    yield from _unique(
        (document for meeting in package.meetings for document in meeting.documents), " across the meetings"
    )
    for field in (
        "states",
        "consents",
        "nominations",
        "sponsorship_applications",
        "sponsorship_contributions",
        "national_reports",
        "assessed_contributions",
        "payments",
        "working_capital_fund",
        "closed_accounts",
    ):
        yield from _unique(getattr(package, field))

    # States and their groups
    for state in package.states:
        yield from state_code(state, "code", state.code)
        yield from body_of(state)
        if state.body in bodies and (state.body, state.regional_group) not in groups:
            yield Problem.of(
                state, "regional_group", f"unknown regional group {state.regional_group!r} of {state.body}"
            )
    for consent in package.consents:
        yield from state_code(consent, "state", consent.state)
        if consent.instrument not in instruments:
            yield Problem.of(consent, "instrument", f"unknown instrument {consent.instrument!r}")
        else:
            yield from member(consent, "state", instruments[consent.instrument][0], consent.state)

    # Meetings
    for meeting in package.meetings:
        yield from body_of(meeting)
        if meeting.president:
            yield from state_code(meeting.president, "state", meeting.president.state)
        numbers = {item.number for item in meeting.agenda}
        for document in meeting.documents:
            if document.agenda_item is not None and document.agenda_item not in numbers:
                yield Problem.of(
                    document, "agenda_item", f"meeting {meeting.id} has no agenda item {document.agenda_item}"
                )
        for sitting in meeting.programme_of_work:
            if not meeting.start <= sitting.date <= meeting.end:
                yield Problem.of(
                    sitting,
                    "date",
                    f"{sitting.date} is outside the meeting ({meeting.start} to {meeting.end})",
                )
            for number in sitting.agenda_items:
                if number not in numbers:
                    yield Problem.of(
                        sitting, "agenda_items", f"meeting {meeting.id} has no agenda item {number}"
                    )

    symbols = {document.symbol for meeting in package.meetings for document in meeting.documents}
    yield from _unique(package.document_texts)
    for text in package.document_texts:
        if text.symbol not in symbols:
            yield Problem.of(text, "symbol", f"no meeting has a document {text.symbol}")
        yield from _unique(text.chapters, f" in {text.symbol}")
        yield from _unique((p for chapter in text.chapters for p in chapter.paragraphs), f" in {text.symbol}")

        for chapter in text.chapters:
            for paragraph in chapter.paragraphs:
                for part in [paragraph.text, *paragraph.items]:
                    yield from _same_in_every_language(paragraph, part)

    # Officers
    for nomination in package.nominations:
        yield from body_of(nomination)
        if nomination.body in bodies:
            if (nomination.body, nomination.post) not in posts:
                yield Problem.of(
                    nomination, "post", f"unknown officer post {nomination.post!r} of {nomination.body}"
                )
            if (nomination.body, nomination.regional_group) not in groups:
                yield Problem.of(
                    nomination,
                    "regional_group",
                    f"unknown regional group {nomination.regional_group!r} of {nomination.body}",
                )
        if nomination.meeting is not None:
            meeting = meetings.get(nomination.meeting)
            if meeting is None:
                yield Problem.of(nomination, "meeting", f"unknown meeting {nomination.meeting!r}")
            elif meeting.body != nomination.body:
                yield Problem.of(
                    nomination, "meeting", f"meeting {meeting.id} is of {meeting.body}, not {nomination.body}"
                )
            elif meeting.start.year != nomination.year:
                yield Problem.of(
                    nomination,
                    "year",
                    f"meeting {meeting.id} is held in {meeting.start.year}, not {nomination.year}",
                )
        if nomination.state is not None:
            yield from state_code(nomination, "state", nomination.state)
            group = members.get((nomination.body, nomination.state))
            if group is not None and group != nomination.regional_group:
                yield Problem.of(
                    nomination,
                    "state",
                    f"{nomination.state} belongs to {group}, not to {nomination.regional_group}, "
                    "whose turn it is",
                )
            elif group is None:
                yield from member(nomination, "state", nomination.body, nomination.state)

    # Sponsorship
    for application in package.sponsorship_applications:
        yield from state_code(application, "state", application.state)
        if application.meeting not in meetings:
            yield Problem.of(application, "meeting", f"unknown meeting {application.meeting!r}")
        else:
            yield from member(application, "state", meetings[application.meeting].body, application.state)
    for contribution in package.sponsorship_contributions:
        yield from state_code(contribution, "donor", contribution.donor)

    # National reports: only from a party, and only under an instrument that asks for one
    for report in package.national_reports:
        yield from state_code(report, "state", report.state)
        found = instruments.get(report.instrument)
        if found is None:
            yield Problem.of(report, "instrument", f"unknown instrument {report.instrument!r}")
            continue
        if found[1].report is None:
            yield Problem.of(report, "instrument", f"{report.instrument} asks for no national report")
        bound = consents.get((report.state, report.instrument))
        if bound is None:
            yield Problem.of(report, "state", f"{report.state} is not a party to {report.instrument}")
        elif bound > report.received:
            yield Problem.of(
                report, "received", f"{report.state} became a party to {report.instrument} only on {bound}"
            )

    # Finance
    assessed = {(c.body, c.state, c.year) for c in package.assessed_contributions}
    for contribution in package.assessed_contributions:
        yield from body_of(contribution)
        yield from state_code(contribution, "state", contribution.state)
        yield from member(contribution, "state", contribution.body, contribution.state)
    for payment in package.payments:
        yield from body_of(payment)
        yield from state_code(payment, "state", payment.state)
        if (payment.body, payment.state, payment.year) not in assessed:
            yield Problem.of(
                payment, "year", f"{payment.state} has no assessed contribution for {payment.year} to pay"
            )
    for entry in package.working_capital_fund:
        yield from body_of(entry)
        yield from state_code(entry, "state", entry.state)
    for account in package.closed_accounts:
        yield from body_of(account)
    for appointment in package.staff:
        yield from body_of(appointment)
