"""``docgen``: the command line, a thin shell over :mod:`meetings` and :mod:`docgen`.

Every command that reads data takes a SOURCE: a package folder, or ``--db URL`` for a store
(``DATABASE_URL`` or the SQLite default when ``--db`` is given without a package).
Exit status: 0 on success, 1 when the data or the command's input is refused, 2 on misuse.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from docgen import builders, render
from docgen.cli_i18n import i18n
from docgen.export import FORMATS, ExportError, export_documents
from docgen.i18n import LANGUAGES, format_date, format_money, format_percent
from docgen.pdf import ConversionError, convert_to_pdf
from docgen.styles import reference_bytes
from meetings import access, stats
from meetings.model import Package
from meetings.package import dump_package, json_schema, load_package
from meetings.problems import PackageError
from meetings.store import Store, StoreEmpty, StoreNotEmpty, default_url

console = Console()
errors = Console(stderr=True, soft_wrap=True)


def _fail(message: str) -> None:
    errors.print(f"[bold red]error:[/] {message}", highlight=False)
    sys.exit(1)


def _report(error: PackageError, source: str) -> None:
    errors.print(f"[bold red]{source}: {len(error.problems)} problem(s)[/]", highlight=False)
    for problem in error.problems:
        errors.print(f"  {problem}", highlight=False, markup=False)
    sys.exit(1)


def _open_store(url: str | None) -> Store:
    try:
        return Store(url or default_url())
    except Exception as error:  # the driver's own exception types vary by database
        _fail(f"cannot open the database {url or default_url()}: {error}")
        raise  # unreachable: _fail exits


@contextlib.contextmanager
def _accounts(db: str | None):
    """The store of ``db`` for the users commands: closed after, and its refusals an exit 1."""
    store = _open_store(db)
    try:
        yield store
    except access.AccountError as error:
        _fail(str(error))
    finally:
        store.close()


def read_source(package: str | None, db: str | None) -> Package:
    """The package named on the command line: a folder, or the store at ``db``."""
    if package and db:
        raise click.UsageError("give either a PACKAGE folder or --db, not both")
    if package:
        try:
            return load_package(package)
        except PackageError as error:
            _report(error, package)
    store = _open_store(db)
    try:
        return store.read_package()
    except StoreEmpty as error:
        _fail(str(error))
    finally:
        store.close()
    raise AssertionError("unreachable")


db_option = click.option(
    "--db", "db", metavar="URL", help="Database URL (default: DATABASE_URL, else sqlite:///var/meetings.db)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="treaty-docgen")
def main() -> None:
    """Meetings, official documents and finances of a treaty secretariat, in six languages."""


@main.command()
@click.argument("package", type=click.Path(file_okay=False))
def check(package: str) -> None:
    """Check a data package: every problem with its file, line, record and field."""
    try:
        loaded = load_package(package)
    except PackageError as error:
        _report(error, package)
    counts = ", ".join(
        f"{len(getattr(loaded, name))} {name.replace('_', ' ')}"
        for name in Package.model_fields
        if isinstance(getattr(loaded, name), list)
    )
    console.print(f"{package}: no problems ({counts})", highlight=False)


@main.command("list")
@click.argument("package", required=False, type=click.Path(file_okay=False))
@db_option
def list_command(package: str | None, db: str | None) -> None:
    """The meetings and their documents, with the kinds that can be built."""
    data = read_source(package, db)
    table = Table(title=f"{data.name}: meetings and documents")
    for column in ("Meeting", "Dates", "Document", "Kind", "Buildable"):
        table.add_column(column, no_wrap=column != "Kind")
    for meeting in data.meetings:
        dates = meeting.start.isoformat() + (f"/{meeting.end:%d}" if meeting.end != meeting.start else "")
        if not meeting.documents:
            table.add_row(meeting.id, dates, "–", "–", "")
        for index, document in enumerate(meeting.documents):
            table.add_row(
                meeting.id if index == 0 else "",
                dates if index == 0 else "",
                document.symbol,
                document.kind.value,
                "yes" if builders.buildable(document) else "",
            )
    console.print(table)


@main.command()
@click.argument("package", required=False, type=click.Path(file_okay=False))
@db_option
@click.option("--meeting", "meeting_id", required=True, help="The meeting's id (see docgen list).")
@click.option(
    "--doc", "document", required=True, help="The document's kind (agenda, isu-report …) or symbol."
)
@click.option(
    "--lang", required=True, type=click.Choice(["ar", "zh", "en", "fr", "ru", "es"]), help="The language."
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The file to write: .docx, or .pdf (through LibreOffice).",
)
@click.option(
    "--reference",
    type=click.Path(exists=True, dir_okay=False),
    help="A reference .docx whose styles the document takes (see docgen reference-docx).",
)
@click.option(
    "--allow-missing",
    is_flag=True,
    help="Mark a text missing in the language visibly instead of refusing to build.",
)
def build(package, db, meeting_id, document, lang, output, reference, allow_missing) -> None:
    """Build one document of a meeting in one language."""
    data = read_source(package, db)
    target = Path(output)
    if target.suffix.lower() not in (".docx", ".pdf"):
        raise click.UsageError(f"{output}: the output is a .docx or a .pdf file")
    try:
        built = builders.build_document(data, meeting_id, document, lang, allow_missing=allow_missing)
    except builders.DocumentError as error:
        _fail(str(error))
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed into place: never a half-written file.
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".docgen-") as staging:
        docx_file = Path(staging) / (target.stem + ".docx")
        render.save(built, docx_file, reference)
        result = docx_file
        if target.suffix.lower() == ".pdf":
            try:
                result = convert_to_pdf([docx_file], staging)[0]
            except ConversionError as error:
                _fail(str(error))
        os.replace(result, target)
    console.print(f"wrote {target}", highlight=False)


def _choices(value: str, allowed: tuple[str, ...], what: str) -> list[str]:
    chosen = list(allowed) if value == "all" else [part.strip() for part in value.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in allowed]
    if unknown or not chosen:
        raise click.BadParameter(f"{', '.join(unknown) or value!r}: {what} are {', '.join(allowed)} or all")
    return chosen


@main.command()
@click.argument("package", required=False, type=click.Path(file_okay=False))
@db_option
@click.option("--meeting", "meetings", multiple=True, help="A meeting's id; repeat for several.")
@click.option("--all", "all_meetings", is_flag=True, help="Every meeting of the package.")
@click.option(
    "--lang", "languages", default="all", show_default=True, help="all, or a list such as ar,zh,en."
)
@click.option("--format", "formats", default="docx,pdf", show_default=True, help="docx, pdf or both.")
@click.option(
    "--out", required=True, type=click.Path(file_okay=False), help="The folder to write (replaced whole)."
)
@click.option(
    "--zip", "zip_file", type=click.Path(dir_okay=False), help="Also write the folder as this .zip."
)
@click.option(
    "--incremental",
    is_flag=True,
    help="Keep the files whose data and styles are unchanged since OUT's manifest.",
)
@click.option(
    "--keep-going", is_flag=True, help="Export the other documents when one fails (exit 1 all the same)."
)
@click.option("--allow-missing", is_flag=True, help="Mark texts missing in a language instead of failing.")
@click.option(
    "--reference", type=click.Path(exists=True, dir_okay=False), help="A reference .docx for the styles."
)
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
def export(
    package,
    db,
    meetings,
    all_meetings,
    languages,
    formats,
    out,
    zip_file,
    incremental,
    keep_going,
    allow_missing,
    reference,
    quiet,
) -> None:
    """Export every document of meetings in every language, with a manifest, all at once."""
    if bool(meetings) == all_meetings:
        raise click.UsageError("name meetings with --meeting ID (repeatable), or give --all")
    data = read_source(package, db)
    langs = _choices(languages, LANGUAGES, "languages")
    kinds = _choices(formats, FORMATS, "formats")
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, disable=quiet, transient=True) as bar:
        tasks: dict[str, object] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(
                    "rendering .docx" if stage == "docx" else "converting to PDF", total=total
                )
            bar.update(tasks[stage], completed=done)

        try:
            result = export_documents(
                data,
                out,
                meetings=None if all_meetings else meetings,
                languages=langs,
                formats=kinds,
                zip_file=zip_file,
                incremental=incremental,
                keep_going=keep_going,
                allow_missing=allow_missing,
                reference=reference,
                progress=progress,
            )
        except ExportError as error:
            _fail(f"{error}; nothing was written to {out}")
        except ConversionError as error:
            _fail(f"{error}; nothing was written to {out}")
    if not quiet:
        built = len(result.entries) - result.skipped
        counts = f"{built} written, {result.skipped} unchanged"
        zipped = f", zipped as {result.zip_file}" if result.zip_file else ""
        console.print(
            f"exported {len(result.entries)} files to {result.out} ({counts}){zipped}", highlight=False
        )
    if result.failures:
        for symbol, lang, error in result.failures:
            errors.print(f"  failed: {symbol} ({lang}): {error}", highlight=False, markup=False)
        _fail(f"{len(result.failures)} document(s) failed; the others were exported")


@main.group()
def users() -> None:
    """The dashboard's accounts: with none, it runs as a single local secretariat session."""


