"""Checks across fields and records: unique ids, known references (from `Ref` marks), loops, spans, warnings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import get_args

from pydantic.fields import FieldInfo

from . import dates
from .models import COLLECTIONS, Collection, Milestone, Record, Ref, Source, Term, is_partial_date
from .problems import Problem, closest, did_you_mean
from .yamlread import LineDict, LineList

Path = tuple[int | str, ...]  # a path through one record: field names and list positions
Index = dict[str, dict[str, Record]]  # each collection's records by id


@dataclass
class FileRecords:
    """One data file as read: its name for messages, its collection, its raw records and validated ones.

    When some records are invalid, `records` holds only the valid ones (with their raw items), and
    `invalid_ids` the ids of the others, so that references to them are not reported as unknown;
    None when an invalid record has no id to go by, so that any reference to this collection may be right.
    """

    name: str
    collection: Collection
    raw_items: list[LineDict]
    records: list[Record]
    invalid_ids: set[str] | None = field(default_factory=set)

    def pairs(self) -> Iterator[tuple[Record, LineDict]]:
        """Each validated record with the raw YAML it was read from."""
        return zip(self.records, self.raw_items, strict=True)


def check(files: dict[str, FileRecords], today: date | None = None) -> tuple[Index, list[Problem]]:
    """Index every file's records by id, with every problem found across fields and records.

    `today`, when given, is the day no date may come after.
    """
    index: Index = {}
    problems: list[Problem] = []
    for name, file in files.items():
        index[name], found = _index(file)
        problems += found
    invalid = {name: file.invalid_ids for name, file in files.items()}
    for file in files.values():
        problems += _unknown_references(file, index, invalid) + _spans_out_of_order(file)
        problems += _dates_after(file, today) if today is not None else []
    if "programmes" in files:
        problems += _programmes_part_of_themselves(files["programmes"])
    return index, problems


def warnings(files: dict[str, FileRecords], index: Index) -> list[Problem]:
    """What is allowed but suspect: statuses newer than their sources, sources nothing cites, and
    milestones out of the timeline's order."""
    found = [w for file in files.values() for w in _status_newer_than_its_sources(file, index["sources"])]
    return found + _uncited_sources(files) + _milestones_out_of_order(files.get("milestones"))


def references(record: Record, path: Path = ()) -> Iterator[tuple[Path, str, str]]:
    """(path, collection, id) for every id a record names, found through the `Ref` marks in its model."""
    for name, ref in _reference_fields(type(record)):
        value, here = getattr(record, name), (*path, name)
        if ref is not None:
            yield from ((where, ref.collection, ref_id) for where, ref_id in _ids_in(value, here))
        else:
            for where, inner in _records_in(value, here):
                yield from references(inner, where)


@cache
def _reference_fields(model: type[Record]) -> tuple[tuple[str, Ref | None], ...]:
    """The fields of a model that name ids (with their `Ref`) or may hold records that do (None); the
    others (texts, dates, numbers) are skipped, which makes checking 10,000 records several times quicker."""
    return tuple((name, _ref_of(info)) for name, info in model.model_fields.items()
                 if _ref_of(info) is not None or _may_hold_records(info.annotation))


