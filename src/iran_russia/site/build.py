"""Build the reading copy into build/site/: pages, search index and PDFs, from committed files."""

import argparse
import re
import shutil
import sys
import time
from html import escape
from pathlib import Path

from iran_russia.paths import project_root
from iran_russia.site import launch
from iran_russia.site.pages import markdown_body, notebook_body
from iran_russia.site.pdf import CHROMIUM, print_pages
from iran_russia.site.reference_pages import citing_tables, home_body, read_rows, sources_body
from iran_russia.site.render import Page, write_site
from iran_russia.site.sheets import sheet_body

HUB_HELP = "guide.html#On-a-JupyterHub-with-nbgitpuller"
ANSWER_KEY = re.compile(r"^## Answer key\b.*?(?=^## |\Z)", re.M | re.S)


def without_answer_key(markdown: str) -> str:
    """An instructor's page as the public site shows it: the answer key stays in the repository."""
    note = (
        "## Answer key\n\nThe answer key is not published on this site; it is in the "
        "repository's `instructors/` folder.\n\n"
    )
    return ANSWER_KEY.sub(note, markdown)


def run_links(repository: str, hub: str | None, notebook: str) -> str:
    """HTML links that open `notebook` on Binder and on a JupyterHub."""
    binder = launch.binder_url(repository, notebook)
    if hub:
        address = escape(launch.hub_url(hub, repository, notebook))
        hub_link = f'<a href="{address}">on your JupyterHub</a>'
    else:
        hub_link = f'<a href="{HUB_HELP}">on a JupyterHub (how to make the link)</a>'
    return f'Open it <a href="{escape(binder)}">on Binder</a> or {hub_link}.'


def notebook_pages(
    root: Path, folder: str, prefix: str, repository: str, hub: str | None
) -> list[Page]:
    """One page per notebook of `folder`, with its launch links and its PDF."""
    pages = []
    for path in sorted((root / folder).glob("*.ipynb")):
        notebook = f"{folder}/{path.name}"
        links = run_links(repository, hub, notebook)
        pdf = f"pdf/{prefix}{path.stem}.pdf"
        body = notebook_body(path, links)
        pages.append(
            Page(
                href=f"{prefix}{path.stem}.html",
                nav_text=body.title,
                body=body,
                source=notebook,
                launch=f'{links} <a href="{pdf}">PDF for printing</a>.',
                pdf=pdf,
            )
        )
    for page in pages:
        page.sequence = pages
    return pages


def sheet_page(root: Path, workbook: Page) -> Page:
    """The paper question sheet of a workbook, with its PDF, linked from the workbook's page."""
    stem = workbook.source.split("/")[1].removesuffix(".ipynb")
    number, _, name = workbook.body.title.removeprefix("Workbook ").partition(": ")
    body = sheet_body(root / workbook.source, f"Question sheet {number}: {name}")
    pdf = f"pdf/sheet-{stem}.pdf"
    workbook.launch += f' On paper: <a href="{pdf}">the question sheet (PDF)</a>.'
    return Page(href=f"sheet-{stem}.html", nav_text="", body=body, source=workbook.source, pdf=pdf)


def markdown_page(root: Path, path: str, href: str, nav_text: str, text: str | None = None) -> Page:
    body = markdown_body(text if text is not None else (root / path).read_text(encoding="utf-8"))
    return Page(href=href, nav_text=nav_text, body=body, source=path)


def guide_pages(root: Path) -> list[Page]:
    """The instructor's guide and its lesson pages, without their answer keys."""
    pages = [markdown_page(root, "instructors/README.md", "guide.html", "Instructor's guide")]
    for path in sorted((root / "instructors").glob("[0-9][0-9]_*.md")):
        text = without_answer_key(path.read_text(encoding="utf-8"))
        pages.append(
            markdown_page(root, f"instructors/{path.name}", f"guide-{path.stem}.html", "", text)
        )
    return pages


