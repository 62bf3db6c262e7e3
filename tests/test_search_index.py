"""The site's search index as MkDocs builds it: what a reader's query can find."""

from __future__ import annotations

import json
from pathlib import Path


def test_each_glossary_term_is_a_search_result_of_its_own(built_site: Path, dataset) -> None:
    """Search finds a term as its own entry, titled by the term, not as one block of the whole glossary."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"]: doc for doc in index["docs"]}
    for term in dataset.terms.values():
        entry = entries.get(f"glossary/#{term.term.lower()}")
        assert entry is not None, f"no search entry for {term.term}"
        assert entry["title"].startswith(term.term) and term.explanation[:20] in entry["text"]
