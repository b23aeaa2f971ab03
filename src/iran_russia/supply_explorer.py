"""Who supplied whom, year by year: the arms deals of data/arms_deals.csv as a chart and a panel.

    from iran_russia.supply_explorer import supply_by_year, supply_explorer
    supply_by_year(load("arms_deals"), since=2015)   # one row per deal, status by line and marker
    supply_explorer(load("arms_deals"))              # years, direction and status to choose

Each deal spans the years the table knows for it, from its order to its last delivery. A deal is
filed under the year it is tied to: its first delivery if one is known, else the year it was
ordered. Status is never shown by colour alone: delivered deals (confirmed by SIPRI or both
governments) have solid lines and filled circles, reported ones dashed lines and hollow
triangles, undelivered and cancelled ones dotted lines with squares or crosses.
"""

import html
import re

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from iran_russia.charts import OKABE_ITO
from iran_russia.panel import Panel

DIRECTIONS = {"Russia": "Russia → Iran", "Iran": "Iran → Russia"}
DIRECTION_COLOURS = {"Russia → Iran": OKABE_ITO[4], "Iran → Russia": OKABE_ITO[5]}
STATUS_STYLES = {  # status: (line style, marker, filled, legend label)
    "delivered": ("-", "o", True, "delivered (confirmed by SIPRI or both governments)"),
    "reported": ("--", "^", False, "reported, not confirmed"),
    "undelivered": (":", "s", False, "ordered, not delivered"),
    "cancelled": (":", "x", True, "cancelled"),
}
STATUS_CHOICES = {
    "all statuses": list(STATUS_STYLES),
    "delivered only": ["delivered"],
    "reported only": ["reported"],
    "not delivered (undelivered or cancelled)": ["undelivered", "cancelled"],
}
LABEL_LENGTH = 50


def short_name(system: str) -> str:
    """A weapon system's name without bracketed detail, cut at a word to fit beside a chart row."""
    name = " ".join(re.sub(r"\([^)]*\)", " ", system).split())
    if len(name) <= LABEL_LENGTH:
        return name
    return name[: LABEL_LENGTH + 1].rsplit(" ", 1)[0].rstrip(" /,;") + "…"


def deal_years(deals: pd.DataFrame) -> pd.DataFrame:
    """One row per deal with its direction, the year it is filed under, and its span of years.

    `year` is the first delivery if known, else the order year; `start` and `end` are the first
    and last years the table gives for the deal (order or delivery). Deals without any year are
    left out.
    """
    frame = deals.copy()
    frame["direction"] = frame.supplier.astype(str).map(DIRECTIONS)
    years = frame[["order_year", "delivery_first", "delivery_last"]].astype("Float64")
    frame["year"] = years.delivery_first.fillna(years.order_year)
    frame["start"] = years.min(axis=1)
    frame["end"] = years.max(axis=1)
    frame = frame.dropna(subset=["year"])
    for column in ("year", "start", "end"):
        frame[column] = frame[column].astype(int)
    return frame.sort_values(["direction", "start", "year", "deal_id"]).reset_index(drop=True)


