"""Load data/: read each file strictly, validate it against the schema, check cross-references.

`load_dataset(folder)` returns a Dataset or raises DataError listing every problem at once:
each file is read and validated on its own, and the references between files are checked for
every file that could be read, so an editor sees all their mistakes in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import dates, models
from .models import DATA_FILES, Record
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
_KIND_FILE = {"themes": "themes", "sources": "sources", "milestones": "milestones",
              "programmes": "programmes", "trust_funds": "trust_funds", "terms": "glossary"}
# Every field that names another record: a dotted path through the record, and the kind it names.
_REFERENCE_FIELDS = [
    ("themes", "themes"),
    ("programmes", "programmes"),
    ("programme", "programmes"),
    ("part_of", "programmes"),
    ("milestones", "milestones"),
    ("sources", "sources"),
    ("status.sources", "sources"),
    ("disagreement.claims.sources", "sources"),
]


@dataclass
class Dataset:
    """Everything in data/, validated, with records in file order and lookups by id."""

    themes: dict[str, models.Theme]
    sources: dict[str, models.Source]
    milestones: dict[str, models.Milestone]
    programmes: dict[str, models.Programme]
    trust_funds: dict[str, models.TrustFund]
    terms: dict[str, models.Term]
    warnings: list[Problem] = field(default_factory=list)

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
    def citing_index(self) -> dict[str, list[tuple[str, models.Record]]]:
        """Each source id, and the (kind, record) pairs that cite it anywhere."""
        index: dict[str, list[tuple[str, models.Record]]] = {}
        groups = (("milestone", self.milestones), ("programme", self.programmes), ("trust fund", self.trust_funds))
        for kind, records in groups:
            for record in records.values():
                for source_id in cited_sources(record):
                    index.setdefault(source_id, []).append((kind, record))
        return index

    def chronological(self) -> list[models.Milestone]:
        return list(self._chronological)

    @cached_property
    def _chronological(self) -> tuple[models.Milestone, ...]:
        """Sorted once per dataset: pages ask for it many times in one build."""
        return tuple(sorted(self.milestones.values(), key=lambda m: (dates.sort_key(m.date), m.id)))


def cited_sources(record: models.Milestone | models.Programme | models.TrustFund) -> list[str]:
    """The sources a record cites, in its own fields, its status and its disagreement, in order."""
    ids = list(record.sources)
    status = getattr(record, "status", None)
    if status is not None:
        ids += status.sources
    if record.disagreement is not None:
        ids += [s for claim in record.disagreement.claims for s in claim.sources]
    return list(dict.fromkeys(ids))


@dataclass
class _File:
    """One data file as read: its name for messages, its kind, its raw records and validated ones.

    When some records are invalid, `records` holds only the valid ones (with their raw items), and
    `invalid_ids` the ids of the others, so that references to them are not reported as unknown;
    None when an invalid record has no id to go by, so that any reference to this kind may be right.
    """

    name: str
    kind: str
    raw_items: list[LineDict]
    records: list[Record]
    invalid_ids: set[str] | None = field(default_factory=set)


# Reading ----------------------------------------------------------------------------------

_RECORD_START = re.compile(r"^(\s*)-(?:\s|$)")
_ID_LINE = re.compile(r"^(\s*)(?:-\s+)?(?:&\S+\s+)?(?:id|term)\s*:\s*['\"]?([^'\"#\s]+)")
_KEY = re.compile(r"^\s*(?:-\s+)?['\"]?([A-Za-z_][\w-]*)['\"]?\s*:(?:\s|$)")


def _locate(text: str, line: int) -> tuple[str, str]:
    """The record and field a line of raw text belongs to, found from the text alone.

    Used for problems found before the YAML could be read, when there is no structure to ask:
    records are the `- ` items at the indentation of the file's first one.
    """
    lines = text.split("\n")
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    key = _KEY.match(current)
    field_name = key.group(1) if key else ""
    first = next((match for match in map(_RECORD_START.match, lines) if match), None)
    if first is None or not (current[:1].isspace() or _RECORD_START.match(current)):
        return "", field_name  # no records, or a top-level line
    record = _record_around(lines, line, first.group(1))
    ids = (match.group(2) for match in map(_ID_LINE.match, record)
           if match and len(match.group(1)) <= len(first.group(1)) + 2)
    return next(ids, ""), field_name


def _record_around(lines: list[str], line: int, indent: str) -> list[str]:
    """The lines of the record that holds line `line`: from its `- ` to the next record or dedent."""
    starts = [n for n, text in enumerate(lines[:line]) if text.startswith(indent + "-") and _RECORD_START.match(text)]
    if not starts:
        return []
    record = [lines[starts[-1]]]
    for text in lines[starts[-1] + 1 :]:
        if text.startswith(indent + "-") or (text.strip() and not text[: len(indent) + 1].isspace()):
            break
        record.append(text)
    return record


_ODD_LINE_BREAK = re.compile("[\x85\u2028\u2029]|\r(?!\n)")


def _read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """The file's text, if it is UTF-8 without a BOM and breaks lines only as editors do."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(name, 1, "", "", f"cannot be read ({error.strerror}); allowed: a readable file")]
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(name, 1, "", "", f"is {len(data)} bytes; allowed: at most {MAX_FILE_BYTES}")]
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(name, 1, "", "", "starts with a byte-order mark (BOM); allowed: UTF-8 without a "
                                               "BOM (in your editor, save as `UTF-8`, not `UTF-8 with BOM`)")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        item, key = _locate(data.decode("utf-8", errors="replace"), line)
        return None, [Problem(name, line, item, key,
                              f"is not UTF-8 (byte {data[error.start]:#04x}, perhaps Windows-1250 or Latin-1); "
                              "allowed: UTF-8 text (in your editor, save with the encoding `UTF-8`)")]
    odd = _ODD_LINE_BREAK.search(text)
    if odd:  # YAML counts these as line breaks and editors mostly do not, so line numbers would disagree
        line = text[: odd.start()].count("\n") + 1
        item, key = _locate(text, line)
        return None, [Problem(name, line, item, key, f"contains the unusual line break U+{ord(odd.group()):04X}; "
                                                     "allowed: ordinary line ends (LF or CR LF)")]
    return text, []


