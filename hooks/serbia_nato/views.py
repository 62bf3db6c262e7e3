"""Figures and groupings computed from the dataset: the facts pages show but never restate."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from . import dates
from .dataset import Dataset, FactRecord
from .models import Disagreement, Milestone, Programme, Theme, TrustFund

UNIT_WORDS = {
    "weapons": "small arms and light weapons",
    "landmines-and-ammunition": "landmines and ammunition items",
    "tonnes": "tonnes of ammunition and explosives",
    "people": "discharged defence personnel helped",
}
PROGRAMME_KIND_PLURALS = {
    "partnership-framework": "Partnership frameworks",
    "programme": "Programmes",
    "initiative": "Initiatives",
    "forum": "Forums",
    "process": "Processes",
    "body": "Bodies",
    "office": "Offices",
    "operation": "Operations",
    "agreement": "Agreements",
    "centre": "Centres",
    "fund": "Funds",
}
STATE_WORDS = {
    "active": "active",
    "under-way": "under way",
    "in-transition": "in transition",
    "completed": "completed",
    "superseded": "superseded",
    "ended": "ended",
}


@dataclass(frozen=True)
class Total:
    unit: str
    amount: int
    approximate: bool
    projects: int

    @property
    def words(self) -> str:
        return UNIT_WORDS[self.unit]


@dataclass(frozen=True)
class FilterOption:
    """A theme or programme offered as a timeline filter, with how many events it matches."""

    id: str
    name: str
    count: int


@dataclass(frozen=True)
class DisagreementEntry:
    """A disagreement with the record it belongs to, for the sources page."""

    record_noun: str  # "milestone", "programme" or "trust fund"
    record_id: str
    record_name: str
    disagreement: Disagreement


def source_numbers(data: Dataset) -> dict[str, int]:
    """Each source's citation number: its position in data/sources.yml, from 1."""
    return {source_id: number for number, source_id in enumerate(data.sources, start=1)}


def years(data: Dataset) -> list[int]:
    return sorted({dates.year(m.date) for m in data.milestones.values()})