def supply_by_year(deals: pd.DataFrame, since: int = 2015, until: int | None = None):
    """Every deal active from `since` on, one row each, in one panel per direction."""
    spans = deal_years(deals)
    last = int(spans.end.max()) if until is None else until
    spans = spans[(spans.end >= since) & (spans.start <= last)]
    groups = [(d, spans[spans.direction == d]) for d in DIRECTIONS.values()]
    groups = [(direction, group) for direction, group in groups if not group.empty]
    figure = Figure(figsize=(10, 0.4 * len(spans) + 1.2 * len(groups) + 1.2))
    panels = figure.subplots(
        len(groups),
        1,
        sharex=True,
        squeeze=False,
        gridspec_kw={"height_ratios": [len(group) + 0.6 for _, group in groups]},
    )[:, 0]
    for axes, (direction, group) in zip(panels, groups, strict=True):
        colour = DIRECTION_COLOURS[direction]
        for row, deal in enumerate(group.itertuples()):
            style, marker, filled, _ = STATUS_STYLES[str(deal.status)]
            axes.plot([deal.start, deal.end], [row, row], style, color=colour, linewidth=2.5)
            axes.plot(
                [deal.start, deal.end],
                [row, row],
                linestyle="none",
                marker=marker,
                markersize=8,
                color=colour,
                markerfacecolor=colour if filled else "white",
            )
            if pd.notna(deal.quantity):
                axes.annotate(
                    f"{int(deal.quantity):,}",
                    (deal.end, row),
                    xytext=(8, -3),
                    textcoords="offset points",
                    fontsize=7,
                )
        names = [short_name(str(system)) for system in group.system]
        axes.set_yticks(range(len(group)), names, fontsize=8)
        axes.set_ylim(len(group) - 0.4, -0.6)
        axes.set_title(direction, loc="left", fontsize=10, fontweight="bold")
        axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    bottom = panels[-1]
    bottom.set_xlim(since - 0.5, last + 1 + 0.04 * (last - since))
    bottom.xaxis.get_major_locator().set_params(integer=True)
    bottom.set_xlabel("Year (from order to last delivery, where known)")
    for status, (style, marker, filled, label) in STATUS_STYLES.items():
        if (spans.status == status).any():
            panels[0].plot(
                [],
                [],
                style,
                marker=marker,
                color="black",
                markersize=7,
                label=label,
                markerfacecolor="black" if filled else "white",
            )
    panels[0].legend(
        loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, fontsize=8, frameon=False
    )
    figure.suptitle("Who supplied whom: arms deals between Russia and Iran")
    figure.text(
        0.01,
        0.01,
        "Numbers beside a row: the quantity column of data/arms_deals.csv "
        "(for reported deals, a reported or planned amount: see each deal's note)",
        fontsize=7,
    )
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    return figure


def supply_table(
    deals: pd.DataFrame,
    years: tuple[int, int],
    direction: str = "both directions",
    statuses: list[str] | None = None,
) -> pd.DataFrame:
    """The deals filed under a year in `years` (first and last included), for a direction and
    statuses, sorted by year."""
    chosen = deal_years(deals)
    chosen = chosen[chosen.year.between(*years)]
    if direction != "both directions":
        chosen = chosen[chosen.direction == direction]
    if statuses is not None:
        chosen = chosen[chosen.status.astype(str).isin(statuses)]
    return chosen.sort_values(["year", "direction", "deal_id"]).reset_index(drop=True)


def summary_text(chosen: pd.DataFrame, years: tuple[int, int]) -> str:
    """One sentence: how many deals, and how many of each status."""
    counts = chosen.status.astype(str).value_counts()
    parts = [f"{counts[status]} {status}" for status in STATUS_STYLES if status in counts]
    detail = f": {', '.join(parts)}" if parts else ""
    noun = "deal" if len(chosen) == 1 else "deals"
    return f"{len(chosen)} {noun} filed under {years[0]}–{years[1]}{detail}."


def deal_rows_html(chosen: pd.DataFrame) -> str:
    """An HTML table of deals (year, who to whom, system, status, quantity, caveat), escaped."""
    header = "".join(
        f"<th>{name}</th>"
        for name in ("year", "who to whom", "system", "status", "quantity", "caveat")
    )
    rows = []
    for deal in chosen.itertuples():
        quantity = "" if pd.isna(deal.quantity) else f"{int(deal.quantity):,}"
        caveat = "" if pd.isna(deal.note) else str(deal.note)
        cells = (deal.year, deal.direction, deal.system, deal.status, quantity, caveat)
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in cells) + "</tr>")
    return f"<table><tr>{header}</tr>{''.join(rows)}</table>"


def supply_explorer(deals: pd.DataFrame) -> Panel:
    """Choose years, a direction and statuses; see which deals match, with their caveats."""
    filed = deal_years(deals)
    first, last = int(filed.year.min()), int(filed.year.max())
    years = widgets.IntRangeSlider(
        value=(first, last), min=first, max=last, description="Years", continuous_update=False
    )
    direction = widgets.Dropdown(
        options=["both directions", *DIRECTIONS.values()],
        value="both directions",
        description="Direction",
    )
    status = widgets.Dropdown(
        options=list(STATUS_CHOICES),
        value="all statuses",
        description="Status",
        style={"description_width": "initial"},
        layout={"width": "auto"},
    )
    summary = widgets.Label()
    table = widgets.HTML()

    def show(_change=None):
        chosen = supply_table(deals, years.value, direction.value, STATUS_CHOICES[status.value])
        summary.value = summary_text(chosen, years.value)
        table.value = deal_rows_html(chosen)

    for control in (years, direction, status):
        control.observe(show, names="value")
    show()
    return Panel(
        [widgets.HBox([years, direction]), status, summary, table],
        fallback="Supply explorer: run this cell to open it.",
    )
