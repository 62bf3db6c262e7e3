"""Check every internal link and #anchor of the built site, in all its editions, with LinkChecker, offline.

Usage: .venv/bin/python scripts/check_links.py site

Serves the folder on 127.0.0.1 (a free port), runs LinkChecker with scripts/linkcheckerrc from each
edition's home page with unlimited recursion, and exits 1 with a list of broken links and anchors, or
prints a one-line summary. Nothing but the local server is fetched.

LinkChecker's AnchorCheck parses a page again for every #anchor that links into it, which takes over ten
minutes for the English edition alone. It checks the English edition; in the Serbian editions, whose
pages have the same links and anchors in other words, LinkChecker checks every link without it, and this
script checks each #anchor against the ids of its page, read once.

LinkChecker reads no Atom, so the links in the site's feeds (*.atom) are checked here, against the
built files and their ids: each must lead to a page of the site and, if it has one, to its #anchor.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CONFIG = Path(__file__).with_name("linkcheckerrc")
ATOM_LINK = "{http://www.w3.org/2005/Atom}link"


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site quietly and sends the `LinkChecker` header that lifts LinkChecker's
    10-requests-per-second limit for this host (see maxrequestspersecond in linkcheckerrc(5))."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    """A threaded server that stays quiet when LinkChecker hangs up before a reply is finished."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Row:
    """One URL as LinkChecker logged it."""

    url: str
    name: str
    parent: str
    result: str
    warnings: str
    valid: bool
    line: str

    @property
    def is_page(self) -> bool:
        path = urlsplit(self.url).path
        return path.endswith("/") or path.endswith(".html")


def make_readable(site: Path) -> None:
    """LinkChecker drops root to `nobody`; the served files must be readable by anyone."""
    subprocess.run(["chmod", "-R", "a+rX", str(site)], check=True)


def start_server(site: Path) -> ThreadingHTTPServer:
    handler = functools.partial(_Handler, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


EDITION_FOLDERS = ("sr-cyrl/", "sr-latn/")  # serbia_nato.editions.EDITIONS, beside the English at the root


def run_linkchecker(start_url: str, ignore: str, anchors: bool = True) -> subprocess.CompletedProcess[str]:
    """LinkChecker from `start_url`, skipping addresses that match `ignore`; with AnchorCheck or without."""
    config = CONFIG if anchors else _config_without_anchors()
    command = [sys.executable, "-m", "linkcheck", "--config", str(config), "--no-status", "--ignore-url", ignore,
               start_url]
    # LinkChecker reads ~/.linkchecker/linkcheckerrc too; an empty HOME keeps local settings out.
    env = {**os.environ, "HOME": "/nonexistent"}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=3000)


@cache
def _config_without_anchors() -> Path:
    """scripts/linkcheckerrc without its [AnchorCheck] section, in a temporary file."""
    text = CONFIG.read_text(encoding="utf-8").split("[AnchorCheck]", 1)[0]
    path = Path(tempfile.mkstemp(prefix="linkcheckerrc-", suffix=".ini")[1])
    path.write_text(text, encoding="utf-8")
    return path


def parse_rows(output: str) -> list[Row]:
    reader = csv.reader(io.StringIO(output), delimiter=";")
    header = next(reader, None)
    if header is None or header[0] != "urlname":
        return []
    rows = []
    for cells in reader:
        cells = cells + [""] * (len(header) - len(cells))
        record = dict(zip(header, cells, strict=True))
        rows.append(
            Row(
                url=record["url"] or record["urlname"],
                name=record["urlname"],
                parent=record["parentname"],
                result=record["result"],
                warnings=record["warningstring"],
                valid=record["valid"] == "True",
                line=record["line"],
            )
        )
    return rows


def describe(row: Row, base: str) -> str:
    # The page the link stands on, without the #anchor LinkChecker happened to reach it by first.
    where = row.parent.replace(base, "/").split("#")[0] if row.parent else "(start)"
    if row.line:
        where += f" line {row.line}"
    problem = row.result if not row.valid else row.warnings.replace("\n", "; ")
    problem = problem.split(" Available anchors:")[0]
    return f"  {where}: {row.name}\n      {problem}"


