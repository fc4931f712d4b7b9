"""Dates as posts' bylines print them ("December 16, 2016", "Dec. 5 2016", "4 June 2024",
"2. Juni 2018")."""

from __future__ import annotations

import re
from datetime import date

from catalog.vocabulary import MONTH_NAMES, OTHER_MONTH_NAMES

__all__ = ["byline_date"]

# Full English names and their three-letter forms, as strptime's %B and %b read them.
_MONTHS = (
    {name: n for n, name in enumerate(MONTH_NAMES, start=1)}
    | {name[:3]: n for n, name in enumerate(MONTH_NAMES, start=1)}
    | {name: n for n, names in enumerate(OTHER_MONTH_NAMES, start=1) for name in names}
)
_DAY = re.compile(r"3[01]|[12]\d|0[1-9]|[1-9]")
_YEAR = re.compile(r"\d{4}")


def byline_date(text: str) -> str | None:
    """The ISO date of a byline date ("Month D YYYY" or "D Month YYYY", points and commas
    aside), or None when it is not one. Read by hand: strptime costs twenty times as much."""
    words = text.replace(".", "").replace(",", "").split()
    if len(words) != 3 or not _YEAR.fullmatch(words[2]):
        return None
    first, second, year = words
    for month_word, day in ((first, second), (second, first)):
        month = _MONTHS.get(month_word.lower())
        if month is not None and _DAY.fullmatch(day):
            try:
                return date(int(year), month, int(day)).isoformat()
            except ValueError:
                return None  # "February 30 2016"
    return None
