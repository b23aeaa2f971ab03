"""The arms deal explorer of lesson 03: filters, counts, caveats and escaped text."""

import pandas as pd
import pytest

from iran_russia.data import load
from iran_russia.deal_explorer import (
    FALLBACK,
    deal_explorer,
    deal_rows_html,
    deliveries,
    select_deals,
    summary_text,
)


@pytest.fixture(scope="module")
def deals():
    return load("arms_deals")


def controls(explorer):
    row, summary, table = explorer.children
    span, status, direction = row.children
    return span, status, direction, summary, table


def test_fallback_is_a_friendly_sentence(deals):
    assert repr(deal_explorer(deals)) == FALLBACK


def test_status_direction_and_years_filter_the_deals(deals):
    span, status, direction, summary, table = controls(deal_explorer(deals))
    span.value = (1989, 2011)
    direction.value = "Russia → Iran"
    status.value = "cancelled"
    expected = select_deals(deals, "cancelled", "Russia", (1989, 2011))
    assert len(expected) >= 1 and (expected.status == "cancelled").all()
    assert (expected.supplier == "Russia").all()
    assert summary.value.startswith(f"{len(expected)} deal")
    assert "S-300PMU-1" in table.value and "CANCELLED" in table.value
    assert "Shahed" not in table.value


def test_every_deal_is_shown_with_all_filters_open(deals):
    _span, _status, _direction, summary, table = controls(deal_explorer(deals))
    assert summary.value.startswith(f"{len(deals)} deals")
    assert table.value.count("<tr>") == len(deals) + 1


def test_initial_years_are_kept_within_the_data(deals):
    span, *_ = controls(deal_explorer(deals, years=(1900, 2011)))
    assert span.value[0] == span.min and span.value[1] == 2011


def test_a_deal_without_an_order_year_takes_its_first_delivery_year(deals):
    chosen = select_deals(deals, years=(2022, 2022))
    assert "ir-ru-2022-shahed-131-136" in set(chosen.deal_id)


def test_no_match_gives_one_sentence(deals):
    chosen = select_deals(deals, "cancelled", "Iran")
    assert chosen.empty
    assert summary_text(chosen, (1989, 2025)) == "No deal matches these choices."


def test_only_unconfirmed_deals_show_their_caveat(deals):
    html = deal_rows_html(select_deals(deals, supplier="Russia", years=(2005, 2007)))
    tor = deals.set_index("deal_id").loc["ru-ir-tor-m1"]
    assert tor.note not in html, "a delivered deal shows no caveat"
    assert "Contract date disputed" in html, "the cancelled S-300 deal keeps its note"


def test_delivery_years_in_words():
    row = pd.Series({"delivery_first": pd.NA, "delivery_last": pd.NA})
    assert deliveries(row) == "none recorded"
    assert deliveries(pd.Series({"delivery_first": 1992, "delivery_last": pd.NA})) == "from 1992"
    assert deliveries(pd.Series({"delivery_first": 2006, "delivery_last": 2007})) == "2006–2007"
    assert deliveries(pd.Series({"delivery_first": 2016, "delivery_last": 2016})) == "2016"


def test_text_from_the_data_is_escaped():
    deals = pd.DataFrame(
        {
            "deal_id": ["x"],
            "supplier": ["Russia"],
            "recipient": ["Iran"],
            "system": ["<script>alert(1)</script>"],
            "order_year": pd.array([2000], dtype="Int64"),
            "delivery_first": pd.array([pd.NA], dtype="Int64"),
            "delivery_last": pd.array([pd.NA], dtype="Int64"),
            "status": pd.Categorical(["reported"]),
            "note": ["<b>unconfirmed</b>"],
        }
    )
    table = controls(deal_explorer(deals))[4].value
    assert "<script>" not in table and "&lt;script&gt;" in table
    assert "&lt;b&gt;unconfirmed" in table
