"""Each figure draws its data: the drawn artists are read back and compared with values computed
here, straight from the CSV files in data/ with pandas (not through the lessons' loader or the
function under test). Swapping two series, scaling one or dropping rows fails these tests.
"""

from collections import Counter

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.markers import MarkerStyle

from conftest import ROOT
from iran_russia import charts, maps, treaty_stepper
from iran_russia.arms_deals import supply_by_year
from iran_russia.claims import VERDICTS, verdict_chart
from iran_russia.data import load
from iran_russia.indicators import INDICATORS, composite_chart, indicator_chart

DATA = ROOT / "data"


def raw(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", keep_default_na=True)


def scatter_points(axes) -> list[np.ndarray]:
    """The point sets of each scatter collection that holds points, in drawing order."""
    return [c.get_offsets() for c in axes.collections if isinstance(c, PathCollection)]


def as_pairs(points) -> Counter:
    return Counter((round(float(x), 6), round(float(y), 6)) for x, y in points)


def marker_name(collection) -> str:
    """Which vote's marker (yes o, no X, abstain D, absent _) a scatter collection draws."""
    drawn = collection.get_paths()[0].vertices
    for vote, marker in {"yes": "o", "no": "X", "abstain": "D", "absent": "_"}.items():
        style = MarkerStyle(marker)
        shape = style.get_path().transformed(style.get_transform()).vertices
        if shape.shape == drawn.shape and np.allclose(shape, drawn):
            return vote
    return "unknown"


def year_number(dates) -> list[float]:
    """A date as a year with a fraction: the year plus (day of the year - 0.5) / 366."""
    stamps = [pd.Timestamp(d) for d in dates]
    return [s.year + (s.day_of_year - 0.5) / 366 for s in stamps]


@pytest.fixture(scope="module")
def events():
    return load("events")


def test_timeline_strip_marks_every_event_at_its_date(events):
    axes = charts.timeline_strip(events).axes[0]
    (line,) = [line for line in axes.lines if line.get_marker() == "|"]
    expected = sorted(year_number(raw("events").date))
    assert sorted(line.get_xdata()) == pytest.approx(expected)


def test_score_timeline_puts_each_event_at_its_date_and_score_by_status(events):
    axes = charts.score_timeline(events).axes[0]
    rows = raw("events")
    drawn = [c for c in axes.collections if len(c.get_offsets())]
    for status, collection in zip(["confirmed", "reported", "disputed"], drawn, strict=True):
        chosen = rows[rows.status == status]
        # marks at one score and (almost) one date sit up to 0.6 above or below their score,
        # always at their own date
        drawn = sorted((x, y) for x, y in collection.get_offsets())
        wanted = sorted(zip(year_number(chosen.date), chosen.score, strict=True))
        assert [x for x, _ in drawn] == pytest.approx([x for x, _ in wanted]), status
        for (_, y), (_, score) in zip(drawn, wanted, strict=True):
            assert abs(y - score) <= 0.6 + 1e-9, status


def test_marks_at_one_score_and_date_stack_up_and_down_and_the_rest_are_counted():
    dates, scores = pd.Series([2000.5] * 5), pd.Series([4] * 5)
    heights = charts.stacked(dates, scores, width=0.1)
    assert sorted(heights) == pytest.approx([3.4, 4, 4, 4, 4.6])  # three steps, then none
    assert charts.overlapping(dates, heights, width=0.1) == 2
    assert charts.overlapping(dates[:3], pd.Series([2, 4, 6]), width=0.1) == 0  # other scores
    apart = charts.stacked(pd.Series([2000.0, 2000.2, 2000.4]), pd.Series([4] * 3), width=0.1)
    assert list(apart) == [4, 4, 4], "marks a mark's width apart stay at their score"
    near = charts.stacked(pd.Series([2000.0, 2000.05]), pd.Series([4, 6]), width=0.1)
    assert list(near) == [4, 6], "marks at different scores never move"


def test_the_full_score_chart_moves_no_mark_and_says_that_some_lie_on_others(events):
    axes = charts.score_timeline(events).axes[0]
    (note,) = [text.get_text() for text in axes.texts if text.get_gid() == "stack-note"]
    assert "lie on others" in note, "300 events on one axis cannot all be shown apart"
    drawn = sorted(x for c in scatter_points(axes) for x, _ in c)
    assert drawn == pytest.approx(sorted(year_number(raw("events").date)))


def test_score_timeline_narrowed_to_years_drops_the_rest(events):
    axes = charts.score_timeline(events, years=(2015, 2024)).axes[0]
    years = pd.to_datetime(raw("events").date).dt.year
    drawn = sum(len(points) for points in scatter_points(axes))
    assert drawn == years.between(2015, 2024).sum()


def bars_of(axes) -> list:
    """The data bars of an arms panel (not the shaded "no data" band)."""
    return [bar for bar in axes.patches if bar.get_width() < 1]


def test_arms_bars_are_the_tiv_above_and_below_the_axis():
    tiv = raw("arms_tiv")
    axes = charts.arms_transfers(load("arms_tiv"), since=1950).axes[0]
    heights = Counter(
        (round(bar.get_x() + bar.get_width() / 2), round(bar.get_height(), 6))
        for bar in bars_of(axes)
    )
    recent = tiv[tiv.year >= 1950]
    signs = recent.direction.map({"russia_to_iran": 1, "iran_to_russia": -1})
    expected = Counter(
        (int(year), round(sign * value, 6))
        for year, sign, value in zip(recent.year, signs, recent.tiv_millions, strict=True)
    )
    assert heights == expected


def test_arms_axis_reads_both_directions_as_magnitudes_of_an_index():
    figure = charts.arms_transfers(load("arms_tiv"), since=1950)
    axes = figure.axes[0]
    figure.canvas.draw()
    labels = {tick.get_position()[1]: tick.get_text() for tick in axes.get_yticklabels()}
    below = [value for value in labels if value < 0]
    assert below and all(labels[value] == f"{-value:,.0f}" for value in below)
    assert "not money" in axes.get_ylabel()


def test_arms_years_after_the_data_end_are_shaded_no_data_not_drawn_as_zero():
    tiv, deals = raw("arms_tiv"), raw("arms_deals")
    axes = charts.arms_transfers(load("arms_tiv"), load("arms_deals"), since=2010).axes[0]
    last_data, last_deal = tiv.year.max(), deals.delivery_first.max()
    assert last_deal > last_data, "the reported deals run past SIPRI's data"
    (band,) = [patch for patch in axes.patches if patch.get_width() >= 1]
    assert band.get_x() == pytest.approx(last_data + 0.5)
    assert "no data" in [text.get_text() for text in axes.texts]
    assert all(bar.get_x() < last_data + 0.5 for bar in bars_of(axes))


def test_reported_deals_sit_on_a_strip_of_their_own_not_on_the_bars():
    deals = raw("arms_deals")
    figure = charts.arms_transfers(load("arms_tiv"), load("arms_deals"), since=1950)
    bars, strip = figure.axes[:2]
    assert not scatter_points(bars), "no marker sits among the bars at a made-up height"
    reported = deals[deals.status == "reported"]
    year = reported.delivery_first.fillna(reported.order_year)
    expected = Counter(
        (int(y), 0 if supplier == "Russia" else 1, delivered)
        for y, supplier, delivered in zip(
            year, reported.supplier, reported.delivery_first.notna(), strict=True
        )
    )
    drawn = Counter()
    for collection in strip.collections:
        filled = [tuple(face) != (1, 1, 1, 1) for face in collection.get_facecolors()]
        for (x, y), solid in zip(collection.get_offsets(), filled, strict=True):
            drawn[(int(x), int(y), solid)] += 1
    assert drawn == expected, "filled where a delivery is reported, hollow for an order only"


def test_the_reversal_panel_repeats_the_recent_years_at_their_own_scale():
    tiv = raw("arms_tiv")
    figure = charts.arms_transfers(load("arms_tiv"), load("arms_deals"), 1990, zoom_from=2010)
    recent = figure.axes[1]  # the grid's top row: the long view, then the recent years
    years = {round(bar.get_x() + bar.get_width() / 2) for bar in bars_of(recent)}
    assert years == set(tiv.year[tiv.year >= 2010])
    assert recent.get_ylim()[1] < figure.axes[0].get_ylim()[1]


def test_council_votes_mark_each_permanent_members_vote_in_its_row_and_column():
    votes = raw("unsc_iran_votes")
    axes = charts.council_votes(load("unsc_iran_votes")).axes[0]
    members = ["vote_russia", "vote_china", "vote_usa", "vote_uk", "vote_france"]
    collections = [c for c in axes.collections if len(c.get_offsets())]
    drawn = {tuple(point): marker_name(c) for c in collections for point in c.get_offsets()}
    expected = {
        (column, row): vote
        for row, cast in enumerate(votes[members].itertuples(index=False))
        for column, vote in enumerate(cast)
    }
    assert drawn == expected
    words = Counter(text.get_text() for text in axes.texts)
    cast = Counter(votes[members].to_numpy().ravel())
    assert (words["no"], words["abst."], words["absent"]) == (
        cast["no"],
        cast["abstain"],
        cast["absent"],
    ), "every vote other than yes is also written out"
    labels = [text.get_text() for text in axes.get_yticklabels()]
    dates = [pd.Timestamp(d).strftime("%d %b %Y") for d in votes.date]
    assert [label[:11] for label in labels] == dates
    assert [label.split(": ", 1)[1][:15] for label in labels] == [s[:15] for s in votes.subject]
    tallies = [text.get_text() for text in axes.texts if text.get_text()[:1].isdigit()]
    assert [t.split("\n")[-1] for t in tallies] == [
        "adopted" if a == "yes" else "failed" for a in votes.adopted
    ], "each tally says whether the text passed"


def test_veto_record_marks_every_no_and_every_abstention_of_each_draft():
    vetoes = raw("unsc_syria_vetoes")
    axes = charts.veto_record(load("unsc_syria_vetoes")).axes[0]
    members = [label.get_text() for label in axes.get_xticklabels()]
    marks = Counter()
    for collection in axes.collections:
        marks[marker_name(collection)] += len(collection.get_offsets())
    assert marks["no"] == vetoes.no.sum() and marks["abstain"] == vetoes.abstain.sum()
    russia = members.index("Russia")
    china = members.index("China")
    china_nos = {
        int(row)
        for c in axes.collections
        if marker_name(c) == "no"
        for column, row in c.get_offsets()
        if column == china
    }
    assert china_nos == set(np.flatnonzero(vetoes.vetoed_by == "Russia;China"))
    assert russia == 0 and len(axes.get_yticklabels()) == len(vetoes)


def test_a_wide_vote_grid_runs_a_faint_line_down_from_each_member_name():
    axes = charts.veto_record(load("unsc_syria_vetoes")).axes[0]
    assert all(line.get_visible() for line in axes.get_xgridlines())
    narrow = charts.council_votes(load("unsc_iran_votes")).axes[0]
    assert not any(line.get_visible() for line in narrow.get_xgridlines())


def test_council_votes_can_say_what_the_record_does_not_give():
    said = "1946 records give only totals."
    figure = charts.council_votes(load("unsc_iran_votes"), subtitle=said)
    assert said in [text.get_text() for text in figure.texts]


@pytest.mark.parametrize("issue_area", ["all", "nuclear"])
def test_agreement_lines_follow_each_partners_yearly_share(issue_area):
    agreement = raw("unga_agreement")
    axes = charts.voting_agreement(load("unga_agreement"), issue_area).axes[0]
    chosen = agreement[agreement.issue_area == issue_area]
    for line, partner in zip(axes.lines, ["russia", "usa", "china"], strict=True):
        rows = chosen[chosen.partner == partner]
        drawn = pd.Series(line.get_ydata(), index=line.get_xdata()).dropna()
        assert list(drawn.index) == list(rows.year), partner
        assert list(drawn) == pytest.approx(list(rows.agreement)), partner
        missing = set(range(chosen.year.min(), chosen.year.max() + 1)) - set(chosen.year)
        assert all(pd.isna(line.get_ydata()[list(line.get_xdata()).index(y)]) for y in missing)


def test_trade_lines_follow_the_dataset_and_leave_gaps_where_it_has_none():
    trade = raw("trade")
    axes = charts.trade_flows(load("trade")).axes[0]
    dataset = trade[trade.status == "dataset"]
    for line, flow in zip(axes.lines, ["russia_to_iran", "iran_to_russia"], strict=True):
        rows = dataset[dataset.flow == flow].set_index("year").value_musd
        drawn = pd.Series(line.get_ydata(), index=line.get_xdata())
        assert drawn.dropna().to_dict() == pytest.approx(rows.dropna().to_dict()), flow
        missing = set(range(dataset.year.min(), dataset.year.max() + 1)) - set(rows.index)
        assert drawn.loc[sorted(missing)].isna().all(), "a year without data is drawn as a gap"
    reported = trade[(trade.status == "reported") & (trade.period == "year")]
    zeros = dataset[dataset.value_musd == 0]  # drawn open, as figures that may be unrecorded
    drawn = [tuple(p) for points in scatter_points(axes) for p in points]
    expected = [
        *zip(reported.year, reported.value_musd, strict=True),
        *zip(zeros.year, zeros.value_musd, strict=True),
    ]
    assert as_pairs(drawn) == as_pairs(expected)


def test_cessions_map_marks_each_ceded_place_of_both_treaties_once():
    territories, places = raw("territories"), raw("places")
    figure = maps.cessions_map(load("territories"), load("places"), load("historical_outlines"))
    axes = figure.axes[0]
    located = territories.merge(places, on="place_id", suffixes=("", "_place"))
    for points, treaty in zip(
        scatter_points(axes), ["gulistan-1813", "turkmenchay-1828"], strict=True
    ):
        ceded = located[located.treaty_id == treaty].drop_duplicates("place_id")
        assert as_pairs(points) == as_pairs(zip(ceded.longitude, ceded.latitude, strict=True))
    outlines = raw("region_outlines")
    (land,) = [c for c in axes.collections if isinstance(c, PolyCollection)]
    assert len(land.get_paths()) == outlines.groupby(["name", "part"]).ngroups, "every part"
    assert tuple(axes.get_facecolor()[:3]) != tuple(land.get_facecolor()[0][:3]), "land ≠ water"


def test_cessions_map_draws_the_ceded_lands_as_areas_and_the_1828_frontier_as_a_line():
    outlines = raw("historical_outlines")
    figure = maps.cessions_map(load("territories"), load("places"), load("historical_outlines"))
    axes = figure.axes[0]
    areas = [p for p in axes.patches if "approx" in str(p.get_label())]
    expected = outlines[(outlines["shape"] == "area") & outlines.year.isin([1813, 1828])]
    assert len(areas) == expected.groupby(["outline_id"]).ngroups
    frontier = outlines[outlines.outline_id == "turkmenchay-1828-frontier"]
    (line,) = [line for line in axes.lines if "approx" in str(line.get_label())]
    assert list(line.get_xdata()) == list(frontier.sort_values("point").longitude)
    labels = [text.get_text() for text in axes.get_legend().get_texts()]
    assert sum("approx" in label for label in labels) == 3, "each outline is named approximate"


def test_historical_outlines_have_a_style_and_enough_points_to_draw():
    outlines = raw("historical_outlines")
    assert set(outlines.outline_id) == set(maps.OUTLINE_STYLES)
    sizes = outlines.groupby(["outline_id", "part", "shape"]).size().reset_index(name="points")
    assert (sizes.points[sizes["shape"] == "area"] >= 3).all()
    assert (sizes.points[sizes["shape"] == "line"] >= 2).all()
    assert outlines.groupby("outline_id").note.nunique().eq(1).all(), "one note per outline"


def test_places_map_marks_the_chosen_places_where_they_are():
    places = raw("places")
    chosen = ["tehran", "moscow"] if {"tehran", "moscow"} <= set(places.place_id) else []
    chosen = chosen or list(places.place_id[:2])
    axes = maps.places_map(load("places"), chosen, (30, 60, 25, 60), "t").axes[0]
    (points,) = scatter_points(axes)
    rows = places.set_index("place_id").loc[chosen]
    assert as_pairs(points) == as_pairs(zip(rows.longitude, rows.latitude, strict=True))


def test_transfers_chart_bars_are_each_treatys_rows_by_direction_and_kind():
    territories = raw("territories")
    treaties = load("treaties")
    figure = treaty_stepper.transfers_chart(treaties, load("territories"))
    axes = figure.axes[0]
    kinds = list(treaty_stepper.KINDS)
    era = treaty_stepper.era_treaties(treaties).treaty_id
    order = [t for t in era if t in set(territories.treaty_id)]
    widths = [bar.get_width() for bar in axes.patches]
    assert len(widths) == 2 * len(order) * len(kinds)
    for d, (direction, sign) in enumerate((("to_russia", 1), ("to_iran", -1))):
        for k, kind in enumerate(kinds):
            for t, treaty in enumerate(order):
                rows = territories[
                    (territories.treaty_id == treaty)
                    & (territories.kind == kind)
                    & (territories.direction == direction)
                ]
                bar = widths[(d * len(kinds) + k) * len(order) + t]
                assert bar == sign * len(rows), (treaty, kind, direction)
    mutual = territories[territories.treaty_id.isin(order) & (territories.direction == "mutual")]
    notes = [text.get_text() for text in axes.texts if "accepted by both" in text.get_text()]
    assert notes == [f"+ {len(mutual)} accepted by both"]


def test_decade_chart_stacks_each_decades_events_by_category():
    rows = raw("events")
    empires = rows[rows.era == "empires"]
    axes = treaty_stepper.decade_chart(load("events").query("era == 'empires'")).axes[0]
    decade = pd.to_datetime(empires.date).dt.year // 10 * 10
    expected = Counter(
        {(int(d), str(c)): n for (d, c), n in empires.groupby([decade, "category"]).size().items()}
    )
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    drawn = Counter()
    bars_per_category = len(axes.patches) // len(legend)
    for index, bar in enumerate(axes.patches):
        category = legend[index // bars_per_category]
        if bar.get_height():
            drawn[(round(bar.get_x()), category)] = bar.get_height()
    assert drawn == expected


def test_supply_chart_draws_each_deal_from_its_first_to_its_last_year():
    deals = raw("arms_deals")
    figure = supply_by_year(load("arms_deals"), since=2015)
    years = deals[["order_year", "delivery_first", "delivery_last"]]
    spans = pd.DataFrame({"start": years.min(axis=1), "end": years.max(axis=1)}).dropna()
    spans = spans[spans.end >= 2015]
    expected = Counter((int(s), int(e)) for s, e in zip(spans.start, spans.end, strict=True))
    drawn = Counter(
        (int(line.get_xdata()[0]), int(line.get_xdata()[-1]))
        for axes in figure.axes
        for line in axes.lines
        if line.get_linestyle() != "None" and len(line.get_xdata()) == 2
    )
    assert drawn == expected


def test_verdict_chart_puts_each_check_on_its_row_between_its_years():
    checks = pd.DataFrame(
        {
            "label": ["a", "b"],
            "made": [2016, 2023],
            "outcome_year": [2022, 2025],
            "verdict": list(VERDICTS)[:2],
        }
    )
    axes = verdict_chart(checks).axes[0]
    dotted = [line for line in axes.lines if line.get_linestyle() == ":"]
    assert [(list(line.get_xdata()), list(line.get_ydata())) for line in dotted] == [
        ([2016, 2022], [0, 0]),
        ([2023, 2025], [1, 1]),
    ]
    written = [text.get_text() for text in axes.texts]
    assert written == list(checks.verdict)


def test_indicator_strips_show_each_indicators_values_and_gaps():
    years = [1990, 1991, 1992]
    scaled = pd.DataFrame(
        {
            name: [0.0, np.nan, 1.0] if i == 0 else [0.2, 0.4, 0.6]
            for i, name in enumerate(INDICATORS)
        },
        index=years,
    )
    figure = indicator_chart(scaled)
    for axes, name in zip(figure.axes, INDICATORS, strict=True):
        (line,) = axes.lines
        assert list(line.get_ydata()) == list(scaled[name].dropna()), name


def test_composite_chart_plots_the_weighted_mean_of_what_exists_each_year():
    names = list(INDICATORS)
    scaled = pd.DataFrame({names[0]: [0.0, 1.0], names[1]: [1.0, np.nan]}, index=[1990, 2000])
    for name in names[2:]:
        scaled[name] = np.nan
    weights = dict.fromkeys(names, 0.0) | {names[0]: 1.0, names[1]: 3.0}
    top = composite_chart(scaled, weights).axes[0]
    drawn = [y for line in top.lines if line.get_marker() in (".", "o") for y in line.get_ydata()]
    # 1990: (0*1 + 1*3) / 4 = 0.75; 2000: only the first indicator exists, so 1.0.
    assert sorted(drawn) == [0.75, 1.0]


def test_a_year_when_both_flows_were_recorded_as_zero_shows_two_rings():
    trade = load("trade")
    both = trade[(trade.status == "dataset") & (trade.value_musd == 0)].groupby("year").size()
    year = both[both == 2].index[0]  # 1921 in the data
    axes = charts.trade_flows(trade).axes[0]
    rings = [c for c in axes.collections if len(c.get_offsets()) and year in c.get_offsets()[:, 0]]
    assert len(rings) == 2 and len({c.get_sizes()[0] for c in rings}) == 2


def test_the_score_grid_prints_every_decade_and_score_count_of_the_data():
    rows = raw("events")
    years = pd.to_datetime(rows.date).dt.year
    expected = rows.groupby([years // 10 * 10, "score"]).size()
    axes = charts.score_counts(load("events")).axes[0]
    printed = {
        (int(text.get_position()[0]) - 5, int(text.get_position()[1])): int(text.get_text())
        for text in axes.texts
        if text.get_text().isdigit()
    }
    assert printed == {(int(d), int(s)): int(n) for (d, s), n in expected.items()}
    assert sum(printed.values()) == len(rows)


def test_a_bar_cut_in_the_recent_panel_carries_a_break_mark_on_it():
    tiv = raw("arms_tiv")
    figure = charts.arms_transfers(load("arms_tiv"), load("arms_deals"), 1990, zoom_from=2010)
    recent = figure.axes[1]
    recent_tiv = tiv[tiv.year >= 2010]
    tallest = recent_tiv.loc[recent_tiv.tiv_millions.idxmax()]
    assert tallest.tiv_millions > recent.get_ylim()[1], "the tallest recent bar is cut"
    marks = [line for line in recent.lines if line.get_gid() == "break-mark"]
    assert len(marks) == 2
    for line in marks:
        xs, ys = line.get_xdata(), line.get_ydata()
        assert min(xs) < tallest.year < max(xs)
        assert min(ys) > 0 and max(ys) < recent.get_ylim()[1], "drawn on the visible bar"


def test_with_a_recent_panel_the_long_strip_marks_only_the_years_before_it():
    figure = charts.arms_transfers(load("arms_tiv"), load("arms_deals"), 1990, zoom_from=2010)
    long_strip, recent_strip = figure.axes[2], figure.axes[3]
    early = [x for points in scatter_points(long_strip) for x, _ in points]
    assert early and max(early) < 2010
    assert any("from 2010" in text.get_text() for text in long_strip.texts)
    deals = raw("arms_deals")
    reported = deals[deals.status == "reported"]
    year = reported.delivery_first.fillna(reported.order_year)
    assert sum(len(points) for points in scatter_points(recent_strip)) == (year >= 2010).sum()


def test_the_trade_chart_credits_reported_figures_only_where_it_draws_some():
    trade = load("trade")
    reported = (trade.status == "reported") & (trade.period == "year")
    assert reported.any(), "the data hold reported yearly figures"

    def credits(rows):
        (line,) = [t.get_text() for t in charts.trade_flows(rows).texts if t.get_gid() == "source"]
        return line

    assert "reported figures" in credits(trade)
    assert "reported figures" not in credits(trade[~reported])


def test_indicator_strips_shade_the_years_after_each_indicators_data_end():
    names = list(INDICATORS)
    years = list(range(2000, 2021))
    scaled = pd.DataFrame({name: np.linspace(0, 1, len(years)) for name in names}, index=years)
    scaled.loc[2011:, names[1]] = np.nan  # ends in 2010: ten years after it, labelled
    scaled.loc[2019:, names[2]] = np.nan  # ends in 2018: two years, too narrow for words
    axes = indicator_chart(scaled).axes
    spans = [
        [(p.get_x(), p.get_x() + p.get_width()) for p in a.patches if p.get_hatch()] for a in axes
    ]
    assert spans == [[], [(2011, 2021)], [(2019, 2021)], [], []]
    assert "no data" in [t.get_text() for t in axes[1].texts]
    assert "no data" not in [t.get_text() for t in axes[2].texts]
