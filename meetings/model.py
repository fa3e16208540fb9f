"""The domain: treaty bodies, States, meetings, officers, sponsorship, reports and finance.

Every record is a pydantic model checked on its own (types, required fields, one record's
own consistency such as an end not before its start). Checks that look across records
(references, membership, uniqueness) live in :mod:`meetings.validation`.

Multilingual text is a :data:`Text`: a mapping from the six UN languages to strings.

>>> Meeting.model_validate({"id": "m", "body": "CCW", "kind": "meeting-of-parties",
...     "title": {"en": "Meeting"}, "start": "2022-11-18", "end": "2022-11-16",
...     "symbol_series": "CCW/MSP/2022"})
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Meeting
end
  Value error, ends on 2022-11-16, before it starts on 2022-11-18 ...
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
)

#: The six official languages of the United Nations, in the UN's own order.
LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]

# Characters XML 1.0 cannot hold: a .docx with one of them is corrupt, so they are refused at
# the door rather than discovered when a document is generated.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def find_xml_illegal(text: str) -> str | None:
    """Return a description of the first character XML cannot hold, or None.

    >>> find_xml_illegal("Geneva")
    >>> find_xml_illegal("Gen\\x0beva")
    'control character U+000B at position 4'
    """
    match = _XML_ILLEGAL.search(text)
    if match is None:
        return None
    return f"control character U+{ord(match.group()):04X} at position {match.start() + 1}"


def _plain_text(value: str) -> str:
    problem = find_xml_illegal(value)
    if problem:
        raise ValueError(f"contains a {problem}, which documents cannot hold")
    return value


def _text(value: dict[str, str]) -> dict[str, str]:
    if not value:
        raise ValueError("needs the text in at least one of the six languages")
    # Keep the UN order so that dumps are stable whatever order the text was typed in.
    return {lang: value[lang] for lang in LANGUAGES if lang in value}


Str = Annotated[str, Field(min_length=1), AfterValidator(_plain_text)]
Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
StateCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Text = Annotated[dict[Language, Str], AfterValidator(_text)]
#: A UN document symbol: CCW/MSP/2022/4, CCW/CONF.VI/11.
Symbol = Annotated[str, Field(max_length=80, pattern=r"^[A-Z][A-Za-z0-9.]*(/[A-Za-z0-9.()-]+)+$")]
Amount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]


def _year(value: int) -> int:
    if not 1945 <= value <= 2200:
        raise ValueError(f"{value} is not a plausible year")
    return value


Year = Annotated[int, AfterValidator(_year)]


@dataclass(frozen=True)
class Source:
    """Where a record came from, so that an error can send the user to it."""

    file: str
    line: int | None = None
    #: The line of each field, where the record spans several (YAML).
    field_lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, field_name: str | None) -> int | None:
        return self.field_lines.get(field_name, self.line) if field_name else self.line

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}" if self.line else self.file


class Record(BaseModel):
    """Base of every record: strict about unknown fields, remembers where it came from."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    _source: Source | None = PrivateAttr(default=None)
    #: What the user calls one such record ("meeting", "nomination") in error messages.
    noun: ClassVar[str] = "record"
    #: The fields that identify the record, for messages and uniqueness checks.
    key_fields: ClassVar[tuple[str, ...]] = ()

    def __eq__(self, other: object) -> bool:
        # Two records are equal when their data are: where each was read from does not count.
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, like every pydantic model

    @property
    def key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.key_fields)

    @property
    def file_stem(self) -> str:
        """The name of the file the record is kept in, where it has one of its own."""
        return str(self.key[0])

    @property
    def identity(self) -> str:
        """'nomination ccw-2022-president', as error messages name the record."""
        if not self.key_fields:
            return self.noun
        return f"{self.noun} " + " ".join(str(part) for part in self.key)


def _not_before(start_field: str, verb: str = "ends"):
    def check(value, info: ValidationInfo):
        start = info.data.get(start_field)
        if value is not None and start is not None and value < start:
            raise ValueError(f"{verb} on {value}, before it starts on {start}")
        return value

    return check


# Bodies ------------------------------------------------------------------------------------


class RegionalGroup(Record):
    """A group of States that takes its turn for officer posts (EEG, NAM, WEOG, China)."""

    noun = "regional group"
    key_fields = ("code",)
    code: Code
    name: Text


class Instrument(Record):
    """The Convention or one of its protocols, to which States consent to be bound.

    ``report`` names the national annual report due under it, where one is due
    (the compliance report under the Convention itself).
    """

    noun = "instrument"
    key_fields = ("code",)
    code: Code
    name: Text
    report: Text | None = None


