"""Expected answers of data tasks, computed from the data files at the moment a student checks.

A data task names one of these functions in its question file (`computation: count_rows`, plus
`arguments:` if the function takes any), so the expected value always follows the current data
and is never a number typed into a question file. To offer a new computation to question files,
add a small function here, decorated with @computation.
"""

from collections.abc import Callable

from iran_russia.data import load
from iran_russia.indicators import compare, composite, raw_indicators, scale

COMPUTATIONS: dict[str, Callable[..., float]] = {}


def computation(function: Callable[..., float]) -> Callable[..., float]:
    """Make `function` available to question files under its own name."""
    COMPUTATIONS[function.__name__] = function
    return function


@computation
def first_event_year() -> int:
    """The year of the earliest event in the events table."""
    return int(load("events")["date"].min().year)


def rows(table: str, where: dict | None = None, years: list[int] | None = None):
    """Rows of `table` whose columns hold the given value (or one of the given values), and
    whose year (the `year` column, else the year of `date`) lies in [first, last] if given."""
    frame = load(table)
    if years:
        year = frame["year"] if "year" in frame else frame["date"].dt.year
        frame = frame[year.between(*years)]
    for column, wanted in (where or {}).items():
        values = wanted if isinstance(wanted, list) else [wanted]
        frame = frame[frame[column].astype("string").isin([str(value) for value in values])]
    return frame


@computation
def count_rows(table: str, where: dict | None = None, years: list[int] | None = None) -> int:
    """How many rows of `table` match `where` (column: value or [values])."""
    return len(rows(table, where, years))


@computation
def sum_of(
    table: str, column: str, where: dict | None = None, years: list[int] | None = None
) -> float:
    """The total of `column` over the matching rows."""
    return float(rows(table, where, years)[column].sum())


@computation
def max_of(
    table: str, column: str, where: dict | None = None, years: list[int] | None = None
) -> float:
    """The largest value of `column` among the matching rows."""
    return float(rows(table, where, years)[column].max())


@computation
def min_of(
    table: str, column: str, where: dict | None = None, years: list[int] | None = None
) -> float:
    """The smallest value of `column` among the matching rows."""
    return float(rows(table, where, years)[column].min())


@computation
def mean_of(
    table: str, column: str, where: dict | None = None, years: list[int] | None = None
) -> float:
    """The mean of `column` over the matching rows."""
    return float(rows(table, where, years)[column].mean())


@computation
def year_of_max(
    table: str, column: str, where: dict | None = None, years: list[int] | None = None
) -> int:
    """The `year` of the matching row with the largest `column` (the earliest, if tied)."""
    frame = rows(table, where, years).sort_values("year")
    return int(frame.loc[frame[column].idxmax(), "year"])


@computation
def share_of_rows(
    table: str, part: dict, where: dict | None = None, years: list[int] | None = None
) -> float:
    """Of the rows matching `where` (and `years`), the share that also match `part`."""
    whole = rows(table, where, years)
    return len(rows(table, {**(where or {}), **part}, years)) / len(whole) if len(whole) else 0.0


@computation
def difference_of_means(
    table: str, column: str, later: list[int], earlier: list[int], where: dict | None = None
) -> float:
    """The mean of `column` over the years `later` minus its mean over the years `earlier`."""
    return mean_of(table, column, where, later) - mean_of(table, column, where, earlier)


@computation
def index_difference(weights: dict, scaling: str = "minmax", rescored: dict | None = None) -> float:
    """Lesson 06's claim as one number: the mean of the composite index (these `weights`, this
    `scaling`) from 1992 on minus its mean over 1946–1978. `rescored` gives some events
    (event_id: new score) another score first, as a second reader might."""
    events = load("events")
    if rescored:
        events = events.assign(score=events.event_id.map(rescored).fillna(events.score))
    index = composite(scale(raw_indicators({"events": events}), scaling), weights)
    before, after, _ = compare(index)
    return float(after - before)
