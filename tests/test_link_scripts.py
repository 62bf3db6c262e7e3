"""The link-check scripts, run for real against small sites and servers on 127.0.0.1:
scripts/check_links.py (LinkChecker, internal links and anchors) and
scripts/check_external_links.py (the sources' addresses; never run against the network here)."""

from __future__ import annotations

import functools
import importlib.util
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECK_LINKS = ROOT / "scripts" / "check_links.py"


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _write_site(folder: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><head><title>{name}</title></head><body>{body}</body></html>")
    return folder


def _check_links(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK_LINKS), str(site)], capture_output=True, text=True, timeout=300)


GOOD_PAGES = {
    "index.html": '<a href="a/">A</a> <a href="a/#here">here</a> <a href="https://example.invalid/">out</a>'
                  ' <a href="mailto:someone@example.invalid">mail</a>',
    "a/index.html": '<h2 id="here">Here</h2><a href="../">home</a>',
}


def test_check_links_passes_a_sound_site_and_says_what_it_checked(tmp_path: Path) -> None:
    result = _check_links(_write_site(tmp_path, GOOD_PAGES))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 pages in 1 editions checked" in result.stdout


def test_check_links_lists_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    pages = {**GOOD_PAGES, "a/index.html": '<h2 id="here">Here</h2><a href="../b/">b</a> <a href="../#nowhere">x</a>'}
    result = _check_links(_write_site(tmp_path, pages))
    assert result.returncode == 1
    assert "/a/ line 1: ../b/" in result.stderr and "404" in result.stderr
    assert "Anchor `nowhere' (decoded: `nowhere') not found." in result.stderr


FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<link rel="self" href="https://example.org/site/downloads/events.atom"/>
<entry><link rel="alternate" href="https://example.org/site/a/#here"/></entry>
<entry><link rel="alternate" href="https://example.org/site/a/#{anchor}"/></entry>
</feed>
"""


def test_check_links_follows_the_links_in_a_feed_to_their_pages_and_anchors(tmp_path: Path) -> None:
    """LinkChecker reads no Atom: the script checks a feed's links against the built files itself."""
    site = _write_site(tmp_path, GOOD_PAGES)
    (site / "downloads").mkdir()
    (site / "downloads" / "events.atom").write_text(FEED.format(anchor="here"), encoding="utf-8")
    result = _check_links(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 feed links checked" in result.stdout
    (site / "downloads" / "events.atom").write_text(FEED.format(anchor="gone"), encoding="utf-8")
    result = _check_links(site)
    assert result.returncode == 1
    assert "/downloads/events.atom: https://example.org/site/a/#gone: no anchor #gone on a/index.html" in result.stderr


def test_check_links_fails_clearly_without_a_built_site(tmp_path: Path) -> None:
    result = _check_links(tmp_path / "missing")
    assert result.returncode == 2
    assert "build the site first" in result.stderr


class _StatusHandler(BaseHTTPRequestHandler):
    """/ok answers 200, /gone 404, /no-head refuses HEAD (405) but answers GET."""

    def _answer(self) -> None:
        if self.path == "/ok" or (self.path == "/no-head" and self.command == "GET"):
            status = 200
        elif self.path == "/no-head":
            status = 405
        else:
            status = 404
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def status_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StatusHandler))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_external_check_tells_working_from_broken_addresses(status_server: str) -> None:
    external = _load_script("check_external_links")
    results = [external.check_url(name, f"{status_server}/{name}") for name in ("ok", "gone", "no-head")]
    assert [r.problem for r in results] == [None, "HTTP 404", None]
    closed = external.check_url("closed", "http://127.0.0.1:1/")
    assert closed.problem.startswith("no answer")
    report = external.report([*results, closed])
    assert "4 source addresses checked, 2 broken." in report
    assert "| `gone` |" in report and "| `ok` |" not in report


def test_external_check_reads_every_source_address_from_the_data() -> None:
    external = _load_script("check_external_links")
    urls = external.source_urls(ROOT / "data")
    assert urls and all(url.startswith(("http://", "https://")) for _, url in urls)
