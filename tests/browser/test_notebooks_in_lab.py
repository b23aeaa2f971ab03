"""Every notebook of the series, opened and run in JupyterLab in a real browser.

The checks themselves are in checks.py; tests/fixtures/broken_widget.ipynb proves they fail
when a widget cannot be displayed.
"""

import pytest

from conftest import ROOT, all_notebooks

pytestmark = pytest.mark.browser

FIXTURES = ROOT / "tests" / "fixtures"


def report(path, outcome) -> str:
    lines = [f"{path.relative_to(ROOT)} in JupyterLab ({outcome.seconds:.0f} s):"]
    lines += [f"- {problem}" for problem in outcome.problems]
    lines += [f"screenshot and page text: {artifact}" for artifact in outcome.artifacts]
    return "\n".join(lines)


def server_errors(lab_server) -> str:
    """The server's own account of its 500s (tracebacks included), for a report that has one."""
    log = lab_server.log_text()
    start = log.find("Uncaught exception")
    return (
        ""
        if start < 0
        else "\nthe server's log from its first uncaught error:\n" + log[start:][:3000]
    )


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_renders_and_runs_cleanly(notebook_outcomes, lab_server, path):
    outcome = notebook_outcomes[path]
    assert not outcome.problems, report(path, outcome) + server_errors(lab_server)


@pytest.mark.parametrize("path", [FIXTURES / "healthy_widgets.ipynb"], ids=["healthy_widgets"])
def test_checker_passes_a_healthy_notebook(notebook_outcomes, path):
    """The control: a live widget, a figure and text pass, so the checks are not vacuous."""
    outcome = notebook_outcomes[path]
    assert not outcome.problems, report(path, outcome)


@pytest.mark.parametrize("path", [FIXTURES / "broken_widget.ipynb"], ids=["broken_widget"])
def test_checker_fails_on_a_broken_widget(notebook_outcomes, path):
    """A test of the test: both of the fixture's faults must be reported.

    As committed, its button shows as an ipywidgets repr; after Run All, a widget view whose
    model does not exist shows "Error displaying widget: model not found".
    """
    problems = notebook_outcomes[path].problems
    expected = [
        "as committed: cell 2: a widget is shown as its repr",
        "after Run All: cell 1: output shows 'Error displaying widget'",
        "after Run All: cell 1: a widget did not render",
        "console error: Error: widget model not found",
    ]
    missing = [text for text in expected if not any(p.startswith(text) for p in problems)]
    assert not missing, f"not reported: {missing}\n" + report(path, notebook_outcomes[path])
    unexpected = [p for p in problems if "cell 1" not in p and "cell 2" not in p]
    assert all(p.startswith("console error") for p in unexpected), unexpected


def test_lab_is_isolated_and_offline(lab, lab_server):
    """The widgets extension loads from the environment, and nothing asks the network."""
    config = lab.page.evaluate(
        """() => JSON.parse(document.getElementById('jupyter-config-data').textContent)"""
    )
    extensions = [extension["name"] for extension in config.get("federated_extensions", [])]
    assert "@jupyter-widgets/jupyterlab-manager" in extensions
    assert config["news"] == {"disabled": True}
    settings = lab.page.evaluate(
        """async () => {
            const app = window.jupyterapp;
            const news = await app.serviceManager.settings.fetch(
                '@jupyterlab/apputils-extension:notification');
            return {
                autosave: app.commands.isToggled('docmanager:toggle-autosave'),
                fetchNews: news.settings.fetchNews,
            };
        }"""
    )
    assert settings == {"autosave": False, "fetchNews": "false"}
    runtime = lab_server.home / "runtime"
    assert any(runtime.glob("jpserver-*.json")), "the server's runtime files are elsewhere"
    assert not lab.page_problems()


def test_requests_off_the_machine_are_blocked_and_reported(lab):
    """The guard works: a request to another host never leaves, and it is reported."""
    outcome = lab.page.evaluate(
        """() => fetch('https://example.org/feed.xml').then(() => 'fetched', () => 'blocked')"""
    )
    assert outcome == "blocked"
    problems = lab.page_problems()
    assert "request left 127.0.0.1 (aborted): https://example.org/feed.xml" in problems


def test_server_refuses_to_write(lab):
    """Even a deliberate save from the page is refused: the tests cannot change notebooks."""
    outcome = lab.page.evaluate(
        """async () => {
            try {
                await window.jupyterapp.serviceManager.contents.save(
                    'tests/fixtures/write-probe.txt', {type: 'file', format: 'text', content: 'x'});
                return 'saved';
            } catch (error) {
                return String(error.response ? error.response.status : error);
            }
        }"""
    )
    assert outcome == "403"
    # The refused request shows as a failed resource load in the console; that is the point.
    problems = lab.page_problems()
    assert all("403" in problem for problem in problems), problems
