"""The benchmark reports seconds per notebook beside the bare-kernel baseline."""

import nbformat

from iran_russia.tools import bench


def test_bench_table_has_a_row_per_notebook_with_a_ratio(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "REPEATS", 1)
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), path)
    lines = bench.table([path]).splitlines()
    assert lines[0] == "| notebook | seconds | baseline seconds | ratio |"
    cells = [cell.strip() for cell in lines[2].split("|")[1:-1]]
    assert cells[0] == str(path)
    seconds, baseline, ratio = map(float, cells[1:])
    assert seconds > 0 and baseline > 0
    # Each number is shown to 0.01: the ratio of the shown times may differ by their rounding.
    rounding = 0.005 + 0.005 / baseline + 0.005 * seconds / baseline**2
    assert abs(ratio - seconds / baseline) <= rounding + 1e-9


def test_a_click_is_timed_with_the_answer_saved(monkeypatch, tmp_path):
    monkeypatch.setattr(bench, "CLICKS", 3)
    monkeypatch.setenv("IRAN_RUSSIA_WORK", str(tmp_path))
    assert bench.click_milliseconds() > 0


def test_the_baseline_is_timed_in_turns_with_each_notebook(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "REPEATS", 2)
    order = []

    def fake_run(path):
        order.append("baseline" if path.name == "baseline.ipynb" else path.name)
        return None, 1.0

    monkeypatch.setattr(bench, "run", fake_run)
    paths = [tmp_path / "a.ipynb", tmp_path / "b.ipynb"]
    bench.table(paths)
    assert order == ["baseline", "a.ipynb"] * 2 + ["baseline", "b.ipynb"] * 2
