"""Run the whole suite on two cores: `make test` calls this.

    python tests/run.py [pytest arguments]

The browser tests (one JupyterLab server, one Chromium) and the lessons run from a copy of the
repository (marked lesson_run) take one pytest process, every other test a second one, so both
cores stay busy and the two take about as long. The second process's report streams as it runs;
the first's follows it. The exit status is the first failing one's.
"""

import os
import subprocess
import sys
import tempfile

BESIDE = "browser or lesson_run"  # the tests of the first process
NO_TESTS_COLLECTED = 5  # pytest's exit status when a selection leaves one side empty


def combined(statuses: list[int]) -> int:
    """0 if every side passed (or one had nothing to run), else the first failing status."""
    failed = [status for status in statuses if status not in (0, NO_TESTS_COLLECTED)]
    if failed:
        return failed[0]
    return 0 if 0 in statuses else NO_TESTS_COLLECTED


def main(arguments: list[str]) -> int:
    pytest = [sys.executable, "-m", "pytest", *arguments]
    environment = {**os.environ, "MPLBACKEND": "Agg"}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as browser_report:
        browser = subprocess.Popen(
            [*pytest, "-m", BESIDE],
            stdout=browser_report,
            stderr=subprocess.STDOUT,
            env=environment,
        )
        others = subprocess.run([*pytest, "-m", f"not ({BESIDE})"], env=environment).returncode
        status = browser.wait()
        browser_report.seek(0)
        print(f"\n===== tests marked {BESIDE} (run beside the others) =====", flush=True)
        print(browser_report.read(), flush=True)
    return combined([others, status])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
