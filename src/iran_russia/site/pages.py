"""Turn notebooks and Markdown files into page bodies: figures get alt text, widgets a note.

A static page cannot run a widget, so each interactive output becomes a short note that says
what it does and links to the live notebook; an exercise shows its question and its choices in
the order students see them, never its answer.
"""

import copy
import re
from dataclasses import dataclass
from html import escape

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html_mistune

from iran_russia.exercises.questions import find

WIDGET = "application/vnd.jupyter.widget-view+json"
FIGURE_LINE = re.compile(r"^\*Figure:\s*(?P<text>.*?)\*(?:\n\n|\s*$)", re.S)
IN_WORDS = re.compile(r"<details>\s*<summary>[^<]*</summary>(?P<text>.*?)</details>", re.S)
EXERCISE_CALL = re.compile(r'exercise\("(?P<id>[^"]+)"\)')


@dataclass
class Body:
    """A page's main content: its top heading, its HTML and its headings for the contents list."""

    title: str
    html: str
    headings: list[tuple[int, str, str]]  # (level, id, text)


def plain(markdown: str) -> str:
    """Markdown as plain text, for alt text and search: no emphasis marks, links as their text."""
    text = BeautifulSoup(markdown2html_mistune(markdown), "html.parser").get_text(" ")
    return re.sub(r"\s+", " ", text).strip()


def figure_text(cell) -> str | None:
    """What a lesson writes under a figure for a reader who cannot see it: the figure in words
    (the `<details>` block after the one-line description), else that one line; None if the
    cell describes no figure."""
    if cell.cell_type != "markdown":
        return None
    match = FIGURE_LINE.match(cell.source.strip())
    if not match:
        return None
    in_words = IN_WORDS.search(cell.source)
    return plain(in_words["text"] if in_words else match["text"])


def choices_of(question) -> list[tuple[str, list[str]]]:
    """What a student picks from, as (heading, labelled texts), in the order the panel shows."""
    match question.kind:
        case "single" | "multiple":
            return [("Options", [label for label, _ in question.options.labelled()])]
        case "order":
            return [("Put in order", [label for label, _ in question.items.labelled()])]
        case "match":
            return [
                ("Items", question.items.texts),
                ("Match each with", [label for label, _ in question.choices.labelled()]),
            ]
        case "classify":
            return [("Items", question.items.texts), ("Groups", question.choices.texts)]
        case _:
            return []


def exercise_html(question_id: str) -> str:
    """An exercise's prompt and choices (never its answer, hint or explanation), as HTML."""
    question = find(question_id)
    parts = [markdown2html_mistune(question.prompt)]
    for heading, texts in choices_of(question):
        items = "".join(f"<li>{escape(text)}</li>" for text in texts)
        parts.append(f"<p>{escape(heading)}:</p><ul>{items}</ul>")
    return "".join(parts)


def widget_note(source: str, fallback: str, links: str) -> str:
    """The note that stands in for a widget on a static page."""
    name = fallback.split(":", 1)[0].strip() or "This panel"
    call = EXERCISE_CALL.search(source)
    details = exercise_html(call["id"]) if call else ""
    return (
        f'<aside class="live-only" aria-label="{escape(name)}">'
        f"<p><strong>{escape(name)}</strong> is interactive: it works when the notebook runs "
        f"in JupyterLab. {links}</p>{details}</aside>"
    )


def prepared(notebook, links: str):
    """A copy of `notebook` ready for a static page: alt text on figures, notes for widgets."""
    notebook = copy.deepcopy(notebook)
    cells = notebook.cells
    for index, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        following = figure_text(cells[index + 1]) if index + 1 < len(cells) else None
        outputs = []
        for output in cell.outputs:
            data = output.get("data", {})
            if WIDGET in data:
                note = widget_note(cell.source, data.get("text/plain", ""), links)
                output = nbformat.v4.new_output("display_data", data={"text/html": note})
            elif "image/png" in data and following:
                output.setdefault("metadata", {}).setdefault("image/png", {})["alt"] = following
            outputs.append(output)
        cell.outputs = outputs
    return notebook


def exporter() -> HTMLExporter:
    """nbconvert's body-only HTML, without prompts and without anything fetched from the web."""
    return HTMLExporter(
        template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True
    )


def finished(html: str) -> Body:
    """Headings collected; scrollable outputs made reachable by keyboard; one top heading."""
    soup = BeautifulSoup(html, "html.parser")
    for table in soup.find_all("table"):
        box = soup.new_tag("div", attrs={"class": "wide", "tabindex": "0", "role": "region"})
        box["aria-label"] = "table (scrolls sideways)"
        table.wrap(box)
    headings = [
        (int(tag.name[1]), tag.get("id", ""), tag.get_text(" ", strip=True).rstrip("¶").strip())
        for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]
    titles = [text for level, _id, text in headings if level == 1]
    return Body(title=titles[0] if titles else "", html=str(soup), headings=headings)


def notebook_body(path, links: str) -> Body:
    """A notebook as a page body."""
    notebook = prepared(nbformat.read(path, as_version=4), links)
    html, _resources = exporter().from_notebook_node(notebook)
    return finished(html)


def markdown_body(text: str) -> Body:
    """Markdown as a page body, with headings anchored the way the lessons' are."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)])
    html, _resources = exporter().from_notebook_node(notebook)
    return finished(html)
