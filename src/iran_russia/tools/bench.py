"""Time every notebook on a fresh kernel against a bare-kernel baseline.

    python -m iran_russia.tools.bench notebooks/*.ipynb

The baseline is a notebook that only imports pandas, matplotlib and ipywidgets, run in turns with
each notebook so that the machine's load falls on both. The table (seconds, median of a few runs,
and the ratio to the baseline) is printed and written to build/bench.md, followed by the time one
click on Check takes in a workbook panel, with the student's answer saved to disk. This reports;
no test asserts on time.
"""

import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from iran_russia.exercises import session
from iran_russia.exercises.store import fresh_work_folder
from iran_russia.tools.execute import run

REPEATS = 3
CLICKS = 50
CLICKED_QUESTION = "01-griboyedov-settlement"
BASELINE_SOURCE = "\n".join(
    [
        "%matplotlib inline",
        "import ipywidgets",
        "import matplotlib.pyplot as plt",
        "import pandas as pd",
    ]
)
REPORT = Path("build") / "bench.md"


def paired_seconds(path: Path, baseline: Path) -> tuple[float, float]:
    """Median seconds for the notebook at `path` and for the baseline, run in turns on fresh
    kernels, so that a change in the machine's load falls on both."""
    notebook, bare = [], []
    for _ in range(REPEATS):
        bare.append(run(baseline)[1])
        notebook.append(run(path)[1])
    return statistics.median(notebook), statistics.median(bare)


def table(paths: list[Path]) -> str:
    """Markdown table of each notebook's time beside a baseline timed in turn with it: a
    notebook that only imports the series' libraries."""
    rows = [
        "| notebook | seconds | baseline seconds | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    baseline = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BASELINE_SOURCE)])
    with tempfile.TemporaryDirectory() as folder:
        baseline_path = Path(folder) / "baseline.ipynb"
        nbformat.write(baseline, baseline_path)
        for path in paths:
            took, base = paired_seconds(path, baseline_path)
            rows.append(f"| {path} | {took:.2f} | {base:.2f} | {took / base:.2f} |")
    return "\n".join(rows) + "\n"


def click_milliseconds() -> float:
    """Median milliseconds of a click on Check (grading, feedback and saving the answer)."""
    timings = []
    with fresh_work_folder(), contextlib.redirect_stdout(io.StringIO()):
        session._stores.clear()
        panel = session.exercise(CLICKED_QUESTION)
        panel.inputs[0].value = panel.inputs[0].options[0][1]
        for _ in range(CLICKS):
            started = time.perf_counter()
            panel.check_button.click()
            timings.append(time.perf_counter() - started)
    return 1000 * statistics.median(timings)


def main(names: list[str]) -> int:
    report = table([Path(name) for name in names])
    report += (
        f"\nA click on Check in `{CLICKED_QUESTION}`, answer saved included: "
        f"{click_milliseconds():.1f} ms (median of {CLICKS}).\n"
    )
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(report)
    print(report)
    print(f"(median of {REPEATS} runs each, baseline and notebook in turns; written to {REPORT})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