class _Ids(HTMLParser):
    """Every id in an HTML page, and every address its links (<a href>) point to."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.ids.update(value for key, value in attrs if key == "id" and value)
        if tag == "a":
            self.hrefs += [value for key, value in attrs if key == "href" and value]


@cache
def _parsed(page: Path) -> _Ids:
    parser = _Ids()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def page_ids(page: Path) -> frozenset[str]:
    return frozenset(_parsed(page).ids)


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The built file an internal link leads to, and its #anchor; None for other hosts and schemes."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    path = unquote(parts.path)
    target = page if not path else (site / path.lstrip("/") if path.startswith("/") else page.parent / path)
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target.resolve(), parts.fragment


def anchor_problems(site: Path, folder: str) -> tuple[int, list[str]]:
    """Each link in the pages under `folder` whose file or #anchor does not exist; and how many were checked."""
    checked, problems = 0, []
    for page in sorted((site / folder).rglob("*.html")):
        for href in _parsed(page).hrefs:
            found = _target(site, page, href)
            if found is None:
                continue
            target, anchor = found
            checked += 1
            where = f"  /{page.relative_to(site).as_posix()}: {href}"
            if not target.is_file():
                problems.append(f"{where}\n      no such page")
            elif anchor and target.suffix == ".html" and anchor not in page_ids(target):
                problems.append(f"{where}\n      no anchor #{anchor} on /{target.relative_to(site).as_posix()}")
    return checked, problems


def _feed_link_problem(site: Path, base: str, href: str) -> str | None:
    """What is wrong with one link of a feed published at `base`, or None."""
    if not href.startswith(base):
        return f"{href}: not an address on this site ({base})"
    found = _target(site, site / "index.html", href[len(base):])  # relative to the site's root
    if found is None:
        return f"{href}: not an address on this site ({base})"
    target, anchor = found
    if not target.is_file():
        return f"{href}: no file {target.relative_to(site)} in the built site"
    if anchor and anchor not in page_ids(target):
        return f"{href}: no anchor #{anchor} on {target.relative_to(site)}"
    return None


def feed_problems(site: Path) -> tuple[int, list[str]]:
    """How many feed links were checked, and each that does not lead to a built page and anchor.

    A feed's own rel="self" link tells where it is published, and so the site's base address."""
    checked, problems = 0, []
    for feed in sorted(site.rglob("*.atom")):
        name = feed.relative_to(site).as_posix()
        elements = ElementTree.parse(feed).iter(ATOM_LINK)
        links = [(link.get("rel", "alternate"), link.get("href", "")) for link in elements]
        own = next((href for rel, href in links if rel == "self"), "")
        if not own.endswith(name):
            problems.append(f"  /{name}: its rel=\"self\" link {own!r} does not end with {name}")
            continue
        for _rel, href in links:
            checked += 1
            problem = _feed_link_problem(site, own[: -len(name)], href)
            if problem:
                problems.append(f"  /{name}: {problem}")
    return checked, problems


def check(site: Path) -> int:
    if not (site / "index.html").is_file():
        print(f"{site}/index.html not found: build the site first (make build).", file=sys.stderr)
        return 2
    make_readable(site)
    server = start_server(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    folders = [folder for folder in EDITION_FOLDERS if (site / folder / "index.html").is_file()]
    runs = []
    try:
        others = "|".join(re.escape(base + folder) for folder in folders) or "^$"
        runs.append((base, run_linkchecker(base, f"^(?:{others})")))
        for folder in folders:
            runs.append((base + folder, run_linkchecker(base + folder, f"^(?!{re.escape(base + folder)})",
                                                        anchors=False)))
    finally:
        server.shutdown()
    rows: list[Row] = []
    for start, finished in runs:
        found = parse_rows(finished.stdout)
        if not found or finished.returncode == 2:
            print(f"LinkChecker did not run properly from {start}:", file=sys.stderr)
            print(finished.stdout[-3000:], finished.stderr[-3000:], sep="\n", file=sys.stderr)
            return 2
        rows += found
    broken = [row for row in rows if not row.valid or row.warnings]
    anchors = [anchor_problems(site, folder) for folder in folders]
    anchor_links, anchor_broken = sum(n for n, _ in anchors), [p for _, found in anchors for p in found]
    feed_links, feed_broken = feed_problems(site)
    if broken or feed_broken or anchor_broken or any(finished.returncode != 0 for _, finished in runs):
        count = len(broken) + len(feed_broken) + len(anchor_broken)
        print(f"{count} broken link(s) or anchor(s) in {site}:", file=sys.stderr)
        for row in broken:
            print(describe(row, base), file=sys.stderr)
        print(*feed_broken, *anchor_broken, sep="\n", file=sys.stderr)
        return 1
    pages = {urlsplit(row.url).path for row in rows if row.is_page and row.url.startswith(base)}
    print(f"Links OK: {len(pages)} pages in {1 + len(folders)} editions checked, {len(rows)} links checked by "
          f"LinkChecker (with anchors in English), {anchor_links} links and anchors of the Serbian editions "
          f"checked against their pages, {feed_links} feed links checked.")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    return check(Path(argv[1]).resolve())


if __name__ == "__main__":
    sys.exit(main(sys.argv))
