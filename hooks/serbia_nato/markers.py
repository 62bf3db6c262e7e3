"""Replace the `[[ name args ]]` markers in Markdown pages with content rendered from the data.

Block markers stand alone on a line; inline markers sit inside a sentence. An unknown marker,
a missing or unknown argument, or an unknown id is an error, reported with its page and line.
Markers inside code (fenced blocks or `inline code`) are left as they are, so pages can show them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import links
from .dataset import Dataset
from .models import COLLECTIONS
from .problems import closest, did_you_mean
from .render import Renderer

MARKER = re.compile(r"\[\[\s*([A-Za-z][\w-]*)((?:\s+[^\s\]]+)*)\s*\]\]")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")


class MarkerError(Exception):
    """Every bad marker on a page, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


Render = Callable[[Renderer, dict[str, str]], str]
Unlisted = Callable[[Dataset], Iterable[str]]  # the ids of some of a marker's headings, from the data


@dataclass(frozen=True, kw_only=True)
class Marker:
    """One kind of marker: where it may stand, what arguments it takes, and how it renders."""

    block: bool  # alone on a line (True) or inside a sentence (False)
    render: Render
    params: tuple[str, ...] = ()  # accepted key=value names; "id" is the one positional argument
    required: tuple[str, ...] = ()
    id_collection: str | None = None  # the collection (models.COLLECTIONS) the positional id names
    reads: tuple[str, ...] = ()  # the data files (in data/) whose records it shows: a page's freshness counts them
    # The ids of the headings it makes that stay out of the page's contents list (None: it lists them all).
    unlisted: Unlisted | None = None


def _block(render: Render, reads: tuple[str, ...], params: tuple[str, ...] = (),
           required: tuple[str, ...] = (), unlisted: Unlisted | None = None) -> Marker:
    return Marker(block=True, render=render, params=params, required=required, reads=reads, unlisted=unlisted)


def _inline(id_collection: str, render: Render) -> Marker:
    return Marker(block=False, render=render, params=("id",), required=("id",), id_collection=id_collection,
                  reads=(COLLECTIONS[id_collection].file,))


# The data files markers read, by what they show: events, programmes, Trust Fund projects, sources.
_EVENTS = ("milestones.yml", "sources.yml")
_RECORDS = ("milestones.yml", "programmes.yml", "trust_funds.yml", "sources.yml")
_ALL = (*_RECORDS, "themes.yml", "glossary.yml")


MARKERS: dict[str, Marker] = {
    "timeline": _block(lambda r, a: r.timeline(), (*_EVENTS, "themes.yml", "programmes.yml")),
    "milestones": _block(lambda r, a: r.milestone_list(theme=a.get("theme"), programme=a.get("programme")),
                         _EVENTS, params=("theme", "programme")),
    "programmes": _block(lambda r, a: r.programme_list(a["theme"]), ("programmes.yml",), params=("theme",),
                         required=("theme",)),
    "programme-chart": _block(lambda r, a: r.programme_chart(), ("programmes.yml",)),
    "programme-index": _block(lambda r, a: r.programme_index(), ("programmes.yml",)),
    "trust-funds": _block(lambda r, a: r.trust_funds(), ("trust_funds.yml", "sources.yml")),
    # A heading per source, hundreds of them: they stay out of the page's contents list, and a reader
    # reaches a source through its citation number.
    "sources": _block(lambda r, a: r.sources(), _RECORDS,
                      unlisted=lambda data: (links.source_anchor(source) for source in data.sources)),
    "disagreements": _block(lambda r, a: r.disagreements(), _RECORDS),
    "glossary": _block(lambda r, a: r.glossary(), ("glossary.yml",)),
    "key-facts": _block(lambda r, a: r.key_facts(), _RECORDS),
    "downloads": _block(lambda r, a: r.downloads(), _ALL),
    "latest": _block(lambda r, a: r.latest(int(a.get("count", "5"))), _EVENTS, params=("count",)),
    "propose-form": _block(lambda r, a: r.propose_form(), ()),
    "date": _inline("milestones", lambda r, a: r.date_link(a["id"])),
    "milestone": _inline("milestones", lambda r, a: r.milestone_link(a["id"])),
    "programme": _inline("programmes", lambda r, a: r.programme_link(a["id"])),
}
# The collection each named argument's id must name; a positional id names the marker's id_collection.
_ARGUMENT_COLLECTIONS = {"theme": "themes", "programme": "programmes"}