class OfficerPostKind(Record):
    """A kind of office: President, Vice-President, Chair, Coordinator …"""

    noun = "officer post"
    key_fields = ("code",)
    code: Code
    name: Text


class CutOffDates(Record):
    """The dates at which a year's figures are taken for the annual report of the unit."""

    noun = "cut-off dates"
    key_fields = ("year",)
    year: Year
    national_reports: dt.date
    contributions: dt.date


class Body(Record):
    """A treaty body such as the CCW: its groups, instruments, offices and symbols."""

    noun = "body"
    key_fields = ("code",)
    code: Code
    name: Text
    short_name: Text
    symbol_root: Str
    regional_groups: list[RegionalGroup] = []
    instruments: list[Instrument] = []
    officer_posts: list[OfficerPostKind] = []
    cut_off_dates: list[CutOffDates] = []


# States ------------------------------------------------------------------------------------


class State(Record):
    """A State as one body sees it: which regional group it belongs to.

    Its names come from CLDR (:func:`meetings.states.state_name`), never from here.
    """

    noun = "State"
    key_fields = ("code", "body")
    code: StateCode
    body: Code
    regional_group: Code


class ConsentMeans(StrEnum):
    RATIFICATION = "ratification"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    #: The protocols of the CCW are taken on by a notification of consent to be bound
    #: (article 4(3) of the Convention), not by ratification.
    NOTIFICATION = "notification"


class Consent(Record):
    """A State's consent to be bound by an instrument, on the date it was deposited."""

    noun = "consent to be bound"
    key_fields = ("state", "instrument")
    state: StateCode
    instrument: Code
    date: dt.date
    means: ConsentMeans


# Meetings ----------------------------------------------------------------------------------


class MeetingKind(StrEnum):
    MEETING_OF_PARTIES = "meeting-of-parties"
    REVIEW_CONFERENCE = "review-conference"
    GROUP_OF_GOVERNMENTAL_EXPERTS = "group-of-governmental-experts"
    MEETING_OF_EXPERTS = "meeting-of-experts"
    PROTOCOL_CONFERENCE = "protocol-conference"


class DocumentKind(StrEnum):
    AGENDA = "agenda"
    PROGRAMME_OF_WORK = "programme-of-work"
    SPONSORSHIP_REPORT = "sponsorship-report"
    ISU_REPORT = "isu-report"
    ESTIMATED_COSTS = "estimated-costs"
    FINAL_REPORT = "final-report"
    OTHER = "other"


class Distribution(StrEnum):
    GENERAL = "general"
    LIMITED = "limited"
    RESTRICTED = "restricted"


class Person(Record):
    noun = "person"
    name: Str
    state: StateCode | None = None


class AgendaSubItem(Record):
    noun = "agenda sub-item"
    key_fields = ("label",)
    label: Annotated[str, Field(pattern=r"^[a-z]{1,3}$")]
    title: Text


class AgendaItem(Record):
    noun = "agenda item"
    key_fields = ("number",)
    number: Annotated[int, Field(ge=1, le=200)]
    title: Text
    sub_items: list[AgendaSubItem] = []


class Document(Record):
    """An official document of a meeting, issued under its own symbol."""

    noun = "document"
    key_fields = ("symbol",)
    symbol: Symbol
    kind: DocumentKind
    title: Text | None = None
    original_language: Language = "en"
    distribution: Distribution = Distribution.GENERAL
    issued: dt.date | None = None
    #: The UN Office at Geneva's job number of each language version ("GE.22-12345").
    job_numbers: dict[Language, Annotated[str, Field(pattern=r"^[A-Z]{1,3}\.\d{2}-\d{4,6}$")]] = {}
    agenda_item: int | None = None


