"""Live-blog entry stamps: "UPDATE 1650 GMT:", "ORIGINAL ENTRY:", "14.53", "10:32am",
"Updated at 14:05 BST", "(Published Monday, Nov. 18, 2019)", "Mise à jour 14h05". Pure string work;
the words come from the vocabulary, so a language is added there."""

from __future__ import annotations

import re
from itertools import compress, count
from operator import itemgetter

from catalog.vocabulary import DATED_STAMP_WORDS, FIRST_ENTRY_WORDS, STAMP_WORDS, TIME_ZONES

__all__ = ["STAMP_FIRST", "could_open_stamp", "split_stamp", "stamp_openers"]


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_ZONE = r"(?:" + "|".join(TIME_ZONES) + r")"
_AMPM = r"(?:\s*[ap]\.?m\.?)?"
_HOURS = r"\d{1,2}(?:[:.]|\s?h\s?)\d{2}"  # 14:05, 14.05, 14h05, and Le Monde's "14 h 05"
_CLOCK = r"(?:" + _HOURS + r"|\d{3,4}(?=\s*" + _ZONE + r"))" + _AMPM + r"(?:\s*" + _ZONE + r")?"
_SEP = r"\s*(?:[:–—|-]\s*|$)"
_DAY = r"(?:\w{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\w{3,9}\.?,?\s+\d{4})"  # March 3, 2022 / 3 March 2022

# One pattern, one branch per shape; each branch's group sN is the entry as it will be stored.
_SHAPES = (
    # UPDATE 1650 GMT: / Updated at 14:05 BST / BREAKING 10:32am - / Mise à jour 14h05
    r"(?:" + _words(STAMP_WORDS) + r")(?:\s+(?:at|à|um|a las))?\s+(?P<s0>" + _CLOCK + r")" + _SEP,
    # ORIGINAL ENTRY: / ORIGINAL POST:
    r"(?P<s1>" + _words(FIRST_ENTRY_WORDS) + r")" + _SEP,
    # 14.53 / 10:32am / 14h05 alone, or opening the entry's first line; "8:14 p.m. ET, March 3,
    # 2022" with its day
    r"(?P<s2>" + _HOURS + _AMPM + r"(?:\s*" + _ZONE + r")?(?:,\s+" + _DAY + r")?)"
    r"(?:\s*$|\s*[:–—|-]\s+)",
    # 1650 GMT alone or opening the line
    r"(?P<s3>\d{3,4}\s*" + _ZONE + r")" + _SEP,
    # (Published Monday, Nov. 18, 2019) / Updated Tuesday, 3 March 2020
    r"\(?(?P<s4>(?:" + _words(DATED_STAMP_WORDS) + r")\s+(?:on\s+)?"
    r"(?:\w{3,9}\.?,?\s+)?" + _DAY + r"(?:,?\s+(?:at\s+|à\s+|um\s+)?" + _CLOCK + r")?)\)?\s*$",
)
_STAMP = re.compile("|".join(f"(?:{shape})" for shape in _SHAPES), re.IGNORECASE)
_OPENING_WORDS = STAMP_WORDS + FIRST_ENTRY_WORDS + DATED_STAMP_WORDS
# A stamp opens with a digit, a bracket or a stamp word: other lines skip the pattern.
STAMP_FIRST = frozenset("0123456789(" + "".join(w[0].lower() + w[0].upper() for w in _OPENING_WORDS))


_PREFIXES = frozenset(w[:3].lower() for w in _OPENING_WORDS)
# The first three characters, in lower case, of a line that can open with a stamp's word
# ("upd", "(pu"); lines opening with a digit are looked at too.
_OPENINGS3 = _PREFIXES | frozenset("(" + w[:2].lower() for w in _OPENING_WORDS)
_FIRST3 = itemgetter(slice(None, 3))


def could_open_stamp(line: str) -> bool:
    """A cheap test on a stripped line's first characters: False means no stamp opens it."""
    first = line[:1]
    if first.isdigit():  # "14.53", "10:32am", "14h05", "14 h 05", "1650 GMT"
        return line[1:2] in (":", ".") or line[2:3] in (":", ".") or line[:3].isdigit() or "h" in line[1:4]
    if first == "(":
        return line[1:4].lower() in _PREFIXES
    return line[:3].lower() in _PREFIXES


def stamp_openers(lines: list[str]) -> list[int]:
    """The indices of the (stripped, non-blank) lines that could_open_stamp takes: C-level passes
    over every line pick those opening with a digit or a stamp word's first letters, and the
    test runs on those alone (a page saved as text has thousands of lines)."""
    digit = compress(count(), map(str.isdigit, map(itemgetter(0), lines)))
    worded = compress(count(), map(_OPENINGS3.__contains__, map(str.lower, map(_FIRST3, lines))))
    return [k for k in sorted({*digit, *worded}) if could_open_stamp(lines[k])]


def split_stamp(line: str) -> tuple[str | None, str]:
    """The entry stamp a line opens with (as written, labels like UPDATE dropped), and the rest."""
    text = line.strip()
    if not text or text[0] not in STAMP_FIRST or len(text) > 2000:
        return None, text
    m = _STAMP.match(text)
    if m is None:
        return None, text
    stamp = next(group for group in m.groups() if group is not None)
    return " ".join(stamp.split()), text[m.end() :].strip()
