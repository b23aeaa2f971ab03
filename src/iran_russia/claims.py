"""Lesson 07's tools for weighing interpretations: seed claims sorted by kind, predictions checked
against what happened, and a checklist for a short argument.

    from iran_russia.claims import argument_checklist, claim_explorer, claim_table, verdict_chart
    claims = claim_table(load("quotations"))   # the seeds' quotations, with their seed and kind
    claim_explorer(load("quotations"))         # choose a seed and a kind; read the claims
    verdict_chart(checks)                      # each prediction against its outcome, one row each
    argument_checklist(text)                   # which visible rubric points a short argument has

The kind of each seed claim comes from the tag that opens its `context` in data/quotations.csv:
`[fact]`, `[interpretation]` or `[prediction]`. The tag is the series' judgement of what kind of
statement it is, not of whether it is true. Verdicts are never shown by colour alone: each has its
own marker and is written beside its row.
"""

import re
import textwrap

import ipywidgets as widgets
import pandas as pd

from iran_russia import style
from iran_russia.data import load
from iran_russia.exercises.kinds import word_count
from iran_russia.panel import Panel, escaped_table, filter_panel

KINDS = ("fact", "interpretation", "prediction")
TAG = re.compile(r"^\[(fact|interpretation|prediction)\]\s*")
ALL_SEEDS, ALL_KINDS = "all seeds", "all kinds"

VERDICTS = {  # verdict: (marker, filled, colour)
    "borne out": ("o", True, style.GREEN),
    "partly": ("D", True, style.ORANGE),
    "unconfirmed": ("s", False, style.BLUE),
    "not borne out": ("X", True, style.VERMILION),
}

WORDS = (120, 250)
ENOUGH_IDS = 3
CODE_ID = re.compile(r"`([A-Za-z0-9][A-Za-z0-9._-]*)`")
FRAMINGS = re.compile(r"\b(convenience|partnership|partners?|axis|alliance|allies|bloc)\b")
CONCESSIONS = re.compile(
    r"\b(however|but|although|though|yet|whereas|nevertheless|even so|on the other hand)\b"
)
CERTAINTY = re.compile(r"\b(reported|confirmed|unconfirmed|disputed|denied|denies|claimed)\b")
ATTRIBUTION = re.compile(
    r"\b(argued|argues|wrote|writes|said|says|called|calls|claimed|claims|described|describes"
    r"|according to|in the words of)\b"
)
ID_COLUMNS = {
    "sources": "source_id",
    "events": "event_id",
    "arms_deals": "deal_id",
    "quotations": "quote_id",
    "treaties": "treaty_id",
    "visits": "visit_id",
}
NO_ARGUMENT = (
    "No argument yet: replace the ... after `answer =` with your argument in triple quotes, "
    'answer = """...""", and run this cell again.'
)


def claim_table(quotations: pd.DataFrame) -> pd.DataFrame:
    """The seeds' quotations (source ids starting `seed-`) whose context opens with a kind tag,
    with columns seed ('000' ... '004'), kind, and note (the context without its tag)."""
    source = quotations.source_id.astype(str)
    seeds = quotations[source.str.startswith("seed-")]
    context = seeds.context.astype(str)
    frame = seeds.assign(
        seed=seeds.source_id.astype(str).str.slice(5, 8),
        kind=context.str.extract(TAG)[0],
        note=context.str.replace(TAG, "", regex=True),
    ).dropna(subset=["kind"])
    columns = ["quote_id", "seed", "kind", "speaker", "date", "text", "note", "source_id"]
    return frame[columns].sort_values(["seed", "quote_id"]).reset_index(drop=True)


def seed_labels(claims: pd.DataFrame) -> dict[str, str]:
    """A label per seed for a menu, e.g. {'000': 'seed 000 · Atlantic Sentinel, 2016-08'}."""
    first = claims.drop_duplicates("seed").set_index("seed")
    return {seed: f"seed {seed} · {row.speaker}, {row.date}" for seed, row in first.iterrows()}


def choose_claims(claims: pd.DataFrame, seed: str = ALL_SEEDS, kind: str = ALL_KINDS):
    """The claims of one seed ('000' ...) or all, of one kind or all."""
    chosen = claims
    if seed != ALL_SEEDS:
        chosen = chosen[chosen.seed == seed]
    if kind != ALL_KINDS:
        chosen = chosen[chosen.kind == kind]
    return chosen


def claims_summary(chosen: pd.DataFrame) -> str:
    """One sentence: how many claims, and how many of each kind."""
    counts = chosen.kind.value_counts()
    parts = [f"{counts[kind]} {kind}" for kind in KINDS if kind in counts]
    noun = "claim" if len(chosen) == 1 else "claims"
    detail = f": {', '.join(parts)}" if parts else ""
    return f"{len(chosen)} {noun}{detail}."


def claim_rows_html(chosen: pd.DataFrame) -> str:
    """An HTML table of claims (seed, date, kind, claim, the series' note), every cell escaped."""
    rows = (
        (row.seed, row.date, row.kind, f"“{row.text}”", row.note) for row in chosen.itertuples()
    )
    return escaped_table(["seed", "date", "kind", "claim", "note"], rows)


