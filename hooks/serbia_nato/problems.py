"""Problems found in data/: one line each, `file:line: item: field: what is wrong; allowed: …`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a mistyped word was most likely meant to be, if any is close."""
    guesses = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return guesses[0] if guesses else None


def did_you_mean(guess: str | None) -> str:
    """The hint that follows an unknown name in a message: ` (did you mean `x`?)`, or nothing."""
    return f" (did you mean `{guess}`?)" if guess else ""


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    item: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        parts = [where, self.item or "-", self.field or "-", self.message]
        return ": ".join(_one_line(part) for part in parts)


def _one_line(text: str) -> str:
    """Keep each problem on one line, whatever a key or value in the data contains."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


class DataError(Exception):
    """Raised once, with every problem in the data, when any of it is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} in data/; nothing was built.")
        return "\n".join(lines)
