"""Whatever an editor types into data/, loading either succeeds or fails with DataError, one line per problem.

Hypothesis mutates the real data files (lines lost, doubled or re-indented, characters swapped,
YAML syntax inserted, values replaced, random text) and also writes random YAML-ish text;
load_dataset must never raise anything but DataError, and every problem must be one well-formed line.
"""

from __future__ import annotations

import random
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serbia_nato.load import load_dataset
from serbia_nato.models import DATA_FILES
from serbia_nato.problems import DataError

DATA = Path(__file__).resolve().parents[1] / "data"
ORIGINALS = {name: (DATA / name).read_text(encoding="utf-8") for name in DATA_FILES}
PROBLEM = re.compile(r"^data/(?P<file>[a-z_]+\.yml):(?P<line>[1-9][0-9]*): [^\n]+: [^\n]+: [^\n]+; allowed: [^\n]+$")
# What editors mistype, and what attackers try: YAML syntax, look-alike values, odd characters.
PIECES = ["\t", ":", ": ", '"', "'", "&", "&a ", "*a", "!", "!!python/object/apply:os.system ", "- ", "[", "]",
          "{", "}", "#", "|", ">", "%", "@", "`", "---", "\n", "  ", "~", "<<: ", "? ", "\\", "\x00", "\x07",
          "\ufeff", "\x85", "\u2028", "é", "Ђ", "2006-02-30", "0999", "08", "0x1F", "1_000", ".inf", "no", "yes",
          "1:30", "null", "[" * 30, "{a: 1, a: 2}", "id", "title"]
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mutate(text: str, rnd: random.Random) -> str:
    """One editing slip, chosen uniformly: a line lost, doubled or re-indented, two characters
    swapped, a value replaced, a piece of syntax or random text inserted."""
    lines = text.split("\n")
    at = rnd.randrange(len(lines))
    line = lines[at]
    choice = rnd.randrange(7)
    if choice == 0:
        del lines[at]
    elif choice == 1:
        lines.insert(at, line)
    elif choice == 2:
        lines[at] = line[rnd.choice([1, 2, 4]):] if rnd.random() < 0.5 else " " * rnd.choice([1, 2]) + line
    elif choice == 3 and len(line) > 1:
        col = rnd.randrange(len(line) - 1)
        lines[at] = line[:col] + line[col + 1] + line[col] + line[col + 2:]
    elif choice == 4 and ": " in line:
        lines[at] = line.split(": ", 1)[0] + ": " + rnd.choice(PIECES)
    else:
        col = rnd.randrange(len(line) + 1)
        piece = rnd.choice(PIECES) if choice != 6 else "".join(chr(rnd.randrange(1, 0x500)) for _ in range(3))
        lines[at] = line[:col] + piece + line[col:]
    return "\n".join(lines)


def _load_and_check(files: dict[str, str]) -> None:
    """Write the files over a copy of data/ and load it: only DataError may come out, well formed."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "data"
        shutil.copytree(DATA, folder)
        for name, text in files.items():
            (folder / name).write_bytes(text.encode("utf-8", errors="surrogatepass"))
        try:
            load_dataset(folder)
        except DataError as error:
            assert error.problems
            report = str(error).split("\n")
            assert report[-1].endswith("in data/; nothing was built.")
            for line in report[:-1]:
                match = PROBLEM.match(line)
                assert match, line
                written = files.get(match["file"], ORIGINALS[match["file"]])
                assert int(match["line"]) <= written.count("\n") + 2, line
            assert "Traceback" not in str(error)


@SETTINGS
@given(name=st.sampled_from(sorted(DATA_FILES)), rnd=st.randoms(use_true_random=False),
       count=st.integers(min_value=1, max_value=5))
def test_mutated_real_data_loads_or_raises_data_error(name: str, rnd: random.Random, count: int) -> None:
    text = ORIGINALS[name]
    for _ in range(count):
        text = _mutate(text, rnd)
    _load_and_check({name: text})


yaml_words = st.sampled_from([*PIECES, "themes", "terms", "x", "1", "true", "2006"])


@SETTINGS
@given(name=st.sampled_from(sorted(DATA_FILES)),
       text=st.one_of(st.text(max_size=300), st.lists(yaml_words, max_size=60).map("".join)))
def test_random_text_loads_or_raises_data_error(name: str, text: str) -> None:
    _load_and_check({name: text})
