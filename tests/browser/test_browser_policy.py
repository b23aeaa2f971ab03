"""When the browser tests may skip, and which requests count as leaving the machine.

These need no browser: they test the suite's own rules.
"""

import pytest

from .checks import NOT_LOOPBACK_URL, is_loopback
from .conftest import browser_unavailable


def test_missing_browser_skips_locally(monkeypatch):
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no chromium"):
        browser_unavailable("no chromium")


def test_missing_browser_fails_when_required(monkeypatch):
    monkeypatch.setenv("REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="REQUIRE_BROWSER=1"):
        browser_unavailable("no chromium")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8888/lab",
        "ws://127.0.0.1:8888/api/kernels/x/channels",
        "http://localhost/x",
        "http://[::1]:80/",
        "data:image/png;base64,AAAA",
    ],
)
def test_loopback_requests_pass(url):
    assert is_loopback(url)
    assert not NOT_LOOPBACK_URL.match(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://jupyterlab.github.io/assets/feed.xml",
        "https://pypi.org/pypi/jupyterlab/json",
        "http://127.0.0.1.example.com/",
        "http://localhost.evil.net:80/",
        "https://cdn.jsdelivr.net/npm/x",
    ],
)
def test_other_requests_are_blocked(url):
    assert not is_loopback(url)
    assert NOT_LOOPBACK_URL.match(url)
