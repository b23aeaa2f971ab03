"""Lesson 06 indicators: how each is built, scaled and combined; the charts; the weights panel."""

import math
import re
from functools import partial

import pandas as pd
import pytest
from matplotlib.figure import Figure

from exercise_samples import printed
from iran_russia import indicators, style
from iran_russia.exercises.questions import find
from iran_russia.indicators import (
    INDICATORS,
    WEIGHTINGS,
    WeightError,
    by_decade,
    checked_weights,
    compare,
    composite,
    composite_chart,
    coverage,
    indicator_chart,
    raw_indicators,
    scale,
    sensitivity_chart,
    summary,
    weights_panel,
)


def tiny_tables() -> dict[str, pd.DataFrame]:
    """A few hand-made rows of each table the indicators read."""
    dates = pd.to_datetime
    return {
        "events": pd.DataFrame(
            {"date": dates(["2000-01-01", "2000-06-01", "2002-01-01"]), "score": [4, -2, 6]}
        ),
        "arms_tiv": pd.DataFrame(
            {
                "year": [2000, 2000, 2001, 2001],
                "direction": ["russia_to_iran", "iran_to_russia"] * 2,
                "tiv_millions": [90.0, 9.0, 0.0, 0.0],
            }
        ),
        "trade": pd.DataFrame(
            {
                "year": [2000, 2000, 2001, 2002],
                "flow": ["russia_to_iran", "iran_to_russia", "russia_to_iran", "total"],
                "value_musd": [90.0, 9.0, 999.0, 5000.0],
                "status": ["dataset", "dataset", "dataset", "reported"],
            }
        ),
        "visits": pd.DataFrame(
            {
                "date": dates(["2000-03-01", "2000-03-01", "2002-05-05"]),
                "host_country": ["Turkey", "Turkey", "Iran"],
            }
        ),
        "unga_agreement": pd.DataFrame(
            {
                "year": [2000, 2001, 2001, 2002],
                "partner": ["russia", "russia", "usa", "russia"],
                "issue_area": ["all", "all", "all", "all"],
                "roll_calls": [80, 5, 80, 80],
                "agreement": [0.6, 1.0, 0.2, 0.7],
            }
        ),
    }


@pytest.fixture(scope="module")
def tiny():
    return raw_indicators(tiny_tables())


@pytest.fixture(scope="module")
def real():
    return scale(raw_indicators())


def test_each_indicator_is_built_as_documented(tiny):
    assert list(tiny.columns) == list(INDICATORS)
    assert tiny.loc[2000, "events"] == 1.0  # mean of 4 and -2
    assert math.isnan(tiny.loc[2001, "events"])  # no event: missing, not neutral
    assert tiny.loc[2000, "arms"] == 99.0 and tiny.loc[2001, "arms"] == 0.0  # both ways; real 0
    assert tiny.loc[2000, "trade"] == 99.0 and tiny.loc[2001, "trade"] == 999.0
    assert math.isnan(tiny.loc[2002, "trade"])  # reported figures are kept out
    assert tiny.loc[2000, "visits"] == 1.0 and tiny.loc[2002, "visits"] == 1.0  # summit once
    assert math.isnan(tiny.loc[2001, "visits"])  # no recorded meeting: missing, not zero
    assert tiny.loc[2000, "unga"] == 0.6
    assert math.isnan(tiny.loc[2001, "unga"])  # too few roll calls; the USA is not the partner


def test_a_table_given_replaces_the_one_in_data(tiny):
    tables = tiny_tables()
    tables["events"] = tables["events"].assign(score=[8, 8, 6])
    assert raw_indicators(tables).loc[2000, "events"] == 8.0
    rescored = raw_indicators({"events": tables["events"]})
    assert rescored.loc[2000, "events"] == 8.0 and rescored.loc[1950, "arms"] >= 0


def test_scaling_puts_each_indicator_on_zero_to_one_over_its_own_years(tiny):
    scaled = scale(tiny)
    assert scaled.min().min() == 0 and scaled.max().max() == 1
    assert scaled.isna().equals(tiny.isna())
    assert scaled.loc[2001, "arms"] == 0 and scaled.loc[2000, "arms"] == 1
    z = scale(tiny, "zscore")
    assert z.mean().abs().max() < 1e-9
    with pytest.raises(ValueError, match="minmax, zscore"):
        scale(tiny, "rank")


def test_arms_and_trade_are_compared_as_orders_of_magnitude():
    raw = pd.DataFrame({"arms": [0.0, 9.0, 99.0]}, index=[1, 2, 3])
    assert scale(raw).arms.tolist() == pytest.approx([0, 0.5, 1])


