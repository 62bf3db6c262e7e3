"""Load data/: read each file strictly, validate it against the schema, check cross-references.

`load_dataset(folder)` returns a Dataset or raises DataError listing every problem at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import dates
from .models import (
    DATA_FILES,
    Disagreement,
    Milestone,
    Programme,
    Record,
    Source,
    Term,
    Theme,
    TrustFund,
)
from .problems import DataError, Problem
from .yamlread import LineDict, LineList, YamlProblem, read_yaml

MAX_FILE_BYTES = 2_000_000
_KIND = {
    "themes": "theme",
    "sources": "source",
    "milestones": "milestone",
    "programmes": "programme",
    "trust_funds": "trust fund",
    "terms": "glossary term",
}


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

    def chronological(self) -> list[Milestone]:
        return sorted(self.milestones.values(), key=lambda m: (dates.sort_key(m.date), m.id))


@dataclass
class _File:
    """One data file as read: its name for messages, its raw mapping, its validated model."""

    name: str
    raw: LineDict
    model: Record


# Reading and schema validation ----------------------------------------------------------


def _read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(name, 1, "", "", f"is {len(data)} bytes; allowed: at most {MAX_FILE_BYTES}")]
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(name, 1, "", "", "starts with a byte-order mark; allowed: UTF-8 without BOM")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, "", "", f"is not UTF-8 (byte {data[error.start]:#04x}); allowed: UTF-8 text")]


def _read_file(folder: Path, file_name: str, display: str) -> tuple[_File | None, list[Problem]]:
    path = folder / file_name
    if not path.is_file():
        return None, [Problem(display, 1, "", "", "is missing; every data file in the schema is required")]
    text, problems = _read_text(path, display)
    if text is None:
        return None, problems
    try:
        raw = read_yaml(text)
    except YamlProblem as problem:
        return None, [Problem(display, problem.line, "", "", problem.message)]
    model_type = DATA_FILES[file_name]
    top_key = next(iter(model_type.model_fields))
    if not isinstance(raw, LineDict):
        what = "empty" if raw is None else f"a {type(raw).__name__}"
        return None, [Problem(display, getattr(raw, "line", 1), "", "",
                              f"is {what}; allowed: a mapping with the key `{top_key}:` holding a list")]
    try:
        return _File(display, raw, model_type.model_validate(raw)), []
    except ValidationError as error:
        return None, [_schema_problem(display, raw, top_key, detail) for detail in error.errors()]


def _schema_problem(file: str, raw: LineDict, top_key: str, detail: dict) -> Problem:
    loc = detail["loc"]
    line, node, item = raw.line, raw, ""
    path: list[str] = []
    for step in loc:
        if isinstance(node, LineDict) and step in node:
            line, node = node.key_lines[step], node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            line, node = node.item_lines[step], node[step]
            if not item and isinstance(node, LineDict):
                item = str(node.get("id") or node.get("term") or f"item {step + 1}")
        else:
            node = None
        if step == top_key and not path:
            continue
        if isinstance(step, int):
            if path:
                path[-1] += f"[{step}]"
        else:
            path.append(str(step))
    kind = _KIND.get(top_key, top_key)
    field_path = ".".join(path[1:] if item and path and path[0].startswith("[") else path)
    field_path = field_path.lstrip(".")
    return Problem(file, line, item, field_path, _explain(detail, kind))


def _explain(detail: dict, kind: str) -> str:
    kind_of = detail["type"]
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    shown = repr(value)[:60]
    if kind_of == "missing":
        return f"is missing; it is required for every {kind}"
    if kind_of == "extra_forbidden":
        name = str(detail["loc"][-1])
        allowed = _allowed_fields(detail)
        guess = difflib.get_close_matches(name, allowed, n=1)
        hint = f"; did you mean `{guess[0]}`?" if guess else ""
        return f"is not a field of a {kind}{hint} allowed: {', '.join(allowed)}"
    if kind_of == "string_type":
        return f"must be text, not {shown}; allowed: text (quote it if YAML reads it as a number or true/false)"
    if kind_of == "bool_type":
        return f"must be true or false, not {shown}; allowed: true, false"
    if kind_of in {"int_type", "int_parsing"}:
        return f"must be a whole number, not {shown}; allowed: digits only, e.g. 8000"
    if kind_of == "list_type":
        return f"must be a list, not {shown}; allowed: a YAML list (`- item` lines or [a, b])"
    if kind_of in {"model_type", "dict_type", "model_attributes_type"}:
        return f"must be a mapping of fields, not {shown}; allowed: `field: value` lines"
    if kind_of == "string_pattern_mismatch":
        return f"{shown} is not a valid id or code; allowed: {_pattern_words(ctx.get('pattern', ''))}"
    if kind_of == "string_too_short":
        return "is empty; allowed: text of at least one character"
    if kind_of == "string_too_long":
        return f"is {len(value)} characters long; allowed: at most {ctx.get('max_length')}"
    if kind_of == "too_short":
        return f"has {len(value) if hasattr(value, '__len__') else 0} items; allowed: at least {ctx.get('min_length')}"
    if kind_of == "literal_error":
        return f"{shown} is not allowed; allowed: {ctx.get('expected')}"
    if kind_of == "greater_than":
        return f"is {shown}; allowed: a number greater than {ctx.get('gt')}"
    if kind_of == "none_required" or kind_of.endswith("_type"):
        return f"has the wrong type ({shown}); {detail['msg']}"
    return detail["msg"]


def _allowed_fields(detail: dict) -> list[str]:
    """The fields of the model that refused an unknown key, found from the error's location."""
    from . import models

    loc = detail["loc"]
    owner = {
        "milestones": models.Milestone, "programmes": models.Programme, "sources": models.Source,
        "trust_funds": models.TrustFund, "terms": models.Term, "themes": models.Theme,
    }.get(str(loc[0]))
    if owner is None or len(loc) == 1:
        return [str(key) for key in DATA_FILES_TOP_KEYS]
    model: type[Record] = owner
    for step in loc[2:-1]:
        if isinstance(step, int):
            continue
        annotation = model.model_fields[step].annotation
        model = _record_in(annotation) or model
    return list(model.model_fields)


