"""The live preview's answer to bad data: every page shows the problems, as `make check` prints them, until fixed.

`mkdocs serve` keeps serving only builds that succeed, so a build that raised would leave an open tab on
the old page and new requests waiting. A preview build therefore never raises for bad data or a bad
marker: it becomes a `ProblemsBuild`, whose pages list the problems; the next save that fixes them
rebuilds the real site, and the browser reloads into it. `mkdocs build` still fails as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .markers import MarkerError
from .problems import DataError, Problem
from .render import render_html


@dataclass(frozen=True)
class ProblemsBuild:
    """A build that could not start: no generated pages, and every page replaced by the list of problems."""

    lines: tuple[str, ...]

    @classmethod
    def from_error(cls, error: DataError | MarkerError) -> ProblemsBuild:
        lines = [str(problem) for problem in error.problems]
        return cls(tuple(lines))

    def generated_files(self) -> dict[str, str | bytes]:
        return {}

    def expand_nav(self, nav: list[Any] | None) -> list[Any] | None:
        return nav

    def page_markdown(self, src: str, markdown: str) -> str:
        return ""  # the page's own text, with its markers, waits until the data is right

    def unlisted_headings(self, src: str) -> frozenset[str]:
        return frozenset()  # the page is the list of problems, with no headings of the data

    def page_html(self, src: str, html: str, title: str) -> str:
        return render_html("problems.html.j2", lines=self.lines)


def with_warnings(html: str, warnings: list[Problem]) -> str:
    """A page of a good preview build, with the data's warnings above it: the strict build would stop on them."""
    if not warnings:
        return html
    return render_html("warnings.html.j2", lines=[str(warning) for warning in warnings]) + html
