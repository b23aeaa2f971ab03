"""The arms deals of lessons 03 and 05: each deal's year, the explorer and the supply chart."""

from html import escape

import pandas as pd
import pytest
from matplotlib.figure import Figure

from iran_russia.arms_deals import (
    FALLBACK,
    dated_deals,
    deal_explorer,
    deal_rows_html,
    deal_years,
    deliveries,
    select_deals,
    short_name,
    summary_text,
    supply_by_year,
)
from iran_russia.data import load


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


def controls(explorer):
    row, summary, table = explorer.children
    span, status, direction = row.children
    return span, status, direction, summary, table


# A deal's year


def test_a_deal_is_filed_under_its_first_delivery_else_its_order_year():
    years = deal_years(made_up_deals()).tolist()
    assert years == [2006, 2022], "ordered 2005, first delivered 2006: filed under 2006"
    no_delivery = made_up_deals(delivery_first=pd.array([pd.NA, 2022], dtype="Int64"))
    assert deal_years(no_delivery).tolist() == [2005, 2022], "no delivery known: the order year"


def test_the_real_table_files_deals_by_first_delivery_else_order(deals):
    filed = dated_deals(deals).set_index("deal_id").year
    assert filed["ru-ir-tor-m1"] == 2006, "ordered 2005, delivered from 2006"
    assert filed["ru-ir-s300pmu1-2007"] == 2007, "cancelled, never delivered: its order year"
    assert filed["ir-ru-2022-shahed-131-136"] == 2022, "no order year: its first delivery"
    chosen = select_deals(deals, years=(2022, 2022))
    assert "ir-ru-2022-shahed-131-136" in set(chosen.deal_id)


def test_a_deal_spans_its_order_to_its_last_delivery_with_its_direction():
    dated = dated_deals(made_up_deals()).set_index("deal_id")
    assert (dated.loc["a", "start"], dated.loc["a", "end"]) == (2005, 2007)
    assert (dated.loc["b", "start"], dated.loc["b", "end"]) == (2022, 2022)
    assert list(dated.direction) == ["Russia → Iran", "Iran → Russia"]


def test_deals_without_any_year_are_left_out():
    nothing = pd.array([pd.NA, pd.NA], dtype="Int64")
    frame = made_up_deals(order_year=nothing, delivery_first=nothing, delivery_last=nothing)
    assert dated_deals(frame).empty
    assert select_deals(frame).empty


# Selecting deals and describing them


def test_selection_filters_by_years_direction_and_status(deals):
    chosen = select_deals(deals, "reported", "Iran → Russia", (2022, 2025))
    assert set(chosen.supplier.astype(str)) == {"Iran"}
    assert set(chosen.status.astype(str)) == {"reported"}
    assert chosen.year.between(2022, 2025).all()
    assert len(select_deals(deals, years=(1900, 2100))) == len(dated_deals(deals))


def test_no_match_gives_one_sentence(deals):
    chosen = select_deals(deals, "cancelled", "Iran → Russia")
    assert chosen.empty
    assert summary_text(chosen, (1989, 2025)) == "No deal matches these choices."


def test_only_unconfirmed_deals_show_their_caveat(deals):
    html = deal_rows_html(select_deals(deals, direction="Russia → Iran", years=(2005, 2007)))
    tor = deals.set_index("deal_id").loc["ru-ir-tor-m1"]
    assert "Tor-M1" in html
    assert tor.note not in html, "a delivered deal shows no caveat"
    s300 = deals.set_index("deal_id").loc["ru-ir-s300pmu1-2007"]
    assert s300.status == "cancelled"
    assert escape(s300.note) in html, "the cancelled S-300 deal keeps its note"


def test_delivery_years_in_words():
    row = pd.Series({"delivery_first": pd.NA, "delivery_last": pd.NA})
    assert deliveries(row) == "none recorded"
    assert deliveries(pd.Series({"delivery_first": 1992, "delivery_last": pd.NA})) == "from 1992"
    assert deliveries(pd.Series({"delivery_first": 2006, "delivery_last": 2007})) == "2006–2007"
    assert deliveries(pd.Series({"delivery_first": 2016, "delivery_last": 2016})) == "2016"


# The explorer


def test_fallback_is_a_friendly_sentence(deals):
    assert repr(deal_explorer(deals)) == FALLBACK
    assert FALLBACK == "Arms deal explorer: run this cell to open it."


def test_every_status_can_be_chosen(deals):
    _span, status, *_ = controls(deal_explorer(deals))
    assert list(status.options) == ["all", "delivered", "reported", "undelivered", "cancelled"]


