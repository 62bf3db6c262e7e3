"""Cumulative layout shift of every page at a phone's and a desktop's width, in headless Chromium.

Each page loads in a fresh context through the gzip server; the layout shifts that no input caused
are summed from load until the page has been still for a moment (the largest session window, as
Core Web Vitals defines CLS, is at most this sum).
"""

from __future__ import annotations

from playwright.sync_api import Browser

WIDTHS = {"390 px": {"width": 390, "height": 844}, "1280 px": {"width": 1280, "height": 900}}
_OBSERVE = """
window.__shift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.__shift += entry.value; } }
}).observe({ type: "layout-shift", buffered: true });
"""


def measure(browser: Browser, base_url: str, paths: list[str]) -> dict[str, dict[str, float]]:
    """For each width, each path's layout shift."""
    found: dict[str, dict[str, float]] = {}
    for name, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport, is_mobile=viewport["width"] < 500)
        context.add_init_script(_OBSERVE)
        try:
            found[name] = {path: _one(context, base_url.rstrip("/") + path) for path in paths}
        finally:
            context.close()
    return found


def _one(context, url: str) -> float:  # context: a Playwright BrowserContext
    page = context.new_page()
    try:
        page.goto(url, wait_until="load", timeout=300_000)
        page.wait_for_timeout(1000)  # late shifts: fonts, scripts that run after load
        return float(page.evaluate("window.__shift"))
    finally:
        page.close()
