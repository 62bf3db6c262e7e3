"""The data as downloads: JSON (with JSON Schema), CSV, iCalendar, Atom and CSL-JSON, byte for byte reproducible.

Every file is made in memory from the Dataset; the hooks add them to each edition under downloads/. The
JSON files hold every text in all three editions' words; the others are in the edition's own.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

import icalendar
from pydantic import BaseModel, ConfigDict, Field

from . import dates, feed, links
from .cite import Site, milestones_csl_json
from .dataset import Dataset, cited_sources
from .editions import EDITIONS, ENGLISH, Edition, localized
from .models import Disagreement, Milestone, Status, Words

FOLDER = "downloads"
CSV_FIELDS = ["id", "date", "date_precision", "title", "summary", "themes", "programmes", "sources", "as_of", "url"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextOut(_Out):
    """A text as each edition shows it: English, Serbian in Cyrillic, Serbian in Latin."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    en: str
    sr_cyrl: str = Field(alias="sr-Cyrl")
    sr_latn: str = Field(alias="sr-Latn")

    @classmethod
    def of(cls, words: Words) -> TextOut:
        return cls(**{code: edition.text(words) for code, edition in EDITIONS.items()})


def _texts(words: Words | None) -> TextOut | None:
    return None if words is None else TextOut.of(words)


class ClaimOut(_Out):
    says: TextOut
    sources: list[str]
    taken: bool


class DisagreementOut(_Out):
    topic: TextOut
    claims: list[ClaimOut]
    why: TextOut

    @classmethod
    def of(cls, disagreement: Disagreement | None) -> DisagreementOut | None:
        if disagreement is None:
            return None
        claims = [ClaimOut(says=TextOut.of(claim.says), sources=list(claim.sources), taken=claim.taken)
                  for claim in disagreement.claims]
        return cls(topic=TextOut.of(disagreement.topic), claims=claims, why=TextOut.of(disagreement.why))


class MilestoneOut(_Out):
    id: str
    date: str
    date_precision: Literal["year", "month", "day"]
    title: TextOut
    summary: TextOut
    themes: list[str]
    programmes: list[str]
    sources: list[str]
    as_of: str | None
    disagreement: DisagreementOut | None
    url: str


class MilestoneRow(_Out):
    """A milestone in one edition's words, for the CSV and iCalendar files."""

    id: str
    date: str
    date_precision: Literal["year", "month", "day"]
    title: str
    summary: str
    themes: list[str]
    programmes: list[str]
    sources: list[str]
    as_of: str | None
    url: str


class ProgrammeOut(_Out):
    id: str
    name: TextOut
    acronym: str | None
    kind: str
    summary: TextOut
    serbia: TextOut
    began: str | None
    ended: str | None
    status: Status | None
    themes: list[str]
    part_of: str | None
    sources: list[str]
    disagreement: DisagreementOut | None
    url: str


class QuantityOut(_Out):
    amount: int
    unit: str
    approximate: bool
    what: TextOut


class TrustFundOut(_Out):
    id: str
    name: TextOut
    purpose: TextOut
    quantities: list[QuantityOut]
    lead_nations: list[TextOut]
    executing_agency: str | None
    started: str | None
    ended: str | None
    duration_years: int | None
    status: Status
    milestones: list[str]
    sources: list[str]
    note: TextOut | None
    disagreement: DisagreementOut | None
    url: str


class SourceOut(_Out):
    id: str
    number: int
    title: str
    publisher: str
    date: str | None
    date_note: TextOut | None
    url: str | None
    kind: str
    summary: TextOut
    page: str


