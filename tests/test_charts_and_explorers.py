"""Shared figures and explorers: labelled figures, working filters, escaped text."""

import pandas as pd
import pytest
from matplotlib.figure import Figure

from iran_russia import charts, maps
from iran_russia.charts import score_timeline, timeline_strip
from iran_russia.data import load
from iran_russia.explorers import timeline_explorer
from iran_russia.panel import escaped_table


@pytest.fixture(scope="module")
def events():
    return load("events")


@pytest.mark.parametrize("chart", [timeline_strip, score_timeline])
@pytest.mark.parametrize("era", [None, "syria"])
def test_charts_return_a_titled_labelled_figure(events, chart, era):
    figure = chart(events, era=era)
    assert isinstance(figure, Figure)
    axes = figure.axes[0]
    assert axes.get_title() and axes.get_xlabel() == "Year"
    labels = {text.get_text() for text in axes.texts}
    assert {"01", "02", "03", "04", "05"} <= labels


def test_score_timeline_tells_statuses_apart_by_marker(events):
    legend = score_timeline(events).axes[0].get_legend()
    assert [text.get_text() for text in legend.get_texts()] == ["confirmed", "reported", "disputed"]


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
        (charts.vetoes_by_year, ["unsc_syria_vetoes"]),
        (charts.voting_agreement, ["unga_agreement"]),
        (charts.trade_flows, ["trade"]),
        (maps.cessions_map, ["territories", "places", "country_outlines"]),
    ],
)
def test_data_charts_draw_labelled_figures_from_the_tables(chart, tables):
    figure = chart(*(load(name) for name in tables))
    axes = figure.axes[0]
    assert axes.get_title() and axes.get_xlabel()
    assert axes.get_legend() is not None, "a legend explains every marker and line"


def test_vetoes_chart_stacks_russia_alone_on_russia_with_china():
    vetoes = load("unsc_syria_vetoes")
    bars = charts.vetoes_by_year(vetoes).axes[0].patches
    assert sum(bar.get_height() for bar in bars) == len(vetoes)


def test_places_map_marks_each_place_and_route():
    places, outlines = load("places"), load("country_outlines")
    figure = maps.places_map(
        places, outlines, ["tehran", "aleppo"], (33, 56, 30, 44), "Test map",
        routes=[("tehran", "aleppo", "a route")],
    )  # fmt: skip
    texts = {text.get_text() for text in figure.axes[0].texts}
    assert {"Tehran", "Aleppo", "a route", "Caspian Sea"} <= texts


def test_score_timeline_can_narrow_to_a_span_and_labels_only_its_eras(events):
    axes = score_timeline(events, era="soviet", years=(1921, 1991)).axes[0]
    assert {text.get_text() for text in axes.texts} == {"01", "02", "03"}
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
