"""Figures the lessons share. Each function returns a SeriesFigure in the house style (style.py).

Figures are built without pyplot, so a notebook shows each one exactly once (as the value of
its cell) and nothing is left open. Time runs along the x-axis in years (a date is its year plus
the fraction of the year gone). Legends sit outside the axes or are replaced by labels beside
the data, and no meaning rests on colour alone: statuses also differ by marker shape, directions
by side of the axis and hatching, eras by name.
"""

import re
import textwrap

import pandas as pd
from matplotlib import colormaps
from matplotlib.patches import Rectangle

from iran_russia import style
from iran_russia.eras import BY_NAME, ERAS, bands

STATUS_MARKERS = {"confirmed": "o", "reported": "^", "disputed": "s"}
BLUES = colormaps["Blues"]  # for cells shaded by a count
ERA_COLOURS = dict(zip([era.name for era in ERAS], style.PALETTE, strict=False))


def in_years(dates: pd.Series) -> pd.Series:
    """Dates as years with a fraction (1 July 1946 is about 1946.5)."""
    return dates.dt.year + (dates.dt.day_of_year - 0.5) / 366


def packed(wanted: list[tuple[float, float]], width: float, gap: float = 6) -> list[float]:
    """Centres for names in one row, given each name's (middle of its band, half its width) in
    points, left to right: each as near its band as the others and the row's `width` allow."""
    centres, limit = [], width
    for middle, half in reversed(wanted):
        centres.insert(0, min(middle, limit - half))
        limit = centres[0] - half - gap
    limit = 0.0
    for index, (_, half) in enumerate(wanted):
        centres[index] = max(centres[index], limit + half)
        limit = centres[index] + half + gap
    return centres


