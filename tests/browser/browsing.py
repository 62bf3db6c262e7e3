"""Shared by the browser tests and their fixtures: where the built site is, its pages, and how to
launch Chromium. SNT_SITE_DIR points the tests at another built copy of the site."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("SNT_SITE_DIR", ROOT / "site")).resolve()
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    # Only the local server can be reached: any other host name fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def site_pages(site: Path = SITE) -> list[str]:
    """Every page of the built site as a path from its root: "/", "/timeline/", …, "/404.html"."""
    paths = ["/" + str(index.parent.relative_to(site)) + "/" for index in site.rglob("index.html")]
    pages = sorted(path.replace("/./", "/") for path in paths)
    if (site / "404.html").is_file():
        pages.append("/404.html")
    return pages


def pages_to_check(site: Path = SITE) -> list[str]:
    """Every page of the English edition, and of each Serbian edition one page of each kind: the pages of a
    kind (programmes, topics, decades) share their template with each other and with the English pages
    checked, and the maintainers' corner is the English text again."""
    pages, kinds_seen = [], set()
    for path in site_pages(site):
        parts = path.strip("/").split("/")
        if parts[0].startswith("sr-") and len(parts) >= 2:
            if parts[1] in ("maintainers", "benchmarks", "decisions"):
                continue
            kind = (parts[0], parts[1], len(parts))  # e.g. ("sr-cyrl", "programmes", 3): a programme page
            if len(parts) == 3 and kind in kinds_seen:
                continue
            kinds_seen.add(kind)
        pages.append(path)
    return pages
