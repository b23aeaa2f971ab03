"""Generic data-task computations agree with plain pandas on the same tables."""

from iran_russia.data import load
from iran_russia.exercises.computations import COMPUTATIONS


def test_count_rows_filters_by_values_and_lists():
    events = load("events")
    expected = len(events[(events.era == "syria") & events.status.isin(["reported", "disputed"])])
    where = {"era": "syria", "status": ["reported", "disputed"]}
    assert COMPUTATIONS["count_rows"]("events", where) == expected


def test_aggregates_match_pandas():
    tiv = load("arms_tiv")
    iran = tiv[tiv.direction == "iran_to_russia"].tiv_musd
    where = {"direction": "iran_to_russia"}
    assert COMPUTATIONS["sum_of"]("arms_tiv", "tiv_musd", where) == iran.sum()
    assert COMPUTATIONS["max_of"]("arms_tiv", "tiv_musd", where) == iran.max()
    assert COMPUTATIONS["min_of"]("arms_tiv", "tiv_musd", where) == iran.min()
    assert COMPUTATIONS["mean_of"]("arms_tiv", "tiv_musd", where) == iran.mean()


def test_year_filters_use_the_year_column_or_the_date():
    tiv = load("arms_tiv")
    window = tiv[(tiv.direction == "russia_to_iran") & tiv.year.between(1992, 2011)]
    expected = int(window.loc[window.tiv_musd.idxmax(), "year"])
    where = {"direction": "russia_to_iran"}
    assert COMPUTATIONS["year_of_max"]("arms_tiv", "tiv_musd", where, [1992, 2011]) == expected
    events = load("events")
    in_1990s = events.date.dt.year.between(1990, 1999).sum()
    assert COMPUTATIONS["count_rows"]("events", years=[1990, 1999]) == in_1990s
