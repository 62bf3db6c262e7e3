"""The Atom feed of the milestones, newest first, written through templates/feed.atom.j2."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from . import links
from .cite import Site
from .dataset import Dataset
from .editions import ENGLISH, Edition
from .freshness import rfc3339
from .models import Theme
from .render import render_html

# Entry ids are UUIDs made from this fixed namespace and the milestone's id: they stay the same
# wherever the site is published, so a reader's feed reader never sees an event twice.
NAMESPACE = uuid.UUID("4d9f7599-e07e-48e2-b921-cffa45a87120")
# At the site's root: Material reads every <link rel="alternate"> as another edition of the site and
# fetches sitemap.xml beside it, which exists only at the root.
PATH = "milestones.atom"
MEDIA_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD: the event's own date at its real precision
    date_words: str
    summary: str
    url: str
    themes: list[Theme]


def entry_id(milestone_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, milestone_id)}"


def entries(data: Dataset, site: Site, edition: Edition = ENGLISH) -> list[FeedEntry]:
    """The milestones newest first: the reverse of the timeline's reading order."""
    return [
        FeedEntry(id=entry_id(m.id), title=m.title, date=m.date, date_words=edition.date(m.date),
                  summary=m.summary, url=site.permalink(links.TIMELINE, m.id),
                  themes=[data.themes[t] for t in m.themes])
        for m in reversed(data.chronological())
    ]


def milestones_atom(data: Dataset, site: Site, updated: int, edition: Edition = ENGLISH) -> bytes:
    """The feed of one edition (`data` localized to it); `updated` (Unix seconds) is when the milestones
    last changed, as the adapter knows it."""
    return render_html(
        "feed.atom.j2", edition, feed_id=f"urn:uuid:{NAMESPACE}", site=site, updated=rfc3339(updated),
        self_url=site.file(PATH), timeline_url=site.permalink(links.TIMELINE),
        entries=entries(data, site, edition),
    ).encode("utf-8")
