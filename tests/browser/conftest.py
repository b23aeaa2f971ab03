"""Fixtures for the browser tests: one JupyterLab server and one Chromium for the whole session.

Locally the browser tests skip when Debian's Chromium is missing; with REQUIRE_BROWSER=1 (set by
.ci/run) that skip is a failure instead. A failing test leaves a screenshot and the page's text
in test-artifacts/ and names them in its report.
"""

import hashlib
import os
import subprocess
import time
from pathlib import Path

import pytest

from conftest import NOTEBOOK_FOLDERS, ROOT
from iran_russia.site.pdf import CHROMIUM, CHROMIUM_ARGS

from .checks import LabPage, check_notebooks
from .lab import LabServer

ARTIFACTS = ROOT / "test-artifacts"
# Notebooks checked at once, one per tab (BROWSER_TABS=1 checks one at a time).
TABS = int(os.environ.get("BROWSER_TABS", "2"))
FIXTURES = ROOT / "tests" / "fixtures"
# Fixture notebooks that must fail the checks: no screenshots are kept for them.
EXPECTED_TO_FAIL = {FIXTURES / "broken_widget.ipynb"}
SUMMARY = []  # (tabs, seconds, outcomes) of each notebook_outcomes run, for the summary line


def browser_unavailable(reason: str):
    """Skip, or fail when the run insists on the browser tests (REQUIRE_BROWSER=1, as in CI)."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and REQUIRE_BROWSER=1 forbids skipping", pytrace=False)
    pytest.skip(reason)


def worktree_state() -> dict:
    """`git status` (ignored files included) and file hashes of what the tests open.

    That is every notebook folder of the series and the fixture notebooks.
    """
    watched = [*NOTEBOOK_FOLDERS, *(p.relative_to(ROOT) for p in FIXTURES.glob("*.ipynb"))]
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored", "--untracked-files=all", "--", *watched],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    files = [
        p for w in watched for p in ([ROOT / w] if (ROOT / w).is_file() else (ROOT / w).rglob("*"))
    ]
    hashes = {
        path.relative_to(ROOT).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(files)
        if path.is_file()
    }
    return {"status": status.splitlines(), "files": hashes}


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        browser_unavailable(
            f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        browser_unavailable("Playwright for Python is not installed (make test installs it)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium):
    """Chromium from Debian, driven by Playwright's bundled driver (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS, timeout=60_000
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, chromium):
    """JupyterLab on 127.0.0.1 serving the repository, isolated from the user's Jupyter setup."""
    server = LabServer(root=ROOT, home=tmp_path_factory.mktemp("jupyterlab"))
    server.worktree_before = worktree_state()
    try:
        server.launch()  # lab_app waits for it, after Chromium has started meanwhile
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def lab_app(lab_server, browser):
    """One tab with JupyterLab loaded, shared by the session (a load takes seconds)."""
    lab_server.wait_until_ready()
    page = LabPage.create(browser, lab_server.url)
    try:
        try:
            page.open_lab()
        except Exception:
            save_artifacts(page, "jupyterlab-did-not-load")
            raise
        yield page
    finally:
        page.close_notebooks()
        page.close()


@pytest.fixture(scope="session")
def notebook_outcomes(lab_app, browser, lab_server, request):
    """check_notebooks over every notebook the selected tests ask about, in BROWSER_TABS tabs.

    A test asks by using this fixture with a `path` parameter. Tabs are extra pages of the one
    browser; two keep both cores of a small machine busy (a kernel computes in one while the
    other tab opens or renders).
    """
    wanted = []
    for item in request.session.items:
        path = getattr(item, "callspec", None) and item.callspec.params.get("path")
        if path and "notebook_outcomes" in item.fixturenames and path not in wanted:
            wanted.append(path)
    tabs = [lab_app]
    try:
        for _ in range(max(0, min(TABS, len(wanted)) - 1)):
            tab = LabPage.create(browser, lab_server.url)
            tabs.append(tab)
            tab.open_lab()
        lab_app.close_notebooks()
        started = time.monotonic()
        outcomes = check_notebooks(tabs, ROOT, wanted, ARTIFACTS, quiet=EXPECTED_TO_FAIL)
        SUMMARY.append((len(tabs), time.monotonic() - started, outcomes))
        yield outcomes
    finally:
        for tab in tabs[1:]:
            tab.close_notebooks()
            tab.close()


@pytest.fixture
def lab(lab_app, request):
    """The shared tab, with nothing open and nothing recorded yet; tidied up afterwards."""
    lab_app.page_problems()  # forget what earlier tests left (they reported their own)
    yield lab_app
    lab_app.close_notebooks()
    report = getattr(request.node, "report_call", None)
    if report is None or report.failed:
        lab_app.open_lab()  # after a failure, start the next test from a fresh page


def save_artifacts(page: LabPage, name: str) -> str:
    try:
        saved = page.save_artifacts(ARTIFACTS, name)
    except Exception as error:  # never hide the real failure behind this one
        saved = [f"(could not save artifacts: {error})"]
    listing = "\n".join(str(path) for path in saved)
    print(f"\nbrowser artifacts ({name}):\n{listing}")
    return listing


def page_of(item) -> LabPage | None:
    """The JupyterLab tab a test used, if any (funcargs hold every fixture it depends on)."""
    for value in getattr(item, "funcargs", {}).values():
        found = value if isinstance(value, LabPage) else getattr(value, "lab", None)
        if isinstance(found, LabPage):
            return found
    return None


def pytest_terminal_summary(terminalreporter):
    """One line on how long the notebooks took in the browser, and which were slowest."""
    for tabs, seconds, outcomes in SUMMARY:
        slowest = sorted(outcomes.items(), key=lambda pair: -pair[1].seconds)[:3]
        names = ", ".join(f"{p.relative_to(ROOT)} {o.seconds:.0f} s" for p, o in slowest)
        terminalreporter.write_line(
            f"browser: {len(outcomes)} notebooks checked in {seconds:.0f} s with {tabs} tab(s); "
            f"slowest: {names}"
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, keep a screenshot and the page's text, and name them in the report."""
    report = yield
    if report.when == "call":
        item.report_call = report
    # Checks made by notebook_outcomes keep their own evidence (this tab has moved on since).
    page = None if "notebook_outcomes" in item.fixturenames else page_of(item)
    if report.failed and report.when in ("setup", "call") and page is not None:
        listing = save_artifacts(page, f"{item.name}-{report.when}")
        report.sections.append(("browser artifacts", listing))
    return report