def _type_name(value: object) -> str:
    if isinstance(value, LineList):
        return "a list"
    if isinstance(value, str):
        return "a single text"
    return "empty" if value is None else f"a single value ({value!r})"


def _read_file(folder: Path, file_name: str, display: str) -> tuple[_File | None, list[Problem]]:
    path = folder / file_name
    if not path.is_file():
        return None, [Problem(display, 1, "", "", "is missing; allowed: every data file the schema lists")]
    text, problems = _read_text(path, display)
    if text is None:
        return None, problems
    try:
        raw = read_yaml(text)
    except YamlProblem as problem:
        item, key = _locate(text, problem.line)
        return None, [Problem(display, problem.line, item, key, problem.message)]
    file_model = DATA_FILES[file_name]
    top_key = next(iter(file_model.model_fields))
    if not isinstance(raw, LineDict):
        return None, [Problem(display, getattr(raw, "line", 1), "", "",
                              f"is {_type_name(raw)}; allowed: a mapping with the one key `{top_key}:` "
                              "holding a list of records")]
    try:
        validated = file_model.model_validate(raw)
    except ValidationError as error:
        details = error.errors()
        return _valid_part(display, raw, file_model, details), _schema_problems(display, raw, file_model, details)
    return _File(display, top_key, raw[top_key], list(getattr(validated, top_key))), []


def _valid_part(display: str, raw: LineDict, file_model: type[BaseModel], details: list[dict]) -> _File | None:
    """The records of a file that are valid on their own, so their references can still be checked.

    None when the file as a whole is wrong (no list, an empty one, an unknown top-level key).
    """
    top_key = next(iter(file_model.model_fields))
    items = raw.get(top_key)
    record_model = _record_in(file_model.model_fields[top_key].annotation)
    whole_file_wrong = any(len(detail["loc"]) < 2 for detail in details)
    if whole_file_wrong or not isinstance(items, LineList) or record_model is None:
        return None
    part = _File(display, top_key, [], [])
    for item in items:
        try:
            part.records.append(record_model.model_validate(item))
            part.raw_items.append(item)
        except ValidationError:
            ids = _possible_ids(item, record_model)
            if not ids:
                part.invalid_ids = None  # no telling what it was called
            elif part.invalid_ids is not None:
                part.invalid_ids |= ids
    return part


