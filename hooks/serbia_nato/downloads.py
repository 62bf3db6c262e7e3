"""The data as downloads: JSON (with JSON Schema), CSV, iCalendar, Atom and CSL-JSON, byte for byte reproducible.

Every file is made in memory from the Dataset; the hooks add them to the site under downloads/.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

import icalendar
from pydantic import BaseModel, ConfigDict

from . import dates, feed, links
from .cite import Site, milestones_csl_json
from .dataset import Dataset, cited_sources
from .models import Disagreement, Milestone, Status

FOLDER = "downloads"
CSV_FIELDS = ["id", "date", "date_precision", "title", "summary", "themes", "programmes", "sources", "as_of", "url"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MilestoneOut(_Out):
    id: str
    date: str
    date_precision: Literal["year", "month", "day"]
    title: str
    summary: str
    themes: list[str]
    programmes: list[str]
    sources: list[str]
    as_of: str | None
    disagreement: Disagreement | None
    url: str


class ProgrammeOut(_Out):
    id: str
    name: str
    acronym: str | None
    kind: str
    summary: str
    serbia: str
    began: str | None
    ended: str | None
    status: Status | None
    themes: list[str]
    part_of: str | None
    sources: list[str]
    disagreement: Disagreement | None
    url: str


class QuantityOut(_Out):
    amount: int
    unit: str
    approximate: bool
    what: str


class TrustFundOut(_Out):
    id: str
    name: str
    purpose: str
    quantities: list[QuantityOut]
    lead_nations: list[str]
    executing_agency: str | None
    started: str | None
    ended: str | None
    duration_years: int | None
    status: Status
    milestones: list[str]
    sources: list[str]
    note: str | None
    disagreement: Disagreement | None
    url: str


class SourceOut(_Out):
    id: str
    number: int
    title: str
    publisher: str
    date: str | None
    date_note: str | None
    url: str | None
    kind: str
    summary: str
    page: str


class TermOut(_Out):
    term: str
    expansion: str
    explanation: str
    programme: str | None
    sources: list[str]


class MilestonesDownload(_Out):
    milestones: list[MilestoneOut]


class ProgrammesDownload(_Out):
    programmes: list[ProgrammeOut]


class TrustFundsDownload(_Out):
    trust_funds: list[TrustFundOut]


class SourcesDownload(_Out):
    sources: list[SourceOut]


class GlossaryDownload(_Out):
    terms: list[TermOut]


@dataclass(frozen=True)
class Download:
    """One published file: where it goes, what it is, and its bytes."""

    path: str
    title: str
    media: str
    records: int | None
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)


class _Urls:
    """Absolute permalinks on the published site."""

    def __init__(self, site_url: str):
        self.base = site_url if site_url.endswith("/") else f"{site_url}/"

    def page(self, src: str, anchor: str = "") -> str:
        return f"{self.base}{links.page_url(src)}" + (f"#{anchor}" if anchor else "")


def _json(model: BaseModel) -> bytes:
    return (json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def milestones_download(data: Dataset, urls: _Urls) -> MilestonesDownload:
    return MilestonesDownload(milestones=[
        MilestoneOut(
            id=m.id, date=m.date, date_precision=dates.precision(m.date), title=m.title, summary=m.summary,
            themes=list(m.themes), programmes=list(m.programmes), sources=list(m.sources), as_of=m.as_of,
            disagreement=m.disagreement, url=urls.page(links.TIMELINE, m.id),
        )
        for m in data.chronological()
    ])


def programmes_download(data: Dataset, urls: _Urls) -> ProgrammesDownload:
    return ProgrammesDownload(programmes=[
        ProgrammeOut(
            **p.model_dump(include={"id", "name", "acronym", "kind", "summary", "serbia", "began", "ended",
                                    "part_of"}),
            status=p.status, themes=list(p.themes), sources=cited_sources(p), disagreement=p.disagreement,
            url=urls.page(links.programme_page(p.id)),
        )
        for p in data.programmes.values()
    ])


def trust_funds_download(data: Dataset, urls: _Urls) -> TrustFundsDownload:
    return TrustFundsDownload(trust_funds=[
        TrustFundOut(
            **f.model_dump(include={"id", "name", "purpose", "executing_agency", "started", "ended",
                                    "duration_years", "note"}),
            quantities=[QuantityOut(**q.model_dump()) for q in f.quantities], lead_nations=list(f.lead_nations),
            status=f.status, milestones=list(f.milestones), sources=cited_sources(f), disagreement=f.disagreement,
            url=urls.page(links.TRUST_FUNDS, f.id),
        )
        for f in data.trust_funds.values()
    ])


def sources_download(data: Dataset, urls: _Urls) -> SourcesDownload:
    return SourcesDownload(sources=[
        SourceOut(
            **s.model_dump(include={"id", "title", "publisher", "date", "date_note", "url", "kind", "summary"}),
            number=number, page=urls.page(links.SOURCES, links.source_anchor(s.id)),
        )
        for number, s in enumerate(data.sources.values(), start=1)
    ])


def glossary_download(data: Dataset) -> GlossaryDownload:
    return GlossaryDownload(terms=[TermOut(**t.model_dump()) for t in data.terms.values()])


def _csv_cell(value: object) -> str:
    """A spreadsheet cell that can never run as a formula."""
    text = ";".join(value) if isinstance(value, list) else ("" if value is None else str(value))
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def milestones_csv(download: MilestonesDownload) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for m in download.milestones:
        row = m.model_dump()
        writer.writerow([_csv_cell(row[name]) for name in CSV_FIELDS])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM tells spreadsheets the file is UTF-8


def _stamp(milestone_date: str, source_date_epoch: int | None) -> datetime:
    """The DTSTAMP: the build's SOURCE_DATE_EPOCH if it has one, else the milestone's own day."""
    if source_date_epoch is not None:
        return datetime.fromtimestamp(source_date_epoch, tz=UTC)
    return datetime.strptime(milestone_date, "%Y-%m-%d").replace(tzinfo=UTC)


def _ics_event(milestone: MilestoneOut, host: str, source_date_epoch: int | None) -> icalendar.Event:
    day = datetime.strptime(milestone.date, "%Y-%m-%d").date()
    event = icalendar.Event()
    event.add("uid", f"{milestone.id}@{host}")
    event.add("dtstamp", _stamp(milestone.date, source_date_epoch))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", _ics_text(milestone.title))
    event.add("description", _ics_text(f"{milestone.summary} Sources: {', '.join(milestone.sources)}."))
    event.add("url", milestone.url)
    return event


def _ics_text(value: str) -> str:
    """Text without carriage returns; icalendar escapes the rest and folds long lines."""
    return value.replace("\r", "")


def milestones_ics(download: MilestonesDownload, host: str, source_date_epoch: int | None) -> bytes:
    """All-day events for the milestones dated to the day; the others have no day to put them on."""
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//Serbia and NATO reference//Milestones//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Serbia and NATO milestones")
    for milestone in download.milestones:
        if milestone.date_precision == "day":
            calendar.add_component(_ics_event(milestone, host, source_date_epoch))
    return bytes(calendar.to_ical(sorted=False))  # in the order added, so every build writes the same bytes


DOWNLOAD_MODELS: dict[str, type[_Out]] = {
    "milestones": MilestonesDownload,
    "programmes": ProgrammesDownload,
    "trust-funds": TrustFundsDownload,
    "sources": SourcesDownload,
    "glossary": GlossaryDownload,
}


def download_schemas() -> dict[str, bytes]:
    from .schema import DRAFT, as_text

    return {
        f"{FOLDER}/schema/{name}.schema.json": as_text(
            {"$schema": DRAFT, "title": f"Serbia–NATO download: {name}.json", **model.model_json_schema()}
        ).encode("utf-8")
        for name, model in DOWNLOAD_MODELS.items()
    }


def make_downloads(data: Dataset, site: Site, source_date_epoch: int | None = None,
                   feed_updated: int | None = None) -> list[Download]:
    """Every download. `source_date_epoch` (the build's SOURCE_DATE_EPOCH) dates the iCalendar file;
    `feed_updated`, when the milestones last changed, dates the feed (else the epoch, else 1970)."""
    urls = _Urls(site.url)
    milestones = milestones_download(data, urls)
    host = site.url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    updated = next((t for t in (feed_updated, source_date_epoch) if t is not None), 0)
    count = len(milestones.milestones)
    files = [
        Download(f"{FOLDER}/milestones.json", "Milestones", "JSON", count, _json(milestones)),
        Download(f"{FOLDER}/milestones.csv", "Milestones", "CSV", count, milestones_csv(milestones)),
        Download(f"{FOLDER}/milestones.ics", "Milestones dated to the day", "iCalendar",
                 sum(m.date_precision == "day" for m in milestones.milestones),
                 milestones_ics(milestones, host, source_date_epoch)),
        Download(feed.PATH, "Milestones, newest first, to follow in a feed reader", "Atom feed", count,
                 feed.milestones_atom(data, site, updated)),
        Download(f"{FOLDER}/milestones.csl.json", "Milestones, to cite from a reference manager", "CSL-JSON", count,
                 milestones_csl_json(data, site)),
        Download(f"{FOLDER}/programmes.json", "Programmes", "JSON", len(data.programmes),
                 _json(programmes_download(data, urls))),
        Download(f"{FOLDER}/trust-funds.json", "Trust Fund projects", "JSON", len(data.trust_funds),
                 _json(trust_funds_download(data, urls))),
        Download(f"{FOLDER}/sources.json", "Sources", "JSON", len(data.sources), _json(sources_download(data, urls))),
        Download(f"{FOLDER}/glossary.json", "Glossary", "JSON", len(data.terms), _json(glossary_download(data))),
    ]
    files += [Download(path, f"Schema of {path.rsplit('/', 1)[-1].split('.')[0]}.json", "JSON Schema", None, content)
              for path, content in download_schemas().items()]
    return files


def json_ld(data: Dataset, site_url: str, milestones: list[Milestone] | None = None) -> str:
    """schema.org JSON-LD describing the timeline's events (or those given), safe inside a <script> element."""
    urls = _Urls(site_url)
    items = [
        {"@type": "ListItem", "position": position, "item": {
            "@type": "Event", "name": m.title, "startDate": m.date, "description": m.summary,
            "url": urls.page(links.TIMELINE, m.id),
        }}
        for position, m in enumerate(data.chronological() if milestones is None else milestones, start=1)
    ]
    document = {"@context": "https://schema.org", "@type": "ItemList",
                "name": "Milestones in relations between Serbia and NATO", "itemListElement": items}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
