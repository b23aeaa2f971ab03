"""Drive JupyterLab in a Playwright page and read what a student would see.

`LabPage` is one browser tab on the test server. It records every console error and every
request that would leave 127.0.0.1 (those are aborted), and it talks to JupyterLab through
`window.jupyterapp` (the server sets `expose_app_in_browser`), the same command registry the menus
use. `check_notebook_steps` opens a notebook as committed, looks at it, runs all cells, waits for
the page to settle and returns a list of problems (empty when all is well); `check_notebooks`
does that for many notebooks in several tabs at once.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import ipywidgets
import nbformat

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
# The requests the network guard intercepts: http(s) and ws(s) to any host but loopback.
NOT_LOOPBACK_URL = re.compile(
    r"^(https?|wss?)://(?!(127\.0\.0\.1|localhost|\[::1\])(:\d+)?([/?#]|$))"
)

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# What JupyterLab and ipywidgets print in place of a widget or an output that went wrong.
ERROR_TEXTS = (
    "Error displaying widget",
    "model not found",
    "Failed to create view",
    "Traceback",
)
# A widget shown as text: `Button(description=...)`, `VBox(children=(...))` and the like.
WIDGET_NAMES = sorted(
    name
    for name in dir(ipywidgets)
    if isinstance(getattr(ipywidgets, name), type)
    and issubclass(getattr(ipywidgets, name), ipywidgets.Widget)
)
WIDGET_REPR = re.compile(r"\b(" + "|".join(WIDGET_NAMES) + r")\(")
# The friendly plain-text form of a widget before it runs, "Timeline explorer: run this cell to
# open it." or "Run this cell to open the explorer": after Run All no output may show one. (Not
# "..., and run this cell again.", which a checker prints as its result.)
FALLBACK_TEXT = re.compile(r"(^|: )run this cell\b", re.IGNORECASE)

# Console errors that are not a problem of the page under test. Keep this list short, and say
# why each entry is harmless.
ALLOWED_CONSOLE_ERRORS: tuple[re.Pattern, ...] = ()


def is_loopback(url: str) -> bool:
    if not url.startswith(("http:", "https:", "ws:", "wss:")):
        return True  # data:, blob:, about: never reach the network
    return urlsplit(url).hostname in LOOPBACK_HOSTS


@dataclass
class StoredNotebook:
    """What the committed file holds: the baseline the rendered page is compared with."""

    path: Path
    images: dict[int, int]  # code cell index -> number of stored image/png outputs
    widgets: dict[int, int]  # code cell index -> number of stored widget-view outputs

    @classmethod
    def read(cls, path: Path) -> StoredNotebook:
        notebook = nbformat.read(path, as_version=4)
        images, widgets = {}, {}
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            data = [output.get("data", {}) for output in cell.outputs]
            images[index] = sum("image/png" in bundle for bundle in data)
            widgets[index] = sum(WIDGET_VIEW in bundle for bundle in data)
        return cls(path, images, widgets)


# --- JavaScript run in the page ------------------------------------------------------------

WAIT_FOR_APP = """() => {
    const app = window.jupyterapp;
    if (!app) return false;
    if (window.__labState) return window.__labState !== 'starting';
    window.__labState = 'starting';
    Promise.all([app.started, app.restored]).then(
        () => { window.__labState = 'ready'; },
        (error) => { window.__labState = 'failed: ' + error; });
    return false;
}"""

OPEN_NOTEBOOK = """async (path) => {
    const app = window.jupyterapp;
    window.__nb = null;
    window.__nbState = 'opening';
    const widget = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
    window.__nb = widget;
    app.shell.activateById(widget.id);
    widget.context.ready
        .then(() => widget.sessionContext.ready)
        .then(() => { window.__nbState = 'ready'; },
              (error) => { window.__nbState = 'failed: ' + error; });
    return widget.id;
}"""

RUN_ALL = """() => {
    const app = window.jupyterapp;
    app.shell.activateById(window.__nb.id);
    window.__runAll = undefined;
    app.commands.execute('notebook:run-all-cells').then(
        (result) => { window.__runAll = 'done: ' + result; },
        (error) => { window.__runAll = 'failed: ' + error; });
}"""

# Restart the kernel without the confirmation dialog, then Run All: what a student's "Restart
# Kernel and Run All Cells" does.
RESTART_AND_RUN_ALL = """() => {
    const app = window.jupyterapp;
    app.shell.activateById(window.__nb.id);
    window.__runAll = undefined;
    window.__nb.sessionContext.restartKernel()
        .then(() => app.commands.execute('notebook:run-all-cells'))
        .then(
            (result) => { window.__runAll = 'done: ' + result; },
            (error) => { window.__runAll = 'failed: ' + error; });
}"""

# Dispose of (not close: closing a changed notebook asks whether to save) this tab's documents,
# and ask the server to shut down their kernels without waiting (other tabs keep theirs).
CLOSE_ALL = """() => {
    const app = window.jupyterapp;
    for (const widget of Array.from(app.shell.widgets('main'))) {
        if (!widget.context) continue;
        const session = widget.sessionContext && widget.sessionContext.session;
        if (session) app.serviceManager.sessions.shutdown(session.id).catch(() => {});
        widget.dispose();
    }
    window.__nb = null;
}"""

# The exercise panels of the open notebook: question id (from its cell) and feedback line.
EXERCISE_FEEDBACK = """() => {
    const found = [];
    window.__nb.content.widgets.forEach((cell, index) => {
        cell.node.querySelectorAll('.ex-panel').forEach((panel) => {
            const feedback = panel.querySelector('.ex-feedback');
            found.push({
                cell: index,
                source: cell.model.sharedModel.getSource(),
                feedback: feedback ? feedback.innerText.trim() : null,
            });
        });
    });
    return found;
}"""

# Whether the open notebook is still busy, and a cheap signature of its outputs (textContent,
# unlike innerText, needs no layout): polled while waiting for the page to settle.
ACTIVITY = """() => {
    const nb = window.__nb;
    const kernel = nb.sessionContext.session && nb.sessionContext.session.kernel;
    const running = [];
    nb.content.widgets.forEach((cell, index) => {
        if (cell.model.type !== 'code') return;
        if (cell.model.executionState === 'running'
            || (cell.promptNode && cell.promptNode.textContent.includes('*'))) running.push(index);
    });
    const outputs = Array.from(nb.node.querySelectorAll('.jp-OutputArea-output'));
    const loading = outputs.filter((el) => el.textContent.includes('Loading widget...')).length;
    const status = kernel ? kernel.status : 'none';
    const connection = kernel ? kernel.connectionStatus : 'none';
    const signature = [
        outputs.length,
        outputs.reduce((total, el) => total + el.textContent.length, 0),
        nb.node.querySelectorAll('.jp-OutputArea-output img').length,
        nb.node.querySelectorAll('.jp-OutputArea-output .jupyter-widgets').length,
    ].join('/');
    return {
        kernel: status, connection, running, loading, signature,
        busy: status !== 'idle' || connection !== 'connected' || running.length > 0 || loading > 0,
    };
}"""

# Everything the checks need about the open notebook, as plain data.
SNAPSHOT = """() => {
    const nb = window.__nb;
    const kernel = nb.sessionContext.session && nb.sessionContext.session.kernel;
    const cells = [];
    nb.content.widgets.forEach((cell, index) => {
        if (cell.model.type !== 'code') return;
        const top = Array.from(cell.outputArea.node.querySelectorAll(
            ':scope > .jp-OutputArea-child > .jp-OutputArea-output'));
        const outputs = top.map((el) => ({
            mime: el.dataset.mimeType || '',
            text: el.innerText,
            widgetView: !!el.querySelector('.jupyter-widgets'),
            hidden: el.classList.contains('lm-mod-hidden'),
        }));
        const all = Array.from(cell.outputArea.node.querySelectorAll('.jp-OutputArea-output'));
        const model = cell.model.outputs.toJSON().map((o) => ({
            type: o.output_type,
            mimes: Object.keys(o.data || {}),
            ename: o.ename || '', evalue: o.evalue || '', name: o.name || '',
        }));
        cells.push({
            index,
            count: cell.model.executionCount,
            running: cell.model.executionState === 'running'
                || (cell.promptNode && cell.promptNode.textContent.includes('*')) || false,
            outputs,
            model,
            images: cell.outputArea.node.querySelectorAll('img').length,
            stderr: all.filter((el) => el.dataset.mimeType === 'application/vnd.jupyter.stderr')
                .map((el) => el.innerText),
            texts: all.map((el) => el.innerText),
        });
    });
    // Dialogs (a kernel that died, a failed save) and error notifications are shown outside
    // the notebook; lesson prose is not looked at (it may well name an error to explain it).
    const dialogs = Array.from(document.querySelectorAll('.jp-Dialog, .Toastify__toast--error'))
        .map((d) => d.innerText);
    return {
        kernel: kernel ? kernel.status : 'none',
        connection: kernel ? kernel.connectionStatus : 'none',
        cells,
        dialogs,
    };
}"""


@dataclass
class LabPage:
    """One tab of JupyterLab, with a network guard and a console-error log."""

    context: object  # playwright BrowserContext (one per LabPage)
    base_url: str
    page: object = None
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    opened: str = ""

    @classmethod
    def create(cls, browser, base_url: str) -> LabPage:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        lab = cls(context, base_url)
        # Anything not on loopback is recorded and aborted: the series must run offline.
        context.route(NOT_LOOPBACK_URL, lab._abort_external)
        lab.page = context.new_page()
        lab.page.on("console", lab._on_console)
        lab.page.on("pageerror", lambda error: lab.console_errors.append(f"pageerror: {error}"))
        lab.page.on("request", lab._on_request)
        lab.page.on("websocket", lambda ws: lab._on_request_url(ws.url))
        return lab

    def _abort_external(self, route) -> None:
        url = route.request.url
        if is_loopback(url):  # the pattern should not let one through; be safe if it does
            route.fallback()
            return
        self._on_request_url(url)
        route.abort("blockedbyclient")

    def _on_request(self, request) -> None:
        self._on_request_url(request.url)

    def _on_request_url(self, url: str) -> None:
        if not is_loopback(url) and url not in self.external_requests:
            self.external_requests.append(url)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        text = message.text
        if any(pattern.search(text) for pattern in ALLOWED_CONSOLE_ERRORS):
            return
        location = message.location or {}
        self.console_errors.append(f"console error: {text} ({location.get('url', '?')})")

    def close(self) -> None:
        self.context.close()

    # -- JupyterLab ------------------------------------------------------------------------
    #
    # Each wait is written as a generator of polls (`..._steps`) that yields while it waits, so
    # that check_notebooks can take turns between several tabs on one thread; the plain methods
    # drive one of them to its end.

    def _until(self, condition: str, timeout: float, failure: str) -> Iterator[None]:
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(condition):
            if time.monotonic() > deadline:
                raise AssertionError(f"{failure} within {timeout:.0f} s")
            yield

    def open_lab_steps(self, timeout: float = 90) -> Iterator[None]:
        """Load JupyterLab with an empty workspace and wait until it is restored."""
        self.page.goto(f"{self.base_url}/lab?reset", timeout=timeout * 1000, wait_until="commit")
        yield from self._until(WAIT_FOR_APP, timeout, "JupyterLab did not start")
        state = self.page.evaluate("() => window.__labState")
        if state != "ready":
            raise AssertionError(f"JupyterLab did not start: {state}")

    def open_notebook_steps(self, path: str, timeout: float = 90) -> Iterator[None]:
        """Open `path` (relative to the server root), wait for its kernel, let outputs render."""
        self.page.evaluate(OPEN_NOTEBOOK, path)
        yield from self._until("() => window.__nbState !== 'opening'", timeout, f"{path} opened")
        state = self.page.evaluate("() => window.__nbState")
        if state != "ready":
            raise AssertionError(f"{path} did not open: {state}")
        self.opened = path
        yield from self.settle_steps(timeout)

    def run_all_steps(self, timeout: float = 300, restart: bool = False) -> Iterator[None]:
        """Run > Run All Cells (after a kernel restart, if asked); wait until the kernel is idle
        and the outputs stop changing.

        Returns "done: true" when every cell ran (the command's own result).
        """
        self.page.evaluate(RESTART_AND_RUN_ALL if restart else RUN_ALL)
        yield from self._until(
            "() => window.__runAll !== undefined", timeout, f"{self.opened}: Run All finished"
        )
        result = self.page.evaluate("() => window.__runAll")
        yield from self.settle_steps(timeout=60)
        return result

    def settle_steps(self, timeout: float = 60, quiet: float = 0.75) -> Iterator[None]:
        """Wait for an idle kernel, no running cell, no "Loading widget..." and a still page.

        The page counts as still when a cheap signature of the outputs (their number, text
        length, images and widget views) is unchanged for `quiet` seconds: widget views and
        figures render a moment after the kernel's reply. Returns the final snapshot.
        """
        deadline = time.monotonic() + timeout
        last, still_since, next_poll = None, time.monotonic(), 0.0
        while True:
            if time.monotonic() < next_poll:
                yield  # polls cost the page some work: a few a second are enough
                continue
            next_poll = time.monotonic() + 0.15
            state = self.page.evaluate(ACTIVITY)
            now = time.monotonic()
            if state["busy"] or state["signature"] != last:
                last, still_since = state["signature"], now
            elif now - still_since >= quiet:
                return self.snapshot()
            if now > deadline:
                raise AssertionError(
                    f"{self.opened}: the page did not settle within {timeout:.0f} s "
                    f"(kernel {state['kernel']}, connection {state['connection']}, "
                    f"running cells {state['running']}, loading widgets: {state['loading']})"
                )
            yield

    def open_lab(self, timeout: float = 90) -> None:
        drive(self.open_lab_steps(timeout))

    def open_notebook(self, path: str, timeout: float = 90) -> None:
        drive(self.open_notebook_steps(path, timeout))

    def run_all(self, timeout: float = 300, restart: bool = False) -> str:
        return drive(self.run_all_steps(timeout, restart))

    def wait_until_settled(self, timeout: float = 60) -> dict:
        return drive(self.settle_steps(timeout))

    def snapshot(self) -> dict:
        return self.page.evaluate(SNAPSHOT)

    def close_notebooks(self) -> None:
        """Close this tab's documents without saving, and shut down their kernels.

        Bounded, and quiet if the page is gone: the server stops its kernels at the end anyway.
        """
        with contextlib.suppress(Exception):
            self.page.evaluate(CLOSE_ALL)
        self.opened = ""

    # -- evidence on failure ----------------------------------------------------------------

    def show_cell(self, problems: list[str]) -> None:
        """Scroll the first cell a problem names ("cell 12: ...") into view, for a screenshot."""
        found = re.search(r"\bcell (\d+)\b", "\n".join(problems))
        if found:
            with contextlib.suppress(Exception):
                self.page.evaluate(
                    "(i) => window.__nb.content.widgets[i].node.scrollIntoView()",
                    int(found.group(1)),
                )

    def save_artifacts(self, folder: Path, name: str) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:120]
        screenshot, text = folder / f"{stem}.png", folder / f"{stem}.txt"
        saved, notes = [], []
        try:  # evidence is best effort: never let it hide the failure it documents
            self.page.screenshot(path=str(screenshot), full_page=True, timeout=15000)
            saved.append(screenshot)
        except Exception as error:
            notes.append(f"(no screenshot: {error})")
        try:
            body = self.page.inner_text("body", timeout=15000)
        except Exception as error:
            body = f"(no page text: {error})"
        log = "\n".join(self.console_errors + [f"blocked: {u}" for u in self.external_requests])
        text.write_text(
            "\n".join([self.page.url, *notes, "", body, "", "--- console and network ---", log])
        )
        saved.append(text)
        return saved

    def page_problems(self) -> list[str]:
        """Console errors and off-machine requests seen so far (and forget them)."""
        problems = list(self.console_errors)
        problems += [f"request left 127.0.0.1 (aborted): {url}" for url in self.external_requests]
        self.console_errors.clear()
        self.external_requests.clear()
        return problems


def output_problems(snap: dict, stored: StoredNotebook, executed: bool) -> list[str]:
    """What is wrong with the rendered outputs in `snap` (see check_notebook)."""
    problems = []
    for text in snap["dialogs"]:
        problems.append(f"a dialog or error notification is shown: {text.strip()[:300]!r}")
    for cell in snap["cells"]:
        where = f"cell {cell['index']}"
        for text in cell["texts"]:
            for marker in ERROR_TEXTS:
                if marker in text:
                    problems.append(f"{where}: output shows {marker!r}: {text.strip()[:300]!r}")
                    break
        for output in cell["model"]:
            if output["type"] == "error":
                problems.append(f"{where}: error output {output['ename']}: {output['evalue']}")
        for output in cell["outputs"]:
            text = output["text"]
            if output["mime"] == "text/plain" and WIDGET_REPR.search(text):
                problems.append(f"{where}: a widget is shown as its repr: {text.strip()[:200]!r}")
            if executed and output["mime"] == "text/plain" and FALLBACK_TEXT.search(text):
                problems.append(f"{where}: a widget still shows its fallback: {text.strip()!r}")
        if executed:
            for model, output in zip(cell["model"], cell["outputs"], strict=False):
                if WIDGET_VIEW not in model["mimes"]:
                    continue
                # ipywidgets' renderer sets no data-mime-type; every other renderer does.
                if output["mime"] not in ("", WIDGET_VIEW):
                    problems.append(f"{where}: a widget output was rendered as {output['mime']}")
                elif not output["widgetView"] and not output["hidden"]:
                    problems.append(f"{where}: a widget did not render: {output['text'][:200]!r}")
            shown = sum(output["widgetView"] for output in cell["outputs"])
            stored_views = stored.widgets.get(cell["index"], 0)
            if shown < stored_views:
                problems.append(
                    f"{where}: {shown} live widget(s) shown, the committed notebook has "
                    f"{stored_views}"
                )
        wanted = stored.images.get(cell["index"], 0)
        if cell["images"] < wanted:
            problems.append(
                f"{where}: {cell['images']} image(s) shown, the committed notebook has {wanted}"
            )
    return problems


def drive(steps: Iterator[None], interval: float = 0.1):
    """Run a generator of polls to its end on this thread; return what it returns."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
        time.sleep(interval)


def check_notebook_steps(lab: LabPage, root: Path, path: Path) -> Iterator[None]:
    """Open `path` as committed, check it, run all cells, check again; return the problems.

    Before running: no error text in any output, no widget shown as an ipywidgets repr, every
    stored figure shown. After Run All: the same, plus no error output, every widget output
    rendered as a live widget (not text, not its "Run this cell to" fallback), at least as
    many images per cell as the committed notebook stores; and, throughout, no console error
    and no request off the machine.
    """
    relative = path.relative_to(root).as_posix()
    stored = StoredNotebook.read(path)
    lab.page_problems()  # what happened before this notebook is not its problem
    yield from lab.open_notebook_steps(relative)
    problems = [f"as committed: {p}" for p in output_problems(lab.snapshot(), stored, False)]
    result = yield from lab.run_all_steps()
    if result != "done: true":
        problems.append(f"Run All did not finish cleanly: {result}")
    snap = lab.snapshot()
    missing = [cell["index"] for cell in snap["cells"] if cell["count"] is None]
    if missing:
        problems.append(f"after Run All: code cells never ran: {missing}")
    problems += [f"after Run All: {p}" for p in output_problems(snap, stored, True)]
    expected = FEEDBACK_AFTER_RUN_ALL.get(path.parent.name)
    if expected:
        problems += [f"after Run All: {p}" for p in panel_feedback_problems(lab, expected)]
    problems += lab.page_problems()
    return problems


# How every exercise panel's feedback line starts after Run All: in a worked solution, answered by
# code, it says correct (or, for a writing task, saved), exactly as a click on Check would; in a
# student workbook, where every answer is still `...`, it says not answered yet.
FEEDBACK_AFTER_RUN_ALL = {
    "solutions": ("Correct", "Saved ("),
    "exercises": ("Not answered yet",),
}


def panel_feedback_problems(lab: LabPage, expected: tuple[str, ...]) -> list[str]:
    """Panels whose feedback line is missing or does not start with one of `expected`."""
    problems = []
    for panel in lab.page.evaluate(EXERCISE_FEEDBACK):
        name = re.search(r"""exercise\(\s*["']([^"']+)""", panel["source"])
        label = name.group(1) if name else f"cell {panel['cell']}"
        if panel["feedback"] is None:
            problems.append(f"exercise {label}: its panel has no feedback line (.ex-feedback)")
        elif not panel["feedback"].startswith(expected):
            problems.append(f"exercise {label}: the panel shows {panel['feedback']!r}")
    return problems


def check_notebook(lab: LabPage, root: Path, path: Path) -> list[str]:
    """check_notebook_steps, on one tab, to the end."""
    return drive(check_notebook_steps(lab, root, path))


@dataclass
class Outcome:
    problems: list[str]
    seconds: float
    artifacts: list[Path] = field(default_factory=list)


def check_notebooks(
    labs: list[LabPage],
    root: Path,
    paths: list[Path],
    artifacts: Path,
    quiet: set[Path] = frozenset(),
) -> dict[Path, Outcome]:
    """Check `paths` with check_notebook_steps, one notebook per tab at a time.

    The tabs take turns on this thread (one browser, one Playwright), so while one kernel
    computes, another tab opens or renders. A notebook with problems leaves a screenshot and
    its page text in `artifacts` (unless it is in `quiet`: expected to fail); a check that
    breaks down is a problem of its notebook, and its tab is reloaded for the next.
    """
    queue, running, outcomes = list(paths), {}, {}
    while queue or running:
        for lab in labs:
            if lab.page is not None and id(lab) not in running and queue:
                path = queue.pop(0)
                running[id(lab)] = (lab, path, check_notebook_steps(lab, root, path), time.time())
        for key, (lab, path, steps, started) in list(running.items()):
            try:
                next(steps)
                continue
            except StopIteration as done:
                problems, broke = done.value, False
            except Exception as error:  # a timeout or a crashed page: report, then go on
                problems, broke = [f"the check broke down: {type(error).__name__}: {error}"], True
            outcome = Outcome(problems, time.time() - started)
            if problems and path not in quiet:
                lab.show_cell(problems)
                name = path.relative_to(root).as_posix()
                outcome.artifacts = lab.save_artifacts(artifacts, name)
            lab.close_notebooks()
            if broke:
                with contextlib.suppress(Exception):
                    lab.open_lab()
            outcomes[path] = outcome
            del running[key]
        time.sleep(0.05)
    return outcomes
