"""The front door: README commands, CI entry point, layout and paths."""

import os
import re
import subprocess

import pytest

from conftest import ROOT
from iran_russia.paths import DataNotFound, data_dir, project_root
from mutation_score import explained, outcomes, score
from run import NO_TESTS_COLLECTED, combined

BADGE = "urlpath=lab/tree/notebooks/00_start_here.ipynb"


def test_readme_gives_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^make (\w+)", readme, flags=re.MULTILINE)
    assert commands[:2] == ["lab", "test"]
    assert BADGE in readme


def run_ci_with_fake_tools(tmp_path, make_status=0):
    """Run .ci/run with `make` and `apt-get` replaced by scripts that log their calls."""
    fake = tmp_path / "bin"
    fake.mkdir()
    log = tmp_path / "calls.log"
    for tool, status in (("make", make_status), ("apt-get", 0)):
        script = fake / tool
        record = f'echo "{tool} $* REQUIRE_BROWSER=$REQUIRE_BROWSER" >> {log}'
        script.write_text(f"#!/bin/sh\n{record}\nexit {status}\n")
        script.chmod(0o755)
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run")],
        env={"PATH": f"{fake}:/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result, (log.read_text().splitlines() if log.exists() else [])


def test_ci_runs_the_readme_test_command_with_the_browser_required(tmp_path):
    readme = (ROOT / "README.md").read_text()
    assert re.search(r"^make test\b", readme, flags=re.MULTILINE)
    result, calls = run_ci_with_fake_tools(tmp_path)
    assert result.returncode == 0, result.stderr
    assert calls[-1] == "make test REQUIRE_BROWSER=1"


def test_make_test_passes_only_if_both_halves_of_the_suite_pass():
    assert combined([0, 0]) == 0
    assert combined([0, NO_TESTS_COLLECTED]) == 0, "a selection may leave one half empty"
    assert combined([1, 0]) == 1 and combined([0, 2]) == 2
    assert combined([NO_TESTS_COLLECTED, NO_TESTS_COLLECTED]) == NO_TESTS_COLLECTED


def test_ci_fails_when_the_tests_fail(tmp_path):
    result, calls = run_ci_with_fake_tools(tmp_path, make_status=3)
    assert calls and calls[-1].startswith("make test")
    assert result.returncode != 0


@pytest.mark.parametrize(
    "name", ["notebooks", "exercises", "solutions", "data", "tests", "environment.yml"]
)
def test_layout(name):
    assert (ROOT / name).exists()


def test_project_root_is_found_from_a_nested_folder(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "datapackage.json").write_text("{}")
    nested = tmp_path / "notebooks" / "deeper"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    monkeypatch.delenv("IRAN_RUSSIA_DATA", raising=False)
    assert project_root() == tmp_path
    assert data_dir() == tmp_path / "data"


def test_missing_data_folder_is_one_clear_sentence(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("IRAN_RUSSIA_DATA", raising=False)
    with pytest.raises(DataNotFound, match="Could not find the series' data folder"):
        project_root()


def test_data_folder_can_be_set_explicitly(tmp_path, monkeypatch):
    monkeypatch.setenv("IRAN_RUSSIA_DATA", str(tmp_path))
    assert data_dir() == tmp_path


def test_make_lab_opens_the_start_page_and_may_run_as_root_in_a_container():
    dry_run = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True)
    command = [line for line in dry_run.stdout.splitlines() if "jupyter lab" in line][-1]
    assert command.endswith("notebooks/00_start_here.ipynb")
    assert ("--allow-root" in command) == (os.geteuid() == 0)


def test_the_mutation_score_leaves_out_explained_mutants_and_names_the_rest():
    lines = ["m.x_f__mutmut_1: killed", "m.x_f__mutmut_2: survived", "m.x_g__mutmut_1: no tests"]
    listing = "".join(f"    {line}\n" for line in lines)
    results = outcomes(listing)
    assert results == {
        "m.x_f__mutmut_1": "killed",
        "m.x_f__mutmut_2": "survived",
        "m.x_g__mutmut_1": "no tests",
    }
    assert score(results, set()) == (1 / 3, ["m.x_f__mutmut_2", "m.x_g__mutmut_1"])
    assert score(results, {"m.x_f__mutmut_2"}) == (1 / 2, ["m.x_g__mutmut_1"])
    assert explained() >= {"iran_russia.exercises.kinds.xǁOrderǁgrade__mutmut_25"}
