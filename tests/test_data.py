"""Data checks: every table valid, typed, cited, and consistent with the raw datasets."""

import ast
import hashlib
import json

import pandas as pd
import pytest
import yaml
from frictionless import validate

from conftest import ROOT, all_notebooks
from iran_russia.calendars import julian_to_gregorian
from iran_russia.data import load, table_names
from iran_russia.eras import BY_NAME
from iran_russia.references import cited_in_text
from iran_russia.tools import build_data, data_dictionary

DATA = ROOT / "data"
RAW = ROOT.parent / "shared" / "data-raw"
CURRICULUM_TOPICS = [  # every topic of CURRICULUM.md has at least one event whose title matches
    r"Persian campaign", r"Gulistan", r"Turkmenchay", r"Griboyedov", r"Akhal",
    r"Anglo-Russian Convention", r"ultimatum", r"Treaty of Friendship", r"invade neutral Iran",
    r"Tehran Conference", r"Azerbaijan", r"Mahabad", r"steel", r"Afghanistan", r"Iraq",
    r"Gorbachev", r"Bushehr", r"Gore.Chernomyrdin", r"Caspian", r"1737", r"S-300",
    r"Soleimani", r"Hamadan|Shahid Nojeh", r"Aleppo", r"Astana", r"Assad", r"Shahed|drone",
    r"SCO|Shanghai", r"BRICS", r"North.South", r"Comprehensive Strategic Partnership",
    r"Israel", r"snapback",
]  # fmt: skip


def source_id_columns(frame):
    return [column for column in ("source_ids", "source_id") if column in frame]


def cited_ids(frame):
    ids = set()
    for column in source_id_columns(frame):
        for cell in frame[column].dropna():
            ids.update(cell.split(";"))
    return ids


@pytest.fixture(scope="module")
def tables():
    return {name: load(name) for name in table_names()}


def test_data_package_is_valid_by_frictionless():
    report = validate(DATA / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])[:10]


def test_every_csv_in_data_is_described():
    described = {f"{name}.csv" for name in table_names()}
    assert {path.name for path in DATA.glob("*.csv")} == described


def test_every_row_cites_sources_that_resolve(tables):
    known = set(tables["sources"].source_id)
    for name, frame in tables.items():
        if name == "sources":
            continue
        assert source_id_columns(frame), f"{name} has no source column"
        missing = cited_ids(frame) - known
        assert not missing, f"{name} cites unknown sources: {sorted(missing)[:5]}"


def notebook_citations(path) -> set[str]:
    """Ids a notebook cites: notes in its text, and strings given to cite() in its code."""
    found = set()
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            found.update(cited_in_text(source))
        elif "cite(" in source:
            code = [line for line in source.splitlines() if not line.startswith("%")]
            tree = ast.parse("\n".join(code))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    found.update(node.value.split(";"))
    return found


def test_every_source_is_used(tables):
    """Each source is cited by a data row, a question's source_ids, a notebook's citations or
    the glossary's."""
    used = set().union(*(cited_ids(frame) for name, frame in tables.items() if name != "sources"))
    for path in (DATA / "questions").glob("*.yaml"):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            used.update(entry.get("source_ids", []))
    for path in all_notebooks():
        used |= notebook_citations(path)
    used.update(cited_in_text((ROOT / "notebooks" / "glossary.md").read_text(encoding="utf-8")))
    unused = set(tables["sources"].source_id) - used
    assert not unused, f"sources nobody cites: {sorted(unused)[:5]}"


def test_a_work_has_one_source_row(tables):
    """Two rows at one address are two works: another edition (date) or another kind."""
    sources = tables["sources"].dropna(subset=["url"])
    twice = sources[sources.duplicated(["url", "kind", "date"], keep=False)]
    assert twice.empty, twice[["source_id", "url"]].to_string()


def test_there_are_enough_events_and_every_curriculum_topic_is_covered(tables):
    events = tables["events"]
    assert len(events) >= 200
    titles = events.title + " " + events.description
    uncovered = [topic for topic in CURRICULUM_TOPICS if not titles.str.contains(topic).any()]
    assert not uncovered


def test_event_dates_lie_within_their_era(tables):
    events = tables["events"]
    era = events.era.astype(str).map(BY_NAME)
    first = era.map(lambda e: e.first_year)
    last = era.map(lambda e: e.last_year)
    outside = events[(events.date.dt.year < first) | (events.date.dt.year > last)]
    assert outside.empty, outside[["event_id", "date", "era"]]


@pytest.mark.parametrize("name", ["events", "treaties", "visits"])
def test_dates_match_their_precision(tables, name):
    frame = tables[name]
    month = frame[frame.date_precision == "month"]
    year = frame[frame.date_precision == "year"]
    assert (month.date.dt.day == 1).all()
    assert ((year.date.dt.day == 1) & (year.date.dt.month == 1)).all()


@pytest.mark.parametrize("name", ["events", "treaties"])
def test_julian_dates_convert_to_the_gregorian_date(tables, name):
    frame = tables[name].dropna(subset=["date_julian"])
    assert (frame.date.dt.year <= 1918).all(), "Russia used the Julian calendar until 1918"
    for row in frame.itertuples():
        old_style = row.date_julian
        expected = julian_to_gregorian(old_style.year, old_style.month, old_style.day)
        assert row.date.date() == expected, (row[1], row.date_julian, row.date)


