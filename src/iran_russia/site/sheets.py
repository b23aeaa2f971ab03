"""Question sheets for paper: a workbook's exercises in its order, each with room to answer.

A teacher who prints a sheet hands out every question of the workbook (its prompt and its choices,
as the panels show them) and nothing else: no code, no answer, hint or explanation. Writing tasks
keep their rubric, which students see in the panel too; data tasks say they need the notebook.
"""

from html import escape

import nbformat
from nbconvert.filters import markdown2html_mistune

from iran_russia.exercises.questions import find
from iran_russia.site.pages import Body, choices_of, finished
from iran_russia.tools.workbooks import sections

WORDS_PER_LINE = 12


def blank(label: str) -> str:
    return f'<p class="blank">{escape(label)}: <span class="line"></span></p>'


def table_to_fill(rows: list[str], heading: str) -> str:
    """A two-column table: each item, and an empty cell for the student's answer."""
    body = "".join(f"<tr><td>{escape(row)}</td><td></td></tr>" for row in rows)
    return (
        f'<table class="to-fill"><thead><tr><th>Item</th><th>{escape(heading)}</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def rubric_table(rubric: list[dict]) -> str:
    rows = "".join(
        f"<tr><td>{escape(line['criterion'])}</td><td>{line['points']}</td>"
        f"<td>{escape(line['top'])}</td></tr>"
        for line in rubric
    )
    return (
        "<table><thead><tr><th>The marker looks for</th><th>Points</th>"
        f"<th>Full marks</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def answer_space(question) -> str:
    """Where a student writes the answer on paper, shaped by the kind of question."""
    match question.kind:
        case "single":
            return blank("Your answer (one letter)")
        case "multiple":
            return blank("Your answer (every letter that applies)")
        case "order":
            return blank("Your order (letters, first to last)")
        case "match":
            return table_to_fill(question.items.texts, "Letter")
        case "classify":
            return table_to_fill(question.items.texts, "Group")
        case "numeric":
            return blank("Your answer (a number)")
        case "data":
            return (
                "<p><em>This task needs the data: compute it in the workbook notebook, "
                "then write the number here.</em></p>" + blank("Your answer")
            )
        case "writing":
            lines = '<p class="blank"><span class="line"></span></p>' * (
                question.min_words // WORDS_PER_LINE + 2
            )
            return (
                f"<p>Write at least {question.min_words} words.</p>"
                f"{rubric_table(question.rubric)}{lines}"
            )
    raise ValueError(f"no answer space for questions of kind {question.kind!r}")


def question_html(number: int, question_id: str) -> str:
    """One numbered question: its prompt, its choices in the panel's order, its answer space."""
    question = find(question_id)
    parts = [f'<section class="sheet-question"><h3>Question {number}</h3>']
    parts.append(markdown2html_mistune(question.prompt))
    for heading, texts in choices_of(question):
        if heading == "Items":  # the table to fill in lists them
            continue
        items = "".join(f"<li>{escape(text)}</li>" for text in texts)
        parts.append(f"<p>{escape(heading)}:</p><ul>{items}</ul>")
    parts.append(answer_space(question))
    return "".join(parts) + "</section>"


def sheet_body(path, title: str) -> Body:
    """The question sheet of the workbook at `path`, whose page is titled `title`."""
    notebook = nbformat.read(path, as_version=4)
    parts = [
        f"<h1>{escape(title)}</h1>",
        "<p>The workbook's questions for paper, in its order, with room to answer. "
        "The workbook notebook checks the same questions and keeps your answers.</p>",
    ]
    number = 0
    for index, (section, ids) in enumerate(sections(notebook), start=1):
        parts.append(f'<h2 id="section-{index}">{escape(section)}</h2>')
        for question_id in ids:
            number += 1
            parts.append(question_html(number, question_id))
    return finished("".join(parts))
