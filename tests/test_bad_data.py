"""Broken data must be refused with one clear line per problem, and a broken build must change nothing.

The cases live in tests/bad_data/ (see its README). Each is applied to a copy of the real data/.
The last tests run real `mkdocs build --strict` on a copy of the project.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
import yaml
from project_copy import build_site, copy_project

from serbia_nato.load import MAX_FILE_BYTES, load_dataset
from serbia_nato.problems import DataError
from serbia_nato.yamlread import StrictLoader

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CORPUS = Path(__file__).parent / "bad_data"
CASES = sorted(CORPUS.glob("*.toml"))
PROBLEM_LINE = re.compile(r"^data/[a-z_]+\.yml:[1-9][0-9]*: [^:\n]+: [^:\n]+: [^\n]+; allowed[:,] [^\n]+$")


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def apply_change(folder: Path, change: dict) -> int:
    """Apply one change of a case; return the line of the file where the change starts."""
    path = folder / change["file"]
    original = path.read_text(encoding="utf-8")
    if "content" in change:
        text, start = change["content"], 1
    elif "append" in change:
        base = original.rstrip("\n") + "\n\n"
        text, start = base + change["append"], base.count("\n") + 1
    else:
        find = change["find"]
        assert original.count(find) == 1, f"{change['file']}: the text to replace must occur exactly once"
        first_char = original.index(find) + len(find) - len(find.lstrip("\n"))
        text, start = original.replace(find, change["replace"]), original[:first_char].count("\n") + 1
    path.write_bytes(text.encode(change.get("encoding", "utf-8")))
    return start


def load_case(path: Path, tmp_path: Path) -> tuple[dict, list[int], Path]:
    case = tomllib.loads(path.read_text(encoding="utf-8"))
    folder = copy_data(tmp_path)
    starts = [apply_change(folder, change) for change in case["change"]]
    return case, starts, folder


def test_corpus_is_large_enough():
    failing = [path for path in CASES if "expect" in tomllib.loads(path.read_text(encoding="utf-8"))]
    assert len(failing) >= 40


def test_real_data_loads():
    data = load_dataset(DATA)
    assert data.milestones and data.sources and data.programmes


@pytest.mark.parametrize("case_path", [p for p in CASES if "[[expect]]" in p.read_text(encoding="utf-8")],
                         ids=lambda p: p.stem)
def test_broken_data_is_reported_exactly(case_path: Path, tmp_path: Path):
    case, starts, folder = load_case(case_path, tmp_path)
    with pytest.raises(DataError) as caught:
        load_dataset(folder, today=date.today())
    error = caught.value
    expected = [
        (f"data/{case['change'][e.get('change', 0)]['file']}", starts[e.get("change", 0)] + e["line"] - 1,
         e["item"], e["field"], e["message"])
        for e in case["expect"]
    ]
    got = [(p.file, p.line, p.item, p.field, p.message) for p in error.problems]
    assert len(got) == len(expected), f"{case['about']}\nexpected {len(expected)} problems, got:\n{error}"
    for want, problem in zip(sorted(expected), sorted(got), strict=True):
        assert problem[:4] == want[:4], f"{case['about']}\nwant {want}\ngot  {problem}"
        assert want[4] in problem[4], f"{case['about']}\nmessage lacks {want[4]!r}:\n{problem[4]}"
    report = str(error).splitlines()
    for line in report[:-1]:
        assert PROBLEM_LINE.match(line), line
    assert "Traceback" not in str(error) and 'File "' not in str(error)
    assert report[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} in data/; nothing was built."


@pytest.mark.parametrize("case_path", [p for p in CASES if "[[expect]]" not in p.read_text(encoding="utf-8")],
                         ids=lambda p: p.stem)
def test_good_data_loads_as_typed(case_path: Path, tmp_path: Path):
    case, _, folder = load_case(case_path, tmp_path)
    data = load_dataset(folder, today=date.today())
    for want in case["loaded"]:
        value = getattr(data, want["kind"])[want["id"]]
        for name in want["field"].split("."):  # `title.sr`: the Serbian of a text in both languages
            value = getattr(value, name)
        assert value == (tuple(want["value"]) if isinstance(value, tuple) else want["value"]), want


def test_text_fields_stay_text_not_booleans(tmp_path: Path):
    """`no` must not become False anywhere: read straight from the loaded records' types."""
    case, _, folder = load_case(CORPUS / "loads-yaml11-words-as-text.toml", tmp_path)
    event = load_dataset(folder).milestones["test-event"]
    for text in (event.title, event.summary):
        assert isinstance(text, str) and isinstance(text.en, str) and isinstance(text.sr, str)


