"""The benchmarks' synthetic data: deterministic, valid under the real schema, and usable by the real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.synthetic import Required, generate
from serbia_nato import dates
from serbia_nato.build import Build
from serbia_nato.load import MAX_FILE_BYTES, load_dataset
from serbia_nato.models import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in DATA_FILES}


def test_same_seed_and_size_give_identical_files(tmp_path: Path) -> None:
    first = _files(generate(tmp_path / "a", 150, seed=7))
    second = _files(generate(tmp_path / "b", 150, seed=7))
    assert first == second


def test_another_seed_gives_other_data(tmp_path: Path) -> None:
    first = _files(generate(tmp_path / "a", 150, seed=7))
    other = _files(generate(tmp_path / "b", 150, seed=8))
    assert first["milestones.yml"] != other["milestones.yml"]


def test_output_loads_under_the_real_schema_without_warnings(tmp_path: Path) -> None:
    data = load_dataset(generate(tmp_path, 300, seed=1))
    assert len(data.milestones) == 300
    assert data.warnings == []
    assert {dates.precision(m.date) for m in data.milestones.values()} == {"year", "month", "day"}
    assert any(m.disagreement for m in data.milestones.values())
    assert any(len(m.themes) > 1 for m in data.milestones.values())
    assert any(m.programmes for m in data.milestones.values())
    assert len({dates.year(m.date) for m in data.milestones.values()}) > 20


def test_required_ids_are_read_from_markers(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(
        "See [[ date pfp-joined ]] and [[ programme ipap ]].\n\n[[ milestones theme=kosovo programme=kfor ]]\n"
        "An example that is not an id: [[ date ID ]]\n",
        encoding="utf-8",
    )
    required = Required.from_docs(tmp_path)
    assert required == Required(themes=("kosovo",), programmes=("ipap", "kfor"), milestones=("pfp-joined",))


def test_the_real_pages_render_against_synthetic_data(tmp_path: Path) -> None:
    generate(tmp_path / "data", 120, seed=3, required=Required.from_docs(ROOT / "docs"))
    build = Build.start(tmp_path, ROOT / "docs")
    assert len(build.data.milestones) >= 120
    assert "programmes/pfp.md" in build.generated_files()


def test_ten_thousand_milestones_fit_the_loaders_file_size_cap(tmp_path: Path) -> None:
    folder = generate(tmp_path, 10_000, required=Required.from_docs(ROOT / "docs"))
    assert (folder / "milestones.yml").stat().st_size <= MAX_FILE_BYTES


def test_at_least_one_milestone_is_needed(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one milestone"):
        generate(tmp_path, 0)
