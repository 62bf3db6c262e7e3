"""The timeline in chunks: the timeline page holds its first years, later years come as fragments, and
each decade has a page with every event of it (for reading without scripts and for printing)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from project_copy import ROOT

from serbia_nato import links, views
from serbia_nato.build import Build
from serbia_nato.render import Renderer

EVENT = re.compile(r'<article class="tl-event" id="([^"]+)"')
INDEX = re.compile(r"<script type=\"application/json\" data-timeline-index>(.*?)</script>")


def ids_in(html: str) -> list[str]:
    return EVENT.findall(html)


@pytest.fixture(scope="module")
def chunked() -> Build:
    """The real data, with a timeline page that holds only its first 20 events' years."""
    return Build.start(ROOT, ROOT / "docs", timeline_inline_events=20)


def test_year_groups_keep_whole_years_and_the_first_year_always(dataset) -> None:
    milestones = dataset.chronological()
    groups = views.year_groups(milestones, inline_events=1)
    assert groups[0].inline and not any(g.inline for g in groups[1:])
    assert all(g.inline for g in views.year_groups(milestones))
    flags = [g.inline for g in views.year_groups(milestones, inline_events=20)]
    assert flags == sorted(flags, reverse=True), "once a year is left out, every later year is too"
    assert [m for g in groups for m in g.milestones] == milestones


def test_each_decade_page_exists_and_together_they_hold_every_event_once(chunked: Build, dataset) -> None:
    pages = chunked.timeline_pages()
    decades = {links.decade_page(years[0]) for _, years in views.decades(dataset)}
    assert decades <= set(pages)
    found = [event for src in decades for event in ids_in(pages[src])]
    assert sorted(found) == sorted(dataset.milestones)
    for src in decades:
        assert pages[src].startswith("---\nsearch:\n  exclude: true\n---\n"), src


def test_the_page_and_its_fragments_hold_every_event_once(chunked: Build, dataset) -> None:
    page = chunked.page_markdown(links.TIMELINE, (ROOT / "docs" / links.TIMELINE).read_text(encoding="utf-8"))
    fragments = {src: html for src, html in chunked.timeline_pages().items() if src.endswith(".html")}
    inline = ids_in(page)
    assert 0 < len(inline) <= 20 or len(views.by_year(dataset.chronological())[0][1]) > 20
    assert fragments, "with 20 events inline, later years must come as fragments"
    loaded = [event for html in fragments.values() for event in ids_in(html)]
    assert sorted(inline + loaded) == sorted(dataset.milestones)
    index = json.loads(INDEX.search(page).group(1))
    assert sorted(entry[0] for entries in index.values() for entry in entries) == sorted(loaded)
    for event in loaded:  # the page names no deferred event: each id lives once, on its decade's page
        assert f'id="{event}"' not in page
    for year in index:
        assert links.year_fragment(int(year)) in fragments
        assert f'data-fragment="years/{year}.html"' in page
        assert f'href="{links.decade_name(int(year))}/#year-{year}"' in page, "no-JS readers get the decade's page"


def test_at_the_default_size_the_timeline_page_holds_every_event(dataset) -> None:
    build = Build.start(ROOT, ROOT / "docs")
    page = build.page_markdown(links.TIMELINE, (ROOT / "docs" / links.TIMELINE).read_text(encoding="utf-8"))
    assert sorted(ids_in(page)) == sorted(dataset.milestones)
    assert "data-timeline-index" not in page
    assert not [src for src in build.timeline_pages() if src.endswith(".html")]


def test_built_site_has_the_decade_pages(built_site: Path, dataset) -> None:
    pages = sorted(built_site.glob("timeline/*0s/index.html"))
    assert [p.parent.name for p in pages] == [name for name, _ in views.decades(dataset)]
    found = [event for page in pages for event in ids_in(page.read_text(encoding="utf-8"))]
    assert sorted(found) == sorted(dataset.milestones)


def test_links_to_an_event_go_where_the_event_is_without_javascript(chunked: Build, dataset) -> None:
    deferred = views.deferred_ids(chunked.data, 20)
    assert deferred
    renderer = chunked.renderer("topics/kosovo-and-kfor.md")
    for milestone in dataset.chronological():
        link = renderer.milestone_link(milestone.id)
        if milestone.id in deferred:
            decade = links.decade_name(int(milestone.date[:4]))
            assert link.endswith(f"(../timeline/{decade}.md#{milestone.id})"), link
        else:
            assert link.endswith(f"(../timeline.md#{milestone.id})"), link
    page = chunked.page_markdown(links.TIMELINE, (ROOT / "docs" / links.TIMELINE).read_text(encoding="utf-8"))
    latest = dataset.chronological()[-1]
    assert f'href="{links.decade_name(int(latest.date[:4]))}/#{latest.id}"' in page, "the latest event is deferred"


def test_only_a_page_whose_first_year_overflows_it_lays_out_just_what_is_in_view(dataset) -> None:
    first_year = len(views.by_year(dataset.chronological())[0][1])
    assert first_year > 1, "the real data's first year holds more than one event"
    overflowing = Renderer(dataset, links.TIMELINE, inline_events=first_year - 1).timeline()
    fitting = Renderer(dataset, links.TIMELINE, inline_events=first_year).timeline()
    assert '<div class="snt-timeline tl-in-view-only"' in overflowing
    assert '<div class="snt-timeline"' in fitting
    assert '<div class="snt-timeline"' in Renderer(dataset, links.TIMELINE, inline_events=250).timeline()


def test_the_year_groups_are_worked_out_once_per_page_budget(dataset) -> None:
    """The page, its JSON-LD, its deferred ids and the decade pages all ask for them."""
    chunked_years = views.timeline_years(dataset, 20)
    assert views.timeline_years(dataset, 20) is chunked_years
    assert chunked_years == views.year_groups(dataset.chronological(), 20)
    every_year = views.timeline_years(dataset)
    assert every_year == views.year_groups(dataset.chronological())
    assert all(group.inline for group in every_year) and not all(group.inline for group in chunked_years)
    assert views.deferred_ids(dataset, 20) == {m.id for g in chunked_years if not g.inline for m in g.milestones}
