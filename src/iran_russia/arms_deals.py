"""The arms deals of data/arms_deals.csv: each deal's year, an explorer and a chart.

    from iran_russia.arms_deals import deal_explorer, supply_by_year
    deal_explorer(load("arms_deals"), years=(1989, 2011))  # status, direction and years to choose
    supply_by_year(load("arms_deals"), since=2015)  # one row per deal, status by line and marker

A deal's year is the year of its first delivery if the table knows it, else the year the deal
was ordered: a delivery is when arms actually moved. So the Tor-M1 deal, ordered in 2005 and
first delivered in 2006, is filed under 2006, and a cancelled or undelivered deal under the year
it was ordered. Deals with neither year are left out. The chart draws each deal across every
year the table gives for it, from its order to its last delivery.

Every deal keeps its status in words: delivered (confirmed by SIPRI or both governments),
reported (claimed, not confirmed), undelivered (ordered, not delivered) or cancelled. For any
deal not confirmed as delivered, the explorer shows the note that says what is reported or
disputed: it shows what the sources support, never more. Status is never told by colour alone:
in the chart delivered deals have solid lines and filled circles, reported ones dashed lines and
hollow triangles, undelivered and cancelled ones dotted lines with squares or crosses. All text
comes from data/ and is HTML-escaped.
"""

import re
import textwrap

import ipywidgets as widgets
import pandas as pd

from iran_russia import style
from iran_russia.panel import Panel, escaped_table, filter_panel

STATUS_STYLES = {  # status: (line style, marker, filled, legend label)
    "delivered": ("-", "o", True, "delivered (confirmed by SIPRI or both governments)"),
    "reported": ("--", "^", False, "reported, not confirmed"),
    "undelivered": (":", "s", False, "ordered, not delivered"),
    "cancelled": (":", "x", True, "cancelled"),
}
STATUSES = list(STATUS_STYLES)
ORDER_MARK = "o"  # drawn open: the year a delivered deal was ordered
ORDER_LABEL = "year ordered (delivered later or in years not recorded)"
ANY_STATUS = "all"
DIRECTIONS = {"Russia": "Russia → Iran", "Iran": "Iran → Russia"}  # supplier: direction
BOTH_DIRECTIONS = "both directions"
DIRECTION_COLOURS = {"Russia → Iran": style.BLUE, "Iran → Russia": style.VERMILION}
FALLBACK = "Arms deal explorer: run this cell to open it."
COLUMNS = [
    "year",
    "supplier → recipient",
    "system",
    "status",
    "deliveries",
    "quantity",
    "what is uncertain",
]
LABEL_WIDTH = 32  # characters in a line of a row's name


def deal_years(deals: pd.DataFrame) -> pd.Series:
    """Each deal's year: its first delivery year if known, else its order year (<NA> if neither)."""
    return deals.delivery_first.astype("Int64").fillna(deals.order_year.astype("Int64"))


def dated_deals(deals: pd.DataFrame) -> pd.DataFrame:
    """The deals that have a year, with their `direction`, `year`, and `start` and `end`: the
    first and last years the table gives for the deal, ordered or delivered."""
    known = deals[["order_year", "delivery_first", "delivery_last"]].astype("Float64")
    frame = deals.assign(
        direction=deals.supplier.astype(str).map(DIRECTIONS),
        year=deal_years(deals),
        start=known.min(axis=1),
        end=known.max(axis=1),
    )
    frame = frame.dropna(subset=["year"])
    return frame.astype({"year": int, "start": int, "end": int})


