"""When each page's content last changed: `git log` read into a mapping, then real builds of a copy of the
project inside a fresh git repository with known commit dates, and outside git, where pages say nothing."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from project_copy import build_site, copy_project

from serbia_nato.freshness import GIT_LOG_ARGS, last_changed, parse_git_log

# "Content last changed on …" in English, "Последња измена садржаја: …" and "Poslednja izmena sadržaja: …".
_CHANGED = re.compile(r'<p class="snt-changed">[^<]*<time datetime="([0-9-]+)">([^<]+)</time>\.</p>')
# Three commits: everything, then one page, then the milestones (which the timeline and programme pages show).
COMMITS = [
    ("2021-03-04T05:06:07Z", None),
    ("2022-05-06T10:00:00Z", "docs/about.md"),
    ("2023-01-02T23:59:59Z", "data/milestones.yml"),
]


def test_git_log_is_read_as_each_files_newest_commit_time() -> None:
    log = "300\n\ndocs/a.md\ndata/m.yml\n\n200\n\ndocs/a.md\ndocs/b.md\n"
    assert parse_git_log(log) == {"docs/a.md": 300, "data/m.yml": 300, "docs/b.md": 200}
    assert parse_git_log("") == {}


def test_a_page_is_as_new_as_its_newest_file() -> None:
    changed = {"docs/a.md": 100, "data/m.yml": 300}
    assert last_changed(changed, ["docs/a.md", "data/m.yml"]) == 300
    assert last_changed(changed, ["docs/a.md", "data/unknown.yml"]) == 100
    assert last_changed(changed, ["docs/new.md"]) is None


def _git(project: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(["git", *args], cwd=project, env=env, capture_output=True, text=True, check=True).stdout


def _changed_dates(site: Path) -> dict[str, str | None]:
    """Each page's "last changed" date, by its path in the site ("" for the home page), or None."""
    dates = {}
    for page in sorted(site.rglob("index.html")):
        found = _CHANGED.findall(page.read_text(encoding="utf-8"))
        assert len(found) <= 1, page
        dates[page.parent.relative_to(site).as_posix().strip(".")] = found[0][0] if found else None
    return dates


@pytest.fixture(scope="module")
def site_in_git(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("in-git") / "project")
    _git(project, "init", "--quiet")
    for when, path in COMMITS:
        if path:
            with (project / path).open("a", encoding="utf-8") as file:
                file.write("\n")
        _git(project, "add", "--all")
        _git(project, "commit", "--quiet", "-m", f"change {path or 'everything'}", when=when)
    assert len(parse_git_log(_git(project, *GIT_LOG_ARGS))) > 20
    site = project.parent / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_each_page_shows_the_newest_commit_of_its_file_and_of_the_data_it_shows(site_in_git: Path) -> None:
    changed = _changed_dates(site_in_git)
    assert changed["about"] == "2022-05-06"  # its own file
    assert changed["glossary"] == "2021-03-04"  # glossary.yml and glossary.md, untouched since the first commit
    assert changed["timeline"] == "2023-01-02"  # its data: the milestones
    assert changed["programmes/pfp"] == "2023-01-02"  # a generated page: the milestones it lists
    assert changed["decisions/0001-own-timeline-component"] == "2021-03-04"
    assert None not in changed.values(), [page for page, date in changed.items() if date is None]
    about = (site_in_git / "about" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2022-05-06">6 May 2022</time>' in about


def test_the_feed_is_dated_by_the_last_change_to_the_milestones(site_in_git: Path) -> None:
    feed = (site_in_git / "milestones.atom").read_text(encoding="utf-8")
    assert feed.count("<updated>2023-01-02T23:59:59Z</updated>") == 1 + feed.count("<entry>")


def test_a_build_outside_git_works_and_shows_no_date(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    # GIT_CEILING_DIRECTORIES stops git from finding a repository above the copy, should tmp_path be in one.
    result = build_site(project, tmp_path / "site", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(_changed_dates(tmp_path / "site").values()) == {None}
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "accessed <span data-cite-accessed>[date]</span>" in home  # the citation is there, undated
    feed = (tmp_path / "site" / "milestones.atom").read_text(encoding="utf-8")
    assert "<updated>2023-11-14T22:13:20Z</updated>" in feed  # SOURCE_DATE_EPOCH, as make sets it
