"""MkDocs hooks: adapt MkDocs' build events to the pure core in serbia_nato/. No logic lives here."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import build as build_site
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# MkDocs re-reads this file on every rebuild of `mkdocs serve` but keeps the modules it imported
# (https://github.com/mkdocs/mkdocs/issues/3993). Drop the core's cached modules when its code has
# changed since they were imported, so edits to it show; after an edit to data/ or docs/ only, keep
# them: importing the core again (its schema, through pydantic) is most of a rebuild's cost.
_CORE = Path(__file__).resolve().parent / "serbia_nato"
_stamp = max((path.stat().st_mtime_ns for path in _CORE.glob("*.py")), default=0)
if getattr(sys.modules.get("serbia_nato"), "_source_stamp", None) != _stamp:
    for _name in [name for name in sys.modules if name == "serbia_nato" or name.startswith("serbia_nato.")]:
        del sys.modules[_name]

from serbia_nato.build import TIMELINE_INLINE_EVENTS, Build  # noqa: E402
from serbia_nato.cite import Site  # noqa: E402
from serbia_nato.contents import trim_contents  # noqa: E402
from serbia_nato.editions import (  # noqa: E402
    EDITIONS,
    ENGLISH,
    Edition,
    MissingWords,
    edition_links,
    is_translation,
    translated_nav,
)
from serbia_nato.freshness import GIT_LOG_ARGS, parse_git_log  # noqa: E402
from serbia_nato.links import DIRECTORY_URLS_ONLY  # noqa: E402
from serbia_nato.markers import MarkerError  # noqa: E402
from serbia_nato.preview import ProblemsBuild, with_warnings  # noqa: E402
from serbia_nato.problems import DataError  # noqa: E402
from serbia_nato.template_cache import THEME_TEMPLATES  # noqa: E402

sys.modules["serbia_nato"]._source_stamp = _stamp  # type: ignore[attr-defined]

log = logging.getLogger("mkdocs.plugins.serbia_nato")
# `extra:` key under which the English build hands its checked data and git times to the Serbian builds it starts.
_ENGLISH_BUILD = "serbia_nato_english_build"
_build: Build | ProblemsBuild | None = None  # the current build's state; replaced at the start of every build


def _serving() -> bool:
    """Whether this process is `mkdocs serve`, whose preview shows bad data in the browser instead of stopping.

    MkDocs reloads this file for every rebuild and calls on_startup only for the first, so the command
    line is the one record of the command that lasts.
    """
    return sys.argv[1:2] == ["serve"]


def _source_date_epoch() -> int | None:
    """The build's SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/), if set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else None


