"""The test server itself: JupyterLab's own polling must not fail while kernels start."""

import http.cookiejar
import json
import threading
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser

KERNELS_STARTED = 6  # without the fix in lab.py, most starts in this loop produce a 500


def test_kernel_list_answers_while_kernels_start(lab_server):
    """GET /api/kernels, as JupyterLab polls it, never fails while other kernels start."""
    lab_server.wait_until_ready()
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{lab_server.url}/lab", timeout=30).read()  # sets the _xsrf cookie
    xsrf = {"X-XSRFToken": next(cookie.value for cookie in jar if cookie.name == "_xsrf")}
    failures, done = [], threading.Event()

    def poll():
        while not done.is_set():
            try:
                urllib.request.urlopen(f"{lab_server.url}/api/kernels", timeout=10).read()
            except urllib.error.HTTPError as error:
                failures.append(error.code)

    pollers = [threading.Thread(target=poll) for _ in range(3)]
    for poller in pollers:
        poller.start()
    try:
        for _ in range(KERNELS_STARTED):
            start = urllib.request.Request(
                f"{lab_server.url}/api/kernels",
                data=b'{"name": "python3"}',
                headers={"Content-Type": "application/json", **xsrf},
            )
            kernel = json.load(opener.open(start, timeout=60))["id"]
            stop = urllib.request.Request(
                f"{lab_server.url}/api/kernels/{kernel}", method="DELETE", headers=xsrf
            )
            opener.open(stop, timeout=60).read()
    finally:
        done.set()
        for poller in pollers:
            poller.join()
    assert not failures, f"GET /api/kernels failed {len(failures)} times: {failures[:5]}"
