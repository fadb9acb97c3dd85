"""The HTML report in a real headless Chromium: no console errors, no network, a screenshot.

The browser is driven over the DevTools protocol on ``--remote-debugging-pipe``
(file descriptors 3 and 4, NUL-terminated JSON), with the standard library
only. The test records every request the page makes (Network domain), every
console message, uncaught exception and browser log entry (Runtime, Log), then
takes a full-page screenshot and prints the page to PDF on A4.

Skipped, with the reason shown, only where no Chromium/Chrome is installed
(``.ci/run`` installs Debian's ``chromium``). To refresh the README's
screenshot docs/report.png (the page's top), run:

    PERFSCORE_REGEN=1 .venv/bin/pytest tests/test_render_html_browser.py
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)
SCREEN_WIDTH = 1000
PICTURE_HEIGHT = 1900  # px of the page's top kept as docs/report.png


def find_browser() -> str | None:
    override = os.environ.get("PERFSCORE_CHROMIUM")
    if override:
        return override
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


class DevTools:
    """A minimal DevTools-protocol client over Chromium's debugging pipe."""

    def __init__(self, browser: str, profile: str, timeout: float = 60):
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # The protocol uses fds 3 (commands in) and 4 (replies out): bash (dash cannot
        # name fds above 9) moves the pipe ends there and execs the browser.
        wire = (
            f'exec "$@" 3<&{to_browser_r} 4>&{from_browser_w} {to_browser_r}<&- {from_browser_w}>&-'
        )
        self.process = subprocess.Popen(
            [
                shutil.which("bash") or "/bin/bash",
                "-c",
                wire,
                "bash",
                browser,
                *FLAGS,
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(to_browser_r, from_browser_w),
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.deadline = time.monotonic() + timeout
        self.events: list[dict] = []
        self._buffer = b""
        self._next_id = 0

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Call ``method`` and wait for its answer; events met meanwhile are kept."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method: str) -> dict:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read()
            self.events.append(event)
            if event.get("method") == method:
                return event

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the browser did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("the browser closed the debugging pipe")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.write(
                self._to_browser, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0"
            )
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self._to_browser)
            os.close(self._from_browser)


def load_page(browser: str, page: Path) -> dict:
    """Open ``page``; return its requests, console problems, screenshot and A4 PDF."""
    with tempfile.TemporaryDirectory(prefix="perfscore-chromium-") as profile:
        tools = DevTools(browser, profile)
        try:
            target = tools.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = tools.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
                "sessionId"
            ]
            for domain in ("Network", "Runtime", "Log", "Page"):
                tools.send(f"{domain}.enable", session=session)
            tools.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": SCREEN_WIDTH, "height": 800, "deviceScaleFactor": 1, "mobile": False},
                session=session,
            )
            tools.send("Page.navigate", {"url": page.as_uri()}, session=session)
            tools.wait_for("Page.loadEventFired")
            height = tools.send("Page.getLayoutMetrics", session=session)["cssContentSize"][
                "height"
            ]
            shot = tools.send(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": SCREEN_WIDTH, "height": height, "scale": 1},
                },
                session=session,
            )
            # The README's picture: the top of the page (the header, chart, tables), not all of it
            top = tools.send(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {
                        "x": 0,
                        "y": 0,
                        "width": SCREEN_WIDTH,
                        "height": min(height, PICTURE_HEIGHT),
                        "scale": 1,
                    },
                },
                session=session,
            )
            pdf = tools.send(
                "Page.printToPDF",
                {"preferCSSPageSize": True, "printBackground": True},
                session=session,
            )
            title = tools.send(
                "Runtime.evaluate", {"expression": "document.title"}, session=session
            )["result"]["value"]
        finally:
            tools.close()
    events = tools.events
    return {
        "requests": [
            e["params"]["request"]["url"]
            for e in events
            if e.get("method") == "Network.requestWillBeSent"
        ],
        "problems": [
            e
            for e in events
            if e.get("method") == "Runtime.exceptionThrown"
            or (
                e.get("method") == "Runtime.consoleAPICalled"
                and e["params"]["type"] in ("error", "warning", "assert")
            )
            or (
                e.get("method") == "Log.entryAdded"
                and e["params"]["entry"]["level"] in ("error", "warning")
            )
        ],
        "png": base64.b64decode(shot["data"]),
        "top": base64.b64decode(top["data"]),
        "pdf": base64.b64decode(pdf["data"]),
        "title": title,
        "height": height,
    }


@pytest.fixture(scope="module")
def browser():
    found = find_browser()
    if found is None:
        pytest.skip(
            "no Chromium or Chrome installed (Debian: apt-get install -y chromium); "
            "the browser rendering of the HTML report was not checked"
        )
    return found


def test_report_renders_cleanly_in_chromium(browser, cli, tmp_path):
    """The HTML report loads with no console error, no request beyond its own file, and a screenshot."""
    page = tmp_path / "report.html"
    assert cli("report", EXAMPLES / "yirenyidang-2023.yaml", "-o", page).exit_code == 0
    seen = load_page(browser, page)
    assert seen["requests"] == [page.as_uri()], "the page fetched something beyond itself"
    assert seen["problems"] == [], "console errors, warnings or exceptions"
    assert seen["title"] == "“一人一档、一企一档”建设项目绩效评价得分情况"
    assert seen["png"].startswith(b"\x89PNG\r\n\x1a\n") and len(seen["png"]) > 50_000
    assert seen["height"] > 1500  # the whole report, not an empty page
    assert seen["pdf"].startswith(b"%PDF")
    assert re.search(rb"/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]", seen["pdf"]), "not A4 (@page)"
    (tmp_path / "report.png").write_bytes(seen["png"])
    if os.environ.get("PERFSCORE_REGEN") == "1":
        (ROOT / "docs" / "report.png").write_bytes(seen["top"])


def test_the_check_catches_requests_and_console_errors(browser, tmp_path):
    """The harness is not blind: a page that fetches and logs an error is caught."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title>'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>'
        '<body><img src="https://example.invalid/x.png">'
        '<script>console.error("boom")</script></body></html>',
        encoding="utf-8",
    )
    seen = load_page(browser, page)
    assert any(url.startswith("http") for url in seen["requests"])
    assert seen["problems"], "the console error was not seen"
