"""Derive the dataset-based tables of data/ from the raw public datasets.

    python -m iran_russia.tools.build_data [RAW_FOLDER]

Reads the raw files (by default ../shared/data-raw beside the repository; never committed)
and writes arms_tiv.csv, unga_agreement.csv, trade.csv, country_outlines.csv and
region_outlines.csv. The other
tables in data/ are curated by hand, row by row, with their sources.
"""

import json
import sys
from pathlib import Path

import pandas as pd

from iran_russia.paths import project_root

DIRECTIONS = {"RU/USSR->IR": "russia_to_iran", "IR->RU/USSR": "iran_to_russia"}
TIV_BASIS = {
    "tivtable_2022": ("tiv_table_2022", "sipri-tiv-tables-2022"),
    "register_2025": ("trade_register_2025", "sipri-trade-register-2025"),
}
PARTNERS = {"russia": "vote_russia_ussr", "usa": "vote_usa", "china": "vote_china_prc"}
ISSUE_AREAS = {"all": None, "middle_east": "issue_me", "nuclear": "issue_nu"}
CAST = ["yes", "no", "abstain"]
# Addresses in the raw files that are reposts of a work, and the source row of the work itself.
REPOSTED_2022 = (
    "https://www.urdupoint.com/en/business/russia-iran-turnover-hit-record-highs-in-2022"
)
REPOSTS = {f"{REPOSTED_2022}-1639715.html": "sputnik-2023-02-09-trade"}
BUILT_TABLES = ("arms_tiv", "unga_agreement", "trade", "country_outlines", "region_outlines")
MIN_ROLL_CALLS = 10  # fewer shared votes in a year (January 2020 has a handful) say little
UNGA_SOURCES = "voeten-unga-votes;bailey-strezhnev-voeten-2017"
COW_FLOWS = {
    "russia_to_iran": "iran_imports_from_russia_musd",
    "iran_to_russia": "russia_imports_from_iran_musd",
}
COW_SOURCES = "cow-trade-v4;barbieri-keshk-pollins-2009"
# How each measure in the reported-figures file maps to (flow, period, qualifier);
# None: not a US-dollar value, left out.
REPORTED_MEASURES = {
    "total turnover": ("total", "year", "exact"),
    "total turnover (approx.)": ("total", "year", "approximate"),
    'total turnover (">4 bn")': ("total", "year", "lower_bound"),
    "Russian exports to Iran": ("russia_to_iran", "year", "exact"),
    "Russian imports from Iran": ("iran_to_russia", "year", "exact"),
    "Jan-Oct turnover": ("total", "jan_oct", "exact"),
    "Jan-Sep turnover": ("total", "jan_sep", "exact"),
    "growth of total turnover, % y/y": None,
}
OUTLINE_SOURCE = "natural-earth-admin0-110m"
REGION_SOURCE = "natural-earth-admin0-10m"
TOLERANCE = 0.02  # degrees (about 2 km) a simplified outline may stray: under a pixel on a map
REGION = (30, 68, 24, 48)  # west, east, south, north: what the regional maps can show
SMALLEST = 0.01  # square degrees: islands smaller than this are left out
NOT_COUNTRIES = {"Akrotiri", "Baikonur", "Cyprus U.N. Buffer Zone", "Dhekelia"}  # leases, zones


def default_raw_folder() -> Path:
    """The shared raw datasets beside the repository."""
    return project_root().parent / "shared" / "data-raw"


def arms_tiv(raw: Path) -> pd.DataFrame:
    """Yearly SIPRI TIV by direction, from the best available SIPRI release for each year."""
    sipri = pd.read_csv(raw / "sipri_ru_ir.csv")
    basis = sipri["tiv_best_source"].map(lambda key: TIV_BASIS[key][0])
    sources = sipri["tiv_best_source"].map(lambda key: TIV_BASIS[key][1])
    table = pd.DataFrame(
        {
            "year": sipri["year"],
            "direction": sipri["direction"].map(DIRECTIONS),
            "tiv_millions": sipri["tiv_best"].round(2),
            "basis": basis,
            "source_ids": sources,
        }
    )
    return table.sort_values(["year", "direction"]).reset_index(drop=True)


def unga_agreement(raw: Path) -> pd.DataFrame:
    """Share of roll calls on which Iran and each partner cast the same vote, per year and area."""
    votes = pd.read_csv(raw / "unga_votes_selected.csv", low_memory=False)
    rows = []
    for partner, column in PARTNERS.items():
        both_cast = votes[votes["vote_iran"].isin(CAST) & votes[column].isin(CAST)]
        for area, flag in ISSUE_AREAS.items():
            subset = both_cast if flag is None else both_cast[both_cast[flag] == 1]
            same = subset["vote_iran"] == subset[column]
            yearly = same.groupby(subset["year"]).agg(["size", "mean"])
            for year, (count, share) in yearly[yearly["size"] >= MIN_ROLL_CALLS].iterrows():
                rows.append((year, partner, area, int(count), round(share, 3), UNGA_SOURCES))
    columns = ["year", "partner", "issue_area", "roll_calls", "agreement", "source_ids"]
    return pd.DataFrame(rows, columns=columns).sort_values(columns[:3]).reset_index(drop=True)


