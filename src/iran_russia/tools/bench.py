"""Time every notebook on a fresh kernel against a bare-kernel baseline.

    python -m iran_russia.tools.bench notebooks/*.ipynb

The baseline is a notebook that only imports pandas, matplotlib and ipywidgets. The table
(seconds, median of a few runs, and the ratio to the baseline) is printed and written to
build/bench.md. This reports; no test asserts on time.
"""

import statistics
import sys
import tempfile
from pathlib import Path

import nbformat

from iran_russia.tools.execute import run

REPEATS = 3
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


def main(names: list[str]) -> int:
    report = table([Path(name) for name in names])
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(report)
    print(report)
    print(f"(median of {REPEATS} runs each; written to {REPORT})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
