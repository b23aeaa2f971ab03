"""The loader: typed frames, and one clear sentence for every missing or malformed file."""

import shutil

import pandas as pd
import pytest

from conftest import ROOT
from iran_russia.data import DataError, cite, load, show_quotes


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of data/ that the loader reads instead of the real one."""
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    monkeypatch.setenv("IRAN_RUSSIA_DATA", str(copy))
    return copy


def one_sentence(error: DataError) -> str:
    message = str(error)
    assert "\n" not in message and message.endswith(".")
    return message


def test_events_load_typed_and_filter_in_one_line():
    events = load("events")
    assert pd.api.types.is_datetime64_any_dtype(events.date)
    assert isinstance(events.era.dtype, pd.CategoricalDtype)
    assert str(events.score.dtype) == "Int64"
    assert len(events[events.era == "syria"]) > 0


def test_each_load_returns_a_copy_of_its_own():
    first = load("events")
    first.loc[0, "title"] = "changed by a student"
    assert load("events").loc[0, "title"] != "changed by a student"


def test_a_table_edited_on_disk_is_read_again(data_copy):
    path = data_copy / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(load("places")) == len(lines) - 1
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    assert len(load("places")) == len(lines) - 2


def test_unknown_table_names_the_choices():
    with pytest.raises(DataError) as caught:
        load("evnets")
    assert "'evnets'" in one_sentence(caught.value) and "events" in str(caught.value)


def test_missing_file_is_named(data_copy):
    (data_copy / "events.csv").unlink()
    with pytest.raises(DataError, match="events.csv is missing") as caught:
        load("events")
    one_sentence(caught.value)


def replace_in(path, old, new):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("1813-10-24,day", "1813-13-45,day", "is not a YYYY-MM-DD date"),
        (",war,", ",skirmish,", "is not one of war"),
        ("event_id,date", "id,date", "should have the columns"),
    ],
)
def test_malformed_values_are_reported_with_file_and_line(data_copy, old, new, expected):
    replace_in(data_copy / "events.csv", old, new)
    with pytest.raises(DataError, match=expected) as caught:
        load("events")
    assert "events.csv" in one_sentence(caught.value)


def test_a_missing_required_value_is_reported(data_copy):
    path = data_copy / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    lines[1] = ",".join(cells[:-1] + [""])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 2 but must always have a value") as caught:
        load("places")
    one_sentence(caught.value)


def test_a_missing_descriptor_is_reported(data_copy):
    (data_copy / "datapackage.json").unlink()
    with pytest.raises(DataError, match="datapackage.json is missing") as caught:
        load("events")
    one_sentence(caught.value)


def test_cite_formats_sources_and_rejects_unknown_ids():
    first = load("events").source_ids.iloc[0]
    references = cite(first).splitlines()
    assert references[0].startswith("[1] ") and "http" in references[0]
    with pytest.raises(DataError, match="no source 'nope'"):
        cite("nope")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "events.csv is empty"),
        (None, "events.csv has a header but no rows"),
        (b"\xff\xfe\x00bad", "could not be read as a UTF-8 CSV file"),
    ],
)
def test_empty_header_only_and_unreadable_files_give_one_sentence(data_copy, content, expected):
    path = data_copy / "events.csv"
    if content is None:
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=expected) as caught:
        load("events")
    one_sentence(caught.value)


def test_a_file_that_cannot_be_opened_gives_one_sentence(data_copy):
    path = data_copy / "events.csv"
    path.unlink()
    path.mkdir()
    with pytest.raises(DataError, match="events.csv could not be opened") as caught:
        load("events")
    one_sentence(caught.value)


def test_a_duplicate_id_is_reported(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    first_id = lines[1].split(",")[0]
    with pytest.raises(DataError, match=f"line {len(lines) + 1}: '{first_id}' appears twice"):
        load("events")


@pytest.mark.parametrize(("score", "bound"), [("11", "maximum of 10"), ("-11", "minimum of -10")])
def test_a_value_beyond_a_declared_bound_is_reported(data_copy, score, bound):
    path = data_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",-10,", f",{score},", 1)
    assert f",{score}," in lines[1], "the first event should have the score -10"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"line 2: {score} is beyond the {bound}"):
        load("events")


def test_a_missing_sources_file_is_named_not_the_data_folder(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "sources.csv").unlink()
    (tmp_path / "notebooks").mkdir()
    monkeypatch.delenv("IRAN_RUSSIA_DATA", raising=False)
    monkeypatch.chdir(tmp_path / "notebooks")
    with pytest.raises(DataError, match="sources.csv is missing from") as caught:
        load("sources")
    one_sentence(caught.value)


def test_show_quotes_prints_the_words_the_speaker_and_where_they_were_reported(capsys):
    show_quotes("2024-09-10-blinken-missiles")
    printed = capsys.readouterr().out
    assert printed.startswith("“Russia has now received shipments with these ballistic missiles")
    # the quotation's row and its source's row in the CSV files, read by hand
    assert printed.rstrip().endswith(
        "Antony Blinken (US Secretary of State), 2024-09-10; source: Asharq Al-Awsat (Reuters),"
        " 2024-09-10"
    )
    assert "aawsat-2024-09-10-fath360" not in printed
    with pytest.raises(DataError, match="no quotation 'nope'"):
        show_quotes("nope")


def test_show_quotes_adds_the_tables_note_on_how_it_was_said_only_when_asked(capsys):
    show_quotes("2010-makarov-s300-halt", context=True)
    with_note = capsys.readouterr().out
    # the row's context column in quotations.csv, read by hand
    assert "    The Deccan Herald's English rendering, quoting Interfax," in with_note
    show_quotes("2010-makarov-s300-halt")
    assert "English rendering" not in capsys.readouterr().out
