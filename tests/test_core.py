"""Unit tests of the pure core: dates, links, escaping, markers, schema publication, computed views."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pydantic_core import PydanticCustomError

from serbia_nato import dates, links, views
from serbia_nato.contents import trim_contents
from serbia_nato.markers import MarkerError, replace_markers, unlisted_of
from serbia_nato.render import Renderer, abbreviate, md_escape
from serbia_nato.schema import data_schemas

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("text", "words", "precision"), [
    ("2003", "2003", "year"),
    ("2006-12", "December 2006", "month"),
    ("2015-01-15", "15 January 2015", "day"),
    ("2024-02-29", "29 February 2024", "day"),
])
def test_dates_keep_their_precision(text: str, words: str, precision: str) -> None:
    assert dates.human_date(text) == words
    assert dates.precision(text) == precision


@pytest.mark.parametrize("text", ["2006-13", "2006-02-30", "2023-02-29", "15.01.2015", "next year", "206", "2006-1"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(PydanticCustomError):
        dates.parse_partial_date(text)


def test_a_year_sorts_before_its_months_and_days() -> None:
    assert sorted(["2006-12-14", "2006", "2006-02"], key=dates.sort_key) == ["2006", "2006-02", "2006-12-14"]
    # Readers see an event known only to its year or month after the ones dated within it.
    assert sorted(["2006", "2006-12-14", "2006-12", "2006-02"], key=dates.reading_order) == [
        "2006-02", "2006-12-14", "2006-12", "2006"]


@pytest.mark.parametrize(("origin", "target", "anchor", "expected"), [
    ("timeline.md", "sources.md", "source-x", "sources.md#source-x"),
    ("topics/kosovo.md", "timeline.md", "kfor", "../timeline.md#kfor"),
    ("programmes/kfor.md", "programmes/pfp.md", "", "pfp.md"),
    ("sources.md", "sources.md", "a", "#a"),
])
def test_markdown_links_are_relative_to_the_page(origin: str, target: str, anchor: str, expected: str) -> None:
    assert links.md_link(origin, target, anchor) == expected


@pytest.mark.parametrize(("origin", "target", "anchor", "expected"), [
    ("timeline.md", "sources.md", "source-x", "../sources/#source-x"),
    ("index.md", "timeline.md", "", "timeline/"),
    ("timeline.md", "programmes/pfp.md", "", "../programmes/pfp/"),
    ("programmes/index.md", "programmes/pfp.md", "", "pfp/"),
    ("timeline.md", "timeline.md", "x", "#x"),
    ("programmes/pfp.md", "index.md", "", "../../"),
])
def test_html_links_are_relative_to_the_built_url(origin: str, target: str, anchor: str, expected: str) -> None:
    assert links.html_link(origin, target, anchor) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
    ("**bold** [x](javascript:alert(1))", "\\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\)"),
    ("Kruševac & Србија", "Kruševac &amp; Србија"),
])
def test_data_text_is_literal_in_markdown(text: str, expected: str) -> None:
    assert md_escape(text) == expected


def test_acronyms_become_abbr_and_text_stays_escaped() -> None:
    html = abbreviate('KFOR <b> "PfP" KFORX', {"KFOR": "Kosovo Force", "PfP": 'Partnership "for" Peace'})
    assert html == ('<abbr title="Kosovo Force">KFOR</abbr> &lt;b&gt; "<abbr title="Partnership &quot;for&quot; '
                    'Peace">PfP</abbr>" KFORX')


def _render(dataset, markdown: str, page: str = "topics/x.md") -> str:
    return replace_markers(markdown, Renderer(dataset, page), f"docs/{page}")


def test_inline_markers_render_linked_dates_and_names(dataset) -> None:
    out = _render(dataset, "Joined on [[ date pfp-joined ]] via the [[ programme pfp ]].")
    assert out == ("Joined on [14 December 2006](../timeline.md#pfp-joined) "
                   "via the [Partnership for Peace](../programmes/pfp.md).")


def test_markers_in_code_are_left_alone(dataset) -> None:
    markdown = "Write `[[ date pfp-joined ]]` inline.\n```\n[[ timeline ]]\n```"
    assert _render(dataset, markdown) == markdown


@pytest.mark.parametrize(("markdown", "problem"), [
    ("[[ nosuch ]]", "docs/topics/x.md:1: marker [[ nosuch ]]: unknown marker; allowed:"),
    ("text\nsee [[ timeline ]] here", "docs/topics/x.md:2: marker [[ timeline ]]: is a block marker"),
    ("[[ date no-such-event ]]", "'no-such-event' is not a known milestone"),
    ("[[ milestones theme=nope ]]", "'nope' is not a known theme"),
    ("[[ programmes ]]", "needs theme"),
    ("[[ latest count=many ]]", "count=many is not a number"),
    ("[[ timeline colour=red ]]", "unknown argument(s) colour"),
    ("[[ datee pfp-joined ]]", "unknown marker (did you mean `date`?); allowed:"),
    ("[[ milestones theem=kosovo ]]", "unknown argument(s) theem (did you mean `theme`?)"),
    ("[[ date pfp-joind ]]", "'pfp-joind' is not a known milestone (did you mean `pfp-joined`?)"),
])
def test_bad_markers_fail_with_page_and_line(dataset, markdown: str, problem: str) -> None:
    with pytest.raises(MarkerError) as caught:
        _render(dataset, markdown)
    assert problem in str(caught.value)


def test_every_bad_marker_on_a_page_is_reported_at_once(dataset) -> None:
    with pytest.raises(MarkerError) as caught:
        _render(dataset, "[[ one ]]\n\n[[ two ]]")
    assert len(caught.value.problems) == 2


def test_committed_json_schema_matches_the_models() -> None:
    for name, text in data_schemas().items():
        committed = ROOT / "schema" / name
        assert committed.exists(), f"{committed} is missing: run python -m serbia_nato.schema schema"
        assert json.loads(committed.read_text(encoding="utf-8")) == json.loads(text), (
            f"{committed} differs from the models: run python -m serbia_nato.schema schema"
        )


def test_every_data_file_names_its_schema_for_editors() -> None:
    for name in data_schemas():
        data_file = ROOT / "data" / name.replace(".schema.json", ".yml")
        first_line = data_file.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schema/{name}"


def test_trust_fund_totals_add_up_each_unit(dataset) -> None:
    totals = {t.unit: t for t in views.trust_fund_totals(dataset)}
    expected = {}
    for fund in dataset.trust_funds.values():
        for quantity in fund.quantities:
            expected[quantity.unit] = expected.get(quantity.unit, 0) + quantity.amount
    assert {unit: t.amount for unit, t in totals.items()} == expected
    assert totals["tonnes"].approximate


def test_source_numbers_follow_the_sources_file(dataset) -> None:
    numbers = views.source_numbers(dataset)
    assert list(numbers.values()) == list(range(1, len(dataset.sources) + 1))
    assert list(numbers) == list(dataset.sources)


def test_each_source_summary_is_its_own_paragraph_after_the_address(dataset) -> None:
    """A summary that runs on after the last bullet ("Address: … An older NATO overview…") joins that bullet."""
    markdown = Renderer(dataset, links.SOURCES).sources()
    for source in dataset.sources.values():
        address_line = next(line for line in markdown.splitlines()
                            if line.startswith("- Address:") and (source.url or "no public address") in line)
        after = markdown.split(address_line, 1)[1]
        assert after.startswith("\n\n"), f"{source.id}: the summary runs into the address bullet"


@dataclass
class _Entry:
    """A contents-list entry with the two attributes of MkDocs' AnchorLink that trim_contents reads."""

    id: str
    children: list[_Entry] = field(default_factory=list)


def test_unlisted_headings_leave_the_contents_with_the_entries_under_them() -> None:
    contents = [_Entry("intro"), _Entry("documents", [_Entry("source-a", [_Entry("deeper")]), _Entry("kept")])]
    trim_contents(contents, {"source-a", "intro"})
    assert contents == [_Entry("documents", [_Entry("kept")])]


def test_the_sources_marker_keeps_each_source_out_of_the_contents_list(dataset) -> None:
    """A contents list of 285 sources buried the page's two sections and its disagreements on a phone."""
    used: set[str] = set()
    renderer = Renderer(dataset, links.SOURCES)
    markdown = replace_markers("[[ disagreements ]]\n\n[[ sources ]]\n", renderer, "docs/sources.md", used)
    assert used == {"disagreements", "sources"}
    heading_ids = set(re.findall(r"^###? .*\{ #([^ }]+) \}$", renderer.sources(), flags=re.MULTILINE))
    assert len(heading_ids) == len(dataset.sources), "the ids of the source headings were not found"
    assert unlisted_of(used, dataset) == heading_ids
    assert heading_ids <= set(re.findall(r"\{ #([^ }]+) \}", markdown))
    assert unlisted_of({"timeline", "disagreements"}, dataset) == frozenset()
