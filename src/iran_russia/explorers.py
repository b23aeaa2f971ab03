"""Interactive explorers: small widget panels that filter the shared data.

Each explorer is a Panel, so before its cell runs a reader sees one friendly sentence.
Every text shown comes from data/ and is HTML-escaped before it is displayed.
"""

import ipywidgets as widgets
import pandas as pd

from iran_russia.panel import Panel, escaped_table, filter_panel

ROW_LIMIT = 40


def event_rows_html(events: pd.DataFrame) -> str:
    """An HTML table of events (date, title, category, status), every cell escaped."""
    rows = (
        (row.date.date(), row.title, row.category, row.status)
        for row in events.head(ROW_LIMIT).itertuples()
    )
    return escaped_table(["date", "event", "category", "status"], rows)


def timeline_explorer(events: pd.DataFrame) -> Panel:
    """Pick a range of years and a category; see how many events match and which."""
    first, last = int(events.date.dt.year.min()), int(events.date.dt.year.max())
    years = widgets.IntRangeSlider(
        value=(first, last), min=first, max=last, description="Years", continuous_update=False
    )
    categories = ["all", *sorted(events.category.astype(str).unique())]
    category = widgets.Dropdown(options=categories, value="all", description="Category")

    def show():
        start, end = years.value
        chosen = events[events.date.dt.year.between(start, end)]
        if category.value != "all":
            chosen = chosen[chosen.category == category.value]
        shown = min(len(chosen), ROW_LIMIT)
        summary = f"{len(chosen)} events from {start} to {end} (showing {shown})."
        return summary, event_rows_html(chosen)

    return filter_panel([years, category], show, "Timeline explorer: run this cell to open it.")
