"""Golden tests: the small dataset in tests/golden/data/ in, rendered Markdown, HTML and downloads out.

Run with UPDATE_GOLDEN=1 to rewrite tests/golden/expected/ after an intended change, then review
the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from serbia_nato import links
from serbia_nato.downloads import make_downloads
from serbia_nato.load import load_dataset
from serbia_nato.render import Renderer

GOLDEN = Path(__file__).parent / "golden"
SITE_URL = "https://example.org/serbia-nato/"
EPOCH = "1700000000"  # the golden iCalendar's DTSTAMP, whatever the environment says


def _outputs() -> dict[str, str | bytes]:
    data = load_dataset(GOLDEN / "data")
    page = lambda src: Renderer(data, src, json_ld="")  # noqa: E731 - a short factory for each page
    outputs: dict[str, str | bytes] = {
        "timeline.html": page(links.TIMELINE).timeline(),
        "programme-kfor.md": page(links.programme_page("kfor")).programme_page("kfor"),
        "programme-pfp.md": page(links.programme_page("pfp")).programme_page("pfp"),
        "programme-index.md": page(links.PROGRAMMES).programme_index(),
        "programme-chart.svg": page(links.PROGRAMMES).programme_chart(),
        "trust-funds.md": page(links.TRUST_FUNDS).trust_funds(),
        "sources.md": page(links.SOURCES).sources(),
        "disagreements.md": page(links.SOURCES).disagreements(),
        "glossary.md": page(links.GLOSSARY).glossary(),
        "key-facts.md": page("index.md").key_facts(),
        "milestones-kosovo.md": page("topics/kosovo.md").milestone_list(theme="kosovo"),
    }
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        downloads = make_downloads(data, SITE_URL)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    for download in downloads:
        outputs[download.path.replace("/", "-")] = download.content
    return outputs


OUTPUTS = _outputs()


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_output_matches_golden_file(name: str) -> None:
    expected_path = GOLDEN / "expected" / name
    actual = OUTPUTS[name]
    actual_bytes = actual if isinstance(actual, bytes) else actual.encode("utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_bytes(actual_bytes)
    assert expected_path.exists(), f"no golden file {expected_path}; run with UPDATE_GOLDEN=1 and review it"
    assert actual_bytes.decode("utf-8") == expected_path.read_bytes().decode("utf-8")


def test_every_golden_file_is_still_produced() -> None:
    stale = {p.name for p in (GOLDEN / "expected").iterdir()} - set(OUTPUTS)
    assert not stale, f"golden files that nothing produces any more: {sorted(stale)}"
