"""Each kind of exercise panel, answered wrongly then rightly with the mouse and keyboard.

The workbook is exercises/00_start_here.ipynb, which tries out every kind; it is opened once and
run top to bottom, and every panel of the kind under test is then answered in the page.
"""

import shutil

import pytest

from conftest import ROOT

from .conftest import browser_unavailable
from .workbook import CORRECT, KINDS, NOT_CORRECT, Workbook, flat

pytestmark = pytest.mark.browser

WORKBOOK = ROOT / "exercises" / "00_start_here.ipynb"


@pytest.fixture(scope="module")
def workbook(lab_app, lab_server):
    if not WORKBOOK.exists():
        browser_unavailable(f"{WORKBOOK.relative_to(ROOT)} is missing")
    book = Workbook.load(lab_app, ROOT, WORKBOOK)
    lab_app.page_problems()
    try:
        result = book.open_and_run(ROOT)
        assert result == "done: true", f"Run All on the workbook: {result}"
        yield book
    finally:
        lab_app.close_notebooks()
        # The answers given here are saved work; later checks of this workbook start blank.
        shutil.rmtree(lab_server.work, ignore_errors=True)


def test_workbook_shows_every_kind(workbook):
    missing = set(KINDS) - {panel.kind for panel in workbook.panels()}
    assert not missing, f"{WORKBOOK.name} has no exercise of kind {sorted(missing)}"
    for panel in workbook.panels():
        assert panel.prompt == flat(panel.question["prompt"]), f"{panel.id}: prompt shown wrong"
        assert panel.line("feedback"), f"{panel.id}: no feedback line after Run All"
    assert not workbook.lab.page_problems()


def test_a_near_miss_click_is_partly_right(workbook):
    """A match answer with every pair but one right is partly right, never correct."""
    panel = next(panel for panel in workbook.panels() if panel.kind == "match")
    _wrong, right = panel.answers()
    near = dict(right)
    first, second = list(near)[:2]
    near[first], near[second] = near[second], near[first]
    if near[first] == near[second]:
        pytest.fail(f"{panel.id}: its first two pairs share an answer")
    panel.give(near)
    feedback = panel.press_and_read("Check", "feedback")
    pairs = len(right)
    assert feedback.startswith(f"Partly right: {pairs - 2} of {pairs} pairs right"), feedback
    assert not panel.line("explanation"), f"{panel.id}: explanation shown after a near miss"


@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind != "data"])
def test_answer_by_clicking(workbook, kind):
    panels = [panel for panel in workbook.panels() if panel.kind == kind]
    if not panels:
        pytest.fail(f"{WORKBOOK.name} has no {kind} exercise")
    for panel in panels:
        hint = panel.press_and_read("Hint", "hint")
        assert hint == flat(f"Hint: {panel.question['hint']}"), panel.id

        wrong, right = panel.answers()
        panel.give(wrong)
        feedback = panel.press_and_read("Check", "feedback")
        assert NOT_CORRECT.match(feedback), f"{panel.id}: wrong answer {wrong!r} got {feedback!r}"
        assert not panel.line("explanation"), f"{panel.id}: explanation shown after one try"

        panel.give(right)
        feedback = panel.press_and_read("Check", "feedback")
        assert CORRECT.match(feedback), f"{panel.id}: right answer {right!r} got {feedback!r}"
        explanation = panel.line("explanation")
        assert flat(panel.question["explanation"]) in explanation, panel.id
    assert not workbook.lab.page_problems()


def test_answer_data_tasks_by_running_code(workbook):
    """A data task has no inputs: its feedback shows after Run All, and follows check(...)."""
    panels = [panel for panel in workbook.panels() if panel.kind == "data"]
    if not panels:
        pytest.fail(f"{WORKBOOK.name} has no data exercise")
    for panel in panels:
        assert panel.line("feedback").startswith("Not answered yet"), panel.id
        cell = workbook.check_cell(panel.id)
        call = f'check("{panel.id}", answer)'

        before = panel.line("feedback")
        workbook.run_cell_with(cell, f"answer = -1\n{call}")
        feedback = panel.wait_for_change("feedback", before)
        assert NOT_CORRECT.match(feedback), f"{panel.id}: -1 got {feedback!r}"

        solution = workbook.solution_code(panel.id)
        if solution is None:
            continue  # no worked answer to type; the wrong answer's feedback was checked
        workbook.run_cell_with(cell, f"{solution}\n{call}")
        feedback = panel.wait_for_change("feedback", feedback)
        assert CORRECT.match(feedback), f"{panel.id}: {solution!r} got {feedback!r}"
    workbook.lab.wait_until_settled()
    assert not workbook.lab.page_problems()


def test_saved_work_comes_back_after_a_kernel_restart(workbook):
    """Answer one panel, restart the kernel and run every cell: the panel shows the saved answer."""
    panel = next(panel for panel in workbook.panels() if panel.kind == "single")
    wrong, right = panel.answers()
    panel.give(wrong)  # the earlier tests left "Correct" showing: change it, then answer
    assert NOT_CORRECT.match(panel.press_and_read("Check", "feedback")), panel.id
    panel.give(right)
    assert CORRECT.match(panel.press_and_read("Check", "feedback")), panel.id
    result = workbook.lab.run_all(restart=True)
    assert result == "done: true", f"Restart and Run All: {result}"
    restored = next(p for p in workbook.panels() if p.id == panel.id)
    assert restored.line("feedback").startswith("Your saved work is back: correct"), restored.id
    assert flat(restored.question["explanation"]) in restored.line("explanation")
    assert not workbook.lab.page_problems()
