"""The timeline when its page holds only its first years: later years load when reached or linked to,
filters and counts cover every event, and without JavaScript each later year links to its decade's page.

These tests build their own copy of the site with `timeline_inline_events: 20`, so the real data
exercises what 10,000 events would (the real site holds every event on the page)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect
from project_copy import build_site, copy_project

from .test_timeline import expected_count_text, milestones_with, shown_ids

pytestmark = pytest.mark.browser
INLINE = 20


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def chunked_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("chunked-project"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "timeline_inline_events: 250" in text
    config.write_text(text.replace("timeline_inline_events: 250", f"timeline_inline_events: {INLINE}"),
                      encoding="utf-8")
    site = tmp_path_factory.mktemp("chunked-site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/timeline/"
    server.shutdown()
    server.server_close()


def deferred_ids(page: Page) -> list[str]:
    return page.evaluate("""() => Object.values(JSON.parse(
        document.querySelector('[data-timeline-index]').textContent)).flat().map(entry => entry[0])""")


def load_every_year(page: Page) -> None:
    """Scroll to each year still waiting for its events until none waits (in one step in the page, so a
    year that finishes loading meanwhile cannot leave a stale locator behind)."""
    scroll_to_next = """() => {
      const waiting = document.querySelector('section.tl-deferred:not([hidden])');
      if (waiting) { waiting.scrollIntoView(); }
      return waiting !== null;
    }"""
    for _ in range(600):
        if not page.evaluate(scroll_to_next):
            return
        page.wait_for_timeout(50)
    raise AssertionError("some years never loaded")


def test_the_page_holds_few_events_and_loads_the_rest_when_reached(session, chunked_url, dataset) -> None:
    page = session.new_page()
    page.goto(chunked_url, wait_until="load")
    assert len(shown_ids(page)) <= INLINE or len(deferred_ids(page)) > 0
    assert deferred_ids(page), "with 20 events inline, later years must be left to load"
    load_every_year(page)
    assert shown_ids(page) == [m.id for m in dataset.chronological()]
    assert session.recorder.console_errors == []


def test_a_permalink_to_an_event_not_yet_loaded_opens_it(session, chunked_url, dataset) -> None:
    page = session.new_page()
    page.goto(chunked_url, wait_until="load")
    target = deferred_ids(page)[-1]
    page.goto(f"{chunked_url}#{target}", wait_until="load")
    page.reload(wait_until="load")
    expect(page.locator(f"#{target}")).to_be_visible()
    expect(page.locator(f"#{target}")).to_be_in_viewport()


def test_filters_count_the_events_not_yet_loaded(session, chunked_url, dataset) -> None:
    page = session.new_page()
    page.goto(chunked_url, wait_until="load")
    theme = next(t for t in dataset.themes if milestones_with(dataset, "themes", t))
    page.select_option("#tl-theme", theme)
    expected = milestones_with(dataset, "themes", theme)
    assert page.locator("[data-timeline-count]").inner_text().strip() == expected_count_text(
        len(expected), len(dataset.milestones))
    load_every_year(page)
    assert set(shown_ids(page)) == expected


def test_newest_first_loads_the_newest_years_first(session, chunked_url, dataset) -> None:
    page = session.new_page()
    page.goto(chunked_url + "?order=newest", wait_until="load")
    newest = dataset.chronological()[-1].id
    expect(page.locator(f"#{newest}")).to_be_visible()
    load_every_year(page)
    assert shown_ids(page) == [m.id for m in reversed(dataset.chronological())]


def test_without_javascript_later_years_link_to_their_decade_page(new_session, chunked_url, dataset) -> None:
    page = new_session(java_script_enabled=False).new_page()
    page.goto(chunked_url, wait_until="load")
    expect(page.locator("[data-timeline-controls]")).to_be_hidden()
    notes = page.locator(".tl-deferred-note a")
    assert notes.count() > 0
    last = notes.nth(notes.count() - 1)
    last.click()
    year = page.url.rsplit("#year-", 1)[1]
    in_year = [m.id for m in dataset.chronological() if m.date.startswith(year)]
    for event in in_year:
        expect(page.locator(f"#{event}")).to_be_visible()
