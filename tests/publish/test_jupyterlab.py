"""A notebook opened in JupyterLab, run top to bottom and saved, in the real headless Chromium.

The venv's own ``jupyter lab`` (as ``make setup`` configured it, no extra
flags) serves a scratch git repository holding the project's first notebook,
its ``.gitattributes`` and the notebook filter. Chromium is driven over the
DevTools pipe; the page's JupyterLab application runs the same commands as the
menus (Run > Run All Cells, File > Save Notebook). Then the notebook must show
headings, prose and figures, every request must have stayed on the local
server, and the save must leave ``git status`` clean and the build's key as it
was.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis_lib import paths
from analysis_lib.publish import browser, manifest, notebook_content, pdf

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.xdist_group("jupyterlab"),
    pytest.mark.skipif(pdf.find_chromium() is None, reason="needs the system Chromium"),
]

NOTEBOOK = sorted((paths.PROJECT_ROOT / "notebooks").glob("01-*.ipynb"))[0]
MARKDOWN_HEADING = re.compile(r"^#{1,3} +(.+?) *#*$", re.MULTILINE)
STARTUP_SECONDS = 60
RUN_SECONDS = 120

# The page's JupyterLab: open the notebook, wait for its kernel, run every cell.
OPEN_AND_RUN = """
(async () => {
  const app = window.jupyterapp;
  await app.restored;
  const panel = await app.commands.execute('docmanager:open', {path: %(name)s});
  await panel.context.ready;
  await panel.sessionContext.ready;
  app.shell.activateById(panel.id);
  await app.commands.execute('notebook:run-all-cells');
  const kernel = panel.sessionContext.session.kernel;
  while (kernel.status !== 'idle') { await new Promise(r => setTimeout(r, 100)); }
  const errors = [];
  for (const cell of panel.content.model.cells) {
    if (cell.type !== 'code') continue;
    for (let i = 0; i < cell.outputs.length; i++) {
      const out = cell.outputs.get(i).toJSON();
      if (out.output_type === 'error') errors.push(out.ename + ': ' + out.evalue);
    }
  }
  return {kernel: kernel.name, errors};
})()
"""

WHAT_IT_SHOWS = """
(() => {
  const node = window.jupyterapp.shell.currentWidget.content.node;
  // A heading's text without the anchor link JupyterLab appends to it.
  const text = el => [...el.childNodes]
    .filter(n => !(n.classList && n.classList.contains('jp-InternalAnchorLink')))
    .map(n => n.textContent).join('').trim();
  return {
    headings: [...node.querySelectorAll('.jp-RenderedMarkdown :is(h1, h2, h3)')].map(text),
    prose: [...node.querySelectorAll('.jp-RenderedMarkdown p')]
      .map(text).filter(t => t.length > 40),
    figures: [...node.querySelectorAll('.jp-OutputArea-output img')]
      .filter(img => img.complete && img.naturalWidth > 100).length,
    toasts: [...document.querySelectorAll('.jp-toast-message, .Toastify__toast')].map(text),
  };
})()
"""

SAVE = """
(async () => {
  const panel = window.jupyterapp.shell.currentWidget;
  await window.jupyterapp.commands.execute('docmanager:save');
  return panel.context.model.dirty;
})()
"""


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A git repository: the project's .gitattributes, .gitignore, filter and first notebook."""
    root = tmp_path_factory.mktemp("lab") / "repo"
    (root / "notebooks").mkdir(parents=True)
    for name in (".gitattributes", ".gitignore"):
        shutil.copy(paths.PROJECT_ROOT / name, root)
    shutil.copy(NOTEBOOK, root / "notebooks")
    _git(root, "init", "-q")
    _git(root, "config", "user.email", "analyst@example.org")
    _git(root, "config", "user.name", "Analyst")
    notebook_content.install_filter(root, Path(sys.executable))
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "notebook")
    # As a clone has it: the file as committed (through the filter).
    (root / "notebooks" / NOTEBOOK.name).unlink()
    _git(root, "checkout", "--", ".")
    return root


