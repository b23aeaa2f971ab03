"""Maps drawn from the shared tables: today's borders with places and cessions marked.

No historical borders exist in data/ (see data/README.md), so the cession map marks each
ceded khanate or principality by its historical centre, on today's borders.
"""

import pandas as pd
from matplotlib.figure import Figure

from iran_russia.charts import OKABE_ITO
from iran_russia.map_labels import untangle_labels

LAND = "#f2f2f2"
BORDER = "#777777"
TREATY_STYLES = {  # treaty_id: (label, marker, colour)
    "gulistan-1813": ("Gulistan, 1813", "o", OKABE_ITO[4]),
    "turkmenchay-1828": ("Turkmenchay, 1828", "^", OKABE_ITO[5]),
}
CAUCASUS = (38.5, 52.5, 36.5, 44.5)  # west, east, south, north
SEA_LABELS = {"Caspian Sea": (51.0, 42.6), "Black Sea": (39.6, 43.7)}  # label positions only


def draw_borders(axes, outlines: pd.DataFrame, extent: tuple[float, float, float, float]):
    """Fill today's countries and label those whose outline reaches into the map."""
    west, east, south, north = extent
    for _, part in outlines.groupby(["iso3", "part"], sort=False):
        axes.fill(part.longitude, part.latitude, facecolor=LAND, edgecolor=BORDER, linewidth=0.7)
    inside = outlines[
        outlines.longitude.between(west, east) & outlines.latitude.between(south, north)
    ]
    for name, points in inside.groupby("name"):
        axes.text(
            points.longitude.median(),
            points.latitude.median(),
            name.upper(),
            fontsize=7,
            color="#555555",
            ha="center",
        )
    for sea, (lon, lat) in SEA_LABELS.items():
        if west < lon < east and south < lat < north:
            axes.text(lon, lat, sea, fontsize=8, style="italic", color="#3a6ea5", ha="center")
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1.25)
    axes.set_xlabel("Longitude (°E)")
    axes.set_ylabel("Latitude (°N)")


def cessions_map(territories: pd.DataFrame, places: pd.DataFrame, outlines: pd.DataFrame):
    """What Gulistan and Turkmenchay took from Iran, marked on today's South Caucasus."""
    figure = Figure(figsize=(9, 6.5))
    axes = figure.subplots()
    draw_borders(axes, outlines, CAUCASUS)
    located = territories.merge(places, on="place_id", suffixes=("", "_place"))
    for treaty_id, (label, marker, colour) in TREATY_STYLES.items():
        ceded = located[located.treaty_id == treaty_id].drop_duplicates("place_id")
        axes.scatter(
            ceded.longitude, ceded.latitude, marker=marker, s=70, color=colour,
            edgecolor="black", label=f"ceded by {label}", zorder=3,
        )  # fmt: skip
        for row in ceded.itertuples():
            axes.annotate(
                row.name, (row.longitude, row.latitude), xytext=(4, 4),
                textcoords="offset points", fontsize=7,
            )  # fmt: skip
    axes.set_title("Territories Iran ceded to Russia in 1813 and 1828, on today's borders")
    axes.legend(loc="lower left", fontsize=8)
    figure.tight_layout()
    return figure


def places_map(
    places: pd.DataFrame,
    outlines: pd.DataFrame,
    place_ids: list[str],
    extent: tuple[float, float, float, float],
    title: str,
    routes: list[tuple[str, str, str]] = (),
):
    """Mark the chosen places (and dashed routes between pairs of them) on today's borders;
    names that would overlap are moved apart (map_labels)."""
    figure = Figure(figsize=(9, 6))
    axes = figure.subplots()
    draw_borders(axes, outlines, extent)
    chosen = places.set_index("place_id").loc[list(place_ids)]
    axes.scatter(chosen.longitude, chosen.latitude, marker="o", s=40, color="black", zorder=3)
    for row in chosen.itertuples():
        axes.annotate(
            row.name, (row.longitude, row.latitude), xytext=(4, 4),
            textcoords="offset points", fontsize=7,
        )  # fmt: skip
    indexed = places.set_index("place_id")
    for start, end, label in routes:
        a, b = indexed.loc[start], indexed.loc[end]
        axes.annotate(
            "", xy=(b.longitude, b.latitude), xytext=(a.longitude, a.latitude),
            arrowprops={"arrowstyle": "->", "linestyle": "--", "color": OKABE_ITO[5]},
        )  # fmt: skip
        axes.text(
            (a.longitude + b.longitude) / 2, (a.latitude + b.latitude) / 2, label,
            fontsize=7, color=OKABE_ITO[5], ha="center",
        )  # fmt: skip
    axes.set_title(title)
    figure.tight_layout()
    return untangle_labels(figure)
