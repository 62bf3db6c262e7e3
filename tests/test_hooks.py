"""The MkDocs adapter: settings it cannot serve are refused clearly, hooks out of order fail plainly, and one
build of three editions reads data/ once and compiles the theme's templates once."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from project_copy import ROOT, build_environment, build_site, copy_project

from serbia_nato.editions import EDITIONS
from serbia_nato.links import DIRECTORY_URLS_ONLY


def test_a_site_without_directory_urls_is_refused_with_the_reason(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert DIRECTORY_URLS_ONLY in output
    assert "Traceback" not in output


def test_a_page_hook_before_on_config_names_the_problem() -> None:
    """Run apart: importing site_hooks drops the core's modules from sys.modules, as `mkdocs serve` needs."""
    script = ("import site_hooks\n"
              "try:\n    site_hooks.on_page_content('', None, None, None)\n"
              "except Exception as error:\n    print(type(error).__name__, error)\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT / "hooks", capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.stdout.startswith("PluginError serbia_nato: a page hook ran before on_config"), result.stderr


def test_one_build_reads_the_data_once_for_all_three_editions(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    command = [sys.executable, "-m", "mkdocs", "build", "--verbose", "-f", str(project / "mkdocs.yml"),
               "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=build_environment(project),
                            timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    log = result.stdout + result.stderr
    assert log.count("serbia_nato: en: data/ read and checked") == 1
    assert log.count("data/ read and checked") == 1, "a Serbian edition read data/ again"
    assert log.count("data/ taken from the English build") == 2
    assert (tmp_path / "site" / "sr-latn" / "timeline" / "index.html").is_file()
    # The Serbian builds reuse the theme's templates as the English build compiled them (template_cache.py),
    # and their pages still speak their own language.
    so_far = {code: int(count) for code, count in re.findall(r"(\S+): theme templates compiled so far: (\d+)", log)}
    assert list(so_far) == list(EDITIONS), log[-3000:]  # English first, then the Serbian editions
    english, first_serbian, second_serbian = so_far.values()
    assert english == 0 and first_serbian > 20
    assert second_serbian - first_serbian <= 1, "the first Serbian build compiled more than its own words"
    placeholders = {folder: re.findall(r'placeholder="([^"]+)"', (tmp_path / "site" / folder / "index.html").read_text(
        encoding="utf-8")) for folder in ("", "sr-latn", "sr-cyrl")}
    assert placeholders == {"": ["Search"], "sr-latn": ["Pretraga"], "sr-cyrl": ["Претрага"]}
