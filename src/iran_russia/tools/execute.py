"""Run notebooks top to bottom on a fresh kernel and store them clean.

    python -m iran_russia.tools.execute notebooks/*.ipynb

Each notebook runs with its own folder as the working folder, exactly as JupyterLab would run
it, and with an empty folder of saved student work, so no earlier answers are restored. Widget
state is not stored (before a run, readers see each widget's plain-text fallback),
so committed notebooks stay small and deterministic.
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from iran_russia.exercises.store import fresh_work_folder

KERNEL = "python3"
TIMEOUT_SECONDS = 300


def run(path: Path) -> tuple[nbformat.NotebookNode, float]:
    """Execute the notebook at `path` in a fresh kernel; return it and the seconds it took."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT_SECONDS,
        kernel_name=KERNEL,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    with fresh_work_folder():
        started = time.perf_counter()
        client.execute()
        return notebook, time.perf_counter() - started


def merged_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks, which arrive split at random points."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.output_type == "stream"
            and previous is not None
            and previous.output_type == "stream"
            and previous.name == output.name
        ):
            previous.text += output.text
        else:
            merged.append(output)
    return merged


def tidy(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop run-specific metadata (widget state, timings) and join split printed output, so
    reruns give identical files."""
    notebook.metadata.pop("widgets", None)
    notebook.metadata["kernelspec"] = {
        "name": KERNEL,
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    notebook.metadata.get("language_info", {}).pop("version", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = merged_streams(cell.outputs)
    return notebook


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        notebook, seconds = run(path)
        nbformat.write(tidy(notebook), path)
        print(f"{path}: ran in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
