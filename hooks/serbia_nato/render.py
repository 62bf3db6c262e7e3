"""Render the dataset through Jinja templates: HTML for the timeline, Markdown for the rest.

HTML templates autoescape. Markdown templates escape every `{{ }}` through `finalize`, so data
text can never become Markdown or HTML; only values built here as `Md`, and the output of the
shared macros in macros.md.j2, pass through as they are.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import dates, links, views
from .cite import Citation, Site, milestone_citation
from .dataset import Dataset, cited_sources
from .editions import ENGLISH, Edition
from .issue_form import FORM_PATH
from .models import ID_PATTERN, LANGUAGE_NAMES, SOURCE_KIND_WORDS, Milestone
from .template_cache import CORE_TEMPLATES

if TYPE_CHECKING:  # downloads renders the feed through this module
    from .downloads import Download

TEMPLATES = Path(__file__).parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


class Md(str):
    """Markdown built by this module, trusted to pass through the Markdown templates unescaped."""


def md_escape(text: object) -> str:
    """Make data text literal in Markdown: HTML-escape it, then backslash its Markdown characters."""
    if isinstance(text, Md):
        return text
    if text is None:
        return ""
    escaped = html.escape(str(text), quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    return escaped.replace("\n", " ")


def _finalize_markdown(value: object) -> object:
    """Each `{{ }}` of a Markdown template: numbers as they are, Markup as it is, everything else escaped.

    The Markdown environment autoescapes only so that its macros (macros.md.j2) return Markup: their
    output was escaped here already, value by value, and must not be escaped twice.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, Markup):
        return value
    return Markup(md_escape(value))


@lru_cache(maxsize=8)
def _acronym_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def abbreviate(text: str, terms: Mapping[str, str]) -> Markup:
    """Escape text for HTML and wrap each known acronym in <abbr> with its expansion."""
    escaped = str(html.escape(text, quote=False))
    if not terms:
        return Markup(escaped)
    pattern = _acronym_pattern(tuple(terms))
    return Markup(pattern.sub(lambda m: f'<abbr title="{html.escape(terms[m.group(1)])}">{m.group(1)}</abbr>', escaped))


def _checked_id(value: str) -> Md:
    """An id is a validated slug, safe to place in Markdown attribute lists unescaped."""
    if not re.fullmatch(ID_PATTERN, value):
        raise ValueError(f"not an id: {value!r}")
    return Md(value)


@cache
def _environments(edition: Edition = ENGLISH) -> tuple[Environment, Environment]:
    """The HTML and the Markdown environment of one edition: its words (`_`), dates and numbers."""
    loader = FileSystemLoader(TEMPLATES)
    common: dict[str, Any] = {"loader": loader, "undefined": StrictUndefined, "trim_blocks": True,
                              "lstrip_blocks": True, "keep_trailing_newline": True, "bytecode_cache": CORE_TEMPLATES}
    html_env = Environment(autoescape=True, **common)
    md_env = Environment(autoescape=True, finalize=_finalize_markdown, **common)
    for env in (html_env, md_env):
        env.filters.update(human_date=edition.date, thousands=edition.number,
                           state=lambda state: edition.ui(views.STATE_WORDS[state]),
                           source_kind=lambda kind: edition.ui(SOURCE_KIND_WORDS[kind]),
                           language=lambda code: edition.ui(LANGUAGE_NAMES[code]), id=_checked_id)
        env.globals.update(links=links, dates=dates, _=edition.ui, edition=edition)
    html_env.globals["cite"] = html_env.get_template("cite.html.j2").module.cite  # type: ignore[attr-defined]
    return html_env, md_env


def render_html(template: str, edition: Edition = ENGLISH, **context: object) -> str:
    return _environments(edition)[0].get_template(template).render(**context)


def render_markdown(template: str, edition: Edition = ENGLISH, **context: object) -> str:
    return _environments(edition)[1].get_template(template).render(**context)


# The site a Renderer cites when it is given none: for tests and tools that render without a configuration.
UNCONFIGURED_SITE = Site("Serbia and NATO", "/")


