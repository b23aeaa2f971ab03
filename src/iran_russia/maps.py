"""Maps drawn from the shared tables: today's borders with land and water apart, places, routes
and approximate historical outlines, and beside each map a locator showing where it lies.

Today's borders are Natural Earth's 1:10m outlines (region_outlines); the locator uses the
coarser 1:110m ones (country_outlines). No dataset draws historical borders: the outlines in
historical_outlines are the series' own approximations, each with its sources, and every map
that draws one says so.
"""

import math
import re
import textwrap

import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.path import Path

from iran_russia import style
from iran_russia.data import load
from iran_russia.map_labels import MapName, untangle_labels

SEA_LABELS = {  # where a sea's name may go, in order of preference (the first inside the map)
    "Caspian Sea": [(50.6, 41.6), (51.0, 39.2), (51.2, 37.3), (51.3, 46.45)],
    "Black Sea": [(37.0, 43.0), (40.0, 42.3)],
    "Mediterranean Sea": [(32.5, 34.0), (34.2, 33.0)],
    "Persian Gulf": [(51.2, 27.0), (50.3, 28.6)],
}
SMALLEST_NAMED = 0.01  # share of the map a country's visible part must cover to be named
NAME_SPOTS = 30  # spots tried for a country's name
TREATY_STYLES = {  # treaty_id: (label, marker, colour)
    "gulistan-1813": ("centre of a land given up in 1813", "o", style.PURPLE),
    "turkmenchay-1828": ("centre of a land given up in 1828", "^", style.VERMILION),
}
OUTLINE_STYLES = {  # outline_id: (label in the key, colour, hatch for an area or line style)
    "gulistan-1813-cessions": (
        "given up at Gulistan, 1813",
        style.PURPLE,
        "//",
    ),
    "turkmenchay-1828-cessions": ("given up at Turkmenchay, 1828", style.VERMILION, "\\\\"),
    "turkmenchay-1828-frontier": ("frontier of 1828 (Aras–Astara)", style.INK, "-"),
    "anglo-russian-1907-russian-zone-line": (
        "1907: Russian sphere north of this line",
        style.BLUE,
        "-",
    ),
    "anglo-russian-1907-british-zone-line": (
        "1907: British sphere south-east of this line",
        style.VERMILION,
        "--",
    ),
    "occupation-1941-soviet-zone": ("Soviet troops, 1941–46", style.BLUE, "//"),
    "occupation-1941-british-zone": ("British troops, 1941–46", style.ORANGE, "\\\\"),
    "azerbaijan-1946-republic": ("Azerbaijan government, 1945–46", style.PURPLE, ".."),
    "mahabad-1946-republic": ("Kurdish Republic, 1946", style.GREEN, "xx"),
    "caspian-median-line": ("median lines (Russia, Kazakhstan, Azerbaijan)", style.BLUE, "-"),
    "caspian-iran-20-percent-claim": ("Iran's claim: an equal fifth", style.VERMILION, "--"),
    "hezbollah-land-route": ("land route to Lebanon (schematic)", style.GREEN, "-"),
}
REPUBLICS = ("azerbaijan-1946-republic", "mahabad-1946-republic")  # drawn over the zones, darker
CAUCASUS = (38.5, 52.5, 37.0, 44.5)  # west, east, south, north
SIDE = 2.3  # inches to the right of the map for the locator and the key
MIN_HEIGHT = 4.9  # inches: room beside the map for the locator and a key of five entries
KEY_WIDTH = 24  # characters in a line of the key
LOCATOR_VIEW = (20, 90, 10, 72)


def country_rings(outlines: pd.DataFrame) -> dict[str, list]:
    """Each country's outline rings, as arrays of (longitude, latitude), in the table's order."""
    points = outlines[["longitude", "latitude"]].to_numpy()
    rings: dict[str, list] = {}
    for (name, _part), rows in outlines.groupby(["name", "part"], sort=False).indices.items():
        rings.setdefault(name, []).append(points[rows])
    return rings


