"""Committed notebooks: executed cleanly, runnable from anywhere."""

import subprocess
import sys

import nbformat
import pytest

from conftest import ROOT, all_notebooks, copy_of_repository
from iran_russia.tools.execute import merged_streams, run


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_was_executed_top_to_bottom(path):
    """nbval passes unexecuted notebooks trivially, so insist each one holds a clean run."""
    cells = code_cells(path)
    assert cells, "a notebook with no code cells"
    counts = [cell.execution_count for cell in cells]
    assert counts == list(range(1, len(cells) + 1)), f"run it with `make notebooks`: {counts}"
    errors = [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert not errors, "stored outputs contain an error"
    assert "widgets" not in nbformat.read(path, as_version=4).metadata, "widget state committed"


def test_the_series_draws_without_pyplot():
    """pyplot and its backend cost a fresh kernel about 0.4 s, and no figure needs them."""
    modules = ["exercises", *(path.stem for path in (ROOT / "src" / "iran_russia").glob("*.py"))]
    code = "".join(f"import iran_russia.{name}\n" for name in modules)
    loaded = code + "import sys; print('matplotlib.pyplot' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", loaded], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
    for path in all_notebooks():
        for cell in code_cells(path):
            assert "%matplotlib" not in cell.source and "pyplot" not in cell.source, path.name


def test_every_lesson_is_listed_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        assert f"`{path.stem}`" in readme, f"{path.name} is missing from the README lesson list"


@pytest.fixture(scope="module")
def one_copy(tmp_path_factory):
    """One copy of the repository elsewhere on disk, shared by every lesson that runs from it."""
    return copy_of_repository(tmp_path_factory.mktemp("elsewhere"))


@pytest.mark.lesson_run
@pytest.mark.parametrize("name", [p.name for p in (ROOT / "notebooks").glob("*.ipynb")])
def test_lesson_runs_from_a_copy_of_the_repository(one_copy, name):
    notebook, _ = run(one_copy / "notebooks" / name)
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors


def test_split_printed_output_is_joined_so_reruns_give_identical_files():
    chunks = [
        nbformat.v4.new_output("stream", name="stdout", text="a\n"),
        nbformat.v4.new_output("stream", name="stdout", text="b\n"),
        nbformat.v4.new_output("stream", name="stderr", text="c\n"),
        nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1),
        nbformat.v4.new_output("stream", name="stdout", text="d\n"),
    ]
    merged = merged_streams(chunks)
    assert [o.get("text") for o in merged] == ["a\nb\n", "c\n", None, "d\n"]
