"""Lesson 01's treaty stepper and charts: steps through the era, escapes text, labels figures."""

import pandas as pd
import pytest
from matplotlib.figure import Figure

from iran_russia import style
from iran_russia.data import load
from iran_russia.treaty_stepper import (
    decade_chart,
    era_treaties,
    label,
    transfers_chart,
    treaty_stepper,
)


@pytest.fixture(scope="module")
def treaties():
    return load("treaties")


@pytest.fixture(scope="module")
def territories():
    return load("territories")


def parts(stepper):
    controls, position, card = stepper.children
    previous, slider, following = controls.children
    return previous, slider, following, position, card


# The treaties of 1722-1921 in data/treaties.csv, in order of signature (written out by hand).
ERA_TREATIES = [
    "st-petersburg-1723", "resht-1732", "ganja-1735", "gulistan-1813", "turkmenchay-1828",
    "akhal-khorasan-1881", "commercial-convention-1901", "anglo-russian-convention-1907",
    "soviet-persian-friendship-1921",
]  # fmt: skip
# Their territory rows: 6 (1723) + 3 (Resht, 1732) + 3 (Ganja, 1735) + 15 (Gulistan)
# + 6 (Turkmenchay) + 1 (1881) + 5 (1921).
ERA_TERRITORIES = 39


def test_era_treaties_run_from_1722_to_1921_in_order(treaties):
    assert list(era_treaties(treaties).treaty_id) == ERA_TREATIES
    shuffled = treaties.sample(frac=1, random_state=1)
    assert list(era_treaties(shuffled).treaty_id) == ERA_TREATIES


def test_label_drops_asides_and_adds_the_year(treaties):
    row = treaties[treaties.treaty_id == "akhal-khorasan-1881"].iloc[0]
    assert label(row) == "Akhal-Khorasan Boundary Convention (1881)"


def test_stepper_fallback_is_a_friendly_sentence(treaties, territories):
    stepper = treaty_stepper(treaties, territories)
    assert repr(stepper).startswith("Treaty stepper: run this cell")


def test_stepper_steps_and_shows_each_treaty(treaties, territories):
    stepper = treaty_stepper(treaties, territories)
    previous, slider, following, position, card = parts(stepper)
    count = len(ERA_TREATIES)
    assert position.value.startswith(f"1 of {count}")
    previous.click()  # cannot step before the first treaty
    assert slider.value == 1
    turkmenchay = ERA_TREATIES.index("turkmenchay-1828") + 1
    slider.value = turkmenchay
    assert "Turkmenchay" in position.value
    assert "Erivan Khanate" in card.value and "Julian calendar: 10 February 1828" in card.value
    assert "Indemnity" in card.value
    for _ in range(count + 2):  # cannot step past the last treaty
        following.click()
    assert slider.value == count and "Friendship" in position.value


def test_stepper_escapes_text_from_the_data():
    treaties = pd.DataFrame(
        {
            "treaty_id": ["t"],
            "name": ["<b>Bad</b>"],
            "date": pd.to_datetime(["1800-01-01"]),
            "date_julian": [pd.NaT],
            "place_signed": ["<i>here</i>"],
            "parties": ["Russia;Iran"],
            "kind": ["peace_treaty"],
            "border_change": ["no"],
            "indemnity": [pd.NA],
            "key_clauses": ["<script>alert(1)</script> | second"],
            "source_ids": ["s"],
            "status": ["disputed"],
            "note": ["<u>why</u>"],
        }
    )
    territories = pd.DataFrame(
        {
            "treaty_id": ["t"],
            "name": ["<img>"],
            "kind": ["region"],
            "direction": ["to_iran"],
            "modern_country": [pd.NA],
        }  # fmt: skip
    )
    card = parts(treaty_stepper(treaties, territories))[4].value
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert "region, to Iran" in card
    assert "<img>" not in card and "<u>" not in card and "<i>here" not in card


def test_transfers_chart_counts_every_territory_of_the_era(treaties, territories):
    figure = transfers_chart(treaties, territories)
    assert isinstance(figure, Figure)
    axes = figure.axes[0]
    assert style.texts_of(figure, "title") and axes.get_xlabel()
    assert figure.legends
    moved = sum(abs(bar.get_width()) for bar in axes.patches)
    assert moved + 1 == ERA_TERRITORIES  # the 1921 treaty's acceptance of the 1881 line is mutual


def test_decade_chart_counts_every_event(treaties):
    events = load("events")
    empires = events[events.era == "empires"]
    figure = decade_chart(empires)
    axes = figure.axes[0]
    assert style.texts_of(figure, "title") and axes.get_xlabel() and axes.get_legend() is not None
    assert sum(bar.get_height() for bar in axes.patches) == len(empires)
