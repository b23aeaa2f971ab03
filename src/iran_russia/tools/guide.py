"""The instructor guide and the lessons' route marks, generated from one source each.

    python -m iran_russia.tools.guide          # write instructors/NN_*.md and mark the lessons
    python -m iran_russia.tools.guide --check  # exit 1 if anything written would change

A teacher's notes for a lesson live in instructors/content/NN_name.yaml: each section's minutes
and route (core = the 45-minute route, deep = a deep dive; a core section is read `in class`,
`before class` or `after class`, the last two as homework), the exercises done in class, the
discussion questions and the common misconceptions. The minutes are checked against what the
lesson holds: no section may claim less than its reading time (its visible words at
READING_SPEED, plus its figures, widgets and printed tables), and a period must hold
SETUP_MINUTES, the core sections read in class, the class exercises (at the minutes their costs
take) and DISCUSSION_MINUTES. The objectives and key points come from the lesson notebook, and
the answer key and the writing rubric from data/questions/NN_name.yaml, so nothing is typed
twice. The lesson notebooks get a route line under every section heading and a summary of the
routes under "Estimated time" (or at the end of the opening cell).
"""

import math
import re
import sys
from pathlib import Path

import nbformat
import yaml

from iran_russia.exercises.questions import find
from iran_russia.paths import project_root
from iran_russia.tools.workbooks import sections

PERIOD = 45  # minutes in a class period
SETUP_MINUTES = 5  # opening the lesson: logging in, starting Binder or the kernel
DISCUSSION_MINUTES = 5  # the teacher's debrief: a discussion question or the exercises' answers
READING_SPEED = 150  # words a minute: an upper-secondary student reading expository prose
OUTPUT_MINUTES = {"figure": 1, "widget": 2, "table": 0.5}  # to look at one output of each kind
EXERCISE_MINUTES = {"single": 2, "multiple": 3, "order": 3, "match": 3, "classify": 3,
                    "numeric": 3, "data": 6, "writing": 6}  # fmt: skip
WRITING_SPEED = 10  # words a minute for a student drafting a written answer
READS = ("in class", "before class", "after class")  # where a core section is read
REFERENCE = {"Sources"}  # sections looked up, not read
WORD = re.compile(r"[^\W_]+(?:['’–-][^\W_]+)*")
FIGURE_TEXT = re.compile(r"<details>.*?</details>", re.S)  # text alternatives, folded away
ROUTE_LINE = re.compile(r"^\*(Core route|Deep dive) · .*\*$")
ROUTES_BLOCK = "**Routes.**"
HEADING = re.compile(r"^## (.+)$")
LESSON_LINK = re.compile(r"\]\((glossary\.md[^)]*)\)")
SECTION_NAMES = {"objectives": "Learning objectives", "key points": "Key points"}


class GuideError(ValueError):
    """A guide file disagrees with its lesson or question file; the message says where."""


def lesson_stems(root: Path) -> list[str]:
    return sorted(path.stem for path in (root / "instructors" / "content").glob("*.yaml"))


def read_content(root: Path, stem: str) -> dict:
    return yaml.safe_load((root / "instructors" / "content" / f"{stem}.yaml").read_text("utf-8"))


def read_questions(root: Path, stem: str) -> list[dict]:
    path = root / "data" / "questions" / f"{stem}.yaml"
    return yaml.safe_load(path.read_text("utf-8"))["questions"]


def markdown_sections(notebook) -> dict[str, int]:
    """Each '## ' section of a notebook's markdown: heading -> its text (route line removed),
    with links to files beside the lesson made to work from instructors/."""
    sections, current = {}, None
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            match = HEADING.match(line)
            if match:
                current = match.group(1).strip()
                sections[current] = ""
            elif current is not None and not ROUTE_LINE.match(line):
                sections[current] += LESSON_LINK.sub(r"](../notebooks/\1)", line) + "\n"
    return sections