def _git_changes(project: Path) -> dict[str, int]:
    """Each file's newest commit time under docs/ and data/, from one `git log`; empty outside git."""
    try:
        result = subprocess.run(["git", *GIT_LOG_ARGS], cwd=project, capture_output=True, text=True, timeout=60,
                                check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse_git_log(result.stdout) if result.returncode == 0 else {}


def _inline_events(config: MkDocsConfig) -> int:
    """How many events the timeline page holds itself (mkdocs.yml `extra: timeline_inline_events:`)."""
    value = config.extra.get("timeline_inline_events", TIMELINE_INLINE_EVENTS)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise PluginError(f"serbia_nato: extra: timeline_inline_events: {value!r} is not a number of events; "
                          "allowed: a whole number from 1")
    return value


def _edition(config: MkDocsConfig) -> Edition:
    """The edition this build makes (`extra: edition:`, set for the Serbian ones by _build_editions)."""
    code = config.extra.get("edition", ENGLISH.code)
    if code not in EDITIONS:
        raise PluginError(f"serbia_nato: extra: edition: {code!r} is not an edition; allowed: {', '.join(EDITIONS)}")
    return EDITIONS[code]


def _current() -> Build | ProblemsBuild:
    if _build is None:
        raise PluginError("serbia_nato: a page hook ran before on_config, so there is no build to use; "
                          "allowed: the hooks as MkDocs calls them, on_config first")
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if not config.use_directory_urls:
        raise PluginError(f"serbia_nato: {DIRECTORY_URLS_ONLY}")
    project = Path(config.config_file_path).parent
    edition = _edition(config)
    english: Build | None = config.extra.pop(_ENGLISH_BUILD, None)
    try:
        if edition.serbian:
            config.site_name = edition.ui(config.site_name)
            config.site_description = edition.ui(" ".join((config.site_description or "").split()))
            config.nav = translated_nav(config.nav, edition) if config.nav else config.nav
        site = Site(config.site_name, config.site_url or "", repository=str(config.extra.get("repository") or ""))
        build = Build.start(project, Path(config.docs_dir), site=site, source_date_epoch=_source_date_epoch(),
                            changed=english.changed if english else _git_changes(project), today=date.today(),
                            timeline_inline_events=_inline_events(config), edition=edition,
                            loaded=english.data if english else None)
        config.extra["editions"] = [{"code": e.code, "folder": e.folder} for e in EDITIONS.values()]
        config.extra["site_root"] = (config.site_url or "/").removesuffix(edition.folder)
    except MissingWords as error:
        raise PluginError(f"serbia_nato: {error}") from None
    except (DataError, MarkerError) as error:
        if not _serving():
            raise PluginError(f"serbia_nato: the data or a page is wrong:\n{error}") from None
        _build = ProblemsBuild.from_error(error)
        log.info(f"serbia_nato: the data or a page is wrong; every page shows the problems until they are fixed:"
                 f"\n{error}")
        return config
    _build = build
    how = "taken from the English build" if english else "read and checked"
    log.debug(f"serbia_nato: {edition.code}: data/ {how}")
    for warning in build.data.warnings:  # in the preview the page shows them; a strict build stops on them
        (log.info if _serving() else log.warning)(str(warning))
    config.nav = build.expand_nav(config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if is_translation(f.src_uri)]:  # read by the core for the Serbian editions
        files.remove(file)
    for path, content in _current().generated_files().items():
        files.append(File.generated(config, path, content=content))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every build in this process shares the theme's compiled templates (see template_cache.py)."""
    log.debug(f"serbia_nato: {_edition(config).code}: theme templates compiled so far: {THEME_TEMPLATES.compiled}")
    env.bytecode_cache = THEME_TEMPLATES
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """The same page in every edition, for the switcher in the header and the hreflang links."""
    context["edition_links"] = edition_links(_edition(config), page.url, config.site_url or "/")
    context["edition"] = _edition(config)
    return context


def _serbian_editions() -> list[Edition]:
    """The Serbian editions this run builds: all, unless SNT_EDITIONS=en asks for the English alone (for a
    quicker preview, and for the benchmark's comparison of one edition with three)."""
    wanted = os.environ.get("SNT_EDITIONS", "").split(",") if os.environ.get("SNT_EDITIONS") else list(EDITIONS)
    unknown = [code for code in wanted if code not in EDITIONS]
    if unknown or ENGLISH.code not in wanted:
        raise PluginError(f"serbia_nato: SNT_EDITIONS={os.environ.get('SNT_EDITIONS')!r}: {unknown or 'no en'}; "
                          f"allowed: a comma-separated list of {', '.join(EDITIONS)} that includes en")
    return [EDITIONS[code] for code in wanted if code != ENGLISH.code]


def on_post_build(config: MkDocsConfig) -> None:
    """After the English edition, build the Serbian ones into their folders of the same site."""
    if _edition(config) is ENGLISH:
        for edition in _serbian_editions():
            _build_edition(config, edition)


def _build_edition(english: MkDocsConfig, edition: Edition) -> None:
    """One more build of the same project, with the edition's language, into site/<folder>."""
    site_url = (english.site_url or "/") + edition.folder
    config = load_config(english.config_file_path, site_dir=str(Path(english.site_dir) / edition.folder),
                         site_url=site_url, strict=english.strict, use_directory_urls=True)
    config.extra["edition"] = edition.code
    config.theme["language"] = edition.code  # overrides/partials/languages/<code>.html
    if isinstance(_build, Build):
        config.extra[_ENGLISH_BUILD] = _build
    build_site(config, dirty=False)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return _current().page_markdown(page.file.src_uri, markdown)
    except MarkerError as error:
        raise PluginError(f"serbia_nato: bad marker:\n{error}") from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _current()
    trim_contents(page.toc.items, build.unlisted_headings(page.file.src_uri))
    html = build.page_html(page.file.src_uri, html, page.title or "")
    return with_warnings(html, build.data.warnings) if _serving() and isinstance(build, Build) else html
