"""Schema errors in an editor's words: each pydantic error as `file:line: item: field: what; allowed: …`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args, get_origin

from pydantic_core import ErrorDetails

from .models import (
    COLLECTIONS,
    PAIRS,
    DataFileModel,
    InBothLanguages,
    Record,
    Ref,
    Words,
    is_partial_date,
)
from .problems import Problem, closest, did_you_mean
from .yamlread import LineDict, LineList

Location = tuple[int | str, ...]


@dataclass
class _Place:
    """Where a pydantic error location points in the raw YAML, and in the schema."""

    line: int
    item: str
    names: list[str]
    owner: type[Record]  # the model whose field is wrong


def schema_problems(file: str, raw: LineDict, file_model: type[DataFileModel],
                    details: list[ErrorDetails]) -> list[Problem]:
    """One problem per pydantic error; a missing field that an unknown one misspells is left to that one."""
    missing = {tuple(detail["loc"]) for detail in details if detail["type"] == "missing"}
    found: list[tuple[Location, Problem]] = []
    misspelled: set[Location] = set()
    for detail in details:
        place = _place(raw, file_model, tuple(detail["loc"]))
        guess = _guess_for_unknown(detail, place, missing)
        if guess:
            misspelled.add((*detail["loc"][:-1], guess))
        problem = Problem(file, place.line, place.item, ".".join(place.names), _explain(detail, place, guess))
        found.append((tuple(detail["loc"]), problem))
    return [problem for loc, problem in found if loc not in misspelled]


def record_in(annotation: object, metadata: Sequence[object] = ()) -> type[Record] | None:
    """The record model inside an annotation such as `list[Claim]` or `Status | None`, or the pair of
    languages (`en`, `sr`) of a text field; `metadata` is a field's own (pydantic's FieldInfo.metadata)."""
    for candidate in [annotation, *get_args(annotation), *metadata]:
        for inner in [candidate, *get_args(candidate)]:
            if isinstance(inner, InBothLanguages):
                return inner.pair
            if isinstance(inner, type) and issubclass(inner, Record):
                return inner
    return None


# Where an error points ------------------------------------------------------------------------


def item_name(node: object, index: int) -> str:
    """The record's id (or glossary term) if it has a usable one, else its position in the list."""
    if isinstance(node, LineDict):
        for key in ("id", "term"):
            value = node.get(key)
            if isinstance(value, str) and re.fullmatch(r"[^:\n]{1,80}", value.strip()):
                return value.strip()
    return f"item {index + 1}"


def _place(raw: LineDict, file_model: type[Record], loc: Location) -> _Place:
    """Follow an error location through the raw YAML (for lines) and the models (for names)."""
    line, item = raw.line, ""
    node: object = raw
    model: type[Record] | None = file_model
    owner: type[Record] = file_model
    names: list[str] = []
    for position, step in enumerate(loc):
        if isinstance(step, int):
            if isinstance(node, LineList) and step < len(node):
                line, node = node.item_lines[step], node[step]
                item = item_name(node, step) if position == 1 else item
            continue
        known_field = model is not None and step in model.model_fields
        in_yaml = isinstance(node, LineDict) and step in node
        if not known_field and not in_yaml:
            continue  # a step pydantic adds for itself, such as a validator's name
        owner = model or owner
        if position > 0 or len(loc) == 1:
            names.append(str(step))
        info = model.model_fields[step] if model is not None and known_field else None
        model = record_in(info.annotation, info.metadata) if info is not None else None
        line, node = (node.key_lines[step], node[step]) if isinstance(node, LineDict) and in_yaml else (line, None)
    return _Place(line, item, names, owner)


def _guess_for_unknown(detail: ErrorDetails, place: _Place, missing: set[Location]) -> str | None:
    """For an unknown field, the allowed field it was probably meant to be."""
    if detail["type"] != "extra_forbidden":
        return None
    name = str(detail["loc"][-1])
    allowed = list(place.owner.model_fields)
    missing_here = [field for field in allowed if (*detail["loc"][:-1], field) in missing]
    return closest(name, missing_here) or closest(name, allowed)


# What is allowed ------------------------------------------------------------------------------

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


