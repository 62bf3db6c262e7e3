"""Reading aids: acronyms explain themselves on hover and keyboard focus, and the colour scheme
toggle switches between light and dark."""

from __future__ import annotations

import html
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CONTENT_PAGE = "/topics/kosovo-and-kfor/"
ACRONYM = "KFOR"
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


def shown_tooltip(page: Page, abbr) -> str:
    """The text of the tooltip the acronym points to once it is active (Material's content.tooltips)."""
    expect(abbr).to_have_attribute("aria-describedby", re.compile(r"^__tooltip2_\d+$"))
    tooltip = page.locator(f"#{abbr.get_attribute('aria-describedby')}")
    expect(tooltip).to_have_class(re.compile(r"\bmd-tooltip2--active\b"))
    expect(tooltip).to_be_visible()
    return tooltip.inner_text().strip()


def test_acronyms_in_content_carry_their_expansion(light_session, fresh, dataset) -> None:
    page = fresh(light_session).open(CONTENT_PAGE)
    abbrs = page.locator("article abbr")
    assert abbrs.count() > 0, f"no acronym is marked up on {CONTENT_PAGE}"
    # Material moves each title into its tooltip; the markup as built has it, and is focusable.
    built = page.request.get(page.url).text()
    marked = re.findall(r"<abbr\b([^>]*)>" + ACRONYM + "</abbr>", built)
    assert marked, f"{ACRONYM} is not marked up on {CONTENT_PAGE}"
    for attributes in marked:
        assert f'title="{html.escape(dataset.terms[ACRONYM].expansion)}"' in attributes
        assert 'tabindex="0"' in attributes


def test_acronym_shows_its_expansion_on_keyboard_focus(light_session, fresh, dataset) -> None:
    page = fresh(light_session).open(CONTENT_PAGE)
    abbr = page.locator("article abbr", has_text=ACRONYM).first
    assert abbr.get_attribute("tabindex") == "0"
    abbr.focus()
    expect(abbr).to_be_focused()
    assert shown_tooltip(page, abbr) == dataset.terms[ACRONYM].expansion


def test_acronym_shows_its_expansion_on_hover(light_session, fresh, dataset) -> None:
    page = fresh(light_session).open(CONTENT_PAGE)
    abbr = page.locator("article abbr", has_text=ACRONYM).first
    abbr.hover()
    assert shown_tooltip(page, abbr) == dataset.terms[ACRONYM].expansion


def test_colour_scheme_toggle_switches_to_dark_and_back(session) -> None:
    page = session.open("/")
    assert page.evaluate(SCHEME) == "default"
    page.locator("form[data-md-component='palette'] label:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("form[data-md-component='palette'] label:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_chosen_colour_scheme_is_kept_on_the_next_page(session) -> None:
    page = session.open("/")
    page.locator("form[data-md-component='palette'] label:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    session.open("/timeline/", page)
    assert page.evaluate(SCHEME) == "slate"


@pytest.mark.parametrize("session_name", ["phone_session", "light_session"])
def test_the_programme_chart_shows_every_name_in_full(request, fresh, dataset, session_name: str) -> None:
    """Each bar's label is the programme's whole name, with nothing cut off or hidden, on a phone and on a desktop."""
    page = fresh(request.getfixturevalue(session_name)).open("/programmes/")
    labels = page.locator(".snt-chart .chart-label")
    dated = [p for p in dataset.programmes.values() if p.began]
    assert sorted(labels.all_inner_texts()) == sorted(p.name for p in dated)
    cut = labels.evaluate_all("""labels => labels.filter(label => {
        const box = label.getBoundingClientRect();
        return label.scrollWidth > label.clientWidth + 1 || box.right > document.documentElement.clientWidth;
    }).map(label => label.textContent)""")
    assert cut == []


def test_the_programme_chart_prints_its_bars(light_session, fresh) -> None:
    page = fresh(light_session).open("/programmes/")
    page.emulate_media(media="print")
    widths = page.locator(".snt-chart .chart-bar").evaluate_all(
        "bars => bars.map(bar => bar.getBoundingClientRect().width)")
    assert widths and min(widths) >= 4
