"""The instructor guide and the lessons' route marks come from one source each and never drift."""

import copy
import re

import nbformat
import pytest

from conftest import ROOT
from iran_russia.tools import guide

STEMS = guide.lesson_stems(ROOT)
WIDGET = "application/vnd.jupyter.widget-view+json"


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


def section(content, heading):
    return next(s for s in content["sections"] if s["heading"].startswith(heading))


def all_in_class(content):
    for s in content["sections"]:
        if s["route"] == "core":
            s["read"] = "in class"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda c: c["sections"].pop(), "headings"),
        (
            lambda c: section(c, "3. Gulistan").update(minutes=2),
            r"takes about \d+ minutes to read, not 2",
        ),
        (all_in_class, r"45-minute period would need \d+ minutes"),
        (lambda c: section(c, "1. Peter").update(read="before class"), "says where it is read"),
        (lambda c: section(c, "Key points").update(read="at lunch"), "says where it is read"),
        (lambda c: c["core_exercises"].append("01-nope"), "unknown or listed twice"),
        (lambda c: c["extended_exercises"].append(c["core_exercises"][0]), "listed twice"),
        (lambda c: c.update(discussion=c["discussion"][:4]), "at least 5"),
    ],
)
def test_a_guide_file_that_does_not_fit_its_lesson_is_refused(change, problem):
    stem = "01_empires_and_mistrust"
    notebook = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
    reading = guide.reading_minutes(notebook)
    kinds = {entry["id"]: guide.exercise_cost(entry) for entry in guide.read_questions(ROOT, stem)}
    guide.validate(stem, guide.read_content(ROOT, stem), reading, kinds)
    with pytest.raises(guide.GuideError, match=problem):
        guide.validate(stem, content_with(stem, change), reading, kinds)


def test_a_guide_file_can_give_an_exercise_more_minutes_than_its_kind_but_never_fewer():
    entries = [{"id": "a", "kind": "classify"}, {"id": "b", "kind": "single"}]
    assert guide.class_costs({}, entries) == {"a": 3, "b": 2}  # by kind, as the table says
    assert guide.class_costs({"exercise_minutes": {"a": 6}}, entries) == {"a": 6, "b": 2}
    with pytest.raises(guide.GuideError, match="'b' is unknown or below"):
        guide.class_costs({"exercise_minutes": {"b": 1}}, entries)
    with pytest.raises(guide.GuideError, match="'z' is unknown"):
        guide.class_costs({"exercise_minutes": {"z": 4}}, entries)


def test_an_exercise_costs_minutes_by_its_kind_and_a_long_answer_by_its_length():
    assert guide.exercise_cost({"kind": "single"}) == 2
    assert guide.exercise_cost({"kind": "data"}) == 6
    assert guide.exercise_cost({"kind": "writing", "min_words": 30}) == 6
    assert guide.exercise_cost({"kind": "writing", "min_words": 120}) == 12  # 10 words a minute


def test_homework_exercises_join_the_after_class_line():
    content = {
        "sections": [{"heading": "A", "minutes": 4, "route": "core", "read": "after class"}],
        "homework_exercises": ["01-skobelev-justify"],
    }
    (line,) = guide.homework("01_empires_and_mistrust", content, {"01-skobelev-justify": 6},
                             "after class")  # fmt: skip
    assert line == (
        "- **After class** (about 10 min, at home; *optional* boxes can wait): A. Then do the "
        "second question of part 6"
        " *Source analysis: a general's words after Geok Tepe* in the workbook."
    )  # 4 minutes of reading + 6 of writing


def test_reading_time_counts_visible_words_and_outputs_by_hand():
    words = " ".join(["word"] * 300)  # 2 minutes at 150 words a minute
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell(f"## A\n\n*Core route · about 9 min*\n\n{words}"),
        nbformat.v4.new_markdown_cell(f"*Figure: x*\n\n<details>{words}</details>"),  # 2 words
        nbformat.v4.new_code_cell(outputs=[
            nbformat.v4.new_output("display_data", {"image/png": ""}),  # 1 minute
            nbformat.v4.new_output("display_data", {WIDGET: {}}),  # 2 minutes
        ]),
        nbformat.v4.new_markdown_cell("## B\n\nfive words in this section"),
    ]  # fmt: skip
    reading = guide.reading_minutes(notebook)
    assert reading["A"] == pytest.approx(5 + 2 / 150) and reading["B"] == pytest.approx(5 / 150)


