"""Yearly indicators of Iran–Russia relations, a weighted composite index, and its weights panel.

    from iran_russia.indicators import raw_indicators, scale, composite, weights_panel
    raw = raw_indicators()            # one row per year, one column per indicator, in its own unit
    scaled = scale(raw)               # each column on 0–1 over the years where it exists
    composite(scaled, {"events": 1, "unga": 1})
    panel = weights_panel(scaled)     # sliders; panel.set_weights(arms=2) does what a drag does
    raw_indicators({"events": rescored_events})   # any table given replaces the one in data/

The five indicators (lesson 06 explains each choice):

- events: mean cooperation–conflict score of the year's events (years without events: missing);
- arms: SIPRI trend-indicator value delivered in both directions (from 1950; a year with no
  delivery is a real zero);
- trade: Correlates of War trade in both directions, in current US dollars (data/ holds no price
  index to deflate it, nor either country's total trade to make it a share), dataset rows only
  (reported figures are kept out: they are claims with differing definitions); a year missing one
  direction sums what exists;
- visits: high-level meetings recorded that year (a summit both leaders attended counts once);
  the table is a selection, not a complete record, so a year with none recorded is missing;
- unga: share of UN General Assembly roll calls on which Iran and the USSR/Russia voted alike
  (all issues; years with fewer than ten shared roll calls are left out).

Arms and trade grow by factors of hundreds, so they are compared as orders of magnitude,
log10(1 + value), before scaling. The composite of a year is the weighted mean of the indicators
that exist that year: a missing indicator drops out of both the sum and the total weight, so the
basket behind the index changes over time (`coverage` counts it). A year with no indicator of
positive weight has no composite. `compare` says whether the mean from 1992 on is higher than the
mean of 1946–1978 by more than a margin (MARGIN unless given): within it, too close to call.
"""

import math
from collections.abc import Mapping

import ipywidgets as widgets
import numpy as np
import pandas as pd

from iran_russia import style
from iran_russia.charts import no_data, shade_eras
from iran_russia.data import load
from iran_russia.panel import Panel

INDICATORS = {
    "events": "Event scores",
    "arms": "Arms transfers",
    "trade": "Trade",
    "visits": "High-level meetings",
    "unga": "UN votes alike",
}
LOGGED = ("arms", "trade")
MIN_ROLL_CALLS = 10
WEIGHTINGS = {
    "equal": {name: 1 for name in INDICATORS},
    "events only": {"events": 1},
    "material (arms + trade)": {"arms": 1, "trade": 1},
    "diplomatic (meetings + UN votes)": {"visits": 1, "unga": 1},
}
MAX_WEIGHT = 5
FEW_YEARS = 3  # a decade mean of fewer years is drawn thin
BEFORE, AFTER = 1979, 1991
FIRST = 1946  # the first year of UN votes: from here at least two indicators exist most years
MARGIN = 0.05  # a difference of means smaller than this is too close to call
MAX_MARGIN = 0.5
LINE_STYLES = ["-", "--", ":", "-."]
MARKERS = ["o", "s", "^", "D"]
COLOURS = [style.ORANGE, style.BLUE, style.GREEN, style.VERMILION]  # no pale yellow on white
TABLES = ("events", "arms_tiv", "trade", "visits", "unga_agreement")
# Counts: their lowest possible year is none at all, so min-max scales them from zero, and a year
# with one recorded meeting is not scored as the least close year there could be.
COUNTS = ("visits",)


class WeightError(ValueError):
    """Weights or a margin that cannot be used; the message is one sentence saying what to give."""

    def _render_traceback_(self) -> list[str]:
        """In a notebook, show the sentence alone instead of a traceback."""
        return [str(self)]


