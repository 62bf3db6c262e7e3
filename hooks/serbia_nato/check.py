"""The quick check for editors: validate data/ without building the site.

    python -m serbia_nato.check [DATA_DIR]

Prints each problem as `file:line: item: field: what is wrong; allowed: …` and exits 1, or
prints any warnings and a one-line summary of what was read and exits 0. Without DATA_DIR it
checks the data/ folder next to the nearest mkdocs.yml, from the current folder upward, or
else the data/ folder of the repository this package belongs to.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from .dataset import Dataset
from .load import load_dataset
from .problems import DataError

_PROJECT = Path(__file__).resolve().parents[2]  # the repository this package lives in


def find_data_dir(start: Path) -> Path:
    """data/ beside the nearest mkdocs.yml at or above `start`; else the repository's own data/."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder / "data"
    return _PROJECT / "data"


def _display(folder: Path) -> str:
    """How to name the folder in messages: relative to where the editor is, so paths are clickable."""
    return Path(os.path.relpath(folder.resolve(), Path.cwd())).as_posix()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(data: Dataset, folder: str) -> str:
    counts = [
        _plural(len(data.milestones), "milestone"),
        _plural(len(data.programmes), "programme"),
        _plural(len(data.trust_funds), "Trust Fund project"),
        _plural(len(data.sources), "source"),
        _plural(len(data.themes), "theme"),
        _plural(len(data.terms), "glossary term"),
    ]
    warnings = _plural(len(data.warnings), "warning")
    if data.warnings:
        warnings += " (allowed here, but `mkdocs build --strict` stops on warnings)"
    return f"{folder}/ is OK: {', '.join(counts)}; {warnings}."


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0].startswith("-")):
        print("usage: python -m serbia_nato.check [DATA_DIR]", file=sys.stderr)
        return 2
    folder = Path(args[0]) if args else find_data_dir(Path.cwd())
    if not folder.is_dir():
        print(f"{folder}: is not a folder; allowed: the project's data/ folder", file=sys.stderr)
        return 2
    shown = _display(folder)
    try:
        data = load_dataset(folder, display_prefix=shown, today=date.today())
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(f"{_plural(len(error.problems), 'problem')} in {shown}/.")
        return 1
    for warning in data.warnings:
        print(warning)
    print(summary(data, shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
