"""Print pages of the built site to PDF with Debian's Chromium, offline."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and quiet: no background requests to Google's services from a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

PDF_OPTIONS = {
    "format": "A4",
    "print_background": True,
    "margin": {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
}


class OutsideRequest(RuntimeError):
    """A page asked for something from outside the site while being printed."""


def print_pages(site: Path, pages: dict[str, str]) -> None:
    """Print each page of `site` (file name: PDF path) to PDF; fail on any outside request."""
    from playwright.sync_api import sync_playwright

    outside = []

    def only_local(route):
        if route.request.url.startswith(site.as_uri()) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route("**/*", only_local)
        for name, pdf in pages.items():
            page.goto((site / name).as_uri(), wait_until="load")
            (site / pdf).parent.mkdir(parents=True, exist_ok=True)
            page.pdf(path=str(site / pdf), **PDF_OPTIONS)
        browser.close()
    if outside:
        raise OutsideRequest(
            f"pages asked for {len(outside)} outside addresses, first {outside[0]}"
        )