def _possible_ids(item: object, record_model: type[BaseModel]) -> set[str]:
    """What an invalid record may be called: its id, or the text of a misspelled key such as `idd`."""
    if not isinstance(item, LineDict):
        return set()
    return {value for key, value in item.items()
            if isinstance(value, str) and (key in ("id", "term") or key not in record_model.model_fields)}


# Schema problems --------------------------------------------------------------------------


@dataclass
class _Place:
    """Where a pydantic error location points in the raw YAML, and in the schema."""

    line: int
    item: str
    names: list[str]
    owner: type[BaseModel]  # the model whose field is wrong


def _item_name(node: object, index: int) -> str:
    """The record's id (or glossary term) if it has a usable one, else its position in the list."""
    if isinstance(node, LineDict):
        for key in ("id", "term"):
            if isinstance(node.get(key), str) and re.fullmatch(r"[^:\n]{1,80}", node[key].strip()):
                return node[key].strip()
    return f"item {index + 1}"


def _record_in(annotation: object) -> type[BaseModel] | None:
    """The record model inside an annotation such as `list[Claim]` or `Status | None`."""
    for candidate in [annotation, *get_args(annotation)]:
        for inner in [candidate, *get_args(candidate)]:
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def _place(raw: LineDict, file_model: type[BaseModel], loc: tuple) -> _Place:
    """Follow an error location through the raw YAML (for lines) and the models (for names)."""
    line, node, item = raw.line, raw, ""
    model: type[BaseModel] | None = file_model
    owner: type[BaseModel] = file_model
    names: list[str] = []
    for position, step in enumerate(loc):
        if isinstance(step, int):
            if isinstance(node, LineList) and step < len(node):
                line, node = node.item_lines[step], node[step]
                item = _item_name(node, step) if position == 1 else item
            continue
        known_field = model is not None and step in model.model_fields
        in_yaml = isinstance(node, LineDict) and step in node
        if not known_field and not in_yaml:
            continue  # a step pydantic adds for itself, such as a validator's name
        owner = model or owner
        if position > 0 or len(loc) == 1:
            names.append(str(step))
        model = _record_in(model.model_fields[step].annotation) if known_field else None
        line, node = (node.key_lines[step], node[step]) if in_yaml else (line, None)
    return _Place(line, item, names, owner)


def _kind_of(model: type[BaseModel]) -> str:
    """`trust fund` for TrustFund, `data file` for a file's model."""
    if model in DATA_FILES.values():
        return "data file"
    if model is models.Term:
        return "glossary term"
    return re.sub(r"(?<!^)(?=[A-Z])", " ", model.__name__).lower()


def _is_date_field(model: type[BaseModel], name: str) -> bool:
    info = model.model_fields.get(name)
    return info is not None and models.PartialDate in (info.rebuild_annotation(), *get_args(info.annotation))


def _schema_problems(file: str, raw: LineDict, file_model: type[BaseModel], details: list[dict]) -> list[Problem]:
    """One problem per pydantic error; a missing field that an unknown one misspells is left to that one."""
    missing = {tuple(detail["loc"]) for detail in details if detail["type"] == "missing"}
    found: list[tuple[tuple, Problem]] = []
    misspelled: set[tuple] = set()
    for detail in details:
        place = _place(raw, file_model, tuple(detail["loc"]))
        guess = _guess_for_unknown(detail, place, missing)
        if guess:
            misspelled.add((*detail["loc"][:-1], guess))
        problem = Problem(file, place.line, place.item, ".".join(place.names), _explain(detail, place, guess))
        found.append((tuple(detail["loc"]), problem))
    return [problem for loc, problem in found if loc not in misspelled]


