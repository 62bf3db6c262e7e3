"""The "Propose an event" issue form: valid for GitHub (checked offline against check-jsonschema's bundled
schema), made from the schema and data/, and asking for what a milestone and its source need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import get_args

import yaml

from serbia_nato import issue_form, models
from serbia_nato.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / issue_form.FORM_PATH
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def committed_form() -> dict:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


def test_the_form_matches_the_github_issue_forms_schema() -> None:
    command = [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-issue-forms", str(FORM)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_committed_form_is_the_one_the_data_makes() -> None:
    data = load_dataset(ROOT / "data")
    expected = issue_form.as_text(issue_form.form(data.themes, data.programmes))
    assert FORM.read_text(encoding="utf-8") == expected, "run `python -m serbia_nato.issue_form` and commit"


def test_the_form_asks_for_every_required_field_of_a_milestone() -> None:
    ids = {field.get("id") for field in committed_form()["body"]}
    required_by_schema = {name for name, info in models.Milestone.model_fields.items() if info.is_required()}
    # A milestone's id is the editor's to choose, and its sources are the address and publisher asked for.
    assert required_by_schema - {"id", "sources"} <= ids
    assert {"programmes", "source-url", "source-publisher"} <= ids


def test_choices_name_every_theme_and_programme_and_no_other() -> None:
    data = load_dataset(ROOT / "data")
    fields = {field.get("id"): field for field in committed_form()["body"]}
    options = {name: fields[name]["attributes"]["options"] for name in ("themes", "programmes")}
    assert [option.rsplit("(", 1)[1].rstrip(")") for option in options["themes"]] == list(data.themes)
    assert sorted(option.rsplit("(", 1)[1].rstrip(")") for option in options["programmes"]) == sorted(data.programmes)


def test_words_for_source_kinds_and_languages_cover_the_schema_exactly() -> None:
    assert list(models.SOURCE_KIND_WORDS) == list(get_args(models.SourceKind))
    assert list(models.LANGUAGE_NAMES) == list(get_args(models.Language))


def test_the_add_an_event_page_and_contributing_point_to_the_form() -> None:
    name = committed_form()["name"]
    assert "[[ propose-form ]]" in (ROOT / "docs" / "add-an-event.md").read_text(encoding="utf-8")
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"**{name}**" in contributing and str(issue_form.FORM_PATH) in contributing


def test_the_pointer_links_to_the_form_only_when_the_repository_is_known(dataset) -> None:
    from serbia_nato.cite import Site
    from serbia_nato.render import Renderer

    name = committed_form()["name"]
    known = Site("S", "https://example.org/", repository="https://github.com/owner/serbia-nato/")
    linked = Renderer(dataset, "add-an-event.md", site=known).propose_form()
    assert f"[{name}](https://github.com/owner/serbia-nato/issues/new?template={FORM.name})" in linked
    unknown = Renderer(dataset, "add-an-event.md", site=Site("S", "https://example.org/")).propose_form()
    assert "](" not in unknown and "**Issues**" in unknown and f"**{name}**" in unknown


def test_a_built_site_links_to_the_form_when_the_publish_workflow_names_the_repository(tmp_path: Path) -> None:
    from project_copy import build_site, copy_project

    project = copy_project(tmp_path / "project")
    result = build_site(project, tmp_path / "site", env={"REPO_URL": "https://github.com/owner/serbia-nato"})
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "add-an-event" / "index.html").read_text(encoding="utf-8")
    assert f'href="https://github.com/owner/serbia-nato/issues/new?template={FORM.name}"' in page