_ROLES = click.Choice([role.value for role in access.Role])


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=_ROLES, help="secretariat, office-holder or viewer.")
@click.option("--finance", is_flag=True, help="An office holder who may see the finances.")
@db_option
def users_add(name: str, role: str, finance: bool, db: str | None) -> None:
    """Add an account; the password is asked for (or read from standard input)."""
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    with _accounts(db) as store:
        access.add_account(store, name, access.Role(role), password, finance=finance)
    console.print(f"added {name} ({role}{', finance' if finance else ''})", highlight=False)


@users.command("list")
@db_option
def users_list(db: str | None) -> None:
    """The accounts and their roles."""
    with _accounts(db) as store:
        accounts = access.list_accounts(store)
    if not accounts:
        console.print(
            "no accounts: the dashboard runs as a single local secretariat session", highlight=False
        )
    for account in accounts:  # tab-separated, for scripts
        click.echo("\t".join([account.name, account.role.value, *(["finance"] if account.finance else [])]))


@users.command("remove")
@click.argument("name")
@db_option
def users_remove(name: str, db: str | None) -> None:
    """Remove an account."""
    with _accounts(db) as store:
        access.remove_account(store, name)
    console.print(f"removed {name}", highlight=False)


@users.command("set-role")
@click.argument("name")
@click.argument("role", type=_ROLES)
@click.option("--finance/--no-finance", default=None, help="Whether an office holder may see the finances.")
@db_option
def users_set_role(name: str, role: str, finance: bool | None, db: str | None) -> None:
    """Change an account's role."""
    with _accounts(db) as store:
        account = access.set_role(store, name, access.Role(role), finance=finance)
    console.print(
        f"{account.name} is now {account.role.value}{', finance' if account.finance else ''}", highlight=False
    )