def raw_indicators(tables: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """One row per year, one column per indicator, each in its own unit (missing where absent);
    a table given in `tables` replaces the one in data/, such as events with re-scored rows."""
    given = dict(tables or {})
    tables = {name: given[name] if name in given else load(name) for name in TABLES}
    events = tables["events"]
    tiv = tables["arms_tiv"]
    trade = tables["trade"]
    trade = trade[trade.status == "dataset"]
    meetings = tables["visits"].drop_duplicates(["date", "host_country"])
    votes = tables["unga_agreement"]
    votes = votes[
        (votes.partner == "russia")
        & (votes.issue_area == "all")
        & (votes.roll_calls >= MIN_ROLL_CALLS)
    ]
    columns = {
        "events": events.groupby(events.date.dt.year).score.mean().astype(float),
        "arms": tiv.groupby("year").tiv_millions.sum(),
        "trade": trade.groupby("year").value_musd.sum(min_count=1),
        "visits": meetings.date.dt.year.value_counts(),
        "unga": votes.set_index("year").agreement,
    }
    for column in columns.values():
        column.index = column.index.astype(int)
    raw = pd.DataFrame(columns).sort_index().astype(float)
    raw.index.name = "year"
    return raw


def minmax(column: pd.Series, low: float | None = None) -> pd.Series:
    """Rescale to 0 (the lowest year, or `low`) … 1 (the highest); missing years stay missing."""
    low, high = column.min() if low is None else low, column.max()
    return (column - low) / (high - low) if high > low else column * 0.0


def zscore(column: pd.Series) -> pd.Series:
    """Distance from the mean in standard deviations; missing years stay missing."""
    spread = column.std()
    return (column - column.mean()) / spread if spread > 0 else column * 0.0


def scale(raw: pd.DataFrame, method: str = "minmax") -> pd.DataFrame:
    """Put every indicator on one scale ("minmax": 0–1, or "zscore") over the years it exists."""
    methods = {"minmax": minmax, "zscore": zscore}
    if method not in methods:
        raise ValueError(f"method must be one of {', '.join(methods)}, not {method!r}.")
    logged = raw.copy()
    for name in LOGGED:
        if name in logged:
            logged[name] = np.log10(1 + logged[name])
    scaled = logged.apply(methods[method])
    for name in COUNTS:
        if method == "minmax" and name in scaled:
            scaled[name] = minmax(logged[name], low=0.0)
    return scaled


def checked_weights(weights: Mapping[str, object], names=tuple(INDICATORS)) -> dict[str, float]:
    """Weights for every indicator (0 where not given), or WeightError with one clear sentence."""
    unknown = [name for name in weights if name not in names]
    if unknown:
        raise WeightError(
            f"There is no indicator called {unknown[0]!r}; the indicators are: {', '.join(names)}."
        )
    checked = {}
    for name in names:
        value = weights.get(name, 0)
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise WeightError(f"The weight of {name} must be a number, not {value!r}.")
        if not 0 <= value <= MAX_WEIGHT:
            raise WeightError(
                f"The weight of {name} must lie between 0 and {MAX_WEIGHT}, not {value}."
            )
        checked[name] = float(value)
    if not any(checked.values()):
        raise WeightError("Give at least one indicator a weight above zero to build an index.")
    return checked


def weights_used(checked: Mapping[str, float], given: Mapping[str, object]) -> str:
    """One sentence listing every indicator's weight, marking those not given (so set to 0)."""
    parts = [
        f"{name} {weight:g}" + ("" if name in given else " (not named, so 0)")
        for name, weight in checked.items()
    ]
    return "Weights used: " + ", ".join(parts) + "."


def composite(scaled: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """Weighted mean, per year, of the indicators that exist that year (missing: no weight)."""
    weights = pd.Series(checked_weights(weights, tuple(scaled.columns)))
    present = scaled.notna()
    total = present.mul(weights).sum(axis=1)
    index = scaled.fillna(0).mul(weights).sum(axis=1) / total.where(total > 0)
    return index.rename("composite")


def coverage(scaled: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """How many indicators of positive weight stand behind each year's composite."""
    weights = checked_weights(weights, tuple(scaled.columns))
    used = [name for name, weight in weights.items() if weight > 0]
    return scaled[used].notna().sum(axis=1).rename("indicators")


def by_decade(series: pd.Series) -> pd.Series:
    """Mean per decade (1990 stands for 1990–1999) of the years that have a value."""
    values = series.dropna()
    return values.groupby(values.index // 10 * 10).mean()


def checked_margin(margin: object) -> float:
    """The margin as a number from 0 to MAX_MARGIN, or WeightError with one clear sentence."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or math.isnan(margin):
        raise WeightError(f"The margin must be a number, not {margin!r}.")
    if not 0 <= margin <= MAX_MARGIN:
        raise WeightError(f"The margin must lie between 0 and {MAX_MARGIN}, not {margin}.")
    return float(margin)


def compare(index: pd.Series, margin: float = MARGIN) -> tuple[float, float, str]:
    """Means of FIRST–1978 and of 1992 on; is the later higher, lower or within `margin` of it?"""
    margin = checked_margin(margin)
    before = index.loc[FIRST : BEFORE - 1].mean()
    after = index.loc[AFTER + 1 :].mean()
    if after - before > margin:
        verdict = "higher"
    elif before - after > margin:
        verdict = "lower"
    else:
        verdict = "too close to call"
    return before, after, verdict


def summary(index: pd.Series, margin: float = MARGIN) -> str:
    """One sentence on a composite since FIRST: its highest decade; before 1979 vs after 1991."""
    decades = by_decade(index.loc[FIRST:])
    before, after, verdict = compare(index, margin)
    return (
        f"From {FIRST}: highest decade the {int(decades.idxmax())}s ({decades.max():.2f}); "
        f"mean {FIRST}–{BEFORE - 1} {before:.2f}, mean {AFTER + 1} on {after:.2f}: "
        f"after {AFTER} is {verdict} (margin {margin:g})."
    )


def mid_year(years) -> np.ndarray:
    """Each year at its middle (1946 is 1946.5), to share a time axis with the other charts."""
    return np.asarray(years, dtype=float) + 0.5


def indicator_chart(scaled: pd.DataFrame):
    """One strip per indicator on a common 0–1 scale over time: where each exists, and its level."""
    figure, axes_list = style.new_figure(6.2, margins=(1.7, 0.9, 1.05, 0.45),
                                         nrows=len(scaled.columns), sharex=True)  # fmt: skip
    figure.subplots_adjust(hspace=0.3)
    for axes, name in zip(axes_list, scaled.columns, strict=True):
        values = scaled[name].dropna()
        shade_eras(axes)
        if axes is not axes_list[0]:
            for label in list(axes.texts):
                label.remove()  # era names on the top strip only
        axes.plot(mid_year(values.index), values, ".", color="black", markersize=3)
        axes.set_ylim(-0.1, 1.1)
        axes.set_yticks([0, 1])
        style.plain_axes(axes)
        label = INDICATORS[name] + ("\n(log scale)" if name in LOGGED else "")
        axes.set_ylabel(label, rotation=0, ha="right", va="center", fontsize=style.SMALL)
        first, last = int(values.index.min()), int(values.index.max())
        axes.text(1.01, 0.5, f"{first}–{last}", transform=axes.transAxes, fontsize=style.SMALL,
                  va="center")  # fmt: skip
        if last < scaled.index.max():
            no_data(axes, last + 1, scaled.index.max() + 1, words=scaled.index.max() - last >= 8)
    style.title(
        figure,
        "Five indicators on one scale, 0 to 1",
        subtitle="0: the lowest year (for meetings, none); 1: the highest; arms and trade on a "
        "log scale first.\nNo dot: no record that year; dotted: years after the data end.",
    )
    return figure


def composite_chart(scaled: pd.DataFrame, weights: Mapping[str, float]):
    """The composite by year (dots) and decade (steps), above the number of indicators behind it."""
    index, count = composite(scaled, weights), coverage(scaled, weights)
    figure, (top, bottom) = style.new_figure(5.0, margins=(0.9, 1.6, 1.05, 0.45), nrows=2,
                                             sharex=True, height_ratios=[3, 1])  # fmt: skip
    shade_eras(top)
    values = index.dropna()
    alone = (values.index >= FIRST) & (count.reindex(values.index) == 1)  # thin, where it matters
    top.plot(mid_year(values.index[~alone]), values[~alone], ".", color="grey", markersize=4,
             label="one year")  # fmt: skip
    if alone.any():
        top.plot(mid_year(values.index[alone]), values[alone], "o", markersize=5,
                 color="black", markerfacecolor="white",
                 label="a year (from\n1946) on one\nindicator only")  # fmt: skip
    decades = by_decade(index)
    years = values.groupby(values.index // 10 * 10).size()  # years behind each decade's mean
    for thin, label in [(False, "decade mean"), (True, f"decade mean of\nunder {FEW_YEARS} years")]:
        chosen = decades[(years < FEW_YEARS) == thin]
        top.hlines(chosen, chosen.index, chosen.index + 10, color="black",
                   linewidth=1.0 if thin else 2.5, label=label)  # fmt: skip
    top.set_ylim(-0.05, 1.05)
    top.set_ylabel("Composite (0 … 1)", fontsize=style.SMALL)
    style.plain_axes(top)
    top.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=style.SMALL)
    used = ", ".join(
        f"{INDICATORS[name]} {weight:g}"
        for name, weight in checked_weights(weights, tuple(scaled.columns)).items()
        if weight
    )
    style.title(figure, "Composite index of closeness", subtitle=f"Weights: {used}")
    every_year = count.reindex(range(count.index.min(), count.index.max() + 1), fill_value=0)
    bottom.fill_between(mid_year(every_year.index), every_year, step="mid", color=style.BLUE, lw=0)
    bottom.set_ylim(0, len(scaled.columns))
    bottom.set_ylabel("Indicators\nbehind it", fontsize=style.SMALL)
    style.plain_axes(bottom)
    return figure


def partial_decades(years: pd.Index) -> str:
    """Words for the first and last decades when the years cover only part of them."""
    first, last = int(years.min()), int(years.max())
    parts = (
        [f"the {first // 10 * 10}s hold only {first}–{first // 10 * 10 + 9}"] if first % 10 else []
    )
    if last % 10 != 9:
        parts.append(f"the {last // 10 * 10}s only {last // 10 * 10}–{last}")
    return "; " + " and ".join(parts) if parts else ""


def sensitivity_chart(composites: pd.DataFrame):
    """Decade means of the composite under each weighting: one line style and marker each."""
    figure, axes = style.new_figure(4.4, margins=(0.9, 0.3, 0.95, 0.55))
    for number, name in enumerate(composites.columns):
        decades = by_decade(composites[name])
        axes.plot(decades.index + 5, decades, LINE_STYLES[number % 4], marker=MARKERS[number % 4],
                  color=COLOURS[number % 4], label=name)  # fmt: skip
    for year, label in [(BEFORE, str(BEFORE)), (AFTER, str(AFTER))]:
        axes.axvline(year, color="grey", linewidth=0.8)
        axes.text(year, 1.0, label, ha="center", va="bottom", fontsize=style.SMALL,
                  transform=axes.get_xaxis_transform())  # fmt: skip
    axes.set_ylim(-0.05, 1.0)
    years = composites.dropna(how="all").index
    axes.set_xlabel("Decade (point at its middle)" + partial_decades(years), fontsize=style.SMALL)
    axes.set_ylabel("Composite, decade mean (0 … 1)", fontsize=style.SMALL)
    style.plain_axes(axes)
    style.legend_above(axes, title=None)
    axes.get_legend().set_bbox_to_anchor((0, 1.08))
    style.title(figure, "The same data under four weightings")
    return figure


class WeightsPanel(Panel):
    """One slider per indicator and one for the margin; any change (a drag, set_weights or
    set_margin) redraws the composite and its summary line."""

    def __init__(
        self, scaled: pd.DataFrame, weights: Mapping[str, float] | None = None,
        margin: float = MARGIN,
    ):  # fmt: skip
        self.scaled = scaled
        start = checked_weights(weights or WEIGHTINGS["equal"], tuple(scaled.columns))
        self.sliders = {
            name: widgets.FloatSlider(
                value=start[name], min=0, max=MAX_WEIGHT, step=0.5, description=INDICATORS[name],
                continuous_update=False, style={"description_width": "initial"},
            )
            for name in scaled.columns
        }  # fmt: skip
        self.margin_slider = widgets.FloatSlider(
            value=checked_margin(margin), min=0, max=MAX_MARGIN, step=0.01, readout_format=".2f",
            description="Too close to call within", continuous_update=False,
            style={"description_width": "initial"},
        )  # fmt: skip
        self.message = widgets.HTML()
        self.image = widgets.Image(format="png")
        self.figure = None
        self.index = None
        self._quiet = False
        for slider in self.sliders.values():
            slider.observe(lambda _change: self._slid(), names="value")
        self.margin_slider.observe(lambda _change: self.summarise(), names="value")
        super().__init__(
            [widgets.VBox([*self.sliders.values(), self.margin_slider]), self.message, self.image],
            fallback="Weights panel: run this cell, then move the sliders to reweight the index.",
        )
        self.apply()

    @property
    def weights(self) -> dict[str, float]:
        """The weights the sliders show now."""
        return {name: slider.value for name, slider in self.sliders.items()}

    def _slid(self) -> None:
        if not self._quiet:
            self.apply()

    def set_weights(self, **weights: float) -> None:
        """Move the sliders to these weights (others to 0) and redraw, as dragging them would;
        print the weights used, naming any left at 0 because they were not given."""
        try:
            checked = checked_weights(weights, tuple(self.sliders))
        except WeightError as problem:
            self.message.value = str(problem)
            print(problem)
            return
        print(weights_used(checked, weights))
        self._quiet = True
        try:
            for name, value in checked.items():
                self.sliders[name].value = value
        finally:
            self._quiet = False
        self.apply(echo=True)

    def set_margin(self, margin: float) -> None:
        """Move the margin slider to `margin` and update the summary, as dragging it would."""
        try:
            self.margin_slider.value = checked_margin(margin)
        except WeightError as problem:
            self.message.value = str(problem)
            print(problem)
            return
        print(self.message.value)

    def apply(self, echo: bool = False) -> None:
        """Rebuild the composite from the sliders, redraw the chart and update the summary line."""
        try:
            weights = checked_weights(self.weights, tuple(self.sliders))
        except WeightError as problem:
            self.message.value = str(problem)
            return
        self.index = composite(self.scaled, weights)
        self.figure = composite_chart(self.scaled, weights)
        self.image.value = self.figure.png()
        self.summarise()
        if echo:
            print(self.message.value)

    def summarise(self) -> None:
        """Write the summary line of the current index with the margin the slider shows."""
        if self.index is not None:
            self.message.value = summary(self.index, self.margin_slider.value)


def weights_panel(
    scaled: pd.DataFrame, weights: Mapping[str, float] | None = None, margin: float = MARGIN
) -> WeightsPanel:
    """A panel of weight and margin sliders over the composite chart (equal weights to start)."""
    return WeightsPanel(scaled, weights, margin)
