"""Lesson 05's supply chart and explorer: deals filed by year, statuses told apart, text escaped."""

import pandas as pd
import pytest
from matplotlib.figure import Figure

from iran_russia.data import load
from iran_russia.supply_explorer import (
    deal_years,
    short_name,
    supply_by_year,
    supply_explorer,
    supply_table,
)


@pytest.fixture(scope="module")
def deals():
    return load("arms_deals")


def made_up_deals(**columns):
    """A small arms_deals-like table: two deals, one each way, unless columns say otherwise."""
    frame = pd.DataFrame(
        {
            "deal_id": ["a", "b"],
            "supplier": pd.Categorical(["Russia", "Iran"]),
            "recipient": pd.Categorical(["Iran", "Russia"]),
            "system": ["Tor-M1 (SA-15) air defence", "Shahed-136 drones"],
            "order_year": pd.array([2005, pd.NA], dtype="Int64"),
            "delivery_first": pd.array([2006, 2022], dtype="Int64"),
            "delivery_last": pd.array([2007, pd.NA], dtype="Int64"),
            "quantity": pd.array([29, pd.NA], dtype="Int64"),
            "status": pd.Categorical(["delivered", "reported"]),
            "note": [pd.NA, "Claimed by one side only."],
        }
    )
    return frame.assign(**columns)


def test_a_deal_is_filed_under_its_first_delivery_else_its_order_year():
    frame = made_up_deals(delivery_first=pd.array([pd.NA, 2022], dtype="Int64"))
    filed = deal_years(frame).set_index("deal_id")
    assert filed.loc["a", "year"] == 2005, "no delivery known: the order year"
    assert filed.loc["b", "year"] == 2022
    assert (filed.loc["a", "start"], filed.loc["a", "end"]) == (2005, 2007)
    assert list(filed.direction) == ["Iran → Russia", "Russia → Iran"]


def test_deals_without_any_year_are_left_out():
    nothing = pd.array([pd.NA, pd.NA], dtype="Int64")
    frame = made_up_deals(order_year=nothing, delivery_first=nothing, delivery_last=nothing)
    assert deal_years(frame).empty


def test_short_names_drop_brackets_and_cut_at_a_word():
    assert short_name("Tor-M1 (SA-15) short-range air-defence system") == (
        "Tor-M1 short-range air-defence system"
    )
    long = short_name(
        "Shahed-136 production know-how / licence ('franchise') for the Alabuga plant"
    )
    assert long.endswith("…") and len(long) <= 51 and "(" not in long


def test_the_chart_has_a_panel_per_direction_and_a_row_per_deal(deals):
    figure = supply_by_year(deals, since=1989)
    assert isinstance(figure, Figure)
    panels = figure.axes
    assert [axes.get_title(loc="left") for axes in panels] == ["Russia → Iran", "Iran → Russia"]
    rows = sum(len(axes.get_yticklabels()) for axes in panels)
    assert rows == len(deal_years(deals))
    assert panels[-1].get_xlabel().startswith("Year")


def test_the_legend_names_each_status_shown_by_its_own_line_and_marker(deals):
    legend = supply_by_year(deals, since=1989).axes[0].get_legend()
    labels = [text.get_text() for text in legend.get_texts()]
    assert labels[0].startswith("delivered") and "reported, not confirmed" in labels
    styles = {(line.get_linestyle(), line.get_marker()) for line in legend.get_lines()}
    assert len(styles) == len(labels), "statuses differ by line and marker, not colour alone"


def test_since_leaves_out_deals_that_ended_earlier(deals):
    figure = supply_by_year(deals, since=2022)
    rows = sum(len(axes.get_yticklabels()) for axes in figure.axes)
    assert rows == (deal_years(deals).end >= 2022).sum()


def test_the_table_filters_by_years_direction_and_status(deals):
    chosen = supply_table(deals, (2022, 2025), "Iran → Russia", ["reported"])
    assert set(chosen.supplier.astype(str)) == {"Iran"}
    assert set(chosen.status.astype(str)) == {"reported"}
    assert chosen.year.between(2022, 2025).all()
    everything = supply_table(deals, (1900, 2100))
    assert len(everything) == len(deal_years(deals))


def test_the_explorer_counts_matching_deals_by_status(deals):
    explorer = supply_explorer(deals)
    controls, status, summary, table = explorer.children
    years, direction = controls.children
    assert repr(explorer) == "Supply explorer: run this cell to open it."
    years.value = (2022, 2025)
    direction.value = "Iran → Russia"
    status.value = "reported only"
    expected = supply_table(deals, (2022, 2025), "Iran → Russia", ["reported"])
    assert summary.value.startswith(f"{len(expected)} deals filed under 2022–2025")
    assert f"{len(expected)} reported" in summary.value
    assert "Fath-360" in table.value and "Yak-130" not in table.value


def test_the_explorer_escapes_text_from_the_data():
    frame = made_up_deals(system=["<script>alert(1)</script>", "drones"])
    table = supply_explorer(frame).children[3].value
    assert "<script>" not in table and "&lt;script&gt;" in table
