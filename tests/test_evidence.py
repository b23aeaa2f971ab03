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


TEXT_COLUMNS = ("title", "description", "key_clauses", "subject", "note", "context")


@pytest.mark.parametrize("table", [*FACT_TABLES, "quotations"])
def test_a_row_credits_only_works_it_cites(table, sources):
    """ "Sykes gives 33,000" needs Sykes among the row's sources (or "citing Sykes" in a relay)."""
    records = sources.set_index("source_id").astype("string").fillna("")
    frame = load(table)
    ids = frame.source_ids if "source_ids" in frame else frame.source_id
    problems = []
    for (_, row), cited_ids in zip(frame.iterrows(), ids, strict=True):
        cited = " ".join(
            f"{i} {' '.join(records.loc[i, ['author', 'publisher', 'title', 'url']])}"
            for i in cited_ids.split(";")
        )
        text = " ".join(str(row[c]) for c in TEXT_COLUMNS if c in row and pd.notna(row[c]))
        missing = evidence.uncited_names(text, cited)
        if missing:
            problems.append(f"{row.iloc[0]}: {missing}")
    assert not problems, f"{len(problems)} rows credit works they do not cite: {problems}"


@pytest.mark.parametrize(
    ("text", "cited", "missing"),
    [
        ("Sykes gives 33,000 infantry.", "sykes-history-of-persia Percy Sykes", []),
        ("Sykes gives 33,000 infantry.", "atkin-1980 Muriel Atkin", ["Sykes"]),
        ("DefenceTalk, citing Tasnim, reported it.", "defencetalk-2016 DefenceTalk", []),
        ("Tasnim reported it.", "defencetalk-2016 DefenceTalk", ["Tasnim"]),
        ("Citing Tasnim, DefenceTalk reported it.", "defencetalk-2016 DefenceTalk", []),
        ("Reuters, citing Iran's semi-official Tasnim agency.", "reuters-2024 Reuters", []),
        ("Customs outside Fars and the Gulf; 29 Mehr 1326.", "x", []),
        ("Shamkhani told the Mehr agency so.", "tass-2016 TASS", ["Mehr"]),
        ("Approved by Iran's Guardian Council.", "x", []),
    ],
)
def test_credited_works_are_matched_against_the_cited_ones(text, cited, missing):
    assert evidence.uncited_names(text, cited) == missing


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://WWW.Reuters.com./world/x", "reuters.com"),
        ("http://press.un.org:8080/en", "press.un.org"),
        ("not an address", ""),
    ],
)
def test_host_is_lower_case_without_www_port_or_trailing_dot(url, name):
    assert evidence.host(url) == name


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://20.210.105.67/time/article", "bare IP address"),
        ("https://www.wikizero.net/wiki/x", evidence.COPY_HOSTS["wikizero.net"]),
        ("https://en.wikizero.net/wiki/x", evidence.COPY_HOSTS["wikizero.net"]),
        ("https://notwikizero.net/wiki/x", None),
        (None, None),
    ],
)
def test_a_copy_is_named_with_its_reason(url, reason):
    assert evidence.copy_reason(url) == reason


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://undocs.org/S/RES/2231(2015)", "official"),
        ("https://press.un.org/en/2016/sc1.doc.htm", "official"),
        ("https://www.cia.gov/readingroom/x", "official"),
        ("https://news.un.org/en/story/2016/08/1", "official"),
        ("https://www.un.org/securitycouncil/x", "official"),
        ("https://www.notun.org/x", None),
        (None, None),
    ],
)
def test_government_and_un_hosts_are_official(url, kind):
    assert evidence.expected_kind(url) == kind


def test_a_copy_carries_no_row_whatever_its_kind():
    assert not evidence.carries_a_row(pd.Series({"url": "https://wikizero.net/x", "kind": "news"}))


@pytest.mark.parametrize("kind", ["seed", "state_media", "commentary"])
def test_seeds_state_media_and_commentary_carry_no_row(kind):
    source = pd.Series({"url": "https://example.org/a", "kind": kind})
    assert not evidence.carries_a_row(source)
    assert evidence.carries_a_row(source.copy().replace({kind: "news"}))


def test_citation_shares_count_copies_and_wikipedia_apart_from_their_kind():
    sources = pd.DataFrame(
        {
            "source_id": ["a", "b", "c", "d"],
            "url": ["https://wikizero.net/x", "https://en.wikipedia.org/wiki/x", None, ""],
            "kind": ["encyclopedia", "encyclopedia", "scholarly", "news"],
        }
    )
    shares = evidence.citation_shares(sources, pd.Series(["a", "b", "c", "c", "d"]))
    assert shares.to_dict() == {"scholarly": 0.4, "copy": 0.2, "wikipedia": 0.2, "news": 0.2}
    thirds = evidence.citation_shares(sources, pd.Series(["a", "c", "d"]))
    assert thirds.to_dict() == {"copy": 0.333, "scholarly": 0.333, "news": 0.333}