def data_pages(root: Path) -> list[Page]:
    """The data dictionary and, for each table that cites sources, the list of those sources."""
    sources = {row["source_id"]: row for row in read_rows(root / "data" / "sources.csv")}
    tables = citing_tables(root / "data")
    listing = "".join(f"- [`{table}`](sources-{table}.html)\n" for table in tables)
    text = (root / "data" / "README.md").read_text(encoding="utf-8")
    text += f"\n## The sources of each table\n\nThe works each table's rows cite:\n\n{listing}"
    pages = [markdown_page(root, "data/README.md", "data.html", "The data and its sources", text)]
    for table, rows in tables.items():
        body = sources_body(table, rows, sources)
        pages.append(Page(href=f"sources-{table}.html", nav_text="", body=body))
    return pages


def search_page() -> Page:
    body = markdown_body("# Search the series\n")
    body.html += (
        '<p id="search-summary" role="status"></p>'
        '<ol id="search-results" class="search-results"></ol>'
    )
    return Page(href="search.html", nav_text="Search", body=body, search=True)


def cite_line(citation: dict) -> str:
    """How to cite the series, from CITATION.cff."""
    year = str(citation["date-released"])[:4]
    authors = ", ".join(author["name"] for author in citation["authors"])
    return f"{authors}, {citation['title']} (version {citation['version']}, {year})."


def build(root: Path, out: Path, hub: str | None = None, pdfs: bool = True) -> list[Page]:
    """Write the whole site into `out` (emptied first); return its pages."""
    citation = launch.citation(root)
    repository = launch.repository(root)
    lessons = notebook_pages(root, "notebooks", "", repository, hub)
    workbooks = notebook_pages(root, "exercises", "workbook-", repository, hub)
    for lesson, workbook in zip(lessons, workbooks, strict=True):
        workbook.nav_text = ""
        lesson.launch += f' Its exercises: <a href="{workbook.href}">the workbook</a>.'
        workbook.launch += f' The lesson: <a href="{lesson.href}">{escape(lesson.body.title)}</a>.'
    lesson_map = [
        {
            "stem": lesson.source.split("/")[1].removesuffix(".ipynb"),
            "href": lesson.href,
            "title": lesson.body.title,
            "workbook": workbook.href,
            "pdf": lesson.pdf,
            "workbook_pdf": workbook.pdf,
        }
        for lesson, workbook in zip(lessons, workbooks, strict=True)
    ]
    sheets = [sheet_page(root, workbook) for workbook in workbooks]
    first = run_links(repository, hub, lessons[0].source)
    body = home_body(root, citation["title"], lesson_map, first)
    home = Page(href="index.html", nav_text="Home", body=body, source="README.md")
    glossary = markdown_page(root, "notebooks/glossary.md", "glossary.html", "Glossary")
    pages = [
        home,
        *lessons,
        glossary,
        *workbooks,
        *sheets,
        *guide_pages(root),
        *data_pages(root),
        search_page(),
    ]

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    cite_as = cite_line(citation)
    write_site(pages, out, citation["title"], cite_as, repository)
    if pdfs:
        print_pages(out, {page.href: page.pdf for page in pages if page.pdf})
    return pages


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m iran_russia.site", description=__doc__)
    parser.add_argument("--out", type=Path, help="where to write the site (default build/site)")
    parser.add_argument("--hub", help="a JupyterHub address for the nbgitpuller links")
    parser.add_argument("--no-pdf", action="store_true", help="skip printing the PDFs")
    options = parser.parse_args(arguments)
    if not options.no_pdf and not CHROMIUM.exists():
        print(f"The PDFs need Debian's Chromium at {CHROMIUM} (apt-get install chromium).")
        return 1
    root = project_root()
    out = options.out or root / "build" / "site"
    started = time.perf_counter()
    pages = build(root, out, options.hub, pdfs=not options.no_pdf)
    seconds = time.perf_counter() - started
    print(f"Built {len(pages)} pages into {out} in {seconds:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
