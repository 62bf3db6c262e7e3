"""The GitHub workflows are valid against the published workflow schema (check-jsonschema's
bundled copy, so no network), and publish the way the project expects."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def test_there_are_workflows() -> None:
    assert {path.name for path in WORKFLOWS} >= {"publish.yml", "external-links.yml"}


def test_workflows_match_the_github_workflow_schema() -> None:
    command = [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_publish_builds_checks_links_and_deploys_with_the_pages_address() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = _steps(workflow)
    runs = [step.get("run", "") for step in steps]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert runs.index("make build") < runs.index("make test-links")
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    build = next(step for step in steps if step.get("run") == "make build")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"


def test_external_link_check_never_blocks_anything() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "external-links.yml").read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # PyYAML reads `on:` as True
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert all(job.get("continue-on-error") is True for job in workflow["jobs"].values())


def test_publish_builds_with_the_whole_history_and_names_the_repository() -> None:
    """Each page's last change comes from git history; the Add an event page links to the repository's form."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = _steps(workflow)
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    build = next(step for step in steps if step.get("run") == "make build")
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