class Renderer:
    """Renders every data-driven piece of the site for one page (`page` is its docs/ path)."""

    def __init__(self, data: Dataset, page: str, downloads: list[Download] | None = None, json_ld: str = "",
                 site: Site = UNCONFIGURED_SITE, inline_events: int | None = None, edition: Edition = ENGLISH):
        self.data = data  # in the edition's language (editions.localized)
        self.edition = edition
        self.inline_events = inline_events  # the timeline page holds this many events; None: all
        self.page = page
        self.site = site
        self.download_files = downloads or []
        self.json_ld = Markup(json_ld)  # already escaped for a <script> element by downloads.json_ld
        self.numbers = views.source_numbers(data)
        self.terms = {term.term: term.expansion for term in data.terms.values()}

    # Links, as trusted Markdown ---------------------------------------------------------

    def md_link(self, text: str, to_src: str, anchor: str = "") -> Md:
        return Md(f"[{md_escape(text)}]({links.md_link(self.page, to_src, anchor)})")

    def milestone_link(self, milestone_id: str, text: str | None = None) -> Md:
        milestone = self.data.milestones[milestone_id]
        return self.md_link(text or milestone.title, self.page_holding(milestone), milestone.id)

    def date_link(self, milestone_id: str) -> Md:
        milestone = self.data.milestones[milestone_id]
        return self.md_link(self.edition.date_in_sentence(milestone.date), self.page_holding(milestone), milestone.id)

    def page_holding(self, milestone: Milestone) -> str:
        """Where a link to an event goes: the timeline page, or its decade's page when the timeline page only
        loads it on demand, so that the link lands on the event without JavaScript too. (The event's
        permalink stays /timeline/#id: the timeline's script opens it wherever it is.)"""
        if milestone.id in views.deferred_ids(self.data, self.inline_events):
            return links.decade_page(dates.year(milestone.date))
        return links.TIMELINE

    def programme_link(self, programme_id: str) -> Md:
        programme = self.data.programmes[programme_id]
        return self.md_link(programme.name, links.programme_page(programme.id))

    def span(self, start: str | None, end: str | None) -> str:
        """Dates of a project in words, saying plainly when a source gives none."""
        ui, day = self.edition.ui, self.edition.date_in_sentence
        if start and end:
            return ui("{start} to {end}", start=day(start), end=day(end))
        if end:
            return ui("ended {end} (start not given)", end=day(end))
        if start:
            return ui("from {start}", start=day(start))
        return ui("dates not given in the sources")

    def state_counts(self, states: dict[str, int]) -> str:
        return ", ".join(f"{count} {self.edition.ui(views.STATE_WORDS[state])}" for state, count in states.items())

    def size(self, octets: int) -> str:
        if octets < 1024:
            return self.edition.ui("{count} bytes", count=octets)
        kilobytes = f"{octets / 1024:.1f}"
        return f"{kilobytes.replace('.', ',') if self.edition.serbian else kilobytes} KB"

    def url(self, address: str) -> Md:
        """A validated web address as a Markdown autolink."""
        return Md(f"<{address}>")

    def trusted_markdown(self, text: str) -> Md:
        """A Markdown field, which validation has already kept free of raw HTML."""
        return Md(text)

    def sorted_sources(self, source_ids: list[str]) -> list[str]:
        return sorted(set(source_ids), key=self.numbers.__getitem__)

    def citations(self, source_ids: list[str]) -> Md:
        return Md(" ".join(
            f"[\\[{self.numbers[s]}\\]]({links.md_link(self.page, links.SOURCES, links.source_anchor(s))}"
            f' "{html.escape(self.source_label(s), quote=True)}")'
            for s in self.sorted_sources(source_ids)
        ))

    def source_label(self, source_id: str) -> str:
        source = self.data.sources[source_id]
        when = f", {source.date[:4]}" if source.date else ""
        return f"{source.publisher}: {source.title}{when}"

    def _context(self, **extra: object) -> dict[str, object]:
        return {"data": self.data, "r": self, "views": views, "page": self.page, **extra}

    # Blocks -----------------------------------------------------------------------------

    def timeline(self) -> str:
        """The timeline page's block; years after the first `inline_events` events are loaded on demand."""
        milestones = self.data.chronological()
        groups = views.timeline_years(self.data, self.inline_events)
        index = views.deferred_index(groups)
        held = sum(len(g.milestones) for g in groups if g.inline)
        return render_html("timeline.html.j2", self.edition, **self._timeline_context(
            groups=groups, total=len(milestones), latest=milestones[-1] if milestones else None,
            # Only when its first year alone holds more events than the page should (see decision 0002).
            lay_out_in_view=self.inline_events is not None and held > self.inline_events,
            theme_options=views.filter_options(self.data, "themes"),
            programme_options=views.filter_options(self.data, "programmes"),
            deferred_index=Markup(script_json(index)) if index else "",
        ))

    def timeline_year(self, milestones: list[Milestone]) -> str:
        """One year's events as an HTML fragment for the timeline page (this renderer's page)."""
        return render_html("timeline_year.html.j2", self.edition, **self._timeline_context(milestones=milestones))

    def timeline_decade(self, decade_years: list[int]) -> str:
        """Every event of one decade's years, for the decade's own page."""
        wanted = set(decade_years)
        groups = [g for g in views.timeline_years(self.data) if g.year in wanted]
        return render_html("timeline_decade.html.j2", self.edition, **self._timeline_context(
            groups=groups, total=sum(len(g.milestones) for g in groups), filters_here=False,
        ))

    def _timeline_context(self, filters_here: bool = True, **extra: object) -> dict[str, object]:
        return self._context(
            decades=views.decades(self.data), abbr=lambda text: abbreviate(text, self.terms), href=self.href,
            timeline_href="" if self.page == links.TIMELINE else self.href(links.TIMELINE),
            filters_here=filters_here, **extra,
        )

    def milestone_citation(self, milestone: Milestone) -> Citation:
        return milestone_citation(self.site, milestone)

    def href(self, to_src: str, anchor: str = "") -> str:
        return links.html_link(self.page, to_src, anchor)

    def milestone_list(self, theme: str | None = None, programme: str | None = None) -> str:
        milestones = views.milestones_where(self.data, theme=theme, programme=programme)
        return render_markdown("milestone_list.md.j2", self.edition, **self._context(milestones=milestones))

    def programme_list(self, theme: str) -> str:
        programmes = views.programmes_where(self.data, theme)
        return render_markdown("programme_list.md.j2", self.edition, **self._context(programmes=programmes))

    def programme_page(self, programme_id: str) -> str:
        programme = self.data.programmes[programme_id]
        return render_markdown("programme.md.j2", self.edition, **self._context(
            p=programme, milestones=views.milestones_where(self.data, programme=programme.id),
            children=views.children(self.data, programme.id),
            parent=self.data.programmes.get(programme.part_of or ""),
            funds=list(self.data.trust_funds.values()) if programme.id == "trust-funds" else [],
            cited=cited_sources(programme), disputes=views.disagreements_about(self.data, programme),
        ))

    def programme_index(self) -> str:
        return render_markdown("programme_index.md.j2", self.edition, **self._context())

    def programme_chart(self) -> str:
        first, last, bars = views.programme_bars(self.data)
        return render_html("programme_chart.html.j2", self.edition, **self._context(
            first=first, last=last, bars=bars, href=self.href,
        ))

    def trust_funds(self) -> str:
        return render_markdown("trust_funds.md.j2", self.edition, **self._context(
            funds=list(self.data.trust_funds.values()), totals=views.trust_fund_totals(self.data),
        ))

    def sources(self) -> str:
        return render_markdown("sources.md.j2", self.edition, **self._context())

    def disagreements(self) -> str:
        entries = views.disagreements(self.data)
        return render_markdown("disagreements.md.j2", self.edition, **self._context(entries=entries))

    def glossary(self) -> str:
        terms = sorted(self.data.terms.values(), key=lambda t: t.term.lower())
        return render_markdown("glossary.md.j2", self.edition, **self._context(terms=terms))

    def key_facts(self) -> str:
        return render_markdown("key_facts.md.j2", self.edition, **self._context(
            pfp=self.data.programmes.get("pfp"), frameworks=views.current_frameworks(self.data),
            totals=views.trust_fund_totals(self.data), states=views.trust_fund_states(self.data),
            as_of=views.newest_source_date(self.data),
            funds_as_of=views.newest([fund.status.as_of for fund in self.data.trust_funds.values()]),
        ))

    def downloads(self) -> str:
        return render_markdown("downloads.md.j2", self.edition, **self._context(files=self.download_files))

    def propose_form(self) -> str:
        """Where readers who do not edit YAML propose an event: a link to the issue form if the repository is known."""
        repository = self.site.repository.rstrip("/")
        address = quote(f"{repository}/issues/new?template={FORM_PATH.name}", safe=":/?=&%~")
        form_link = Md(f"[{md_escape(self.edition.ui('Propose an event'))}]({address})") if repository else ""
        return render_markdown("propose.md.j2", self.edition, **self._context(form_link=form_link))

    def latest(self, count: int) -> str:
        milestones = views.latest(self.data, count)
        return render_markdown("milestone_list.md.j2", self.edition, **self._context(milestones=milestones))


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def abbreviation_lines(data: Dataset) -> str:
    """Markdown abbreviation definitions for every glossary term, appended to each page."""
    return "\n".join(f"*[{t.term}]: {t.expansion}" for t in data.terms.values())
