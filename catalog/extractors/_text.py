"""Helpers the text extractors share."""

from __future__ import annotations

from typing import Any

from catalog.document import Para
from catalog.records import MediaRef

__all__ = ["SENTENCE_ENDS", "described"]

# What closes a sentence: a full stop, a question, an exclamation, a closing quote.
SENTENCE_ENDS = (".", "!", "?", "”", '"', "’")


def described(detector: str, para: Para, kind: str, **fields: Any) -> MediaRef:
    """A finding of plain text: words stand where the media was, at this paragraph's line."""
    return MediaRef(
        kind=kind,
        presence="described",
        detector=detector,
        position=para.line,
        line=para.line,
        **fields,
    )
