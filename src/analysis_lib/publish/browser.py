"""Open local pages in the system's headless Chromium and report what went wrong.

Chromium is driven over the DevTools protocol with ``--remote-debugging-pipe``:
it reads commands from fd 3 and writes replies and events to fd 4, one JSON
message per NUL-terminated chunk. Standard library only (no websocket client).

Per page and per window width (:data:`analysis_lib.publish.layout.VIEWPORTS`:
a phone and a laptop): console errors, uncaught exceptions, error log entries,
failed requests, every request that is not ``file:`` or ``data:`` (the reports
must work offline) and the layout rules of :mod:`analysis_lib.publish.layout`
(no sideways scrolling, prose no wider than about 70 characters), plus a
screenshot. The browser is always killed.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from analysis_lib.exceptions import BuildError, SystemDependencyError
from analysis_lib.publish.layout import VIEWPORTS, Viewport, layout_problems, probe

LOCAL_SCHEMES = ("file:", "data:")
# No network: every background service Chromium would contact is off.
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--window-size=1280,1024",
)
MAX_SCREENSHOT_HEIGHT = 8000
# After the load event: wait until no request is pending and nothing arrived for this long.
QUIET_SECONDS = 0.3
_COMMAND_FD, _REPLY_FD = 3, 4
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass
class PageCheck:
    """What happened while one page loaded.

    Attributes
    ----------
    page : str
        The page as shown in messages (a path relative to the reports folder).
    url : str
        The ``file://`` URL opened.
    errors : list of str
        Console errors, uncaught exceptions and error log entries.
    failed : list of str
        Requests that failed, ``<url>: <error text>``.
    network : list of str
        Requested URLs that are neither ``file:`` nor ``data:``.
    viewport : Viewport or None
        The window the page was opened in (None: Chromium's default window).
    layout : list of str
        Broken layout rules (see :func:`analysis_lib.publish.layout.layout_problems`).
    screenshot : Path or None
        The PNG written, if any.
    """

    page: str
    url: str
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    network: list[str] = field(default_factory=list)
    viewport: Viewport | None = None
    layout: list[str] = field(default_factory=list)
    screenshot: Path | None = None

    @property
    def where(self) -> str:
        """The page and its window width, e.g. ``en/01.html at 390 px``."""
        return f"{self.page} at {self.viewport.width} px" if self.viewport else self.page

    def problems(self) -> list[str]:
        """Return one line per problem, each naming the page and the window width."""
        return (
            [f"{self.where}: console error: {text}" for text in self.errors]
            + [f"{self.where}: failed request: {text}" for text in self.failed]
            + [f"{self.where}: network request: {url}" for url in self.network]
            + [f"{self.where}: {text}" for text in self.layout]
        )


def parent_death_signal():
    """Return a function that makes the calling process die (SIGKILL) with its parent.

    For ``preexec_fn``: libc and ``prctl`` are looked up here, before the fork,
    so the child only makes the system call. A browser started by a build
    worker then dies with it, even when the worker is killed; its zygote and
    renderers follow when the browser's pipes close. Outside Linux, or without
    a loadable libc, the function does nothing.
    """
    if not sys.platform.startswith("linux"):
        return lambda: None
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return lambda: None
    parent = os.getpid()

    def set_signal() -> None:
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the call
            os._exit(1)

    return set_signal


def _one_line(text: object, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class DevToolsPipe:
    """A Chromium process and its DevTools pipe; use as a context manager.

    Parameters
    ----------
    chromium : Path
        The browser binary.
    timeout : float
        Seconds any single protocol command may take.
    """

    def __init__(self, chromium: Path, timeout: float = 30.0):
        self.chromium, self.timeout = Path(chromium), timeout
        self.events: list[dict] = []
        self._buffer, self._next_id = b"", 0

    def __enter__(self) -> DevToolsPipe:
        self._profile = tempfile.TemporaryDirectory(prefix="analysis-lib-browser-")
        command_read, self._command_write = os.pipe()
        self._reply_read, reply_write = os.pipe()
        # Numbers >= 10 so that moving them onto 3 and 4 in the child cannot clobber each other.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (command_read, reply_write)]
        os.close(command_read)
        os.close(reply_write)

        die_with_parent = parent_death_signal()

        def child_fds() -> None:
            os.dup2(high[0], _COMMAND_FD)
            os.dup2(high[1], _REPLY_FD)
            die_with_parent()

        command = [
            str(self.chromium),
            *BROWSER_FLAGS,
            f"--user-data-dir={self._profile.name}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        try:
            # close_fds=False: fds 3 and 4 are created by child_fds, after which
            # close_fds would close them; Python's own fds are not inheritable.
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=False,
                start_new_session=True,
                preexec_fn=child_fds,  # dup2 and prctl only: safe between fork and exec
            )
        except OSError as error:
            self._close_fds()
            self._profile.cleanup()
            raise BuildError(f"{self.chromium}: cannot start Chromium: {error}") from None
        finally:
            for fd in high:
                os.close(fd)
        return self

    def __exit__(self, *exc) -> None:
        # The whole process group: Chromium's zygote and renderers too, not only the browser.
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        self._close_fds()
        self._profile.cleanup()

    def _close_fds(self) -> None:
        for name in ("_command_write", "_reply_read"):
            fd = getattr(self, name, None)
            if fd is not None:
                os.close(fd)
                setattr(self, name, None)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        """Send one command without waiting; return its id."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            data = data[os.write(self._command_write, data) :]
        return self._next_id

    def receive(self, timeout: float) -> dict | None:
        """Return the next message, or None when nothing arrived within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._reply_read], [], [], left)[0]:
                return None
            chunk = os.read(self._reply_read, 1 << 16)
            if not chunk:
                raise BuildError(f"{self.chromium}: Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send a command and return its result; events that arrive meanwhile are kept."""
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + self.timeout
        while (left := deadline - time.monotonic()) > 0:
            message = self.receive(left)
            if message is None:
                break
            if message.get("id") == wanted:
                if "error" in message:
                    error = message["error"].get("message", message["error"])
                    raise BuildError(f"Chromium: {method} failed: {_one_line(error)}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)
        raise BuildError(f"Chromium: no answer to {method} within {self.timeout:g} s")


def _record(check: PageCheck, event: dict, pending: dict[str, str]) -> None:
    """Update ``check`` (and the pending requests) from one protocol event."""
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.exceptionThrown":
        details = params.get("exceptionDetails", {})
        text = details.get("exception", {}).get("description") or details.get("text")
        check.errors.append(_one_line(f"uncaught exception: {text}"))
    elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        args = params.get("args", [])
        text = " ".join(str(a.get("value", a.get("description", ""))) for a in args)
        check.errors.append(_one_line(f"console.{params['type']}: {text}"))
    elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
        entry = params["entry"]
        where = f" ({entry['url']})" if entry.get("url") else ""
        check.errors.append(_one_line(f"log: {entry.get('text', '')}{where}"))
    elif method == "Network.requestWillBeSent":
        url = params.get("request", {}).get("url", "")
        pending[params.get("requestId", "")] = url
        if not url.startswith(LOCAL_SCHEMES):
            check.network.append(_one_line(url))
    elif method == "Network.loadingFailed":
        url = pending.pop(params.get("requestId", ""), "?")
        check.failed.append(_one_line(f"{url}: {params.get('errorText', 'failed')}"))
    elif method == "Network.loadingFinished":
        pending.pop(params.get("requestId", ""), None)


def _inspect(browser: DevToolsPipe, check: PageCheck, screenshot: Path | None) -> None:
    target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
        "sessionId"
    ]
    for domain in ("Runtime", "Log", "Network", "Page"):
        browser.call(f"{domain}.enable", session=session)
    if check.viewport is not None:
        browser.call("Emulation.setDeviceMetricsOverride", check.viewport.metrics(), session)
    browser.events.clear()
    browser.call("Page.navigate", {"url": check.url}, session)
    pending: dict[str, str] = {}
    loaded = False
    deadline = time.monotonic() + browser.timeout
    while time.monotonic() < deadline:
        while browser.events:
            event = browser.events.pop(0)
            if event.get("sessionId") != session:
                continue
            loaded = loaded or event.get("method") == "Page.loadEventFired"
            _record(check, event, pending)
        message = browser.receive(QUIET_SECONDS)
        if message is None:
            if loaded and not pending:
                break
            continue
        if "method" in message:
            browser.events.append(message)
    else:
        raise BuildError(
            f"{check.where}: page did not finish loading within {browser.timeout:g} s"
        )
    if check.viewport is not None:
        measured = browser.call(
            "Runtime.evaluate",
            {"expression": probe(check.viewport), "returnByValue": True},
            session,
        )
        if "exceptionDetails" in measured:
            raise BuildError(f"{check.where}: the layout probe failed: {measured}")
        check.layout = layout_problems(check.viewport, measured["result"]["value"])
    if screenshot is not None:
        size = browser.call("Page.getLayoutMetrics", session=session)["cssContentSize"]
        clip = {
            "x": 0,
            "y": 0,
            "width": max(1, int(size["width"])),
            "height": max(1, min(int(size["height"]), MAX_SCREENSHOT_HEIGHT)),
            "scale": 1,
        }
        shot = browser.call(
            "Page.captureScreenshot",
            {"format": "png", "clip": clip, "captureBeyondViewport": True},
            session,
        )
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        screenshot.write_bytes(base64.b64decode(shot["data"]))
        check.screenshot = screenshot
    browser.call("Target.closeTarget", {"targetId": target})


def check_pages(
    pages: list[Path],
    screenshot_dir: Path | None = None,
    *,
    chromium: Path | None = None,
    base: Path | None = None,
    timeout: float = 30.0,
    viewports: tuple[Viewport | None, ...] = VIEWPORTS,
) -> list[PageCheck]:
    """Load each page at each window width in one headless Chromium and report what went wrong.

    Parameters
    ----------
    pages : list of Path
        Local HTML files.
    screenshot_dir : Path, optional
        Where to write one PNG per page and width, named after both
        (``en-01-trade-dynamics-390.png``); None: no screenshots.
    chromium : Path, optional
        The browser; default the system Chromium (:func:`analysis_lib.publish.pdf.find_chromium`).
    base : Path, optional
        Pages are named relative to this folder in messages and screenshot names.
    timeout : float
        Seconds each protocol command and each page load may take.
    viewports : tuple of Viewport or None
        The windows to open each page in (default: a phone and a laptop); None
        stands for Chromium's own window, without layout rules.

    Returns
    -------
    list of PageCheck
        One per page and window, pages in order, each page's windows in order.

    Raises
    ------
    SystemDependencyError
        Chromium is not installed.
    BuildError
        Chromium does not start, answer or finish loading a page in time.
    """
    from analysis_lib.publish import pdf

    chromium = chromium or pdf.find_chromium()
    if chromium is None:
        where = ", ".join(str(c) for c in pdf.CHROMIUM_CANDIDATES)
        raise SystemDependencyError(
            f"Chromium not found at {where}: cannot open the reports; "
            f"install it with: {pdf.CHROMIUM_APT}"
        )
    checks = []
    with DevToolsPipe(chromium, timeout) as browser:
        for page in pages:
            page = Path(page).resolve()
            name = Path(os.path.relpath(page, base.resolve())).as_posix() if base else page.name
            stem = name.replace("../", "").replace("/", "-").removesuffix(".html")
            for viewport in viewports:
                check = PageCheck(page=name, url=page.as_uri(), viewport=viewport)
                shot = None
                if screenshot_dir is not None:
                    suffix = f"-{viewport.name}" if viewport else ""
                    shot = Path(screenshot_dir) / f"{stem}{suffix}.png"
                _inspect(browser, check, shot)
                checks.append(check)
    return checks
