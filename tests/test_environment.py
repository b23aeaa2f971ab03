"""The pinned environment: one set of pins for make, conda and Binder."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

BIN = Path(sys.executable).parent
REQUIRED = {
    "jupyterlab": "4.",
    "ipywidgets": "8.",
    "jupyterlab-widgets": "",
    "pandas": "",
    "matplotlib": "",
    "nbval": "",
}
TEST_ONLY = {
    "playwright",
    "jupyter-repo2docker",
    "frictionless",
    "hypothesis",
    "ruff",
    "axe-playwright-python",
}


def pins(lines: list[str]) -> dict[str, str]:
    """Map normalised package names to pinned versions from `name==version` lines."""
    found = {}
    for line in lines:
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            name = re.sub(r"[-_.]+", "-", name).lower()
            assert found.get(name, version) == version, f"{name} is pinned twice: {line}"
            found[name] = version
    return found


def test_a_package_pinned_twice_at_different_versions_fails():
    assert pins(["pandas==2.2.0", "Pandas==2.2.0"]) == {"pandas": "2.2.0"}
    with pytest.raises(AssertionError, match="pinned twice"):
        pins(["pandas==2.2.0", "pandas==2.3.0"])


def requirement_pins(name: str) -> dict[str, str]:
    return pins((ROOT / name).read_text().splitlines())


def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def environment_pip_pins() -> dict[str, str]:
    pip_sections = [d["pip"] for d in environment()["dependencies"] if isinstance(d, dict)]
    assert len(pip_sections) == 1, "environment.yml needs exactly one pip: section"
    return pins(pip_sections[0])


def test_environment_uses_conda_forge_only_and_pins_python():
    env = environment()
    assert env["channels"] == ["conda-forge"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert any(re.fullmatch(r"python=3\.1[12]", d) for d in conda), conda


def test_environment_and_requirements_pin_the_same_packages():
    assert environment_pip_pins() == requirement_pins("requirements.txt")


def test_the_series_packages_are_pinned_at_the_required_majors():
    pinned = requirement_pins("requirements.txt")
    for name, major in REQUIRED.items():
        assert name in pinned, f"{name} is not pinned"
        assert pinned[name].startswith(major), f"{name}=={pinned[name]} is not {major}x"


def test_top_level_requirements_are_in_the_lock():
    lock = requirement_pins("requirements.txt")
    for name, version in requirement_pins("requirements.in").items():
        assert lock.get(name) == version, f"{name}=={version} is missing from requirements.txt"


def test_test_tools_stay_out_of_binder():
    assert not TEST_ONLY & environment_pip_pins().keys()
    assert requirement_pins("requirements-test.txt").keys() >= TEST_ONLY


def test_postbuild_stops_on_error_and_installs_the_package():
    script = ROOT / "postBuild"
    commands = [
        line
        for line in script.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert commands[0] == "set -e"
    assert "pip install --no-deps ." in commands
    assert os.access(script, os.X_OK)
    assert not (ROOT / "binder").exists(), "a binder/ folder would hide the root files"


def test_repo2docker_builds_from_environment_yml_and_runs_postbuild(repo_copy):
    result = subprocess.run(
        [BIN / "repo2docker", "--no-build", "--debug", str(repo_copy)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    dockerfile = result.stdout + result.stderr
    assert result.returncode == 0, dockerfile[-2000:]
    assert re.search(r"env update .*environment\.yml", dockerfile)
    assert "./postBuild" in dockerfile


def test_widgets_extension_is_active_in_jupyterlab():
    listing = subprocess.run(
        [BIN / "jupyter", "labextension", "list"], capture_output=True, text=True, timeout=120
    )
    text = listing.stdout + listing.stderr
    assert re.search(r"@jupyter-widgets/jupyterlab-manager .*enabled", text), text
