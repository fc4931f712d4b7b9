"""Dates as posts' bylines print them ("December 16, 2016", "Dec. 5 2016", "4 June 2024")."""

from __future__ import annotations

from datetime import datetime

__all__ = ["byline_date"]

_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")


def byline_date(text: str) -> str | None:
    """The ISO date of a byline date, or None when it is not one."""
    text = " ".join(text.replace(".", "").replace(",", "").split())
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None
