"""Search in every edition: the plain letters and the synonyms that the browser's search worker uses.

Material's search worker is wrapped by docs/assets/javascripts/workers/search-folding.js, which loads the
script made here before it indexes or searches anything.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import yaml

from .script import plain_letters, search_letters

SYNONYMS = Path(__file__).parent / "search_words.yml"
WORDS_SCRIPT = "assets/javascripts/workers/search-words.js"
_WORD = re.compile(r"^[a-z]+$")


class BadSynonyms(Exception):
    """search_words.yml is not a list of groups of single words."""


@cache
def synonyms() -> dict[str, list[str]]:
    """Each word of search_words.yml (in plain letters) and the other words of its group."""
    groups = yaml.safe_load(SYNONYMS.read_text(encoding="utf-8"))
    if not isinstance(groups, list) or not all(isinstance(g, list) and len(g) > 1 for g in groups):
        raise BadSynonyms(f"{SYNONYMS.name}: must be a list of groups; allowed: `- [word, word, …]` lines")
    found: dict[str, list[str]] = {}
    for group in groups:
        words = [plain_letters(str(word)) for word in group]
        bad = [word for word in words if not _WORD.match(word)]
        if bad:
            raise BadSynonyms(f"{SYNONYMS.name}: {bad[0]!r} is not a single word; allowed: letters only")
        for word in words:
            found[word] = [other for other in words if other != word]
    return found


def words_script() -> str:
    """The search worker's letters and synonyms, as a script it loads with importScripts."""
    letters = json.dumps(search_letters(), ensure_ascii=False, sort_keys=True)
    groups = json.dumps(synonyms(), ensure_ascii=False, sort_keys=True)
    return (f"// Made by serbia_nato/search.py: plain letters and synonyms for search-folding.js.\n"
            f"self.searchLetters = {letters};\nself.searchSynonyms = {groups};\n")
