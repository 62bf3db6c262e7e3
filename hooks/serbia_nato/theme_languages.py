"""Writes Material's words (menus, search, footer) for the Serbian editions: `python -m serbia_nato.theme_languages`.

Material has Serbian in Cyrillic (partials/languages/sr.html) and tags it "sr". The editions need the tags
sr-Cyrl and sr-Latn in <html lang>, and the Latin edition needs the same words in Latin script, so both
files under overrides/ are made from Material's and a test holds them to it on every upgrade.
"""

from __future__ import annotations

import sys
from importlib.util import find_spec
from pathlib import Path

from .script import to_latin

_MATERIAL = find_spec("material")
_MATERIAL_ROOT = Path(_MATERIAL.origin if _MATERIAL and _MATERIAL.origin else ".").parent
MATERIAL_SERBIAN = _MATERIAL_ROOT / "templates" / "partials" / "languages" / "sr.html"
OVERRIDES = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "languages"
_HEADER = "{#- Made by `python -m serbia_nato.theme_languages` from Material's sr.html; do not edit. -#}\n"


def theme_languages() -> dict[str, str]:
    """Each override file's name and text."""
    words = MATERIAL_SERBIAN.read_text(encoding="utf-8").split("-#}\n", 1)[-1]
    cyrillic = words.replace('"language": "sr"', '"language": "sr-Cyrl"', 1)
    latin = to_latin(words).replace('"language": "sr"', '"language": "sr-Latn"', 1)
    return {"sr-Cyrl.html": _HEADER + cyrillic, "sr-Latn.html": _HEADER + latin}


def main() -> int:
    OVERRIDES.mkdir(parents=True, exist_ok=True)
    for name, text in theme_languages().items():
        (OVERRIDES / name).write_text(text, encoding="utf-8")
        print(f"wrote {OVERRIDES / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
