"""The downloads, read back by real parsers from a real strict build: JSON + JSON Schema, CSV, iCalendar."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import jsonschema
import pytest
from check_links_module import check_links

from serbia_nato import dates
from serbia_nato.cite import Site
from serbia_nato.downloads import make_downloads
from serbia_nato.script import to_latin

LISTS = {"milestones": "milestones", "programmes": "programmes", "trust-funds": "trust_funds",
         "sources": "sources", "glossary": "terms"}


def _json(site: Path, name: str) -> dict:
    return json.loads((site / "downloads" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(LISTS))
def test_each_json_download_is_valid_against_its_published_schema(built_site: Path, name: str) -> None:
    schema = json.loads((built_site / "downloads" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_json(built_site, name), schema)


def test_every_record_in_data_appears_in_the_json(built_site: Path, dataset) -> None:
    assert [m["id"] for m in _json(built_site, "milestones")["milestones"]] == [m.id for m in dataset.chronological()]
    assert {p["id"] for p in _json(built_site, "programmes")["programmes"]} == set(dataset.programmes)
    assert {f["id"] for f in _json(built_site, "trust-funds")["trust_funds"]} == set(dataset.trust_funds)
    assert {s["id"] for s in _json(built_site, "sources")["sources"]} == set(dataset.sources)
    assert {t["term"] for t in _json(built_site, "glossary")["terms"]} == set(dataset.terms)


def test_milestone_fields_match_the_data(built_site: Path, dataset) -> None:
    for record in _json(built_site, "milestones")["milestones"]:
        milestone = dataset.milestones[record["id"]]
        assert record["date"] == milestone.date
        assert record["date_precision"] == dates.precision(milestone.date)
        for field in ("title", "summary"):
            words = getattr(milestone, field)
            assert record[field] == {"en": words.en, "sr-Cyrl": words.sr, "sr-Latn": to_latin(words.sr)}
        assert (record["themes"], record["programmes"], record["sources"]) == (
            list(milestone.themes), list(milestone.programmes), list(milestone.sources))


def test_every_url_in_the_downloads_points_to_an_anchor_that_exists(built_site: Path) -> None:
    urls = [m["url"] for m in _json(built_site, "milestones")["milestones"]]
    urls += [p["url"] for p in _json(built_site, "programmes")["programmes"]]
    urls += [f["url"] for f in _json(built_site, "trust-funds")["trust_funds"]]
    urls += [s["page"] for s in _json(built_site, "sources")["sources"]]
    base = urlsplit(urls[0]).path.split("timeline/")[0]
    for url in urls:
        parts = urlsplit(url)
        page = built_site / parts.path[len(base):] / "index.html"
        assert page.is_file(), f"{url}: no page {page}"
        if parts.fragment:
            assert parts.fragment in check_links().page_ids(page), f"{url}: no anchor #{parts.fragment}"


def test_csv_has_a_row_per_milestone_with_serbian_letters_intact(built_site: Path, dataset) -> None:
    raw = (built_site / "downloads" / "milestones.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the BOM lets spreadsheets detect UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["id"] for r in rows] == [m.id for m in dataset.chronological()]
    by_id = {r["id"]: r for r in rows}
    assert by_id["krusevac-ptec"]["title"] == dataset.milestones["krusevac-ptec"].title
    assert "Kruševac" in by_id["krusevac-ptec"]["title"]
    assert by_id["pfp-joined"]["programmes"] == ";".join(dataset.milestones["pfp-joined"].programmes)


def test_icalendar_has_an_all_day_event_per_milestone_dated_to_the_day(built_site: Path, dataset) -> None:
    calendar = icalendar.Calendar.from_ical((built_site / "downloads" / "milestones.ics").read_bytes())
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    expected = {m.id for m in dataset.milestones.values() if dates.precision(m.date) == "day"}
    assert set(events) == expected
    for milestone_id, event in events.items():
        milestone = dataset.milestones[milestone_id]
        assert event.decoded("DTSTART").isoformat() == milestone.date
        assert str(event["SUMMARY"]) == milestone.title
        assert str(event["DESCRIPTION"]).startswith(milestone.summary)


def test_downloads_are_byte_identical_across_builds(dataset, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")  # the core never reads the environment: the epoch is passed in
    site = Site("S", "https://example.org/")
    first = {d.path: d.content for d in make_downloads(dataset, site)}
    second = {d.path: d.content for d in make_downloads(dataset, site)}
    assert first == second
    stamped = {d.path: d.content for d in make_downloads(dataset, site, source_date_epoch=1700000000)}
    assert b"DTSTAMP:20231114T221320Z" in stamped["downloads/milestones.ics"]
    assert b"<updated>2023-11-14T22:13:20Z</updated>" in stamped["milestones.atom"]
    dated = (".ics", ".atom")  # the only files that carry a time, and only the one passed in
    assert {k: v for k, v in stamped.items() if not k.endswith(dated)} == {
        k: v for k, v in first.items() if not k.endswith(dated)}


def test_csv_cells_never_start_a_formula() -> None:
    from serbia_nato.downloads import _csv_cell

    assert [_csv_cell(v) for v in ["=SUM(A1)", "+1", "-x", "@y", "plain", ["a", "b"]]] == [
        "'=SUM(A1)", "'+1", "'-x", "'@y", "plain", "a;b"]


def test_timeline_carries_json_ld_describing_every_event(built_site: Path, dataset) -> None:
    html = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    document = json.loads(blocks[0])
    assert document["@type"] == "ItemList"
    events = [item["item"] for item in document["itemListElement"]]
    assert [e["startDate"] for e in events] == [m.date for m in dataset.chronological()]
    assert all(e["@type"] == "Event" and e["url"].endswith(f"#{m.id}")
               for e, m in zip(events, dataset.chronological(), strict=True))


def test_downloads_page_lists_each_file_with_its_record_count(built_site: Path, dataset) -> None:
    html = (built_site / "downloads" / "index.html").read_text(encoding="utf-8")
    for name in ["milestones.json", "milestones.csv", "milestones.ics", "programmes.json", "trust-funds.json",
                 "sources.json", "glossary.json", "milestones.schema.json"]:
        assert f">{name}</a>" in html
    assert f"<td>{len(dataset.milestones)}</td>" in html