def _guess_for_unknown(detail: dict, place: _Place, missing: set[tuple]) -> str | None:
    """For an unknown field, the allowed field it was probably meant to be."""
    if detail["type"] != "extra_forbidden":
        return None
    name = str(detail["loc"][-1])
    allowed = list(place.owner.model_fields)
    missing_here = [field for field in allowed if (*detail["loc"][:-1], field) in missing]
    guesses = difflib.get_close_matches(name, missing_here, n=1, cutoff=0.6) or difflib.get_close_matches(
        name, allowed, n=1, cutoff=0.6)
    return guesses[0] if guesses else None


_EXPECTED = {
    "string_type": ("text", "text (put it in quotes if YAML reads it as a number)"),
    "bool_type": ("true or false", "true, false"),
    "int_type": ("a whole number", "digits only, e.g. 8000"),
    "list_type": ("a list", "a list (`- item` lines, or [a, b])"),
    "model_type": ("a mapping", "`field: value` lines"),
    "dict_type": ("a mapping", "`field: value` lines"),
    "model_attributes_type": ("a mapping", "`field: value` lines"),
}
_DATE_WORDS = ("a date", "YYYY, YYYY-MM or YYYY-MM-DD (in quotes if YAML reads it otherwise)")


def _expected(detail: dict, place: _Place) -> tuple[str, str]:
    """What a field of this type must be, in a few words and in full."""
    if _is_date_field(place.owner, place.names[-1] if place.names else ""):
        return _DATE_WORDS
    return _EXPECTED.get(detail["type"], ("a value", detail["msg"]))


def _field_words(model: type[BaseModel], name: str) -> str:
    """What a field holds, in words, for telling an editor what to add."""
    info = model.model_fields.get(name)
    if info is None:
        return "see the schema in schema/"
    if _is_date_field(model, name):
        return _DATE_WORDS[1]
    if info.description:
        return info.description[:1].lower() + info.description[1:].rstrip(".")
    names_kind = dict(_REFERENCE_FIELDS).get(name)
    if names_kind:
        many = get_origin(info.annotation) is list
        return f"{'a list of ids' if many else 'an id'} from data/{_KIND_FILE[names_kind]}.yml"
    annotation = next((arg for arg in (info.annotation, *get_args(info.annotation)) if arg is not type(None)), str)
    if get_origin(annotation) is Literal:
        return ", ".join(map(str, get_args(annotation)))
    if get_origin(annotation) is list:
        return _EXPECTED["list_type"][1]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _EXPECTED["model_type"][1] + ": " + ", ".join(annotation.model_fields)
    return {bool: "true, false", int: _EXPECTED["int_type"][1]}.get(annotation, "text")


def _explain(detail: dict, place: _Place, guess: str | None) -> str:
    """What is wrong and what is allowed, in an editor's words, for one pydantic error."""
    kind_of = detail["type"]
    if kind_of == "missing":
        return _explain_missing(place)
    if kind_of == "extra_forbidden":
        return _explain_unknown(place, guess)
    if kind_of.endswith("_type") or kind_of in {"int_parsing", "int_from_float"}:
        return _explain_type(detail, place)
    return _explain_value(detail)


def _explain_missing(place: _Place) -> str:
    if place.owner in DATA_FILES.values():
        return "is missing; allowed: this key at the top of the file, holding a list of records"
    return f"is missing; every {_kind_of(place.owner)} needs it; allowed: {_field_words(place.owner, place.names[-1])}"


def _explain_unknown(place: _Place, guess: str | None) -> str:
    hint = f" (did you mean `{guess}`?)" if guess else ""
    where = "a key of this file" if place.owner in DATA_FILES.values() else f"a field of a {_kind_of(place.owner)}"
    return f"is not {where}{hint}; allowed: {', '.join(place.owner.model_fields)}"


def _explain_type(detail: dict, place: _Place) -> str:
    short, full = _expected(detail, place)
    value = detail.get("input")
    if value is None:
        return f"has no value; allowed: {full}"
    if short == _DATE_WORDS[0]:
        return f"{_shown(value)} is not a date; allowed: {full}"
    return f"must be {short}, not {_shown(value)}; allowed: {full}"


