"""Live preview: from saving an edit in data/ to the change visible in the browser, under `mkdocs serve --livereload`.

A copy of the project is served by a real `mkdocs serve` on 127.0.0.1; headless Chromium shows
its timeline; each run rewrites one milestone's title in data/milestones.yml and times, from the
file's save, until the page in the browser (reloaded by MkDocs' live reload) shows the new title.
"""

from __future__ import annotations

import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser

from tests import project_copy

_TITLE = re.compile(r"^(\s+title:\n\s+en: ).*$", re.M)  # the first milestone's English title


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("mkdocs serve exited before serving")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"mkdocs serve did not answer at {url}")


def measure(browser: Browser, root: Path, work: Path, runs: int) -> float:
    """The median seconds from an edit's save to the new title shown, over `runs` edits."""
    project = project_copy.copy_project(work / "preview-project", root=root)
    milestones = project / "data" / "milestones.yml"
    first_id = re.search(r"^\s+- id: (\S+)", milestones.read_text(encoding="utf-8"), re.M).group(1)
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}", "-f",
               str(project / "mkdocs.yml")]
    server = subprocess.Popen(command, cwd=project, env=project_copy.build_environment(project),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/timeline/"
        _wait_until_up(url, server)
        page = browser.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_timeout(1500)  # the live-reload script has connected
        return statistics.median(_one_edit(page, milestones, first_id, n) for n in range(runs))
    finally:
        server.terminate()
        server.wait(timeout=30)


def _one_edit(page, milestones: Path, milestone_id: str, number: int) -> float:  # page: a Playwright Page
    title = f"Preview check {number} {time.monotonic_ns()}"
    milestones.write_text(with_first_title(milestones.read_text(encoding="utf-8"), title), encoding="utf-8")
    saved = time.perf_counter()
    page.locator(f"#{milestone_id} .tl-title", has_text=title).wait_for(timeout=120_000)
    shown = time.perf_counter() - saved
    time.sleep(1.0)  # let the server settle before the next edit
    return shown


def with_first_title(milestones_yaml: str, title: str) -> str:
    """data/milestones.yml with the first milestone's English title replaced by `title`."""
    edited, count = _TITLE.subn(lambda m: f"{m.group(1)}{title}", milestones_yaml, count=1)
    if count != 1:
        raise RuntimeError("no milestone with an English title (`title:` then `en:`) to edit in milestones.yml")
    return edited
