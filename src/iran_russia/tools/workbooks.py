"""Make the student workbooks in exercises/ from the worked solutions in solutions/.

    python -m iran_russia.tools.workbooks                          # every workbook
    python -m iran_russia.tools.workbooks solutions/00_start_here.ipynb   # only this one

solutions/NN_topic.ipynb is the one source of truth, and exercises/NN_topic.ipynb is made from it:

- in a code cell, the lines from `### BEGIN SOLUTION` to `### END SOLUTION` become the prompt
  `answer = ...  # your answer` (indented like the markers) and the rest of the cell stays, so
  the workbook runs and its exercises report "not answered yet";
- in a markdown cell, the lines from `<!-- BEGIN SOLUTION -->` to `<!-- END SOLUTION -->` (worked
  explanations) are removed, and a cell left empty is dropped;
- outputs are cleared: `make exercises` runs this and then executes the new workbooks, so their
  stored outputs come from running them.

Each marker must be a line of its own; a marker out of place stops the script with the notebook,
the cell and the problem.
"""

import copy
import re
import sys
from pathlib import Path

import nbformat

from iran_russia.paths import project_root

EXERCISE_ID = re.compile(r'(?:exercise|check)\("(?P<id>[^"]+)"')
SECTION = re.compile(r"^## (?P<title>.+)$", re.M)

CODE_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")
MARKDOWN_MARKERS = ("<!-- BEGIN SOLUTION -->", "<!-- END SOLUTION -->")
PROMPT = "answer = ...  # your answer"


class MarkerError(ValueError):
    """Solution markers out of place; the message names the notebook, the cell and the problem."""


def sections(notebook) -> list[tuple[str, list[str]]]:
    """(section title, question ids in the order they first appear) for each workbook section
    that holds a question."""
    found: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            found += [(match["title"].strip(), []) for match in SECTION.finditer(cell.source)]
        elif found:
            for match in EXERCISE_ID.finditer(cell.source):
                if match["id"] not in seen:
                    seen.add(match["id"])
                    found[-1][1].append(match["id"])
    return [(title, ids) for title, ids in found if ids]


def without_solutions(source: str, markers: tuple[str, str], prompt: str | None) -> str:
    """`source` with each marked block replaced by `prompt` (or removed, if prompt is None)."""
    begin, end = markers
    kept, inside = [], False
    for line in source.splitlines():
        marker = line.strip()
        if marker == begin:
            if inside:
                raise MarkerError(f"{begin} again before {end}")
            inside = True
            if prompt is not None:
                kept.append(line[: len(line) - len(line.lstrip())] + prompt)
        elif marker == end:
            if not inside:
                raise MarkerError(f"{end} without {begin}")
            inside = False
        elif not inside:
            if "BEGIN SOLUTION" in line or "END SOLUTION" in line:
                raise MarkerError(f"a solution marker that is not a line {begin} or {end}")
            kept.append(line)
    if inside:
        raise MarkerError(f"{begin} without {end}")
    return "\n".join(kept)


def exercise_from(solution: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """The student workbook made from a solution notebook called `name`."""
    notebook = copy.deepcopy(solution)
    cells = []
    for number, cell in enumerate(notebook.cells, start=1):
        try:
            if cell.cell_type == "code":
                cell.source = without_solutions(cell.source, CODE_MARKERS, PROMPT)
                cell.outputs, cell.execution_count = [], None
            elif cell.cell_type == "markdown":
                cell.source = without_solutions(cell.source, MARKDOWN_MARKERS, None).strip()
        except MarkerError as problem:
            raise MarkerError(f"{name}, cell {number}: {problem}.") from None
        if cell.cell_type != "markdown" or cell.source:
            cells.append(cell)
    notebook.cells = cells
    return notebook


def write_exercises(solutions: list[Path], exercises: Path) -> list[Path]:
    """Write into the folder `exercises` the workbook of each solution; return their paths."""
    written = []
    for path in solutions:
        target = exercises / path.name
        nbformat.write(exercise_from(nbformat.read(path, as_version=4), path.name), target)
        written.append(target)
    return written


def main(names: list[str]) -> int:
    root = project_root()
    solutions = [Path(name) for name in names] or sorted((root / "solutions").glob("*.ipynb"))
    for path in write_exercises(solutions, root / "exercises"):
        print(f"exercises/{path.name}: made from solutions/{path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
