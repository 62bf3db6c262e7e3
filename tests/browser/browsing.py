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
    """Every page of the English edition, and of each Serbian edition every page but all programme pages
    after the first: those share one template and one kind of data with the English pages checked."""
    pages, seen_programme = [], set()
    for path in site_pages(site):
        parts = path.strip("/").split("/")
        if parts[0].startswith("sr-") and len(parts) == 3 and parts[1] == "programmes":
            if parts[0] in seen_programme:
                continue
            seen_programme.add(parts[0])
        pages.append(path)
    return pages
