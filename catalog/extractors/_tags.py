"""`tags` from the words around media: drone, resident, handout, graphic, animated, live, ..."""

from __future__ import annotations

import re

from catalog.vocabulary import TAG_WORDS

__all__ = ["tags_for"]

_TAG_RX = re.compile(
    r"\b(" + "|".join(re.escape(w) for w, _ in sorted(TAG_WORDS, key=lambda x: -len(x[0]))) + r")\b",
    re.IGNORECASE,
)
_TAG_OF = {w.casefold(): t for w, t in TAG_WORDS}


def tags_for(*texts: str | None) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for text in texts:
        if text:
            for m in _TAG_RX.finditer(text):
                found.setdefault(_TAG_OF[m.group(1).casefold()], None)
    return tuple(sorted(found))
