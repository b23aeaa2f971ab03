"""The reading copy in Chromium: built by its command, printed to PDF, accessible (axe-core),
searchable, and asking nothing of any server but its own."""

import functools
import http.server
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from iran_russia.site.pdf import PDF_OPTIONS

pytestmark = pytest.mark.browser

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WORKBOOKS = sorted((ROOT / "exercises").glob("*.ipynb"))
# axe-core's two worst levels: a reader who needs the page cannot use it.
BLOCKING = {"serious", "critical"}
PDF_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


@pytest.fixture(scope="module")
def built_site(tmp_path_factory, chromium) -> Path:
    """The site as `make site` builds it (its command, PDFs included), in a folder of its own."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "iran_russia.site", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def served(built_site):
    """The site on a plain static file server on loopback; yields its address."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def site_page(browser, served):
    """A browser tab that may only talk to the site's server; `page.outside` lists the rest."""
    context = browser.new_context()
    page = context.new_page()
    page.outside = []

    def only_the_site(route):
        if route.request.url.startswith(served) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_site)
    yield page
    context.close()


def test_every_lesson_workbook_and_question_sheet_is_printed_to_a_pdf(built_site):
    expected = [f"pdf/{p.stem}.pdf" for p in LESSONS] + [
        f"pdf/{kind}-{p.stem}.pdf" for p in WORKBOOKS for kind in ("workbook", "sheet")
    ]
    for name in expected:
        data = (built_site / name).read_bytes()
        assert data.startswith(b"%PDF-"), name
        assert len(PDF_PAGE.findall(data)) >= 2, name
    lesson_pdf = (built_site / expected[1]).stat().st_size
    assert lesson_pdf > 100_000, "a lesson's PDF holds its figures"


def test_every_page_passes_axe_and_asks_nothing_of_other_servers(built_site, served, site_page):
    axe = Axe()
    problems = {}
    for path in sorted(built_site.glob("*.html")):
        site_page.goto(f"{served}/{path.name}", wait_until="load")
        violations = axe.run(site_page).response["violations"]
        blocking = [
            f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in violations
            if v["impact"] in BLOCKING
        ]
        if blocking:
            problems[path.name] = blocking
    assert not problems, problems
    assert not site_page.outside, site_page.outside[:5]


def test_search_lists_matching_sections_with_links(served, site_page):
    site_page.goto(f"{served}/index.html")
    site_page.get_by_label("Search the series").fill("Turkmenchay Aras")
    site_page.get_by_role("button", name="Search").click()
    site_page.wait_for_url("**/search.html?q=*")
    results = site_page.locator("#search-results a")
    assert results.count() > 0
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(href.startswith("01_empires_and_mistrust.html#") for href in hrefs)
    assert "match" in site_page.locator("#search-summary").inner_text()
    site_page.goto(f"{served}/search.html?q=zzqxnotaword")
    assert site_page.locator("#search-results li").count() == 0
    assert site_page.locator("#search-summary").inner_text().startswith("0 sections")


def test_printing_opens_every_optional_box_and_closes_them_after(served, site_page):
    site_page.goto(f"{served}/01_empires_and_mistrust.html", wait_until="load")
    closed = "document.querySelectorAll('details:not([open])').length"
    before = site_page.evaluate(closed)
    assert before > 10, "lesson 01 has many optional boxes, closed on screen"
    site_page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert site_page.evaluate(closed) == 0
    site_page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert site_page.evaluate(closed) == before


def test_a_lesson_pdf_carries_its_optional_boxes(built_site, served, site_page):
    """The shipped PDF is longer than a print of the same page without print.js (boxes closed)."""
    site_page.route("**/print.js", lambda route: route.abort())
    site_page.goto(f"{served}/01_empires_and_mistrust.html", wait_until="load")
    closed_print = site_page.pdf(**PDF_OPTIONS)
    shipped = (built_site / "pdf" / "01_empires_and_mistrust.pdf").read_bytes()
    # The same page printed twice has the same number of pages, so any extra page is the boxes'.
    assert len(PDF_PAGE.findall(shipped)) > len(PDF_PAGE.findall(closed_print))
