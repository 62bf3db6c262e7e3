"""Check the sources' external addresses (data/sources.yml) and report the broken ones as Markdown.

Usage: .venv/bin/python scripts/check_external_links.py data

It uses the network, so only the weekly workflow (.github/workflows/external-links.yml) runs it
against the real addresses; the tests run it against a server on 127.0.0.1. Exits 1 when any
address is broken, after printing the report; the workflow only reports it.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from serbia_nato.load import load_dataset

TIMEOUT_SECONDS = 30
USER_AGENT = "serbia-nato-site link check (weekly; one request per source)"


@dataclass(frozen=True)
class Result:
    source: str
    url: str
    problem: str | None


def fetch_status(url: str, method: str) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def check_url(source: str, url: str) -> Result:
    """HEAD first; servers that refuse HEAD get a GET. Redirects are followed."""
    try:
        status = fetch_status(url, "HEAD")
        if status >= 400:
            status = fetch_status(url, "GET")
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        return Result(source, url, f"no answer: {reason}")
    return Result(source, url, None if status < 400 else f"HTTP {status}")


def source_urls(data_folder: Path) -> list[tuple[str, str]]:
    dataset = load_dataset(data_folder)
    return [(source.id, str(source.url)) for source in dataset.sources.values() if source.url]


def report(results: list[Result]) -> str:
    broken = [result for result in results if result.problem]
    lines = ["## External links", "", f"{len(results)} source addresses checked, {len(broken)} broken."]
    if broken:
        lines += ["", "| Source | Address | Problem |", "|---|---|---|"]
        lines += [f"| `{r.source}` | <{r.url}> | {r.problem} |" for r in broken]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    urls = source_urls(Path(argv[1]))
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda pair: check_url(*pair), urls))
    print(report(results))
    return 1 if any(result.problem for result in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
