"""The site's navigation as a reader meets it: labels that say what they lead to, and no maintainers' pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from serbia_nato.dataset import Dataset

ROOT = Path(__file__).resolve().parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` and `!!python/name` tags matter to MkDocs, not to these checks."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _entries(nav: list) -> Iterator[tuple[str, str | list]]:
    """(title, page or section) for every entry of the navigation, at every depth."""
    for entry in nav:
        if isinstance(entry, dict):
            for title, target in entry.items():
                yield title, target
                if isinstance(target, list):
                    yield from _entries(target)


def test_no_theme_is_named_like_a_page_that_is_not_its_own(dataset: Dataset) -> None:
    """A timeline filter labelled with another page's title (once "Trust Fund projects") reads as that page.

    A theme may share its name with its own topic page, the one that lists its events.
    """
    pages = {title.lower(): target for title, target in _entries(_config()["nav"]) if isinstance(target, str)}
    clashes = [theme.id for theme in dataset.themes.values() if theme.name.lower() in pages
               and f"theme={theme.id}" not in (ROOT / "docs" / pages[theme.name.lower()]).read_text(encoding="utf-8")]
    assert not clashes


def test_maintainers_pages_are_not_in_the_readers_navigation() -> None:
    pages = {target for _, target in _entries(_config()["nav"]) if isinstance(target, str)}
    assert "benchmarks.md" not in pages
    assert not [page for page in pages if page.startswith("decisions/")]
    assert "maintainers.md" in pages


def test_the_maintainers_corner_links_to_every_page_kept_out_of_the_navigation() -> None:
    corner = (ROOT / "docs" / "maintainers.md").read_text(encoding="utf-8")
    kept_out = ["benchmarks.md", *sorted(p.relative_to(ROOT / "docs").as_posix()
                                         for p in (ROOT / "docs" / "decisions").glob("*.md"))]
    assert [page for page in kept_out if f"({page})" not in corner] == []
