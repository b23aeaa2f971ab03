"""The arms deal explorer: filter data/arms_deals.csv by status, direction and year.

    from iran_russia.deal_explorer import deal_explorer
    deal_explorer(load("arms_deals"), years=(1989, 2011))

A deal's year is the year it was ordered or, where that is unknown, the year deliveries began.
Every deal keeps its status in words (delivered, reported, undelivered, cancelled) and, for any
deal not confirmed as delivered, the note that says what is reported or disputed: the explorer
shows what the sources support, never more. All text comes from data/ and is HTML-escaped.
"""

import html

import ipywidgets as widgets
import pandas as pd

from iran_russia.panel import Panel

STATUSES = ["delivered", "reported", "undelivered", "cancelled"]
DIRECTIONS = {
    "both directions": None,
    "Russia → Iran": "Russia",
    "Iran → Russia": "Iran",
}
FALLBACK = "Arms deal explorer: run this cell to open it."
COLUMNS = ["year", "supplier → recipient", "system", "status", "deliveries", "what is uncertain"]


def deal_years(deals: pd.DataFrame) -> pd.Series:
    """Each deal's year: the order year or, where that is unknown, the first delivery year."""
    return deals.order_year.fillna(deals.delivery_first)


def select_deals(
    deals: pd.DataFrame, status: str = "all", supplier: str | None = None, years=None
) -> pd.DataFrame:
    """The deals with this status ("all" for any) and supplier (None for both) within `years`."""
    chosen = deals.assign(year=deal_years(deals))
    if status != "all":
        chosen = chosen[chosen.status.astype(str) == status]
    if supplier is not None:
        chosen = chosen[chosen.supplier.astype(str) == supplier]
    if years is not None:
        start, end = years
        chosen = chosen[chosen.year.between(start, end).fillna(False).astype(bool)]
    return chosen.sort_values(["year", "deal_id"])


def deliveries(row) -> str:
    """The delivery years in words: "2006–2007", "from 1992", or "none recorded"."""
    first, last = row.delivery_first, row.delivery_last
    if pd.isna(first):
        return "none recorded"
    if pd.isna(last):
        return f"from {int(first)}"
    return str(int(first)) if first == last else f"{int(first)}–{int(last)}"


def summary_text(chosen: pd.DataFrame, years) -> str:
    """One sentence: how many deals match, by status, and over which years."""
    if chosen.empty:
        return "No deal matches these choices."
    counts = chosen.status.astype(str).value_counts()
    parts = ", ".join(f"{counts[status]} {status}" for status in STATUSES if status in counts)
    span = f" from {years[0]} to {years[1]}" if years is not None else ""
    noun = "deal" if len(chosen) == 1 else "deals"
    return f"{len(chosen)} {noun}{span}: {parts}."


def deal_rows_html(chosen: pd.DataFrame) -> str:
    """An HTML table of deals, one row each, every cell escaped."""
    header = "".join(f"<th>{html.escape(name)}</th>" for name in COLUMNS)
    rows = []
    for row in chosen.itertuples():
        uncertain = "" if row.status == "delivered" or pd.isna(row.note) else row.note
        cells = (
            "?" if pd.isna(row.year) else int(row.year),
            f"{row.supplier} → {row.recipient}",
            row.system,
            str(row.status).upper(),
            deliveries(row),
            uncertain,
        )
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    return f"<table><tr>{header}</tr>{''.join(rows)}</table>"


def deal_explorer(deals: pd.DataFrame, years: tuple[int, int] | None = None) -> Panel:
    """Pick a status, a direction and a span of years; see the matching deals and their caveats."""
    known = deal_years(deals).dropna()
    first, last = int(known.min()), int(known.max())
    start, end = years if years is not None else (first, last)
    span = widgets.IntRangeSlider(
        value=(max(start, first), min(end, last)),
        min=first,
        max=last,
        description="Years",
        continuous_update=False,
    )
    present = [status for status in STATUSES if (deals.status.astype(str) == status).any()]
    status = widgets.Dropdown(options=["all", *present], value="all", description="Status")
    direction = widgets.Dropdown(options=list(DIRECTIONS), value="both directions")
    summary = widgets.Label()
    table = widgets.HTML()

    def show(_change=None):
        chosen = select_deals(deals, status.value, DIRECTIONS[direction.value], span.value)
        summary.value = summary_text(chosen, span.value)
        table.value = deal_rows_html(chosen)

    for control in (span, status, direction):
        control.observe(show, names="value")
    show()
    return Panel([widgets.HBox([span, status, direction]), summary, table], fallback=FALLBACK)