def test_composite_is_the_weighted_mean_of_the_indicators_that_exist():
    scaled = pd.DataFrame(
        {"events": [0.2, None, None], "unga": [0.8, 0.5, None]}, index=[1990, 1991, 1992]
    )
    index = composite(scaled, {"events": 1, "unga": 3})
    assert index.loc[1990] == pytest.approx((0.2 + 3 * 0.8) / 4)
    assert index.loc[1991] == 0.5  # events missing: it drops out of the weights
    assert math.isnan(index.loc[1992])
    assert coverage(scaled, {"events": 1, "unga": 3}).tolist() == [2, 1, 0]
    assert composite(scaled, {"events": 1}).loc[1991:].isna().all()


@pytest.mark.parametrize(
    ("margin", "message"),
    [
        ("0.1", "must be a number, not '0.1'"),
        (-0.1, "between 0 and 0.5, not -0.1"),
        (None, "number"),
    ],
)
def test_unusable_margins_get_one_sentence(margin, message):
    with pytest.raises(WeightError, match=message):
        compare(pd.Series([0.2, 0.7], index=[1950, 2000]), margin)


def test_a_weight_error_shows_as_its_sentence_in_a_notebook():
    with pytest.raises(WeightError) as raised:
        composite(pd.DataFrame({"events": [0.5]}), {"events": "2"})
    assert raised.value._render_traceback_() == ["The weight of events must be a number, not '2'."]


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"event": 1}, "no indicator called 'event'; the indicators are: events"),
        ({"events": "1"}, "must be a number, not '1'"),
        ({"events": True}, "must be a number"),
        ({"events": float("nan")}, "must be a number"),
        ({"events": -1}, "between 0 and 5, not -1"),
        ({"events": 0}, "at least one indicator a weight above zero"),
        ({}, "at least one indicator a weight above zero"),
    ],
)
def test_unusable_weights_get_one_sentence(weights, message):
    with pytest.raises(WeightError, match=message):
        checked_weights(weights)


def test_decades_and_the_before_after_comparison():
    years = range(1946, 2026)
    index = pd.Series([0.2 if year < 1979 else 0.7 for year in years], index=years)
    assert by_decade(index).loc[[1940, 2020]].tolist() == pytest.approx([0.2, 0.7])
    assert compare(index) == (pytest.approx(0.2), pytest.approx(0.7), "higher")
    assert compare(index * 0 + 0.5)[2] == "too close to call"
    assert compare(1 - index)[2] == "lower"
    assert compare(index, margin=0.5)[2] == "too close to call"  # 0.7 - 0.2 is not above 0.5
    assert compare(index, margin=0.49)[2] == "higher"
    assert summary(index, 0.5).endswith("after 1991 is too close to call (margin 0.5).")
    peaked = index.where((index.index < 1980) | (index.index > 1989), 0.9)
    assert summary(peaked).startswith("From 1946: highest decade the 1980s (0.90)")


def test_real_indicators_cover_the_years_the_data_dictionary_gives(real):
    spans = {name: (real[name].first_valid_index(), real[name].last_valid_index()) for name in real}
    assert spans["unga"][1] <= 2019 and spans["trade"][1] <= 2014
    assert spans["arms"][0] == 1950 and spans["events"][0] == 1722
    assert real.min().min() == 0 and real.max().max() == 1


def test_charts_are_titled_and_labelled(real):
    figures = [
        indicator_chart(real),
        composite_chart(real, WEIGHTINGS["equal"]),
        sensitivity_chart(pd.DataFrame({n: composite(real, w) for n, w in WEIGHTINGS.items()})),
    ]
    for figure in figures:
        assert isinstance(figure, Figure)
        assert style.texts_of(figure, "title")
        assert all(axes.get_ylabel() for axes in figure.axes)
    legend = figures[2].axes[0].get_legend()
    assert [text.get_text() for text in legend.get_texts()] == list(WEIGHTINGS)
    assert len({line.get_linestyle() for line in figures[2].axes[0].get_lines()[:4]}) == 4


def test_weights_panel_shows_a_friendly_sentence_before_it_runs(real):
    panel = weights_panel(real)
    assert repr(panel) == (
        "Weights panel: run this cell, then move the sliders to reweight the index."
    )
    assert panel.weights == {name: 1.0 for name in INDICATORS}
    assert bytes(panel.image.value).startswith(b"\x89PNG")


def test_set_weights_takes_the_same_path_as_the_sliders(real):
    typed, dragged = weights_panel(real), weights_panel(real)
    said = printed(partial(typed.set_weights, arms=2, trade=1))
    assert typed.weights == {"events": 0, "arms": 2, "trade": 1, "visits": 0, "unga": 0}
    for name, value in typed.weights.items():
        dragged.sliders[name].value = value
    assert typed.index.equals(dragged.index)
    assert typed.index.equals(composite(real, {"arms": 2, "trade": 1}))
    weights_line, summary_line = said.strip().split("\n")
    assert summary_line == typed.message.value == dragged.message.value
    assert summary_line.startswith("From 1946: highest decade")
    assert weights_line == (
        "Weights used: events 0 (not named, so 0), arms 2, trade 1, visits 0 (not named, so 0),"
        " unga 0 (not named, so 0)."
    )


