"""A throwaway JupyterLab server for the browser tests: loopback only, no auth, never writes.

Everything JupyterLab would normally read or write in the user's home (config, data, runtime
files, settings, workspaces, checkpoints) points into one temporary folder, so a developer's own
Jupyter setup cannot change what the tests see and the tests cannot change it either. The lab
extensions (ipywidgets' among them) still load: they are found through the environment's own
data path, `sys.prefix/share/jupyter`, which JUPYTER_DATA_DIR does not replace.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

# Settings a fresh user would have, except what would make a test run write, fetch or hide cells.
USER_SETTINGS = {
    # Never save a notebook by itself: the tests run lessons but must not change them.
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # No news or update checks (they would ask the network, and pop up a notification).
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # Render every cell: the default windowing skips off-screen cells, hiding their outputs.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # The extension manager would look up PyPI from the server.
    "@jupyterlab/extensionmanager-extension/plugin": {"enabled": False},
}

# The server's own configuration, written into the isolated JUPYTER_CONFIG_DIR.
SERVER_CONFIG = '''\
"""Written by tests/browser/lab.py for one browser-test session."""

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import TraitError

REFUSED = "browser tests never write to the repository"


class RefusingContentsManager(AsyncLargeFileManager):
    """Reads the repository like the default manager; refuses to save, rename or delete."""

    async def save(self, model, path=""):
        self.log.error("REFUSED save of %s", path)
        raise web.HTTPError(403, REFUSED)

    async def rename_file(self, old_path, new_path):
        self.log.error("REFUSED rename of %s", old_path)
        raise web.HTTPError(403, REFUSED)

    async def delete_file(self, path):
        self.log.error("REFUSED delete of %s", path)
        raise web.HTTPError(403, REFUSED)


class StartedKernelsManager(AsyncMappingKernelManager):
    """Lists a new kernel only once it is stamped with its first activity.

    jupyter_server registers a kernel a moment before it sets `last_activity`; a GET /api/kernels
    in that moment fails with a 500 (the upstream race of jupyter-server/enterprise_gateway#1395).
    JupyterLab polls that list every few seconds and silently retries, so a student never sees
    it, but the browser tests would report it as a console error of whatever notebook was opening.
    """

    def kernel_model(self, kernel_id):
        try:
            return super().kernel_model(kernel_id)
        except TraitError as error:  # not stamped yet: list_kernels skips a KeyError
            raise KeyError(kernel_id) from error


c = get_config()  # noqa: F821
c.ServerApp.contents_manager_class = RefusingContentsManager
c.ServerApp.kernel_manager_class = StartedKernelsManager
# Checkpoints (File > Save and Checkpoint, or one JupyterLab may make on opening a file) go to
# the temporary folder, never into .ipynb_checkpoints/ folders of the repository.
c.FileCheckpoints.root_dir = {checkpoints!r}
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.expose_app_in_browser = True
# Installed extensions only; the default "pypi" manager would query PyPI.
c.LabApp.extension_manager = "readonly"
# A backstop if the test process dies without stopping the server: it goes away by itself.
c.MappingKernelManager.cull_idle_timeout = 900
c.MappingKernelManager.cull_interval = 60
c.ServerApp.shutdown_no_activity_timeout = 1200
'''

REFUSED_MARK = "REFUSED "


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def descendants(pid: int) -> list[int]:
    """Process ids of every live descendant of `pid` (Linux /proc), children first."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: split after its last ")".
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class LabServer:
    """One JupyterLab process serving `root` on 127.0.0.1; use `start()` and `stop()`."""

    root: Path
    home: Path  # temporary folder holding everything the server writes
    port: int = 0
    process: subprocess.Popen | None = None
    attempts: int = 0
    log_path: Path = field(init=False)

    def __post_init__(self):
        self.log_path = self.home / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def checkpoints(self) -> Path:
        return self.home / "checkpoints"

    @property
    def work(self) -> Path:
        """Where the kernels save students' work (see iran_russia.exercises.store)."""
        return self.home / "work"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        folders = {
            "JUPYTER_CONFIG_DIR": "config",
            "JUPYTER_DATA_DIR": "data",
            "JUPYTER_RUNTIME_DIR": "runtime",
            "JUPYTERLAB_SETTINGS_DIR": "settings",
            "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
            "IPYTHONDIR": "ipython",
        }
        for name, folder in folders.items():
            env[name] = str(self.home / folder)
        for name in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_PREFER_ENV_PATH"):
            env.pop(name, None)
        # Students' saved work (answers given in the page) stays with this server.
        env["IRAN_RUSSIA_WORK"] = str(self.work)
        # The kernels draw figures as a student's would (inline); never open a window.
        env.pop("MPLBACKEND", None)
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def write_configuration(self) -> None:
        for folder in ("config", "data", "runtime", "settings", "workspaces", "checkpoints"):
            (self.home / folder).mkdir(parents=True, exist_ok=True)
        config = SERVER_CONFIG.format(checkpoints=str(self.checkpoints))
        (self.home / "config" / "jupyter_server_config.py").write_text(config)
        for plugin, values in USER_SETTINGS.items():
            target = self.home / "settings" / f"{plugin}.jupyterlab-settings"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values, indent=2))

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--IdentityProvider.token=",
            "--PasswordIdentityProvider.hashed_password=",
            f"--ServerApp.root_dir={self.root}",
            # CI runs as root; Jupyter refuses that unless told (the server is loopback-only).
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ]

    def launch(self) -> None:
        """Start the server process on a free port; `wait_until_ready` waits for it."""
        if not (self.home / "config").exists():
            self.write_configuration()
        self.attempts += 1
        self.port = free_port()
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(),
                cwd=self.root,
                env=self.environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed as one at the end
            )

    def wait_until_ready(self, timeout: float = 60.0) -> None:
        """Wait until the API answers; relaunch (three tries in all) if the process died.

        Another program can take the free port between `free_port` and the server binding it.
        """
        if self.process is None:
            self.launch()
        while not self._wait_until_up(timeout):
            self.stop()
            if self.attempts >= 3:
                raise RuntimeError(f"JupyterLab did not start; its log:\n{self.log_tail()}")
            self.launch()

    def start(self, timeout: float = 60.0) -> None:
        """Start the server and wait until its API answers."""
        self.launch()
        self.wait_until_ready(timeout)

    def _wait_until_up(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False  # exited (the port may have been taken meanwhile)
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as response:
                    if response.status == 200:
                        return True
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        return False

    def get_json(self, path: str):
        with urllib.request.urlopen(f"{self.url}{path}", timeout=10) as response:
            return json.load(response)

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the server and its kernels, whatever state they are in."""
        process, self.process = self.process, None
        if process is None:
            return
        family = descendants(process.pid)  # kernels run in sessions of their own
        if process.poll() is None:
            # SIGTERM: the server shuts its kernels down cleanly before it exits.
            process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # anything left in its process group
        process.wait(5)
        for pid in family:
            if _alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def refused_writes(self) -> list[str]:
        """Log lines of writes the server refused (a test tried to save or rename a file)."""
        return [line for line in self.log_text().splitlines() if REFUSED_MARK in line]
