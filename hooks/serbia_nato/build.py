"""One site build, with no MkDocs objects: load data, check pages, make generated pages.

`Build.start` fails (DataError or MarkerError) before MkDocs touches site/, because it checks
every marker in docs/ up front; what it rendered is reused when MkDocs asks for each page.
Each page ends with when its content last changed (from the git times the adapter passes in)
and how to cite it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import freshness, links, search, views
from .cite import Citation, Site
from .dataset import Dataset
from .downloads import Download, json_ld, make_downloads
from .editions import ENGLISH, Edition, is_english_only, is_translation, localized, translation_of
from .gcpause import gc_paused
from .load import load_dataset
from .markers import MARKERS, MarkerError, reads_of, replace_markers, unlisted_of
from .render import UNCONFIGURED_SITE, Renderer, abbreviation_lines, render_html

_ABBR_OPEN = re.compile(r"<abbr(?![^>]*\btabindex=)")
TIMELINE_INLINE_EVENTS = 250  # the timeline page holds the first years up to this many events; see decision 0002
# A decade's page: left out of search (the timeline page has the same events) and of the navigation.
_DECADE_PAGE = "---\nsearch:\n  exclude: true\n---\n\n# {title}\n\n{body}\n\n{abbreviations}\n"
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
# What a generated programme page shows: the programme, its events and projects, their sources.
PROGRAMME_PAGE_READS = frozenset({"programmes.yml", "milestones.yml", "trust_funds.yml", "sources.yml", "themes.yml"})
FEED_READS = ("data/milestones.yml", "data/themes.yml")


@dataclass(frozen=True)
class Changed:
    """When a page's content last changed, as a day."""

    date: str  # YYYY-MM-DD, in UTC
    date_words: str