def choose(deals, years, status, direction):
    """Open the explorer, make these choices; return its summary, its table and the deals.

    The deals it should show are picked here by the rule itself (filed under the first delivery,
    else the order year), not by the explorer's own selection function.
    """
    span, status_menu, direction_menu, summary, table = controls(deal_explorer(deals))
    span.value, status_menu.value, direction_menu.value = years, status, direction
    supplier = direction.split(" → ")[0]
    filed = deals.delivery_first.fillna(deals.order_year)
    expected = deals[
        (deals.status == status) & (deals.supplier == supplier) & filed.between(*years)
    ]
    return summary.value, table.value, expected


def test_status_direction_and_years_filter_the_deals(deals):
    summary, table, expected = choose(deals, (1989, 2011), "cancelled", "Russia → Iran")
    assert len(expected) >= 1 and (expected.status == "cancelled").all()
    assert (expected.supplier == "Russia").all()
    assert summary.startswith(f"{len(expected)} deal")
    assert "S-300PMU-1" in table and "CANCELLED" in table
    assert "Shahed" not in table


def test_the_explorer_counts_matching_deals_by_status(deals):
    summary, table, expected = choose(deals, (2022, 2025), "reported", "Iran → Russia")
    assert summary == f"{len(expected)} deals from 2022 to 2025: {len(expected)} reported."
    assert "Fath-360" in table and "Yak-130" not in table


def test_every_deal_is_shown_with_all_filters_open(deals):
    _span, _status, _direction, summary, table = controls(deal_explorer(deals))
    assert summary.value.startswith(f"{len(deals)} deals")
    assert table.value.count("<tr>") == len(deals) + 1


def test_initial_years_are_kept_within_the_data(deals):
    span, *_ = controls(deal_explorer(deals, years=(1900, 2011)))
    assert span.value[0] == span.min and span.value[1] == 2011


def test_text_from_the_data_is_escaped():
    frame = made_up_deals(
        system=["<script>alert(1)</script>", "drones"],
        note=[pd.NA, "<b>unconfirmed</b>"],
    )
    table = controls(deal_explorer(frame))[4].value
    assert "<script>" not in table and "&lt;script&gt;" in table
    assert "&lt;b&gt;unconfirmed" in table


# The supply chart


def test_short_names_drop_brackets_and_wrap_at_a_word():
    assert short_name("Tor-M1 (SA-15) short-range air-defence system") == (
        "Tor-M1 short-range air-defence\nsystem"
    )
    assert short_name("S-200VE long-range surface-to-air missile system") == (
        "S-200VE long-range\nsurface-to-air missile system"
    ), "hyphenated words stay whole"
    long = short_name(
        "Shahed-136 production know-how / licence ('franchise') for the Alabuga plant"
    )
    lines = long.split("\n")
    assert len(lines) == 2 and all(len(line) <= 32 for line in lines) and "(" not in long


def test_the_chart_has_a_panel_per_direction_and_a_row_per_deal(deals):
    figure = supply_by_year(deals, since=1989)
    assert isinstance(figure, Figure)
    panels = figure.axes
    assert [axes.get_title(loc="left") for axes in panels] == ["Russia → Iran", "Iran → Russia"]
    rows = sum(len(axes.get_yticklabels()) for axes in panels)
    assert rows == len(dated_deals(deals))
    assert panels[-1].get_xlabel().startswith("Year")


def test_the_legend_names_each_status_shown_by_its_own_line_and_marker(deals):
    (legend,) = supply_by_year(deals, since=1989).legends  # the figure's, under its title
    labels = [text.get_text() for text in legend.get_texts()]
    assert labels[0].startswith("delivered") and "reported, not confirmed" in labels
    styles = {(line.get_linestyle(), line.get_marker()) for line in legend.get_lines()}
    assert len(styles) == len(labels), "statuses differ by line and marker, not colour alone"


def test_since_leaves_out_deals_that_ended_earlier(deals):
    figure = supply_by_year(deals, since=2022)
    rows = sum(len(axes.get_yticklabels()) for axes in figure.axes)
    assert rows == (dated_deals(deals).end >= 2022).sum()


def test_until_leaves_out_deals_that_began_later(deals):
    figure = supply_by_year(deals, since=1989, until=2011)
    rows = sum(len(axes.get_yticklabels()) for axes in figure.axes)
    assert rows == (dated_deals(deals).start <= 2011).sum()
    assert [axes.get_title(loc="left") for axes in figure.axes] == ["Russia → Iran"]


def test_no_mark_sits_on_the_left_edge_of_the_chart(deals):
    figure = supply_by_year(deals, since=1989)
    for axes in figure.axes:
        left = axes.get_xlim()[0]
        marks = [x for line in axes.lines for x in line.get_xdata() if pd.notna(x)]
        assert marks and min(marks) - left >= 1  # a year of air, by hand: first mark 1989
