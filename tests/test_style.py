"""Code style is part of the suite: ruff over the package, the tests and the notebooks."""

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

RUFF = Path(sys.executable).parent / "ruff"
TARGETS = ["src", "tests", "notebooks", "exercises", "solutions"]


def ruff(*args):
    return subprocess.run([RUFF, *args, *TARGETS], cwd=ROOT, capture_output=True, text=True)


def test_ruff_lint_passes():
    result = ruff("check")
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_clean():
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout + "\nrun `make format`"
