"""Find fields lost inside block text: a `field:` line indented under `summary: >-` silently becomes text.

YAML reads every line indented under a `>-` or `|` text as part of that text, so a field typed one
level too deep is published as words instead of data, and no schema check can see it. This reads
the raw lines of each block text and reports any line that starts like a field of the same record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .explain import item_name, record_in
from .models import PAIRS, Record
from .problems import Problem
from .yamlread import LineDict, LineList

BLOCK_START = re.compile(r":\s*[|>][-+1-9]*\s*(?:#.*)?$")  # `summary: >-`, `why: |`, `note: >2`
_FIELD_LIKE = re.compile(r"^(\s+)([A-Za-z_][\w-]*)\s*:(?:\s|$)")


def swallowed_fields(file: str, text: str, records: LineList, record_model: type[Record]) -> list[Problem]:
    """One problem for each line inside a block text that reads like a field of the record it is in."""
    lines = text.split("\n")
    problems = []
    for index, node in enumerate(records):
        if isinstance(node, LineDict):
            name = item_name(node, index)
            problems += [Problem(file, line, name, field, message)
                         for line, field, message in _in_mapping(node, record_model, lines)]
    return problems


def _in_mapping(node: LineDict, model: type[Record], lines: list[str]) -> Iterator[tuple[int, str, str]]:
    """(line, field, message) for the lost fields in one mapping and in the records nested in it."""
    for key, value in node.items():
        inner = _model_of_field(model, key)
        nested = [value] if isinstance(value, LineDict) else list(value) if isinstance(value, LineList) else []
        if isinstance(value, str):
            yield from _in_block_text(key, node.key_lines[key], _field_names(model), lines)
        elif inner in PAIRS:
            # A text in both languages (or a list of them): a line of either may be a lost field of the record.
            fields = _field_names(model) | _field_names(inner)
            for text in nested:
                if isinstance(text, LineDict):
                    for language, words in text.items():
                        if isinstance(words, str):
                            yield from _in_block_text(language, text.key_lines[language], fields, lines, key)
        elif inner is not None:
            for element in nested:
                if isinstance(element, LineDict):
                    yield from _in_mapping(element, inner, lines)


@cache
def _model_of_field(model: type[Record], key: str) -> type[Record] | None:
    """The record model (or pair of languages) a field of `model` holds; None for other fields and unknown keys."""
    info = model.model_fields.get(key)
    return record_in(info.annotation, info.metadata) if info is not None else None


@cache
def _field_names(model: type[Record]) -> frozenset[str]:
    return frozenset(model.model_fields)


def _in_block_text(key: str, key_line: int, fields: frozenset[str], lines: list[str],
                   field_name: str | None = None) -> Iterator[tuple[int, str, str]]:
    """The lines of `key`'s block text, if it is one, that start with one of the `fields`. `field_name` is
    the record's field that holds the text, when `key` is one of its languages (`summary` for `en`)."""
    start = lines[key_line - 1]
    if not BLOCK_START.search(start):
        return
    key_column = start.find(f"{key}")
    for number in range(key_line, len(lines)):
        line = lines[number]
        if not line.strip():
            continue
        if len(line) - len(line.lstrip(" ")) <= key_column:
            return  # the text has ended
        match = _FIELD_LIKE.match(line)
        if match and match.group(2) in fields:
            field = match.group(2)
            owner = f"{field_name}.{key}" if field_name else key
            yield number + 1, field, (
                f"reads like the field `{field}:` but is indented into the text of `{owner}:` (line {key_line}), "
                f"so it would be published as part of that text; allowed: `{field}:` indented like "
                f"`{field_name or key}:`")
