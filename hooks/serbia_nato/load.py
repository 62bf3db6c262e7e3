"""Load data/: read each file strictly, validate it against the schema, then check across records.

`load_dataset(folder)` returns a Dataset or raises DataError listing every problem at once:
each file is read and validated on its own, and the references between files are checked for
every file that could be read, so an editor sees all their mistakes in one run.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from . import references
from .blocktext import BLOCK_START, swallowed_fields
from .dataset import Dataset
from .explain import schema_problems
from .gcpause import gc_paused
from .models import COLLECTIONS, Collection, Record
from .problems import DataError, Problem
from .references import FileRecords
from .yamlread import LineDict, LineList, YamlProblem, read_yaml

MAX_FILE_BYTES = 4_000_000  # every text twice (English and Serbian, two bytes a Cyrillic letter)


# Reading ----------------------------------------------------------------------------------

_RECORD_START = re.compile(r"^(\s*)-(?:\s|$)")
_ID_LINE = re.compile(r"^(\s*)(?:-\s+)?(?:&\S+\s+)?(?:id|term)\s*:\s*['\"]?([^'\"#\s]+)")
_PARENT = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s*(?:#.*)?$")  # a key whose value is on the lines below
_KEY = re.compile(r"^\s*(?:-\s+)?['\"]?([A-Za-z_][\w-]*)['\"]?\s*:(?:\s|$)")


def _locate(text: str, line: int) -> tuple[str, str]:
    """The record and field a line of raw text belongs to, found from the text alone.

    Used for problems found before the YAML could be read, when there is no structure to ask:
    records are the `- ` items at the indentation of the file's first one.
    """
    lines = text.split("\n")
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    own_id = _ID_LINE.match(current)
    if own_id and _RECORD_START.match(current):
        return own_id.group(2), "id"  # the line starts a record, however it is indented
    first = next((match for match in map(_RECORD_START.match, lines) if match), None)
    if first is None or not (current[:1].isspace() or _RECORD_START.match(current)):
        key = _KEY.match(current)
        return "", key.group(1) if key else ""  # no records, or a top-level line
    record = _record_around(lines, line, first.group(1))
    ids = (match.group(2) for match in map(_ID_LINE.match, record)
           if match and len(match.group(1)) <= len(first.group(1)) + 2)
    return next(ids, ""), _field_at(lines, line, len(record))


def _field_at(lines: list[str], line: int, record_length: int) -> str:
    """The field a line belongs to, with the fields it is nested in (`title.en`): its own key, or, for a
    line that continues a text, the key of that text."""
    first = max(0, line - record_length)
    current = lines[line - 1]
    own = _KEY.match(current)
    at = line - 1 if own else None
    if own is None:
        for number in range(line - 2, first - 1, -1):
            key = _KEY.match(lines[number])
            if key:
                continues = BLOCK_START.search(lines[number]) or _indent(current) > lines[number].find(key.group(1))
                at = number if continues else None
                break
    if at is None:
        return ""
    return ".".join(_parent_keys(lines, at, first))


def _parent_keys(lines: list[str], at: int, first: int) -> list[str]:
    """The key on line `at` (0-based) and the keys it is nested under, up to its record's own fields."""
    key = _KEY.match(lines[at])
    assert key is not None
    column, path = lines[at].find(key.group(1)), [key.group(1)]
    for number in range(at - 1, first - 1, -1):
        text = lines[number]
        if not text.strip() or _indent(text) >= column:
            continue
        parent = _PARENT.match(text)  # `title:` or `- says:` with nothing after it; `- id: …` ends the walk
        if parent is None:
            break
        path.insert(0, parent.group(1))
        column = text.find(parent.group(1))
    return path


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


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


def _read_file(folder: Path, collection: Collection, display: str) -> tuple[FileRecords | None, list[Problem]]:
    path = folder / collection.file
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
    if not isinstance(raw, LineDict):
        return None, [Problem(display, getattr(raw, "line", 1), "", "",
                              f"is {_type_name(raw)}; allowed: a mapping with the one key `{collection.name}:` "
                              "holding a list of records")]
    lost = _lost_in_block_text(display, text, raw, collection)
    try:
        validated = collection.file_model.model_validate(raw)
    except ValidationError as error:
        details = error.errors()
        return (_valid_part(display, raw, collection, details),
                lost + _unless_lost(schema_problems(display, raw, collection.file_model, details), lost))
    records = list(getattr(validated, collection.name))
    return FileRecords(display, collection, _mappings(raw[collection.name]), records), lost


def _lost_in_block_text(display: str, text: str, raw: LineDict, collection: Collection) -> list[Problem]:
    items = raw.get(collection.name)
    return swallowed_fields(display, text, items, collection.record_model) if isinstance(items, LineList) else []


def _unless_lost(problems: list[Problem], lost: list[Problem]) -> list[Problem]:
    """Drop "is missing" for a field already reported as lost inside a text: that report says where it went."""
    lost_fields = {(problem.item, problem.field) for problem in lost}
    return [problem for problem in problems
            if not (problem.message.startswith("is missing") and (problem.item, problem.field) in lost_fields)]


def _mappings(items: object) -> list[LineDict]:
    """The raw records of a file that validated: a list whose items are all mappings."""
    return [item for item in items if isinstance(item, LineDict)] if isinstance(items, LineList) else []


def _valid_part(display: str, raw: LineDict, collection: Collection,
                details: list[ErrorDetails]) -> FileRecords | None:
    """The records of a file that are valid on their own, so their references can still be checked.

    None when the file as a whole is wrong (no list, an empty one, an unknown top-level key).
    """
    items = raw.get(collection.name)
    whole_file_wrong = any(len(detail["loc"]) < 2 for detail in details)
    if whole_file_wrong or not isinstance(items, LineList):
        return None
    part = FileRecords(display, collection, [], [])
    for item in items:
        try:
            record = collection.record_model.model_validate(item)
        except ValidationError:
            ids = _possible_ids(item, collection.record_model)
            if not ids:
                part.invalid_ids = None  # no telling what it was called
            elif part.invalid_ids is not None:
                part.invalid_ids |= ids
            continue
        if isinstance(item, LineDict):  # always, for a record that validated
            part.records.append(record)
            part.raw_items.append(item)
    return part


def _possible_ids(item: object, record_model: type[Record]) -> set[str]:
    """What an invalid record may be called: its id, or the text of a misspelled key such as `idd`."""
    if not isinstance(item, LineDict):
        return set()
    return {value for key, value in item.items()
            if isinstance(value, str) and (key in ("id", "term") or key not in record_model.model_fields)}


# The whole dataset ------------------------------------------------------------------------


def _read_all(folder: Path, display_prefix: str) -> tuple[dict[str, FileRecords], list[Problem]]:
    """Every file that could be read, whole or in part, and the problems found in them."""
    files: dict[str, FileRecords] = {}
    problems: list[Problem] = []
    for collection in COLLECTIONS.values():
        loaded, found = _read_file(folder, collection, f"{display_prefix}/{collection.file}")
        problems += found
        if loaded is not None:
            files[collection.name] = loaded
    return files, problems


def load_dataset(folder: Path, display_prefix: str = "data", today: date | None = None) -> Dataset:
    """Read and check every data file; raise DataError with all problems if any.

    `today` is the day no date in the data may come after; the caller reads the clock, the core does not.
    """
    with gc_paused():
        files, problems = _read_all(Path(folder), display_prefix)
        index, found = references.check(files, today)
        problems += found
        if problems:
            raise DataError(problems)
        return Dataset.from_index(index, warnings=sorted(references.warnings(files, index)))
