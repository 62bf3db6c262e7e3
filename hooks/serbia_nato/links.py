"""Where each page lives, and relative links between pages (Markdown sources and built URLs)."""

from __future__ import annotations

import posixpath
from functools import lru_cache

TIMELINE = "timeline.md"
SOURCES = "sources.md"
GLOSSARY = "glossary.md"
TRUST_FUNDS = "trust-funds.md"
PROGRAMMES = "programmes/index.md"
DOWNLOADS = "downloads.md"
# Raw HTML links and download permalinks are written for MkDocs' directory URLs (`a/b.md` -> `a/b/`).
DIRECTORY_URLS_ONLY = ("`use_directory_urls: false` in mkdocs.yml is not supported: the timeline, chart and "
                       "downloads link to pages as `page/`; allowed: `use_directory_urls: true` (the default)")


def programme_page(programme_id: str) -> str:
    return f"programmes/{programme_id}.md"


def source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


def year_anchor(year: int) -> str:
    return f"year-{year}"


def md_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link target from one source file to another, which MkDocs checks and rewrites."""
    target = "" if to_src == from_src else _relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{target}#{anchor}" if anchor else target


@lru_cache(maxsize=4096)
def _relpath(path: str, start: str) -> str:
    """posixpath.relpath, remembered: pages link to the same few pages thousands of times."""
    return posixpath.relpath(path, start)


@lru_cache(maxsize=4096)
def page_url(src: str) -> str:
    """The URL of a page built from `src`, with MkDocs' directory URLs (`a/b.md` -> `a/b/`)."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return f"{stem}/"


def html_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A link for raw HTML, which MkDocs leaves alone: relative to the built page's URL."""
    fragment = f"#{anchor}" if anchor else ""
    if to_src == from_src:
        return fragment or "./"
    here = page_url(from_src) or "."
    if to_src.endswith(".md"):
        target = _relpath(page_url(to_src) or ".", here)
        target = "./" if target == "." else f"{target}/"
    else:  # a plain file such as downloads/milestones.json
        target = _relpath(to_src, here)
    return target + fragment


def decade_name(year: int) -> str:
    return f"{year // 10 * 10}s"


def decade_page(year: int) -> str:
    """The generated page that holds every event of the decade of `year`."""
    return f"timeline/{decade_name(year)}.md"


def is_decade_page(src: str) -> bool:
    return src.startswith("timeline/") and src.endswith("0s.md")


def year_fragment(year: int) -> str:
    """The generated HTML fragment with one year's events, which timeline.js loads on demand."""
    return f"timeline/years/{year}.html"
