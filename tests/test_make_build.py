"""`make build` as an editor runs it: a failed strict build leaves the last good site/ and no scratch folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from project_copy import ROOT, copy_project


def _project_with_make(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "pyproject.toml"):  # copy2 keeps the times, so make sees the venv as up to date
        shutil.copy2(ROOT / name, project / name)
    return project


def _make_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", "build", f"VENV={ROOT / '.venv'}"], cwd=project,
                          capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.parametrize("breakage", ["data error", "strict warning"])
def test_a_failed_build_keeps_the_old_site_and_leaves_no_scratch_folder(tmp_path: Path, breakage: str) -> None:
    """A data error stops the build before MkDocs writes anything; a warning stops it only after MkDocs has
    written the pages, into the scratch folder that `make build` must then remove."""
    project = _project_with_make(tmp_path)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the last good build", encoding="utf-8")
    if breakage == "data error":
        milestones = project / "data" / "milestones.yml"
        text = milestones.read_text(encoding="utf-8").replace("date: 2006-12-14", "date: 2006-13-14", 1)
        milestones.write_text(text, encoding="utf-8")
    else:
        (project / "docs" / "about.md").write_text("[A link to nowhere](no-such-page.md)\n", encoding="utf-8")
    result = _make_build(project)
    assert result.returncode != 0
    assert ("2006-13-14" if breakage == "data error" else "no-such-page.md") in result.stdout + result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert not (project / ".site-new").exists()


def test_the_scratch_folder_is_ignored_by_git() -> None:
    result = subprocess.run(["git", "check-ignore", "-q", ".site-new/"], cwd=ROOT, check=False)
    assert result.returncode == 0
