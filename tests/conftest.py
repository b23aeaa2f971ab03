"""Shared test helpers: where the repository is, and copies of it for tests that need one."""

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_FOLDERS = ("notebooks", "solutions", "exercises")
NOT_COPIED = (
    ".venv",
    ".git",
    "build",
    "test-artifacts",
    "*_cache",
    ".hypothesis",
    "__pycache__",
    "mutants",
)

# Saved student work goes to a fresh folder, so that notebooks start blank, as on a student's
# first visit, and nothing is written beside the committed notebooks. nbval runs each notebook
# once; the browser's JupyterLab gets a folder of its own (tests/browser/lab.py).
os.environ["IRAN_RUSSIA_WORK"] = tempfile.mkdtemp(prefix="iran-russia-work-")

# Fixture notebooks are inputs for tests (some deliberately broken), not lessons for nbval.
collect_ignore = ["fixtures"]


def all_notebooks() -> list[Path]:
    """Every committed notebook of the series, in reading order."""
    return sorted(path for folder in NOTEBOOK_FOLDERS for path in (ROOT / folder).glob("*.ipynb"))


def copy_of_repository(folder: Path) -> Path:
    """A copy of the repository (without its virtual environment) in `folder`/series."""
    target = folder / "series"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_COPIED))
    return target


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository somewhere else on disk."""
    return copy_of_repository(tmp_path / "elsewhere")


def pytest_terminal_summary(terminalreporter):
    """After the tests, print what the curated tables' citations rest on, by kind of source."""
    from iran_russia.data import DataError, load, table_names
    from iran_russia.evidence import citation_shares
    from iran_russia.tools.build_data import BUILT_TABLES
    from run import BESIDE

    if terminalreporter.config.option.markexpr == BESIDE:
        return  # the other process of tests/run.py prints these
    try:
        tables = {name: load(name) for name in table_names() if name not in BUILT_TABLES}
    except DataError as problem:
        terminalreporter.write_line(f"citations by kind: not computed ({problem})")
        return
    cited = [
        source_id
        for name, frame in tables.items()
        if name != "sources"
        for column in ("source_ids", "source_id")
        if column in frame
        for cell in frame[column].dropna()
        for source_id in cell.split(";")
    ]
    shares = citation_shares(tables["sources"], pd.Series(cited))
    terminalreporter.section("citations in the curated tables of data/, by kind of source")
    for kind, share in shares.items():
        terminalreporter.write_line(f"{kind:>14}  {share:6.1%}")
    terminalreporter.section("cues in single-choice questions (tests/test_question_cues.py)")
    from test_question_cues import cue_report

    for line in cue_report():
        terminalreporter.write_line(line)
