"""What the lessons say in words agrees with what the data compute.

Each test finds a claim in a lesson's text and checks it against the tables read straight from
data/ with pandas, so a changed row or a changed sentence that no longer agree fail here.
"""

import re

import nbformat
import pandas as pd

from conftest import ROOT

DATA = ROOT / "data"
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


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