def _explain_value(detail: dict) -> str:
    kind_of, value, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    if kind_of == "string_pattern_mismatch":
        return f"{_shown(value)} is not a valid id or code; allowed: {_pattern_words(ctx.get('pattern', ''))}"
    if kind_of == "string_too_short":
        return "is empty; allowed: text of at least one character"
    if kind_of == "string_too_long":
        return f"is {len(value)} characters long; allowed: at most {ctx.get('max_length')}"
    if kind_of == "too_short":
        count = len(value) if hasattr(value, "__len__") else 0
        return f"has {count} item{'s' if count != 1 else ''}; allowed: at least {ctx.get('min_length')}"
    if kind_of == "literal_error":
        return f"{_shown(value)} is not allowed; allowed: {ctx.get('expected')}"
    if kind_of == "greater_than":
        return f"is {_shown(value)}; allowed: a number greater than {ctx.get('gt')}"
    message = " ".join(str(detail["msg"]).split())
    return message if "; allowed:" in message else f"{message}; allowed: see the schema in schema/"


def _shown(value: object) -> str:
    return repr(value)[:60]


def _pattern_words(pattern: str) -> str:
    if pattern.startswith("^[a-z0-9]"):
        return "lower-case letters, digits and single hyphens, e.g. `pfp-joined`"
    if pattern.startswith("^[A-Za-z]"):
        return "a letter, then letters, digits, / & or -, e.g. `PfP`"
    return f"text matching {pattern}"


# Cross-references -------------------------------------------------------------------------


def _record_id(record: Record) -> str:
    return getattr(record, "id", None) or record.term


def _id_field(record: Record) -> str:
    return "id" if hasattr(record, "id") else "term"


def _line_at(raw_item: LineDict, path: tuple) -> int:
    """The line of the value at `path` inside one raw record, as deep as the YAML goes."""
    line, node = raw_item.line, raw_item
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line, node = node.key_lines[step], node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            line, node = node.item_lines[step], node[step]
        else:
            break
    return line


