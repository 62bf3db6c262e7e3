"""The site's three editions (English, Serbian in Cyrillic, Serbian in Latin): their words, dates and numbers.

Every text of data/ holds English and Serbian (models.Words); Serbian is written in Cyrillic and the
Latin edition is made from it (script.py). The words of the site itself (headings, labels, the
navigation) are written in English in the templates and code as `_("…")`, and ui.sr.yml gives each
its Serbian, in Cyrillic. An edition's pages live under its folder: "" for English, "sr-cyrl/" and
"sr-latn/" for the Serbian ones, each with the same paths below it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

from . import dates
from .dataset import Dataset
from .models import COLLECTIONS, Words
from .script import to_latin

CATALOGUE = Path(__file__).parent / "ui.sr.yml"

_MONTHS = ["јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар", "октобар", "новембар",
           "децембар"]
_MONTHS_OF = ["јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа", "септембра", "октобра",
              "новембра", "децембра"]


class MissingWords(Exception):
    """Words of the site that have no Serbian in ui.sr.yml."""


@cache
def serbian_words() -> dict[str, str]:
    """ui.sr.yml: each English phrase of the site's own words and its Serbian, in Cyrillic."""
    try:
        catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise MissingWords(f"{CATALOGUE.name}: cannot be read ({error}); allowed: a YAML file of "
                           "`English: Српски` lines beside editions.py") from None
    if not isinstance(catalogue, dict) or not all(isinstance(v, str) for v in catalogue.values()):
        raise MissingWords(f"{CATALOGUE.name}: must map each English phrase to its Serbian; "
                           "allowed: `English: Српски` lines")
    return catalogue


@dataclass(frozen=True)
class Edition:
    code: str  # the BCP 47 tag of its language and script, as <html lang> and hreflang give it
    name: str  # as the edition switcher shows it, in the edition's own language and script
    folder: str  # where its pages live, relative to the site's root: "" or "sr-cyrl/"
    script: Callable[[str], str] = field(default=str, compare=False)  # makes its script from the written text

    @property
    def serbian(self) -> bool:
        return self.code != "en"

    def text(self, words: Words) -> str:
        """A text of data/ in this edition."""
        return self.script(words.sr) if self.serbian else words.en

    def ui(self, english: str, **fields: object) -> str:
        """One of the site's own phrases in this edition; `{name}` places in it are filled from `fields`."""
        if self.serbian:
            serbian = serbian_words().get(english)
            if serbian is None:
                raise MissingWords(f"{CATALOGUE.name}: '{english}' has no Serbian; allowed: add "
                                   f"`{english}: …` with its Serbian in Cyrillic")
            english = self.script(serbian)
        return english.format(**fields) if fields else english

    def number(self, value: int) -> str:
        """1,400,000 in English; 1.400.000 in Serbian."""
        grouped = f"{value:,}"
        return grouped.replace(",", ".") if self.serbian else grouped

    def date(self, text: str) -> str:
        """A date standing alone, at its precision: `14 December 2006`; `14. децембар 2006`."""
        return self._date(text, _MONTHS)

    def date_in_sentence(self, text: str) -> str:
        """A date inside a sentence: English as alone; Serbian months in the genitive and the year as an
        ordinal, `14. децембра 2006.`, so that `године` may follow."""
        return self._date(text, _MONTHS_OF) + ("." if self.serbian else "")

    def _date(self, text: str, months: list[str]) -> str:
        if not self.serbian:
            return dates.human_date(text)
        parts = dates.parse_partial_date(text)
        if parts.month is None:
            return str(parts.year)
        month = self.script(months[parts.month - 1])
        return f"{parts.day}. {month} {parts.year}" if parts.day else f"{month} {parts.year}"

    def join(self, items: Iterable[str]) -> str:
        """A list in words: `A, B and C`; `A, B и C`."""
        items = list(items)
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.ui('and')} {items[-1]}"

    def page_url(self, url: str) -> str:
        """A page's address relative to the site root (MkDocs' page.url) in this edition."""
        return f"{self.folder}{url}"


ENGLISH = Edition("en", "English", "")
EDITIONS: dict[str, Edition] = {
    edition.code: edition
    for edition in (
        ENGLISH,
        Edition("sr-Cyrl", "Српски (ћирилица)", "sr-cyrl/"),
        Edition("sr-Latn", "Srpski (latinica)", "sr-latn/", script=to_latin),
    )
}

# Pages for the site's maintainers, written in English only; the Serbian editions show them as they are.
ENGLISH_ONLY_PAGES = ("maintainers.md", "benchmarks.md", "decisions/*.md")
TRANSLATION_SUFFIX = ".sr.md"  # docs/about.sr.md is the Serbian of docs/about.md, in Cyrillic


def is_translation(src: str) -> bool:
    return src.endswith(TRANSLATION_SUFFIX)


def translation_of(src: str) -> str:
    """Where the Serbian of a page of docs/ is: `topics/kosovo.md` -> `topics/kosovo.sr.md`."""
    return src.removesuffix(".md") + TRANSLATION_SUFFIX


def is_english_only(src: str) -> bool:
    return any(fnmatch(src, pattern) for pattern in ENGLISH_ONLY_PAGES)


@dataclass(frozen=True)
class EditionLink:
    """The same page in one edition, for the switcher and the hreflang links."""

    edition: Edition
    href: str  # relative to the page the link is on
    url: str  # absolute, on the published site
    current: bool


def edition_links(current: Edition, page_url: str, site_url: str) -> list[EditionLink]:
    """Each edition's copy of the page at `page_url` (MkDocs' page.url, within `current`'s site)."""
    root = site_url.removesuffix(current.folder)
    here = posixpath.dirname(f"/{current.page_url(page_url)}".rstrip("/") + "/x")
    links = []
    for edition in EDITIONS.values():
        target = f"/{edition.page_url(page_url)}"
        relative = posixpath.relpath(target, here) if target != here + "/" else "."
        href = relative + ("/" if target.endswith("/") and relative != "." else "") if relative != "." else "./"
        links.append(EditionLink(edition, href, f"{root}{edition.page_url(page_url)}", edition == current))
    return links


def translated_nav(nav: list[Any], edition: Edition) -> list[Any]:
    """mkdocs.yml's navigation with its titles in the edition's words; the pages stay the same."""
    def item(entry: Any) -> Any:
        if isinstance(entry, dict):
            return {edition.ui(title): item(value) for title, value in entry.items()}
        if isinstance(entry, list):
            return [item(child) for child in entry]
        return entry
    return [item(entry) for entry in nav]


_Model = TypeVar("_Model", bound=BaseModel)


def localized(data: Dataset, edition: Edition) -> Dataset:
    """The dataset with every text shown in the edition's language and script (English: as it is)."""
    if not edition.serbian:
        return data
    index = {name: {key: _localized(record, edition) for key, record in data.records(name).items()}
             for name in COLLECTIONS}
    return Dataset.from_index(index, data.warnings)


def _localized(value: _Model, edition: Edition) -> _Model:
    updates = {name: _shown(getattr(value, name), edition) for name in type(value).model_fields}
    changed = {name: new for name, new in updates.items() if new is not getattr(value, name)}
    return value.model_copy(update=changed) if changed else value


def _shown(value: object, edition: Edition) -> object:
    if isinstance(value, Words):
        return value.shown_as(edition.text(value))
    if isinstance(value, BaseModel):
        return _localized(value, edition)
    if isinstance(value, list) and any(isinstance(item, (Words, BaseModel)) for item in value):
        return [_shown(item, edition) for item in value]
    return value
