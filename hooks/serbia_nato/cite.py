"""Citations: "Cite this" for each event and page, and CSL-JSON of every milestone for reference managers."""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import dates, links
from .dataset import Dataset
from .models import Milestone


@dataclass(frozen=True)
class Site:
    """The site as a citation names it: its name and its published address."""

    name: str
    url: str
    repository: str = ""  # the project's repository on GitHub (https://github.com/OWNER/NAME), if known

    @property
    def base(self) -> str:
        return self.url if self.url.endswith("/") else f"{self.url}/"

    def permalink(self, src: str, anchor: str = "") -> str:
        """The absolute address of a page built from `src` (and an anchor on it)."""
        return f"{self.base}{links.page_url(src)}" + (f"#{anchor}" if anchor else "")

    def file(self, path: str) -> str:
        """The absolute address of a published file such as downloads/milestones.json."""
        return f"{self.base}{path}"


@dataclass(frozen=True)
class Citation:
    """What "Cite this" shows: site, title, date (at its real precision, if known) and permalink.

    The access date is the reader's: the page leaves it blank for the browser, or the reader, to fill.
    """

    site_name: str
    title: str
    url: str
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD

    @property
    def date_words(self) -> str:
        return dates.human_date(self.date) if self.date else ""


def milestone_citation(site: Site, milestone: Milestone) -> Citation:
    return Citation(site.name, milestone.title, site.permalink(links.TIMELINE, milestone.id), milestone.date)


def date_parts(date: str) -> list[int]:
    """A date as CSL's date-parts: [year], [year, month] or [year, month, day], never more than is known."""
    parts = dates.parse_partial_date(date)
    return [value for value in (parts.year, parts.month, parts.day) if value is not None]


def csl_item(site: Site, milestone: Milestone) -> dict[str, object]:
    """One milestone as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    issued = {"date-parts": [date_parts(milestone.date)]}
    return {
        "id": milestone.id,
        "type": "webpage",
        "title": milestone.title,
        "container-title": site.name,
        "issued": issued,
        "event-date": issued,
        "abstract": milestone.summary,
        "URL": site.permalink(links.TIMELINE, milestone.id),
    }


def milestones_csl_json(data: Dataset, site: Site) -> bytes:
    """Every milestone as CSL-JSON, in the timeline's order."""
    items = [csl_item(site, m) for m in data.chronological()]
    return (json.dumps(items, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
