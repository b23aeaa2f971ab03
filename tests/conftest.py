"""Shared test helpers: where the repository is, and copies of it for tests that need one."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_FOLDERS = ("notebooks", "solutions", "exercises")
NOT_COPIED = (".venv", ".git", "build", "test-artifacts", "*_cache", ".hypothesis", "__pycache__")

# Fixture notebooks are inputs for tests (some deliberately broken), not lessons for nbval.
collect_ignore = ["fixtures"]


def all_notebooks() -> list[Path]:
    """Every committed notebook of the series, in reading order."""
    return sorted(path for folder in NOTEBOOK_FOLDERS for path in (ROOT / folder).glob("*.ipynb"))


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository (without its virtual environment) somewhere else on disk."""
    target = tmp_path / "elsewhere" / "series"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_COPIED))
    return target
