"""The Dataset: every record in data/, validated, in file order, with lookups by id and indexes."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from . import dates
from .models import COLLECTIONS, Milestone, Programme, Record, Source, Term, Theme, TrustFund
from .problems import Problem

T = TypeVar("T")
FactRecord = Milestone | Programme | TrustFund  # the records that state facts, cite sources and may disagree


@dataclass
class Dataset:
    """Everything in data/, validated, with records in file order and lookups by id."""

    themes: dict[str, Theme]
    sources: dict[str, Source]
    milestones: dict[str, Milestone]
    programmes: dict[str, Programme]
    trust_funds: dict[str, TrustFund]
    terms: dict[str, Term]
    warnings: list[Problem] = field(default_factory=list)
    _derived: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, key: Hashable, make: Callable[[], T]) -> T:
        """A value computed from the dataset once and kept with it (`views` keeps what every page asks for here)."""
        if key not in self._derived:
            self._derived[key] = make()
        value: T = self._derived[key]
        return value

    @classmethod
    def from_index(cls, index: Mapping[str, Mapping[str, Record]], warnings: list[Problem]) -> Dataset:
        """A Dataset from each collection's validated records by id (as models.COLLECTIONS names them)."""
        return cls(**{name: dict(index[name]) for name in COLLECTIONS}, warnings=warnings)  # type: ignore[arg-type]

    def records(self, collection: str) -> dict[str, Record]:
        """The records of one collection (a key of models.COLLECTIONS), by id."""
        records: dict[str, Record] = getattr(self, collection)
        return records

    def fact_records(self) -> list[tuple[str, FactRecord]]:
        """Every record that states facts, as (noun, record), collection by collection in file order."""
        return [(collection.noun, record)  # type: ignore[misc]
                for collection in COLLECTIONS.values() if collection.states_facts
                for record in self.records(collection.name).values()]

    def milestone_ids_naming(self, field_name: str) -> dict[str, set[str]]:
        """For "themes" or "programmes": each id, and the ids of the milestones that name it."""
        return self._milestone_index[field_name]

    @cached_property
    def _milestone_index(self) -> dict[str, dict[str, set[str]]]:
        index: dict[str, dict[str, set[str]]] = {"themes": {}, "programmes": {}}
        for milestone in self.milestones.values():
            for field_name, refs in index.items():
                for ref in getattr(milestone, field_name):
                    refs.setdefault(ref, set()).add(milestone.id)
        return index

    @cached_property
    def citing_index(self) -> dict[str, list[tuple[str, FactRecord]]]:
        """Each source id, and the (noun, record) pairs that cite it anywhere."""
        index: dict[str, list[tuple[str, FactRecord]]] = {}
        for noun, record in self.fact_records():
            for source_id in cited_sources(record):
                index.setdefault(source_id, []).append((noun, record))
        return index

    def milestones_naming(self, field_name: str, record_id: str) -> list[Milestone]:
        """For "themes" or "programmes": the milestones that name one record, in date order."""
        return list(self._chronological_index[field_name].get(record_id, ()))

    @cached_property
    def _chronological_index(self) -> dict[str, dict[str, list[Milestone]]]:
        index: dict[str, dict[str, list[Milestone]]] = {"themes": {}, "programmes": {}}
        for milestone in self._chronological:
            for field_name, refs in index.items():
                for ref in getattr(milestone, field_name):
                    refs.setdefault(ref, []).append(milestone)
        return index

    def chronological(self) -> list[Milestone]:
        return list(self._chronological)

    @cached_property
    def _chronological(self) -> tuple[Milestone, ...]:
        """Sorted once per dataset: pages ask for it many times in one build."""
        return tuple(sorted(self.milestones.values(), key=lambda m: (dates.reading_order(m.date), m.id)))


def cited_sources(record: FactRecord) -> list[str]:
    """The sources a record cites, in its own fields, its status and its disagreement, in order."""
    ids = list(record.sources)
    status = getattr(record, "status", None)
    if status is not None:
        ids += status.sources
    if record.disagreement is not None:
        ids += [s for claim in record.disagreement.claims for s in claim.sources]
    return list(dict.fromkeys(ids))