@main.command("reference-docx")
@click.argument("output", type=click.Path(dir_okay=False))
def reference_docx(output: str) -> None:
    """Write the default reference .docx, whose styles a secretariat may change and pass to build."""
    Path(output).write_bytes(reference_bytes())
    console.print(
        f"wrote {output}: change its styles, then docgen build --reference {output}", highlight=False
    )


@main.command()
def schema() -> None:
    """Print the JSON Schema of a data package (docs/data-package.schema.json)."""
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@main.group()
def db() -> None:
    """Load a package into the database, or dump the database to a package."""


@db.command("load")
@click.argument("package", type=click.Path(file_okay=False))
@db_option
@click.option("--replace", is_flag=True, help="Replace the package the database holds already.")
def db_load(package: str, db: str | None, replace: bool) -> None:
    """Check PACKAGE and load it into the database, all of it or nothing."""
    try:
        loaded = load_package(package)
    except PackageError as error:
        _report(error, package)
    store = _open_store(db)
    try:
        store.load_package(loaded, replace=replace)
    except StoreNotEmpty as error:
        _fail(f"{error} with --replace")
    finally:
        store.close()
    console.print(
        f"loaded {package} into {store.engine.url.render_as_string(hide_password=True)}", highlight=False
    )


@db.command("dump")
@click.argument("outdir", type=click.Path(file_okay=False))
@db_option
def db_dump(outdir: str, db: str | None) -> None:
    """Write the database's package to OUTDIR, a new folder."""
    package = read_source(None, db)
    try:
        dump_package(package, outdir)
    except FileExistsError as error:
        _fail(str(error))
    console.print(f"dumped package {package.name} to {outdir}", highlight=False)


def _money(amount: Decimal) -> str:
    return format_money(amount, "en", decimals=2)


def _percent(share: stats.Share, places: int) -> str:
    return "–" if share.ratio is None else format_percent(share.ratio, "en", decimals=places, in_table=True)


def _date(date: dt.date) -> str:
    return format_date(date, "en")


