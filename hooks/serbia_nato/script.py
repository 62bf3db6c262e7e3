"""Serbian's two scripts: Cyrillic, in which Serbian text is written, to Latin, and both to search's plain letters.

Serbian text in data/ and docs/ is written in Cyrillic, and the build makes the Latin edition from it.
That direction is exact: every Cyrillic letter has one Latin spelling. The other direction is not:
Latin dž, lj and nj are one letter in džep, ljubav and njiva but two in nadživeti, konjunkcija and
injekcija, so Latin text could not be converted without a list of exceptions that is never complete.
Text that Serbian Cyrillic keeps in Latin (addresses, code, an English name in quotation marks, Roman
numerals) is simply written in Latin in the Cyrillic text, and passes through unchanged.
"""

from __future__ import annotations

import re
import unicodedata

# Each Cyrillic letter of Serbian and its Latin spelling, in the order of the Serbian Cyrillic alphabet.
CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i",
    "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}
_TABLE = {**CYRILLIC_TO_LATIN, **{c.upper(): latin.capitalize() for c, latin in CYRILLIC_TO_LATIN.items()}}
_TO_LATIN = str.maketrans(_TABLE)
# A capital digraph letter (Љ, Њ, Џ) inside a word written in capitals: ЉУБЉАНА is LJUBLJANA, not LjUBLjANA.
_CAPITAL_DIGRAPH = re.compile(r"[ЉЊЏ](?=[A-ZА-ЯЂЈЉЊЋЏČĆŠŽĐ])|(?<=[A-ZА-ЯЂЈЉЊЋЏČĆŠŽĐ])[ЉЊЏ]")
# Search's plain letters: what a reader without Serbian letters on the keyboard types for each.
_PLAIN = {"đ": "dj", "ž": "z", "ć": "c", "č": "c", "š": "s"}


def to_latin(text: str) -> str:
    """Serbian Cyrillic in Latin script; anything not Cyrillic is left as it is."""
    upper = _CAPITAL_DIGRAPH.sub(lambda m: CYRILLIC_TO_LATIN[m.group(0).lower()].upper(), text)
    return upper.translate(_TO_LATIN)


def is_cyrillic_letter(char: str) -> bool:
    return char in _TABLE


def plain_letters(text: str) -> str:
    """Text as search compares it: Latin, lower case, without diacritics (Вучић, Vučić and Vucic alike)."""
    latin = to_latin(text).lower()
    latin = "".join(_PLAIN.get(char, char) for char in latin)
    decomposed = unicodedata.normalize("NFD", latin)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_letters() -> dict[str, str]:
    """Every letter search folds, and what it becomes, for the browser's search worker."""
    letters = set(_TABLE) | set(_PLAIN) | {c.upper() for c in _PLAIN} | set("áàâäãåéèêëíìîïóòôöõúùûüýÿñçÁÉÍÓÚÄÖÜÑÇ")
    return {char: plain_letters(char) for char in sorted(letters) if plain_letters(char) != char}
