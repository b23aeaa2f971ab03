"""Time every notebook on a fresh kernel against a bare-kernel baseline.

    python -m iran_russia.tools.bench notebooks/*.ipynb

The baseline is a notebook that only imports pandas, matplotlib and ipywidgets. The table
(seconds, median of a few runs, and the ratio to the baseline) is printed and written to
build/bench.md, followed by the time one click on Check takes in a workbook panel, with the
student's answer saved to disk. This reports; no test asserts on time.
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


def seconds(path: Path) -> float:
    """Median wall-clock seconds to execute the notebook at `path` on a fresh kernel."""
    return statistics.median(run(path)[1] for _ in range(REPEATS))


def baseline_seconds() -> float:
    """Median seconds for a notebook that only imports the series' libraries."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BASELINE_SOURCE)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "baseline.ipynb"
        nbformat.write(notebook, path)
        return seconds(path)


def table(paths: list[Path]) -> str:
    """Markdown table of each notebook's time beside the baseline."""
    base = baseline_seconds()
    rows = [
        "| notebook | seconds | baseline seconds | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    for path in paths:
        took = seconds(path)
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
    print(f"(median of {REPEATS} runs each; written to {REPORT})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
