"""Figures the lessons share. Each function returns a matplotlib Figure.

Figures are built without pyplot, so a notebook shows each one exactly once (as the value of
its cell) and nothing is left open. Colours come from the Okabe–Ito palette, which colour-blind
readers can tell apart, and no meaning rests on colour alone: statuses also differ by marker
shape, eras by label.
"""

import pandas as pd
from matplotlib.figure import Figure

from iran_russia.eras import BY_NAME, ERAS

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
STATUS_MARKERS = {"confirmed": "o", "reported": "^", "disputed": "s"}


def shade_eras(axes, highlight: str | None = None) -> None:
    """Shade the five eras on a time axis, labelled by lesson number; the highlighted is darker."""
    for index, era in enumerate(ERAS):
        strong = highlight is None or era.name == highlight
        start, end = pd.Timestamp(era.first_year, 1, 1), pd.Timestamp(era.last_year, 12, 31)
        axes.axvspan(start, end, color=OKABE_ITO[index], alpha=0.35 if strong else 0.08, lw=0)
        axes.text(
            start + (end - start) / 2,
            1.0,
            era.lesson,
            transform=axes.get_xaxis_transform(),
            ha="center",
            va="bottom",
            fontsize=8,
            fontweight="bold" if strong else "normal",
        )


def timeline_strip(events: pd.DataFrame, era: str | None = None):
    """A thin strip of every event on one time axis: 'where we are' in the series."""
    figure = Figure(figsize=(10, 1.6))
    axes = figure.subplots()
    shade_eras(axes, highlight=era)
    axes.plot(events.date, [0] * len(events), "|", color="black", markersize=14)
    axes.set_yticks([])
    axes.set_xlabel("Year")
    title = "All events in the series"
    if era:
        title += f": this lesson covers {BY_NAME[era].first_year}–{BY_NAME[era].last_year}"
    axes.set_title(title, pad=14)
    figure.tight_layout()
    return figure


def score_timeline(events: pd.DataFrame, era: str | None = None):
    """Each event's cooperation–conflict score over time, with a marker shape per status."""
    figure = Figure(figsize=(10, 4))
    axes = figure.subplots()
    shade_eras(axes, highlight=era)
    for status, marker in STATUS_MARKERS.items():
        subset = events[events.status == status]
        axes.scatter(
            subset.date, subset.score, marker=marker, color="black", s=18, label=status
        )
    axes.axhline(0, color="grey", linewidth=0.8)
    axes.set_ylim(-11, 11)
    axes.set_xlabel("Year")
    axes.set_ylabel("Score (−10 conflict … +10 cooperation)")
    axes.set_title("Cooperation and conflict between Iran and Russia, event by event", pad=14)
    axes.legend(title="Status", loc="lower right")
    figure.tight_layout()
    return figure
