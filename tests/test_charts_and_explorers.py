"""Shared figures and explorers: labelled figures, working filters, escaped text."""

import pandas as pd
import pytest
from matplotlib.figure import Figure

from iran_russia.charts import score_timeline, timeline_strip
from iran_russia.data import load
from iran_russia.explorers import timeline_explorer


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
