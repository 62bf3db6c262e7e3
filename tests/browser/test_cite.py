"""'Cite this' as a reader uses it: opening a citation fills in today's date, one click copies it, it passes
axe when open, and without JavaScript the text still shows with the access date left to fill in."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from .test_accessibility import describe

pytestmark = pytest.mark.browser

EVENT = "pfp-joined"
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def _expected(dataset, accessed: str) -> str:
    milestone = dataset.milestones[EVENT]
    from serbia_nato.dates import human_date

    return (f"Serbia and NATO, “{milestone.title}”, {human_date(milestone.date)}, "
            f"http://127.0.0.1:8000/timeline/#{EVENT}, accessed {accessed}.")


def test_opening_an_events_citation_fills_in_today_and_one_click_copies_it(new_session, dataset) -> None:
    session = new_session(permissions=CLIPBOARD)
    page = session.open(f"/timeline/#{EVENT}")
    cite = page.locator(f"#{EVENT} .snt-cite")
    cite.locator("summary").click()
    today = date.today().isoformat()
    expect(cite.locator("[data-cite-accessed]")).to_have_text(today)
    cite.get_by_role("button", name="Copy citation").click()
    expect(cite.get_by_role("status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == _expected(dataset, today)
    assert not session.recorder.console_errors and not session.recorder.foreign_requests


def test_a_pages_citation_copies_its_title_address_and_last_change(new_session) -> None:
    page = new_session(permissions=CLIPBOARD).open("/glossary/")
    cite = page.locator(".snt-page-meta .snt-cite")
    cite.locator("summary").click()
    cite.get_by_role("button", name="Copy citation").click()
    expect(cite.get_by_role("status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Serbia and NATO, “Glossary”, ")
    assert copied.endswith(f", http://127.0.0.1:8000/glossary/, accessed {date.today().isoformat()}.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_open_citation_has_no_accessibility_violations(axe_sessions, fresh, scheme: str) -> None:
    page = fresh(axe_sessions[scheme]).open("/timeline/")  # no #event: its :target highlight is not at issue here
    page.locator(f"#{EVENT} .snt-cite summary").click()
    page.locator(".snt-page-meta .snt-cite summary").click()
    expect(page.locator(f"#{EVENT} [data-cite-copy]")).to_be_visible()
    violations = page.evaluate("() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    if violations:
        pytest.fail(describe(violations), pytrace=False)


def test_without_javascript_the_citation_shows_with_the_access_date_to_fill_in(new_session, dataset) -> None:
    page = new_session(java_script_enabled=False).open(f"/timeline/#{EVENT}")
    cite = page.locator(f"#{EVENT} .snt-cite")
    cite.locator("summary").click()  # <details> opens without any script
    text = cite.locator("[data-cite-text]")
    expect(text).to_be_visible()
    assert " ".join(text.inner_text().split()) == _expected(dataset, "[date]")
    expect(cite.locator("button")).to_have_count(0)
