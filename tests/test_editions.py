"""The three editions from one text: Cyrillic to Latin, search's plain letters, Serbian dates and numbers,
the localized dataset, the links between editions, and the words of the site in Serbian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from serbia_nato import search, theme_languages, views
from serbia_nato.editions import (
    EDITIONS,
    ENGLISH,
    MissingWords,
    edition_links,
    localized,
    serbian_words,
    translated_nav,
)
from serbia_nato.load import load_dataset
from serbia_nato.models import LANGUAGE_NAMES, SOURCE_KIND_WORDS, Words
from serbia_nato.script import plain_letters, to_latin

ROOT = Path(__file__).resolve().parents[1]
CYRILLIC, LATIN = EDITIONS["sr-Cyrl"], EDITIONS["sr-Latn"]

# Latin dž, lj and nj are one letter in some words and two in others; written in Cyrillic, each is exact.
DIGRAPH_WORDS = [
    ("надживети", "nadživeti"),  # d + ž, not dž
    ("поджупан", "podžupan"),
    ("конјункција", "konjunkcija"),  # n + j, not nj
    ("инјекција", "injekcija"),
    ("ињекција", "injekcija"),  # the other spelling: њ
    ("џеп", "džep"),  # one letter each
    ("љубав", "ljubav"),
    ("њива", "njiva"),
    ("Љубљана", "Ljubljana"),
    ("ЉУБЉАНА", "LJUBLJANA"),  # a capital digraph in a word in capitals
    ("Џ", "Dž"),
    ("НАТО и КФОР", "NATO i KFOR"),
    ("Вучић", "Vučić"),
    ("Ђукановић", "Đukanović"),
]


@pytest.mark.parametrize(("cyrillic", "latin"), DIGRAPH_WORDS)
def test_cyrillic_becomes_latin_letter_for_letter(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


def test_what_is_already_latin_stays_as_it_is() -> None:
    text = "вежба „Platinum Wolf“ (https://jfcnaples.nato.int/vkv_beograd), XII"
    assert to_latin(text) == "vežba „Platinum Wolf“ (https://jfcnaples.nato.int/vkv_beograd), XII"


@pytest.mark.parametrize("word", ["Вучић", "Vučić", "Vucic", "VUČIĆ", "вучић"])
def test_search_compares_plain_letters(word: str) -> None:
    assert plain_letters(word) == "vucic"


def test_dj_is_plain_dj() -> None:
    assert plain_letters("Ђукановић") == plain_letters("Đukanović") == "djukanovic"


def test_serbian_dates_and_numbers() -> None:
    assert CYRILLIC.date("2006-12-14") == "14. децембар 2006"
    assert LATIN.date("2006-12-14") == "14. decembar 2006"
    assert LATIN.date("2006-12") == "decembar 2006"
    assert CYRILLIC.date_in_sentence("1999-06-09") == "9. јуна 1999."
    assert ENGLISH.date("2006-12-14") == "14 December 2006"
    assert ENGLISH.date_in_sentence("2006-12-14") == "14 December 2006"
    assert CYRILLIC.number(1400000) == "1.400.000"
    assert ENGLISH.number(1400000) == "1,400,000"
    assert LATIN.join(["A", "B", "C"]) == "A, B i C"
    assert ENGLISH.join(["A", "B", "C"]) == "A, B and C"


def test_each_edition_shows_the_record_in_its_words() -> None:
    data = load_dataset(ROOT / "data")
    english, cyrillic, latin = (localized(data, EDITIONS[code]) for code in ("en", "sr-Cyrl", "sr-Latn"))
    milestone = "pfp-joined"
    assert english.milestones[milestone].title == data.milestones[milestone].title.en
    assert cyrillic.milestones[milestone].title == data.milestones[milestone].title.sr
    assert latin.milestones[milestone].title == to_latin(data.milestones[milestone].title.sr)
    assert isinstance(latin.milestones[milestone].title, Words)
    assert latin.milestones[milestone].title.en == data.milestones[milestone].title.en
    assert list(latin.milestones) == list(english.milestones)  # the same events, in the same order


def test_every_serbian_text_has_cyrillic_and_no_latin_serbian_letters() -> None:
    data = load_dataset(ROOT / "data")
    texts = [m.summary.sr for m in data.milestones.values()] + [s.summary.sr for s in data.sources.values()]
    assert all(re.search("[а-шђјљњћџ]", text) for text in texts)
    assert not [text for text in texts if re.search("[čćšžđ]", text)]


def test_edition_links_lead_to_the_same_page() -> None:
    links = edition_links(LATIN, "topics/kosovo-and-kfor/", "https://example.org/site/sr-latn/")
    assert [(link.edition.code, link.href, link.current) for link in links] == [
        ("en", "../../../topics/kosovo-and-kfor/", False),
        ("sr-Cyrl", "../../../sr-cyrl/topics/kosovo-and-kfor/", False),
        ("sr-Latn", "./", True),
    ]
    assert links[1].url == "https://example.org/site/sr-cyrl/topics/kosovo-and-kfor/"


def test_navigation_titles_are_translated_and_pages_kept() -> None:
    nav = [{"Home": "index.md"}, {"Topics": [{"Kosovo and KFOR": "topics/kosovo-and-kfor.md"}]}]
    assert translated_nav(nav, ENGLISH) == nav
    latin = translated_nav(nav, LATIN)
    assert list(latin[1].values())[0][0] == {LATIN.ui("Kosovo and KFOR"): "topics/kosovo-and-kfor.md"}


def test_words_of_the_site_are_cyrillic_with_the_same_places() -> None:
    for english, serbian in serbian_words().items():
        assert sorted(re.findall(r"\{\w+\}", english)) == sorted(re.findall(r"\{\w+\}", serbian)), english
        assert not re.search("[čćšžđČĆŠŽĐ]", serbian), english


def test_a_phrase_without_serbian_stops_the_serbian_build() -> None:
    assert ENGLISH.ui("No such phrase {n}", n=1) == "No such phrase 1"
    with pytest.raises(MissingWords, match="'No such phrase' has no Serbian"):
        CYRILLIC.ui("No such phrase")


def test_every_phrase_in_templates_and_code_has_serbian() -> None:
    phrase = re.compile(r"""(?<!`)\b(?:_|ui)\(\s*(["'])(.+?)(?<!\\)\1""")
    used: set[str] = set()
    for path in [*(ROOT / "hooks/serbia_nato/templates").glob("*.j2"), *(ROOT / "hooks/serbia_nato").glob("*.py")]:
        used |= {match.group(2) for match in phrase.finditer(path.read_text(encoding="utf-8"))}
    used |= set(_nav_titles(ROOT / "mkdocs.yml"))
    used |= {*views.STATE_WORDS.values(), *SOURCE_KIND_WORDS.values(), *LANGUAGE_NAMES.values()}
    assert sorted(used - set(serbian_words())) == []


def _nav_titles(mkdocs_yml: Path) -> list[str]:
    """The navigation's titles, and the site's name and description, which the Serbian editions translate."""
    config = mkdocs_yml.read_text(encoding="utf-8")
    name = re.search(r"^site_name: (.+)$", config, re.MULTILINE)
    description = re.search(r"^site_description: >-\n((?:  .+\n)+)", config, re.MULTILINE)
    assert name and description
    titles = re.findall(r"^\s+- ([^:\n]+):", config.split("\nnav:\n", 1)[1], re.MULTILINE)
    return [name.group(1), " ".join(description.group(1).split()), *titles]


def test_material_words_for_the_serbian_editions_are_up_to_date() -> None:
    """Run `python -m serbia_nato.theme_languages` after upgrading Material."""
    for name, text in theme_languages.theme_languages().items():
        assert (theme_languages.OVERRIDES / name).read_text(encoding="utf-8") == text, name


def test_synonyms_are_single_words_in_plain_letters() -> None:
    words = search.synonyms()
    assert "bombardovan" in words["bombing"]
    assert "bombing" in words["bombardovan"]
    assert all(re.fullmatch("[a-z]+", word) for word in words)


def test_the_search_worker_knows_every_serbian_letter() -> None:
    script = search.words_script()
    for letter in "чћшжђЧЋШЖЂабвгдђежзијклљмнњопрстћуфхцчџш":
        assert f'"{letter}"' in script