# Refused without being run ------------------------------------------------------------------

UNSAFE_PAYLOADS = {
    "os.system": '!!python/object/apply:os.system ["touch {marker}"]',
    "open": '!!python/object/apply:builtins.open ["{marker}", "w"]',
}


@pytest.mark.parametrize("payload", UNSAFE_PAYLOADS.values(), ids=UNSAFE_PAYLOADS.keys())
def test_python_tags_are_refused_and_never_run(payload: str, tmp_path: Path):
    marker = tmp_path / "ran"
    folder = copy_data(tmp_path)
    apply_change(folder, {"file": "milestones.yml", "append": (
        "  - id: test-event\n    date: 2010-05\n"
        f"    title:\n      en: {payload.format(marker=marker)}\n      sr: Пробни догађај\n"
        "    summary:\n      en: A summary.\n      sr: Кратак опис.\n"
        "    themes: [partnership]\n    sources: [nato-2022]\n")})
    with pytest.raises(DataError, match="uses the tag !!python/object/apply:"):
        load_dataset(folder)
    assert not marker.exists()


def test_the_side_effect_check_would_notice_an_unsafe_loader(tmp_path: Path):
    """The marker file above is a real witness: an unsafe loader given the same tag creates it."""
    marker = tmp_path / "ran"
    yaml.unsafe_load(f"title: {UNSAFE_PAYLOADS['open'].format(marker=marker)}")["title"].close()
    assert marker.exists()


