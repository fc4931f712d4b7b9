"""`tags` from the words around media: drone, resident, handout, graphic, animated, live, ..."""

from __future__ import annotations

from catalog.extractors._phrases import PhraseIndex
from catalog.vocabulary import TAG_WORDS

__all__ = ["tags_for"]

_TAGS = PhraseIndex(TAG_WORDS)


def tags_for(*texts: str | list[str] | None) -> tuple[str, ...]:
    """Tags from texts, or from texts already split into words by `words_of`."""
    found: set[str] = set()
    for text in texts:
        if text:
            hits = _TAGS.find(text) if isinstance(text, str) else _TAGS.find_words(text)
            found.update(tag for _, tag in hits)
    return tuple(sorted(found))