def _may_hold_records(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return True
    return any(_may_hold_records(argument) for argument in get_args(annotation))


def _ref_of(info: FieldInfo) -> Ref | None:
    return next((meta for meta in info.metadata if isinstance(meta, Ref)), None)


def _ids_in(value: object, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list | tuple):
        for position, element in enumerate(value):
            yield from _ids_in(element, (*path, position))


def _records_in(value: object, path: Path) -> Iterator[tuple[Path, Record]]:
    if isinstance(value, Record):
        yield path, value
    elif isinstance(value, list | tuple):
        for position, element in enumerate(value):
            yield from _records_in(element, (*path, position))


def _record_id(record: Record) -> str:
    """A record's id; a glossary term is known by its term."""
    return record.term if isinstance(record, Term) else str(getattr(record, "id", ""))


def _line_at(raw_item: LineDict, path: Path) -> int:
    """The line of the value at `path` inside one raw record, as deep as the YAML goes."""
    line: int = raw_item.line
    node: object = raw_item
    for step in path:
        if isinstance(node, LineDict) and isinstance(step, str) and step in node:
            line, node = node.key_lines[step], node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            line, node = node.item_lines[step], node[step]
        else:
            break
    return line


def _field_name(path: Path) -> str:
    return ".".join(step for step in path if isinstance(step, str))


def _index(file: FileRecords) -> tuple[dict[str, Record], list[Problem]]:
    """The file's records by id, and a problem for each id used twice."""
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    id_field, noun = file.collection.id_field, file.collection.noun
    what = "an id" if id_field == "id" else "a term"
    for record, raw_item in file.pairs():
        record_id, line = _record_id(record), _line_at(raw_item, (id_field,))
        if record_id in seen:
            problems.append(Problem(file.name, line, record_id, id_field,
                                    f"repeats the {id_field} of the {noun} on line {seen[record_id]}; "
                                    f"allowed: {what} used by no other {noun}"))
        else:
            seen[record_id] = line
    return {_record_id(record): record for record in file.records}, problems


def _unknown_references(file: FileRecords, index: Index, invalid: dict[str, set[str] | None]) -> list[Problem]:
    """Every reference must name a record of its collection; collections whose file could not be read are skipped."""
    problems = []
    for record, raw_item in file.pairs():
        for path, collection, ref in references(record):
            maybe_invalid = invalid.get(collection)
            if collection not in index or maybe_invalid is None or ref in index[collection] or ref in maybe_invalid:
                continue
            hint = did_you_mean(closest(ref, index[collection]))
            problems.append(Problem(file.name, _line_at(raw_item, path), _record_id(record), _field_name(path),
                                    COLLECTIONS[collection].unknown_id(ref, hint)))
    return problems


def _programmes_part_of_themselves(file: FileRecords) -> list[Problem]:
    """A programme may not be part of itself, directly or through others."""
    parents = {_record_id(record): getattr(record, "part_of", None) for record in file.records}
    problems = []
    for record, raw_item in file.pairs():
        record_id = _record_id(record)
        chain, current = [record_id], parents.get(record_id)
        while current is not None and current not in chain and current in parents:
            chain.append(current)
            current = parents[current]
        if current == record_id:
            loop = " → ".join([*chain, current]) if len(chain) > 1 else "itself"
            problems.append(Problem(file.name, _line_at(raw_item, ("part_of",)), record_id, "part_of",
                                    f"makes the programme part of {loop}; allowed: a programme that is not "
                                    "part of this one"))
    return problems


def _spans_out_of_order(file: FileRecords) -> list[Problem]:
    """A span may not end before it begins (programmes) or starts (Trust Fund projects)."""
    problems = []
    for record, raw_item in file.pairs():
        for start_name, end_name in (("began", "ended"), ("started", "ended")):
            start, end = getattr(record, start_name, None), getattr(record, end_name, None)
            if start and end and dates.sort_key(end) < dates.sort_key(start):
                problems.append(Problem(file.name, _line_at(raw_item, (end_name,)), _record_id(record), end_name,
                                        f"{end} is before {start_name} {start}; allowed: a date on or after it"))
    return problems


def _status_newer_than_its_sources(file: FileRecords, sources: dict[str, Record]) -> list[Problem]:
    """Allowed but suspect: a status dated later than every source it cites."""
    warnings = []
    for record, raw_item in file.pairs():
        status = getattr(record, "status", None)
        if status is None:
            continue
        source_years = [dates.year(date) for date in (_date_of(sources.get(s)) for s in status.sources) if date]
        if source_years and dates.year(status.as_of) > max(source_years):
            warnings.append(Problem(file.name, _line_at(raw_item, ("status", "as_of")), _record_id(record),
                                    "status.as_of", f"{status.as_of} is later than every source it cites; "
                                    "allowed, but check the date of the status"))
    return warnings


def _dates_after(file: FileRecords, today: date) -> list[Problem]:
    """A date that has not come yet: an event goes in when it has happened, an announcement on its own day."""
    limit = (today.year, today.month, today.day)
    return [Problem(file.name, _line_at(raw_item, path), _record_id(record), _field_name(path),
                    f"{value} is after today ({today.isoformat()}); allowed: a date that has come (record an "
                    "announced event on the day it was announced)")
            for record, raw_item in file.pairs() for path, value in _partial_dates(record)
            if dates.sort_key(value) > limit]


def _partial_dates(record: Record, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """(path, date) for every date in a record and in the records nested in it."""
    for name in type(record).model_fields:
        value, here = getattr(record, name), (*path, name)
        if isinstance(value, str) and is_partial_date(type(record), name):
            yield here, value
        else:
            for where, inner in _records_in(value, here):
                yield from _partial_dates(inner, where)


def _milestones_out_of_order(file: FileRecords | None) -> list[Problem]:
    """Allowed but hard to edit: a milestone dated before the one above it in the file."""
    warnings: list[Problem] = []
    previous: Milestone | None = None
    for record, raw_item in file.pairs() if file is not None else ():
        if not isinstance(record, Milestone):
            continue
        if previous is not None and dates.reading_order(record.date) < dates.reading_order(previous.date):
            warnings.append(Problem(
                file.name if file is not None else "", _line_at(raw_item, ("date",)), record.id, "date",
                f"{record.date} comes before {previous.date} of `{previous.id}` above it; allowed, but keep the "
                "file in the timeline's order: by date, with a date known only to its year or month after the "
                "dated events within it"))
        previous = record
    return warnings


def _date_of(source: Record | None) -> str | None:
    return source.date if isinstance(source, Source) else None


def _uncited_sources(files: dict[str, FileRecords]) -> list[Problem]:
    sources = files["sources"]
    cited = {ref for file in files.values() for record in file.records
             for _, collection, ref in references(record) if collection == "sources"}
    return [Problem(sources.name, _line_at(raw_item, ("id",)), _record_id(record), "id",
                    "is cited by nothing; allowed, but a source should support at least one fact")
            for record, raw_item in sources.pairs() if _record_id(record) not in cited]
