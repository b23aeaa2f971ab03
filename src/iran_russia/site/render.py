"""Pages into files: the page template, links between pages, and the search index."""

import json
import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from iran_russia.site.pages import Body

HERE = Path(__file__).parent


@dataclass(eq=False)
class Page:
    """One page of the site: where it comes from, where it goes and what it shows."""

    href: str  # file name in build/site/
    nav_text: str
    body: Body
    source: str = ""  # the repository path it was made from, for resolving its links
    launch: str = ""  # HTML: links that open the notebook, and its PDF
    pdf: str = ""  # file name under pdf/, for lessons and workbooks
    search: bool = False
    sequence: list = field(default_factory=list)  # the pages it sits between (lessons, workbooks)


def template():
    environment = Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(["html"]))
    return environment.get_template("page.html")


def contents(headings: list[tuple[int, str, str]]) -> str:
    """The page's contents list (its second- and third-level headings), or nothing if short."""
    items = [
        f'<li class="level-{level}"><a href="#{escape(anchor)}">{escape(text)}</a></li>'
        for level, anchor, text in headings
        if level in (2, 3)
    ]
    if len(items) < 3:
        return ""
    return (
        '<nav class="contents" aria-label="On this page"><details open>'
        f"<summary>On this page</summary><ul>{''.join(items)}</ul></details></nav>"
    )


def with_contents(html: str, headings: list[tuple[int, str, str]]) -> str:
    """The body with its contents list placed right after the top heading."""
    listing = contents(headings)
    soup = BeautifulSoup(html, "html.parser")
    top = soup.find("h1")
    if not listing or top is None:
        return html
    top.insert_after(BeautifulSoup(listing, "html.parser"))
    return str(soup)


def relinked(html: str, source: str, site_map: dict[str, str], repository: str) -> str:
    """Links to the repository's files lead to their pages, or else to the file on the forge."""
    soup = BeautifulSoup(html, "html.parser")
    pages = set(site_map.values())
    for link in soup.find_all("a", href=True):
        target = urlsplit(link["href"])
        if target.scheme or target.netloc or not target.path or target.path in pages:
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(source), target.path))
        fragment = f"#{target.fragment}" if target.fragment else ""
        if path in site_map:
            link["href"] = site_map[path] + fragment
        else:
            link["href"] = f"{repository}/blob/main/{path}{fragment}"
    return str(soup)


def search_entries(page: Page) -> list[dict]:
    """The page's text, one entry per section (a heading and what follows it), code left out."""
    soup = BeautifulSoup(page.body.html, "html.parser")
    for code in soup.select("div.input_area"):
        code.decompose()
    entries, anchor, section, words = [], "", page.body.title, []

    def close():
        text = re.sub(r"\s+", " ", " ".join(words)).strip()
        if text:
            entries.append(
                {
                    "page": page.body.title,
                    "section": section,
                    "href": f"{page.href}#{anchor}" if anchor else page.href,
                    "text": text,
                }
            )

    for string in soup.find_all(string=True):
        heading = string.find_parent(["h1", "h2", "h3", "h4"])
        if heading is not None:
            if heading.get("id", "") != anchor:
                close()
                anchor, section, words = heading.get("id", ""), "", []
            section = (section + " " + string).replace("¶", "").strip()
        else:
            words.append(str(string))
    close()
    return entries


def neighbours(page: Page) -> tuple[dict | None, dict | None]:
    """The pages before and after `page` in its sequence (lessons, or workbooks), as links."""
    if page not in page.sequence:
        return None, None
    at = page.sequence.index(page)

    def link(where: int) -> dict | None:
        if not 0 <= where < len(page.sequence):
            return None
        return {"href": page.sequence[where].href, "text": page.sequence[where].body.title}

    return link(at - 1), link(at + 1)


def write_site(pages: list[Page], out: Path, series: str, citation: str, repository: str) -> None:
    """Every page as HTML, with navigation, plus the style sheet, the search script and index."""
    page_template = template()
    navigation = [{"href": p.href, "text": p.nav_text} for p in pages if p.nav_text]
    # Repository paths to page names; page names map to themselves, so links between pages stay.
    site_map = {p.href: p.href for p in pages} | {p.source: p.href for p in pages if p.source}
    (out / "assets").mkdir(parents=True, exist_ok=True)
    for page in pages:
        previous, following = neighbours(page)
        html = page_template.render(
            title=page.body.title,
            series=series,
            navigation=navigation,
            here=page.href,
            launch=Markup(page.launch),
            body=Markup(
                with_contents(
                    relinked(page.body.html, page.source, site_map, repository), page.body.headings
                )
            ),
            previous=previous,
            next=following,
            citation=citation,
            repository=repository,
            search=page.search,
        )
        (out / page.href).write_text(html, encoding="utf-8")
    for asset in (HERE / "assets").iterdir():
        (out / "assets" / asset.name).write_bytes(asset.read_bytes())
    index = [entry for page in pages for entry in search_entries(page)]
    (out / "assets" / "search-index.js").write_text(
        "window.SEARCH_INDEX = " + json.dumps(index, ensure_ascii=False) + ";\n", encoding="utf-8"
    )
