"""Figures the lessons share. Each function returns a matplotlib Figure.

Figures are built without pyplot, so a notebook shows each one exactly once (as the value of
its cell) and nothing is left open. Colours come from the Okabe–Ito palette, which colour-blind
readers can tell apart, and no meaning rests on colour alone: statuses also differ by marker
shape, eras by label.
"""

import pandas as pd
from matplotlib.figure import Figure

from iran_russia.eras import BY_NAME, ERAS

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
STATUS_MARKERS = {"confirmed": "o", "reported": "^", "disputed": "s"}


def shade_eras(axes, highlight: str | None = None, years: tuple[int, int] | None = None) -> None:
    """Shade the eras on a time axis, labelled by lesson number; the highlighted is darker.

    With `years` (first, last), the axis shows only that span and only the eras within it."""
    first, last = years or (ERAS[0].first_year, ERAS[-1].last_year)
    for index, era in enumerate(ERAS):
        if era.last_year < first or era.first_year > last:
            continue
        strong = highlight is None or era.name == highlight
        start = pd.Timestamp(max(era.first_year, first), 1, 1)
        end = pd.Timestamp(min(era.last_year, last), 12, 31)
        axes.axvspan(start, end, color=OKABE_ITO[index], alpha=0.35 if strong else 0.08, lw=0)
        axes.text(
            start + (end - start) / 2,
            1.0,
            era.lesson,
            transform=axes.get_xaxis_transform(),
            ha="center",
            va="bottom",
            fontsize=8,
            fontweight="bold" if strong else "normal",
        )


def timeline_strip(events: pd.DataFrame, era: str | None = None):
    """A thin strip of every event on one time axis: 'where we are' in the series."""
    figure = Figure(figsize=(10, 1.6))
    axes = figure.subplots()
    shade_eras(axes, highlight=era)
    axes.plot(events.date, [0] * len(events), "|", color="black", markersize=14)
    axes.set_yticks([])
    axes.set_xlabel("Year")
    title = "All events in the series"
    if era:
        title += f": this lesson covers {BY_NAME[era].first_year}–{BY_NAME[era].last_year}"
    axes.set_title(title, pad=14)
    figure.tight_layout()
    return figure


def score_timeline(
    events: pd.DataFrame, era: str | None = None, years: tuple[int, int] | None = None
):
    """Each event's cooperation–conflict score over time, with a marker shape per status.

    `years` (first, last) narrows the time axis to that span."""
    figure = Figure(figsize=(10, 4))
    axes = figure.subplots()
    shade_eras(axes, highlight=era, years=years)
    if years:
        events = events[events.date.dt.year.between(*years)]
        axes.set_xlim(pd.Timestamp(years[0], 1, 1), pd.Timestamp(years[1], 12, 31))
    for status, marker in STATUS_MARKERS.items():
        subset = events[events.status == status]
        axes.scatter(subset.date, subset.score, marker=marker, color="black", s=18, label=status)
    axes.axhline(0, color="grey", linewidth=0.8)
    axes.set_ylim(-11, 11)
    axes.set_xlabel("Year")
    axes.set_ylabel("Score (−10 conflict … +10 cooperation)")
    axes.set_title("Cooperation and conflict between Iran and Russia, event by event", pad=14)
    axes.legend(title="Status", loc="lower right")
    figure.tight_layout()
    return figure


def arms_transfers(tiv: pd.DataFrame, deals: pd.DataFrame | None = None, since: int = 1950):
    """SIPRI TIV by year: Russia→Iran above the axis, Iran→Russia below; reported deals marked."""
    figure = Figure(figsize=(10, 4.5))
    axes = figure.subplots()
    recent = tiv[tiv.year >= since]
    for direction, sign, colour, hatch, label in [
        ("russia_to_iran", 1, OKABE_ITO[4], "", "Russia/USSR → Iran"),
        ("iran_to_russia", -1, OKABE_ITO[5], "//", "Iran → Russia"),
    ]:
        rows = recent[recent.direction == direction]
        axes.bar(rows.year, sign * rows.tiv_musd, color=colour, hatch=hatch, label=label)
    if deals is not None:
        reported = deals[(deals.status == "reported") & deals.delivery_first.notna()]
        reported = reported[reported.delivery_first >= since]
        signs = reported.supplier.astype(str).map({"Russia": 1, "Iran": -1})
        axes.scatter(reported.delivery_first, signs * 30, marker="^", color="black", zorder=3)
        axes.scatter([], [], marker="^", color="black", label="reported deal (not confirmed)")
    axes.axhline(0, color="black", linewidth=0.8)
    axes.set_xlabel("Year")
    axes.set_ylabel("SIPRI TIV, millions (below 0: Iran → Russia)")
    axes.set_title("Arms transfers between Russia and Iran by direction")
    axes.legend(loc="upper left", fontsize=8)
    figure.text(0.01, 0.01, "Information from the SIPRI Arms Transfers Database", fontsize=7)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    return figure


