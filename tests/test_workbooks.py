"""Student workbooks are made from the solutions, and the committed ones are up to date."""

import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import ROOT
from iran_russia.tools.workbooks import (
    CODE_MARKERS,
    MARKDOWN_MARKERS,
    PROMPT,
    MarkerError,
    exercise_from,
    without_solutions,
    write_exercises,
)

SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))


def sources(path):
    return [(cell.cell_type, cell.source) for cell in nbformat.read(path, as_version=4).cells]


def test_answer_block_becomes_the_prompt_and_the_rest_of_the_cell_stays():
    source = "\n".join(
        [
            "for x in xs:",
            "    ### BEGIN SOLUTION",
            "    answer = len(x)",
            "    ### END SOLUTION",
            "    f(x)",
        ]
    )
    expected = f"for x in xs:\n    {PROMPT}\n    f(x)"
    assert without_solutions(source, CODE_MARKERS, PROMPT) == expected


def test_worked_explanation_is_removed_and_an_emptied_markdown_cell_dropped():
    begin, end = MARKDOWN_MARKERS
    printed = nbformat.v4.new_output("stream", name="stdout", text="x")
    solution = new_notebook(
        cells=[
            new_markdown_cell(f"Intro.\n{begin}\nSolutions copy.\n{end}"),
            new_code_cell("### BEGIN SOLUTION\nanswer = 1813\n### END SOLUTION\nex.answer(answer)"),
            new_markdown_cell(f"{begin}\n**Why 1813?** ...\n{end}"),
            new_code_cell("progress('00')", execution_count=3, outputs=[printed]),
        ]
    )
    cells = exercise_from(solution, "00_x.ipynb").cells
    assert [cell.source for cell in cells] == [
        "Intro.",
        f"{PROMPT}\nex.answer(answer)",
        "progress('00')",
    ]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in cells[1:])
    assert solution.cells[3].outputs, "the solution itself is left alone"


@pytest.mark.parametrize(
    "source, problem",
    [
        ("### BEGIN SOLUTION\nanswer = 1", "### BEGIN SOLUTION without ### END SOLUTION"),
        ("answer = 1\n### END SOLUTION", "### END SOLUTION without ### BEGIN SOLUTION"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "### BEGIN SOLUTION again"),
        ("answer = 1  ### BEGIN SOLUTION", "a solution marker that is not a line"),
    ],
)
def test_misplaced_marker_names_notebook_and_cell(source, problem):
    solution = new_notebook(cells=[new_markdown_cell("Intro."), new_code_cell(source)])
    with pytest.raises(MarkerError, match=f"00_x.ipynb, cell 2: {problem}"):
        exercise_from(solution, "00_x.ipynb")


def test_markdown_markers_must_be_lines_of_their_own():
    with pytest.raises(MarkerError):
        without_solutions("Text <!-- BEGIN SOLUTION --> more", MARKDOWN_MARKERS, None)


def test_committed_exercises_are_what_the_solutions_make(tmp_path):
    made = write_exercises(SOLUTIONS, tmp_path)
    assert [path.name for path in made] == [path.name for path in EXERCISES], (
        "exercises/ and solutions/ hold different workbooks: run `make exercises`"
    )
    for path in made:
        committed = ROOT / "exercises" / path.name
        assert sources(committed) == sources(path), f"{committed} is stale: run `make exercises`"


@pytest.mark.parametrize("path", EXERCISES, ids=lambda path: path.name)
def test_no_solution_text_is_left_in_an_exercise(path):
    for _kind, source in sources(path):
        assert "BEGIN SOLUTION" not in source.upper() and "END SOLUTION" not in source.upper()


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda path: path.name)
def test_solution_has_answers_to_hide(path):
    assert any(CODE_MARKERS[0] in source for _kind, source in sources(path))


# The checks below read the notebooks themselves, not the generator: they hold whatever made the
# workbooks, so a generator changed to keep answers fails them even after `make exercises`.
VERDICTS = ("Correct", "Partly right", "Not quite", "Saved (")
WORKED_CODE = re.compile(r"^[ \t]*### BEGIN SOLUTION\n(.*?)^[ \t]*### END SOLUTION", re.M | re.S)
WORKED_TEXT = re.compile(r"<!-- BEGIN SOLUTION -->\n(.*?)<!-- END SOLUTION -->", re.S)


def worked_parts(solution: nbformat.NotebookNode) -> dict[str, list[str]]:
    """Each solution cell's id with the lines of its worked answers and explanations."""
    parts = {}
    for cell in solution.cells:
        pattern = WORKED_CODE if cell.cell_type == "code" else WORKED_TEXT
        lines = [
            line.strip()
            for block in pattern.findall(cell.source)
            for line in block.splitlines()
            if sum(char.isalnum() for char in line) >= 3  # not a lone bracket or comma
        ]
        if lines:
            parts[cell.id] = lines
    return parts


def committed_and_remade(tmp_path_factory):
    remade = write_exercises(SOLUTIONS, tmp_path_factory.mktemp("remade"))
    return [(path, "committed") for path in EXERCISES] + [(path, "remade") for path in remade]


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    """Every committed workbook, and the same workbooks made afresh by the generator."""
    return committed_and_remade(tmp_path_factory)


def test_every_answer_cell_holds_the_prompt_and_nothing_worked(workbooks):
    assert len(workbooks) == 2 * len(SOLUTIONS) > 0
    for path, which in workbooks:
        solution = nbformat.read(ROOT / "solutions" / path.name, as_version=4)
        workbook = nbformat.read(path, as_version=4)
        cells = {cell.id: cell for cell in workbook.cells}
        text = "\n".join(cell.source for cell in workbook.cells)
        parts = worked_parts(solution)
        answer_cells = [c for c in solution.cells if c.cell_type == "code" and c.id in parts]
        assert answer_cells, f"{path.name} has no exercises to hide"
        for cell in answer_cells:
            assert "answer = ...  # your answer" in cells[cell.id].source, (
                f"{which} {path.name}: an answer cell lost its prompt"
            )
        for cell_id, lines in parts.items():
            shown = [line for line in lines if line in text and not line.startswith("#")]
            assert not shown, f"{which} {path.name} shows worked text of cell {cell_id}: {shown}"


@pytest.mark.parametrize("path", EXERCISES, ids=lambda path: path.name)
def test_no_panel_in_a_committed_workbook_reports_a_result(path):
    answered = 0
    for cell in nbformat.read(path, as_version=4).cells:
        printed = "".join(o.get("text", "") for o in cell.get("outputs", []))
        if "answer = ...  # your answer" in cell.source:
            answered += 1
            assert printed.startswith("Not answered yet"), f"{path.name}: {printed[:80]!r}"
        assert not any(printed.startswith(verdict) for verdict in VERDICTS), printed[:80]
    assert answered, "a workbook with no answer cells"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda path: path.name)
def test_every_worked_answer_in_the_solutions_is_graded_correct(path):
    """A key that no longer matches its question (options reworded, order changed) shows here."""
    graded = 0
    for cell in nbformat.read(path, as_version=4).cells:
        printed = "".join(o.get("text", "") for o in cell.get("outputs", []))
        if "### BEGIN SOLUTION" in cell.source and printed.startswith(VERDICTS):
            graded += 1
            assert printed.startswith(("Correct", "Saved (")), f"{path.name}: {printed[:80]!r}"
    assert graded, "a solutions notebook with no graded answer"
