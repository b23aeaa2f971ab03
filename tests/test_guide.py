"""The instructor guide and the lessons' route marks come from one source each and never drift."""

import copy
import re

import nbformat
import pytest

from conftest import ROOT
from iran_russia.tools import guide

STEMS = guide.lesson_stems(ROOT)


def test_every_lesson_has_a_guide_page():
    lessons = sorted(path.stem for path in (ROOT / "notebooks").glob("*.ipynb"))
    assert lessons == STEMS
    assert all((ROOT / "instructors" / f"{stem}.md").is_file() for stem in STEMS)


def test_pages_and_route_marks_are_up_to_date():
    stale = [
        path.relative_to(ROOT)
        for path, text in guide.build(ROOT).items()
        if path.read_text("utf-8") != text
    ]
    assert not stale, f"run make guide: {stale}"


@pytest.mark.parametrize("stem", STEMS)
def test_every_section_of_a_lesson_shows_its_route(stem):
    notebook = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    lines = text.splitlines()
    headings = [n for n, line in enumerate(lines) if line.startswith("## ")]
    assert headings
    for n in headings:
        assert guide.ROUTE_LINE.match(lines[n + 2]), f"no route line under {lines[n]!r}"
    assert text.count(guide.ROUTES_BLOCK) == 1


@pytest.mark.parametrize("stem", STEMS)
def test_the_answer_key_holds_every_question_once(stem):
    page = (ROOT / "instructors" / f"{stem}.md").read_text("utf-8")
    for entry in guide.read_questions(ROOT, stem):
        assert page.count(f"`{entry['id']}`") >= 1
    assert "## Writing task" in page


def content_with(stem, change):
    content = copy.deepcopy(guide.read_content(ROOT, stem))
    change(content)
    return content


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda c: c["sections"].pop(), "headings"),
        (lambda c: c["sections"][-1].update(minutes=60), "full route"),
        (lambda c: c.update(core_exercise_minutes=30), "core route"),
        (lambda c: c["core_exercises"].append("01-nope"), "unknown or listed twice"),
        (lambda c: c["extended_exercises"].append(c["core_exercises"][0]), "listed twice"),
        (lambda c: c.update(discussion=c["discussion"][:4]), "at least 5"),
    ],
)
def test_a_guide_file_that_does_not_fit_its_lesson_is_refused(change, problem):
    stem = "01_empires_and_mistrust"
    notebook = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
    headings = list(guide.markdown_sections(notebook))
    ids = [entry["id"] for entry in guide.read_questions(ROOT, stem)]
    guide.validate(stem, guide.read_content(ROOT, stem), headings, ids)
    with pytest.raises(guide.GuideError, match=problem):
        guide.validate(stem, content_with(stem, change), headings, ids)


def test_routes_add_up_by_hand():
    content = {
        "sections": [
            {"heading": "A", "minutes": 30, "route": "core", "before_class": True},
            {"heading": "B", "minutes": 25, "route": "deep", "before_class": False},
        ],
        "core_exercises": ["01-article-6-source", "01-ultimatum-1911"],
        "core_exercise_minutes": 12,
        "extended_exercise_minutes": 20,
    }
    summary = guide.routes_summary("01_empires_and_mistrust", content)
    assert "(about 42 minutes)" in summary and "(about 87 minutes)" in summary
    assert "(about 30 minutes) and 2 exercises" in summary
    assert "sections *3. The ultimatum of 1911* and *5. Source analysis: Article 6" in summary
    assert "**Reading before class:** A." in summary


@pytest.mark.parametrize("stem", STEMS)
def test_exercise_ids_named_in_a_guide_file_exist(stem):
    ids = {entry["id"] for entry in guide.read_questions(ROOT, stem)}
    text = (ROOT / "instructors" / "content" / f"{stem}.yaml").read_text("utf-8")
    named = set(re.findall(r"\b0[0-7]-[a-z0-9-]*[a-z0-9]\b", text))
    assert named <= ids, sorted(named - ids)