class Period(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


class Sitting(Record):
    """One sitting of the programme of work and the agenda items it takes up."""

    noun = "sitting"
    key_fields = ("date", "period")
    date: dt.date
    period: Period
    start: dt.time
    end: dt.time
    agenda_items: list[int] = []
    note: Text | None = None

    _end_after_start = field_validator("end")(_not_before("start"))


class Meeting(Record):
    """A meeting of a treaty body, with its agenda, programme of work and documents."""

    noun = "meeting"
    key_fields = ("id",)
    id: Code
    body: Code
    kind: MeetingKind
    title: Text
    start: dt.date
    end: dt.date
    venue: Text | None = None
    room: Str | None = None
    symbol_series: Str
    president: Person | None = None
    agenda: list[AgendaItem] = []
    programme_of_work: list[Sitting] = []
    documents: list[Document] = []

    _end_after_start = field_validator("end")(_not_before("start"))


# The text of reports -------------------------------------------------------------------------


class ReportParagraph(Record):
    """A numbered paragraph of a report, in each language, and its lettered sub-items.

    The text may hold placeholders, ``{name}``, which the document's builder fills with
    figures computed from the data and formatted for the language, and footnotes written
    inline, ``^[text of the note]``, numbered when the document is built.
    """

    noun = "paragraph"
    key_fields = ("id",)
    id: Code
    text: Text
    items: list[Text] = []


class ReportChapter(Record):
    noun = "chapter"
    key_fields = ("id",)
    id: Code
    title: Text
    paragraphs: list[ReportParagraph] = []


class DocumentText(Record):
    """The prose of a report issued under ``symbol``: its chapters and paragraphs in each language.

    The same structure serves all six versions, so that they have the same chapters,
    paragraphs and footnotes.
    """

    noun = "document text"
    key_fields = ("symbol",)
    symbol: Symbol
    #: The period the report covers, where it says so.
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    #: The note on the masthead's "Submitted by …*" line (a processing note), if any.
    submitted_note: Text | None = None
    chapters: list[ReportChapter] = []

    _end_after_start = field_validator("period_end")(_not_before("period_start"))

    @property
    def file_stem(self) -> str:
        # A symbol's slashes cannot stand in a file name: CCW/MSP/2022/4 → CCW-MSP-2022-4.
        return self.symbol.replace("/", "-")


# Officers ----------------------------------------------------------------------------------


class NominationStatus(StrEnum):
    VACANT = "vacant"
    NOMINATED = "nominated"
    CONFIRMED = "confirmed"


class Nomination(Record):
    """One seat of an office for a meeting or a year, the group whose turn it is, and who fills it."""

    noun = "nomination"
    key_fields = ("id",)
    id: Code
    body: Code
    post: Code
    year: Year
    meeting: Code | None = None
    regional_group: Code
    status: NominationStatus
    nominee: Str | None = None
    state: StateCode | None = None
    nominated_on: dt.date | None = None
    # Checked even when left empty: a confirmed nomination must say when.
    confirmed_on: dt.date | None = Field(default=None, validate_default=True)

    _confirmed_after_nominated = field_validator("confirmed_on")(
        _not_before("nominated_on", verb="is confirmed")
    )

    @field_validator("confirmed_on")
    @classmethod
    def _status_matches(cls, value, info: ValidationInfo):
        data = info.data
        status = data.get("status")
        if status == NominationStatus.VACANT and (data.get("nominee") or data.get("state")):
            raise ValueError("a vacant post has no nominee and no State; set status to nominated")
        if status in (NominationStatus.NOMINATED, NominationStatus.CONFIRMED) and not (
            data.get("nominee") and data.get("state")
        ):
            raise ValueError(f"a {status.value} post needs both the nominee and the State")
        if status == NominationStatus.CONFIRMED and value is None:
            raise ValueError("a confirmed nomination needs the date it was confirmed")
        return value


# Sponsorship -------------------------------------------------------------------------------


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class ApplicationStatus(StrEnum):
    RECEIVED = "received"
    ELIGIBLE = "eligible"
    SELECTED = "selected"
    DECLINED = "declined"
    ATTENDED = "attended"


class SponsorshipApplication(Record):
    """A State's application for a delegate to be sponsored to attend a meeting."""

    noun = "sponsorship application"
    key_fields = ("id",)
    id: Code
    meeting: Code
    state: StateCode
    delegate: Str
    gender: Gender
    status: ApplicationStatus
    received_on: dt.date
    cost: Amount | None = None


class SponsorshipContribution(Record):
    """A donor's contribution to the sponsorship programme, in US dollars."""

    noun = "sponsorship contribution"
    key_fields = ("donor", "date")
    donor: StateCode
    date: dt.date
    amount: Amount


# National annual reports -------------------------------------------------------------------


class NationalReport(Record):
    """A national annual report received from a State under an instrument for a year."""

    noun = "national report"
    key_fields = ("state", "instrument", "year")
    state: StateCode
    instrument: Code
    year: Year
    received: dt.date


# Finance -----------------------------------------------------------------------------------


class AssessedContribution(Record):
    """What a State is assessed for a year's activities under a body, in US dollars."""

    noun = "assessed contribution"
    key_fields = ("body", "state", "year")
    body: Code
    state: StateCode
    year: Year
    amount: Amount


class Payment(Record):
    """A payment received from a State against its assessed contribution for a year."""

    noun = "payment"
    key_fields = ("body", "state", "year", "date")
    body: Code
    state: StateCode
    year: Year
    date: dt.date
    amount: Amount


class WorkingCapitalFundEntryKind(StrEnum):
    CONTRIBUTION = "contribution"
    ADVANCE = "advance"
    REIMBURSEMENT = "reimbursement"


class WorkingCapitalFundEntry(Record):
    """A movement of the voluntary Working Capital Fund.

    Contributions from States and reimbursements of advances add to the balance; advances
    to the body's account (when assessed contributions arrive late) draw on it.
    """

    noun = "Working Capital Fund entry"
    key_fields = ("body", "date", "kind", "state")
    body: Code
    date: dt.date
    kind: WorkingCapitalFundEntryKind
    state: StateCode | None = Field(default=None, validate_default=True)
    amount: Amount

    @field_validator("state")
    @classmethod
    def _contribution_has_state(cls, value, info: ValidationInfo):
        if info.data.get("kind") == WorkingCapitalFundEntryKind.CONTRIBUTION and value is None:
            raise ValueError("a contribution names the State that made it")
        return value


class ClosedAccount(Record):
    """A financial year whose account is closed, with what it received and spent."""

    noun = "closed account"
    key_fields = ("body", "year")
    body: Code
    year: Year
    income: Amount
    expenditure: Amount
    closed_on: dt.date


# The unit's staff ------------------------------------------------------------------------


class Contract(StrEnum):
    TEMPORARY = "temporary"
    FIXED_TERM = "fixed-term"
    CONTINUING = "continuing"


class StaffAppointment(Record):
    """A post of the secretariat filled for a time: its grade, function and contract."""

    noun = "staff appointment"
    key_fields = ("body", "grade", "start")
    body: Code
    #: The UN grade, as the English documents write it: P-3, P-4, D-1, G-5.
    grade: Annotated[str, Field(pattern=r"^(P|D|G)-[1-7]$")]
    #: What the post is for, as a code: head, officer, assistant …
    function: Code
    contract: Contract
    start: dt.date
    end: dt.date | None = None

    _end_after_start = field_validator("end")(_not_before("start"))


# The whole package -------------------------------------------------------------------------


class Package(Record):
    """All the data of one secretariat: what a data package folder and a store hold."""

    noun = "package"
    name: Code
    title: Text
    bodies: list[Body] = []
    meetings: list[Meeting] = []
    document_texts: list[DocumentText] = []
    states: list[State] = []
    consents: list[Consent] = []
    nominations: list[Nomination] = []
    sponsorship_applications: list[SponsorshipApplication] = []
    sponsorship_contributions: list[SponsorshipContribution] = []
    national_reports: list[NationalReport] = []
    assessed_contributions: list[AssessedContribution] = []
    payments: list[Payment] = []
    working_capital_fund: list[WorkingCapitalFundEntry] = []
    closed_accounts: list[ClosedAccount] = []
    staff: list[StaffAppointment] = []

    # Bodies and meetings are files in a folder, which has no order of its own: keep them in
    # the order people look for them, bodies by code and meetings by date.
    @field_validator("bodies")
    @classmethod
    def _bodies_by_code(cls, bodies: list[Body]) -> list[Body]:
        return sorted(bodies, key=lambda body: body.code)

    @field_validator("meetings")
    @classmethod
    def _meetings_by_date(cls, meetings: list[Meeting]) -> list[Meeting]:
        return sorted(meetings, key=lambda meeting: (meeting.start, meeting.id))

    @field_validator("document_texts")
    @classmethod
    def _texts_by_symbol(cls, texts: list[DocumentText]) -> list[DocumentText]:
        return sorted(texts, key=lambda text: text.file_stem)


#: The tables a secretariat keeps as spreadsheets: package field → (CSV file, record model).
TABLES: dict[str, tuple[str, type[Record]]] = {
    "states": ("states.csv", State),
    "consents": ("consents.csv", Consent),
    "nominations": ("nominations.csv", Nomination),
    "sponsorship_applications": ("sponsorship_applications.csv", SponsorshipApplication),
    "sponsorship_contributions": ("sponsorship_contributions.csv", SponsorshipContribution),
    "national_reports": ("national_reports.csv", NationalReport),
    "assessed_contributions": ("assessed_contributions.csv", AssessedContribution),
    "payments": ("payments.csv", Payment),
    "working_capital_fund": ("working_capital_fund.csv", WorkingCapitalFundEntry),
    "closed_accounts": ("closed_accounts.csv", ClosedAccount),
    "staff": ("staff.csv", StaffAppointment),
}

#: The nested records kept as one YAML file each, in a folder: package field → (folder, model).
DOCUMENTS: dict[str, tuple[str, type[Record]]] = {
    "bodies": ("bodies", Body),
    "meetings": ("meetings", Meeting),
    "document_texts": ("documents", DocumentText),
}
