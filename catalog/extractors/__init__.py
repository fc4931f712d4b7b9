"""The extractor contract and its explicit, ordered registry.

An extractor is a pure function `Document -> Iterator[MediaRef]` for one family of signals.
They run in registry order; specific ones first, generic fallbacks last, and assemble prefers the
earlier extractor's reading when two find the same object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from catalog.document import Document
from catalog.extractors import (
    html_images,
    html_links,
    html_meta,
    html_players,
    html_social,
    text_captions,
    text_leadins,
    text_lines,
    text_posts,
)
from catalog.records import MediaRef

__all__ = ["REGISTRY", "Extractor", "extract_all"]


@dataclass(frozen=True)
class Extractor:
    name: str
    formats: frozenset[str]
    extract: Callable[[Document], Iterator[MediaRef]]


_HTML = frozenset({"html"})
_TEXT = frozenset({"text"})

REGISTRY: tuple[Extractor, ...] = (
    Extractor(html_social.DETECTOR, _HTML, html_social.extract),
    Extractor(html_players.DETECTOR, _HTML, html_players.extract),
    Extractor(html_images.DETECTOR, _HTML, html_images.extract),  # generic pictures
    Extractor(html_meta.DETECTOR, _HTML, html_meta.extract),  # what the page says about itself
    Extractor(html_links.DETECTOR, _HTML, html_links.extract),  # plain links to media: last
    Extractor(text_posts.DETECTOR, _TEXT, text_posts.extract),
    Extractor(text_captions.DETECTOR, _TEXT, text_captions.extract),
    Extractor(text_leadins.DETECTOR, _TEXT, text_leadins.extract),
    Extractor(text_lines.DETECTOR, _TEXT, text_lines.extract),  # the line model: last
)


def extract_all(doc: Document, registry: tuple[Extractor, ...] = REGISTRY) -> list[MediaRef]:
    """Every finding of every extractor that reads this document's format, in registry order."""
    found: list[MediaRef] = []
    for extractor in registry:
        if doc.format in extractor.formats:
            found.extend(extractor.extract(doc))
    return found
