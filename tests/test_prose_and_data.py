"""What the lessons say in words agrees with what the data compute.

Each test finds a claim in a lesson's text and checks it against the tables read straight from
data/ with pandas, so a changed row or a changed sentence that no longer agree fail here.
"""

import re

import nbformat
import pandas as pd
import pytest

from conftest import ROOT

DATA = ROOT / "data"
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def prose(stem: str) -> str:
    path = next((ROOT / "notebooks").glob(f"{stem}_*.ipynb"))
    cells = nbformat.read(path, as_version=4).cells
    text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    return re.sub(r"\s+", " ", text)


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", parse_dates=["date"])


def test_lesson_05_counts_the_soyuz_launches_of_iranian_satellites():
    said = re.search(r"carried Iranian satellites into orbit (\w+) times", prose("05"))
    events = table("events")
    launches = events[(events.era == "reversal") & (events.category == "space")]
    assert said and NUMBERS[said[1]] == len(launches) > 0
    assert launches.title.str.contains("Soyuz").all()


def test_lesson_03_russia_never_voted_against_a_nuclear_resolution_from_2006_to_2011():
    assert "From 2006 to 2011 Russia never vetoed, and never voted against" in prose("03")
    votes = table("unsc_iran_votes")
    window = votes[(votes.topic == "nuclear_programme") & votes.date.dt.year.between(2006, 2011)]
    assert len(window) >= 4
    assert not (window.vote_russia == "no").any()


def test_lesson_04_dates_russias_first_syria_veto_without_china():
    said = re.search(
        r"on (\d{1,2} \w+ \d{4}) it vetoed, for the first time on Syria without China", prose("04")
    )
    vetoes = table("unsc_syria_vetoes").sort_values("date")
    alone = vetoes[~vetoes.vetoed_by.str.contains("China")]
    assert said and pd.Timestamp(said[1]) == alone.date.iloc[0]
    assert (vetoes[vetoes.date < alone.date.iloc[0]].vetoed_by == "Russia;China").all()


def test_every_lesson_gives_the_number_of_events_the_data_hold():
    total = len(table("events"))
    pattern = (
        r"(?:the series' |All |of the )(\d{3}) (?:events|ticks)(?! from 2011)"
        r"|(\d{3}) events from 1722"
    )
    claims = [
        (stem, int(a or b))
        for stem in ["00", "01", "04", "05", "06", "07"]
        for a, b in re.findall(pattern, prose(stem))
    ]
    assert len(claims) >= 6, "each time-line figure says how many events it shows"
    assert all(number == total for _, number in claims), claims


def deals() -> pd.DataFrame:
    return pd.read_csv(DATA / "arms_deals.csv")


def test_lesson_03_counts_russias_deals_up_to_2011_by_status():
    said = re.search(
        r"So (\d+) of the (\d+) Soviet or Russian deals filed up to (\d{4}) are confirmed "
        r"deliveries; (\w+), ([^;]+), rest on reports alone, and (\w+), the S-300 contract of "
        r"2007, was cancelled",
        prose("03"),
    )
    table = deals()
    filed = table.delivery_first.fillna(table.order_year)  # the lesson's rule, stated beside it
    russian = table[(table.supplier == "Russia") & (filed <= int(said[3]))]
    status = russian.status.value_counts()
    assert (int(said[1]), int(said[2])) == (status["delivered"], len(russian))
    assert (NUMBERS[said[4]], NUMBERS[said[6]]) == (status["reported"], status["cancelled"])
    named = re.findall(r"the ([\w-]+) \w+", said[5])
    reported = russian[russian.status == "reported"].system
    assert len(named) == len(reported)
    assert all(any(system.startswith(name) for name in named) for system in reported)


def years_listed(listing: str) -> list[int]:
    """The years of a list such as "1989, two in 2023 and 2025" or "2023 (two)", repeated."""
    years = []
    for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", listing.strip()):
        words = re.fullmatch(r"(?:(\w+) in )?(\d{4})(?: \((\w+)\))?", item.strip())
        times = {"twice": 2, **NUMBERS}.get(words[1] or words[3] or "one")
        years += [int(words[2])] * times
    return sorted(years)


def test_years_listed_reads_counts_before_and_after_a_year():
    assert years_listed("1989, two in 2023, 2025") == [1989, 2023, 2023, 2025]
    assert years_listed("2022, 2023 and twice in 2024") == [2022, 2023, 2024, 2024]
    assert years_listed("2023 (two) and 2025") == [2023, 2023, 2025]


# How each lesson describes the strip of reported deals under its arms-transfer chart.
STRIP_WORDS = {
    "03": r"hollow for an order only \((?P<ru_hollow>[^)]*)\) and filled for a reported delivery "
    r"\((?P<ru_filled>[^)]*)\); filled downward triangles on the Iran-to-Russia row in "
    r"(?P<ir_filled>[^.]*)\.",
    "05": r"Russia to Iran: filled upward triangles in (?P<ru_filled>.*?) and hollow ones in "
    r"(?P<ru_hollow>[^;]*); Iran to Russia: filled downward triangles in (?P<ir_filled>[^.]*)\.",
    "07": r"filled downward triangles on the Iran-to-Russia row for reported deliveries "
    r"\((?P<ir_filled>[^)]*)\), and hollow upward triangles on the Russia-to-Iran row for "
    r"reported orders with no delivery \((?P<ru_hollow>[^)]*)\)",
}


@pytest.mark.parametrize("stem", sorted(STRIP_WORDS))
def test_lessons_give_the_years_of_the_reported_deals_their_strip_marks(stem):
    said = re.search(STRIP_WORDS[stem], prose(stem))
    path = next((ROOT / "notebooks").glob(f"{stem}_*.ipynb"))
    since = int(re.search(r"arms_transfers\(tiv,.*?since=(\d{4})", path.read_text())[1])
    table = deals()
    reported = table[table.status == "reported"]
    year = reported.delivery_first.fillna(reported.order_year)
    reported = reported[year >= since]  # the strip runs from the chart's first year
    for supplier, fill in [("Russia", "hollow"), ("Russia", "filled"), ("Iran", "filled")]:
        group = f"{supplier[:2].lower()}_{fill}"
        chosen = reported[(reported.supplier == supplier)]
        chosen = chosen[chosen.delivery_first.notna() == (fill == "filled")]
        expected = sorted(chosen.delivery_first.fillna(chosen.order_year).astype(int))
        listing = said.groupdict().get(group)
        assert (years_listed(listing) if listing else []) == expected, group
    assert reported[(reported.supplier == "Iran") & reported.delivery_first.isna()].empty