def _expected(detail: ErrorDetails, place: _Place) -> tuple[str, str]:
    """What a field of this type must be, in a few words and in full."""
    name = place.names[-1] if place.names else ""
    if is_partial_date(place.owner, name):
        return _DATE_WORDS
    info = place.owner.model_fields.get(name)
    if detail["type"] == "model_type" and info is not None and record_in(info.annotation, info.metadata) in PAIRS:
        return "the text in both languages", _type_words(Words)
    return _EXPECTED.get(detail["type"], ("a value", detail["msg"]))


def _field_words(model: type[Record], name: str) -> str:
    """What a field holds, in words, for telling an editor what to add."""
    info = model.model_fields.get(name)
    if info is None:
        return "see the schema in schema/"
    if is_partial_date(model, name):
        return _DATE_WORDS[1]
    if info.description:
        return info.description[:1].lower() + info.description[1:].rstrip(".")
    ref = next((meta for meta in info.metadata if isinstance(meta, Ref)), None)
    if ref is not None:
        many = get_origin(info.annotation) is list
        return f"{'a list of ids' if many else 'an id'} from data/{COLLECTIONS[ref.collection].file}"
    return _type_words(info.annotation)


def _type_words(annotation: object) -> str:
    """What a value of a field's type looks like, in words."""
    annotation = next((arg for arg in (annotation, *get_args(annotation)) if arg is not type(None)), str)
    if get_origin(annotation) is Literal:
        return ", ".join(map(str, get_args(annotation)))
    if get_origin(annotation) is list:
        return _EXPECTED["list_type"][1]
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return _EXPECTED["model_type"][1] + ": " + ", ".join(annotation.model_fields)
    if annotation is Words:
        return "the text in both languages: an `en:` line in English and an `sr:` line in Serbian (Cyrillic)"
    return {bool: "true, false", int: _EXPECTED["int_type"][1]}.get(annotation, "text")


# The sentences --------------------------------------------------------------------------------


def _explain(detail: ErrorDetails, place: _Place, guess: str | None) -> str:
    """What is wrong and what is allowed, in an editor's words, for one pydantic error."""
    error_type = detail["type"]
    if error_type == "missing":
        return _explain_missing(place)
    if error_type == "extra_forbidden":
        return _explain_unknown(place, guess)
    if error_type.endswith("_type") or error_type in {"int_parsing", "int_from_float"}:
        return _explain_type(detail, place)
    return _explain_value(detail)


def _explain_missing(place: _Place) -> str:
    if issubclass(place.owner, DataFileModel):
        return "is missing; allowed: this key at the top of the file, holding a list of records"
    if place.owner in PAIRS:
        language = "Serbian, in Cyrillic (the build makes the Latin)" if place.names[-1] == "sr" else "English"
        return (f"is missing; every text is written in English and in Serbian; "
                f"allowed: an `{place.names[-1]}:` line in {language}")
    return f"is missing; every {place.owner.noun} needs it; allowed: {_field_words(place.owner, place.names[-1])}"


def _explain_unknown(place: _Place, guess: str | None) -> str:
    hint = did_you_mean(guess)
    where = "a key of this file" if issubclass(place.owner, DataFileModel) else f"a field of a {place.owner.noun}"
    return f"is not {where}{hint}; allowed: {', '.join(place.owner.model_fields)}"


def _explain_type(detail: ErrorDetails, place: _Place) -> str:
    short, full = _expected(detail, place)
    value = detail.get("input")
    if value is None:
        return f"has no value; allowed: {full}"
    if short == _DATE_WORDS[0]:
        return f"{_shown(value)} is not a date; allowed: {full}"
    return f"must be {short}, not {_shown(value)}; allowed: {full}"


def _explain_value(detail: ErrorDetails) -> str:
    error_type, value, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    if error_type == "string_pattern_mismatch":
        return f"{_shown(value)} is not a valid id or code; allowed: {_pattern_words(ctx.get('pattern', ''))}"
    if error_type == "string_too_short":
        return "is empty; allowed: text of at least one character"
    if error_type == "string_too_long":
        return f"is {len(value)} characters long; allowed: at most {ctx.get('max_length')}"
    if error_type == "too_short":
        count = len(value) if hasattr(value, "__len__") else 0
        return f"has {count} item{'s' if count != 1 else ''}; allowed: at least {ctx.get('min_length')}"
    if error_type == "literal_error":
        return f"{_shown(value)} is not allowed; allowed: {ctx.get('expected')}"
    if error_type == "greater_than":
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
