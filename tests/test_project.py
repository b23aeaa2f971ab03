"""The front door: README commands, CI entry point, layout and paths."""

import os
import re
import subprocess

import pytest

from conftest import ROOT
from iran_russia.paths import DataNotFound, data_dir, project_root

BADGE = "urlpath=lab/tree/notebooks/00_start_here.ipynb"


def test_readme_gives_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^make (\w+)", readme, flags=re.MULTILINE)
    assert commands[:2] == ["lab", "test"]
    assert BADGE in readme


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


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
