"""``docgen i18n``: commands for the translation catalogs.

The lead's ``docgen/cli.py`` attaches the group: ``main.add_command(i18n)``.
"""

from __future__ import annotations

from pathlib import Path

import click

from docgen.i18n import LOCALES_DIR, check_catalogs


@click.group("i18n")
def i18n() -> None:
    """The translation catalogs of the six languages (locales/<lang>/LC_MESSAGES)."""


@i18n.command("check")
@click.option(
    "--locales",
    "locales_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=LOCALES_DIR,
    show_default=True,
    help="The folder holding messages.pot and <lang>/LC_MESSAGES/messages.po.",
)
def check(locales_dir: Path) -> None:
    """List untranslated and fuzzy messages, and placeholders that differ; exit 1 if any."""
    problems = check_catalogs(locales_dir)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s) in the catalogs under {locales_dir}", err=True)
        raise SystemExit(1)
    click.echo(f"The catalogs under {locales_dir} are complete in all six languages.")
