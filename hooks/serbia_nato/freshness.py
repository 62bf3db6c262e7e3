"""When each page's content last changed: read from `git log` output that the adapter passes in.

The adapter runs `git log --name-only --format=%ct` once per build over docs/ and data/ and
hands the text to `parse_git_log`; a build outside git hands in nothing, and no page shows a date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from . import dates

GIT_LOG_ARGS = ("log", "--name-only", "--no-renames", "--relative", "--format=%ct", "--", "docs", "data")


def parse_git_log(text: str) -> dict[str, int]:
    """Each path's newest commit time (Unix seconds), from `git log --name-only --format=%ct`, newest first."""
    changed: dict[str, int] = {}
    when: int | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.isdigit():
            when = int(line)
        elif when is not None:
            changed.setdefault(line, when)
    return changed


def last_changed(changed: Mapping[str, int], paths: Iterable[str]) -> int | None:
    """The newest change among `paths` (project-relative, e.g. "docs/index.md"), or None if git knows none."""
    times = [changed[path] for path in paths if path in changed]
    return max(times) if times else None


def iso_day(epoch: int) -> str:
    """The UTC day of a Unix time, as YYYY-MM-DD."""
    return datetime.fromtimestamp(epoch, tz=UTC).date().isoformat()


def human_day(epoch: int) -> str:
    """The UTC day of a Unix time in words: `14 November 2023`."""
    return dates.human_date(iso_day(epoch))


def rfc3339(epoch: int) -> str:
    """A Unix time as an Atom date-time in UTC: `2023-11-14T22:13:20Z`."""
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
