"""Shared figures and explorers: labelled figures, working filters, escaped text."""

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from iran_russia import charts, maps, style
from iran_russia.charts import score_timeline, timeline_strip
from iran_russia.data import load
from iran_russia.explorers import timeline_explorer
from iran_russia.panel import escaped_table


@pytest.fixture(scope="module")
def events():
    return load("events")


@pytest.mark.parametrize("chart", [timeline_strip, score_timeline])
@pytest.mark.parametrize("era", [None, "syria"])
def test_charts_return_a_titled_figure_with_every_era_named(events, chart, era):
    figure = chart(events, era=era)
    assert isinstance(figure, Figure)
    assert style.texts_of(figure, "title")
    labels = {text.get_text().splitlines()[0] for text in figure.axes[0].texts}
    assert {"Empires", "Soviet shadow", "Wary partners", "Syria", "Reversal"} <= labels


def band_spans(axes) -> list[tuple[float, float]]:
    """The x-extent of each shaded era band."""
    return sorted((patch.get_x(), patch.get_x() + patch.get_width()) for patch in axes.patches)


def test_era_bands_meet_without_overlapping(events):
    spans = band_spans(timeline_strip(events).axes[0])
    assert len(spans) == 5
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end == pytest.approx(start)


def test_the_strip_counts_each_lessons_events_and_says_how_many_sit_outside_its_band():
    dated = pd.to_datetime(["1800-05-01", "1921-02-26", "1950-01-01", "2023-03-01", "2024-01-01"])
    eras = ["empires", "empires", "soviet", "syria", "reversal"]
    strip = timeline_strip(pd.DataFrame({"date": dated, "era": eras}))
    names = [text.get_text() for text in strip.axes[0].texts]
    assert names == [
        "Empires\n2 events",  # by hand: lesson 01's two, though 1921 lies in the Soviet band
        "Soviet shadow\n1 event",
        "Wary partners\n0 events",
        "Syria\n1 event",  # 2023 lies in the Reversal band, which starts in 2022
        "Reversal\n1 event",
    ]
    said = style.texts_of(strip, "subtitle")
    assert said == ["Counts are per lesson; 2 events fall just outside their lesson's band."]


def test_a_leader_line_runs_to_the_nearest_point_of_its_own_band(events):
    figure = timeline_strip(events)
    axes = figure.axes[0]
    renderer = FigureCanvasAgg(figure).get_renderer()
    for text, (start, end) in zip(axes.texts, band_spans(axes), strict=True):
        text.update_positions(renderer)
        box = Text.get_window_extent(text, renderer)
        centre = axes.transData.inverted().transform(((box.x0 + box.x1) / 2, 0))[0]
        # the line ends 2 points (about a year) inside the band's edge
        assert text.xy[0] == pytest.approx(min(max(centre, start), end), abs=1.5)


@pytest.mark.parametrize("era", [None, "reversal"])
def test_each_era_name_sits_on_its_own_bands_colour(events, era):
    axes = timeline_strip(events, era=era).axes[0]
    bands = sorted(axes.patches, key=lambda patch: patch.get_x())
    for text, band in zip(axes.texts, bands, strict=True):
        # the names moved aside (Syria, Reversal) would otherwise sit over a neighbour's colour
        assert text.get_bbox_patch().get_facecolor() == band.get_facecolor()


def test_era_names_do_not_collide(events):
    figure = timeline_strip(events)
    renderer = FigureCanvasAgg(figure).get_renderer()
    boxes = []
    for text in figure.axes[0].texts:
        text.update_positions(renderer)
        boxes.append(Text.get_window_extent(text, renderer))  # the words, not the leader line
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_score_timeline_tells_statuses_apart_by_marker_in_a_legend_off_the_data(events):
    figure = score_timeline(events)
    axes = figure.axes[0]
    legend = axes.get_legend()
    assert [text.get_text() for text in legend.get_texts()] == ["confirmed", "reported", "disputed"]
    renderer = FigureCanvasAgg(figure).get_renderer()
    assert not legend.get_window_extent(renderer).overlaps(axes.get_window_extent(renderer))


def test_timeline_explorer_filters_by_years_and_category(events):
    explorer = timeline_explorer(events)
    controls, summary, table = explorer.children
    years, category = controls.children
    assert repr(explorer) == "Timeline explorer: run this cell to open it."
    years.value = (1800, 1830)
    category.value = "treaty"
    expected = events[events.date.dt.year.between(1800, 1830) & (events.category == "treaty")]
    assert summary.value.startswith(f"{len(expected)} events from 1800 to 1830")
    assert "Gulistan" in table.value


