"""The three editions as a reader meets them: the switcher in the header keeps the page, each page says its
language, search finds words in either script and without diacritics, and the timelines hold the same
events with working filters."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .browsing import site_pages

pytestmark = pytest.mark.browser

RESULT_ITEMS = ".md-search-result .md-search-result__item"
FOLDERS = {"en": "/", "sr-Cyrl": "/sr-cyrl/", "sr-Latn": "/sr-latn/"}
SHOWN_EVENTS = """() => Array.from(document.querySelectorAll('article.tl-event'))
  .filter(event => event.checkVisibility()).map(event => event.id)"""


def switch_to(page: Page, name: str) -> None:
    page.locator(".md-header .md-select button").hover()
    page.get_by_role("link", name=name).click()


@pytest.mark.parametrize("path", ["timeline/", "topics/kosovo-and-kfor/", "programmes/pfp/", ""])
def test_the_switcher_keeps_the_page_and_each_page_says_its_language(light_session, fresh, path: str) -> None:
    session = fresh(light_session)
    page = session.open("/" + path)
    assert page.locator("html").get_attribute("lang") == "en"
    switch_to(page, "Srpski (latinica)")
    expect(page).to_have_url(session.base_url + "/sr-latn/" + path)
    assert page.locator("html").get_attribute("lang") == "sr-Latn"
    switch_to(page, "Српски (ћирилица)")
    expect(page).to_have_url(session.base_url + "/sr-cyrl/" + path)
    assert page.locator("html").get_attribute("lang") == "sr-Cyrl"
    switch_to(page, "English")
    expect(page).to_have_url(session.base_url + "/" + path)
    assert not session.recorder.console_errors and not session.recorder.foreign_requests


def test_each_page_names_its_copies_in_the_other_editions(light_session, fresh) -> None:
    page = fresh(light_session).open("/sr-cyrl/timeline/")
    alternates = page.locator("link[hreflang]").evaluate_all(
        "links => links.map(link => [link.getAttribute('hreflang'), new URL(link.href).pathname])")
    assert sorted(alternates) == [["en", "/timeline/"], ["sr-Cyrl", "/sr-cyrl/timeline/"],
                                  ["sr-Latn", "/sr-latn/timeline/"]]


def search(session, path: str, query: str) -> Page:
    page = session.load_fully(path)[0]
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    expect(page.locator(RESULT_ITEMS).first).to_be_visible()
    return page


@pytest.mark.parametrize(("path", "query", "found"), [
    ("/", "Krusevac", "Kruševac"),  # without diacritics
    ("/", "Vucic", "Vučić"),
    ("/sr-latn/", "Vucic", "Vučić"),
    ("/sr-latn/", "Вучић", "Vučić"),  # Cyrillic typed on the Latin edition
    ("/sr-cyrl/", "Vucic", "Вучић"),  # Latin typed on the Cyrillic edition
    ("/sr-cyrl/", "Вучић", "Вучић"),
    ("/sr-cyrl/", "bombardovanje", "бомбардовањ"),
])
def test_search_ignores_diacritics_and_script(light_session, fresh, path: str, query: str, found: str) -> None:
    page = search(fresh(light_session), path, query)
    marks = page.locator(f"{RESULT_ITEMS} mark").all_inner_texts()
    assert any(found in mark for mark in marks), marks[:10]  # a mark may hold the quotation marks around a word
    # The whole word is marked where it stands, not a part of it ("Vuči").
    assert not [mark for mark in marks if mark in ("Vuči", "Вучи")], marks[:10]


@pytest.mark.parametrize(("path", "query"), [("/", "bombing"), ("/", "bombardovanje"), ("/sr-latn/", "bombing")])
def test_search_knows_the_words_readers_use_for_the_1999_campaign(light_session, fresh, path: str, query: str) -> None:
    page = search(fresh(light_session), path, query)
    links = page.locator(f"{RESULT_ITEMS} a").evaluate_all("links => links.map(link => link.href)")
    # The event itself, or the timeline's year that holds it.
    assert any(re.search(r"timeline/\?h=[^#]*#(air-campaign|year-1999)", link) for link in links), links[:10]


def test_the_timelines_of_all_editions_hold_the_same_events(light_session, fresh) -> None:
    session = fresh(light_session)
    events = {}
    for edition, folder in FOLDERS.items():
        decades = [p for p in site_pages() if re.fullmatch(re.escape(folder) + r"timeline/\d{4}s/", p)]
        assert decades, edition
        ids: list[str] = []
        for decade in decades:
            ids += session.open(decade).evaluate(SHOWN_EVENTS)
        events[edition] = ids
    assert events["en"] and events["en"] == events["sr-Cyrl"] == events["sr-Latn"]


@pytest.mark.parametrize("folder", ["/sr-cyrl/", "/sr-latn/"])
def test_the_serbian_timeline_filters(light_session, fresh, folder: str) -> None:
    page = fresh(light_session).open(folder + "timeline/")
    count = page.locator("[data-timeline-count]")
    total = count.inner_text()
    page.select_option("#tl-theme", "kosovo")
    expect(count).not_to_have_text(total)
    shown = page.evaluate(SHOWN_EVENTS)
    assert shown and len(shown) < int(page.locator("[data-timeline]").get_attribute("data-total") or 0)
    assert re.search(r"\d+", count.inner_text())
    assert "event" not in count.inner_text()  # the count is in Serbian