def output_kind(output) -> str:
    """What a student looks at in a code cell's output: a figure, a widget or a table/text."""
    data = output.get("data", {})
    if "image/png" in data:
        return "figure"
    return "widget" if "application/vnd.jupyter.widget-view+json" in data else "table"


def reading_minutes(notebook) -> dict[str, float]:
    """Each '## ' section's reading time: its visible words at READING_SPEED, plus
    OUTPUT_MINUTES for each output of its code cells."""
    load, current = {}, None
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in FIGURE_TEXT.sub("", cell.source).splitlines():
                match = HEADING.match(line)
                if match:
                    current = match.group(1).strip()
                    load[current] = 0.0
                elif current is not None and not ROUTE_LINE.match(line):
                    load[current] += len(WORD.findall(line)) / READING_SPEED
        elif current is not None:
            load[current] += sum(OUTPUT_MINUTES[output_kind(o)] for o in cell.get("outputs", []))
    return load


def minutes(sections: list[dict], route: str | None = None, read: str | None = None) -> int:
    """Minutes of the sections on `route` that are read `read` ('in class', 'before class' or
    'after class'); None means any."""
    return sum(
        s["minutes"]
        for s in sections
        if route in (None, s["route"]) and read in (None, s.get("read"))
    )


def exercise_cost(entry: dict) -> int:
    """Minutes a question takes in class: by its kind, and for a written answer at least its
    minimum length at WRITING_SPEED."""
    minimum = math.ceil(entry.get("min_words", 0) / WRITING_SPEED)
    return max(EXERCISE_MINUTES[entry["kind"]], minimum if entry["kind"] == "writing" else 0)


def class_costs(content: dict, entries: list[dict]) -> dict[str, int]:
    """Minutes per exercise: by kind (exercise_cost), raised where the guide file's
    `exercise_minutes` says an exercise needs longer (e.g. passages to read first)."""
    costs = {entry["id"]: exercise_cost(entry) for entry in entries}
    for ident, more in content.get("exercise_minutes", {}).items():
        if ident not in costs or more < costs[ident]:
            raise GuideError(
                f"exercise_minutes: {ident!r} is unknown or below its kind's "
                f"{costs.get(ident)} min."
            )
        costs[ident] = more
    return costs


def exercise_minutes(ids: list[str], costs: dict[str, int]) -> int:
    return sum(costs[i] for i in ids)


def in_class_minutes(content: dict, costs: dict[str, int]) -> int:
    """A 45-minute period's plan: opening, the core sections read in class, the class
    exercises and a debrief."""
    reading = minutes(content["sections"], "core", "in class")
    exercises = exercise_minutes(content["core_exercises"], costs)
    return SETUP_MINUTES + reading + exercises + DISCUSSION_MINUTES


def validate(stem: str, content: dict, reading: dict[str, float], costs: dict[str, int]) -> None:
    """Raise GuideError if the guide file does not fit its lesson and its questions."""
    listed = [section["heading"] for section in content["sections"]]
    if listed != list(reading):
        raise GuideError(f"{stem}: the sections must be the lesson's '## ' headings, in order.")
    for section in content["sections"]:
        if (section["route"] == "core") != (section.get("read") in READS):
            raise GuideError(f"{stem}: '{section['heading']}': a core section says where it is "
                             f"read, one of {READS}; a deep dive does not.")  # fmt: skip
        needed = round(reading[section["heading"]])
        if section["heading"] not in REFERENCE and section["minutes"] < needed:
            raise GuideError(
                f"{stem}: '{section['heading']}' takes about {needed} minutes to read, "
                f"not {section['minutes']}."
            )
    chosen = content["core_exercises"] + content["extended_exercises"] + homework_set(content)
    unknown = sorted(set(chosen) - set(costs))
    if unknown or len(chosen) != len(set(chosen)):
        raise GuideError(f"{stem}: exercises unknown or listed twice: {unknown or chosen}.")
    if in_class_minutes(content, costs) > PERIOD:
        raise GuideError(
            f"{stem}: a {PERIOD}-minute period would need {in_class_minutes(content, costs)} "
            "minutes; set more sections as homework or fewer exercises."
        )
    if len(content["discussion"]) < 5 or len(content["misconceptions"]) < 3:
        raise GuideError(f"{stem}: give at least 5 discussion questions and 3 misconceptions.")


