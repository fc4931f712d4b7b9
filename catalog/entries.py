"""Live-blog entry stamps: "UPDATE 1650 GMT:", "ORIGINAL ENTRY:", "14.53", "10:32am",
"Updated at 14:05 BST", "(Published Monday, Nov. 18, 2019)". Pure string work."""

from __future__ import annotations

import re

__all__ = ["split_stamp"]

_ZONE = r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|PST|PDT|MSK|IST|AEST|AEDT|JST)"
_CLOCK = r"\d{1,2}(?:[:.]\d{2}|\d{2}(?=\s*" + _ZONE + r"))(?:\s*[ap]\.?m\.?)?(?:\s*" + _ZONE + r")?"
_SEP = r"\s*(?:[:–—|-]\s*|$)"

# Each pattern has one named group `stamp`: the entry as it will be stored.
_STAMPS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # UPDATE 1650 GMT: / Updated at 14:05 BST / BREAKING 10:32am -
        r"^(?:update|updated|breaking|latest)(?:\s+at)?\s+(?P<stamp>" + _CLOCK + r")" + _SEP,
        # ORIGINAL ENTRY: / ORIGINAL POST:
        r"^(?P<stamp>original\s+(?:entry|post|article))" + _SEP,
        # 14.53 / 10:32am / 1650 GMT alone, or opening the entry's first line
        r"^(?P<stamp>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*" + _ZONE + r")?)"
        r"(?:\s*$|\s*[:–—|-]\s+)",
        r"^(?P<stamp>\d{3,4}\s*" + _ZONE + r")" + _SEP,
        # (Published Monday, Nov. 18, 2019) / Updated Tuesday, 3 March 2020
        r"^\(?(?P<stamp>(?:published|updated|posted)\s+(?:on\s+)?"
        r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
        r"(?:[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4})"
        r"(?:,?\s+(?:at\s+)?" + _CLOCK + r")?)\)?\s*$",
    )
)


def split_stamp(line: str) -> tuple[str | None, str]:
    """The entry stamp a line opens with (as written, labels like UPDATE dropped), and the rest."""
    text = line.strip()
    if len(text) > 2000 or not text:
        return None, text
    for rx in _STAMPS:
        m = rx.match(text)
        if m:
            return " ".join(m.group("stamp").split()), text[m.end() :].strip()
    return None, text