def draw_countries(axes, outlines: pd.DataFrame, extent, labels: bool = True) -> None:
    """Fill today's countries as land on water, and name those that reach into the map."""
    west, east, south, north = extent
    axes.set_facecolor(style.WATER)
    countries = country_rings(outlines)
    axes.add_collection(
        PolyCollection(
            [ring for rings in countries.values() for ring in rings],
            facecolor=style.LAND,
            edgecolor=style.BORDER,
            linewidth=0.6,
        )
    )
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    axes.set_xticks([])
    axes.set_yticks([])
    if not labels:
        return
    for name in sorted(countries):
        land = [Path(ring) for ring in countries[name]]
        spots = name_spots(land, extent)
        if spots:
            axes.add_artist(MapName(spots, land, text=name.upper(), fontsize=style.SMALL,
                                    color=style.MUTED, ha="center", gid="country",
                                    path_effects=style.HALO))  # fmt: skip
    for sea, spots in SEA_LABELS.items():
        inside = [(x, y) for x, y in spots if west < x < east and south < y < north]
        if inside:
            axes.add_artist(MapName(inside, text=sea, fontsize=style.SMALL, style="italic",
                                    color=style.SEA_INK, ha="center", gid="sea"))  # fmt: skip


def name_spots(land: list[Path], extent) -> list[tuple[float, float]]:
    """Where a country's name may go, best first: points on its land (`land`, its outline rings)
    inside the map, nearest the middle of its visible outline; none if too little shows."""
    west, east, south, north = extent
    points = np.concatenate([ring.vertices for ring in land])
    longitude, latitude = points[:, 0], points[:, 1]
    seen = points[(longitude >= west + 0.3) & (longitude <= east - 0.3)
                  & (latitude >= south + 0.3) & (latitude <= north - 0.3)]  # fmt: skip
    if not len(seen):
        return []
    (x0, y0), (x1, y1) = seen.min(axis=0), seen.max(axis=0)
    if (x1 - x0) * (y1 - y0) < SMALLEST_NAMED * (east - west) * (north - south):
        return []
    middle = tuple(np.median(seen, axis=0))
    grid = [(x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * j / 8) for i in range(9) for j in range(9)]
    on_land = [spot for spot in [middle, *grid] if any(ring.contains_point(spot) for ring in land)]
    on_land.sort(key=lambda spot: math.dist(spot, middle))
    return on_land[:NAME_SPOTS]


def base_map(extent, title: str):
    """A map of `extent` (west, east, south, north) on today's borders, with a locator at the
    top right; returns the figure and the map's axes. The key goes below the locator
    (see `key_beside`)."""
    west, east, south, north = extent
    width = style.WIDTH - SIDE - 0.2
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    height = max(width * (north - south) * stretch / (east - west) + 0.6, MIN_HEIGHT)
    figure = style.SeriesFigure(figsize=(style.WIDTH, height), dpi=style.DPI)
    axes = figure.add_axes(
        (0.1 / style.WIDTH, 0.1 / height, width / style.WIDTH, (height - 0.6) / height)
    )
    draw_countries(axes, load("region_outlines"), extent)
    locator = figure.add_axes(
        (
            (style.WIDTH - SIDE + 0.05) / style.WIDTH,
            1 - 2.0 / height,
            (SIDE - 0.15) / style.WIDTH,
            1.45 / height,
        )
    )
    draw_countries(locator, load("country_outlines"), LOCATOR_VIEW, labels=False)
    locator.plot(
        [west, east, east, west, west],
        [south, south, north, north, south],
        color=style.VERMILION,
        linewidth=1.5,
    )
    locator.set_title("Where the map lies", fontsize=style.SMALL, loc="left")
    style.title(figure, title)
    return figure, axes


def draw_outlines(axes, outlines: pd.DataFrame) -> None:
    """Draw each historical outline in its style: areas tinted and hatched, lines drawn; every
    one named in the key, marked approximate."""
    for outline_id, rows in outlines.sort_values("year", kind="stable").groupby(
        "outline_id", sort=False
    ):
        label, colour, pattern = OUTLINE_STYLES[outline_id]
        label += "" if "schematic" in label else " (approx.)"
        for number, (_, part) in enumerate(rows.sort_values("point").groupby("part")):
            named = label if number == 0 else None
            if part["shape"].iloc[0] == "area":
                axes.fill(
                    part.longitude,
                    part.latitude,
                    facecolor=colour,
                    alpha=0.5 if outline_id in REPUBLICS else 0.3,
                    hatch=pattern,
                    edgecolor=colour,
                    linewidth=1.2,
                    label=named,
                    zorder=2,
                )
            else:
                axes.plot(
                    part.longitude,
                    part.latitude,
                    linestyle=pattern,
                    color=colour,
                    linewidth=2.5,
                    label=named,
                    zorder=2,
                )