def route_line(section: dict) -> str:
    label = "Core route" if section["route"] == "core" else "Deep dive"
    time = f"about {section['minutes']} min" if section["minutes"] else "for reference"
    read = section.get("read")
    if read and read != "in class":
        where = f" · read {read}"
    else:
        where = " · in class" if read and section["minutes"] else ""
    return f"*{label} · {time}{where}*"


ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]


def workbook_places(stem: str, ids: list[str]) -> list[str]:
    """Where the exercises of `ids` sit in the workbook, as a student finds them, in its order:
    "part 3 *The 2001 treaty*", or "the second question of part 5 *Reading a source*" when that
    part asks other questions too. "Part", not "§", so that the numbers are not taken for the
    lesson's own sections."""
    workbook = nbformat.read(project_root() / "solutions" / f"{stem}.ipynb", as_version=4)
    places = []
    for title, asked in sections(workbook):
        chosen = [asked.index(i) for i in asked if i in ids]
        number, _, name = title.partition(". ")
        place = f"part {number} *{name}*" if number.isdigit() else f"*{title}*"
        if len(chosen) == len(asked):
            places.append(place)
        elif chosen:
            which = listing([ORDINALS[position] for position in chosen])
            places.append(f"the {which} question{'s' if len(chosen) > 1 else ''} of {place}")
    return places


def sheet_numbers(stem: str) -> dict[str, int]:
    """Each workbook question's number on the paper question sheet, which numbers them in the
    workbook's order."""
    workbook = nbformat.read(project_root() / "solutions" / f"{stem}.ipynb", as_version=4)
    asked = [i for _title, ids in sections(workbook) for i in ids]
    return {question_id: number for number, question_id in enumerate(asked, start=1)}