def test_bad_weights_leave_the_panel_as_it_was(real):
    panel = weights_panel(real)
    before = panel.index
    assert printed(partial(panel.set_weights, unga=9)).strip() == (
        "The weight of unga must lie between 0 and 5, not 9."
    )
    assert panel.weights["unga"] == 1 and panel.index is before
    assert printed(partial(panel.set_margin, "wide")).strip() == (
        "The margin must be a number, not 'wide'."
    )
    for slider in panel.sliders.values():
        slider.value = 0
    assert panel.message.value.startswith("Give at least one indicator a weight")
    assert panel.index is not None


def test_the_margin_slider_changes_the_verdict_not_the_index(real):
    panel = weights_panel(real, {"visits": 1, "unga": 1})
    before, after, _ = compare(panel.index)
    lead = after - before
    index, image = panel.index, panel.image.value
    said = printed(partial(panel.set_margin, round(lead + 0.01, 2)))
    assert said.strip().endswith(f"is too close to call (margin {round(lead + 0.01, 2):g}).")
    panel.margin_slider.value = round(lead - 0.01, 2)
    assert "after 1991 is higher" in panel.message.value
    assert panel.index is index and panel.image.value == image


def test_the_module_documents_every_weighting():
    for name in WEIGHTINGS:
        assert all(key in INDICATORS for key in WEIGHTINGS[name])
    assert "missing indicator drops out" in indicators.__doc__


def test_a_count_is_scaled_from_zero_so_one_meeting_is_not_the_least_close_year():
    raw = pd.DataFrame({"visits": [1.0, 4.0, None]}, index=[2000, 2001, 2002])
    scaled = scale(raw)
    assert list(scaled.visits.iloc[:2]) == [0.25, 1.0]
    assert pd.isna(scaled.visits.iloc[2]), "a year with no recorded meeting stays missing"


def test_the_margin_question_is_keyed_to_the_one_verdict_the_wider_margin_flips():
    """06-margin-verdict: the key must be the only named weighting whose lead lies between the
    lesson's margin (0.05) and the margin the prompt asks for (read from the prompt)."""
    question = find("06-margin-verdict")
    wider = float(re.search(r"from 0\.05 to ([0-9.]+[0-9])", question.prompt).group(1))
    named = {  # option text -> weighting, by hand
        "Meetings and UN votes (diplomatic)": "diplomatic (meetings + UN votes)",
        "Equal weights on all five indicators": "equal",
        "Arms and trade (material weighting)": "material (arms + trade)",
        "Event scores alone (events only)": "events only",
    }
    scaled = scale(raw_indicators())
    flips = []
    for option, weighting in named.items():
        index = composite(scaled, WEIGHTINGS[weighting])
        lead = index.loc[1992:].mean() - index.loc[1946:1978].mean()
        if 0.05 < abs(lead) <= wider:
            flips.append(option)
    assert flips == [question.options.texts[question.answer]]


def test_a_decade_mean_resting_on_few_years_is_drawn_thin():
    scaled = pd.DataFrame({"events": [0.2, 0.4, 0.6, 1.0]}, index=[1900, 1901, 1902, 1910])
    top = composite_chart(scaled, {"events": 1}).axes[0]
    widths = {}
    for lines in top.collections:
        for segment, width in zip(lines.get_segments(), lines.get_linewidths(), strict=False):
            widths[segment[0][0]] = width
    assert widths[1900] > widths[1910]  # by hand: three years against one


def test_the_sensitivity_chart_says_which_end_decades_are_partial():
    assert indicators.partial_decades(pd.Index(range(1946, 2026))) == (
        "; the 1940s hold only 1946–1949 and the 2020s only 2020–2025"
    )
    assert indicators.partial_decades(pd.Index(range(1940, 2000))) == ""
    composites = pd.DataFrame({"equal": [0.5] * 8}, index=range(1946, 1954))
    label = sensitivity_chart(composites).axes[0].get_xlabel()
    assert label.endswith("the 1940s hold only 1946–1949 and the 1950s only 1950–1953")


def test_a_year_from_1946_resting_on_one_indicator_is_drawn_hollow():
    # 1940: one indicator, but before 1946; 1950: two; 1951: one
    scaled = pd.DataFrame(
        {"events": [0.5, 0.5, 0.2], "arms": [None, 0.4, None]}, index=[1940, 1950, 1951]
    )
    top = composite_chart(scaled, {"events": 1, "arms": 1}).axes[0]
    hollow = [line for line in top.lines if line.get_markerfacecolor() == "white"]
    assert len(hollow) == 1 and list(hollow[0].get_xdata().astype(int)) == [1951]