def reads_of(used: Iterable[str]) -> frozenset[str]:
    """The data files that the named markers show."""
    return frozenset(name for marker in used for name in MARKERS[marker].reads)


def unlisted_of(used: Iterable[str], data: Dataset) -> frozenset[str]:
    """The ids of the headings that the named markers keep out of their page's contents list."""
    anchors: set[str] = set()
    for name in used:
        unlisted = MARKERS[name].unlisted
        if unlisted is not None:
            anchors.update(unlisted(data))
    return frozenset(anchors)


def _parse_args(raw: str) -> dict[str, str]:
    args: dict[str, str] = {}
    for token in raw.split():
        key, _, value = token.partition("=")
        if value:
            args[key] = value
        else:
            args["id"] = key
    return args


def _check(name: str, args: dict[str, str], whole_line: bool, renderer: Renderer) -> str | None:
    """What is wrong with one marker, or None."""
    marker = MARKERS.get(name)
    if marker is None:
        return f"unknown marker{did_you_mean(closest(name, MARKERS))}; allowed: {', '.join(sorted(MARKERS))}"
    return _check_arguments(marker, args, whole_line) or _check_values(marker, args, renderer.data)


def _check_arguments(marker: Marker, args: dict[str, str], whole_line: bool) -> str | None:
    """Where the marker stands, and which arguments it has."""
    if marker.block and not whole_line:
        return "is a block marker; allowed: alone on a line of its own"
    unknown = sorted(set(args) - set(marker.params))
    if unknown:
        allowed = ", ".join(marker.params) or "no arguments"
        hint = did_you_mean(closest(unknown[0], marker.params)) if len(unknown) == 1 else ""
        return f"has unknown argument(s) {', '.join(unknown)}{hint}; allowed: {allowed}"
    missing = [p for p in marker.required if p not in args]
    if missing:
        usage = " ".join("ID" if p == "id" else f"{p}=…" for p in marker.params)
        return f"needs {', '.join(missing)}; allowed: {usage}"
    return None


def _check_values(marker: Marker, args: dict[str, str], data: Dataset) -> str | None:
    """Each argument's value: a count in range, or the id of a record that exists."""
    for key, value in args.items():
        if key == "count":
            if not value.isdigit() or not 1 <= int(value) <= 50:
                return f"count={value} is not a number from 1 to 50"
            continue
        collection = COLLECTIONS[_ARGUMENT_COLLECTIONS.get(key) or marker.id_collection or ""]
        if value not in data.records(collection.name):
            return collection.unknown_id(value, did_you_mean(closest(value, data.records(collection.name))))
    return None


def _outside_code(line: str) -> list[tuple[int, int]]:
    """Spans of a line that are not inline code."""
    spans, start = [], 0
    for code in _INLINE_CODE.finditer(line):
        spans.append((start, code.start()))
        start = code.end()
    spans.append((start, len(line)))
    return spans


def replace_markers(markdown: str, renderer: Renderer, page_label: str, used: set[str] | None = None) -> str:
    """Render every marker in a page; raise MarkerError listing every bad one.

    `used`, if given, collects the names of the markers the page holds (see `reads_of`, `unlisted_of`)."""
    problems: list[str] = []
    output: list[str] = []
    in_fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        fence = _FENCE.match(line)
        if fence and (in_fence is None or fence.group(1) == in_fence):
            in_fence = None if in_fence else fence.group(1)
            output.append(line)
            continue
        if in_fence:
            output.append(line)
            continue
        output.append(_replace_in_line(line, number, renderer, page_label, problems, used))
    if problems:
        raise MarkerError(problems)
    return "\n".join(output)


def _replace_in_line(line: str, number: int, renderer: Renderer, page_label: str, problems: list[str],
                     used: set[str] | None) -> str:
    pieces, cursor = [], 0
    for start, end in _outside_code(line):
        pieces.append(line[cursor:start])
        segment = line[start:end]

        def substitute(match: re.Match[str]) -> str:
            name, args = match.group(1), _parse_args(match.group(2))
            whole_line = match.group(0).strip() == line.strip()
            problem = _check(name, args, whole_line, renderer)
            if problem:
                problems.append(f"{page_label}:{number}: marker {match.group(0)}: {problem}")
                return match.group(0)
            if used is not None:
                used.add(name)
            return MARKERS[name].render(renderer, args)

        pieces.append(MARKER.sub(substitute, segment))
        cursor = end
    return "".join(pieces)
