"""The timeline as a reader uses it: filters by theme and programme, order, the address that keeps a
view, permalinks to events, and the full list without JavaScript. Expected sets come from data/."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TIMELINE = "/timeline/"
SHOWN_IDS = """() => Array.from(document.querySelectorAll('article.tl-event'))
  .filter(event => event.checkVisibility())
  .map(event => event.id)"""


def shown_ids(page: Page) -> list[str]:
    return page.evaluate(SHOWN_IDS)


def count_text(page: Page) -> str:
    return page.locator("[data-timeline-count]").inner_text().strip()


def expected_count_text(shown: int, total: int) -> str:
    return f"{total} events" if shown == total else f"Showing {shown} of {total} events"


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def milestones_with(dataset, field: str, value: str) -> set[str]:
    return {m.id for m in dataset.milestones.values() if not value or value in getattr(m, field)}


def option_values(page: Page, select: str) -> list[str]:
    return page.locator(f"{select} option").evaluate_all("options => options.map(o => o.value)")


def check_filter(page: Page, dataset, select: str, field: str, parameter: str) -> list[str]:
    """Choose every value of one filter in turn; return what differs from the data."""
    problems = []
    total = len(dataset.milestones)
    for value in option_values(page, select):
        page.select_option(select, value)
        expected = milestones_with(dataset, field, value)
        shown = set(shown_ids(page))
        if shown != expected:
            problems.append(f"{parameter}={value!r}: wrongly shown {sorted(shown - expected)},"
                            f" wrongly hidden {sorted(expected - shown)}")
        if count_text(page) != expected_count_text(len(expected), total):
            problems.append(f"{parameter}={value!r}: count says {count_text(page)!r}")
        if query_of(page).get(parameter, [""]) != [value]:
            problems.append(f"{parameter}={value!r}: address is {page.url}")
    return problems


def test_theme_filter_shows_exactly_the_events_of_each_theme(light_session, fresh, dataset) -> None:
    page = fresh(light_session).open(TIMELINE)
    offered = [t for t in dataset.themes if milestones_with(dataset, "themes", t)]
    assert option_values(page, "#tl-theme") == ["", *offered]
    problems = check_filter(page, dataset, "#tl-theme", "themes", "theme")
    assert not problems, "\n".join(problems)


def test_programme_filter_shows_exactly_the_events_of_each_programme(light_session, fresh, dataset) -> None:
    page = fresh(light_session).open(TIMELINE)
    offered = [p for p in dataset.programmes if milestones_with(dataset, "programmes", p)]
    assert sorted(option_values(page, "#tl-programme")) == sorted(["", *offered])
    problems = check_filter(page, dataset, "#tl-programme", "programmes", "programme")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("select, field", [("#tl-theme", "themes"), ("#tl-programme", "programmes")])
def test_each_filter_option_names_its_count_and_none_is_empty(light_session, fresh, dataset, select, field):
    page = fresh(light_session).open(TIMELINE)
    labels = page.locator(f"{select} option").evaluate_all("options => options.map(o => [o.value, o.text])")
    for value, text in labels[1:]:
        count = len(milestones_with(dataset, field, value))
        assert count > 0 and text.endswith(f" ({count})"), (value, text)


def test_filters_that_match_nothing_say_so(light_session, fresh, dataset) -> None:
    theme, programme = next(
        (t, p) for t in dataset.themes for p in dataset.programmes
        if milestones_with(dataset, "themes", t) and milestones_with(dataset, "programmes", p)
        and not milestones_with(dataset, "themes", t) & milestones_with(dataset, "programmes", p)
    )
    page = fresh(light_session).open(TIMELINE)
    expect(page.locator("[data-timeline-empty]")).to_be_hidden()
    page.select_option("#tl-theme", theme)
    page.select_option("#tl-programme", programme)
    assert shown_ids(page) == []
    expect(page.locator("[data-timeline-empty]")).to_be_visible()
    assert count_text(page) == expected_count_text(0, len(dataset.milestones))


@pytest.mark.parametrize(
    "query, theme, programme, order",
    [
        ("?theme=kosovo", "kosovo", "", "oldest"),
        ("?programme=pfp", "", "pfp", "oldest"),
        ("?theme=partnership&programme=pfp&order=newest", "partnership", "pfp", "newest"),
    ],
)
def test_an_address_with_filters_opens_that_view(light_session, fresh, dataset, query, theme, programme, order):
    page = fresh(light_session).open(TIMELINE + query)
    assert page.input_value("#tl-theme") == theme
    assert page.input_value("#tl-programme") == programme
    assert page.input_value("#tl-order") == order
    expected = milestones_with(dataset, "themes", theme) & milestones_with(dataset, "programmes", programme)
    assert set(shown_ids(page)) == expected
    assert count_text(page) == expected_count_text(len(expected), len(dataset.milestones))


def test_a_chosen_filter_survives_opening_its_address_afresh(light_session, fresh, dataset) -> None:
    session = fresh(light_session)
    page = session.open(TIMELINE)
    page.select_option("#tl-theme", "defence-reform")
    page.select_option("#tl-programme", "pfp")
    address, shown, count = page.url, shown_ids(page), count_text(page)
    assert query_of(page) == {"theme": ["defence-reform"], "programme": ["pfp"]}
    again = session.new_page()
    again.goto(address, wait_until="load")
    assert (again.input_value("#tl-theme"), again.input_value("#tl-programme")) == ("defence-reform", "pfp")
    assert shown_ids(again) == shown
    assert count_text(again) == count


def test_order_select_reverses_the_events(light_session, fresh, dataset) -> None:
    page = fresh(light_session).open(TIMELINE)
    oldest = shown_ids(page)
    assert oldest == [m.id for m in dataset.chronological()]
    page.select_option("#tl-order", "newest")
    assert shown_ids(page) == list(reversed(oldest))
    assert query_of(page).get("order") == ["newest"]
    page.select_option("#tl-order", "oldest")
    assert shown_ids(page) == oldest
    assert "order" not in query_of(page)


def test_a_theme_tag_filters_the_timeline(light_session, fresh, dataset) -> None:
    page = fresh(light_session).open(TIMELINE)
    tag = page.locator("#pfp-joined a[data-filter-theme]").first
    theme = tag.get_attribute("data-filter-theme")
    tag.click()
    assert page.input_value("#tl-theme") == theme
    assert set(shown_ids(page)) == milestones_with(dataset, "themes", theme)


def test_permalink_scrolls_to_its_event(light_session, fresh) -> None:
    page = fresh(light_session).open(TIMELINE + "#pfp-joined")
    expect(page.locator("#pfp-joined")).to_be_in_viewport()
    expect(page.locator("#tl-theme")).not_to_be_in_viewport()


def test_permalink_to_an_event_hidden_by_the_filter_shows_it(light_session, fresh, dataset) -> None:
    other = next(t for t in dataset.themes if t not in dataset.milestones["pfp-joined"].themes)
    page = fresh(light_session).open(f"{TIMELINE}?theme={other}#pfp-joined")
    expect(page.locator("#pfp-joined")).to_be_visible()
    expect(page.locator("#pfp-joined")).to_be_in_viewport()


def test_without_javascript_every_event_is_shown(new_session, dataset) -> None:
    page = new_session(java_script_enabled=False).open(TIMELINE)
    assert sorted(shown_ids_without_script(page)) == sorted(dataset.milestones)
    assert count_text(page) == f"{len(dataset.milestones)} events"
    expect(page.locator("[data-timeline-controls]")).to_be_hidden()


def shown_ids_without_script(page: Page) -> list[str]:
    """Which events are rendered, read through Playwright's own visibility check (page scripts are off)."""
    events = page.locator("article.tl-event")
    return [events.nth(i).get_attribute("id") for i in range(events.count()) if events.nth(i).is_visible()]