def test_routes_add_up_by_hand():
    content = {
        "sections": [
            {"heading": "A", "minutes": 30, "route": "core", "read": "in class"},
            {"heading": "B", "minutes": 6, "route": "core", "read": "before class"},
            {"heading": "C", "minutes": 4, "route": "core", "read": "after class"},
            {"heading": "D", "minutes": 25, "route": "deep"},
        ],
        "core_exercises": ["01-article-6-source", "01-ultimatum-1911"],
    }
    kinds = {"01-article-6-source": 3, "01-ultimatum-1911": 2, "x": 6}
    summary = guide.routes_summary("01_empires_and_mistrust", content, kinds)
    # 5 to open + 30 in class + 3 (classify) + 2 (single) + 5 to discuss; 65 of sections + 11
    assert (
        "(about 45 min): open the lesson and start it running (5 min)" in summary
        and "(about 76 min" in summary
    )
    assert (
        "read the introduction and the other sections marked *in class*, leaving boxes marked"
        " *optional* for later (30 min)" in summary
    )
    assert (
        "do part 3 *The ultimatum of 1911* and the first question of part 5 *Source"
        " analysis: Article 6 of the 1921 treaty* in the workbook,"
        " `exercises/01_empires_and_mistrust.ipynb` (5 min)"
    ) in summary
    assert "(5 min); discuss (5 min)." in summary
    assert "**Before class** (about 6 min, at home; *optional* boxes can wait): B." in summary
    assert "**After class** (about 4 min, at home; *optional* boxes can wait): C." in summary
    lines = summary.splitlines()
    assert lines[1].startswith("- **Before class**") and lines[3].startswith("- **After class**")


@pytest.mark.parametrize("stem", STEMS)
def test_exercise_ids_named_in_a_guide_file_exist(stem):
    ids = {entry["id"] for entry in guide.read_questions(ROOT, stem)}
    text = (ROOT / "instructors" / "content" / f"{stem}.yaml").read_text("utf-8")
    named = set(re.findall(r"\b0[0-7]-[a-z0-9-]*[a-z0-9]\b", text))
    assert named <= ids, sorted(named - ids)


def test_a_guide_page_shows_its_notes_before_you_teach():
    pages = {path.name: text for path, text in guide.build(ROOT).items()}
    for stem in STEMS:
        notes = guide.read_content(ROOT, stem).get("before_you_teach", [])
        page = pages[f"{stem}.md"]
        assert ("## Before you teach" in page) == bool(notes), stem
        for note in notes:
            assert guide.one_line(note) in page, stem
    assert "## Before you teach" in pages["05_the_reversal.md"]  # the war of 2026 boxes


def test_the_answer_key_gives_each_questions_number_on_the_paper_sheet():
    page = (ROOT / "instructors" / "03_wary_partners.md").read_text(encoding="utf-8")
    key = page.split("\n## Answer key", 1)[1]
    rows = {
        row.split(" | ")[0].strip("| `"): row for row in key.splitlines() if row.startswith("| `")
    }
    # Numbered by hand from workbook 03: §5 asks 03-makarov-source (5), 03-makarov-justify (6,
    # writing, so not in the key) and 03-whose-view (7); §6 asks 03-pledge-effect (8).
    assert rows["03-whose-view"].endswith("| 7 |")
    assert rows["03-pledge-effect"].endswith("| 8 |")
    assert rows["03-gore-chernomyrdin"].endswith("|  |")  # asked in the lesson only


def test_route_line_says_where_a_core_section_is_read():
    in_class = {"route": "core", "minutes": 6, "read": "in class"}
    at_home = {"route": "core", "minutes": 12, "read": "before class"}
    reference = {"route": "core", "minutes": 0, "read": "in class"}
    deep = {"route": "deep", "minutes": 4}
    assert guide.route_line(in_class) == "*Core route · about 6 min · in class*"
    assert guide.route_line(at_home) == "*Core route · about 12 min · read before class*"
    assert guide.route_line(reference) == "*Core route · for reference*"
    assert guide.route_line(deep) == "*Deep dive · about 4 min*"
