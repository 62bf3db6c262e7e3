"""Golden tests: the small dataset in tests/golden/data/ in, rendered Markdown, HTML and downloads out.

Run `pytest tests/test_golden.py --update-golden` to rewrite tests/golden/expected/ after an
intended change, then review the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from serbia_nato import links
from serbia_nato.cite import Site
from serbia_nato.dataset import Dataset
from serbia_nato.downloads import make_downloads
from serbia_nato.editions import EDITIONS, Edition, localized
from serbia_nato.load import load_dataset
from serbia_nato.render import Renderer

GOLDEN = Path(__file__).parent / "golden"
EXPECTED = GOLDEN / "expected"
SITE_URL = "https://example.org/serbia-nato/"
EPOCH = 1700000000  # the golden iCalendar's DTSTAMP, whatever the environment says
GOLDEN_FILES = sorted(path.name for path in EXPECTED.iterdir())


@pytest.fixture(scope="session")
def golden_outputs() -> dict[str, str | bytes]:
    """Everything the golden dataset renders to, by golden file name."""
    data = load_dataset(GOLDEN / "data")
    site = Site("Serbia and NATO", SITE_URL)

    def page(src: str) -> Renderer:
        return Renderer(data, src, json_ld="", site=site)

    outputs: dict[str, str | bytes] = {
        "timeline.html": page(links.TIMELINE).timeline(),
        # The timeline holding only its first year: the later years as notes, loaded on demand.
        "timeline-first-year-only.html": Renderer(data, links.TIMELINE, json_ld="", inline_events=1).timeline(),
        "timeline-year-2022.html": page(links.TIMELINE).timeline_year(data.chronological()[-1:]),
        "timeline-decade-2000s.html": page(links.decade_page(2000)).timeline_decade([2006]),
        "programme-kfor.md": page(links.programme_page("kfor")).programme_page("kfor"),
        "programme-pfp.md": page(links.programme_page("pfp")).programme_page("pfp"),
        "programme-index.md": page(links.PROGRAMMES).programme_index(),
        "programme-chart.html": page(links.PROGRAMMES).programme_chart(),
        "trust-funds.md": page(links.TRUST_FUNDS).trust_funds(),
        "sources.md": page(links.SOURCES).sources(),
        "disagreements.md": page(links.SOURCES).disagreements(),
        "glossary.md": page(links.GLOSSARY).glossary(),
        "key-facts.md": page("index.md").key_facts(),
        "milestones-kosovo.md": page("topics/kosovo.md").milestone_list(theme="kosovo"),
    }
    for download in make_downloads(data, site, source_date_epoch=EPOCH):
        outputs[download.path.replace("/", "-")] = download.content
    outputs.update(_serbian_outputs(data))
    return outputs


def _serbian_outputs(data: Dataset) -> dict[str, str | bytes]:
    """Pages and downloads of the Serbian editions: the Latin one mostly, the Cyrillic where script matters."""
    outputs: dict[str, str | bytes] = {}
    for edition in (EDITIONS["sr-Latn"], EDITIONS["sr-Cyrl"]):
        shown = localized(data, edition)
        site = Site(edition.ui("Serbia and NATO"), SITE_URL + edition.folder)

        def page(src: str, edition: Edition = edition, shown: Dataset = shown, site: Site = site) -> Renderer:
            return Renderer(shown, src, json_ld="", site=site, edition=edition)

        tag = edition.code
        outputs[f"{tag}-timeline.html"] = page(links.TIMELINE).timeline()
        outputs[f"{tag}-programme-kfor.md"] = page(links.programme_page("kfor")).programme_page("kfor")
        outputs[f"{tag}-key-facts.md"] = page("index.md").key_facts()
        if edition.code == "sr-Latn":
            outputs[f"{tag}-trust-funds.md"] = page(links.TRUST_FUNDS).trust_funds()
            outputs[f"{tag}-sources.md"] = page(links.SOURCES).sources()
            outputs[f"{tag}-glossary.md"] = page(links.GLOSSARY).glossary()
            for download in make_downloads(data, site, source_date_epoch=EPOCH, edition=edition):
                if download.path.endswith((".csv", ".ics", ".atom")):
                    outputs[f"{tag}-{download.path.replace('/', '-')}"] = download.content
    return outputs


def _as_bytes(output: str | bytes) -> bytes:
    return output if isinstance(output, bytes) else output.encode("utf-8")


@pytest.fixture(scope="session", autouse=True)
def _rewrite_golden_files(golden_outputs: dict[str, str | bytes], update_golden: bool) -> None:
    """With --update-golden, write every output to its golden file before any test compares."""
    if update_golden:
        for name, output in golden_outputs.items():
            (EXPECTED / name).write_bytes(_as_bytes(output))


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_output_matches_golden_file(name: str, golden_outputs: dict[str, str | bytes]) -> None:
    expected_path = EXPECTED / name
    assert name in golden_outputs, f"golden file that nothing produces any more: {name}"
    actual_bytes = _as_bytes(golden_outputs[name])
    assert actual_bytes.decode("utf-8") == expected_path.read_bytes().decode("utf-8")


def test_every_output_has_a_golden_file(golden_outputs: dict[str, str | bytes]) -> None:
    missing = sorted(set(golden_outputs) - set(GOLDEN_FILES))
    assert not missing, f"no golden file for {missing}; run pytest with --update-golden and review it"


def test_every_golden_file_is_still_produced(golden_outputs: dict[str, str | bytes]) -> None:
    stale = set(GOLDEN_FILES) - set(golden_outputs)
    assert not stale, f"golden files that nothing produces any more: {sorted(stale)}"
