"""Write the GitHub issue form "Propose an event" from the schema and data/, so its fields match them.

    python -m serbia_nato.issue_form [DATA_DIR]

rewrites .github/ISSUE_TEMPLATE/propose-an-event.yml; a test fails when the committed form and the
schema or the themes and programmes in data/ drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, get_args

import yaml

from . import models
from .load import load_dataset

FORM_PATH = Path(".github") / "ISSUE_TEMPLATE" / "propose-an-event.yml"
_NOTICE = "# Made by `python -m serbia_nato.issue_form` from the schema and data/; do not edit by hand.\n"


def _option(name: str, record_id: str) -> str:
    """A dropdown choice that a reader understands and an editor maps back to its id."""
    return f"{name} ({record_id})"


def form(themes: dict[str, models.Theme], programmes: dict[str, models.Programme]) -> dict[str, Any]:
    """The issue form as a mapping, in the order a reader fills it in."""
    kinds = ", ".join(models.SOURCE_KIND_WORDS.values())
    return {
        "name": "Propose an event",
        "description": "Suggest an event for the timeline, with the public source that reports it.",
        "title": "Event: ",
        "labels": ["proposed event"],
        "body": [
            {"type": "markdown", "attributes": {"value": (
                "Thank you for helping to keep the record complete. Every event on the site cites a "
                "public source, so please give its address. Write the title and summary in your own "
                "words: facts and figures carry over from a source, its sentences do not.")}},
            {"type": "input", "id": "date", "attributes": {
                "label": "Date",
                "description": "YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source is, and no more.",
                "placeholder": "2006-12-14"}, "validations": {"required": True}},
            {"type": "input", "id": "title", "attributes": {
                "label": "Title", "description": "One line in your own words, at most 300 characters."},
             "validations": {"required": True}},
            {"type": "textarea", "id": "summary", "attributes": {
                "label": "Summary",
                "description": ("What happened, in two to four sentences of your own (at most 4,000 "
                                "characters). Give each view as its holder's: \"NATO says…\", "
                                "\"Serbia's government says…\".")},
             "validations": {"required": True}},
            {"type": "dropdown", "id": "themes", "attributes": {
                "label": "Themes", "description": "At least one.", "multiple": True,
                "options": [_option(t.name, t.id) for t in themes.values()]},
             "validations": {"required": True}},
            {"type": "dropdown", "id": "programmes", "attributes": {
                "label": "Programmes", "description": "Any programmes the event belongs to; none is fine.",
                "multiple": True,
                "options": [_option(p.name, p.id) for p in sorted(programmes.values(), key=lambda p: p.name)]},
             "validations": {"required": False}},
            {"type": "input", "id": "source-url", "attributes": {
                "label": "Source address",
                "description": "The http:// or https:// address of the page or document that reports the event."},
             "validations": {"required": True}},
            {"type": "input", "id": "source-publisher", "attributes": {
                "label": "Source publisher",
                "description": "Who published it, e.g. NATO, Ministry of Defence, Reuters."},
             "validations": {"required": True}},
            {"type": "dropdown", "id": "source-kind", "attributes": {
                "label": "Who speaks in the source", "description": f"One of: {kinds}.",
                "options": list(models.SOURCE_KIND_WORDS.values())},
             "validations": {"required": False}},
            {"type": "dropdown", "id": "source-language", "attributes": {
                "label": "Language of the source",
                "options": [models.LANGUAGE_NAMES[code] for code in get_args(models.Language)]},
             "validations": {"required": False}},
            {"type": "checkboxes", "id": "own-words", "attributes": {
                "label": "Own words",
                "options": [{"label": "The title and summary are in my own words; any quotation is short, "
                                      "in quotation marks and attributed.", "required": True}]}},
        ],
    }


def as_text(mapping: dict[str, Any]) -> str:
    return _NOTICE + yaml.safe_dump(mapping, sort_keys=False, allow_unicode=True, width=100)


def main(argv: list[str]) -> int:
    project = Path(__file__).resolve().parents[2]
    data = load_dataset(Path(argv[0]) if argv else project / "data")
    path = project / FORM_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(as_text(form(data.themes, data.programmes)), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