@main.command("stats")
@click.argument("package", required=False, type=click.Path(file_okay=False))
@db_option
@click.option("--body", help="The treaty body (default: the package's first).")
@click.option("--year", type=int, help="The year (default: the latest year with national reports).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats_command(
    package: str | None, db: str | None, body: str | None, year: int | None, as_json: bool
) -> None:
    """The figures of the annual report: national reports, contributions, balances, sponsorship."""
    data = read_source(package, db)
    if not data.bodies:
        _fail("the package has no treaty body")
    body = body or data.bodies[0].code
    if body not in {b.code for b in data.bodies}:
        _fail(f"no body {body!r}; the package has: {', '.join(b.code for b in data.bodies)}")
    years = [report.year for report in data.national_reports]
    year = year or (max(years) if years else dt.date.today().year)

    this_year = stats.reporting_rates(data, body, year)
    last_year = {rate.instrument: rate for rate in stats.reporting_rates(data, body, year - 1)}
    status = stats.contribution_status(data, body, year)
    closed = stats.closed_accounts_balance(data, body, before=year)
    fund = stats.working_capital_fund_balance(data, body, status.as_of)
    sponsorship = stats.sponsorship_summary(data, [m.id for m in data.meetings if m.start.year == year])

    if as_json:
        figures = {
            "body": body,
            "year": year,
            "national_reports": [
                {
                    "instrument": r.instrument,
                    "year": r.year,
                    "as_of": r.as_of.isoformat(),
                    "reports": r.reports,
                    "parties": r.parties,
                    "percent": str(r.share.percent()),
                }
                for r in [*this_year, *last_year.values()]
            ],
            "contributions": {
                "as_of": status.as_of.isoformat(),
                "assessed": str(status.assessed),
                "received": str(status.received),
                "outstanding": str(status.outstanding),
                "percent_received": str(status.share_received.percent(1)),
            },
            "closed_accounts": {
                "first_year": closed.first_year,
                "last_year": closed.last_year,
                "balance": str(closed.balance),
            },
            "working_capital_fund": {"as_of": status.as_of.isoformat(), "balance": str(fund)},
            "sponsorship": {
                "applications": sponsorship.applications,
                "by_status": sponsorship.by_status,
                "sponsored_by_regional_group": sponsorship.by_regional_group,
                "sponsored_by_gender": sponsorship.by_gender,
                "cost": str(sponsorship.cost),
                "funds": str(sponsorship.funds),
            },
        }
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return

    reports = Table(title=f"{body}: national annual reports")
    for column in (
        "Instrument",
        f"{year}: reports",
        "parties",
        "rate",
        f"{year - 1}: reports",
        "parties",
        "rate",
    ):
        reports.add_column(column, justify="left" if column == "Instrument" else "right")
    for rate in this_year:
        before = last_year.get(rate.instrument)
        reports.add_row(
            rate.instrument,
            str(rate.reports),
            str(rate.parties),
            _percent(rate.share, 0),
            *(
                (str(before.reports), str(before.parties), _percent(before.share, 0))
                if before
                else ("–",) * 3
            ),
        )
    reports.caption = f"as at {_date(this_year[0].as_of)}" if this_year else None
    console.print(reports)

    money = Table(title=f"{body}: finance")
    money.add_column("Figure")
    money.add_column("Amount", justify="right")
    money.add_row(f"Assessed for {year}", _money(status.assessed))
    money.add_row(f"Received by {_date(status.as_of)}", _money(status.received))
    money.add_row("Share of the assessed received", _percent(status.share_received, 1))
    money.add_row("Outstanding", _money(status.outstanding))
    if closed.first_year is not None:
        money.add_row(
            f"Closed accounts {closed.first_year}–{closed.last_year}: balance", _money(closed.balance)
        )
    money.add_row(f"Working Capital Fund on {_date(status.as_of)}: balance", _money(fund))
    console.print(money)

    sponsored = Table(title=f"{body}: sponsorship programme, meetings of {year}")
    sponsored.add_column("Figure")
    sponsored.add_column("Value", justify="right")
    sponsored.add_row("Applications", str(sponsorship.applications))
    for label, counts in (
        ("by status", sponsorship.by_status),
        ("sponsored, by regional group", sponsorship.by_regional_group),
        ("sponsored, by gender", sponsorship.by_gender),
    ):
        sponsored.add_row(label.capitalize(), ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "–")
    sponsored.add_row("Cost of the sponsored delegates", _money(sponsorship.cost))
    sponsored.add_row("Contributions from donors", _money(sponsorship.funds))
    console.print(sponsored)


main.add_command(i18n)

if __name__ == "__main__":
    main()
