"""Load the series' tables from data/ as typed pandas DataFrames.

    from iran_russia.data import load
    events = load("events")

Column types, allowed values and descriptions come from data/datapackage.json, the one
description of every table; data/README.md explains them in prose.
"""

import functools
import json
import textwrap
from pathlib import Path

import pandas as pd

from iran_russia.paths import data_dir

DESCRIPTOR = "datapackage.json"


class DataError(ValueError):
    """A data file is missing or malformed; the message is one sentence naming file and problem."""


def descriptor() -> dict:
    """The data package descriptor (data/datapackage.json) as a dictionary."""
    path = data_dir() / DESCRIPTOR
    if not path.is_file():
        raise DataError(f"{DESCRIPTOR} is missing from {path.parent}, so no table can be loaded.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DataError(
            f"{DESCRIPTOR} is not valid JSON ({error.msg} at line {error.lineno})."
        ) from None


def table_names() -> list[str]:
    """Names of all tables, for example 'events' and 'sources'."""
    return [resource["name"] for resource in descriptor()["resources"]]


def fields(name: str) -> list[dict]:
    """The field descriptions (name, type, description, constraints) of one table."""
    for resource in descriptor()["resources"]:
        if resource["name"] == name:
            return resource["schema"]["fields"]
    known = ", ".join(table_names())
    raise DataError(f"There is no table called {name!r}; the tables are: {known}.")


def load(name: str) -> pd.DataFrame:
    """Read one table, check its columns and values, and return it with proper types. Each call
    returns a copy of its own; a table is read again only when its file or its schema changed."""
    schema = fields(name)
    path = data_dir() / f"{name}.csv"
    if not path.exists():
        raise DataError(f"{path.name} is missing from {path.parent}.")
    changed = path.stat()
    return checked_table(path, changed.st_mtime_ns, changed.st_size, json.dumps(schema)).copy()


@functools.lru_cache(maxsize=64)
def checked_table(path: Path, _modified: int, _size: int, schema_text: str) -> pd.DataFrame:
    """The table at `path`, checked and typed by its schema (given as JSON); see `load`."""
    schema = json.loads(schema_text)
    raw = read_text_table(path)
    expected = [field["name"] for field in schema]
    if list(raw.columns) != expected:
        raise DataError(
            f"{path.name} should have the columns {', '.join(expected)}, "
            f"but has {', '.join(raw.columns)}."
        )
    if raw.empty:
        raise DataError(f"{path.name} has a header but no rows.")
    return pd.DataFrame(
        {field["name"]: typed(raw[field["name"]], field, path.name) for field in schema}
    )


def read_text_table(path) -> pd.DataFrame:
    """Read a CSV file as text columns, turning every way it can fail into one DataError."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise DataError(f"{path.name} is empty: it should start with a header row.") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        reason = str(error).splitlines()[0].rstrip(".")
        raise DataError(f"{path.name} could not be read as a UTF-8 CSV file ({reason}).") from None
    except OSError as error:
        raise DataError(f"{path.name} could not be opened ({error.strerror}).") from None


def typed(column: pd.Series, field: dict, filename: str) -> pd.Series:
    """Convert one text column to the type its field description gives."""
    values = column.str.strip().replace("", pd.NA)
    constraints = field.get("constraints", {})
    where = f"{filename}, column {field['name']}"
    if constraints.get("required") and values.isna().any():
        row = int(values.isna().idxmax()) + 2
        raise DataError(f"{where} is empty on line {row} but must always have a value.")
    repeated = values.notna() & values.duplicated()
    if constraints.get("unique") and repeated.any():
        row = int(repeated.idxmax())
        raise DataError(f"{where}, line {row + 2}: {values[row]!r} appears twice; ids are unique.")
    kind = field["type"]
    if kind == "date":
        converted = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
        problem = "a YYYY-MM-DD date"
    elif kind == "integer":
        numbers = pd.to_numeric(values, errors="coerce")
        converted = numbers.where(numbers % 1 == 0).astype("Int64")
        problem = "a whole number"
    elif kind == "number":
        converted = pd.to_numeric(values, errors="coerce")
        problem = "a number"
    elif "enum" in constraints:
        converted = values.where(values.isin(constraints["enum"]))
        problem = f"one of {', '.join(constraints['enum'])}"
    else:
        return values.astype("string")
    bad = values.notna() & converted.isna()
    if bad.any():
        row = int(bad.idxmax())
        raise DataError(f"{where}, line {row + 2}: {values[row]!r} is not {problem}.")
    check_bounds(converted, constraints, where)
    if "enum" in constraints:
        return pd.Series(pd.Categorical(values, categories=constraints["enum"]), name=column.name)
    return converted


def check_bounds(values: pd.Series, constraints: dict, where: str) -> None:
    """Raise a DataError for the first value below a declared minimum or above a maximum."""
    for bound, outside in (("minimum", values.lt), ("maximum", values.gt)):
        if bound in constraints:
            beyond = outside(constraints[bound]).fillna(False).astype(bool)
            if beyond.any():
                row = int(beyond.idxmax())
                raise DataError(
                    f"{where}, line {row + 2}: {values[row]} is beyond the {bound} "
                    f"of {constraints[bound]}."
                )


def cite(source_ids: str) -> str:
    """Format the sources named in a source_ids cell ('a;b') as a numbered reference list."""
    sources = load("sources").set_index("source_id")
    lines = []
    for number, source_id in enumerate(source_ids.split(";"), start=1):
        if source_id not in sources.index:
            raise DataError(f"There is no source {source_id!r} in sources.csv.")
        row = sources.loc[source_id]
        parts = [row.author, row.title, row.publisher, row.date, row.url]
        described = ". ".join(str(part).rstrip(".") for part in parts if pd.notna(part))
        lines.append(f"[{number}] {described}.")
    return "\n".join(lines)


def show_quotes(*quote_ids: str, context: bool = False) -> None:
    """Print quotations from the quotations table, each with who said it, when, and the
    publisher and date of the source that reports it; with `context`, also the table's note on
    where and how it was said."""
    quotes = load("quotations").set_index("quote_id")
    sources = load("sources").set_index("source_id")
    for quote_id in quote_ids:
        if quote_id not in quotes.index:
            raise DataError(f"There is no quotation {quote_id!r} in quotations.csv.")
        row = quotes.loc[quote_id]
        source = sources.loc[row.source_id]
        role = f" ({row.speaker_role})" if pd.notna(row.speaker_role) else ""
        where = ", ".join(str(part) for part in (source.publisher, source.date) if pd.notna(part))
        print(textwrap.fill(f"“{row.text}”", width=90))
        print(f"    {row.speaker}{role}, {row.date}; source: {where}")
        if context and pd.notna(row.context):
            print(
                textwrap.fill(
                    row.context, width=90, initial_indent="    ", subsequent_indent="    "
                )
            )
        print()
