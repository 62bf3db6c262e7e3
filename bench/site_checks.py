"""The built real site as readers and editors meet it: layout shift per page, Lighthouse per page, live preview."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from .gzip_server import serve_gzip

# Lighthouse takes tens of seconds a page; by default it runs on one page of each kind.
MAIN_PAGES = ["/", "/timeline/", "/timeline/2000s/", "/programmes/", "/programmes/pfp/", "/trust-funds/",
              "/topics/kosovo-and-kfor/", "/sources/", "/glossary/", "/downloads/", "/about/"]


@dataclass
class SiteChecks:
    """What was measured on the real site; empty where it was not."""

    layout_shift: dict[str, dict[str, float]] = field(default_factory=dict)  # width -> path -> CLS
    lighthouse: list = field(default_factory=list)  # bench.lighthouse.PageScores
    preview_seconds: float | None = None
    preview_runs: int = 0


def site_paths(site: Path) -> list[str]:
    """Every page of the built site, as a path from its root."""
    paths = {index.parent.relative_to(site).as_posix() for index in site.rglob("index.html")}
    return sorted("/" if path == "." else f"/{path}/" for path in paths)


def run(args: argparse.Namespace, site: Path, work: Path, say) -> SiteChecks:
    from playwright.sync_api import sync_playwright

    from . import layout_shift, lighthouse, preview
    from .browser import CHROMIUM, CHROMIUM_ARGS

    found = SiteChecks()
    paths = site_paths(site)
    with serve_gzip(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            say(f"[site] layout shift of {len(paths)} pages at two widths")
            found.layout_shift = layout_shift.measure(browser, base, paths)
            if not args.no_preview:
                found.preview_runs = args.runs or 5
                say(f"[site] live preview x{found.preview_runs}")
                found.preview_seconds = preview.measure(browser, args.project, work, found.preview_runs)
        finally:
            browser.close()
        if not args.no_lighthouse:
            chosen = paths if args.lighthouse_pages == "all" else [p for p in MAIN_PAGES if p in paths]
            say(f"[site] Lighthouse on {len(chosen)} pages")
            found.lighthouse = lighthouse.run(base, chosen, CHROMIUM)
    return found
