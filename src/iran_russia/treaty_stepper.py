"""Lesson 01's explorer and charts: the treaties of 1723–1921, what they moved, and when.

    from iran_russia.treaty_stepper import treaty_stepper, transfers_chart, decade_chart

    treaty_stepper(load("treaties"), load("territories"))  # step through the era's treaties
    transfers_chart(load("treaties"), load("territories"))  # territories and rights per treaty
    decade_chart(events[events.era == "empires"])           # events per decade, by category

Every text the stepper shows comes from data/ and is HTML-escaped before it is displayed.
"""

import html
import re

import ipywidgets as widgets
import pandas as pd
from matplotlib.ticker import FuncFormatter

from iran_russia import style
from iran_russia.eras import BY_NAME
from iran_russia.panel import Panel

FIRST_YEAR, LAST_YEAR = BY_NAME["empires"].first_year, BY_NAME["empires"].last_year
KINDS = (
    "khanate",
    "kingdom",
    "principality",
    "region",
    "right",
)  # territory kinds, in legend order
KIND_STYLES = {  # kind: (colour, hatch): colour-blind-safe colours, told apart by hatch too
    "khanate": (style.BLUE, ""),
    "kingdom": (style.SKY, "oo"),
    "principality": (style.ORANGE, "//"),
    "region": (style.GREEN, ".."),
    "right": (style.PURPLE, "xx"),
}
HATCHES = ("", "//", "..", "xx", "--", "++", "oo", "**", "||")  # no two mirror images
DIRECTIONS = {"to_russia": "to Russia", "to_iran": "to Iran", "mutual": "accepted by both"}


def era_treaties(treaties: pd.DataFrame) -> pd.DataFrame:
    """The treaties signed from 1722 to 1921, earliest first."""
    years = treaties.date.dt.year
    return treaties[years.between(FIRST_YEAR, LAST_YEAR)].sort_values("date")


def label(treaty) -> str:
    """A treaty's short label: its name without asides, and its year ('Treaty of Resht (1732)')."""
    name = re.sub(r"\s*\([^)]*\)", "", str(treaty["name"])).strip()
    return f"{name} ({treaty['date'].year})"


def treaty_card_html(treaty, territories: pd.DataFrame) -> str:
    """One treaty as an HTML card: dates, parties, clauses and what it moved, all escaped."""

    def text(value) -> str:
        return html.escape(str(value))

    date = f"{treaty.date.day} {treaty.date:%B %Y}"
    if pd.notna(treaty.date_julian):
        julian = f"{treaty.date_julian.day} {treaty.date_julian:%B %Y}"
        date += f" (Russian Julian calendar: {julian})"
    rows = [
        f"<h4>{text(label(treaty))}</h4>",
        f"<b>Signed:</b> {text(date)}"
        + (f", {text(treaty.place_signed)}" if pd.notna(treaty.place_signed) else ""),
        f"<br><b>Parties:</b> {text(str(treaty.parties).replace(';', ', '))}"
        f" &nbsp; <b>Kind:</b> {text(str(treaty.kind).replace('_', ' '))}"
        f" &nbsp; <b>Moved a border:</b> {text(treaty.border_change)}",
    ]
    if pd.notna(treaty.indemnity):
        rows.append(f"<br><b>Indemnity:</b> {text(treaty.indemnity)}")
    clauses = "".join(f"<li>{text(c.strip())}</li>" for c in str(treaty.key_clauses).split("|"))
    rows.append(f"<br><b>Key clauses:</b><ul>{clauses}</ul>")
    moved = territories[territories.treaty_id == treaty.treaty_id]
    if moved.empty:
        rows.append("<b>Territories and rights moved:</b> none listed in territories.csv.")
    else:
        items = "".join(
            f"<li>{text(row.name)} ({text(row.kind)}, {DIRECTIONS[row.direction]}"
            + (f"; today in {text(row.modern_country)}" if pd.notna(row.modern_country) else "")
            + ")</li>"
            for row in moved.itertuples()
        )
        rows.append(f"<b>Territories and rights moved ({len(moved)}):</b><ul>{items}</ul>")
    if treaty.status != "confirmed" and pd.notna(treaty.note):
        rows.append(f"<b>Status: {text(treaty.status)}.</b> {text(treaty.note)}")
    rows.append(f"<br><small>Sources: {text(str(treaty.source_ids).replace(';', ', '))}</small>")
    return "".join(rows)