def _record_in(annotation: object) -> type[Record] | None:
    candidates = [annotation, *getattr(annotation, "__args__", ())]
    for candidate in candidates:
        for inner in [candidate, *getattr(candidate, "__args__", ())]:
            if isinstance(inner, type) and issubclass(inner, Record):
                return inner
    return None


def _pattern_words(pattern: str) -> str:
    if pattern.startswith("^[a-z0-9]"):
        return "lower-case letters, digits and single hyphens, e.g. `pfp-joined`"
    return f"text matching {pattern}"


DATA_FILES_TOP_KEYS = [next(iter(model.model_fields)) for model in DATA_FILES.values()]


# Cross-references -----------------------------------------------------------------------


def _records(file: _File) -> tuple[str, list[Record], LineList]:
    key = next(iter(type(file.model).model_fields))
    return key, list(getattr(file.model, key)), file.raw[key]


def _record_id(record: Record) -> str:
    return getattr(record, "id", None) or getattr(record, "term")


def _line_of(raw_item: LineDict, field_name: str) -> int:
    return raw_item.key_lines.get(field_name, raw_item.line)


def _index(file: _File) -> tuple[dict[str, Record], list[Problem]]:
    key, records, raw_items = _records(file)
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for record, raw_item in zip(records, raw_items, strict=True):
        record_id = _record_id(record)
        if record_id in seen:
            problems.append(Problem(file.name, raw_item.line, record_id, "id",
                                    f"repeats the id of the {_KIND[key]} on line {seen[record_id]}; allowed: unique ids"))
        else:
            seen[record_id] = raw_item.line
    return {_record_id(record): record for record in records}, problems


def _references(record: Record) -> Iterator[tuple[str, str, str]]:
    """Yield (field, kind, id) for every id the record refers to."""
    refs: list[tuple[str, str, Iterable[str]]] = [
        ("themes", "themes", getattr(record, "themes", []) if not isinstance(record, Theme) else []),
        ("programmes", "programmes", getattr(record, "programmes", [])),
        ("sources", "sources", getattr(record, "sources", [])),
        ("milestones", "milestones", getattr(record, "milestones", [])),
    ]
    for name, kind, ids in refs:
        for position, ref in enumerate(ids):
            yield f"{name}[{position}]", kind, ref
    for name, kind in (("part_of", "programmes"), ("programme", "programmes")):
        ref = getattr(record, name, None)
        if isinstance(ref, str):
            yield name, kind, ref
    status = getattr(record, "status", None)
    if status is not None:
        for position, ref in enumerate(status.sources):
            yield f"status.sources[{position}]", "sources", ref
    disagreement: Disagreement | None = getattr(record, "disagreement", None)
    if disagreement is not None:
        for number, claim in enumerate(disagreement.claims):
            for position, ref in enumerate(claim.sources):
                yield f"disagreement.claims[{number}].sources[{position}]", "sources", ref


