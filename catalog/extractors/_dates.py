"""Dates as posts' bylines print them ("December 16, 2016", "Dec. 5 2016", "4 June 2024",
"2. Juni 2018")."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["byline_date"]

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# German, French and Spanish names, for posts embedded in those languages' pages ("2. Juni 2018").
_OTHER_MONTH_NAMES = (
    ("januar", "jänner", "janvier", "enero"),
    ("februar", "février", "fevrier", "febrero"),
    ("märz", "mars", "marzo"),
    ("avril", "abril"),
    ("mai", "mayo"),
    ("juni", "juin", "junio"),
    ("juli", "juillet", "julio"),
    ("août", "aout", "agosto"),
    ("septembre", "septiembre", "setiembre"),
    ("oktober", "octobre", "octubre"),
    ("novembre", "noviembre"),
    ("dezember", "décembre", "decembre", "diciembre"),
)
# Full English names and their three-letter forms, as strptime's %B and %b read them.
_MONTHS = (
    {name: n for n, name in enumerate(_MONTH_NAMES, start=1)}
    | {name[:3]: n for n, name in enumerate(_MONTH_NAMES, start=1)}
    | {name: n for n, names in enumerate(_OTHER_MONTH_NAMES, start=1) for name in names}
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