def decades(data: Dataset) -> list[tuple[str, list[int]]]:
    grouped: dict[int, list[int]] = defaultdict(list)
    for year in years(data):
        grouped[year // 10 * 10].append(year)
    return [(f"{decade}s", grouped[decade]) for decade in sorted(grouped)]


def by_year(milestones: list[Milestone]) -> list[tuple[int, list[Milestone]]]:
    grouped: dict[int, list[Milestone]] = defaultdict(list)
    for milestone in milestones:
        grouped[dates.year(milestone.date)].append(milestone)
    return sorted(grouped.items())


@dataclass(frozen=True)
class YearGroup:
    """One year of the timeline; `inline` if the timeline page holds its events, else it loads them on demand."""

    year: int
    milestones: list[Milestone]
    inline: bool = True


def year_groups(milestones: list[Milestone], inline_events: int | None = None) -> list[YearGroup]:
    """Whole years, oldest first; the first years are inline while they hold at most `inline_events` events.

    The first year is always inline, and once one year is not, no later year is. None: every year inline.
    """
    groups: list[YearGroup] = []
    shown, inline = 0, True
    for year, in_year in by_year(milestones):
        shown += len(in_year)
        inline = inline and (not groups or inline_events is None or shown <= inline_events)
        groups.append(YearGroup(year, in_year, inline))
    return groups


def timeline_years(data: Dataset, inline_events: int | None = None) -> list[YearGroup]:
    """Every milestone's year group (see `year_groups`), worked out once per dataset and page budget."""
    return data.derived(("timeline_years", inline_events), lambda: year_groups(data.chronological(), inline_events))


def deferred_ids(data: Dataset, inline_events: int | None) -> frozenset[str]:
    """The milestones the timeline page does not hold but loads on demand (see `year_groups`)."""
    if inline_events is None:
        return frozenset()
    return data.derived(("deferred_ids", inline_events), lambda: frozenset(
        m.id for g in timeline_years(data, inline_events) if not g.inline for m in g.milestones))


def deferred_index(groups: list[YearGroup]) -> dict[str, list[list[str]]]:
    """For the years the page does not hold: each event's id, themes and programmes, for filtering and counting."""
    return {str(g.year): [[m.id, " ".join(m.themes), " ".join(m.programmes)] for m in g.milestones]
            for g in groups if not g.inline}


def milestones_where(data: Dataset, theme: str | None = None, programme: str | None = None) -> list[Milestone]:
    """Milestones with a theme and/or a programme, in date order, from the dataset's indexes."""
    if theme is None and programme is None:
        return data.chronological()
    if theme is None or programme is None:
        field_name, record_id = ("themes", theme) if theme is not None else ("programmes", programme)
        return data.milestones_naming(field_name, record_id or "")
    named = data.milestone_ids_naming("programmes").get(programme, set())
    return [m for m in data.milestones_naming("themes", theme) if m.id in named]


def filter_options(data: Dataset, field_name: str) -> list[FilterOption]:
    """For "themes" or "programmes": each record that some milestone names, in file order.

    A record that no milestone names is left out, so that no filter leads to an empty timeline.
    """
    records: dict[str, Theme] | dict[str, Programme] = data.themes if field_name == "themes" else data.programmes
    naming = data.milestone_ids_naming(field_name)
    return [FilterOption(record_id, record.name, len(naming[record_id]))
            for record_id, record in records.items() if naming.get(record_id)]


def programmes_where(data: Dataset, theme: str) -> list[Programme]:
    return [p for p in data.programmes.values() if theme in p.themes]


def children(data: Dataset, programme_id: str) -> list[Programme]:
    return [p for p in data.programmes.values() if p.part_of == programme_id]


def latest(data: Dataset, count: int) -> list[Milestone]:
    return list(reversed(data.chronological()[-count:]))


def trust_fund_totals(data: Dataset) -> list[Total]:
    sums: dict[str, list[int]] = {}
    approx: dict[str, bool] = defaultdict(bool)
    for fund in data.trust_funds.values():
        for quantity in fund.quantities:
            sums.setdefault(quantity.unit, []).append(quantity.amount)
            approx[quantity.unit] |= quantity.approximate
    return [Total(unit, sum(amounts), approx[unit], len(amounts)) for unit, amounts in sums.items()]


def newest(dated: list[str]) -> str | None:
    """The latest of some partial dates, or None when there are none."""
    return max(dated, key=dates.sort_key, default=None)


def newest_source_date(data: Dataset) -> str | None:
    return newest([source.date for source in data.sources.values() if source.date])


def trust_fund_states(data: Dataset) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for fund in data.trust_funds.values():
        counts[fund.status.state] += 1
    return dict(counts)


def current_frameworks(data: Dataset) -> list[Programme]:
    """The individual frameworks the latest sources report in transition, else those still active.

    The Partnership for Peace is the umbrella, not an individual framework, so it is left out.
    """
    frameworks = [p for p in data.programmes.values() if p.kind == "partnership-framework" and p.id != "pfp"]
    moving = [p for p in frameworks if p.status is not None and p.status.state == "in-transition"]
    return moving or [p for p in frameworks if p.status is not None and p.status.state == "active"]


def disagreements(data: Dataset) -> list[DisagreementEntry]:
    """Every disagreement, with the record it is recorded on."""
    return [DisagreementEntry(noun, record.id, _name(record), record.disagreement)
            for noun, record in data.fact_records() if record.disagreement is not None]


def _name(record: FactRecord) -> str:
    return record.title if isinstance(record, Milestone) else record.name


def disagreements_about(data: Dataset, record: Programme | TrustFund) -> list[tuple[Disagreement, Milestone | None]]:
    """A programme's or fund's own disagreement, then those of the milestones it concerns."""
    own = [(record.disagreement, None)] if record.disagreement else []
    if isinstance(record, TrustFund):
        related = [data.milestones[m] for m in record.milestones]
    else:
        related = milestones_where(data, programme=record.id)
    return own + [(m.disagreement, m) for m in related if m.disagreement]


def citing(data: Dataset, source_id: str) -> list[tuple[str, FactRecord]]:
    """Every record that cites a source, anywhere in it, as (noun, record)."""
    return data.citing_index.get(source_id, [])


@dataclass(frozen=True)
class Bar:
    """One programme's row in the span chart, in chart coordinates."""

    programme: Programme
    start: int
    end: int
    open_ended: bool


def programme_bars(data: Dataset) -> tuple[int, int, list[Bar]]:
    """Spans of Serbia's part in each dated programme, from `began` to `ended` or the status date."""
    bars = []
    for programme in data.programmes.values():
        if programme.began is None:
            continue
        start = dates.year(programme.began)
        if programme.ended:
            end, open_ended = dates.year(programme.ended), False
        elif programme.status is None:
            end, open_ended = start, False  # no source reports how long it lasted
        else:
            end, open_ended = dates.year(programme.status.as_of), programme.status.state != "completed"
        bars.append(Bar(programme, start, max(end, start), open_ended))
    bars.sort(key=lambda bar: (bar.start, bar.programme.name))
    first = min((bar.start for bar in bars), default=2000)
    last = max((bar.end for bar in bars), default=2000)
    return first, last, bars
