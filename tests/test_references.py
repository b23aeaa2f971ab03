"""A lesson's reference list comes from the citations in its text, each once, in order."""

import nbformat
import pytest

from iran_russia.data import DataError
from iran_russia.references import cited_in, references


def write_notebook(path, *markdown, code="print('[`not-a-citation`]')"):
    cells = [nbformat.v4.new_markdown_cell(text) for text in markdown]
    cells.append(nbformat.v4.new_code_cell(code))
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def test_citations_are_listed_once_in_the_order_first_cited(tmp_path):
    path = write_notebook(
        tmp_path / "lesson.ipynb",
        "Gulistan [`iranica-golestan-treaty`] and [`sipri-trade-register-2025`; `tass-2025`].",
        "Again [`iranica-golestan-treaty`], and code `x` in backticks is no citation.",
    )
    assert cited_in(path) == ["iranica-golestan-treaty", "sipri-trade-register-2025", "tass-2025"]


def test_a_citation_broken_across_lines_is_read_whole(tmp_path):
    path = write_notebook(tmp_path / "lesson.ipynb", "Denied it [`a-1`;\n`b-2`; `c-3`].")
    assert cited_in(path) == ["a-1", "b-2", "c-3"]


def test_the_list_numbers_real_sources(tmp_path):
    path = write_notebook(tmp_path / "lesson.ipynb", "See [`iranica-golestan-treaty`].")
    lines = references(path).splitlines()
    assert len(lines) == 1 and lines[0].startswith("[1] ") and "GOLESTĀN" in lines[0].upper()


def test_a_missing_notebook_is_one_sentence(tmp_path):
    with pytest.raises(DataError, match="could not be read as a notebook"):
        cited_in(tmp_path / "nope.ipynb")
