"""The timeline page in headless Chromium: load time, time until the script has counted, filter time.

The built site is served by a local threaded http.server on 127.0.0.1; nothing leaves the machine.
A filter click is timed inside the page with performance.now(): from the `change` event to the
second animation frame after it, with layout forced in between, so it covers the script, style,
layout and the paint of the filtered list.
"""

from __future__ import annotations

import statistics
from contextlib import AbstractContextManager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from .gzip_server import serve_with

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMELINE_PATH = "timeline/"

# Runs before the page's own scripts: note the first animation frame after timeline.js has set up
# the root (it sets data-ready, then counts), i.e. when the updated count is first painted.
_NOTE_READY = """
(() => {
  function poll() {
    const root = document.querySelector("[data-timeline]");
    if (root && root.dataset.ready) { window.__benchReady = performance.now(); return; }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
})();
"""

# Arms one measurement of the next change of the filter form, started by Playwright's select_option.
_ARM_FILTER_TIMER = """
() => {
  const form = document.querySelector("[data-timeline-controls]");
  window.__benchFilter = null;
  let started = 0;
  form.addEventListener("change", () => { started = performance.now(); }, { capture: true, once: true });
  form.addEventListener("change", () => {
    void document.body.offsetHeight;  // the script has run; force style and layout now
    const laidOut = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__benchFilter = { layout: laidOut - started, paint: performance.now() - started };
    }));
  }, { once: true });
}
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # `format`: the base class's name
        pass


def serve(site_dir: Path) -> AbstractContextManager[str]:
    """Serve site_dir on 127.0.0.1 at a free port; yield the base URL."""
    return serve_with(site_dir, _QuietHandler)


@dataclass
class TimelineTimes:
    """Medians in milliseconds."""

    load_event: float
    count_painted: float
    filter_layout: float
    filter_paint: float


def chromium_version() -> str:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return browser.version
        finally:
            browser.close()


def measure_timeline(site_dir: Path, runs: int) -> TimelineTimes:
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            url = base + TIMELINE_PATH
            loads = [_load_once(browser, url) for _ in range(runs)]
            filters = _filter_clicks(browser, url, runs)
        finally:
            browser.close()
    return TimelineTimes(
        load_event=statistics.median(load for load, _ in loads),
        count_painted=statistics.median(ready for _, ready in loads),
        filter_layout=statistics.median(f["layout"] for f in filters),
        filter_paint=statistics.median(f["paint"] for f in filters),
    )


def _load_once(browser, url: str) -> tuple[float, float]:  # browser: a Playwright Browser
    """A cold load in a fresh context: (navigation start to load event end, to the painted count)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(_NOTE_READY)
        page.goto(url, wait_until="load", timeout=300_000)
        page.wait_for_function("window.__benchReady !== undefined", timeout=300_000)
        return page.evaluate(
            "() => [performance.getEntriesByType('navigation')[0].loadEventEnd, window.__benchReady]"
        )
    finally:
        context.close()


def _filter_clicks(browser, url: str, runs: int) -> list[dict]:  # browser: a Playwright Browser
    """Choose a theme (a different one each run) and time the update; reset to all between runs."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="load", timeout=300_000)
        page.wait_for_selector("[data-timeline][data-ready]", state="attached", timeout=300_000)
        themes = [value for value in page.eval_on_selector_all("#tl-theme option", "os => os.map(o => o.value)")
                  if value]
        results = []
        for run in range(runs):
            results.append(_timed_choice(page, themes[run % len(themes)]))
            _timed_choice(page, "")
        return results
    finally:
        context.close()


def _timed_choice(page, value: str) -> dict:  # page: a Playwright Page
    page.evaluate(_ARM_FILTER_TIMER)
    page.select_option("#tl-theme", value)
    page.wait_for_function("window.__benchFilter !== null", timeout=300_000)
    return page.evaluate("window.__benchFilter")
