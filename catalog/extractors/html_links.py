"""Hyperlinks to media: a link in the article to a tweet, a watch page, a post. `presence: linked`
with the platform's identity; links inside embeds (the embed is the item) and in page
furniture (navigation, share buttons, footers) are not read."""

from __future__ import annotations

from collections.abc import Iterator

from catalog.document import Document
from catalog.extractors._html import EMBED_WRAPPER_CLASSES, attr, is_embed_link, is_furniture, text_of
from catalog.providers import HOST_HINTS, identify
from catalog.records import MediaRef
from catalog.tree import Element

__all__ = ["extract"]

DETECTOR = "html_links"

# An ancestor of these makes a link part of an embed or a player, read by their extractors.
_EMBED_TAGS = frozenset(("blockquote", "iframe", "object", "video", "audio", "amp-twitter", "amp-instagram"))


def extract(doc: Document) -> Iterator[MediaRef]:
    seen: set[str] = set()
    for link in doc.tags("a"):
        raw = attr(link, "href")
        if not raw or not raw.startswith(("http", "//")) or not any(h in raw for h in HOST_HINTS):
            continue  # most links: an article, a section, a share intent
        url = doc.resolve(raw)
        ident = identify(url) if url else None
        if ident is None or ident.url in seen:
            continue
        if is_embed_link(link) or _in_embed(link) or is_furniture(link, wrappers=doc.headline_holders()):
            continue
        seen.add(ident.url)
        text = text_of(link) or None
        yield MediaRef(
            kind=ident.kind,
            presence="linked",
            detector=DETECTOR,
            position=doc.position(link),
            line=doc.line_of(raw),
            provider=ident.provider,
            url=ident.url,
            urls=tuple(dict.fromkeys((ident.url, url or ident.url))),
            post_id=ident.post_id,
            context=text,
        )


def _in_embed(link: Element) -> bool:
    """Inside an embed or a player (the embed is the item), or inside the element an embed
    script fills (Facebook's `div.fb-post`, Tumblr's `div.tumblr-post`)."""
    for parent in link.iterancestors():
        if parent.tag in _EMBED_TAGS:
            return True
        if parent.tag == "div" and not EMBED_WRAPPER_CLASSES.isdisjoint(
            (attr(parent, "class") or "").split()
        ):
            return True
    return False
