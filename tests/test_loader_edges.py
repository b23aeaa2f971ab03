"""The loader at its edges: each field type's conversion and the exact sentence for a bad value.

Fields and values are written here by hand, in the form data/datapackage.json gives them.
"""

import pandas as pd
import pytest

from iran_russia.data import DataError, check_bounds, cite, load, read_text_table, typed


def column(*values):
    return pd.Series(list(values), name="c", dtype=object)


@pytest.mark.parametrize(
    ("field", "values", "sentence"),
    [
        ({"type": "date"}, ("2020-01-01", "01/02/2020"), "'01/02/2020' is not a YYYY-MM-DD date"),
        (
            {"type": "integer", "constraints": {"maximum": 10}},
            ("5", "11"),
            "11 is beyond the maximum of 10",
        ),
        ({"type": "integer"}, ("1", "1.5"), "'1.5' is not a whole number"),
        ({"type": "integer"}, ("1", "x"), "'x' is not a whole number"),
        ({"type": "number"}, ("1.5", "x"), "'x' is not a number"),
        (
            {"type": "string", "constraints": {"enum": ["a", "b"]}},
            ("a", "c"),
            "'c' is not one of a, b",
        ),
    ],
)
def test_a_bad_value_is_named_with_its_line(field, values, sentence):
    with pytest.raises(DataError) as raised:
        typed(column(*values), {"name": "c", **field}, "t.csv")
    assert str(raised.value) == f"t.csv, column c, line 3: {sentence}."


def test_an_enum_column_keeps_its_name_and_every_allowed_value():
    field = {"name": "c", "type": "string", "constraints": {"enum": ["a", "b", "z"]}}
    result = typed(column("b", "a"), field, "t.csv")
    assert result.name == "c"
    assert list(result.cat.categories) == ["a", "b", "z"]
    assert list(result) == ["b", "a"]


def test_a_value_beyond_a_bound_is_named_and_a_missing_value_is_not_beyond():
    values = pd.Series([5, pd.NA, 11], dtype="Int64")
    check_bounds(values[:2], {"minimum": 0, "maximum": 10}, "t.csv, column n")
    with pytest.raises(DataError) as raised:
        check_bounds(values, {"minimum": 0, "maximum": 10}, "t.csv, column n")
    assert str(raised.value) == "t.csv, column n, line 4: 11 is beyond the maximum of 10."


def test_text_such_as_na_stays_text(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("code,name\nNA,Namibia\n", encoding="utf-8")
    assert read_text_table(path).code.tolist() == ["NA"]


def test_a_file_that_is_not_utf8_is_one_sentence_with_the_reason(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xffcode\n1\n")
    with pytest.raises(DataError) as raised:
        read_text_table(path)
    assert str(raised.value) == (
        "t.csv could not be read as a UTF-8 CSV file ('utf-8' codec can't decode byte 0xff in "
        "position 0: invalid start byte)."
    )


def data_folder(tmp_path, monkeypatch, descriptor: str, **files: str):
    """A data folder of its own, with this descriptor and these CSV files."""
    (tmp_path / "datapackage.json").write_text(descriptor, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    monkeypatch.setenv("IRAN_RUSSIA_DATA", str(tmp_path))


PACKAGE = (
    '{"resources": [{"name": "t", "schema": {"fields": ['
    '{"name": "a", "type": "string"}, {"name": "b", "type": "string"}]}},'
    ' {"name": "sources", "schema": {"fields": ['
    + ", ".join(
        f'{{"name": "{name}", "type": "string"}}'
        for name in ("source_id", "author", "title", "publisher", "date", "url")
    )
    + "]}}]}"
)


def test_a_broken_descriptor_is_named_with_its_line(tmp_path, monkeypatch):
    data_folder(tmp_path, monkeypatch, '{\n"resources": [,]}')
    with pytest.raises(DataError) as raised:
        load("t")
    assert str(raised.value) == "datapackage.json is not valid JSON (Expecting value at line 2)."


def test_an_unknown_table_lists_the_known_ones(tmp_path, monkeypatch):
    data_folder(tmp_path, monkeypatch, PACKAGE)
    with pytest.raises(DataError) as raised:
        load("events")
    assert str(raised.value) == "There is no table called 'events'; the tables are: t, sources."


def test_wrong_columns_are_listed_both_ways(tmp_path, monkeypatch):
    data_folder(tmp_path, monkeypatch, PACKAGE, t="a,c,d\n1,2,3\n")
    with pytest.raises(DataError) as raised:
        load("t")
    assert str(raised.value) == "t.csv should have the columns a, b, but has a, c, d."


def test_a_reference_joins_its_parts_with_one_full_stop_each(tmp_path, monkeypatch):
    sources = "source_id,author,title,publisher,date,url\ns,Smith J.,Volume X,Press.,1901,\n"
    data_folder(tmp_path, monkeypatch, PACKAGE, sources=sources)
    assert cite("s") == "[1] Smith J. Volume X. Press. 1901."


def test_a_date_column_is_read_by_its_format_not_guessed_from_its_first_value():
    with pytest.raises(DataError, match=r"line 2: '01/02/2020' is not a YYYY-MM-DD date\.$"):
        typed(column("01/02/2020", "03/04/2020"), {"name": "c", "type": "date"}, "t.csv")
