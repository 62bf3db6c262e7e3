"""Material's search, typed into as a reader types: it finds the site's key terms."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from serbia_nato.script import plain_letters

pytestmark = pytest.mark.browser

RESULT_ITEMS = ".md-search-result .md-search-result__item"


@pytest.mark.parametrize("word", ["KFOR", "Kruševac", "landmines"])
def test_search_finds(light_session, fresh, word: str) -> None:
    page = fresh(light_session).load_fully("/")[0]
    search = page.locator("input.md-search__input")
    search.click()
    expect(search).to_be_focused()
    search.press_sequentially(word)
    items = page.locator(RESULT_ITEMS)
    expect(items.first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("No matching documents")
    # The highlighted match in the results is the word itself, in either script and with or without
    # diacritics, or with a Serbian case ending and punctuation ("[… napore Kfora]", „Кфора“), not just any page.
    expect(page.locator(f"{RESULT_ITEMS} mark").first).to_be_visible()
    marks = page.locator(f"{RESULT_ITEMS} mark").all_inner_texts()
    the_word = re.compile(rf"^\W*{re.escape(plain_letters(word))}\w{{0,3}}\W*$")
    assert the_word.match(plain_letters(marks[0])), marks[:5]


def test_search_for_nonsense_finds_nothing(light_session, fresh) -> None:
    page = fresh(light_session).load_fully("/")[0]
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("qqxzvw")
    expect(page.locator(".md-search-result__meta")).to_contain_text("No matching documents")
    expect(page.locator(RESULT_ITEMS)).to_have_count(0)
