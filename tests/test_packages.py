"""Data packages: the sample and the tiny package load; broken ones are refused precisely;
the round trip package → model → package is lossless."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PACKAGES, SAMPLE, TINY, materialize
from hypothesis import HealthCheck, given, settings
from strategies import packages

from docgen.cli import main
from meetings.package import dump_package, load_package, read_package, write_package
from meetings.problems import PackageError

BROKEN = sorted((PACKAGES / "broken").iterdir())


def test_there_are_at_least_twenty_broken_packages():
    assert len(BROKEN) >= 20


@pytest.mark.parametrize("case", BROKEN, ids=lambda path: path.name)
def test_a_broken_package_is_refused_naming_file_line_record_and_field(case: Path, tmp_path):
    folder = materialize(case, tmp_path)
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1, result.output
    for expected in case.joinpath("EXPECTED").read_text("utf-8").splitlines():
        assert expected in result.stderr
    assert "no problems" not in result.output


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    # Records are checked one by one first, then (when each is sound) against each other.
    folder = materialize(PACKAGES / "broken" / "impossible-date", tmp_path)
    folder.joinpath("payments.csv").write_text("body,state,year,date,amount\nXYZ,FRA,2022,2022-03-01,-1\n")
    with pytest.raises(PackageError) as raised:
        load_package(folder)
    assert {problem.file for problem in raised.value.problems} == {"consents.csv", "payments.csv"}

    folder = materialize(PACKAGES / "broken" / "unknown-state", tmp_path / "second")
    folder.joinpath("payments.csv").write_text("body,state,year,date,amount\nXYZ,FRA,2021,2022-03-01,1\n")
    with pytest.raises(PackageError) as raised:
        load_package(folder)
    assert {"states.csv", "payments.csv"} <= {problem.file for problem in raised.value.problems}


def test_the_sample_and_the_tiny_package_have_no_problems():
    assert load_package(SAMPLE).name == "ccw-2022"
    assert load_package(TINY).name == "tiny"


@pytest.mark.parametrize("folder", [SAMPLE, TINY], ids=["sample", "tiny"])
def test_package_model_package_is_lossless(folder, tmp_path):
    package = load_package(folder)
    first = dump_package(package, tmp_path / "first")
    again = load_package(first)
    assert again == package
    second = dump_package(again, tmp_path / "second")
    comparison = filecmp.dircmp(first, second)
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only
    for sub in comparison.subdirs.values():
        assert not sub.diff_files and not sub.left_only and not sub.right_only


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(package=packages)
def test_any_package_survives_the_round_trip_through_files(package, tmp_path_factory):
    folder = tmp_path_factory.mktemp("package")
    write_package(package, folder)
    assert read_package(folder) == package


def test_dump_refuses_a_folder_that_holds_files_and_leaves_it_alone(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        dump_package(load_package(TINY), target)
    assert [path.name for path in target.iterdir()] == ["keep.txt"]


def test_an_interrupted_dump_leaves_nothing_behind(tmp_path, monkeypatch):
    import meetings.package as module

    def fail_midway(package, folder):
        Path(folder, "package.yaml").write_text("partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(module, "write_package", fail_midway)
    with pytest.raises(KeyboardInterrupt):
        dump_package(load_package(TINY), tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_yaml_reads_norway_and_times_as_text(tmp_path):
    # YAML 1.1 would read NO as false and 10:30 as 630.
    folder = tmp_path / "pkg"
    write_package(load_package(TINY), folder)
    meeting = folder / "meetings" / "xyz-2022.yaml"
    meeting.write_text(meeting.read_text().replace("room: Room XIX", "room: NO"))
    package = load_package(folder)
    assert package.meetings[0].room == "NO"
    assert package.meetings[0].programme_of_work[0].start.isoformat() == "10:00:00"
