"""Building blocks of every panel: a container with a friendly plain-text form, escaped tables.

A Panel's plain-text form is a friendly sentence, not an ipywidgets repr.

Before a notebook is run (a fresh Binder session, a static view), each stored widget output
shows only its plain text. That text is also what nbval compares, so it must be deterministic.
"""

import html
from collections.abc import Callable, Iterable

import ipywidgets as widgets


class Panel(widgets.VBox):
    """A VBox that shows `fallback` (e.g. "Run this cell to open the explorer") as plain text."""

    def __init__(self, children, fallback: str, **kwargs):
        super().__init__(children=children, **kwargs)
        self._fallback = fallback

    def __repr__(self) -> str:
        return self._fallback


def escaped_table(columns: Iterable[str], rows: Iterable[Iterable]) -> str:
    """An HTML table with a header row; every header and cell is HTML-escaped text."""

    def cells(values, tag):
        return "".join(f"<{tag}>{html.escape(str(value))}</{tag}>" for value in values)

    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    return f"<table><tr>{cells(columns, 'th')}</tr>{body}</table>"


def filter_panel(controls: list, show: Callable[[], tuple[str, str]], fallback: str) -> Panel:
    """An explorer: controls in a row, a summary line and a table below them.

    `show()` reads the controls and returns (summary sentence, escaped HTML table); it runs once
    now and again whenever a control changes."""
    summary = widgets.Label()
    table = widgets.HTML()

    def refresh(_change=None):
        summary.value, table.value = show()

    for control in controls:
        control.observe(refresh, names="value")
    refresh()
    return Panel([widgets.HBox(controls), summary, table], fallback=fallback)
