"""Browser fixtures: the built site/ served on 127.0.0.1, Debian's headless Chromium, and browser
contexts that record console errors and every request to another host (Chromium resolves no other
host name, so such a request fails instead of leaving the machine). The tests read site/ as
`make build` left it (see browsing.py).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_FILE_PATH as AXE_SCRIPT
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    expect,
    sync_playwright,
)

from .browsing import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, SITE

TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)

# Material's search says this until its worker has loaded the index: the page is then fully up.
SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta !== null && meta.textContent.trim() !== 'Initializing search';
}"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Recorder:
    """What pages did that a reader would not want: console errors and requests to other hosts."""

    own_host: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.console_errors.clear()
        self.foreign_requests.clear()

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_page_error(self, error: Exception) -> None:
        self.console_errors.append(f"uncaught: {error}")

    def on_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.own_host:
            self.foreign_requests.append(request.url)


@dataclass
class Session:
    """One browser context on the site with its recorder."""

    context: BrowserContext
    recorder: Recorder
    base_url: str

    def new_page(self) -> Page:
        page = self.context.new_page()
        page.on("console", self.recorder.on_console)
        page.on("pageerror", self.recorder.on_page_error)
        return page

    def open(self, path: str, page: Page | None = None) -> Page:
        """Load a path of the site; its scripts (Material's and the site's) have run when this returns."""
        page = page or self.new_page()
        page.goto(self.base_url + path, wait_until="load")
        return page

    def load_fully(self, path: str) -> tuple[Page, Response | None]:
        """Load a path and also wait for Material's search worker to have read the search index."""
        page = self.new_page()
        response = page.goto(self.base_url + path, wait_until="load")
        page.wait_for_function(SEARCH_READY)
        return page, response


def _start_session(browser: Browser, base_url: str, **options) -> Session:
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    recorder = Recorder(own_host=urlsplit(base_url).netloc)
    context.on("request", recorder.on_request)
    return Session(context, recorder, base_url)


@pytest.fixture(scope="package")
def site_dir() -> Path:
    if not (SITE / "index.html").is_file() or not (SITE / "timeline" / "index.html").is_file():
        pytest.fail(f"The built site is missing at {SITE}: run `make build` first (make test-browser does).")
    return SITE


@pytest.fixture(scope="package")
def base_url(site_dir: Path) -> Iterator[str]:
    """The site served by a threaded static server on a free port of 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: install it with `apt-get install -y chromium`.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _shared_session(browser: Browser, base_url: str, **options) -> Iterator[Session]:
    session = _start_session(browser, base_url, **options)
    yield session
    session.context.close()


# Contexts shared by the per-page tests (a context costs a third of a second; there are many pages).
# Each test takes a new page and starts with a cleared recorder: see `fresh`.
@pytest.fixture(scope="package")
def light_session(browser: Browser, base_url: str) -> Iterator[Session]:
    yield from _shared_session(browser, base_url, viewport=DESKTOP, color_scheme="light")


@pytest.fixture(scope="package")
def phone_session(browser: Browser, base_url: str) -> Iterator[Session]:
    yield from _shared_session(browser, base_url, viewport=PHONE, is_mobile=True, has_touch=True, color_scheme="light")


# axe-core (the copy shipped with axe-playwright-python) is added to every page of these two
# contexts before the page's own scripts run, so each test only has to call axe.run().
@pytest.fixture(scope="package")
def axe_sessions(browser: Browser, base_url: str) -> Iterator[dict[str, Session]]:
    sessions = {scheme: _start_session(browser, base_url, viewport=DESKTOP, color_scheme=scheme)
                for scheme in ("light", "dark")}
    for session in sessions.values():
        session.context.add_init_script(path=str(AXE_SCRIPT))
    yield sessions
    for session in sessions.values():
        session.context.close()


@pytest.fixture
def fresh() -> Iterator[Callable[[Session], Session]]:
    """Clear a shared session's recorder for this test, and close the pages the test opened."""
    used: list[Session] = []

    def take(session: Session) -> Session:
        session.recorder.clear()
        used.append(session)
        return session

    yield take
    for session in used:
        for page in session.context.pages:
            page.close()


@pytest.fixture
def new_session(browser: Browser, base_url: str) -> Iterator[Callable[..., Session]]:
    """Make fresh browser contexts (any Playwright context options), closed after the test."""
    sessions: list[Session] = []

    def make(**options) -> Session:
        sessions.append(_start_session(browser, base_url, **{"viewport": DESKTOP, **options}))
        return sessions[-1]

    yield make
    for session in sessions:
        session.context.close()


@pytest.fixture
def session(new_session) -> Session:
    """A fresh desktop context in the light colour scheme, with nothing stored from other tests."""
    return new_session(color_scheme="light")