@dataclass
class Build:
    data: Dataset
    site: Site = UNCONFIGURED_SITE
    downloads: list[Download] = field(default_factory=list)
    changed: Mapping[str, int] = field(default_factory=dict)  # project-relative path -> newest commit time
    docs_prefix: str = "docs"  # docs_dir, relative to the project, as git names its files
    timeline_inline_events: int | None = TIMELINE_INLINE_EVENTS
    edition: Edition = ENGLISH
    _rendered: dict[str, tuple[str, str]] = field(default_factory=dict)
    _reads: dict[str, frozenset[str]] = field(default_factory=dict)  # page -> the data files it shows
    _generated_reads: dict[str, frozenset[str]] = field(default_factory=dict)  # what generated pages show
    _unlisted: dict[str, frozenset[str]] = field(default_factory=dict)  # page -> headings not in its contents

    @cached_property
    def _json_ld(self) -> str:
        return json_ld(self.data, self.site.url, [m for g in self._year_groups if g.inline for m in g.milestones])

    @property
    def _year_groups(self) -> list[views.YearGroup]:
        return views.timeline_years(self.data, self.timeline_inline_events)  # kept with the dataset

    @classmethod
    def start(cls, project: Path, docs_dir: Path, site: Site = UNCONFIGURED_SITE,
              source_date_epoch: int | None = None, changed: Mapping[str, int] | None = None,
              today: date | None = None, timeline_inline_events: int | None = TIMELINE_INLINE_EVENTS,
              edition: Edition = ENGLISH, loaded: Dataset | None = None) -> Build:
        """Load and check everything. `source_date_epoch` is the build's SOURCE_DATE_EPOCH, if it has one;
        `changed` maps project-relative paths to their newest commit time (freshness.parse_git_log), and is
        empty outside git; `today` is the day no date in the data may come after; `edition` is the
        language and script of the pages this build makes; `loaded` is data/ as another edition's build of
        the same run loaded and checked it (its `data`), so that it is read once per run, not per edition."""
        changed = changed or {}
        with gc_paused():  # many small objects, no cycles: see gcpause.py
            data = loaded if loaded is not None else load_dataset(project / "data", today=today)
            feed_updated = freshness.last_changed(changed, FEED_READS)
            shown = localized(data, edition)
            downloads = make_downloads(data, site, source_date_epoch, feed_updated, edition, shown)
            prefix = docs_dir.relative_to(project).as_posix() if docs_dir.is_relative_to(project) else ""
            build = cls(shown, site, downloads, changed=changed, docs_prefix=prefix,
                        timeline_inline_events=timeline_inline_events, edition=edition)
            build._check_pages(docs_dir, project)
        return build

    def renderer(self, src: str) -> Renderer:
        json_for_page = self._json_ld if src == links.TIMELINE else ""
        return Renderer(self.data, src, downloads=self.downloads, json_ld=json_for_page, site=self.site,
                        inline_events=self.timeline_inline_events, edition=self.edition)

    def _check_pages(self, docs_dir: Path, project: Path) -> None:
        """Render every page of docs/ in this edition, or list every bad marker and missing translation."""
        problems: list[str] = []
        for path in sorted(docs_dir.rglob("*.md")):
            src = path.relative_to(docs_dir).as_posix()
            if is_translation(src):
                continue
            label = path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)
            english = path.read_text(encoding="utf-8")
            try:
                text, label = self._page_text(path, src, english, label)
                self._rendered[src] = (english, self._render_page(src, text, label))
            except MarkerError as error:
                problems += error.problems
        if problems:
            raise MarkerError(problems)

    def _page_text(self, path: Path, src: str, english: str, label: str) -> tuple[str, str]:
        """The page's Markdown in this edition, and the file it comes from (for messages)."""
        if not self.edition.serbian or is_english_only(src):
            return english, label
        serbian = path.with_name(translation_of(src).rsplit("/", 1)[-1])
        if not serbian.exists():
            raise MarkerError([f"{label}: has no Serbian; allowed: its Serbian, in Cyrillic, in "
                               f"{label.removesuffix('.md')}.sr.md (or the page in ENGLISH_ONLY_PAGES)"])
        return self.edition.script(serbian.read_text(encoding="utf-8")), label.removesuffix(".md") + ".sr.md"

    def _render_page(self, src: str, markdown: str, label: str) -> str:
        used: set[str] = set()
        body = replace_markers(markdown, self.renderer(src), label, used)
        self._reads[src] = self._generated_reads.get(src, frozenset()) | reads_of(used)
        self._unlisted[src] = unlisted_of(used, self.data)
        return f"{body}\n\n{abbreviation_lines(self.data)}\n"

    def page_markdown(self, src: str, markdown: str) -> str:
        cached = self._rendered.get(src)
        if cached and cached[0] == markdown:
            return cached[1]
        if links.is_decade_page(src):
            return markdown  # rendered whole by timeline_pages(); data text in it must not be read as markers
        return self._render_page(src, markdown, f"docs/{src}")

    def unlisted_headings(self, src: str) -> frozenset[str]:
        """The ids of the page's headings that stay out of its contents list (see Marker.unlisted)."""
        return self._unlisted.get(src, frozenset())

    def page_html(self, src: str, html: str, title: str = "") -> str:
        """The page's HTML with keyboard-reachable acronyms, then when it last changed and "Cite this".

        `title` (HTML, as MkDocs gives it) names the page only if it has no <h1>."""
        accessible = _ABBR_OPEN.sub('<abbr tabindex="0"', html)
        return f"{accessible}\n{self.page_footer(src, _page_title(html, title))}"

    def page_changed(self, src: str) -> int | None:
        """The newest commit time of the page's own file and of the data files its content draws on."""
        files = [src, translation_of(src)] if self.edition.serbian and not is_english_only(src) else [src]
        own = [f"{self.docs_prefix}/{name}" if self.docs_prefix else name for name in files]
        return freshness.last_changed(self.changed, own + [f"data/{name}" for name in sorted(self._reads.get(src, ()))])

    def page_footer(self, src: str, title: str) -> str:
        epoch = self.page_changed(src)
        changed = None
        if epoch is not None:
            day = freshness.iso_day(epoch)
            changed = Changed(day, self.edition.date(day))
        citation = Citation(self.site.name, title, self.site.permalink(src), changed.date if changed else None)
        return render_html("page_footer.html.j2", self.edition, changed=changed, citation=citation)

    def programme_pages(self) -> dict[str, str]:
        pages = {}
        for pid in self.data.programmes:
            src = links.programme_page(pid)
            pages[src] = self.renderer(src).programme_page(pid)
            self._generated_reads[src] = PROGRAMME_PAGE_READS
        return pages

    def timeline_pages(self) -> dict[str, str]:
        """A page per decade with every event, and an HTML fragment per year the timeline page loads on demand."""
        pages = {}
        for name, years in views.decades(self.data):
            src = links.decade_page(years[0])
            body = self.renderer(src).timeline_decade(years)
            title = self.edition.ui("Timeline: the {decade}", decade=self.edition.ui("{year}s", year=name[:-1]))
            pages[src] = _DECADE_PAGE.format(title=title, body=body, abbreviations=abbreviation_lines(self.data))
            self._reads[src] = frozenset(MARKERS["timeline"].reads)  # it shows what the timeline shows
        timeline = self.renderer(links.TIMELINE)
        pages.update({links.year_fragment(g.year): timeline.timeline_year(g.milestones)
                      for g in self._year_groups if not g.inline})
        return pages

    def generated_files(self) -> dict[str, str | bytes]:
        with gc_paused():
            files: dict[str, str | bytes] = dict(self.programme_pages())
            files.update(self.timeline_pages())
        files.update({download.path: download.content for download in self.downloads})
        files[search.WORDS_SCRIPT] = search.words_script()
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
            if any(child == links.PROGRAMMES or (isinstance(child, dict) and links.PROGRAMMES in child.values())
                   for child in item):
                expanded += [page for page in pages if page not in expanded]
            return expanded
        return item


def _page_title(html: str, fallback: str) -> str:
    """The page's <h1> as plain text (without its permalink), else the title MkDocs gives, as plain text."""
    heading = _H1.search(html)
    text = _HEADERLINK.sub("", heading.group(1)) if heading else fallback
    return Markup(text).striptags()
