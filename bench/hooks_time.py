"""In-process timings of the data layer: loading data/ and everything the MkDocs hooks do in a build.

`run_hooks` repeats the hooks' work outside MkDocs: `Build.start` (load, validate, render every
page in docs/), the navigation, `generated_files`, and `page_markdown` for every page MkDocs
would hand to the hooks, the generated ones included. Its result also feeds the baseline site.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from serbia_nato.build import Build
from serbia_nato.cite import Site
from serbia_nato.editions import is_translation
from serbia_nato.load import load_dataset


@dataclass
class HooksOutput:
    """What the hooks produced: each page's final Markdown, the generated files and the nav."""

    rendered: dict[str, str | bytes]
    nav: list | None


def time_load(data_dir: Path) -> float:
    started = time.perf_counter()
    load_dataset(data_dir)
    return time.perf_counter() - started


def read_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page in docs/ that MkDocs hands to the hooks (read before timing starts): not the
    Serbian translations (`*.sr.md`), which the hooks take out of MkDocs' files and read themselves."""
    pages = {path.relative_to(docs_dir).as_posix(): path for path in sorted(docs_dir.rglob("*.md"))}
    return {src: path.read_text(encoding="utf-8") for src, path in pages.items() if not is_translation(src)}


def run_hooks(project: Path, pages: dict[str, str], nav: list | None, site_url: str) -> tuple[float, HooksOutput]:
    """Do what the hooks do in one build; return the seconds it took and what it produced."""
    started = time.perf_counter()
    build = Build.start(project, project / "docs", site=Site("Serbia and NATO", site_url))
    expanded_nav = build.expand_nav(nav)
    generated = build.generated_files()
    rendered: dict[str, str | bytes] = {src: build.page_markdown(src, markdown) for src, markdown in pages.items()}
    for path, content in generated.items():
        rendered[path] = build.page_markdown(path, content) if path.endswith(".md") else content
    return time.perf_counter() - started, HooksOutput(rendered, expanded_nav)