def test_timeline_explorer_escapes_text_from_the_data():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2000-01-01"]),
            "title": ["<script>alert(1)</script>"],
            "category": pd.Categorical(["war"]),
            "status": pd.Categorical(["confirmed"]),
        }
    )
    table = timeline_explorer(events).children[2].value
    assert "<script>" not in table and "&lt;script&gt;" in table


@pytest.mark.parametrize(
    ("chart", "tables"),
    [
        (charts.arms_transfers, ["arms_tiv", "arms_deals"]),
        (charts.council_votes, ["unsc_iran_votes"]),
        (charts.veto_record, ["unsc_syria_vetoes"]),
        (charts.voting_agreement, ["unga_agreement"]),
        (charts.trade_flows, ["trade"]),
        (maps.cessions_map, ["territories", "places", "historical_outlines"]),
    ],
)
def test_data_figures_have_a_title_and_readable_text(chart, tables):
    figure = chart(*(load(name) for name in tables))
    assert style.texts_of(figure, "title")
    texts = [t for t in figure.findobj(Text) if t.get_text() and t.get_visible()]
    assert min(text.get_fontsize() for text in texts) >= style.SMALL


def test_places_map_marks_each_place_and_names_each_route_in_a_key_off_the_map():
    figure = maps.places_map(
        load("places"), ["tehran", "aleppo"], (33, 56, 30, 44), "Test map",
        routes=[("tehran", "aleppo", "a route")],
    )  # fmt: skip
    axes = figure.axes[0]
    texts = {text.get_text() for text in axes.texts}
    assert {"Tehran", "Aleppo", "Caspian Sea"} <= texts
    legend = axes.get_legend()
    assert [text.get_text() for text in legend.get_texts()] == ["a route"]
    renderer = FigureCanvasAgg(figure).get_renderer()
    assert not legend.get_window_extent(renderer).overlaps(axes.get_window_extent(renderer))


def test_score_timeline_can_narrow_to_a_span_and_labels_only_its_eras(events):
    axes = score_timeline(events, era="soviet", years=(1921, 1991)).axes[0]
    eras = {text.get_text() for text in axes.texts if text.get_gid() != "stack-note"}
    assert eras == {"Soviet shadow", "Wary partners"}
    points = sum(len(collection.get_offsets()) for collection in axes.collections)
    assert points == events.date.dt.year.between(1921, 1991).sum()


def test_trade_lines_break_where_a_year_has_no_data():
    trade = load("trade")
    line = charts.trade_flows(trade).axes[0].lines[0]
    years = set(trade[(trade.status == "dataset") & (trade.flow == "russia_to_iran")].year)
    missing = [x for x, y in zip(*line.get_data(), strict=True) if x not in years]
    assert missing and all(
        pd.isna(y) for x, y in zip(*line.get_data(), strict=True) if x in missing
    )


def test_escaped_table_escapes_headers_and_cells():
    table = escaped_table(["<b>"], [["<script>x</script>"], [1]])
    assert table == (
        "<table><tr><th>&lt;b&gt;</th></tr>"
        "<tr><td>&lt;script&gt;x&lt;/script&gt;</td></tr><tr><td>1</td></tr></table>"
    )


def test_a_strip_says_where_a_lesson_band_stops_short_of_its_years(events):
    said = style.texts_of(timeline_strip(events, era="syria"), "subtitle")[0]
    assert said.startswith("Its band stops at 2022, where lesson 05's begins.")  # 04 runs to 2024
    # by hand from events.csv: of lesson 04's events, four fall after 2022, in lesson 05's band
    assert said.endswith("4 of this lesson's events fall just outside its band.")
    empires = style.texts_of(timeline_strip(events, era="empires"), "subtitle")[0]
    assert empires == "One of this lesson's events falls just outside its band."  # the 1921 treaty
    soviet = style.texts_of(timeline_strip(events, era="soviet"), "subtitle")[0]
    assert "stops" not in soviet  # 1921-1991 ends at its band


def test_arms_chart_names_where_one_sipri_release_gives_way_to_the_next():
    tiv = load("arms_tiv")  # basis changes from the 2022 TIV tables to the 2025 register in 2000
    joined = style.texts_of(charts.arms_transfers(tiv, since=1990), "source")[0]
    assert "TIV tables of 2022 for 1990–1999, register of 2025 for 2000–2023" in joined
    recent = style.texts_of(charts.arms_transfers(tiv, since=2010), "source")[0]
    assert "TIV tables" not in recent and "\n" not in recent
