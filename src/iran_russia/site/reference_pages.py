"""The site's own pages: the home page (the series' question and its lesson map) and one page
per data table listing the works its rows cite."""

import csv
import re
from html import escape
from pathlib import Path

from nbconvert.filters import markdown2html_mistune

from iran_russia.site.pages import Body, finished

LESSON_ROW = re.compile(r"^\| `(?P<stem>\d\d_\w+)` \| (?P<covers>.+?) \|$", re.M)
CITING_COLUMNS = ("source_ids", "source_id")


def readme_parts(root: Path) -> tuple[str, dict[str, str]]:
    """The README's opening paragraphs (after the badge) and what each lesson covers."""
    readme = (root / "README.md").read_text(encoding="utf-8")
    opening = readme.split("\n## ", 1)[0].split("\n", 1)[1]
    opening = "\n".join(line for line in opening.splitlines() if not line.startswith("[!["))
    return opening.strip(), {m["stem"]: m["covers"] for m in LESSON_ROW.finditer(readme)}


def home_body(root: Path, title: str, lessons: list[dict], run_links: str) -> Body:
    """The home page: the question, the lessons with their workbooks and PDFs, how to run it."""
    opening, covers = readme_parts(root)
    rows = "".join(
        f'<tr><td><a href="{escape(lesson["href"])}">{escape(lesson["title"])}</a></td>'
        f"<td>{escape(covers.get(lesson['stem'], ''))}</td>"
        f'<td><a href="{escape(lesson["workbook"])}">workbook</a></td>'
        f'<td><a href="{escape(lesson["pdf"])}">lesson</a>, '
        f'<a href="{escape(lesson["workbook_pdf"])}">workbook</a></td></tr>'
        for lesson in lessons
    )
    html = (
        f'<h1 id="top">{escape(title)}</h1>{markdown2html_mistune(opening)}'
        '<h2 id="lessons">The lessons</h2>'
        "<p>Each lesson fits a 45-minute period on its core route; each has a student workbook. "
        "Read them here, print them as PDFs, or run them.</p>"
        '<table><thead><tr><th scope="col">lesson</th><th scope="col">what it covers</th>'
        '<th scope="col">exercises</th><th scope="col">PDF</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        '<h2 id="run">Run the lessons</h2>'
        "<p>These pages are a reading copy: figures and tables are here, but the explorers and "
        f"exercises only work in JupyterLab. {run_links}</p>"
        "<p>On your own computer, with Python 3.11 or newer and <code>make</code>, "
        "<code>make lab</code> in a copy of the repository opens the series in JupyterLab.</p>"
    )
    return finished(html)


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def citing_tables(data: Path) -> dict[str, list[dict]]:
    """Each table whose rows cite sources, with its rows."""
    tables = {}
    for path in sorted(data.glob("*.csv")):
        rows = read_rows(path)
        if path.stem != "sources" and rows and any(c in rows[0] for c in CITING_COLUMNS):
            tables[path.stem] = rows
    return tables


def citations(rows: list[dict]) -> dict[str, list[str]]:
    """source id -> ids of the rows citing it, in the table's order."""
    cited: dict[str, list[str]] = {}
    for row in rows:
        row_id = next(iter(row.values()))
        ids = next(row[c] for c in CITING_COLUMNS if c in row)
        for source_id in filter(None, (s.strip() for s in ids.split(";"))):
            cited.setdefault(source_id, []).append(row_id)
    return cited


def source_item(source: dict, row_ids: list[str]) -> str:
    """One work, cited as a reader would cite it, with the rows that rest on it."""
    parts = [escape(source["author"]) + "," if source["author"] else ""]
    parts.append(f"<cite>{escape(source['title'])}</cite>.")
    parts.append(", ".join(escape(v) for v in (source["publisher"], source["date"]) if v) + ".")
    if source["url"]:
        parts.append(f'<a href="{escape(source["url"])}">{escape(source["url"])}</a>.')
    if source["archive_url"]:
        parts.append(f'<a href="{escape(source["archive_url"])}">Archived copy</a>.')
    shown = ", ".join(row_ids[:12]) + (
        f" and {len(row_ids) - 12} more" if len(row_ids) > 12 else ""
    )
    return (
        f'<li id="{escape(source["source_id"])}">{" ".join(p for p in parts if p)} '
        f'<span class="kind">Kind: {escape(source["kind"])}.</span> '
        f"Cited by {escape(shown)}.</li>"
    )


def sources_body(table: str, rows: list[dict], sources: dict[str, dict]) -> Body:
    """The works the rows of `table` cite, by author and title."""
    cited = citations(rows)
    works = sorted(cited, key=lambda s: (sources[s]["author"].lower(), sources[s]["title"].lower()))
    items = "".join(source_item(sources[s], cited[s]) for s in works if s in sources)
    html = (
        f'<h1 id="top">Sources of the <code>{escape(table)}</code> table</h1>'
        f"<p>The {len(rows)} rows of <code>data/{escape(table)}.csv</code> cite "
        f"{len(works)} works. Each is listed once, with the ids of the rows that rest on it "
        "and its kind (scholarly, official, research, news, encyclopedia, state media, dataset "
        "or seed article).</p>"
        f'<ol class="source-list">{items}</ol>'
    )
    return finished(html)
