"""The live-preview benchmark edits a milestone's English title: the edit must reach the real data's shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.preview import with_first_title
from serbia_nato.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent


def test_the_edit_changes_the_first_milestones_english_title_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for path in (ROOT / "data").glob("*.yml"):
        (data / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    before = load_dataset(data)
    milestones = data / "milestones.yml"
    milestones.write_text(with_first_title(milestones.read_text(encoding="utf-8"), "Preview check 1"), encoding="utf-8")
    after = load_dataset(data)
    first = next(iter(after.milestones))
    assert after.milestones[first].title.en == "Preview check 1"
    assert after.milestones[first].title.sr == before.milestones[first].title.sr
    assert [m.title.en for m in after.milestones.values()][1:] == [m.title.en for m in before.milestones.values()][1:]


def test_data_without_an_english_title_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="no milestone with an English title"):
        with_first_title("milestones:\n  - id: x\n    title: One language\n", "Preview check")
