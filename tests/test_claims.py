"""Lesson 07's claim tools: seed claims sorted by kind, the explorer, the verdict chart and the
argument checklist (deterministic text, clear message on bad input)."""

import pandas as pd
import pytest
from matplotlib.figure import Figure

from iran_russia.claims import (
    ALL_KINDS,
    ALL_SEEDS,
    KINDS,
    NO_ARGUMENT,
    VERDICTS,
    argument_checklist,
    choose_claims,
    claim_explorer,
    claim_rows_html,
    claim_table,
    claims_summary,
    known_ids,
    verdict_chart,
)
from iran_russia.data import load


@pytest.fixture(scope="module")
def quotations():
    return load("quotations")


@pytest.fixture(scope="module")
def claims(quotations):
    return claim_table(quotations)


def made_up_quotations():
    return pd.DataFrame(
        {
            "quote_id": ["a", "b", "c", "d"],
            "text": ["Fact <b>one</b>.", "It means this.", "It will happen.", "Not a seed."],
            "speaker": ["S0", "S0", "S1", "Official"],
            "date": ["2016", "2016", "2023-07", "2020"],
            "context": [
                "[fact] A note.",
                "[interpretation] Another note.",
                "[prediction] Checkable later.",
                "[fact] Tagged, but not from a seed.",
            ],
            "source_id": ["seed-000-x", "seed-000-x", "seed-003-y", "news-2020"],
        }
    )


def test_only_tagged_seed_quotations_become_claims_with_seed_and_kind():
    claims = claim_table(made_up_quotations())
    assert list(claims.quote_id) == ["a", "b", "c"]
    assert list(claims.seed) == ["000", "000", "003"]
    assert list(claims.kind) == ["fact", "interpretation", "prediction"]
    assert claims.note.iloc[0] == "A note.", "the tag is removed from the note"


def test_every_seed_has_claims_of_two_kinds_and_each_year_has_predictions(claims):
    """Seed 001 (2023) makes no forecast of its own, so not every seed has every kind."""
    assert set(claims.seed) == {"000", "001", "002", "003", "004"}
    assert set(claims.kind) == set(KINDS)
    assert pd.crosstab(claims.seed, claims.kind).ge(1).sum(axis=1).ge(2).all()
    forecasts = claims[claims.kind == "prediction"]
    assert {"000", "003"} <= set(forecasts.seed), "predictions of 2016 and of 2023"


def test_choosing_by_seed_and_kind_and_the_summary(claims):
    assert len(choose_claims(claims)) == len(claims)
    predictions = choose_claims(claims, ALL_SEEDS, "prediction")
    assert set(predictions.kind) == {"prediction"} and len(predictions) >= 4
    one = choose_claims(claims, "002", ALL_KINDS)
    assert set(one.seed) == {"002"}
    assert claims_summary(one) == "4 claims: 1 fact, 2 interpretation, 1 prediction."
    assert claims_summary(one.head(1)).startswith("1 claim:")
    assert claims_summary(one.head(0)) == "0 claims."


def test_claim_rows_are_escaped():
    page = claim_rows_html(claim_table(made_up_quotations()))
    assert "&lt;b&gt;one&lt;/b&gt;" in page and "<b>one" not in page


def test_the_explorer_filters_when_a_menu_changes(quotations, claims):
    panel = claim_explorer(quotations)
    assert repr(panel) == "Claim explorer: run this cell to open it."
    menus, summary, table = panel.children
    seed, kind = menus.children
    tags = quotations[quotations.source_id.str.startswith("seed-")].context.str.extract(
        r"^\[(\w+)\]"
    )[0]
    counts = tags.value_counts()
    assert summary.value == (
        f"{counts.sum()} claims: {counts['fact']} fact, {counts['interpretation']} interpretation, "
        f"{counts['prediction']} prediction."
    )
    seed.value = "004"
    kind.value = "prediction"
    assert summary.value == "1 claim: 1 prediction."
    assert table.value.count("<tr>") == 2, "a header row and one claim"


def test_the_verdict_chart_has_a_row_per_check_and_a_legend_per_verdict_shown():
    checks = pd.DataFrame(
        {
            "label": ["a", "b", "c"],
            "made": [2016, 2016, 2023],
            "outcome_year": [2023, 2024, 2025],
            "verdict": ["borne out", "not borne out", "borne out"],
        }
    )
    figure = verdict_chart(checks)
    assert isinstance(figure, Figure)
    axes = figure.axes[0]
    assert [label.get_text() for label in axes.get_yticklabels()] == ["a", "b", "c"]
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == ["prediction made", "borne out", "not borne out"]
    written = [text.get_text() for text in axes.texts]
    assert written == ["borne out", "not borne out", "borne out"], "verdicts also in words"


def test_an_unknown_verdict_gets_one_sentence():
    checks = pd.DataFrame({"label": ["a"], "made": [2016], "outcome_year": [2023],
                           "verdict": ["probably"]})  # fmt: skip
    with pytest.raises(ValueError, match="use one of"):
        verdict_chart(checks)
    assert set(VERDICTS) == {"borne out", "partly", "unconfirmed", "not borne out"}


@pytest.mark.parametrize("missing", [..., None, "", "   ", 42])
def test_no_argument_yet_gets_a_friendly_sentence(missing):
    assert repr(argument_checklist(missing)) == NO_ARGUMENT


def test_a_good_argument_meets_every_visible_point():
    ids = ["2023-iran-full-member-of-sco", "sipri-trade-register-2025", "tass-2025-04-08-rudenko"]
    body = " ".join(["word"] * 120)
    text = (
        "It is a strategic partnership with limits. Iran joined the SCO [`" + ids[0] + "`] and "
        "armed Russia [`"
        + ids[1]
        + "`]. However, Rudenko said it was no alliance [`"
        + ids[2]
        + "`], and the missiles are only reported. "
        + body
    )
    checklist = argument_checklist(text, known=set(ids))
    assert checklist.met == 6
    assert repr(checklist).splitlines()[-1].startswith("6 of 6 visible points.")


def test_unknown_ids_are_named_and_not_counted():
    checklist = argument_checklist("An axis [`no-such-row`].", known={"real-row"})
    text = repr(checklist)
    assert "[ ] cites evidence: 0 id(s)" in text
    assert "not found in data/: no-such-row" in text


def test_known_ids_cover_sources_events_and_quotations():
    known = known_ids()
    assert {"sipri-trade-register-2025", "2023-iran-full-member-of-sco", "seed-002-q4"} <= known
