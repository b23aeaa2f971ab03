"""Runs after the other browser tests (files are collected in name order)."""

import pytest

from .conftest import worktree_state

pytestmark = pytest.mark.browser

PROBE = "write-probe"  # the deliberate save attempted by test_server_refuses_to_write


def test_browser_run_left_notebooks_unchanged(lab_server):
    """No file in notebooks/, exercises/, solutions/ (or a fixture) was written or added.

    `git status --porcelain --ignored` shows no new entry (a commit made meanwhile only removes
    entries), and every file there, ignored ones included, has the bytes it had before.
    """
    before, after = lab_server.worktree_before, worktree_state()
    new = sorted(set(after["status"]) - set(before["status"]))
    assert not new, f"git status has new entries after the browser run: {new}"
    changed = sorted(
        path
        for path in before["files"].keys() | after["files"].keys()
        if before["files"].get(path) != after["files"].get(path)
    )
    assert not changed, (
        f"files written, added or removed during the browser run: {changed} (if someone edited "
        "them meanwhile, run again: the check assumes nobody else changes notebooks)"
    )
    refused = [line for line in lab_server.refused_writes() if PROBE not in line]
    assert not refused, "the page tried to write:\n" + "\n".join(refused)
