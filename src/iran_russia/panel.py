"""A widget container whose plain-text form is a friendly sentence, not an ipywidgets repr.

Before a notebook is run (a fresh Binder session, a static view), each stored widget output
shows only its plain text. That text is also what nbval compares, so it must be deterministic.
"""

import ipywidgets as widgets


class Panel(widgets.VBox):
    """A VBox that shows `fallback` (e.g. "Run this cell to open the explorer") as plain text."""

    def __init__(self, children, fallback: str, **kwargs):
        super().__init__(children=children, **kwargs)
        self._fallback = fallback

    def __repr__(self) -> str:
        return self._fallback