def _values_at(value: object, names: list[str], path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Every value found by following field names from a record, through lists, with its path."""
    if isinstance(value, list | tuple):
        for index, element in enumerate(value):
            yield from _values_at(element, names, (*path, index))
    elif not names:
        yield path, value
    elif isinstance(value, BaseModel) and getattr(value, names[0], None) is not None:
        yield from _values_at(getattr(value, names[0]), names[1:], (*path, names[0]))


def _references(record: Record) -> Iterator[tuple[tuple, str, str]]:
    """Yield (path, kind, id) for every id the record refers to."""
    for dotted, kind in _REFERENCE_FIELDS:
        for path, ref in _values_at(record, dotted.split(".")):
            if isinstance(ref, str):
                yield path, kind, ref


def _field_name(path: tuple) -> str:
    return ".".join(step for step in path if isinstance(step, str))


def _index(file: _File) -> tuple[dict[str, Record], list[Problem]]:
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for record, raw_item in zip(file.records, file.raw_items, strict=True):
        record_id, id_field, kind = _record_id(record), _id_field(record), _KIND[file.kind]
        line = _line_at(raw_item, (id_field,))
        if record_id in seen:
            what = "an id" if id_field == "id" else "a term"
            problems.append(Problem(file.name, line, record_id, id_field,
                                    f"repeats the {id_field} of the {kind} on line {seen[record_id]}; "
                                    f"allowed: {what} used by no other {kind}"))
        else:
            seen[record_id] = line
    return {_record_id(record): record for record in file.records}, problems


def _check_references(file: _File, known: dict[str, dict[str, Record]],
                      invalid: dict[str, set[str] | None]) -> list[Problem]:
    """Every reference must name a record of its kind; kinds whose file could not be read are skipped."""
    problems = []
    for record, raw_item in zip(file.records, file.raw_items, strict=True):
        for path, kind, ref in _references(record):
            if kind not in known or invalid[kind] is None or ref in known[kind] or ref in invalid[kind]:
                continue
            guess = difflib.get_close_matches(ref, list(known[kind]), n=1)
            hint = f" (did you mean `{guess[0]}`?)" if guess else ""
            problems.append(Problem(
                file.name, _line_at(raw_item, path), _record_id(record), _field_name(path),
                f"'{ref}' is not a known {_KIND[kind]}{hint}; allowed: an id from data/{_KIND_FILE[kind]}.yml",
            ))
    return problems


def _check_part_of(file: _File) -> list[Problem]:
    """A programme may not be part of itself, directly or through others."""
    parents = {_record_id(record): getattr(record, "part_of", None) for record in file.records}
    problems = []
    for record, raw_item in zip(file.records, file.raw_items, strict=True):
        chain, current = [record.id], parents.get(record.id)
        while current is not None and current not in chain and current in parents:
            chain.append(current)
            current = parents[current]
        if current == record.id:
            loop = " → ".join([*chain, current]) if len(chain) > 1 else "itself"
            problems.append(Problem(file.name, _line_at(raw_item, ("part_of",)), record.id, "part_of",
                                    f"makes the programme part of {loop}; allowed: a programme that is not "
                                    "part of this one"))
    return problems


def _check_spans(file: _File) -> list[Problem]:
    problems = []
    for record, raw_item in zip(file.records, file.raw_items, strict=True):
        for start_name, end_name in (("began", "ended"), ("started", "ended")):
            start, end = getattr(record, start_name, None), getattr(record, end_name, None)
            if start and end and dates.sort_key(end) < dates.sort_key(start):
                problems.append(Problem(file.name, _line_at(raw_item, (end_name,)), _record_id(record), end_name,
                                        f"{end} is before {start_name} {start}; allowed: a date on or after it"))
    return problems


def _suspect(file: _File, sources: dict[str, Record]) -> list[Problem]:
    """Allowed but suspect: a status dated later than every source it cites."""
    warnings = []
    for record, raw_item in zip(file.records, file.raw_items, strict=True):
        status = getattr(record, "status", None)
        if status is None:
            continue
        source_years = [dates.year(sources[s].date) for s in status.sources if s in sources and sources[s].date]
        if source_years and dates.year(status.as_of) > max(source_years):
            warnings.append(Problem(file.name, _line_at(raw_item, ("status", "as_of")), _record_id(record),
                                    "status.as_of", f"{status.as_of} is later than every source it cites; "
                                    "allowed, but check the date of the status"))
    return warnings


def _unused_sources(files: dict[str, _File]) -> list[Problem]:
    sources = files["sources"]
    cited = {ref for file in files.values() for record in file.records
             for _, kind, ref in _references(record) if kind == "sources"}
    return [Problem(sources.name, _line_at(raw_item, ("id",)), record.id, "id",
                    "is cited by nothing; allowed, but a source should support at least one fact")
            for record, raw_item in zip(sources.records, sources.raw_items, strict=True) if record.id not in cited]


# The whole dataset ------------------------------------------------------------------------


def _read_all(folder: Path, display_prefix: str) -> tuple[dict[str, _File], list[Problem]]:
    """Every file that could be read, whole or in part, and the problems found in them."""
    files: dict[str, _File] = {}
    problems: list[Problem] = []
    for file_name in DATA_FILES:
        loaded, found = _read_file(folder, file_name, f"{display_prefix}/{file_name}")
        problems += found
        if loaded is not None:
            files[loaded.kind] = loaded
    return files, problems


def load_dataset(folder: Path, display_prefix: str = "data") -> Dataset:
    """Read and check every data file; raise DataError with all problems if any."""
    files, problems = _read_all(Path(folder), display_prefix)
    known: dict[str, dict[str, Record]] = {}
    invalid = {kind: file.invalid_ids for kind, file in files.items()}
    for kind, file in files.items():
        known[kind], found = _index(file)
        problems += found
    for file in files.values():
        problems += _check_references(file, known, invalid) + _check_spans(file)
    if "programmes" in files:
        problems += _check_part_of(files["programmes"])
    if problems:
        raise DataError(problems)

    warnings = [w for file in files.values() for w in _suspect(file, known["sources"])]
    warnings += _unused_sources(files)
    return Dataset(
        themes=known["themes"], sources=known["sources"], milestones=known["milestones"],
        programmes=known["programmes"], trust_funds=known["trust_funds"], terms=known["terms"],
        warnings=sorted(warnings),
    )