def listing(items: list[str]) -> str:
    """Items joined as in a sentence: a, b and c."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def homework_set(content: dict) -> list[str]:
    """The exercises set as homework after class (none if the guide file names none)."""
    return content.get("homework_exercises", [])


def homework(stem: str, content: dict, costs: dict[str, int], read: str) -> list[str]:
    """The routes line for the core sections read `read` ('before class' or 'after class'),
    with the homework exercises after class, if there are any."""
    sections = content["sections"]
    listed = "; ".join(s["heading"] for s in sections if s.get("read") == read)
    listed += "" if not listed or listed[-1] in ".?!" else "."
    time = minutes(sections, "core", read)
    if read == "after class" and homework_set(content):
        places = listing(workbook_places(stem, homework_set(content)))
        places += " in the workbook"
        listed += f" Then do {places}." if listed else f"Do {places}."
        time += exercise_minutes(homework_set(content), costs)
    if not listed:
        return []
    return [
        f"- **{read.capitalize()}** (about {time} min, at home; *optional* boxes can wait): "
        f"{listed}"
    ]


def routes_summary(stem: str, content: dict, costs: dict[str, int]) -> str:
    """The lines a lesson shows about its routes."""
    sections = content["sections"]
    in_class = minutes(sections, "core", "in class")
    class_exercises = exercise_minutes(content["core_exercises"], costs)
    everything = minutes(sections) + exercise_minutes(list(costs), costs)
    places = listing(workbook_places(stem, content["core_exercises"]))
    return "\n".join(
        [
            ROUTES_BLOCK,
            *homework(stem, content, costs, "before class"),
            f"- **In a 45-minute period** (about {in_class_minutes(content, costs)} min): open "
            f"the lesson and start it running ({SETUP_MINUTES} min); read the introduction and the "
            f"other sections marked *in class*, leaving boxes marked *optional* for later "
            f"({in_class} min); do {places} "
            f"in the workbook, `exercises/{stem}.ipynb` ({class_exercises} min); discuss "
            f"({DISCUSSION_MINUTES} min).",
            *homework(stem, content, costs, "after class"),
            f"- **On your own** (about {everything} min, in one or more sittings): every "
            "section, the *Deep dive* ones too, and the whole workbook.",
        ]
    )


def marked_source(source: str, routes: dict[str, dict], summary: str, opening: bool) -> str:
    """A markdown cell with route lines under its headings and the routes summary in place."""
    out, skipping = [], False
    for line in source.splitlines():
        match = HEADING.match(line)
        if match:
            skipping = False
        if skipping or ROUTE_LINE.match(line):
            continue
        if line.startswith(ROUTES_BLOCK):
            skipping = True
            continue
        if match and out and out[-1].strip():
            out.append("")
        out.append(line)
        if match and match.group(1).strip() in routes:
            out += ["", route_line(routes[match.group(1).strip()])]
            if match.group(1).strip() == "Estimated time":
                out += ["", summary]
                skipping = True
    if opening:
        while out and not out[-1].strip():
            out.pop()
        out += ["", summary]
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def mark_lesson(notebook, stem: str, content: dict, costs: dict[str, int]) -> None:
    """Put route lines and the routes summary into a lesson notebook, in place."""
    routes = {section["heading"]: section for section in content["sections"]}
    summary = routes_summary(stem, content, costs)
    has_estimate = "Estimated time" in routes
    opening = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown")
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            add_summary = index == opening and not has_estimate
            cell.source = marked_source(cell.source, routes, summary, add_summary)


def right_answer(entry: dict) -> str:
    """The right answer of a question file entry, in words a teacher can mark with."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    kind = entry["kind"]
    if kind == "single":
        return f"{letters[entry['options'].index(entry['answer'])]}. {entry['answer']}"
    if kind == "multiple":
        chosen = [f"{letters[entry['options'].index(a)]}. {a}" for a in entry["answer"]]
        return "; ".join(chosen)
    if kind == "order":
        return " → ".join(entry["items"])
    if kind == "match":
        return "; ".join(f"{pair['left']} → {pair['right']}" for pair in entry["pairs"])
    if kind == "classify":
        return "; ".join(f"{item['text']} → {item['bin']}" for item in entry["items"])
    if kind == "numeric":
        tolerance = entry.get("tolerance", 0)
        return f"{entry['answer']}" + (f" (± {tolerance})" if tolerance else "")
    if kind == "data":
        value = find(entry["id"]).target()
        tolerance = entry.get("tolerance", 0)
        shown = f"{value:g}" + (f" (± {tolerance})" if tolerance else "")
        return f"{shown}, computed from data/ now ({entry['computation']})"
    return "marked with the rubric below"


