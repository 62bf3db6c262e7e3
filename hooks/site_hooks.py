"""MkDocs hooks: adapt MkDocs' build events to the pure core in serbia_nato/. No logic lives here."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# Drop the core's cached modules so that `mkdocs serve` picks up edits to them on rebuild.
for _name in [name for name in sys.modules if name == "serbia_nato" or name.startswith("serbia_nato.")]:
    del sys.modules[_name]

from serbia_nato.build import Build  # noqa: E402
from serbia_nato.markers import MarkerError  # noqa: E402
from serbia_nato.problems import DataError  # noqa: E402

log = logging.getLogger("mkdocs.plugins.serbia_nato")
_build: Build | None = None  # the current build's state; replaced at the start of every build


def on_config(config):
    global _build
    project = Path(config.config_file_path).parent
    try:
        _build = Build.start(project, Path(config.docs_dir), site_url=config.site_url or "")
    except (DataError, MarkerError) as error:
        raise PluginError(f"serbia_nato: the data or a page is wrong:\n{error}") from None
    for warning in _build.data.warnings:
        log.warning(str(warning))
    config.nav = _build.expand_nav(config.nav)
    return config


def on_files(files, config):
    for path, content in _build.generated_files().items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    try:
        return _build.page_markdown(page.file.src_uri, markdown)
    except MarkerError as error:
        raise PluginError(f"serbia_nato: bad marker:\n{error}") from None


def on_page_content(html, page, config, files):
    return _build.page_html(html)
