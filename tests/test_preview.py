"""The live preview as an editor uses it: a real `mkdocs serve` that shows bad data in the browser and recovers.

Each test starts the server on a free port on 127.0.0.1 against a copy of the project, edits data/ the way
an editor does, and reads the pages the server sends until they change (bounded in time).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from project_copy import build_environment, copy_project

WAIT_SECONDS = 90
BAD_DATE = ("date: 2006-12-14", "date: 2006-13-14")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, check: Callable[[str], bool], what: str) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    page = ""
    while time.monotonic() < deadline:
        page = _get(url)
        if page and check(page):
            return page
        time.sleep(0.5)
    raise AssertionError(f"{what} did not happen within {WAIT_SECONDS} s; last page began:\n{page[:600]}")


def _break(milestones: Path) -> None:
    milestones.write_text(milestones.read_text(encoding="utf-8").replace(*BAD_DATE, 1), encoding="utf-8")


def _mend(milestones: Path) -> None:
    milestones.write_text(milestones.read_text(encoding="utf-8").replace(BAD_DATE[1], BAD_DATE[0], 1), encoding="utf-8")


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Start `mkdocs serve` on the project copy in tmp_path/project; give its address; stop it afterwards."""
    processes: list[subprocess.Popen[bytes]] = []

    def start() -> str:
        project = tmp_path / "project"
        port = _free_port()
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}",
                   "-f", str(project / "mkdocs.yml")]
        processes.append(subprocess.Popen(command, cwd=project, env=build_environment(project),
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        return f"http://127.0.0.1:{port}/"

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


def _shows_problem(page: str) -> bool:
    return "The site cannot be built yet" in page and "2006-13-14" in page


def _shows_site(page: str) -> bool:
    return "The site cannot be built yet" not in page and "Latest milestones" in page


def test_the_preview_starts_with_bad_data_and_recovers_when_it_is_fixed(tmp_path: Path, serve) -> None:
    project = copy_project(tmp_path / "project")
    milestones = project / "data" / "milestones.yml"
    _break(milestones)
    url = serve()
    page = _wait_for(url, _shows_problem, "the problems page")
    assert "data/milestones.yml:" in page and "pfp-joined: date:" in page
    _mend(milestones)
    _wait_for(url, _shows_site, "the recovery")


def test_data_that_goes_bad_while_serving_shows_in_the_browser(tmp_path: Path, serve) -> None:
    project = copy_project(tmp_path / "project")
    milestones = project / "data" / "milestones.yml"
    url = serve()
    _wait_for(url, _shows_site, "the first build")
    _break(milestones)
    _wait_for(url + "timeline/", _shows_problem, "the problems page on another page")
    _mend(milestones)
    _wait_for(url + "timeline/", lambda page: "The site cannot be built yet" not in page and "tl-event" in page,
              "the recovery")
