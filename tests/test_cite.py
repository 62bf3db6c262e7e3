"""Citations: CSL-JSON of every milestone, validated against CSL's input schema (the part the file uses),
and "Cite this" on every timeline event and every page of a real strict build."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from html import unescape
from pathlib import Path

import jsonschema

from serbia_nato import dates

# From CSL's csl-data.json (github.com/citation-style-language/schema, schemas/input/csl-data.json):
# the item types, the required keys and the keys this site writes. Any other key fails.
_DATE_VARIABLE = {
    "type": "object",
    "properties": {"date-parts": {"type": "array", "minItems": 1, "maxItems": 2, "items": {
        "type": "array", "minItems": 1, "maxItems": 3, "items": {"type": ["string", "number"]}}}},
    "required": ["date-parts"],
    "additionalProperties": False,
}
CSL_TYPES = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
    "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "figure",
    "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
    "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
    "thesis", "treaty", "webpage",
]
CSL_DATA_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": CSL_TYPES},
            "id": {"type": ["string", "number"]},
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "abstract": {"type": "string"},
            "URL": {"type": "string"},
            "issued": _DATE_VARIABLE,
            "event-date": _DATE_VARIABLE,
        },
        "required": ["type", "id", "title", "issued", "URL"],
        "additionalProperties": False,
    },
}
_CITE = re.compile(r'<p class="snt-cite-text" data-cite-text>(.*?)</p>', re.DOTALL)
_ARTICLE = re.compile(r'<article class="tl-event" id="([^"]+)".*?</article>', re.DOTALL)


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_csl_json_is_valid_and_keeps_each_date_at_its_real_precision(built_site: Path, dataset) -> None:
    items = json.loads((built_site / "downloads" / "milestones.csl.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(CSL_DATA_SCHEMA)
    jsonschema.validate(items, CSL_DATA_SCHEMA)
    assert [item["id"] for item in items] == [m.id for m in dataset.chronological()]
    for item in items:
        milestone = dataset.milestones[item["id"]]
        parts = item["issued"]["date-parts"][0]
        assert "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(parts)) == milestone.date
        assert len(parts) == {"year": 1, "month": 2, "day": 3}[dates.precision(milestone.date)]
        assert all(isinstance(n, int) for n in parts)
        assert item["title"] == milestone.title and item["container-title"] == "Serbia and NATO"
        assert item["URL"].endswith(f"/timeline/#{milestone.id}")


def test_every_event_on_the_timeline_offers_its_citation(built_site: Path, dataset) -> None:
    page = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    articles = {m.group(1): m.group(0) for m in _ARTICLE.finditer(page)}
    assert set(articles) == set(dataset.milestones)
    for milestone_id, article in articles.items():
        milestone = dataset.milestones[milestone_id]
        citations = _CITE.findall(article)
        assert len(citations) == 1, milestone_id
        text = _text(citations[0])
        assert text == (f"Serbia and NATO, “{milestone.title}”, {dates.human_date(milestone.date)}, "
                        f"http://127.0.0.1:8000/timeline/#{milestone_id}, accessed [date].")
        assert f'<time datetime="{milestone.date}">' in citations[0]
        assert "<button" not in article  # cite.js adds the Copy button: without JavaScript it could do nothing


# The site's name and "accessed [date]" in each edition, by its folder (any other folder is English).
_EDITION_WORDS = defaultdict(lambda: ("Serbia and NATO", "accessed [date]"), {
    "sr-cyrl": ("Србија и НАТО", "приступљено [датум]"), "sr-latn": ("Srbija i NATO", "pristupljeno [datum]")})


def test_every_page_offers_its_citation_after_its_content(built_site: Path) -> None:
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        meta = html.split('<div class="snt-page-meta">', 1)
        assert len(meta) == 2, page
        citation = _text(_CITE.findall(meta[1])[0])
        url = "http://127.0.0.1:8000/" + page.parent.relative_to(built_site).as_posix() + "/"
        url = url.replace("/./", "/")
        name, accessed = _EDITION_WORDS[url.removeprefix("http://127.0.0.1:8000/").split("/")[0]]
        assert citation.startswith(name), citation
        assert citation.endswith(f"{url}, {accessed}."), citation
    home = _text(_CITE.findall((built_site / "index.html").read_text(encoding="utf-8"))[0])
    assert "“" not in home, "the home page is the site itself: its name is not repeated as a title"
    timeline = (built_site / "timeline" / "index.html").read_text(encoding="utf-8").split('class="snt-page-meta"')[1]
    assert _text(_CITE.findall(timeline)[0]).startswith("Serbia and NATO, “Timeline”")