def treaty_stepper(treaties: pd.DataFrame, territories: pd.DataFrame) -> Panel:
    """Step through the treaties of 1722–1921 with Previous / Next or the slider."""
    chosen = era_treaties(treaties).reset_index(drop=True)
    count = len(chosen)
    previous = widgets.Button(description="Previous", icon="arrow-left")
    following = widgets.Button(description="Next", icon="arrow-right")
    slider = widgets.IntSlider(
        value=1, min=1, max=max(count, 1), description="Treaty", continuous_update=False
    )
    position = widgets.Label()
    card = widgets.HTML()

    def show(_change=None):
        if not count:
            position.value, card.value = "No treaties from this era in the table.", ""
            return
        treaty = chosen.iloc[slider.value - 1]
        position.value = f"{slider.value} of {count}: {label(treaty)}"
        card.value = treaty_card_html(treaty, territories)

    def step(offset: int):
        slider.value = min(max(slider.value + offset, slider.min), slider.max)

    previous.on_click(lambda _button: step(-1))
    following.on_click(lambda _button: step(1))
    slider.observe(show, names="value")
    show()
    return Panel(
        [widgets.HBox([previous, slider, following]), position, card],
        fallback="Treaty stepper: run this cell to step through the treaties of 1723–1921.",
    )


def transfers_chart(treaties: pd.DataFrame, territories: pd.DataFrame):
    """What each treaty of the era moved, one row per treaty: bars to the right for what went to
    Russia, to the left for what came back to Iran, split by kind; rights both sides accepted are
    counted beside the row."""
    chosen = era_treaties(treaties)
    moved = territories[territories.treaty_id.isin(chosen.treaty_id)]
    order = [treaty for treaty in chosen.treaty_id if treaty in set(moved.treaty_id)]
    names = chosen.set_index("treaty_id").loc[order]
    labels = [label(row) for _, row in names.iterrows()]
    figure, axes = style.new_figure(0.5 * len(order) + 1.9, margins=(3.1, 0.4, 1.0, 0.6))
    for direction, sign in (("to_russia", 1), ("to_iran", -1)):
        counts = (
            moved[moved.direction == direction]
            .groupby(["treaty_id", "kind"], observed=False)
            .size()
            .unstack(fill_value=0)
            .reindex(index=order, columns=list(KINDS), fill_value=0)
        )
        start = pd.Series(0, index=counts.index)
        for kind in KINDS:
            colour, hatch = KIND_STYLES[kind]
            axes.barh(labels, sign * counts[kind], left=sign * start, color=colour, hatch=hatch,
                      edgecolor="black", label=kind if sign == 1 else None)  # fmt: skip
            start += counts[kind]
        for y, total in enumerate(start):
            if total:
                axes.text(sign * (total + 0.25), y, str(total), va="center",
                          ha="left" if sign == 1 else "right", fontsize=style.SMALL)  # fmt: skip
    both = moved[moved.direction == "mutual"].groupby("treaty_id").size()
    for treaty, count in both.items():
        axes.text(0.25, order.index(treaty), f"+ {count} accepted by both", va="center",
                  fontsize=style.SMALL, color=style.MUTED)  # fmt: skip
    axes.axvline(0, color=style.INK, linewidth=1)
    axes.invert_yaxis()
    limit = axes.get_xlim()
    axes.set_xlim(limit[0] - 1, limit[1] + 1)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):.0f}"))
    axes.set_xlabel("Number of territories and rights moved", fontsize=style.SMALL)
    for x, text, align in (
        (-0.3, "\u2190 back to Iran", "right"),
        (0.3, "to Russia \u2192", "left"),
    ):
        axes.annotate(text, (x, 1), xycoords=("data", "axes fraction"), xytext=(0, 3),
                      textcoords="offset points", ha=align, va="bottom", fontsize=style.SMALL,
                      fontweight="bold")  # fmt: skip
    style.plain_axes(axes)
    style.legend_under_title(figure, axes, columns=5)
    style.title(figure, "What each treaty moved, 1723–1921: to Russia, and back to Iran")
    return figure


def decade_chart(events: pd.DataFrame):
    """Events per decade as stacked bars, one colour and hatch per category."""
    decade = (events.date.dt.year // 10 * 10).rename("decade")
    counts = events.groupby([decade, "category"], observed=True).size().unstack(fill_value=0)
    counts = counts[counts.sum().sort_values(ascending=False).index]  # biggest category first
    figure, axes = style.new_figure(4.4, margins=(0.8, 0.3, 1.2, 0.6))
    bottom = pd.Series(0, index=counts.index)
    colours = [*style.PALETTE, "#ffffff", "#999999"]  # white, so a pattern still shows
    for index, category in enumerate(counts.columns):
        axes.bar(counts.index, counts[category], width=8, align="edge", bottom=bottom,
                 label=str(category), color=colours[index % len(colours)],
                 hatch=HATCHES[index % len(HATCHES)], edgecolor="black", linewidth=0.5)  # fmt: skip
        bottom += counts[category]
    axes.set_ylim(0, bottom.max() + 1.5)
    axes.set_xlabel("Decade (each bar starts at the decade's first year)", fontsize=style.SMALL)
    axes.set_ylabel("Number of events", fontsize=style.SMALL)
    style.plain_axes(axes)
    style.legend_above(axes, columns=5)
    style.title(figure, "Events per decade, by category")
    return figure
