"""Citations become numbered notes linking to a list made from them, each source once, in order."""

import nbformat
import pytest

from conftest import ROOT
from iran_russia.data import DataError
from iran_russia.references import CITATION, cited_in
from iran_russia.tools.references import BEGIN, END, read, renumbered

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def write_notebook(path, *markdown, code="print('[`not-a-citation`]')"):
    cells = [nbformat.v4.new_markdown_cell(text) for text in markdown]
    cells.append(nbformat.v4.new_code_cell(code))
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def lesson(*markdown):
    cells = [nbformat.v4.new_markdown_cell(text) for text in markdown]
    return nbformat.v4.new_notebook(cells=cells)


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


def test_a_source_named_only_in_passing_is_not_a_citation():
    assert not CITATION.findall("Reuters and `reuters-2016-08-16` are named, not cited.")
    assert not CITATION.findall("A link [1](#ref-a) outside brackets is no note group.")


def test_citations_become_numbered_notes_and_the_list_follows_them():
    notebook = lesson(
        "Seized [`iranica-golestan-treaty`]; traded "
        "[`sipri-trade-register-2025`;\n`iranica-golestan-treaty`].",
        f"## Sources\n\n{BEGIN}\n{END}",
    )
    assert renumbered(notebook)
    text, listing = notebook.cells[0].source, notebook.cells[1].source
    assert text == (
        "Seized [[1](#ref-iranica-golestan-treaty)]; traded "
        "[[2](#ref-sipri-trade-register-2025), [1](#ref-iranica-golestan-treaty)]."
    )
    entries = [line for line in listing.splitlines() if line.startswith("- ")]
    assert entries[0].startswith('- <a id="ref-iranica-golestan-treaty"></a>[1] ')
    assert "GOLESTĀN" in entries[0].upper() and "<https://" in entries[0]
    assert entries[1].startswith('- <a id="ref-sipri-trade-register-2025"></a>[2] ')
    assert len(entries) == 2


def test_numbers_follow_the_text_when_it_changes():
    notebook = lesson(
        "[[1](#ref-iranica-golestan-treaty)] then [[2](#ref-sipri-trade-register-2025)].",
        f"## Sources\n\n{BEGIN}\nold list\n{END}",
    )
    notebook.cells.insert(0, nbformat.v4.new_markdown_cell("First [`sipri-trade-register-2025`]."))
    renumbered(notebook)
    assert notebook.cells[0].source == "First [[1](#ref-sipri-trade-register-2025)]."
    assert notebook.cells[1].source.startswith("[[2](#ref-iranica-golestan-treaty)]")
    assert "old list" not in notebook.cells[2].source


def test_a_notebook_without_a_sources_cell_gets_one_and_one_without_citations_is_left():
    notebook = lesson("Seized [`iranica-golestan-treaty`].")
    assert renumbered(notebook)
    assert notebook.cells[-1].source.startswith("## Sources") and BEGIN in notebook.cells[-1].source
    plain = lesson("No citation here.")
    assert not renumbered(plain) and len(plain.cells) == 1


def test_an_unknown_source_is_one_sentence():
    with pytest.raises(DataError, match="There is no source 'no-such-source' in sources.csv"):
        renumbered(lesson("See [`no-such-source`]."))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_committed_lessons_are_numbered_as_make_references_leaves_them(path):
    notebook = nbformat.read(path, as_version=4)
    before = nbformat.writes(notebook)
    renumbered(notebook)
    assert nbformat.writes(notebook) == before, "run `make references`"
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert "[`" not in text.replace("[``", ""), "a citation is still written as a source id"


def test_a_missing_notebook_is_one_sentence(tmp_path):
    with pytest.raises(DataError, match="could not be read as a notebook"):
        cited_in(tmp_path / "nope.ipynb")


def test_the_glossary_cites_a_source_for_every_term_and_is_numbered():
    path = ROOT / "notebooks" / "glossary.md"
    notebook = read(path)
    before = nbformat.writes(notebook)
    renumbered(notebook)
    assert nbformat.writes(notebook) == before, "run `make references`"
    entries = [line for line in path.read_text().split("\n- ") if line.startswith('<a id="')]
    terms = [entry for entry in entries if not entry.startswith('<a id="ref-')]
    assert terms and all("](#ref-" in term for term in terms), "a term without a source"
