"""One site build, with no MkDocs objects: load data, check pages, make generated pages.

`Build.start` fails (DataError or MarkerError) before MkDocs touches site/, because it checks
every marker in docs/ up front; what it rendered is reused when MkDocs asks for each page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import links, views
from .dataset import Dataset
from .downloads import Download, json_ld, make_downloads
from .gcpause import gc_paused
from .load import load_dataset
from .markers import MarkerError, replace_markers
from .render import Renderer, abbreviation_lines

_ABBR_OPEN = re.compile(r"<abbr(?![^>]*\btabindex=)")
TIMELINE_INLINE_EVENTS = 250  # the timeline page holds the first years up to this many events; see decision 0002
# A decade's page: left out of search (the timeline page has the same events) and of the navigation.
_DECADE_PAGE = "---\nsearch:\n  exclude: true\n---\n\n# Timeline: the {name}\n\n{body}\n\n{abbreviations}\n"


@dataclass
class Build:
    data: Dataset
    site_url: str = ""
    downloads: list[Download] = field(default_factory=list)
    timeline_inline_events: int | None = TIMELINE_INLINE_EVENTS
    _rendered: dict[str, tuple[str, str]] = field(default_factory=dict)

    @cached_property
    def _json_ld(self) -> str:
        return json_ld(self.data, self.site_url, [m for g in self._year_groups if g.inline for m in g.milestones])

    @cached_property
    def _year_groups(self) -> list[views.YearGroup]:
        return views.year_groups(self.data.chronological(), self.timeline_inline_events)

    @classmethod
    def start(cls, project: Path, docs_dir: Path, site_url: str = "", source_date_epoch: int | None = None,
              timeline_inline_events: int | None = TIMELINE_INLINE_EVENTS) -> Build:
        """Load and check everything; `source_date_epoch` is the build's SOURCE_DATE_EPOCH, if it has one."""
        with gc_paused():  # many small objects, no cycles: see gcpause.py
            data = load_dataset(project / "data")
            build = cls(data, site_url, make_downloads(data, site_url, source_date_epoch), timeline_inline_events)
            build._check_pages(docs_dir, project)
        return build

    def renderer(self, src: str) -> Renderer:
        json_for_page = self._json_ld if src == links.TIMELINE else ""
        return Renderer(self.data, src, downloads=self.downloads, json_ld=json_for_page,
                        inline_events=self.timeline_inline_events)

    def _check_pages(self, docs_dir: Path, project: Path) -> None:
        problems: list[str] = []
        for path in sorted(docs_dir.rglob("*.md")):
            src = path.relative_to(docs_dir).as_posix()
            markdown = path.read_text(encoding="utf-8")
            label = path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)
            try:
                self._rendered[src] = (markdown, self._render_page(src, markdown, label))
            except MarkerError as error:
                problems += error.problems
        if problems:
            raise MarkerError(problems)

    def _render_page(self, src: str, markdown: str, label: str) -> str:
        body = replace_markers(markdown, self.renderer(src), label)
        return f"{body}\n\n{abbreviation_lines(self.data)}\n"

    def page_markdown(self, src: str, markdown: str) -> str:
        cached = self._rendered.get(src)
        if cached and cached[0] == markdown:
            return cached[1]
        if links.is_decade_page(src):
            return markdown  # rendered whole by timeline_pages(); data text in it must not be read as markers
        return self._render_page(src, markdown, f"docs/{src}")

    @staticmethod
    def page_html(html: str) -> str:
        """Let keyboard users reach every acronym, so its expansion shows on focus too."""
        return _ABBR_OPEN.sub('<abbr tabindex="0"', html)

    def programme_pages(self) -> dict[str, str]:
        return {
            links.programme_page(pid): self.renderer(links.programme_page(pid)).programme_page(pid)
            for pid in self.data.programmes
        }

    def timeline_pages(self) -> dict[str, str]:
        """A page per decade with every event, and an HTML fragment per year the timeline page loads on demand."""
        pages = {}
        for name, years in views.decades(self.data):
            src = links.decade_page(years[0])
            body = self.renderer(src).timeline_decade(years)
            pages[src] = _DECADE_PAGE.format(name=name, body=body, abbreviations=abbreviation_lines(self.data))
        timeline = self.renderer(links.TIMELINE)
        pages.update({links.year_fragment(g.year): timeline.timeline_year(g.milestones)
                      for g in self._year_groups if not g.inline})
        return pages

    def generated_files(self) -> dict[str, str | bytes]:
        with gc_paused():
            files: dict[str, str | bytes] = dict(self.programme_pages())
            files.update(self.timeline_pages())
        files.update({download.path: download.content for download in self.downloads})
        return files

    def expand_nav(self, nav: list[Any] | None) -> list[Any] | None:
        """List every programme page under the nav entry that holds programmes/index.md."""
        if not nav:
            return nav
        by_name = sorted(self.data.programmes.values(), key=lambda p: p.name)
        # MkDocs and Material print nav titles as they are, so data text is escaped here.
        pages = [{html.escape(p.name): links.programme_page(p.id)} for p in by_name]
        return [self._expand_item(item, pages) for item in nav]

    def _expand_item(self, item: object, pages: list[dict[str, str]]) -> object:
        if isinstance(item, dict):
            return {title: self._expand_item(value, pages) for title, value in item.items()}
        if isinstance(item, list):
            expanded = [self._expand_item(child, pages) for child in item]
            if links.PROGRAMMES in item or {"Overview": links.PROGRAMMES} in item:
                expanded += [page for page in pages if page not in expanded]
            return expanded
        return item
