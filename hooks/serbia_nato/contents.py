"""A page's contents list (its table of contents), without the headings the page keeps out of it."""

from __future__ import annotations

from collections.abc import Set
from typing import Protocol, Self, TypeVar


class Heading(Protocol):
    """One entry of a contents list, as MkDocs gives it (`mkdocs.structure.toc.AnchorLink`)."""

    @property
    def id(self) -> str: ...

    @property
    def children(self) -> list[Self]: ...


H = TypeVar("H", bound=Heading)


def trim_contents(entries: list[H], unlisted: Set[str]) -> None:
    """Take out, in place, every entry whose heading id is in `unlisted`, with the entries under it."""
    if not unlisted:
        return
    entries[:] = [entry for entry in entries if entry.id not in unlisted]
    for entry in entries:
        trim_contents(entry.children, unlisted)
