"""Copies of the project to break and build with real MkDocs, for the bad-data and injection tests.

A plain module rather than conftest.py, which cannot be imported by name: tests/browser/ has its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")
BUILD_INPUTS = ("mkdocs.yml", "docs", "hooks", "data", "overrides")


def copy_project(destination: Path) -> Path:
    """Everything a build reads, copied into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in BUILD_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into site_dir, dated as `make` dates it."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    environment.pop("SITE_URL", None)
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        capture_output=True, text=True, env=environment, timeout=300, check=False,
    )
