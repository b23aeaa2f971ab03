"""The reading copy (`make site`): every page there, links that land, no answers, citable.

The site is built once, without PDFs, into a temporary folder; the PDFs, the accessibility check
and the outside-request check run in Chromium (tests/browser/test_site_in_browser.py).
"""

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import fastjsonschema
import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from nbconvert.filters import markdown2html_mistune

from conftest import ROOT
from iran_russia.exercises.questions import lesson_questions
from iran_russia.site import launch
from iran_russia.site.build import build, cite_line
from test_workbooks import worked_parts

HUB = "https://hub.example.edu"
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WORKBOOKS = sorted((ROOT / "exercises").glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"
REPOSITORY_ADDRESS = re.compile(r"github\.com/[\w.-]+/[\w.-]+|github\.com%2F[\w.-]+%2F[\w.-]+")
# nbconvert's alt text for an image nobody described.
NO_DESCRIPTION = "No description has been provided"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build(ROOT, out, hub=HUB, pdfs=False)
    return out


def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {
        path.name: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(site.glob("*.html"))
    }


def text_of(soup: BeautifulSoup) -> str:
    return re.sub(r"\s+", " ", soup.get_text(" "))


def test_every_lesson_and_workbook_has_a_page_and_no_solution_does(site):
    names = {path.name for path in site.glob("*.html")}
    assert {f"{path.stem}.html" for path in LESSONS} <= names
    assert {f"workbook-{path.stem}.html" for path in WORKBOOKS} <= names
    assert {"index.html", "guide.html", "data.html", "search.html", "glossary.html"} <= names
    assert not any("solution" in name for name in names)


def test_no_worked_answer_hint_or_explanation_appears_on_any_page(site):
    texts = {name: text_of(soup) for name, soup in pages(site).items()}
    worked = [
        re.sub(r"\s+", " ", line)
        for solution in sorted((ROOT / "solutions").glob("*.ipynb"))
        for lines in worked_parts(nbformat.read(solution, as_version=4)).values()
        for line in lines
        if sum(char.isalnum() for char in line) >= 20  # distinctive enough to search the site for
    ]
    hidden = [
        re.sub(r"\s+", " ", text.strip())
        for path in LESSONS
        for question in lesson_questions(path.stem[:2])
        for text in (question.hint, question.explanation)
    ]
    assert worked and hidden
    for name, text in texts.items():
        assert not [line for line in worked if line in text], name
        assert not [line for line in hidden if line in text], name


def test_the_guide_pages_leave_out_the_answer_key(site):
    for path in sorted((ROOT / "instructors").glob("[0-9][0-9]_*.md")):
        markdown = path.read_text(encoding="utf-8")
        key = markdown.split("\n## Answer key", 1)[1].split("\n## ", 1)[0]
        # The key's table rows: | `id` | kind | right answer | why |; short answers like a year
        # appear in the lessons anyway, so only distinctive ones are looked for.
        answers = [
            cell
            for row in key.splitlines()
            if row.startswith("| `")
            for cell in row.split(" | ")[2:4]
            if sum(char.isalnum() for char in cell) >= 20
        ]
        assert answers, path.name
        page = text_of(pages(site)[f"guide-{path.stem}.html"])
        assert not [answer for answer in answers if answer in page], path.name
        assert "Answer key" in page and "not published on this site" in page


def test_each_widget_becomes_a_note_with_launch_links(site):
    soups = pages(site)
    for path in [*LESSONS, *WORKBOOKS]:
        notebook = nbformat.read(path, as_version=4)
        widgets = sum(
            WIDGET in output.get("data", {})
            for cell in notebook.cells
            if cell.cell_type == "code"
            for output in cell.outputs
        )
        name = f"{'workbook-' if path.parent.name == 'exercises' else ''}{path.stem}.html"
        notes = soups[name].select("aside.live-only")
        assert len(notes) == widgets, name
        for note in notes:
            assert note.find("a", href=re.compile(r"^https://mybinder\.org/")), name
            assert note.find("a", href=re.compile(rf"^{re.escape(HUB)}/hub/")), name


def test_an_exercise_note_shows_the_question_and_its_choices_in_the_panels_order(site):
    soup = pages(site)["workbook-00_start_here.html"]
    question = next(q for q in lesson_questions("00") if q.kind == "single")
    note = next(n for n in soup.select("aside.live-only") if question.id in n.get_text())
    shown = [li.get_text() for li in note.select("li")]
    assert shown == [label for label, _letter in question.options.labelled()]


def test_each_question_sheet_asks_every_workbook_question_once_in_the_workbooks_order(site):
    soups = pages(site)
    for path in WORKBOOKS:
        notebook = nbformat.read(path, as_version=4)
        text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
        asked = sorted(
            (
                question
                for question in lesson_questions(path.stem[:2])
                if f'"{question.id}"' in text
            ),
            key=lambda question: text.index(f'"{question.id}"'),
        )
        sheet = soups[f"sheet-{path.stem}.html"]
        blocks = sheet.select("section.sheet-question")
        assert len(blocks) == len(asked) > 0, path.name
        for number, (block, question) in enumerate(zip(blocks, asked, strict=True), start=1):
            assert block.h3.get_text() == f"Question {number}"
            prompt = BeautifulSoup(markdown2html_mistune(question.prompt), "html.parser")
            assert text_of(prompt).strip() in text_of(block), (path.name, question.id)
        workbook = soups[f"workbook-{path.stem}.html"]
        assert workbook.find("a", href=f"pdf/sheet-{path.stem}.pdf"), path.name


def test_a_question_sheet_leaves_room_shaped_to_each_kind_of_question(site):
    blocks = pages(site)["sheet-03_wary_partners.html"].select("section.sheet-question")
    first = {}
    for question in reversed(lesson_questions("03")):
        first[question.kind] = question

    def block_of(question):
        return next(b for b in blocks if question.prompt[:40] in text_of(b))

    rows = block_of(first["classify"]).select("table.to-fill tbody tr")
    assert [row.td.get_text() for row in rows] == first["classify"].items.texts
    assert all(row.select("td")[1].get_text() == "" for row in rows)
    assert "Your order (letters, first to last)" in text_of(block_of(first["order"]))
    assert "needs the data" in text_of(block_of(first["data"]))
    writing = block_of(first["writing"])
    points = [int(row.select("td")[1].get_text()) for row in writing.select("tbody tr")]
    assert points == [line["points"] for line in first["writing"].rubric]
    assert len(writing.select("p.blank")) >= first["writing"].min_words // 12


def notebook_of(link: str) -> tuple[str, str]:
    """(repository folder or '', notebook path) a Binder or nbgitpuller link opens."""
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    urlpath = unquote(query["urlpath"][0])
    assert urlpath.startswith("lab/tree/"), link
    return query.get("repo", [""])[0], urlpath.removeprefix("lab/tree/")


def test_every_launch_link_opens_a_notebook_that_exists(site):
    address = launch.repository(ROOT)
    name = launch.repository_name(address)
    seen = 0
    for page, soup in pages(site).items():
        for link in soup.find_all("a", href=True):
            href = link["href"]
            if href.startswith("https://mybinder.org/"):
                assert href.startswith(f"https://mybinder.org/v2/gh/{urlsplit(address).path[1:]}/")
                _repo, notebook = notebook_of(href)
            elif href.startswith(HUB):
                repo, notebook = notebook_of(href)
                assert repo == address and notebook.startswith(f"{name}/"), href
                notebook = notebook.removeprefix(f"{name}/")
            else:
                continue
            assert (ROOT / notebook).is_file() and notebook.endswith(".ipynb"), (page, href)
            seen += 1
    assert seen >= 2 * (len(LESSONS) + len(WORKBOOKS))


def test_every_link_between_pages_lands_on_a_page_and_anchor_that_exist(site):
    soups = pages(site)
    ids = {name: {tag["id"] for tag in soup.find_all(id=True)} for name, soup in soups.items()}
    for name, soup in soups.items():
        for link in soup.find_all("a", href=True):
            target = urlsplit(link["href"])
            if target.scheme or target.netloc:
                continue
            page = target.path or name
            if page.startswith("pdf/"):
                continue  # printed by the browser build; checked there
            assert (site / page).is_file(), (name, link["href"])
            if target.fragment and page.endswith(".html"):
                assert unquote(target.fragment) in ids[page] or target.fragment in ids[page], (
                    name,
                    link["href"],
                )


def test_pages_load_nothing_from_outside_the_site(site):
    for name, soup in pages(site).items():
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                address = element.get(attribute, "")
                assert not re.match(r"^(https?:)?//", address), (name, address)


def heading_problem(levels: list[int]) -> str:
    """What is wrong with a page's heading levels, or "" if it opens with its one top heading
    and never skips a level on the way down."""
    if levels[:1] != [1] or levels.count(1) != 1:
        return f"not one top heading first: {levels}"
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    return f"skips from level {skips[0][0]} to {skips[0][1]}" if skips else ""


def test_every_page_has_one_top_heading_and_skips_no_level(site):
    for name, soup in pages(site).items():
        levels = [int(tag.name[1]) for tag in soup.find_all(re.compile(r"^h[1-6]$"))]
        assert not heading_problem(levels), name


@pytest.mark.parametrize(
    "path",
    [*LESSONS, *WORKBOOKS, *sorted((ROOT / "solutions").glob("*.ipynb"))],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_every_notebook_has_one_top_heading_and_skips_no_level(path):
    levels = [
        len(match[1])
        for cell in nbformat.read(path, as_version=4).cells
        if cell.cell_type == "markdown"
        for match in re.finditer(
            r"^(#{1,6}) ", re.sub(r"```.*?```", "", cell.source, flags=re.S), re.M
        )
    ]
    assert not heading_problem(levels)


def test_a_heading_problem_is_named():
    assert heading_problem([1, 2, 3, 2]) == ""
    assert heading_problem([1, 3]) == "skips from level 1 to 3"
    assert heading_problem([2, 1]).startswith("not one top heading")
    assert heading_problem([1, 2, 1]).startswith("not one top heading")


def test_every_figure_has_its_description_as_alt_text(site):
    images = 0
    for name, soup in pages(site).items():
        for image in soup.find_all("img"):
            alt = image.get("alt", "")
            assert len(alt) > 40 and NO_DESCRIPTION not in alt, (name, alt[:80])
            images += 1
    figures = sum(
        "image/png" in output.get("data", {})
        for path in [*LESSONS, *WORKBOOKS]
        for cell in nbformat.read(path, as_version=4).cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert images == figures > 0


def test_search_index_finds_a_lessons_section_by_its_words(site):
    script = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    entries = json.loads(script.removeprefix("window.SEARCH_INDEX = ").rstrip().rstrip(";"))
    pages_indexed = {entry["href"].split("#")[0] for entry in entries}
    assert {f"{path.stem}.html" for path in LESSONS} <= pages_indexed
    hits = [
        e for e in entries if "turkmenchay" in e["text"].lower() and "aras" in e["text"].lower()
    ]
    assert any(hit["href"].startswith("01_empires_and_mistrust.html#") for hit in hits)


def test_the_repository_address_is_kept_in_citation_cff_only():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    allowed = {"CITATION.cff", "README.md", "data/sources.csv"}
    for name in tracked:
        path = ROOT / name
        if name in allowed or not path.is_file() or path.suffix in {".csv", ".png"}:
            continue
        found = REPOSITORY_ADDRESS.findall(path.read_text(encoding="utf-8", errors="ignore"))
        assert not found, (name, found)


def test_the_readme_badge_is_the_link_citation_cff_gives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badges = re.findall(r"\]\((https://mybinder\.org/v2/gh/[^)]+)\)", readme)
    expected = launch.binder_url(launch.repository(ROOT), "notebooks/00_start_here.ipynb")
    assert badges == [expected]
    assert len(REPOSITORY_ADDRESS.findall(readme)) == 0


def cff_schema(tmp_path) -> dict:
    """The Citation File Format 1.2.0 schema, as cffconvert 2.0.0 ships it (fetched with pip)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "cffconvert==2.0.0",
            "--dest",
            str(tmp_path),
        ],
        check=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("cffconvert-2.0.0-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        return json.loads(archive.read("cffconvert/schemas/1.2.0/schema.json"))


class KeepDatesAsText(yaml.SafeLoader):
    """YAML as CFF means it: a date is the text YYYY-MM-DD, as the schema checks it."""


KeepDatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_citation_cff_is_valid_citation_file_format(tmp_path):
    validate = fastjsonschema.compile(cff_schema(tmp_path))
    citation = yaml.load((ROOT / "CITATION.cff").read_text(encoding="utf-8"), KeepDatesAsText)
    validate(citation)
    with pytest.raises(fastjsonschema.JsonSchemaException):
        validate({**citation, "license": "not-a-licence"})


def test_zenodo_and_the_data_package_carry_the_citations_title_version_and_licences():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert zenodo["title"] == package["title"] == citation["title"]
    assert zenodo["version"] == package["version"] == citation["version"]
    assert [c["name"] for c in zenodo["creators"]] == [a["name"] for a in citation["authors"]]
    # Zenodo takes one licence (the code's); the content's is named in its notes.
    assert zenodo["license"] == citation["license"][0]
    assert all(licence in zenodo["notes"] for licence in citation["license"][1:])
    # The data package holds the data, which is under the content licence.
    assert [licence["name"] for licence in package["licenses"]] == citation["license"][1:]
    assert (ROOT / "LICENSE").read_text().startswith(f"{citation['license'][0]} License")


def test_the_readme_and_the_site_cite_the_series_as_citation_cff_does(site):
    citation = launch.citation(ROOT)
    how_to_cite = (ROOT / "README.md").read_text(encoding="utf-8").split("## How to cite")[1]
    words = re.sub(r"[*>\s]+", " ", how_to_cite)
    assert f"{citation['title']} (version {citation['version']}," in words
    footer = text_of(pages(site)["index.html"].find("footer"))
    assert cite_line(citation) in footer
