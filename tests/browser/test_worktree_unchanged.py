"""Runs after the other browser tests (files are collected in name order)."""

import pytest

from .conftest import worktree_state

pytestmark = pytest.mark.browser

WORKBOOK = "exercises/00_start_here.ipynb"  # opened and run by the check itself
PROBE = "write-probe"  # the deliberate save attempted by test_server_refuses_to_write


def changes(before: dict, after: dict) -> tuple[list[str], list[str]]:
    """New `git status` entries, and files whose bytes differ, between two snapshots."""
    new = sorted(set(after["status"]) - set(before["status"]))
    changed = sorted(
        path
        for path in before["files"].keys() | after["files"].keys()
        if before["files"].get(path) != after["files"].get(path)
    )
    return new, changed


def test_browser_run_left_notebooks_unchanged(lab, lab_server):
    """No file in notebooks/, exercises/, solutions/ (or a fixture) was written or added.

    `git status --porcelain --ignored` shows no new entry (a commit made meanwhile only removes
    entries), and every file there, ignored ones included, has the bytes it had before: since
    the session began, and since this test's own snapshot, taken before it opens and runs a
    workbook itself (so that the check means something when it runs alone).
    """
    own = worktree_state()
    lab.open_notebook(WORKBOOK)
    assert lab.run_all() == "done: true"
    lab.close_notebooks()
    for before in (own, lab_server.worktree_before):
        new, changed = changes(before, worktree_state())
        assert not new, f"git status has new entries after the browser run: {new}"
        assert not changed, (
            f"files written, added or removed during the browser run: {changed} (if someone "
            "edited them meanwhile, run again: the check assumes nobody else changes notebooks)"
        )
    refused = [line for line in lab_server.refused_writes() if PROBE not in line]
    assert not refused, "the page tried to write:\n" + "\n".join(refused)