def trade(raw: Path, sources: pd.DataFrame) -> pd.DataFrame:
    """Correlates of War trade by direction, then the reported figures for later years."""
    cow = pd.read_csv(raw / "trade_ir_ru_cow.csv")
    measured = [
        pd.DataFrame(
            {
                "year": cow["year"],
                "flow": flow,
                "value_musd": cow[column],
                "period": "year",
                "qualifier": "exact",
                "status": "dataset",
                "reported_by": "",
                "source_ids": COW_SOURCES,
            }
        ).dropna(subset=["value_musd"])
        for flow, column in COW_FLOWS.items()
    ]
    source_by_url = {**dict(zip(sources["url"], sources["source_id"], strict=True)), **REPOSTS}
    reported = []
    for row in pd.read_csv(raw / "trade_ir_ru_news_figures.csv").itertuples():
        if row.measure not in REPORTED_MEASURES:
            raise ValueError(f"Unknown measure {row.measure!r}: add it to REPORTED_MEASURES.")
        if REPORTED_MEASURES[row.measure] is None:
            continue
        if row.url not in source_by_url:
            raise ValueError(f"Add a row for {row.url} to data/sources.csv first.")
        flow, period, qualifier = REPORTED_MEASURES[row.measure]
        reported.append(
            (row.year, flow, row.value_musd_or_pct, period, qualifier, "reported",
             row.reported_by, source_by_url[row.url])
        )  # fmt: skip
    table = pd.concat([*measured, pd.DataFrame(reported, columns=measured[0].columns)])
    return table.sort_values(["year", "status", "flow", "period"]).reset_index(drop=True)


def country_outlines(raw: Path) -> pd.DataFrame:
    """Country polygons as one row per point, rounded to 0.001 degree."""
    features = json.loads((raw / "countries.geojson").read_text())["features"]
    rows = []
    for feature in features:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for part, polygon in enumerate(polygons):
            exterior = polygon[0]
            for point, (lon, lat) in enumerate(exterior):
                props = feature["properties"]
                rows.append((props["iso_a3"], props["name"], part, point, lon, lat))
    columns = ["iso3", "name", "part", "point", "longitude", "latitude"]
    table = pd.DataFrame(rows, columns=columns).round({"longitude": 3, "latitude": 3})
    table["source_ids"] = OUTLINE_SOURCE
    return table


def simplified(ring: list[list[float]], tolerance: float = TOLERANCE) -> list[list[float]]:
    """The ring with the points dropped that lie within `tolerance` of the line through their
    neighbours (Douglas–Peucker), so that an outline keeps its shape in far fewer points."""
    if len(ring) < 3:
        return ring
    (x0, y0), (x1, y1) = ring[0], ring[-1]
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    distances = [
        abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / length if length else
        ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5
        for x, y in ring[1:-1]
    ]  # fmt: skip
    farthest = max(range(len(distances)), key=distances.__getitem__) + 1
    if distances[farthest - 1] <= tolerance:
        return [ring[0], ring[-1]]
    return simplified(ring[: farthest + 1], tolerance)[:-1] + simplified(ring[farthest:], tolerance)


def ring_area(ring: list[list[float]]) -> float:
    """The area a ring encloses, in square degrees (shoelace formula)."""
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2


def region_outlines(raw: Path) -> pd.DataFrame:
    """Sharp (1:10m) outlines of the countries that reach into REGION (the eastern Mediterranean
    to Central Asia), simplified to TOLERANCE and without islands smaller than SMALLEST, one row
    per point."""
    features = json.loads((raw / "countries_10m_region.geojson").read_text())["features"]
    rows = []
    for feature in features:
        if feature["properties"]["name"] in NOT_COUNTRIES:
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        west, east, south, north = REGION
        kept = [
            polygon[0] for polygon in polygons
            if ring_area(polygon[0]) >= SMALLEST
            and any(west <= x <= east and south <= y <= north for x, y in polygon[0])
        ]  # fmt: skip
        for part, ring in enumerate(kept):
            # split the closed ring at its middle so that both halves have distinct ends
            middle = len(ring) // 2
            points = simplified(ring[: middle + 1])[:-1] + simplified(ring[middle:])[:-1]
            rows += [
                (feature["properties"]["name"], part, n, x, y) for n, (x, y) in enumerate(points)
            ]
    columns = ["name", "part", "point", "longitude", "latitude"]
    table = pd.DataFrame(rows, columns=columns).round({"longitude": 3, "latitude": 3})
    table["source_ids"] = REGION_SOURCE
    return table


def build(raw: Path, data: Path) -> dict[str, pd.DataFrame]:
    """All derived tables, keyed by file name."""
    sources = pd.read_csv(data / "sources.csv", dtype=str, keep_default_na=False)
    return {
        "arms_tiv.csv": arms_tiv(raw),
        "unga_agreement.csv": unga_agreement(raw),
        "trade.csv": trade(raw, sources),
        "country_outlines.csv": country_outlines(raw),
        "region_outlines.csv": region_outlines(raw),
    }


def main(arguments: list[str]) -> int:
    raw = Path(arguments[0]) if arguments else default_raw_folder()
    if not raw.is_dir():
        print(f"No raw datasets at {raw}: pass their folder as the first argument.")
        return 1
    data = project_root() / "data"
    for name, table in build(raw, data).items():
        table.to_csv(data / name, index=False, lineterminator="\n")
        print(f"wrote data/{name}: {len(table)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