def select_deals(
    deals: pd.DataFrame,
    status: str = ANY_STATUS,
    direction: str = BOTH_DIRECTIONS,
    years: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """The deals with this status and direction whose year is within `years` (both included),
    sorted by year."""
    chosen = dated_deals(deals)
    if status != ANY_STATUS:
        chosen = chosen[chosen.status.astype(str) == status]
    if direction != BOTH_DIRECTIONS:
        chosen = chosen[chosen.direction == direction]
    if years is not None:
        chosen = chosen[chosen.year.between(*years)]
    return chosen.sort_values(["year", "deal_id"]).reset_index(drop=True)


def deliveries(row) -> str:
    """The delivery years in words: "2006–2007", "from 1992", or "none recorded"."""
    first, last = row.delivery_first, row.delivery_last
    if pd.isna(first):
        return "none recorded"
    if pd.isna(last):
        return f"from {int(first)}"
    return str(int(first)) if first == last else f"{int(first)}–{int(last)}"


def summary_text(chosen: pd.DataFrame, years: tuple[int, int] | None) -> str:
    """One sentence: how many deals match, by status, and over which years."""
    if chosen.empty:
        return "No deal matches these choices."
    counts = chosen.status.astype(str).value_counts()
    parts = ", ".join(f"{counts[status]} {status}" for status in STATUSES if status in counts)
    span = f" from {years[0]} to {years[1]}" if years is not None else ""
    noun = "deal" if len(chosen) == 1 else "deals"
    return f"{len(chosen)} {noun}{span}: {parts}."


def deal_rows_html(chosen: pd.DataFrame) -> str:
    """An HTML table of deals, one row each, every cell escaped; the note is shown only for
    deals not confirmed as delivered."""
    rows = []
    for deal in chosen.itertuples():
        uncertain = "" if deal.status == "delivered" or pd.isna(deal.note) else deal.note
        quantity = "" if pd.isna(deal.quantity) else f"{int(deal.quantity):,}"
        rows.append(
            (
                deal.year,
                f"{deal.supplier} → {deal.recipient}",
                deal.system,
                str(deal.status).upper(),
                deliveries(deal),
                quantity,
                uncertain,
            )
        )
    return escaped_table(COLUMNS, rows)


def deal_explorer(deals: pd.DataFrame, years: tuple[int, int] | None = None) -> Panel:
    """Pick a span of years, a status and a direction; see the matching deals and their caveats.

    The slider opens on `years` (kept within the deals' own years), or on every year if None."""
    known = dated_deals(deals).year
    first, last = int(known.min()), int(known.max())
    start, end = years if years is not None else (first, last)
    span = widgets.IntRangeSlider(
        value=(max(start, first), min(end, last)),
        min=first,
        max=last,
        description="Years",
        continuous_update=False,
    )
    status = widgets.Dropdown(
        options=[ANY_STATUS, *STATUSES], value=ANY_STATUS, description="Status"
    )
    direction = widgets.Dropdown(
        options=[BOTH_DIRECTIONS, *DIRECTIONS.values()],
        value=BOTH_DIRECTIONS,
        description="Direction",
    )

    def show():
        chosen = select_deals(deals, status.value, direction.value, span.value)
        return summary_text(chosen, span.value), deal_rows_html(chosen)

    return filter_panel([span, status, direction], show, FALLBACK)


def short_name(system: str) -> str:
    """A weapon system's name without bracketed detail, wrapped to fit beside a chart row in
    at most two lines (cut at a word, with an ellipsis, if longer)."""
    name = " ".join(re.sub(r"\([^)]*\)", " ", system).split())
    return textwrap.fill(name, LABEL_WIDTH, max_lines=2, placeholder=" …", break_on_hyphens=False)


def supply_by_year(deals: pd.DataFrame, since: int = 2015, until: int | None = None):
    """Every deal active from `since` on, one row each, in one panel per direction."""
    spans = dated_deals(deals).sort_values(["direction", "start", "year", "deal_id"])
    last = int(spans.end.max()) if until is None else until
    spans = spans[(spans.end >= since) & (spans.start <= last)]
    groups = [(d, spans[spans.direction == d]) for d in DIRECTIONS.values()]
    groups = [(direction, group) for direction, group in groups if not group.empty]
    figure, panels = style.new_figure(
        0.4 * len(spans) + 0.5 * len(groups) + 1.5,
        margins=(3.0, 0.6, 1.05, 0.75),
        nrows=len(groups),
        sharex=True,
        squeeze=False,
        gridspec_kw={"height_ratios": [len(group) + 0.6 for _, group in groups], "hspace": 0.12},
    )
    panels = panels[:, 0]
    for axes, (direction, group) in zip(panels, groups, strict=True):
        colour = DIRECTION_COLOURS[direction]
        for row, deal in enumerate(group.itertuples()):
            line, marker, filled, _ = STATUS_STYLES[str(deal.status)]
            width = 2.5 if line == "-" else 1.2  # a thin dash cannot pass for a mark
            axes.plot([deal.start, deal.end], [row, row], line, color=colour, linewidth=width)
            dated = pd.notna(deal.delivery_first)
            ordered = deal.status == "delivered" and (not dated or deal.start < deal.delivery_first)
            if dated or deal.status != "delivered":  # no filled mark for an undated delivery
                axes.plot(
                    [deal.delivery_first if ordered else deal.start, deal.end],
                    [row, row],
                    linestyle="none",
                    marker=marker,
                    markersize=8,
                    color=colour,
                    markerfacecolor=colour if filled else "white",
                )
            if ordered:  # the order year, before the first delivery, as an open circle
                axes.plot(deal.start, row, marker=ORDER_MARK, markersize=8, color=colour,
                          markerfacecolor="white", linestyle="none")  # fmt: skip
            if pd.notna(deal.quantity):
                axes.annotate(
                    f"{int(deal.quantity):,}",
                    (deal.end, row),
                    xytext=(8, -3),
                    textcoords="offset points",
                    fontsize=style.SMALL,
                )
        names = [short_name(str(system)) for system in group.system]
        axes.set_yticks(range(len(group)), names, fontsize=style.SMALL)
        axes.set_ylim(len(group) - 0.4, -0.6)
        axes.set_title(direction, loc="left", fontsize=style.TEXT, fontweight="bold")
        axes.grid(axis="x", color=style.GRID, linewidth=0.6)
        style.plain_axes(axes)
    bottom = panels[-1]
    # a year's air before the first mark, so that none sits on the spine
    bottom.set_xlim(since - 1, last + 1 + 0.04 * (last - since))
    bottom.xaxis.get_major_locator().set_params(integer=True)
    bottom.set_xlabel("Year (from order to last delivery, where known)", fontsize=style.SMALL)
    for status, (line, marker, filled, label) in STATUS_STYLES.items():
        if (spans.status == status).any():
            panels[0].plot(
                [],
                [],
                line,
                marker=marker,
                color="black",
                markersize=7,
                label=label,
                markerfacecolor="black" if filled else "white",
            )
    panels[0].plot([], [], linestyle="none", marker=ORDER_MARK, color="black", markersize=7,
                   markerfacecolor="white", label=ORDER_LABEL)  # fmt: skip
    style.legend_under_title(figure, panels[0], columns=2)
    style.title(figure, "Who supplied whom: arms deals between Russia and Iran")
    style.source_line(figure, "Numbers beside a row: quantity (for reported deals, a reported or "
                      "planned amount: see each deal's note)")  # fmt: skip
    return figure
