"""Lighthouse scores per page (mobile, Lighthouse's defaults), on the built site served with gzip.

`make bench` installs the pinned Lighthouse with npm into .bench/lighthouse/ (git-ignored) on first
use; it runs offline against 127.0.0.1 with Debian's Chromium (CHROME_PATH).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

VERSION = "12.8.2"  # the newest Lighthouse that runs on Node 20 (13.x needs Node 22.19)
FOLDER = Path(__file__).resolve().parent.parent / ".bench" / "lighthouse"
SCRIPT = Path(__file__).with_name("lighthouse.mjs")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass
class PageScores:
    path: str
    scores: dict[str, float | None]
    failed: list[str] = field(default_factory=list)
    cls: float | None = None
    error: str | None = None


def install() -> Path:
    """The pinned Lighthouse in .bench/lighthouse/, installed with npm if it is not there yet."""
    marker = FOLDER / "node_modules" / "lighthouse" / "package.json"
    if not marker.is_file() or json.loads(marker.read_text(encoding="utf-8"))["version"] != VERSION:
        if shutil.which("npm") is None:
            raise RuntimeError("npm is missing: install Node.js 18 or later (Debian: apt-get install nodejs npm)")
        FOLDER.mkdir(parents=True, exist_ok=True)
        (FOLDER / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", f"lighthouse@{VERSION}"],
                       cwd=FOLDER, check=True)
    shutil.copy2(SCRIPT, FOLDER / SCRIPT.name)  # beside node_modules, so that its imports resolve
    return FOLDER / SCRIPT.name


def run(base_url: str, paths: list[str], chromium: str) -> list[PageScores]:
    """Lighthouse on each path of the site at base_url, in one Chromium."""
    script = install()
    urls = [base_url.rstrip("/") + path for path in paths]
    result = subprocess.run(["node", str(script), *urls], cwd=FOLDER, capture_output=True, text=True, check=False,
                            env={**os.environ, "CHROME_PATH": chromium}, timeout=600 + 300 * len(urls))
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed:\n{result.stderr[-3000:]}")
    found = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return [PageScores(path, item["scores"], item["failed"], item["cls"], item["error"])
            for path, item in zip(paths, found, strict=True)]