def key_beside(axes) -> None:
    """The map's key, in the column right of the map (under the locator), off the map."""
    figure = axes.figure
    axes.legend(
        loc="upper left",
        bbox_to_anchor=((style.WIDTH - SIDE) / style.WIDTH, 1 - 2.3 / figure.get_figheight()),
        bbox_transform=figure.transFigure,
        frameon=False,
        fontsize=style.SMALL,
        borderaxespad=0,
        handlelength=1.5,
    )
    for text in axes.get_legend().get_texts():
        text.set_text(textwrap.fill(text.get_text(), KEY_WIDTH))


def cessions_map(territories: pd.DataFrame, places: pd.DataFrame, outlines: pd.DataFrame):
    """What Iran ceded or gave up at Gulistan and Turkmenchay: the lands as approximate areas,
    the frontier of 1828, and each khanate or land marked at its centre."""
    figure, axes = base_map(CAUCASUS, "What Iran ceded or gave up to Russia in 1813 and 1828")
    draw_outlines(axes, outlines[outlines.year.isin([1813, 1828])])
    located = territories.merge(places, on="place_id", suffixes=("", "_place"))
    for treaty_id, (label, marker, colour) in TREATY_STYLES.items():
        ceded = located[located.treaty_id == treaty_id].drop_duplicates("place_id")
        axes.scatter(
            ceded.longitude,
            ceded.latitude,
            marker=marker,
            s=36,
            color=colour,
            edgecolor="black",
            label=label,
            zorder=3,
        )
        for row in ceded.itertuples():
            name_place(axes, row)
    key_beside(axes)
    return untangle_labels(figure)


def name_place(axes, place) -> None:
    """Write a place's name (a row with name, longitude, latitude) up and to the right of its
    marker, over a halo, above the map's lines; `untangle_labels` may move it later."""
    axes.annotate(
        map_name(place.name),
        (place.longitude, place.latitude),
        xytext=(4, 4),
        textcoords="offset points",
        fontsize=style.SMALL,
        path_effects=style.HALO,
        zorder=4,
    )


REFERENCE_POINT = "(map reference point)"


def map_name(name: str) -> str:
    """A place's name as a map writes it: without bracketed asides or a ", near ..." tail; a
    point that only anchors a route (its name ends "(map reference point)") gets none."""
    if name.endswith(REFERENCE_POINT):
        return ""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    return name.split(", near ")[0]


ROUTE_STYLES = [(style.VERMILION, "--"), (style.BLUE, ":"), (style.PURPLE, "-.")]


def route_styles(routes) -> list[tuple[str, str]]:
    """A colour and a line style for each leg of `routes`: a leg without a name continues the
    next named one and is drawn like it; each named route differs by line style, not only colour."""
    styles, number = [], 0
    for *_, label in routes:
        styles.append(ROUTE_STYLES[number % len(ROUTE_STYLES)])
        number += bool(label)
    return styles


def places_map(
    places: pd.DataFrame,
    place_ids: list[str],
    extent: tuple[float, float, float, float],
    title: str,
    routes: list[tuple[str, str, str]] = (),
    outlines: pd.DataFrame | None = None,
    areas: dict[str, tuple[float, float]] | None = None,
):
    """Mark the chosen places (and dashed arrows between pairs of them, each named in the key)
    on today's borders, over any historical `outlines` given, with `areas` named in capitals at
    (longitude, latitude); names that would overlap are moved apart (map_labels)."""
    figure, axes = base_map(extent, title)
    if outlines is not None:
        draw_outlines(axes, outlines)
    for name, (longitude, latitude) in (areas or {}).items():
        axes.text(longitude, latitude, name.upper(), fontsize=style.SMALL, fontweight="bold",
                  color=style.INK, ha="center", style="italic")  # fmt: skip
    chosen = places.set_index("place_id").loc[list(place_ids)]
    chosen = chosen[~chosen.name.str.endswith(REFERENCE_POINT)]  # only anchors a route: no mark
    axes.scatter(chosen.longitude, chosen.latitude, marker="o", s=30, color="black", zorder=3)
    for row in chosen.itertuples():
        name_place(axes, row)
    indexed = places.set_index("place_id")
    for (start, end, label), (colour, line) in zip(routes, route_styles(routes), strict=True):
        a, b = indexed.loc[start], indexed.loc[end]
        axes.annotate(
            "",
            xy=(b.longitude, b.latitude),
            xytext=(a.longitude, a.latitude),
            arrowprops={
                "arrowstyle": "->",
                "linestyle": line,
                "color": colour,
                "linewidth": style.LINE,
            },
        )
        if label:
            axes.plot([], [], linestyle=line, color=colour, label=label)
    if any(label for *_, label in routes) or outlines is not None:
        key_beside(axes)
    return untangle_labels(figure)
