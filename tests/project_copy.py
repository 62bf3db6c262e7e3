"""The one helper that copies the project and builds it with real MkDocs, for tests and the benchmark.

A plain module rather than conftest.py, which cannot be imported by name: tests/browser/ has its own.
The benchmark imports it as `tests.project_copy`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_INPUTS = ("mkdocs.yml", "docs", "hooks", "data", "overrides")
SOURCE_DATE_EPOCH = "1700000000"
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def copy_project(destination: Path, root: Path = ROOT, data: Path | None = None) -> Path:
    """Everything a build reads, copied from `root` into `destination`; `data`, if given, becomes its data/."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in BUILD_INPUTS:
        source = data if name == "data" and data is not None else root / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=_IGNORE)
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def build_environment(project: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """This environment, dated as `make` dates a build, with the project's own hooks first on the path.

    SITE_URL is removed, so every build has the same site_url whatever the shell exports.
    """
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
                   "PYTHONPATH": str(project / "hooks"), **(extra or {})}
    environment.pop("SITE_URL", None)
    return environment


def build_site(project: Path, site_dir: Path, env: dict[str, str] | None = None, quiet: bool = False,
               timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder into site_dir, in a fresh process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
               "--site-dir", str(site_dir), *(["--quiet"] if quiet else [])]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=build_environment(project, env),
                          timeout=timeout, check=False)
