"""Reading aids: acronyms explain themselves on hover and keyboard focus, the colour scheme toggle
switches between light and dark, and a long page's contents list stays short enough to use."""

from __future__ import annotations

import html
import re

import pytest
from playwright.sync_api import Page, expect

from serbia_nato import links

pytestmark = pytest.mark.browser

CONTENT_PAGE = "/topics/kosovo-and-kfor/"
ACRONYM = "KFOR"
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
TOOLTIP_ID = "snt-tooltip"


def tooltip_box(page: Page):
    """The one tooltip box of javascripts/tooltips.js."""
    return page.locator(f"#{TOOLTIP_ID}")


def shown_tooltip(page: Page, element) -> str:
    """The text of the tooltip the element points to once it is shown (javascripts/tooltips.js)."""
    expect(element).to_have_attribute("aria-describedby", TOOLTIP_ID)
    tooltip = tooltip_box(page)
    expect(tooltip).to_have_attribute("role", "tooltip")
    expect(tooltip).to_be_visible()
    return tooltip.inner_text().strip()


def test_acronyms_in_content_carry_their_expansion(light_session, fresh, dataset) -> None:
    page = fresh(light_session).open(CONTENT_PAGE)
    abbrs = page.locator("article abbr")
    assert abbrs.count() > 0, f"no acronym is marked up on {CONTENT_PAGE}"
    # The script moves a title into the tooltip while it shows; the markup as built has it, and is focusable.
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


def test_tooltip_goes_when_the_pointer_leaves_or_escape_is_pressed(light_session, fresh, dataset) -> None:
    page = fresh(light_session).open(CONTENT_PAGE)
    abbr = page.locator("article abbr", has_text=ACRONYM).first
    abbr.hover()
    assert shown_tooltip(page, abbr) == dataset.terms[ACRONYM].expansion
    page.mouse.move(0, 0)
    expect(tooltip_box(page)).to_be_hidden()
    expect(abbr).not_to_have_attribute("aria-describedby", TOOLTIP_ID)
    expect(abbr).to_have_attribute("title", dataset.terms[ACRONYM].expansion)  # the title is given back


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_escape_dismisses_the_tooltip_without_the_browser_showing_the_title(light_session, fresh, dataset,
                                                                           how: str) -> None:
    """After Escape the title stays held back while the pointer or the focus is still on the acronym, or the
    browser would show it as its own tooltip at once (WCAG 1.4.13, dismissible); it comes back after."""
    page = fresh(light_session).open(CONTENT_PAGE)
    abbr = page.locator("article abbr", has_text=ACRONYM).first
    if how == "hover":
        abbr.hover()
    else:
        abbr.focus()
    assert shown_tooltip(page, abbr) == dataset.terms[ACRONYM].expansion
    page.keyboard.press("Escape")
    expect(tooltip_box(page)).to_be_hidden()
    expect(abbr).not_to_have_attribute("aria-describedby", TOOLTIP_ID)
    page.wait_for_timeout(300)  # longer than the tooltip lingers
    assert abbr.get_attribute("title") is None, "the browser's own tooltip can show right after Escape"
    if how == "hover":
        page.mouse.move(0, 0)
    else:
        abbr.evaluate("element => element.blur()")
    expect(abbr).to_have_attribute("title", dataset.terms[ACRONYM].expansion)


def test_the_pointer_can_move_onto_the_tooltip(light_session, fresh, dataset) -> None:
    """The tooltip stays while the pointer travels from the acronym onto it (WCAG 1.4.13, hoverable)."""
    page = fresh(light_session).open(CONTENT_PAGE)
    abbr = page.locator("article p abbr", has_text=ACRONYM).first  # in running text, nothing else titled below it
    abbr.hover()
    assert shown_tooltip(page, abbr) == dataset.terms[ACRONYM].expansion
    box = tooltip_box(page).bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.wait_for_timeout(400)  # longer than the tooltip lingers after the pointer leaves the acronym
    expect(tooltip_box(page)).to_be_visible()
    expect(abbr).to_have_attribute("aria-describedby", TOOLTIP_ID)
    page.mouse.move(0, 0)
    expect(tooltip_box(page)).to_be_hidden()


def test_a_tooltip_shown_for_focus_stays_while_the_pointer_passes(light_session, fresh, dataset) -> None:
    """The pointer crossing the focused acronym does not take its tooltip away (WCAG 1.4.13, persistent)."""
    page = fresh(light_session).open(CONTENT_PAGE)
    abbr = page.locator("article p abbr", has_text=ACRONYM).first
    abbr.focus()
    assert shown_tooltip(page, abbr) == dataset.terms[ACRONYM].expansion
    abbr.hover()
    page.mouse.move(0, 0)
    page.wait_for_timeout(400)
    expect(tooltip_box(page)).to_be_visible()
    expect(abbr).to_be_focused()


def test_tooltip_stays_inside_a_phone_screen(phone_session, fresh, dataset) -> None:
    page = fresh(phone_session).open(CONTENT_PAGE)
    abbrs = page.locator("article abbr")
    # The acronym nearest the right edge is the hardest case: its tooltip must not run off the screen.
    rightmost = max(range(abbrs.count()), key=lambda i: (abbrs.nth(i).bounding_box() or {"x": 0})["x"])
    abbr = abbrs.nth(rightmost)
    abbr.scroll_into_view_if_needed()
    abbr.focus()
    assert shown_tooltip(page, abbr)
    box = tooltip_box(page).bounding_box()
    width = page.evaluate("() => document.documentElement.clientWidth")
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (box, width)


def test_a_reference_shows_the_source_it_cites_on_hover(light_session, fresh) -> None:
    page = fresh(light_session).open(CONTENT_PAGE)
    titled = page.locator("article a[title^='NATO']").first
    title, href = titled.get_attribute("title"), titled.get_attribute("href")
    assert title and href, f"no titled reference on {CONTENT_PAGE}"
    # Located by its address: while the tooltip shows, the link has no title attribute to match.
    reference = page.locator(f"article a[href='{href}']").first
    reference.hover()
    assert shown_tooltip(page, reference) == title


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


@pytest.mark.parametrize("folder", ["", "sr-latn/", "sr-cyrl/"])
def test_the_sources_contents_list_shows_sections_and_disagreements_not_each_source(light_session, fresh, dataset,
                                                                                 folder: str) -> None:
    """With an entry per source (285), the sections and the disagreements were lost in the list, and a phone's
    menu held the whole list under the page's name."""
    page = fresh(light_session).open(f"/{folder}sources/")
    listed = list(dict.fromkeys(page.locator("nav.md-nav--secondary a.md-nav__link").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))")))  # the sidebar's, and the menu's copy of it
    assert not [href for href in listed if href.startswith("#" + links.source_anchor(""))], "a source is listed"
    disagreements = [href for href in listed if href.endswith("-disagreement")]
    assert len(listed) == len(disagreements) + 2, f"not two sections and the disagreements: {listed}"
    assert disagreements, "the disagreements are missing from the contents"
    # Each source keeps its heading and permalink, which citations on every page link to.
    headings = page.locator("article h3:has(a.headerlink)").evaluate_all("headings => headings.map(h => h.id)")
    assert {links.source_anchor(source) for source in dataset.sources} <= set(headings)
