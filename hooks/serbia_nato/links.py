"""Where each page lives, and relative links between pages (Markdown sources and built URLs)."""

from __future__ import annotations

import posixpath

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
    target = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    if to_src == from_src:
        target = ""
    return f"{target}#{anchor}" if anchor else target


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
        target = posixpath.relpath(page_url(to_src) or ".", here)
        target = "./" if target == "." else f"{target}/"
    else:  # a plain file such as downloads/milestones.json
        target = posixpath.relpath(to_src, here)
    return target + fragment
