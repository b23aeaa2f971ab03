"""Every lesson and workbook meets the series' standard (CURRICULUM.md, DESIGN.md)."""

import re

import nbformat
import pytest
import yaml

from conftest import ROOT, all_notebooks
from iran_russia.data import load
from iran_russia.references import cited_in_text
from iran_russia.site.pages import IN_WORDS

LESSONS = sorted(p for p in (ROOT / "notebooks").glob("0[1-9]_*.ipynb"))
WORKBOOKS = sorted((ROOT / "solutions").glob("*.ipynb"))
REQUIRED_HEADINGS = [
    "learning objectives", "estimated time", "prerequisites", "key points",
    "our answer so far", "sources", "further reading",
]  # fmt: skip
WIDGET = "application/vnd.jupyter.widget-view+json"


def cells(path):
    return nbformat.read(path, as_version=4).cells


def markdown(path):
    return "\n".join(c.source for c in cells(path) if c.cell_type == "markdown")


def questions(lesson_stem):
    path = ROOT / "data" / "questions" / f"{lesson_stem}.yaml"
    return yaml.safe_load(path.read_text())["questions"]


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=str)
def test_inline_citations_resolve_to_sources(path):
    known = set(load("sources").source_id)
    unknown = set(cited_in_text(markdown(path))) - known
    assert not unknown, f"unknown source ids cited: {sorted(unknown)}"


@pytest.mark.parametrize(
    "path",
    sorted([*(ROOT / "notebooks").glob("*.ipynb"), *(ROOT / "exercises").glob("*.ipynb")]),
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_no_student_page_points_to_the_question_files_which_hold_the_answers(path):
    assert "data/questions" not in markdown(path)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_every_required_part(path):
    text = markdown(path).lower()
    missing = [h for h in REQUIRED_HEADINGS if not re.search(rf"^#+ .*{h}", text, re.MULTILINE)]
    assert not missing, f"missing sections: {missing}"
    assert cited_in_text(markdown(path)), "the lesson cites no source inline"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_three_described_figures_and_an_explorer(path):
    notebook = cells(path)
    figures = 0
    for index, cell in enumerate(notebook):
        if cell.cell_type != "code":
            continue
        if any("image/png" in output.get("data", {}) for output in cell.outputs):
            figures += 1
            following = notebook[index + 1] if index + 1 < len(notebook) else None
            assert following is not None and following.cell_type == "markdown"
            assert following.source.lstrip().startswith("*Figure:"), (
                f"figure in cell {index} has no one-line description under it"
            )
            caption, _, rest = following.source.partition("\n\n")
            assert words_in(caption) <= 35, f"figure {index}: the caption is one line"
            in_words = IN_WORDS.search(rest)
            assert in_words and words_in(in_words["text"]) >= 50, (
                f"figure {index} has no text alternative (a <details> block of the figure in words)"
            )
    assert figures >= 3
    widgets = [o for c in notebook if c.cell_type == "code" for o in c.outputs
               if WIDGET in o.get("data", {})]  # fmt: skip
    assert len(widgets) >= 3, "an explorer and at least two check-your-understanding panels"


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_workbook_has_enough_exercises_of_enough_kinds(path):
    used = set(re.findall(r"(?:exercise|check)\(\"([0-9]{2}-[a-z0-9-]+)\"", _code(path)))
    bank = {q["id"]: q["kind"] for q in questions(path.stem)}
    assert used <= bank.keys(), f"ids not in the question file: {sorted(used - bank.keys())}"
    kinds = [bank[i] for i in used]
    assert len(used) >= 8
    assert len(set(kinds)) >= 4
    assert kinds.count("data") >= 2
    assert kinds.count("writing") >= 1, "a workbook has a writing task, with its rubric"


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_workbook_ends_with_progress_then_hand_in(path):
    lesson = path.stem[:2]
    assert _last_code(path, 2) == [f'progress("{lesson}")', f'hand_in("{lesson}")']


def _code(path):
    return "\n".join(c.source for c in cells(path) if c.cell_type == "code")


def _last_code(path, count):
    return [c.source for c in cells(path) if c.cell_type == "code"][-count:]


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_workbook_has_a_source_analysis_task_on_a_recorded_quotation(path):
    if path.stem == "00_start_here":
        pytest.skip("the demonstration workbook shows the exercise kinds, not a lesson's sources")
    code = _code(path)
    assert 'load("quotations")' in code or "show_quotes(" in code


CUT_CELL = re.compile(r"<td>[^<]*\.\.\.</td>")


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_stored_table_cuts_a_cells_text(path):
    """Notes, predictions and outcomes are shown whole (iran_russia sets pandas' column width)."""
    cut = [
        match
        for cell in cells(path)
        if cell.cell_type == "code"
        for output in cell.outputs
        for match in CUT_CELL.findall(output.get("data", {}).get("text/html", ""))
    ]
    assert not cut, cut[:2]


GLOSSARY = ROOT / "notebooks" / "glossary.md"
GLOSSARY_LINK = re.compile(r"\]\(glossary\.md#([a-z0-9-]+)\)")


def glossary_entries() -> list[str]:
    """The glossary's terms, by anchor (not the anchors of its list of sources)."""
    anchors = re.findall(r'<a id="([a-z0-9-]+)"></a>', GLOSSARY.read_text(encoding="utf-8"))
    return [anchor for anchor in anchors if not anchor.startswith("ref-")]


def test_every_glossary_link_lands_on_an_entry_and_every_entry_is_linked():
    entries = glossary_entries()
    assert entries == sorted(entries), "the glossary is in alphabetical order"
    linked = {
        anchor
        for path in sorted((ROOT / "notebooks").glob("*.ipynb"))
        for anchor in GLOSSARY_LINK.findall(markdown(path))
    }
    assert linked <= set(entries), sorted(linked - set(entries))
    assert set(entries) <= linked, f"entries no lesson links to: {sorted(set(entries) - linked)}"


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_a_lesson_links_a_glossary_term_once(path):
    anchors = GLOSSARY_LINK.findall(markdown(path))
    assert len(anchors) == len(set(anchors)), "link a term at its first use only"


MAX_WORDS = 200
NOTES = re.compile(r"\[\[\d+\]\(#ref-[^)]*\)(?:,\s*\[\d+\]\(#ref-[^)]*\))*\]")


def words_in(markdown: str) -> int:
    """Words a reader reads in a markdown cell: numbered notes, HTML tags and lists of sources
    left out."""
    if "<!-- BEGIN REFERENCES" in markdown:
        markdown = markdown.split("<!-- BEGIN REFERENCES")[0]
    text = re.sub(r"<[^>]+>", " ", NOTES.sub("", markdown))
    return len(re.findall(r"[\w’'–-]+", text))


def test_words_in_counts_what_a_reader_reads():
    assert words_in("Gulistan [[1](#ref-a), [2](#ref-b)] was signed in 1813.") == 5
    assert words_in("## Sources\n\n<!-- BEGIN REFERENCES -->\n- <a id='x'></a>[1] A, *B*.") == 1


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_no_markdown_cell_runs_over_two_hundred_words(path):
    long = [
        (index, words_in(cell.source))
        for index, cell in enumerate(cells(path))
        if cell.cell_type == "markdown" and words_in(cell.source) > MAX_WORDS
    ]
    assert not long, f"cells (index, words) over {MAX_WORDS} words: {long}"
