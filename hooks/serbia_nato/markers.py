"""Replace the `[[ name args ]]` markers in Markdown pages with content rendered from the data.

Block markers stand alone on a line; inline markers sit inside a sentence. An unknown marker,
a missing or unknown argument, or an unknown id is an error, reported with its page and line.
Markers inside code (fenced blocks or `inline code`) are left as they are, so pages can show them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .render import Renderer

MARKER = re.compile(r"\[\[\s*([A-Za-z][\w-]*)((?:\s+[^\s\]]+)*)\s*\]\]")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")


class MarkerError(Exception):
    """Every bad marker on a page, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Marker:
    block: bool
    params: tuple[str, ...]  # accepted key=value names; "id" is the one positional argument
    ids: str | None  # which records the positional id or `theme=`/`programme=` must name
    render: Callable[[Renderer, dict[str, str]], str]


MARKERS: dict[str, Marker] = {
    "timeline": Marker(True, (), None, lambda r, a: r.timeline()),
    "milestones": Marker(True, ("theme", "programme"), None,
                         lambda r, a: r.milestone_list(theme=a.get("theme"), programme=a.get("programme"))),
    "programmes": Marker(True, ("theme",), None, lambda r, a: r.programme_list(a["theme"])),
    "programme-chart": Marker(True, (), None, lambda r, a: r.programme_chart()),
    "programme-index": Marker(True, (), None, lambda r, a: r.programme_index()),
    "trust-funds": Marker(True, (), None, lambda r, a: r.trust_funds()),
    "sources": Marker(True, (), None, lambda r, a: r.sources()),
    "disagreements": Marker(True, (), None, lambda r, a: r.disagreements()),
    "glossary": Marker(True, (), None, lambda r, a: r.glossary()),
    "key-facts": Marker(True, (), None, lambda r, a: r.key_facts()),
    "downloads": Marker(True, (), None, lambda r, a: r.downloads()),
    "latest": Marker(True, ("count",), None, lambda r, a: r.latest(int(a.get("count", "5")))),
    "date": Marker(False, ("id",), "milestones", lambda r, a: r.date_link(a["id"])),
    "milestone": Marker(False, ("id",), "milestones", lambda r, a: r.milestone_link(a["id"])),
    "programme": Marker(False, ("id",), "programmes", lambda r, a: r.programme_link(a["id"])),
}
_REQUIRED = {"programmes": ("theme",), "date": ("id",), "milestone": ("id",), "programme": ("id",)}


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
        return f"unknown marker; allowed: {', '.join(sorted(MARKERS))}"
    if marker.block and not whole_line:
        return "is a block marker; allowed: alone on a line of its own"
    unknown = sorted(set(args) - set(marker.params))
    if unknown:
        allowed = ", ".join(marker.params) or "no arguments"
        return f"has unknown argument(s) {', '.join(unknown)}; allowed: {allowed}"
    missing = [p for p in _REQUIRED.get(name, ()) if p not in args]
    if missing:
        usage = " ".join("ID" if p == "id" else f"{p}=…" for p in marker.params)
        return f"needs {', '.join(missing)}; allowed: {usage}"
    data = renderer.data
    lookups = {"theme": data.themes, "programme": data.programmes,
               "id": getattr(data, marker.ids) if marker.ids else {}}
    for key, value in args.items():
        if key == "count":
            if not value.isdigit() or not 1 <= int(value) <= 50:
                return f"count={value} is not a number from 1 to 50"
            continue
        if value not in lookups[key]:
            kind = marker.ids if key == "id" else f"{key}s"
            return f"'{value}' is not a known {kind[:-1]}; allowed: an id from data/{kind}.yml"
    return None


def _outside_code(line: str) -> list[tuple[int, int]]:
    """Spans of a line that are not inline code."""
    spans, start = [], 0
    for code in _INLINE_CODE.finditer(line):
        spans.append((start, code.start()))
        start = code.end()
    spans.append((start, len(line)))
    return spans


def replace_markers(markdown: str, renderer: Renderer, page_label: str) -> str:
    """Render every marker in a page; raise MarkerError listing every bad one."""
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
        output.append(_replace_in_line(line, number, renderer, page_label, problems))
    if problems:
        raise MarkerError(problems)
    return "\n".join(output)


def _replace_in_line(line: str, number: int, renderer: Renderer, page_label: str, problems: list[str]) -> str:
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
            return MARKERS[name].render(renderer, args)

        pieces.append(MARKER.sub(substitute, segment))
        cursor = end
    return "".join(pieces)
