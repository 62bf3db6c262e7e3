"""Every page of the built site, as a reader opens it: no console error, nothing fetched from
another host, and no sideways scrolling on a phone."""

from __future__ import annotations

import re

import pytest

from .browsing import pages_to_check, site_pages

pytestmark = pytest.mark.browser

# At least one entry, so that a missing site/ fails (in the site_dir fixture) instead of skipping.
PAGES = pages_to_check() or ["/"]


def test_the_site_has_its_pages(site_dir) -> None:
    pages = site_pages(site_dir)
    for expected in ("/", "/timeline/", "/programmes/", "/trust-funds/", "/sources/", "/glossary/", "/about/"):
        assert expected in pages
    assert any(page.startswith("/topics/") for page in pages)


def test_no_script_holds_up_the_first_paint(site_dir) -> None:
    """Every script the pages load is deferred (overrides/main.html), in every edition."""
    blocking = {}
    for page in site_dir.rglob("*.html"):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text(encoding="utf-8"))
        undeferred = [tag for tag in tags if not re.search(r"\s(defer|async)[\s>=]", tag)]
        if undeferred:
            blocking[str(page.relative_to(site_dir))] = undeferred
    assert not blocking, f"{len(blocking)} pages load scripts that block rendering, e.g. {next(iter(blocking.items()))}"


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors_or_foreign_requests(light_session, fresh, path: str) -> None:
    session = fresh(light_session)
    page, response = session.load_fully(path)
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    assert page.locator("article h1").count() == 1, f"{path} has no page heading"
    problems = [f"request to another host: {url}" for url in session.recorder.foreign_requests]
    problems += [f"console error: {error}" for error in session.recorder.console_errors]
    assert not problems, f"{path}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", PAGES)
def test_page_does_not_scroll_sideways_on_a_phone(phone_session, fresh, path: str) -> None:
    page = fresh(phone_session).open(path)
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["client"] == 390, f"the phone viewport is {widths['client']}px wide"
    assert widths["scroll"] <= widths["client"], f"{path} is {widths['scroll']}px wide on a {widths['client']}px screen"