@pytest.mark.parametrize("name", ["events", "treaties", "visits"])
def test_disputed_and_reported_rows_say_why(tables, name):
    frame = tables[name]
    unexplained = frame[frame.status.isin(["disputed", "reported"]) & frame.note.isna()]
    assert unexplained.empty


def test_reported_arms_deals_explain_what_is_reported(tables):
    deals = tables["arms_deals"]
    assert not deals[(deals.status != "delivered") & deals.note.isna()].shape[0]
    assert (deals.supplier != deals.recipient).all()
    both = deals.dropna(subset=["delivery_first", "delivery_last"])
    assert (both.delivery_first <= both.delivery_last).all()


def test_treaties_and_territories_link_up(tables):
    assert set(tables["treaties"].event_id.dropna()) <= set(tables["events"].event_id)
    assert set(tables["territories"].treaty_id) <= set(tables["treaties"].treaty_id)
    assert set(tables["territories"].place_id.dropna()) <= set(tables["places"].place_id)


PERMANENT = ["russia", "china", "usa", "uk", "france"]


def council(year: int) -> tuple[int, int]:
    """Members of the Security Council and the yes votes a decision needed (Charter, Art. 27)."""
    return (11, 7) if year < 1966 else (15, 9)


@pytest.mark.parametrize("name", ["unsc_iran_votes", "unsc_syria_vetoes"])
def test_no_member_voted_twice(tables, name):
    votes = tables[name]
    members = votes.date.dt.year.map(lambda year: council(year)[0])
    assert (votes.yes + votes.no + votes.abstain <= members).all()


def test_adopted_resolutions_had_the_votes_and_no_permanent_no(tables):
    """Adopted: enough yes votes and no permanent member against; failed: one of the two lacked."""
    votes = tables["unsc_iran_votes"]
    needed = votes.date.dt.year.map(lambda year: council(year)[1])
    permanent_no = (votes[[f"vote_{m}" for m in PERMANENT]] == "no").any(axis=1)
    passes = (votes.yes >= needed) & ~permanent_no
    assert (passes == (votes.adopted == "yes")).all(), votes.vote_id[
        passes != (votes.adopted == "yes")
    ]
    for member in PERMANENT:
        counted = votes[f"vote_{member}"].map({"yes": "yes", "no": "no", "abstain": "abstain"})
        for kind in ("yes", "no", "abstain"):
            assert ((counted == kind).astype(int) <= votes[kind]).all(), (member, kind)


def test_each_syria_veto_was_cast_by_permanent_members_including_russia(tables):
    """A veto: a draft with the 9 yes votes it needed, blocked by a permanent member's no."""
    vetoes = tables["unsc_syria_vetoes"]
    vetoers = vetoes.vetoed_by.str.split(";")
    permanent = {"Russia", "China", "USA", "UK", "France"}
    assert all(set(names) <= permanent and "Russia" in names for names in vetoers)
    assert (vetoes.yes >= 9).all()
    assert (vetoes.no >= vetoers.map(len)).all()


def test_each_syria_veto_names_as_many_no_votes_and_abstentions_as_it_counts(tables):
    vetoes = tables["unsc_syria_vetoes"]
    noes = vetoes.voted_no.str.split(";")
    abstained = vetoes.abstained.fillna("").map(lambda cell: [n for n in cell.split(";") if n])
    assert (noes.map(len) == vetoes.no).all() and (abstained.map(len) == vetoes.abstain).all()
    assert all(set(v.split(";")) <= set(n) for v, n in zip(vetoes.vetoed_by, noes, strict=True))
    assert all(not set(n) & set(a) for n, a in zip(noes, abstained, strict=True))


def test_sipri_credit_line_is_in_the_dictionary():
    assert "Information from the SIPRI Arms Transfers Database" in (DATA / "README.md").read_text()


def test_data_dictionary_lists_every_column():
    readme = (DATA / "README.md").read_text()
    assert readme == data_dictionary.rewritten(readme), "run make data to refresh README.md"
    for name in table_names():
        for column in load(name).columns:
            assert f"| `{column}` |" in readme


def test_no_raw_file_is_committed_as_is():
    if not RAW.is_dir():
        pytest.skip(f"raw datasets not present at {RAW}")
    digest = {hashlib.sha256(p.read_bytes()).hexdigest() for p in RAW.iterdir() if p.is_file()}
    for path in DATA.rglob("*"):
        if path.is_file():
            assert hashlib.sha256(path.read_bytes()).hexdigest() not in digest, path


def test_built_tables_reproduce_from_the_raw_datasets():
    if not RAW.is_dir():
        pytest.skip(f"raw datasets not present at {RAW}: Binder and copies without shared/")
    for filename, rebuilt in build_data.build(RAW, DATA).items():
        committed = pd.read_csv(DATA / filename, dtype=str, keep_default_na=False)
        fresh = pd.read_csv(
            pd.io.common.StringIO(rebuilt.to_csv(index=False)), dtype=str, keep_default_na=False
        )
        pd.testing.assert_frame_equal(committed, fresh, obj=filename)


def test_unga_agreement_matches_the_raw_sanity_aggregate():
    if not RAW.is_dir():
        pytest.skip(f"raw datasets not present at {RAW}")
    check = pd.read_csv(RAW / "unga_agreement_by_year.csv")
    ours = load("unga_agreement").query("issue_area == 'all' and partner == 'russia'")
    merged = ours.merge(check, on="year")
    assert len(merged) > 60
    assert ((merged.agreement - merged.agree_IR_RU).abs() < 0.002).all()
    assert (merged.roll_calls == merged.n_IR_RU).all()
