"""Evidence at its home: no source is a copy, no row rests on copies or Wikipedia alone,
and a source's kind agrees with where it lives."""

import pandas as pd
import pytest

from iran_russia import evidence
from iran_russia.data import load

# Tables whose rows the lessons state as facts, with their id column.
FACT_TABLES = {
    "events": "event_id",
    "treaties": "treaty_id",
    "territories": "territory_id",
    "visits": "visit_id",
    "unsc_iran_votes": "vote_id",
    "unsc_syria_vetoes": "veto_id",
    "arms_deals": "deal_id",
}
ARCHIVE_HOSTS = ("web.archive.org", "archive.org", "webarchive.loc.gov", "archive.ph")


@pytest.fixture(scope="module")
def sources():
    return load("sources")


@pytest.mark.parametrize(
    ("url", "copy"),
    [
        ("https://www.wikizero.net/wiki/en/Treaty_of_Gulistan", True),
        ("https://military-history.fandom.com/wiki/Battle_of_Aslanduz", True),
        ("http://20.210.105.67/time/article", True),
        ("http://the-uncensored-wiki.com:20151/2015/A/Treaty.html", True),
        ("https://en.wikipedia.org/wiki/Treaty_of_Gulistan", False),
        ("https://www.iranicaonline.org/articles/golestan-treaty", False),
        ("https://press.un.org/en/2016/sc12345.doc.htm", False),
        ("https://www.globalsecurity.org/wmd/library/news/iran/2006/iran-1.htm", True),
        ("https://www.globalsecurity.org/military/world/iran/bmp-2.htm", False),
        ("https://en.wikisource.org/wiki/A_History_of_Persia", True),
        ("", False),
    ],
)
def test_copy_hosts_and_ip_addresses_are_recognised(url, copy):
    assert (evidence.copy_reason(url) is not None) == copy


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://tass.com/politics/1", "state_media"),
        ("https://en.irna.ir/news/1", "state_media"),
        ("https://history.state.gov/historicaldocuments/frus1946v07/d1", "official"),
        ("https://www.state.gov/briefings/", "official"),
        ("https://doi.org/10.1080/00263206.2016.1", "scholarly"),
        ("https://www.reuters.com/world/", None),
    ],
)
def test_some_hosts_fix_the_kind(url, kind):
    assert evidence.expected_kind(url) == kind


def test_no_source_is_a_copy(sources):
    copies = [
        f"{row.source_id} ({evidence.copy_reason(row.url)})"
        for row in sources.itertuples()
        if evidence.copy_reason(row.url)
    ]
    assert not copies, f"{len(copies)} sources cite copies: {copies[:10]}"


def test_archive_links_point_at_web_archives(sources):
    archived = sources.dropna(subset=["archive_url"])
    elsewhere = [
        row.source_id
        for row in archived.itertuples()
        if not evidence.host(row.archive_url).endswith(ARCHIVE_HOSTS)
    ]
    assert not elsewhere


def test_every_source_can_be_found(sources):
    """A source with no address is a printed work named with its publisher, or a state's text."""
    offline = sources[sources.url.isna()]
    incomplete = offline[offline.publisher.isna() & (offline.kind != "official")]
    assert incomplete.empty, incomplete.source_id.tolist()


def test_kind_agrees_with_the_host(sources):
    wrong = [
        f"{row.source_id}: {row.kind}, not {evidence.expected_kind(row.url)}"
        for row in sources.itertuples()
        if evidence.expected_kind(row.url) not in (None, row.kind) and row.kind != "dataset"
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("table", FACT_TABLES)
def test_no_fact_rests_on_copies_or_wikipedia_alone(table, sources):
    by_id = sources.set_index("source_id")
    frame = load(table)
    alone = [
        row[FACT_TABLES[table]]
        for _, row in frame.iterrows()
        if not any(evidence.carries_a_row(by_id.loc[i]) for i in row.source_ids.split(";"))
    ]
    assert not alone, f"{len(alone)} rows of {table} need a source that can carry them: {alone}"


def test_a_row_on_wikipedia_and_state_media_alone_is_not_carried():
    row = {"url": "https://en.wikipedia.org/wiki/X", "kind": "encyclopedia"}
    assert not evidence.carries_a_row(pd.Series(row))
    agency = {"url": "https://tass.com/1", "kind": "state_media"}
    assert not evidence.carries_a_row(pd.Series(agency))
    assert evidence.carries_a_row(pd.Series({"url": "https://www.sipri.org/x", "kind": "research"}))
    assert evidence.carries_a_row(pd.Series({"url": pd.NA, "kind": "scholarly"}))