def claim_explorer(quotations: pd.DataFrame) -> Panel:
    """Choose a seed and a kind of claim; read the matching quotations with the series' notes."""
    claims = claim_table(quotations)
    labels = seed_labels(claims)
    seed = widgets.Dropdown(
        options=[(ALL_SEEDS, ALL_SEEDS)] + [(label, key) for key, label in labels.items()],
        value=ALL_SEEDS,
        description="Seed",
        layout={"width": "auto"},
    )
    kind = widgets.Dropdown(options=[ALL_KINDS, *KINDS], value=ALL_KINDS, description="Kind")

    def show():
        chosen = choose_claims(claims, seed.value, kind.value)
        return claims_summary(chosen), claim_rows_html(chosen)

    return filter_panel([seed, kind], show, "Claim explorer: run this cell to open it.")


def verdict_chart(checks: pd.DataFrame) -> style.SeriesFigure:
    """One row per check (top to bottom as given): a hollow circle in the year the prediction was
    made, a dotted line to the year of the outcome, and there a marker and the written verdict.

    `checks` needs the columns label, made (year), outcome_year and verdict (one of VERDICTS)."""
    unknown = set(checks.verdict) - set(VERDICTS)
    if unknown:
        raise ValueError(f"Unknown verdicts {sorted(unknown)}: use one of {list(VERDICTS)}.")
    figure, axes = style.new_figure(0.6 * len(checks) + 1.7, margins=(3.4, 1.1, 0.95, 0.6))
    for row, check in enumerate(checks.itertuples()):
        marker, filled, colour = VERDICTS[check.verdict]
        axes.plot([check.made, check.outcome_year], [row, row], ":", color="grey", linewidth=1.2)
        axes.plot(check.made, row, "o", color="black", markerfacecolor="white", markersize=7)
        axes.plot(
            check.outcome_year,
            row,
            marker,
            color=colour,
            markeredgecolor="black",
            markerfacecolor=colour if filled else "white",
            markersize=10,
        )
        axes.annotate(
            check.verdict,
            (check.outcome_year, row),
            xytext=(10, -3),
            textcoords="offset points",
            fontsize=style.SMALL,
        )
    labels = [textwrap.fill(text, 44, max_lines=3, placeholder="…") for text in checks.label]
    axes.set_yticks(range(len(checks)), labels, fontsize=style.SMALL)
    axes.set_ylim(len(checks) - 0.4, -0.6)
    first, last = int(checks.made.min()), int(checks.outcome_year.max())
    axes.set_xlim(first - 0.5, last + 2.4)
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.set_xlabel("Year (circle: prediction made; marker and verdict: what happened)",
                    fontsize=style.SMALL)  # fmt: skip
    axes.grid(axis="x", color=style.GRID, linewidth=0.6)
    style.plain_axes(axes)
    axes.plot([], [], "o", color="black", markerfacecolor="white", label="prediction made")
    for verdict, (marker, filled, colour) in VERDICTS.items():
        if (checks.verdict == verdict).any():
            axes.plot(
                [],
                [],
                marker,
                color=colour,
                markeredgecolor="black",
                markerfacecolor=colour if filled else "white",
                linestyle="none",
                label=verdict,
            )
    style.legend_above(axes, columns=3)
    style.title(figure, "Predictions of 2016 and 2023 against what happened")
    return figure


def known_ids() -> set[str]:
    """Every id a student may cite: sources, events, arms deals, quotations, treaties, visits."""
    return {str(i) for name, column in ID_COLUMNS.items() for i in load(name)[column]}


class Checklist:
    """The visible rubric points an argument shows, as plain lines of text."""

    def __init__(self, lines: list[str], met: int | None = None):
        self.lines, self.met = lines, met

    def __repr__(self) -> str:
        return "\n".join(self.lines)


def argument_checklist(text: object, known: set[str] | None = None) -> Checklist:
    """Check a short argument for what a program can see: its length, a position, cited ids
    that exist in data/, a counter-argument, confirmed versus reported, and attributed views.

    Whether the facts are right and the reasoning holds is for a reader to judge (the rubric)."""
    if not isinstance(text, str) or not text.strip():
        return Checklist([NO_ARGUMENT])
    known = known_ids() if known is None else known
    lower = text.lower()
    words = word_count(text)
    cited = list(dict.fromkeys(CODE_ID.findall(text)))
    found = [i for i in cited if i in known]
    missing = [i for i in cited if i not in known]
    checks = [
        (
            WORDS[0] <= words <= WORDS[1],
            f"length: {words} words (aim for {WORDS[0]}–{WORDS[1]})",
        ),
        (
            bool(FRAMINGS.search(lower)),
            "takes a position: names a framing (convenience, partnership, alliance, axis, bloc)",
        ),
        (
            len(found) >= ENOUGH_IDS,
            f"cites evidence: {len(found)} id(s) found in data/ (at least {ENOUGH_IDS}), "
            "written like [`2023-iran-full-member-of-sco`]",
        ),
        (
            bool(CONCESSIONS.search(lower)),
            "weighs counter-evidence: a 'however', 'but' or 'although' that turns the argument",
        ),
        (
            bool(CERTAINTY.search(lower)),
            "separates confirmed from reported: says how sure the evidence is",
        ),
        (
            bool(ATTRIBUTION.search(lower)),
            "attributes views: says who argued, said or claimed what",
        ),
    ]
    lines = [f"[{'x' if ok else ' '}] {what}" for ok, what in checks]
    if missing:
        lines.append(f"    not found in data/: {', '.join(missing)} (check the spelling)")
    met = sum(ok for ok, _ in checks)
    lines.append(
        f"{met} of {len(checks)} visible points. Whether your facts are right and your "
        "reasoning holds is for a reader to judge with the rubric."
    )
    return Checklist(lines, met)