def shade_eras(
    axes,
    highlight: str | None = None,
    years: tuple[int, int] | None = None,
    counted: pd.Series | None = None,
    pale: bool = False,
) -> None:
    """Shade the eras on a time axis and name each in one row above the axes; the highlighted
    one is darker. Bands never overlap (eras.bands). A name wider than its band is moved aside
    just enough to clear its neighbours, with a thin line down to its band, so no line crosses
    a name; each name sits on its band's colour, so a moved name still shows which band it is.
    Given `counted` (each event's era), each name says how many events its lesson has; `pale`
    shades every band lightly, behind data drawn in cells."""
    first, last = years or (ERAS[0].first_year, ERAS[-1].last_year)
    axes.set_xlim(first, last + 1)
    figure = axes.figure
    width_points = axes.get_position().width * figure.get_figwidth() * 72
    shown = bands(first, last)
    middles = [((start + end) / 2 - first) / (last + 1 - first) * width_points
               for _, start, end in shown]  # fmt: skip
    names = [band_name(era, counted) for era, _, _ in shown]
    halves = [0.3 * style.SMALL * max(map(len, name.splitlines())) for name in names]
    centres = packed(list(zip(middles, halves, strict=True)), width_points)
    per_year = width_points / (last + 1 - first)
    # Each name's line runs to the nearest point of its band, straight down where it can.
    targets = [min(max(centre, (start - first) * per_year + 2), (end - first) * per_year - 2)
               for centre, (_, start, end) in zip(centres, shown, strict=True)]  # fmt: skip
    moved = [abs(c - t) > 1 for c, t in zip(centres, targets, strict=True)]
    height = 12 if any(moved) else 3
    for (era, start, end), name, target, centre, aside in zip(
        shown, names, targets, centres, moved, strict=True
    ):
        strong = (highlight is None or era.name == highlight) and not pale
        shade = {"color": ERA_COLOURS[era.name], "alpha": 0.35 if strong else 0.1}
        axes.axvspan(start, end, lw=0, **shade)
        axes.annotate(
            name,
            xy=(first + target / per_year, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(centre - target, height),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=style.SMALL,
            fontweight="bold" if strong and highlight else "normal",
            bbox={"boxstyle": "square,pad=0.15", "lw": 0, **shade},  # the name on its band's colour
            arrowprops={"arrowstyle": "-", "color": style.MUTED, "lw": 0.6, "relpos": (0.5, 0)}
            if aside
            else None,
        )


def band_name(era, counted: pd.Series | None) -> str:
    """An era's name above its band, with the number of its lesson's events in `counted`."""
    if counted is None:
        return era.label
    inside = int((counted == era.name).sum())
    return f"{era.label}\n{inside} event{'' if inside == 1 else 's'}"


def timeline_strip(events: pd.DataFrame, era: str | None = None):
    """A thin strip of every event on one time axis: 'where we are' in the series."""
    figure, axes = style.new_figure(2.1, margins=(0.3, 0.3, 1.0, 0.45))
    ticks = in_years(events.date)
    shade_eras(axes, highlight=era, counted=events.era)
    axes.plot(ticks, [0] * len(events), "|", color="black", markersize=14, mew=0.8)
    axes.set_yticks([])
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.tick_params(labelsize=style.SMALL)
    title, notes = "All events in the series", []
    if era:
        chosen = BY_NAME[era]
        title += f": this lesson covers {chosen.first_year}–{chosen.last_year}"
        following = [later for later in ERAS if chosen.first_year < later.first_year]
        if following and following[0].first_year < chosen.last_year:  # eras that overlap
            notes.append(f"Its band stops at {following[0].first_year}, where lesson "
                         f"{following[0].lesson}'s begins.")  # fmt: skip
    if era:
        own = events.era == era
        strays = outside_own_band(events.era[own], ticks[own])
        if strays:
            notes.append(f"{strays if strays > 1 else 'One'} of this lesson's events "
                         f"{'fall' if strays > 1 else 'falls'} "
                         "just outside its band.")  # fmt: skip
    elif strays := outside_own_band(events.era, ticks):
        notes.append(f"Counts are per lesson; {strays} event{'s fall' if strays > 1 else ' falls'} "
                     f"just outside {'their' if strays > 1 else 'its'} lesson's band.")  # fmt: skip
    style.title(figure, title, " ".join(notes))
    return figure


def outside_own_band(eras: pd.Series, years: pd.Series) -> int:
    """How many events lie outside their own lesson's band (where two lessons share a year)."""
    spans = {
        era.name: (start, end) for era, start, end in bands(ERAS[0].first_year, ERAS[-1].last_year)
    }
    return sum(
        not spans[era][0] <= year < spans[era][1] for era, year in zip(eras, years, strict=True)
    )


STACK = (0, 0.6, -0.6)  # score units: a mark that would hide another sits a little above or below
MARK = 0.09  # inches: the widest score mark, with a little air


def stacked(x: pd.Series, score: pd.Series, width: float) -> pd.Series:
    """Each mark's height: its score, moved by the first step of STACK that keeps it clear of
    every mark already placed within a mark's `width` (in years) of its date; a mark with no
    such step stays at its score (see `overlapping`). Every mark stays at its date, and no
    mark comes nearer another score than its own (scores are even numbers)."""
    height = score.astype(float).copy()
    placed: dict[float, list[tuple[float, float]]] = {}
    for index in x.sort_values(kind="stable").index:
        at, level = x[index], score[index]
        near = [step for when, step in placed.get(level, []) if abs(at - when) < width]
        free = [step for step in STACK if all(abs(step - other) > 1e-9 for other in near)]
        step = free[0] if free else 0
        height[index] = level + step
        placed.setdefault(level, []).append((at, step))
    return height


def overlapping(x: pd.Series, height: pd.Series, width: float) -> int:
    """How many marks lie less than half a mark's width from an earlier one at their height."""
    frame = pd.DataFrame({"x": x, "height": height}).sort_values(["height", "x"])
    gaps = frame.groupby("height").x.diff()
    return int((gaps < width / 2).sum())


def stack_note(hidden: int) -> str:
    """The note beside a score chart's key: how marks that coincide are drawn."""
    note = (
        "Marks that would\nhide one another sit\na little above or\nbelow their score;\n"
        "every mark stays\nat its date"
    )
    if not hidden:
        return note + "."
    return note + f".\n{hidden} {'lies' if hidden == 1 else 'lie'} on others\nwhere events crowd."


def score_timeline(
    events: pd.DataFrame, era: str | None = None, years: tuple[int, int] | None = None
):
    """Each event's cooperation–conflict score over time, with a marker shape per status.

    `years` (first, last) narrows the time axis to that span."""
    figure, axes = style.new_figure(4.2, margins=(0.9, 1.55, 0.85, 0.45))
    shade_eras(axes, highlight=era, years=years)
    first, last = axes.get_xlim()
    if years:
        events = events[events.date.dt.year.between(*years)]
    events = events.assign(x=in_years(events.date))
    axes_inches = axes.get_position().width * figure.get_figwidth()
    width = (last - first) * MARK / axes_inches  # one mark's width, in years
    events = events.assign(height=stacked(events.x, events.score, width))
    for status, marker in STATUS_MARKERS.items():
        subset = events[events.status == status]
        confirmed = status == "confirmed"
        axes.scatter(
            subset.x,
            subset.height,
            marker=marker,
            color="black",
            s=16 if confirmed else 36,
            facecolor="black" if confirmed else "white",
            linewidth=1.0 if confirmed else 1.3,
            zorder=3 if confirmed else 4,  # the few reported and disputed marks stay on top
            label=status,
        )
    axes.axhline(0, color=style.MUTED, linewidth=0.8)
    room = (last - first) / 100
    axes.set_xlim(first - room, last + room)
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.set_ylim(-11, 11)
    axes.set_yticks(range(-10, 11, 2))
    axes.set_ylabel("Score (−10 conflict … +10 cooperation)", fontsize=style.SMALL)
    style.plain_axes(axes)
    axes.legend(
        title="Status",
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=style.SMALL,
        title_fontsize=style.SMALL,
    )
    hidden = overlapping(events.x, events.height, width)
    note = stack_note(hidden)
    axes.text(1.02, 0.55, note, transform=axes.transAxes, fontsize=style.SMALL, color=style.MUTED,
              va="top", gid="stack-note")  # fmt: skip
    style.title(figure, "Cooperation and conflict between Iran and Russia, event by event")
    return figure


def score_counts(events: pd.DataFrame):
    """The events counted by decade and score, as a grid of numbers: a cell's shade and its
    number say how many events of that decade have that score, so that crowded years hide
    nothing; an empty cell is a decade with no event at that score."""
    figure, axes = style.new_figure(4.6, margins=(0.9, 1.3, 0.85, 0.45))
    shade_eras(axes, years=(1720, 2029), pale=True)  # whole decades at both ends
    counts = events.groupby([events.date.dt.year // 10 * 10, "score"]).size()
    most = counts.max()
    for (decade, score), number in counts.items():
        shade = 0.15 + 0.85 * number / most  # never white: a cell with one event still shows
        axes.add_patch(Rectangle((decade, score - 1), 10, 2, facecolor=BLUES(shade),
                                 edgecolor="white", linewidth=0.5, zorder=3))  # fmt: skip
        axes.text(decade + 5, score, str(number), ha="center", va="center", zorder=4,
                  fontsize=style.SMALL, color="white" if shade > 0.55 else style.INK)  # fmt: skip
    axes.axhline(0, color=style.MUTED, linewidth=0.8, zorder=2)
    axes.set_ylim(-11, 11)
    axes.set_yticks(range(-10, 11, 2))
    axes.set_ylabel("Score (−10 conflict … +10 cooperation)", fontsize=style.SMALL)
    style.plain_axes(axes)
    axes.text(1.02, 0.95, "Each cell: the\nnumber of events\nof that decade\nwith that score;\n"
              "an empty cell:\nnone", transform=axes.transAxes, fontsize=style.SMALL,
              color=style.INK, va="top")  # fmt: skip
    style.title(figure, "Cooperation and conflict, decade by decade: events at each score")
    return figure


DIRECTIONS = [  # (column value, sign, colour, hatch, label)
    ("russia_to_iran", 1, style.BLUE, "", "Russia/USSR → Iran"),
    ("iran_to_russia", -1, style.VERMILION, "////", "Iran → Russia"),
]


def tiv_panel(
    axes, tiv: pd.DataFrame, first: int, last: int, data_end: int, zoom: bool = False
) -> None:
    """Bars of one span of SIPRI TIV, both directions reading off one axis of magnitudes. In a
    `zoom` panel a bar more than three times the next tallest is cut, with its value written at
    the cut, so that the small years stay readable."""
    shown = tiv[tiv.year.between(first, last)]
    for direction, sign, colour, hatch, _ in DIRECTIONS:
        rows = shown[shown.direction == direction]
        axes.bar(
            rows.year,
            sign * rows.tiv_millions,
            color=colour,
            hatch=hatch,
            edgecolor="white" if hatch else colour,
            linewidth=0,
        )
    axes.axhline(0, color="black", linewidth=0.8)
    axes.set_xlim(first - 0.6, last + 0.6)
    if last > data_end:
        no_data(axes, data_end + 0.5, last + 0.6)
    axes.yaxis.set_major_formatter(lambda value, _: f"{abs(value):,.0f}")
    axes.xaxis.get_major_locator().set_params(integer=True, nbins=6)
    style.plain_axes(axes)
    sizes = shown.tiv_millions.sort_values(ascending=False).tolist() + [0.0, 0.0]
    cut = 2.5 * sizes[1] if zoom and sizes[0] > 3 * sizes[1] > 0 else None
    peaks = {}
    for direction, sign, colour, _, label in DIRECTIONS:
        rows = shown[shown.direction == direction]
        if rows.tiv_millions.max() > 0:
            peak = rows.loc[rows.tiv_millions.idxmax()]
            height = min(peak.tiv_millions, cut or peak.tiv_millions)
            peaks[sign] = height
            arrow = "▲" if sign > 0 else "▼"
            where = (peak.year - first) / max(last - first, 1)
            label = label.replace("Russia/USSR", "Russia") if first > 1991 else label
            # on two lines (three if the bar is cut), so as not to run into the no-data band
            text = f"{arrow} {label}:\npeak {peak.tiv_millions:,.0f} ({int(peak.year)})"
            if height < peak.tiv_millions:
                text += ",\nbar cut"
                break_mark(axes, peak.year, sign * height * 1.08, 0.03 * height)
            beside = -1 if where > 0.5 else 1  # in a zoom panel, beside the bar, not over it
            axes.annotate(
                text,
                (peak.year + 0.5 * beside if zoom else peak.year, sign * height),
                xytext=(3 * beside, -3 * sign) if zoom else (0, 3 * sign),
                textcoords="offset points",
                fontsize=style.SMALL,
                color=colour,
                ha=("right" if beside < 0 else "left")
                if zoom
                else ("left" if where < 0.3 else "right" if where > 0.7 else "center"),
                va=("top" if sign > 0 else "bottom") if zoom else ("bottom" if sign > 0 else "top"),
                fontweight="bold",
            )
    top = peaks.get(1, 1.0) * 1.2
    axes.set_ylim(-max(peaks.get(-1, 0) * 2.5, top * 0.15), top)  # room for two lines below


def no_data(axes, start: float, end: float, words: bool = True) -> None:
    """Shade `start` to `end` on a time axis as years the data do not cover: dotted, and where
    `words`, labelled "no data" (never left blank, which reads as nothing happening)."""
    axes.axvspan(start, end, facecolor=style.NO_DATA, hatch="..", edgecolor="#bbbbbb", lw=0)
    if words:
        axes.text((start + end) / 2, 0.5, "no data", rotation=90, ha="center", va="center",
                  transform=axes.get_xaxis_transform(), fontsize=style.SMALL,
                  color=style.MUTED)  # fmt: skip


def break_mark(axes, x: float, y: float, rise: float) -> None:
    """Two white slashes across the bar at `x`, rising by `rise` around height `y`: the bar is
    cut there."""
    for shift in (-0.6, 0.6):
        axes.plot([x - 0.5, x + 0.5], [y + shift * rise - rise, y + shift * rise + rise],
                  color="white", linewidth=2, gid="break-mark", solid_capstyle="butt")  # fmt: skip


def reported_year(deals: pd.DataFrame) -> pd.Series:
    """The year a reported deal is marked at: its reported first delivery, else its order."""
    return deals.delivery_first.fillna(deals.order_year)


def reported_strip(axes, deals: pd.DataFrame, first: int, last: int, until: int | None = None):
    """Reported deals (they have no TIV) as marks on a strip of their own, a row per direction:
    filled where a delivery is reported, hollow where only an order is; marks of one year stand
    a mark's width apart. With `until`, only deals up to that year are marked, and a note says
    that the later ones are in the panel to the right."""
    shown_to = last if until is None else until
    reported = deals[(deals.status == "reported") & reported_year(deals).between(first, shown_to)]
    inches = axes.get_position().width * axes.figure.get_figwidth()
    step = min(MARK * (last - first + 1.2) / inches, 0.45)  # a mark's width, within the year
    for row, (supplier, marker, colour) in enumerate(
        [("Russia", "^", style.BLUE), ("Iran", "v", style.VERMILION)]
    ):
        chosen = reported[reported.supplier.astype(str) == supplier]
        years = reported_year(chosen)
        offsets = years.groupby(years).cumcount() * step
        axes.scatter(
            years + offsets,
            [row] * len(years),
            marker=marker,
            s=36,
            zorder=3,
            edgecolor=colour,
            facecolor=[
                colour if delivered else "white" for delivered in chosen.delivery_first.notna()
            ],
        )
    if until is not None:
        axes.text(1.0, 0.5, f"from {until + 1}:\nsee right", transform=axes.transAxes,
                  ha="right", va="center", fontsize=style.SMALL, color=style.MUTED)  # fmt: skip
    axes.set_ylim(1.6, -0.6)
    axes.set_yticks([0, 1], ["Russia → Iran", "Iran → Russia"], fontsize=style.SMALL)
    axes.set_xlim(first - 0.6, last + 0.6)
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.tick_params(labelsize=style.SMALL, left=False)


def arms_transfers(
    tiv: pd.DataFrame,
    deals: pd.DataFrame | None = None,
    since: int = 1950,
    zoom_from: int | None = None,
):
    """SIPRI TIV by year, Russia→Iran above the axis and Iran→Russia below, both read off one
    axis of magnitudes; years after SIPRI's data end are shaded "no data". Reported deals, which
    have no TIV, sit on a strip below. With `zoom_from`, a second panel repeats the years from
    then on at their own scale, so small recent values can be read."""
    data_end = int(tiv.year.max())
    last = max(data_end, int(reported_year(deals).max())) if deals is not None else data_end
    spans = [(since, last)] + ([(zoom_from, last)] if zoom_from else [])
    strip = deals is not None
    figure, grid = style.new_figure(
        4.9 if strip else 4.2,
        margins=(1.1, 0.3, 0.6, 0.75),
        nrows=2 if strip else 1,
        ncols=len(spans),
        squeeze=False,
        gridspec_kw={
            "height_ratios": [5, 1] if strip else [1],
            "width_ratios": [s[1] - s[0] + 1 for s in spans[:1]] + [40] * (len(spans) - 1),
            "hspace": 0.35,
            "wspace": 0.25,
        },
    )
    for column, (first, end) in enumerate(spans):
        tiv_panel(grid[0, column], tiv, first, end, data_end, zoom=column > 0)
        if strip:
            until = zoom_from - 1 if zoom_from and column == 0 else None
            reported_strip(grid[1, column], deals, first, end, until)
            grid[1, column].sharex(grid[0, column])
    grid[0, 0].set_ylabel(
        "SIPRI TIV, millions (a measure\nof military capability, not money)", fontsize=style.SMALL
    )
    if strip and zoom_from:
        grid[1, 1].set_yticklabels([])
    if zoom_from:
        grid[0, 1].set_title(
            f"From {zoom_from}, at its own scale", fontsize=style.SMALL, loc="left"
        )
    if strip:
        grid[1, 0].set_title(
            "Reported deals, not confirmed and without TIV (filled: delivery reported; hollow: "
            "order only)",
            fontsize=style.SMALL,
            loc="left",
        )
    style.title(figure, "Arms transfers between Russia and Iran, by direction")
    style.source_line(
        figure,
        "Information from the SIPRI Arms Transfers Database; "
        f"the series' extract ends in {data_end}{releases(tiv, since)}",
    )
    return figure


RELEASE_NAMES = {
    "tiv_table_2022": "TIV tables of 2022",
    "trade_register_2025": "register of 2025",
}


def releases(tiv: pd.DataFrame, since: int) -> str:
    """A second line naming the SIPRI releases the shown years come from, if more than one:
    SIPRI revises its figures, so a chart that joins two releases says where the join is."""
    years = tiv[tiv.year >= since].groupby("basis").year.agg(["min", "max"]).sort_values("min")
    if len(years) < 2:
        return ""
    spans = (
        f"{RELEASE_NAMES[basis]} for {row['min']}–{row['max']}" for basis, row in years.iterrows()
    )
    return "\nTwo SIPRI releases joined: " + ", ".join(spans)


VOTE_MARKS = {  # vote: (marker, size, colour, word written beside it)
    "yes": ("o", 16, style.BORDER, ""),  # grey, but at 3.5:1 on white still seen
    "no": ("X", 90, style.VERMILION, "no"),
    "abstain": ("D", 60, style.ORANGE, "abst."),
    "absent": ("_", 90, style.MUTED, "absent"),
}
MEMBERS = {
    "vote_russia": "Russia",
    "vote_china": "China",
    "vote_usa": "USA",
    "vote_uk": "UK",
    "vote_france": "France",
}


def vote_grid(
    rows: list[str],
    columns: list[str],
    votes: list[list[str]],
    title: str,
    tally: list[str] | None = None,
    subtitle: str = "",
):
    """A grid of votes, one row per draft and one column per member: a yes is a small grey dot,
    any other vote a large mark with its word, so the votes that varied stand out. Where the
    columns are many, faint lines run down from each name to its marks."""
    words = len(columns) <= 6  # room for a word under each mark
    width_right = (0.9 if words else 1.3) if tally else 0.3
    figure, axes = style.new_figure(
        (0.62 if words else 0.56) * len(rows) + 1.6,
        margins=(3.6, width_right, 0.9 if words else 1.9, 0.2),
    )
    cells = [
        (column, row, vote) for row, cast in enumerate(votes) for column, vote in enumerate(cast)
    ]
    for vote, (marker, size, colour, word) in VOTE_MARKS.items():
        at = [(column, row) for column, row, cast in cells if cast == vote]
        if at:
            axes.scatter(*zip(*at, strict=True), marker=marker, s=size, color=colour, zorder=3)
        if not (word and words):
            continue
        for column, row in at:
            axes.annotate(
                word,
                (column, row),
                xytext=(0, -11),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=style.SMALL,
                color=style.INK,
            )
    axes.set_xticks(
        range(len(columns)),
        columns,
        fontsize=style.SMALL,
        rotation=0 if words else 40,
        ha="center" if words else "left",
        rotation_mode="anchor",
    )
    axes.xaxis.tick_top()
    axes.set_yticks(range(len(rows)), rows, fontsize=style.SMALL)
    axes.set_xlim(-0.6, len(columns) - 0.4)
    axes.set_ylim(len(rows) - 0.4, -0.6)
    axes.tick_params(length=0)
    axes.spines[:].set_visible(False)
    axes.grid(axis="y" if words else "both", color=style.GRID, linewidth=0.6)
    for row, text in enumerate(tally or []):
        axes.text(
            1.02, row, text, transform=axes.get_yaxis_transform(), va="center", fontsize=style.SMALL
        )
    if tally and words:
        axes.text(
            1.02,
            -0.6,
            "yes–no–\nabst.",
            transform=axes.get_yaxis_transform(),
            fontsize=style.SMALL,
            color=style.MUTED,
            va="bottom",
        )
    style.title(figure, title, subtitle)
    if not words:
        key = "   ".join(f"{mark} {vote}" for vote, mark in [("no", "✖"), ("abstained", "◆")])
        key += "   (yes–no–abstain counts at the right)" if tally else ""
        figure.text(
            0.1 / figure.get_figwidth(),
            1 - 0.42 / figure.get_figheight(),
            key,
            fontsize=style.SMALL,
            color=style.INK,
            va="top",
        )
    return figure


def draft_label(date, subject: str, document: str = "", width: int = 46) -> str:
    """A vote's row label: its date, its resolution's number if it has one, then its subject,
    wrapped to at most three lines."""
    number = re.match(r"S/RES/(\d+)", document)
    head = f"{date:%d %b %Y}" + (f", Res. {number[1]}" if number else "")
    return "\n".join(textwrap.wrap(f"{head}: {subject}", width, max_lines=3, placeholder="…"))


def council_votes(votes: pd.DataFrame, subtitle: str = ""):
    """How the five permanent members voted on each Security Council text, with the tally and
    whether the text was adopted; `subtitle` says what the reader should know of the record."""
    rows = [
        draft_label(date, subject, document)
        for date, subject, document in zip(votes.date, votes.subject, votes.document, strict=True)
    ]
    cast = votes[list(MEMBERS)].astype(str).values.tolist()
    outcome = votes.adopted.map({"yes": "adopted", "no": "failed"})
    tally = [
        f"{y}–{n}–{a}\n{result}"
        for y, n, a, result in zip(votes.yes, votes.no, votes.abstain, outcome, strict=True)
    ]
    years = votes.date.dt.year
    moscow = "USSR" if years.max() < 1992 else "USSR/Russia" if years.min() < 1992 else "Russia"
    members = [moscow, *list(MEMBERS.values())[1:]]
    title = "How the permanent members voted (grey dot: yes)"
    return vote_grid(rows, members, cast, title, tally, subtitle)


def split_names(column: pd.Series) -> list[list[str]]:
    """';'-separated names per row as lists (an empty cell is no names)."""
    return [[] if pd.isna(cell) else str(cell).split(";") for cell in column]


def veto_record(vetoes: pd.DataFrame):
    """Every vetoed Syria draft, one row each with its subject, and every Council member that
    voted no or abstained on any of them, one column each."""
    noes, abstentions = split_names(vetoes.voted_no), split_names(vetoes.abstained)
    members = list(dict.fromkeys(name for names in noes + abstentions for name in names))
    cast = [
        ["no" if m in no else "abstain" if m in abstained else "" for m in members]
        for no, abstained in zip(noes, abstentions, strict=True)
    ]
    rows = [draft_label(d, s) for d, s in zip(vetoes.date, vetoes.subject, strict=True)]
    tally = [f"{y}–{n}–{a}" for y, n, a in zip(vetoes.yes, vetoes.no, vetoes.abstain, strict=True)]
    return vote_grid(
        rows, members, cast, "Vetoed drafts on Syria: who voted no, who abstained", tally
    )


LINESTYLES = {"russia": "-", "usa": "--", "china": ":"}
PARTNER_LABELS = {"russia": "USSR/Russia", "usa": "USA", "china": "China (PRC)"}


def voting_agreement(agreement: pd.DataFrame, issue_area: str = "all"):
    """Iran's yearly UN General Assembly agreement with each partner, one line style each,
    named at the line's end; a year without roll calls breaks the lines."""
    figure, axes = style.new_figure(4.2, margins=(0.9, 1.2, 0.6, 0.45))
    chosen = agreement[agreement.issue_area == issue_area]
    years = range(int(chosen.year.min()), int(chosen.year.max()) + 1)
    for index, (partner, line) in enumerate(LINESTYLES.items()):
        series = chosen[chosen.partner == partner].set_index("year").agreement.reindex(years)
        colour = style.PALETTE[4 + index]
        axes.plot(series.index, series.values, line, color=colour, linewidth=style.LINE)
        end = series.dropna()
        axes.text(
            end.index[-1] + 1,
            end.iloc[-1],
            PARTNER_LABELS[partner],
            color=colour,
            va="center",
            fontsize=style.SMALL,
            fontweight="bold",
        )
    missing = [year for year in years if year not in set(chosen.year)]
    for year in missing:
        axes.axvspan(year - 0.5, year + 0.5, color=style.NO_DATA, lw=0)
        axes.text(
            year, 0.02, f"no votes\n{year}", ha="center", fontsize=style.SMALL, color=style.MUTED
        )
    axes.set_ylim(0, 1)
    axes.set_ylabel("Share of votes cast alike", fontsize=style.SMALL)
    style.plain_axes(axes)
    area = "all roll calls" if issue_area == "all" else f"{issue_area.replace('_', ' ')} votes"
    style.title(figure, f"Iran's voting agreement in the UN General Assembly ({area})")
    style.source_line(figure, "Voeten, UN General Assembly voting data (Harvard Dataverse)")
    return figure


ZERO_LABEL = "recorded as 0 (trade may have gone unrecorded)"


def trade_flows(trade: pd.DataFrame, title: str = "Trade between Iran and Russia"):
    """Dataset trade by direction as lines broken where a year has no figure; reported figures
    as separate, unjoined markers; `title` names the span a lesson shows."""
    figure, axes = style.new_figure(4.4, margins=(0.9, 0.3, 1.0, 0.6))
    dataset = trade[trade.status == "dataset"]
    all_years = range(int(dataset.year.min()), int(dataset.year.max()) + 1)
    for flow, line, label in [
        ("russia_to_iran", "-", "USSR/Russia → Iran (Correlates of War)"),
        ("iran_to_russia", "--", "Iran → USSR/Russia (Correlates of War)"),
    ]:
        colour = style.BLUE if flow == "russia_to_iran" else style.VERMILION
        series = dataset[dataset.flow == flow].set_index("year").value_musd.reindex(all_years)
        # a small mark on every year, so that a year with no neighbour still shows
        axes.plot(series.index, series.values, line, marker=".", markersize=4, color=colour,
                  label=label)  # fmt: skip
        zeros = series[series == 0]  # rings of two sizes, so a year with both zero shows both
        axes.scatter(zeros.index, zeros.values, s=44 if flow == "russia_to_iran" else 14,
                     facecolor="none", edgecolor=colour, zorder=3)  # fmt: skip
    axes.scatter([], [], s=22, facecolor="white", edgecolor=style.INK, label=ZERO_LABEL)
    reported = trade[(trade.status == "reported") & (trade.period == "year")]
    markers = {"total": "s", "russia_to_iran": "^", "iran_to_russia": "v"}
    for flow, marker in markers.items():
        rows = reported[reported.flow == flow]
        if len(rows):
            axes.scatter(
                rows.year,
                rows.value_musd,
                marker=marker,
                color=style.INK,
                label=f"reported: {flow.replace('_', ' ')}",
            )
    axes.set_ylabel("US$ million (current)", fontsize=style.SMALL)
    style.plain_axes(axes)
    style.legend_above(axes, columns=2)
    style.title(figure, title)
    credits = "Correlates of War Trade v4.0"
    if len(reported):
        credits += "; reported figures as cited in data/trade.csv"
    style.source_line(figure, credits)
    return figure