def _check_references(file: _File, known: dict[str, dict[str, Record]]) -> list[Problem]:
    problems = []
    key, records, raw_items = _records(file)
    for record, raw_item in zip(records, raw_items, strict=True):
        for field_name, kind, ref in _references(record):
            if ref in known[kind]:
                continue
            if isinstance(record, Programme) and field_name == "part_of" and ref == record.id:
                continue
            guess = difflib.get_close_matches(ref, list(known[kind]), n=1)
            hint = f" (did you mean `{guess[0]}`?)" if guess else ""
            problems.append(Problem(
                file.name, _line_of(raw_item, field_name.split("[")[0].split(".")[0]), _record_id(record),
                field_name, f"'{ref}' is not a known {_KIND[kind]}{hint}; allowed: an id from data/{kind}.yml",
            ))
    return problems


def _check_spans(file: _File) -> list[Problem]:
    problems = []
    _, records, raw_items = _records(file)
    for record, raw_item in zip(records, raw_items, strict=True):
        for start_name, end_name in (("began", "ended"), ("started", "ended")):
            start, end = getattr(record, start_name, None), getattr(record, end_name, None)
            if start and end and dates.sort_key(end) < dates.sort_key(start):
                problems.append(Problem(file.name, _line_of(raw_item, end_name), _record_id(record), end_name,
                                        f"{end} is before {start_name} {start}; allowed: a date on or after it"))
    return problems


def _suspect(file: _File, sources: dict[str, Record]) -> list[Problem]:
    """Allowed but suspect: a status dated later than every source it cites."""
    warnings = []
    _, records, raw_items = _records(file)
    for record, raw_item in zip(records, raw_items, strict=True):
        status = getattr(record, "status", None)
        if status is None:
            continue
        source_years = [dates.year(sources[s].date) for s in status.sources if s in sources and sources[s].date]
        if source_years and dates.year(status.as_of) > max(source_years):
            warnings.append(Problem(file.name, _line_of(raw_item, "status"), _record_id(record), "status.as_of",
                                    f"{status.as_of} is later than every source it cites; "
                                    "allowed, but check the date of the status"))
    return warnings


def _unused_sources(files: dict[str, _File], sources: dict[str, Record]) -> list[Problem]:
    cited = {ref for file in files.values() for record in _records(file)[1]
             for _, kind, ref in _references(record) if kind == "sources"}
    raw_items = files["sources.yml"].raw["sources"]
    return [Problem(files["sources.yml"].name, raw_item.line, source_id, "id",
                    "is cited by nothing; allowed, but a source should support at least one fact")
            for source_id, raw_item in zip(sources, raw_items, strict=False) if source_id not in cited]


# The whole dataset ----------------------------------------------------------------------


def load_dataset(folder: Path, display_prefix: str = "data") -> Dataset:
    """Read and check every data file; raise DataError with all problems if any."""
    files: dict[str, _File] = {}
    problems: list[Problem] = []
    for file_name in DATA_FILES:
        loaded, found = _read_file(Path(folder), file_name, f"{display_prefix}/{file_name}")
        problems += found
        if loaded is not None:
            files[file_name] = loaded
    if problems:
        raise DataError(problems)

    known: dict[str, dict[str, Record]] = {}
    for file_name, file in files.items():
        kind = next(iter(type(file.model).model_fields))
        known[kind], found = _index(file)
        problems += found
    for file in files.values():
        problems += _check_references(file, known)
        problems += _check_spans(file)
    if problems:
        raise DataError(problems)

    warnings = [w for file in files.values() for w in _suspect(file, known["sources"])]
    warnings += _unused_sources(files, known["sources"])
    return Dataset(
        themes=known["themes"], sources=known["sources"], milestones=known["milestones"],
        programmes=known["programmes"], trust_funds=known["trust_funds"], terms=known["terms"],
        warnings=warnings,
    )
