"""The documentation keeps up with the code: every command, option, file and column."""

from __future__ import annotations

import json
import re

import click
import pytest
from conftest import ROOT

from docgen.cli import main
from meetings.model import DOCUMENTS, TABLES, Package
from meetings.package import json_schema

README = (ROOT / "README.md").read_text("utf-8")
DATA_PACKAGE = (ROOT / "docs" / "data-package.md").read_text("utf-8")


def _commands(group: click.Group, prefix: str = "docgen"):
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from _commands(command, path)
        else:
            yield path, command


COMMANDS = list(_commands(main))


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[path for path, _ in COMMANDS])
def test_every_command_and_option_is_in_the_readme(path, command):
    assert f"`{path}" in README, f"{path} is not in the README's command table"
    row = next(line for line in README.splitlines() if line.startswith(f"| `{path}"))
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            assert parameter.opts[0] in row, f"{parameter.opts[0]} of {path} is not documented"


def test_every_file_and_column_of_a_package_is_documented():
    for _field, (file, model) in TABLES.items():
        section = DATA_PACKAGE.split(f"### {file}")[1].split("###")[0]
        for column in model.model_fields:
            assert f"| `{column}` |" in section, f"{file}: column {column} is not documented"
    for _field, (folder, model) in DOCUMENTS.items():
        section = DATA_PACKAGE.split(f"## {folder}/")[1].split("\n## ")[0]
        for name in model.model_fields:
            assert re.search(rf"`{name}`", section), f"{folder}: field {name} is not documented"
    assert set(Package.model_fields) - {"name", "title"} == set(TABLES) | set(DOCUMENTS)


def test_the_committed_json_schema_is_the_generated_one():
    committed = json.loads((ROOT / "docs" / "data-package.schema.json").read_text("utf-8"))
    assert committed == json_schema(), "regenerate it: docgen schema > docs/data-package.schema.json"


def test_the_readme_commands_are_the_ones_ci_runs():
    commands = re.findall(r"```sh\n(.+?)\n```", README)
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    test_command = next(command for command in commands if "pytest" in command)
    assert test_command in ci