VOTE_MARKERS = {"yes": "o", "no": "x", "abstain": "D", "absent": "_"}
MEMBERS = {"vote_russia": "Russia", "vote_china": "China", "vote_usa": "USA",
           "vote_uk": "UK", "vote_france": "France"}  # fmt: skip


def council_votes(votes: pd.DataFrame):
    """One row per Security Council vote, one column per permanent member, a marker per vote."""
    figure = Figure(figsize=(8, 0.4 * len(votes) + 1.6))
    axes = figure.subplots()
    cast = votes[list(MEMBERS)].astype(str)
    for column, member in enumerate(MEMBERS):
        for row, vote in enumerate(cast[member]):
            axes.scatter(column, row, marker=VOTE_MARKERS[vote], s=60, color="black")
    for vote, marker in VOTE_MARKERS.items():
        if (cast == vote).any().any():
            axes.scatter([], [], marker=marker, color="black", label=vote)
    axes.set_xticks(range(len(MEMBERS)), list(MEMBERS.values()))
    labels = [
        f"{date.date()} {document if len(document) <= 20 else 'draft resolution'}"
        for date, document in zip(votes.date, votes.document, strict=True)
    ]
    axes.set_yticks(range(len(votes)), labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(-0.5, len(MEMBERS) - 0.5)
    axes.set_xlabel("Permanent member")
    axes.set_title("How the permanent members voted")
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    figure.tight_layout()
    return figure


def vetoes_by_year(vetoes: pd.DataFrame):
    """Russia's vetoes on Syria per year, split into Russia alone and Russia with China."""
    figure = Figure(figsize=(8, 3.5))
    axes = figure.subplots()
    counts = (
        vetoes.assign(year=vetoes.date.dt.year)
        .groupby(["year", "vetoed_by"], observed=False)
        .size()
        .unstack(fill_value=0)
    )
    years = range(counts.index.min(), counts.index.max() + 1)
    counts = counts.reindex(years, fill_value=0)
    with_china = counts.get("Russia;China", 0)
    alone = counts.get("Russia", 0)
    axes.bar(counts.index, with_china, color=OKABE_ITO[1], label="Russia with China")
    axes.bar(counts.index, alone, bottom=with_china, color=OKABE_ITO[0], hatch="//",
             label="Russia alone")  # fmt: skip
    axes.set_xlabel("Year")
    axes.set_ylabel("Vetoed draft resolutions")
    axes.set_title("Russia's Security Council vetoes on Syria")
    axes.legend(fontsize=8)
    figure.tight_layout()
    return figure


LINESTYLES = {"russia": "-", "usa": "--", "china": ":"}
PARTNER_LABELS = {"russia": "USSR/Russia", "usa": "USA", "china": "China (PRC)"}


def voting_agreement(agreement: pd.DataFrame, issue_area: str = "all"):
    """Iran's yearly UN General Assembly agreement with each partner, one line style each."""
    figure = Figure(figsize=(10, 4))
    axes = figure.subplots()
    chosen = agreement[agreement.issue_area == issue_area]
    for index, (partner, style) in enumerate(LINESTYLES.items()):
        rows = chosen[chosen.partner == partner]
        axes.plot(rows.year, rows.agreement, style, color=OKABE_ITO[4 + index],
                  label=PARTNER_LABELS[partner])  # fmt: skip
    axes.set_ylim(0, 1)
    axes.set_xlabel("Year")
    axes.set_ylabel("Share of votes cast alike")
    area = "all roll calls" if issue_area == "all" else f"{issue_area.replace('_', ' ')} votes"
    axes.set_title(f"Iran's voting agreement in the UN General Assembly ({area})")
    axes.legend(fontsize=8)
    figure.tight_layout()
    return figure


def trade_flows(trade: pd.DataFrame):
    """Dataset trade by direction as lines; reported figures as separate, unjoined markers."""
    figure = Figure(figsize=(10, 4))
    axes = figure.subplots()
    dataset = trade[trade.status == "dataset"]
    all_years = range(int(dataset.year.min()), int(dataset.year.max()) + 1)
    for flow, style, label in [
        ("russia_to_iran", "-", "Russia → Iran (Correlates of War)"),
        ("iran_to_russia", "--", "Iran → Russia (Correlates of War)"),
    ]:
        # reindexing leaves gaps as NaN, so years without data break the line instead of joining
        series = dataset[dataset.flow == flow].set_index("year").value_musd.reindex(all_years)
        axes.plot(series.index, series.values, style, color="black", label=label)
    reported = trade[(trade.status == "reported") & (trade.period == "year")]
    markers = {"total": "s", "russia_to_iran": "^", "iran_to_russia": "v"}
    for flow, marker in markers.items():
        rows = reported[reported.flow == flow]
        if len(rows):
            axes.scatter(rows.year, rows.value_musd, marker=marker, color=OKABE_ITO[5],
                         label=f"reported: {flow.replace('_', ' ')}")  # fmt: skip
    axes.set_xlabel("Year")
    axes.set_ylabel("US$ million (current)")
    axes.set_title("Trade between Iran and Russia")
    axes.legend(fontsize=7)
    figure.tight_layout()
    return figure
