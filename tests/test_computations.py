"""Generic data-task computations agree with plain pandas on the same tables."""

import numpy as np
import pandas as pd
import pytest

from iran_russia.data import load
from iran_russia.exercises.computations import COMPUTATIONS


def test_count_rows_filters_by_values_and_lists():
    events = load("events")
    expected = len(events[(events.era == "syria") & events.status.isin(["reported", "disputed"])])
    where = {"era": "syria", "status": ["reported", "disputed"]}
    assert COMPUTATIONS["count_rows"]("events", where) == expected


def test_aggregates_match_pandas():
    tiv = load("arms_tiv")
    iran = tiv[tiv.direction == "iran_to_russia"].tiv_millions
    where = {"direction": "iran_to_russia"}
    assert COMPUTATIONS["sum_of"]("arms_tiv", "tiv_millions", where) == iran.sum()
    assert COMPUTATIONS["max_of"]("arms_tiv", "tiv_millions", where) == iran.max()
    assert COMPUTATIONS["min_of"]("arms_tiv", "tiv_millions", where) == iran.min()
    assert COMPUTATIONS["mean_of"]("arms_tiv", "tiv_millions", where) == iran.mean()


def test_year_filters_use_the_year_column_or_the_date():
    tiv = load("arms_tiv")
    window = tiv[(tiv.direction == "russia_to_iran") & tiv.year.between(1992, 2011)]
    expected = int(window.loc[window.tiv_millions.idxmax(), "year"])
    where = {"direction": "russia_to_iran"}
    assert COMPUTATIONS["year_of_max"]("arms_tiv", "tiv_millions", where, [1992, 2011]) == expected
    events = load("events")
    in_1990s = events.date.dt.year.between(1990, 1999).sum()
    assert COMPUTATIONS["count_rows"]("events", years=[1990, 1999]) == in_1990s


def test_share_of_rows_and_difference_of_means():
    events = load("events")
    syria = events[events.era == "syria"]
    share = (syria.status == "reported").sum() / len(syria)
    got = COMPUTATIONS["share_of_rows"]("events", {"status": "reported"}, {"era": "syria"})
    assert abs(got - share) < 1e-12
    year, score = events.date.dt.year, events.score.astype(float)
    expected = score[year.between(1992, 2011)].mean() - score[year.between(1946, 1978)].mean()
    got = COMPUTATIONS["difference_of_means"]("events", "score", [1992, 2011], [1946, 1978])
    assert abs(got - expected) < 1e-9


def lesson_index_by_hand(events, weights, method):
    """Lesson 06's composite of events, arms and UN votes, rebuilt here with plain pandas."""
    tiv, votes = load("arms_tiv"), load("unga_agreement")
    russia = votes[(votes.partner == "russia") & (votes.issue_area == "all")]
    yearly = pd.DataFrame(
        {
            "events": events.groupby(events.date.dt.year).score.mean().astype(float),
            "arms": np.log10(1 + tiv.groupby("year").tiv_millions.sum()),
            "unga": russia[russia.roll_calls >= 10].set_index("year").agreement,
        }
    )[list(weights)]
    if method == "minmax":
        scaled = (yearly - yearly.min()) / (yearly.max() - yearly.min())
    else:
        scaled = (yearly - yearly.mean()) / yearly.std()
    weights = pd.Series(weights, dtype=float)
    index = scaled.mul(weights).sum(axis=1) / scaled.notna().mul(weights).sum(axis=1)
    return index.loc[1992:].mean() - index.loc[1946:1978].mean()


@pytest.mark.parametrize("method", ["minmax", "zscore"])
def test_index_difference_matches_the_index_built_by_hand(method):
    weights = {"events": 2, "arms": 1, "unga": 1}
    expected = lesson_index_by_hand(load("events"), weights, method)
    got = COMPUTATIONS["index_difference"](weights, method)
    assert got == pytest.approx(expected, abs=1e-12)
    two = {"events": 2, "unga": 1}
    assert COMPUTATIONS["index_difference"](two) == pytest.approx(
        lesson_index_by_hand(load("events"), two, "minmax"), abs=1e-12
    )


def test_index_difference_uses_the_second_readers_scores():
    events = load("events").copy()
    deals = ["1966-gas-for-steel-agreement", "1967-first-soviet-arms-purchase"]
    events.loc[events.event_id.isin(deals), "score"] = 2
    expected = lesson_index_by_hand(events, {"events": 1}, "minmax")
    got = COMPUTATIONS["index_difference"]({"events": 1}, rescored=dict.fromkeys(deals, 2))
    assert got == pytest.approx(expected, abs=1e-12)
    assert got != pytest.approx(COMPUTATIONS["index_difference"]({"events": 1}), abs=1e-3)
