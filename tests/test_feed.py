"""The Atom feed, read back by feedparser and ElementTree from a real strict build: its required elements,
newest-first order, dates at their real precision, address-independent ids, and links that lead somewhere."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urljoin

import feedparser
from check_links_module import check_links

from serbia_nato import dates
from serbia_nato.cite import Site
from serbia_nato.downloads import make_downloads
from serbia_nato.editions import EDITIONS
from serbia_nato.feed import PATH

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
RFC3339_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_FEED_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">')


def _feed_bytes(site: Path) -> bytes:
    return (site / PATH).read_bytes()


def test_feed_parses_as_atom_with_every_required_element(built_site: Path, dataset) -> None:
    parsed = feedparser.parse(_feed_bytes(built_site))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    assert feed.id.startswith("urn:uuid:") and feed.title and feed.author
    assert RFC3339_UTC.match(feed.updated)
    assert {link.rel for link in feed.links} == {"self", "alternate"}
    assert len(parsed.entries) == len(dataset.milestones)
    for entry in parsed.entries:
        assert entry.id.startswith("urn:uuid:") and entry.title and entry.summary, entry
        assert RFC3339_UTC.match(entry.updated), entry.id
        assert entry.link.endswith("/timeline/#" + entry.link.rsplit("#", 1)[-1])
        assert entry.summary_detail.type == "text/plain"


def test_entries_are_newest_first_with_each_events_date_at_its_real_precision(built_site: Path, dataset) -> None:
    entries = ElementTree.fromstring(_feed_bytes(built_site)).findall(f"{ATOM}entry")
    ids = [entry.find(f"{ATOM}link").get("href").rsplit("#", 1)[1] for entry in entries]
    assert ids == [m.id for m in reversed(dataset.chronological())]
    precisions = set()
    for milestone_id, entry in zip(ids, entries, strict=True):
        milestone = dataset.milestones[milestone_id]
        assert entry.find(DC_DATE).text == milestone.date  # never a day or month the data does not have
        assert entry.find(f"{ATOM}title").text == f"{dates.human_date(milestone.date)}: {milestone.title}"
        assert entry.find(f"{ATOM}summary").text == milestone.summary
        precisions.add(dates.precision(milestone.date))
    assert precisions == {"year", "month", "day"}, "the data has events known to the year, month and day"


def test_entry_ids_are_unique_and_do_not_depend_on_the_sites_address(dataset) -> None:
    def parsed(url: str) -> list:
        feed = next(d for d in make_downloads(dataset, Site("S", url), 1) if d.path == PATH)
        return feedparser.parse(feed.content).entries

    here, there = parsed("https://example.org/"), parsed("https://mirror.example.net/serbia-nato/")
    assert [e.id for e in here] == [e.id for e in there]
    assert len({e.id for e in here}) == len(here)
    assert here[0].link != there[0].link and there[0].link.startswith("https://mirror.example.net/serbia-nato/")


def test_the_feed_is_dated_by_the_time_it_is_given_and_nothing_else(dataset) -> None:
    def feed(**times) -> bytes:
        downloads = make_downloads(dataset, Site("S", "https://example.org/"), **times)
        return next(d for d in downloads if d.path == PATH).content

    assert feed(source_date_epoch=1700000000) == feed(source_date_epoch=1700000000)
    assert b"<updated>2023-11-14T22:13:20Z</updated>" in feed(source_date_epoch=1700000000)
    assert b"<updated>2021-03-04T05:06:07Z</updated>" in feed(source_date_epoch=1700000000, feed_updated=1614834367)
    assert b"<updated>1970-01-01T00:00:00Z</updated>" in feed()


def test_every_link_in_the_feed_leads_to_a_built_page_and_anchor(built_site: Path, dataset) -> None:
    checked, problems = check_links().feed_problems(built_site)
    assert not problems, "\n".join(problems)
    # In each edition's feed: self and alternate, then one per entry.
    assert checked == len(EDITIONS) * (2 + len(dataset.milestones))


def test_every_page_names_the_feed_in_its_head(built_site: Path) -> None:
    pages = sorted(built_site.rglob("index.html")) + [built_site / "404.html"]
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        hrefs = _FEED_LINK.findall(head)
        assert len(hrefs) == 1, f"{page}: {hrefs}"
        url = "/" + page.relative_to(built_site).as_posix()
        target = urljoin(url, hrefs[0])
        folder = next((e.folder for e in EDITIONS.values() if e.folder and url.startswith("/" + e.folder)), "")
        assert target == f"/{folder}{PATH}", f"{page}: {hrefs[0]} leads to {target}"


def test_the_downloads_page_offers_the_feed_and_the_citations(built_site: Path, dataset) -> None:
    page = (built_site / "downloads" / "index.html").read_text(encoding="utf-8")
    for name, kind in (("milestones.atom", "Atom feed"), ("milestones.csl.json", "CSL-JSON")):
        row = next(line for line in page.split("<tr>")[1:] if f'{name}</a>' in line)
        assert f"<td>{kind}</td>" in row and f"<td>{len(dataset.milestones)}</td>" in row, row