def one_line(text: object) -> str:
    """Text on one line, safe inside a markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def table(header: list[str], rows: list[list], align: str = "") -> list[str]:
    """Markdown table lines; `align` marks right-aligned columns with 'r' ('lrl')."""
    rule = ["---:" if (align[i : i + 1] == "r") else "---" for i in range(len(header))]
    lines = [f"| {' | '.join(header)} |", f"| {' | '.join(rule)} |"]
    return lines + [f"| {' | '.join(one_line(cell) for cell in row)} |" for row in rows]


def guide_page(title: str, stem: str, content: dict, lesson: dict, entries: list[dict]) -> str:
    """The instructor's page of one lesson, as markdown."""
    sections = content["sections"]
    parts = [
        f"# Instructor's page: {title.removeprefix('# ')}",
        "",
        f"<!-- Generated by `make guide` from instructors/content/{stem}.yaml, the lesson and "
        f"data/questions/{stem}.yaml: edit those, not this page. -->",
        "",
        f"Lesson `notebooks/{stem}.ipynb`, workbook `exercises/{stem}.ipynb`, worked answers "
        f"`solutions/{stem}.ipynb`.",
    ]
    for name, heading in SECTION_NAMES.items():
        if heading in lesson:
            parts += ["", f"## {name.capitalize()} (from the lesson)", "", lesson[heading].strip()]
    costs = class_costs(content, entries)
    summary = routes_summary(stem, content, costs).replace(ROUTES_BLOCK, "").strip()
    parts += ["", "## Routes", "", summary, ""]
    parts += table(
        ["section", "route", "minutes", "read"],
        [
            [
                s["heading"],
                s["route"].replace("deep", "deep dive"),
                s["minutes"],
                s.get("read", ""),
            ]
            for s in sections
        ],
        "llrl",
    )
    for label, key in [
        ("In class (45 minutes)", "core_exercises"),
        ("Homework exercises after class", "homework_exercises"),
        ("Added on your own or in a second period", "extended_exercises"),
    ]:
        chosen = content.get(key, [])
        parts += ["", f"**{label}:** {', '.join(f'`{i}`' for i in chosen) or 'none'}."]
    notes = content.get("before_you_teach", [])
    if notes:
        parts += ["", "## Before you teach", ""] + [f"- {one_line(note)}" for note in notes]
    parts += ["", "## Discussion questions", ""]
    for number, item in enumerate(content["discussion"], start=1):
        parts += [f"{number}. **{one_line(item['question'])}**", ""]
        parts += [f"   *What good answers contain:* {one_line(item['good_answers'])}", ""]
    parts += ["## Common misconceptions", ""]
    for item in content["misconceptions"]:
        parts += [f"- **{one_line(item['misconception'])}** {one_line(item['evidence'])}"]
    for entry in (e for e in entries if e["kind"] == "writing"):
        total = sum(row["points"] for row in entry["rubric"])
        parts += ["", f"## Writing task `{entry['id']}`: rubric ({total} points)", ""]
        parts += [one_line(entry["prompt"]), ""]
        parts += table(
            ["criterion", "points", "what a top answer does"],
            [[row["criterion"], row["points"], row["top"]] for row in entry["rubric"]],
            "lrl",
        )
    on_sheet = sheet_numbers(stem)
    parts += ["", "## Answer key", ""]
    parts += [
        "The last column gives each question's number on the workbook's question sheet for paper "
        "(`make site`); a question asked only in the lesson has none.",
        "",
    ]
    parts += table(
        ["exercise", "kind", "right answer", "why", "question sheet"],
        [
            [
                f"`{e['id']}`",
                e["kind"],
                right_answer(e),
                e["explanation"],
                on_sheet.get(e["id"], ""),
            ]
            for e in entries
            if e["kind"] != "writing"
        ],
        "llllr",
    )
    return "\n".join(parts).rstrip() + "\n"


def build(root: Path) -> dict[Path, str]:
    """Every file the guide writes, with its new text: guide pages and marked lessons."""
    written = {}
    for stem in lesson_stems(root):
        content = read_content(root, stem)
        entries = read_questions(root, stem)
        path = root / "notebooks" / f"{stem}.ipynb"
        notebook = nbformat.read(path, as_version=4)
        lesson_sections = markdown_sections(notebook)
        costs = class_costs(content, entries)
        validate(stem, content, reading_minutes(notebook), costs)
        mark_lesson(notebook, stem, content, costs)
        written[path] = nbformat.writes(notebook) + "\n"
        title = next(
            line
            for c in notebook.cells
            for line in c.source.splitlines()
            if c.cell_type == "markdown" and line.startswith("# ")
        )
        page = guide_page(title, stem, content, lesson_sections, entries)
        written[root / "instructors" / f"{stem}.md"] = page
    return written


def main(arguments: list[str]) -> int:
    root = project_root()
    try:
        written = build(root)
    except GuideError as problem:
        print(problem)
        return 1
    changed = [
        path
        for path, text in written.items()
        if not path.exists() or path.read_text("utf-8") != text
    ]
    if "--check" in arguments:
        for path in changed:
            print(f"{path.relative_to(root)} is out of date: run make guide.")
        return 1 if changed else 0
    for path in changed:
        path.write_text(written[path], encoding="utf-8")
        print(f"wrote {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