class Lab:
    """The venv's ``jupyter lab`` on a free port with a token, in its own process group."""

    def __init__(self, root: Path, scratch: Path):
        self.token = secrets.token_hex(16)
        self.runtime = scratch / "runtime"
        env = {
            **os.environ,
            # Nothing from the user's own Jupyter folders; the venv's config still applies.
            "JUPYTER_CONFIG_DIR": str(scratch / "config"),
            "JUPYTER_DATA_DIR": str(scratch / "data"),
            "JUPYTER_RUNTIME_DIR": str(self.runtime),
            "JUPYTERLAB_SETTINGS_DIR": str(scratch / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(scratch / "workspaces"),
            "ANALYSIS_LIB_BUILD_DIR": str(scratch / "build"),
        }
        command = [
            str(Path(sys.executable).with_name("jupyter")),
            "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            "--ServerApp.port=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={root}",
            "--LabApp.expose_app_in_browser=True",
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ]
        self.log = open(scratch / "lab.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            command, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.url = self._wait_for_server()

    def _wait_for_server(self) -> str:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            for info in self.runtime.glob("jpserver-*.json"):
                url = json.loads(info.read_text(encoding="utf-8") or "{}").get("url")
                if url and self._answers(url):
                    return url.rstrip("/")
            time.sleep(0.2)
        self.stop()
        log = Path(self.log.name).read_text(encoding="utf-8", errors="replace")
        pytest.fail(f"jupyter lab did not start within {STARTUP_SECONDS} s:\n{log[-3000:]}")

    def _answers(self, url: str) -> bool:
        try:
            self.get_json("/api/status", base=url.rstrip("/"))
        except OSError:
            return False
        return True

    def get_json(self, path: str, base: str | None = None) -> dict:
        request = urllib.request.Request(
            f"{base or self.url}{path}", headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())

    def stop(self) -> None:
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            request = urllib.request.Request(
                f"{self.url}/api/shutdown",
                method="POST",
                headers={"Authorization": f"token {self.token}"},
            )
            urllib.request.urlopen(request, timeout=10).close()
            self.process.wait(timeout=20)
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.log.close()


def _evaluate(pipe: browser.DevToolsPipe, session: str, expression: str):
    result = pipe.call(
        "Runtime.evaluate",
        {"expression": expression, "awaitPromise": True, "returnByValue": True},
        session,
    )
    if "exceptionDetails" in result:
        details = result["exceptionDetails"]
        raise AssertionError(details.get("exception", {}).get("description") or details)
    return result["result"].get("value")


@pytest.fixture(scope="module")
def session(repo, tmp_path_factory):
    """The notebook opened, run and saved in JupyterLab; what the page showed and requested."""
    scratch = tmp_path_factory.mktemp("lab-scratch")
    committed = (repo / "notebooks" / NOTEBOOK.name).read_bytes()
    lab = Lab(repo / "notebooks", scratch)
    try:
        with browser.DevToolsPipe(pdf.find_chromium(), timeout=RUN_SECONDS) as pipe:
            target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            tab = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
                "sessionId"
            ]
            for domain in ("Runtime", "Network", "Page"):
                pipe.call(f"{domain}.enable", session=tab)
            pipe.call("Page.navigate", {"url": f"{lab.url}/lab?token={lab.token}&reset"}, tab)
            deadline = time.monotonic() + STARTUP_SECONDS
            while not _evaluate(pipe, tab, "typeof window.jupyterapp === 'object'"):
                assert time.monotonic() < deadline, "JupyterLab did not load in the page"
                time.sleep(0.2)
            ran = _evaluate(pipe, tab, OPEN_AND_RUN % {"name": json.dumps(NOTEBOOK.name)})
            shown = _evaluate(pipe, tab, WHAT_IT_SHOWS)
            dirty_after_save = _evaluate(pipe, tab, SAVE)
            shot = pipe.call("Page.captureScreenshot", {"format": "png"}, tab)
            requests = [
                event["params"]["request"]["url"]
                for event in pipe.events
                if event.get("method") == "Network.requestWillBeSent"
            ]
        notification = lab.get_json(
            "/lab/api/settings/@jupyterlab/apputils-extension:notification"
        )
        news = lab.get_json("/lab/api/news")
    finally:
        lab.stop()
    return {
        "ran": ran,
        "shown": shown,
        "dirty_after_save": dirty_after_save,
        "requests": requests,
        "notification": notification["schema"]["properties"],
        "news": news,
        "committed": committed,
        "screenshot": shot["data"],
        "url": lab.url,
    }


def test_the_notebook_runs_with_the_analysis_lib_kernel_without_errors(session):
    assert session["ran"] == {"kernel": paths.KERNEL_NAME, "errors": []}


def _written_headings(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    markdown = [
        notebook_content.source_text(c["source"]) for c in cells if c["cell_type"] == "markdown"
    ]
    return [match.group(1) for text in markdown for match in MARKDOWN_HEADING.finditer(text)]


def test_the_notebook_shows_headings_prose_and_figures(session, repo):
    shown = session["shown"]

    # JupyterLab shows the markdown cells of both languages; every heading written is rendered.
    assert shown["headings"] == _written_headings(repo / "notebooks" / NOTEBOOK.name)
    assert len(shown["prose"]) >= 2, shown["prose"]
    assert shown["figures"] >= 1
    assert shown["toasts"] == []


def test_every_request_stays_on_the_local_server(session):
    local = (session["url"], session["url"].replace("http:", "ws:"), "data:", "blob:")
    assert [url for url in session["requests"] if not url.startswith(local)] == []


def test_no_news_and_no_update_check(session):
    # The venv's overrides.json makes "never" the default a user starts from.
    assert session["notification"]["fetchNews"]["default"] == "false"
    assert session["notification"]["checkForUpdates"]["default"] is False
    assert session["news"] == {"news": []}


def test_saving_leaves_git_status_clean_and_the_key_unchanged(session, repo):
    saved = repo / "notebooks" / NOTEBOOK.name

    assert session["dirty_after_save"] is False
    assert _git(repo, "status", "--porcelain") == ""
    assert manifest.notebook_sha(saved) == notebook_content.content_sha(session["committed"])
