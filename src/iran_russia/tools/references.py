"""Number each lesson's citations and write its list of sources (`make references`).

    python -m iran_russia.tools.references notebooks/*.ipynb notebooks/glossary.md

Every citation in the text, written [`source-id`] or already numbered, becomes numbered notes,
[[3](#ref-source-id)], numbered in the order the notebook first cites each source. The list
between the markers of the notebook's "## Sources" cell is rewritten from the same citations,
each entry with an anchor the notes link to, so notes and list always agree. A notebook that
cites sources but has no Sources cell gets one at its end. A Markdown file (the glossary) is
treated as a notebook of one cell.
"""

import re
import sys
from pathlib import Path

import nbformat

from iran_russia.data import DataError, load
from iran_russia.references import CITATION, cited_in_text, ids_in

BEGIN = "<!-- BEGIN REFERENCES: written by `make references` from the citations above -->"
END = "<!-- END REFERENCES -->"
LIST = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
SOURCES_CELL = (
    "## Sources\n\n*Deep dive · for reference*\n\n"
    "Every source this page cites, numbered in the order the text first cites it; each "
    "number in the text links to its entry here.\n\n"
)
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#|])")


def escaped(text: object) -> str:
    """Text from the data, safe to put in markdown: its special characters shown as typed."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", str(text).strip())


def entry(number: int, source) -> str:
    """One line of the list: anchor, number, author, title, publisher, date and links."""
    parts = [escaped(source.author) + "," if str(source.author).strip() else ""]
    parts.append(f"*{escaped(source.title)}*.")
    where = ", ".join(escaped(v) for v in (source.publisher, source.date) if str(v).strip())
    parts.append(f"{where}." if where else "")
    if str(source.url).strip():
        parts.append(f"<{source.url}>")
    if str(source.archive_url).strip():
        parts.append(f"(archived copy: <{source.archive_url}>)")
    text = " ".join(part for part in parts if part)
    return f'- <a id="ref-{source.source_id}"></a>[{number}] {text}'


def numbered(citation: str, numbers: dict[str, int]) -> str:
    """A citation as numbered notes linking to the list."""
    notes = ", ".join(f"[{numbers[i]}](#ref-{i})" for i in ids_in(citation))
    return f"[{notes}]"


def renumbered(notebook) -> bool:
    """Number the notebook's citations and rewrite its list; True if it cites anything."""
    cells = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
    text = "\n".join(LIST.sub("", cell.source) for cell in cells)
    order = cited_in_text(text)
    if not order:
        return False
    sources = load("sources").fillna("").set_index("source_id", drop=False)
    unknown = [i for i in order if i not in sources.index]
    if unknown:
        raise DataError(f"There is no source {unknown[0]!r} in sources.csv.")
    numbers = {source_id: n for n, source_id in enumerate(order, start=1)}
    for cell in cells:
        cell.source = CITATION.sub(lambda match: numbered(match.group(0), numbers), cell.source)
    listing = "\n".join(entry(n, sources.loc[i]) for i, n in numbers.items())
    block = f"{BEGIN}\n{listing}\n{END}"
    holders = [cell for cell in cells if LIST.search(cell.source)]
    if holders:
        holders[0].source = LIST.sub(lambda _match: block, holders[0].source)
    else:
        notebook.cells.append(nbformat.v4.new_markdown_cell(SOURCES_CELL + block))
    return True


def read(path: Path):
    """A notebook, or a Markdown file as a notebook of one markdown cell."""
    if path.suffix == ".md":
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(path.read_text())])
    return nbformat.read(path, as_version=4)


def write(notebook, path: Path) -> None:
    """Store `notebook` back where `read` found it."""
    if path.suffix == ".md":
        path.write_text("\n\n".join(cell.source for cell in notebook.cells).rstrip() + "\n")
    else:
        nbformat.write(notebook, path)


def main(paths: list[str]) -> int:
    for path in map(Path, paths):
        notebook = read(path)
        before = nbformat.writes(notebook)
        try:
            changed = renumbered(notebook) and nbformat.writes(notebook) != before
        except DataError as problem:
            print(f"{path}: {problem}")
            return 1
        if changed:
            write(notebook, path)
            print(f"{path}: citations numbered")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