class TermOut(_Out):
    term: str
    expansion: TextOut
    explanation: TextOut
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
    dumped = model.model_dump(mode="json", by_alias=True)
    return (json.dumps(dumped, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def milestones_download(data: Dataset, urls: _Urls) -> MilestonesDownload:
    return MilestonesDownload(milestones=[
        MilestoneOut(
            id=m.id, date=m.date, date_precision=dates.precision(m.date), title=TextOut.of(m.title),
            summary=TextOut.of(m.summary), themes=list(m.themes), programmes=list(m.programmes),
            sources=list(m.sources), as_of=m.as_of, disagreement=DisagreementOut.of(m.disagreement),
            url=urls.page(links.TIMELINE, m.id),
        )
        for m in data.chronological()
    ])


def milestone_rows(data: Dataset, urls: _Urls) -> list[MilestoneRow]:
    """The milestones in the words of the edition that `data` is localized to, in date order."""
    return [
        MilestoneRow(
            id=m.id, date=m.date, date_precision=dates.precision(m.date), title=m.title, summary=m.summary,
            themes=list(m.themes), programmes=list(m.programmes), sources=list(m.sources), as_of=m.as_of,
            url=urls.page(links.TIMELINE, m.id),
        )
        for m in data.chronological()
    ]


def programmes_download(data: Dataset, urls: _Urls) -> ProgrammesDownload:
    return ProgrammesDownload(programmes=[
        ProgrammeOut(
            id=p.id, name=TextOut.of(p.name), acronym=p.acronym, kind=p.kind, summary=TextOut.of(p.summary),
            serbia=TextOut.of(p.serbia), began=p.began, ended=p.ended, part_of=p.part_of,
            status=p.status, themes=list(p.themes), sources=cited_sources(p),
            disagreement=DisagreementOut.of(p.disagreement), url=urls.page(links.programme_page(p.id)),
        )
        for p in data.programmes.values()
    ])


def trust_funds_download(data: Dataset, urls: _Urls) -> TrustFundsDownload:
    return TrustFundsDownload(trust_funds=[
        TrustFundOut(
            id=f.id, name=TextOut.of(f.name), purpose=TextOut.of(f.purpose), executing_agency=f.executing_agency,
            started=f.started, ended=f.ended, duration_years=f.duration_years, note=_texts(f.note),
            quantities=[QuantityOut(amount=q.amount, unit=q.unit, approximate=q.approximate, what=TextOut.of(q.what))
                        for q in f.quantities],
            lead_nations=[TextOut.of(nation) for nation in f.lead_nations],
            status=f.status, milestones=list(f.milestones), sources=cited_sources(f),
            disagreement=DisagreementOut.of(f.disagreement), url=urls.page(links.TRUST_FUNDS, f.id),
        )
        for f in data.trust_funds.values()
    ])


def sources_download(data: Dataset, urls: _Urls) -> SourcesDownload:
    return SourcesDownload(sources=[
        SourceOut(
            id=s.id, title=s.title, publisher=s.publisher, date=s.date, date_note=_texts(s.date_note), url=s.url,
            kind=s.kind, summary=TextOut.of(s.summary), number=number,
            page=urls.page(links.SOURCES, links.source_anchor(s.id)),
        )
        for number, s in enumerate(data.sources.values(), start=1)
    ])


def glossary_download(data: Dataset) -> GlossaryDownload:
    return GlossaryDownload(terms=[
        TermOut(term=t.term, expansion=TextOut.of(t.expansion), explanation=TextOut.of(t.explanation),
                programme=t.programme, sources=list(t.sources))
        for t in data.terms.values()
    ])


def _csv_cell(value: object) -> str:
    """A spreadsheet cell that can never run as a formula."""
    text = ";".join(value) if isinstance(value, list) else ("" if value is None else str(value))
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def milestones_csv(rows: list[MilestoneRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for m in rows:
        row = m.model_dump()
        writer.writerow([_csv_cell(row[name]) for name in CSV_FIELDS])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM tells spreadsheets the file is UTF-8


def _stamp(milestone_date: str, source_date_epoch: int | None) -> datetime:
    """The DTSTAMP: the build's SOURCE_DATE_EPOCH if it has one, else the milestone's own day."""
    if source_date_epoch is not None:
        return datetime.fromtimestamp(source_date_epoch, tz=UTC)
    return datetime.strptime(milestone_date, "%Y-%m-%d").replace(tzinfo=UTC)


def _ics_event(milestone: MilestoneRow, host: str, source_date_epoch: int | None, edition: Edition) -> icalendar.Event:
    day = datetime.strptime(milestone.date, "%Y-%m-%d").date()
    event = icalendar.Event()
    event.add("uid", f"{milestone.id}@{host}")
    event.add("dtstamp", _stamp(milestone.date, source_date_epoch))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", _ics_text(milestone.title))
    sources = edition.ui("Sources: {ids}.", ids=", ".join(milestone.sources))
    event.add("description", _ics_text(f"{milestone.summary} {sources}"))
    event.add("url", milestone.url)
    return event


def _ics_text(value: str) -> str:
    """Text without carriage returns; icalendar escapes the rest and folds long lines."""
    return value.replace("\r", "")


def milestones_ics(rows: list[MilestoneRow], host: str, source_date_epoch: int | None,
                   edition: Edition = ENGLISH) -> bytes:
    """All-day events for the milestones dated to the day; the others have no day to put them on."""
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//Serbia and NATO reference//Milestones//{edition.code.upper()}")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", edition.ui("Serbia and NATO milestones"))
    for milestone in rows:
        if milestone.date_precision == "day":
            calendar.add_component(_ics_event(milestone, host, source_date_epoch, edition))
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
                   feed_updated: int | None = None, edition: Edition = ENGLISH,
                   shown: Dataset | None = None) -> list[Download]:
    """Every download of one edition (`site` is the edition's own). `source_date_epoch` (the build's
    SOURCE_DATE_EPOCH) dates the iCalendar file; `feed_updated`, when the milestones last changed, dates
    the feed (else the epoch, else 1970). `data` is as loaded, with both languages; `shown` is the same
    localized to the edition, if the caller has made it already."""
    ui, urls = edition.ui, _Urls(site.url)
    shown = shown if shown is not None else localized(data, edition)
    rows = milestone_rows(shown, urls)
    host = site.url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    updated = next((t for t in (feed_updated, source_date_epoch) if t is not None), 0)
    count = len(rows)
    everywhere = _Urls(site.url.removesuffix(edition.folder))  # the JSON files name the English pages
    files = [
        Download(f"{FOLDER}/milestones.json", ui("Milestones"), "JSON", count,
                 _json(milestones_download(data, everywhere))),
        Download(f"{FOLDER}/milestones.csv", ui("Milestones"), "CSV", count, milestones_csv(rows)),
        Download(f"{FOLDER}/milestones.ics", ui("Milestones dated to the day"), "iCalendar",
                 sum(m.date_precision == "day" for m in rows), milestones_ics(rows, host, source_date_epoch, edition)),
        Download(feed.PATH, ui("Milestones, newest first, to follow in a feed reader"), ui("Atom feed"), count,
                 feed.milestones_atom(shown, site, updated, edition)),
        Download(f"{FOLDER}/milestones.csl.json", ui("Milestones, to cite from a reference manager"), "CSL-JSON",
                 count, milestones_csl_json(shown, site)),
        Download(f"{FOLDER}/programmes.json", ui("Programmes"), "JSON", len(data.programmes),
                 _json(programmes_download(data, everywhere))),
        Download(f"{FOLDER}/trust-funds.json", ui("Trust Fund projects"), "JSON", len(data.trust_funds),
                 _json(trust_funds_download(data, everywhere))),
        Download(f"{FOLDER}/sources.json", ui("Sources"), "JSON", len(data.sources),
                 _json(sources_download(data, everywhere))),
        Download(f"{FOLDER}/glossary.json", ui("Glossary"), "JSON", len(data.terms), _json(glossary_download(data))),
    ]
    files += [Download(path, ui("Schema of {name}.json", name=path.rsplit("/", 1)[-1].split(".")[0]), "JSON Schema",
                       None, content)
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