def test_alias_bomb_is_refused_at_its_first_anchor(tmp_path: Path):
    folder = copy_data(tmp_path)
    levels = ["a: &a [" + ",".join(['"lol"'] * 9) + "]"]
    levels += [f"{chr(98 + n)}: &{chr(98 + n)} [" + ",".join([f"*{chr(97 + n)}"] * 9) + "]" for n in range(12)]
    (folder / "themes.yml").write_text("\n".join([*levels, "themes: *m", ""]), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == ("data/themes.yml", 1)
    assert "anchor &a" in problem.message


@pytest.mark.parametrize(("field", "language", "limit"),
                         [("title", "en", 300), ("title", "sr", 300), ("summary", "en", 4000), ("summary", "sr", 4000)])
def test_very_long_text_is_refused(field: str, language: str, limit: int, tmp_path: Path):
    folder = copy_data(tmp_path)
    record = {"id": "test-event", "date": "2010-05", "title": {"en": "A test event", "sr": "Пробни догађај"},
              "summary": {"en": "A summary.", "sr": "Кратак опис."}, "themes": "[partnership]",
              "sources": "[nato-2022]"}
    long_text = ("A long text " if language == "en" else "Дугачак текст ") * 10_000
    record[field][language] = long_text
    lines = []
    for key, value in record.items():
        if isinstance(value, dict):
            lines += [f"    {key}:", *(f"      {name}: {text}" for name, text in value.items())]
        else:
            lines.append(f"    {key}: {value}")
    lines[0] = "  - " + lines[0].lstrip()
    start = apply_change(folder, {"file": "milestones.yml", "append": "\n".join(lines) + "\n"})
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    [problem] = caught.value.problems
    line = start + lines.index(f"      {language}: {long_text}")
    assert (problem.line, problem.item, problem.field) == (line, "test-event", f"{field}.{language}")
    assert problem.message == f"is {len(long_text.strip())} characters long; allowed: at most {limit}"


def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path: Path):
    folder = copy_data(tmp_path)
    padding = MAX_FILE_BYTES // 10 + 1  # lines of ten bytes: one byte over the cap with the first line
    (folder / "glossary.yml").write_text("terms:\n" + "# padding\n" * padding, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    [problem] = caught.value.problems
    size = 7 + 10 * padding
    assert problem.file == "data/glossary.yml"
    assert problem.message == f"is {size} bytes; allowed: at most {MAX_FILE_BYTES}"


def test_a_missing_file_is_reported(tmp_path: Path):
    folder = copy_data(tmp_path)
    (folder / "sources.yml").unlink()
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert [str(p) for p in caught.value.problems] == [
        "data/sources.yml:1: -: -: is missing; allowed: every data file the schema lists"]


# The quick check ------------------------------------------------------------------------------


def run_check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "serbia_nato.check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60, check=False)


def test_check_passes_on_the_real_data_from_a_subfolder():
    result = run_check(cwd=ROOT / "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    data = load_dataset(DATA)
    assert result.stdout.splitlines()[-1] == (
        f"../data/ is OK: {len(data.milestones)} milestones, {len(data.programmes)} programmes, "
        f"{len(data.trust_funds)} Trust Fund projects, {len(data.sources)} sources, {len(data.themes)} themes, "
        f"{len(data.terms)} glossary terms; {len(data.warnings)} warning{'' if len(data.warnings) == 1 else 's'}.")


def test_check_lists_every_problem_and_fails(tmp_path: Path):
    case, starts, folder = load_case(CORPUS / "several-files-at-once.toml", tmp_path)
    result = run_check("data", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(case["expect"]) + 1
    assert all(PROBLEM_LINE.match(line) for line in lines[:-1]), lines
    assert lines[0].startswith(f"data/milestones.yml:{starts[2] + 1}: test-event: date: '2010-13' has no month 13")
    assert lines[-1] == "4 problems in data/."
    assert "Traceback" not in result.stdout + result.stderr


def test_check_prints_warnings_and_still_passes(tmp_path: Path):
    folder = copy_data(tmp_path)
    start = apply_change(folder, {"file": "sources.yml", "append": (
        "  - id: test-source\n    title: A test source\n    publisher: The tests\n    date: 2020\n"
        "    kind: analysis\n    language: en\n"
        "    summary:\n      en: A source nothing cites.\n      sr: Извор који нико не наводи.\n")})
    result = run_check(str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert (f"data/sources.yml:{start}: test-source: id: is cited by nothing; allowed, but a source should "
            "support at least one fact") in result.stdout.splitlines()
    *warnings, summary = result.stdout.splitlines()
    assert summary.endswith(f"; {len(warnings)} warning{'' if len(warnings) == 1 else 's'} (allowed here, but "
                            "`mkdocs build --strict` stops on warnings).")


def test_check_finds_data_beside_the_nearest_mkdocs_yml(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    start = apply_change(copy_data(project), {"file": "themes.yml", "append": (
        "  - id: test-theme\n    name:\n      en: A test theme\n      sr: Пробна тема\n")})
    (project / "docs" / "topics").mkdir(parents=True)
    result = run_check(cwd=project / "docs" / "topics")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"../../data/themes.yml:{start}: test-theme: description: is missing; every theme needs it; allowed: the "
        "text in both languages: an `en:` line in English and an `sr:` line in Serbian (Cyrillic)")


def test_check_outside_any_project_checks_this_repository(tmp_path: Path):
    assert not any((folder / "mkdocs.yml").exists() for folder in [tmp_path, *tmp_path.parents])
    result = run_check(cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    shown = result.stdout.splitlines()[-1].split("/ is OK: ")[0]
    assert (tmp_path / shown).resolve() == DATA


def test_check_refuses_a_folder_that_does_not_exist(tmp_path: Path):
    result = run_check(str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.returncode == 2
    assert "is not a folder" in result.stderr


# Whole builds with MkDocs --------------------------------------------------------------------

def tree_differences(left: Path, right: Path) -> list[str]:
    """Every file that is missing from one side or differs byte for byte."""
    differences = []
    for path in sorted(left.rglob("*")):
        relative = path.relative_to(left)
        other = right / relative
        if path.is_file() and (not other.is_file() or not filecmp.cmp(path, other, shallow=False)):
            differences.append(str(relative))
    differences += [str(p.relative_to(right)) for p in right.rglob("*") if not (left / p.relative_to(right)).exists()]
    return differences


def test_two_good_builds_are_byte_identical(built_site: Path, tmp_path: Path):
    """With SOURCE_DATE_EPOCH set (as `make` sets it), the sitemap, search index and downloads repeat exactly."""
    again = tmp_path / "again"
    result = build_site(ROOT, again)
    assert result.returncode == 0, result.stderr
    assert (built_site / "index.html").is_file() and (built_site / "sitemap.xml.gz").is_file()
    assert (built_site / "search" / "search_index.json").is_file()
    assert tree_differences(built_site, again) == []


def test_bad_data_stops_the_build_and_leaves_the_site_as_it_was(built_site: Path, tmp_path: Path):
    project = copy_project(tmp_path)
    site = project / "site"
    shutil.copytree(built_site, site)
    case = tomllib.loads((CORPUS / "several-files-at-once.toml").read_text(encoding="utf-8"))
    for change in case["change"]:
        apply_change(project / "data", change)
    result = build_site(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    problems = [line for line in output.splitlines() if line.startswith("data/")]
    assert len(problems) == len(case["expect"]) and all(PROBLEM_LINE.match(line) for line in problems), output
    assert "4 problems in data/; nothing was built." in output
    assert tree_differences(built_site, site) == []


def test_an_unknown_marker_stops_the_build_with_its_page_and_line(tmp_path: Path):
    project = copy_project(tmp_path)
    page = project / "docs" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n") + "\n\nSee [[ nosuch ]] for more.\n", encoding="utf-8")
    line = text.rstrip("\n").count("\n") + 3
    result = build_site(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/about.md:{line}: marker [[ nosuch ]]: unknown marker; allowed: " in output
    assert "Traceback" not in output
    assert not (project / "site").exists()


# The guides' examples ----------------------------------------------------------------------------


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "docs/add-an-event.md"])
def test_the_guides_examples_are_the_real_records(guide: str):
    """Each YAML example in the editing guides reads as the record it claims to be, comments and all."""
    data = load_dataset(DATA)
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / guide).read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 2
    for block in blocks:
        [example] = yaml.load(block, Loader=StrictLoader)
        kind = data.milestones if "themes" in example else data.sources
        real = kind[example["id"]]
        assert type(real).model_validate(example) == real


def test_milestones_out_of_the_timelines_order_give_a_warning(tmp_path: Path):
    folder = copy_data(tmp_path)
    start = apply_change(folder, {"file": "milestones.yml", "append": (
        "  - id: test-event\n    date: 2010-05\n    title:\n      en: A test event\n      sr: Пробни догађај\n"
        "    summary:\n      en: A short summary.\n      sr: Кратак опис.\n"
        "    themes: [partnership]\n    sources: [nato-2022]\n")})
    warnings = [str(w) for w in load_dataset(folder, today=date.today()).warnings]
    last = load_dataset(DATA).chronological()[-1]
    assert warnings == [f"data/milestones.yml:{start + 1}: test-event: date: 2010-05 comes before {last.date} of "
                        f"`{last.id}` above it; allowed, but keep the file in the timeline's order: by date, with a "
                        "date known only to its year or month after the dated events within it"]


def test_the_real_milestones_are_in_the_timelines_order():
    data = load_dataset(DATA)
    assert [m.date for m in data.milestones.values()] == [m.date for m in data.chronological()]
