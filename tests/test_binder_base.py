"""Binder installs the series' pins on top of repo2docker's base environment: nothing may clash.

repo2docker starts from a conda environment of its own (JupyterLab, Notebook, JupyterHub's
single-user server...), then installs environment.yml's pip pins over it. A pin that leaves a
base package behind shows up as a `pip check` conflict or as a lab extension marked incompatible.
"""

import re
import subprocess
import venv
from pathlib import Path

import repo2docker

from conftest import ROOT

CONDA = Path(repo2docker.__file__).parent / "buildpacks" / "conda"
BASE_SPEC = CONDA / "environment.py-3.11.yml"
BASE_LOCK = CONDA / "environment.py-3.11-linux-64.lock"
# The base's conda packages that PyPI names otherwise, and those that are not Python packages.
PYPI_NAME = {"jupyterhub-singleuser": "jupyterhub"}
NOT_PYTHON_PACKAGES = {"python", "nodejs", "pip"}
LOCKED = re.compile(r"/(?P<name>[^/]+)-(?P<version>[^-/]+)-[^-/]+\.(?:conda|tar\.bz2)#")


def base_versions() -> dict[str, str]:
    """The PyPI name and locked version of each package repo2docker's base environment asks for."""
    dependencies = BASE_SPEC.read_text().split("dependencies:")[1]
    wanted = [
        re.split(r"[=<>\s]", line[2:], maxsplit=1)[0]
        for line in dependencies.splitlines()
        if line.startswith("- ")
    ]
    locked = {m["name"]: m["version"] for m in LOCKED.finditer(BASE_LOCK.read_text())}
    return {
        PYPI_NAME.get(name, name): locked[name]
        for name in wanted
        if name not in NOT_PYTHON_PACKAGES
    }


def test_the_base_environment_is_read_from_repo2docker():
    versions = base_versions()
    # The packages repo2docker's base environment has asked for since 2023 (its environment.yml).
    assert {"notebook", "jupyterlab", "jupyter_server", "jupyterhub", "ipywidgets"} <= set(versions)
    assert all(re.fullmatch(r"\d+(\.\d+)+", version) for version in versions.values()), versions


def test_the_pins_installed_over_binders_base_leave_no_conflict(tmp_path):
    venv.create(tmp_path, with_pip=True)
    pip = [tmp_path / "bin" / "python", "-m", "pip", "install", "--quiet", "--quiet"]
    base = [f"{name}=={version}" for name, version in base_versions().items()]
    subprocess.run([*pip, *base], check=True, timeout=600)
    subprocess.run([*pip, "-r", ROOT / "requirements.txt"], check=True, timeout=600)

    check = subprocess.run(
        [tmp_path / "bin" / "python", "-m", "pip", "check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    listing = subprocess.run(
        [tmp_path / "bin" / "jupyter", "labextension", "list"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": str(tmp_path / "bin")},
    )
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)
    assert "@jupyter-notebook/lab-extension" in text, text
    assert "incompatible" not in text and not re.search(r"\sX\s*$", text, re.M), text
