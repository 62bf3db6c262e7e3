"""Dates at their real precision (year, month or day): parsing, ordering and wording."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic_core import PydanticCustomError

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
ALLOWED = "allowed: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date"
Precision = Literal["year", "month", "day"]


@dataclass(frozen=True, order=True)
class DateParts:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"


@lru_cache(maxsize=65536)  # a build reads the same few thousand dates many times
def parse_partial_date(text: str) -> DateParts:
    """Read `2006`, `2006-12` or `2006-12-14`; refuse anything else, and impossible days."""
    if not re.match(DATE_PATTERN, text):
        raise PydanticCustomError("partial_date", "'{value}' is not a date; " + ALLOWED, {"value": text[:40]})
    parts = [int(piece) for piece in text.split("-")]
    year, month, day = parts[0], *(parts[1:] + [None, None])[:2]
    if month is not None and not 1 <= month <= 12:
        raise PydanticCustomError("partial_date", "'{value}' has no month {month}; " + ALLOWED,
                                  {"value": text, "month": month})
    if day is not None and month is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise PydanticCustomError("partial_date", "'{value}' is not a real day; " + ALLOWED, {"value": text})
    return DateParts(year, month, day)


def sort_key(text: str) -> tuple[int, int, int]:
    """Order dates chronologically; a year sorts before its months, a month before its days."""
    parts = parse_partial_date(text)
    return (parts.year, parts.month or 0, parts.day or 0)


def reading_order(text: str) -> tuple[int, int, int]:
    """Order events for a reader: an event known only to its year comes after that year's dated
    events, and one known only to its month after that month's days, since it may have come late."""
    parts = parse_partial_date(text)
    return (parts.year, parts.month or 13, parts.day or 32)


def precision(text: str) -> Precision:
    return parse_partial_date(text).precision


def year(text: str) -> int:
    return parse_partial_date(text).year


def human_date(text: str) -> str:
    """`2003`, `December 2006` or `15 January 2015`: never a made-up day."""
    parts = parse_partial_date(text)
    if parts.month is None:
        return str(parts.year)
    month = calendar.month_name[parts.month]
    if parts.day is None:
        return f"{month} {parts.year}"
    return f"{parts.day} {month} {parts.year}"
