"""Players: <iframe>/<embed> of known platforms (YouTube in all its forms, Vimeo, Dailymotion,
Spotify, SoundCloud, ...), and HTML5 <video>/<audio> with every <source> in one item."""

from __future__ import annotations

from collections.abc import Iterator

from bs4 import Tag

from catalog.document import Document
from catalog.extractors._captions import caption_and_credit, credit_text
from catalog.extractors._html import attr, is_furniture, is_placeholder, unique
from catalog.extractors._tags import tags_for
from catalog.providers import identify, provider_of_host
from catalog.records import MediaRef

__all__ = ["extract"]

DETECTOR = "html_players"
_FRAME_ATTRS = ("src", "data-src", "data-lazy-src", "data-url", "data-video-url")


def extract(doc: Document) -> Iterator[MediaRef]:
    for tag in doc.tags("iframe", "embed", "video", "audio"):
        ref = _html5(doc, tag) if tag.name in ("video", "audio") else _frame(doc, tag)
        if ref is not None:
            yield ref


def _frame(doc: Document, frame: Tag) -> MediaRef | None:
    for name in _FRAME_ATTRS:
        raw = attr(frame, name)
        url = doc.resolve(raw)
        if not url:
            continue
        ident = identify(url)
        if ident is None:
            continue
        caption, credit = caption_and_credit(frame)
        title = attr(frame, "title")
        return MediaRef(
            kind=ident.kind,
            presence="embedded",
            detector=DETECTOR,
            position=doc.position(frame),
            line=doc.line_of(raw),
            provider=ident.provider,
            url=ident.url,
            urls=tuple(unique((ident.url, url))),
            post_id=ident.post_id,
            caption=caption or title,
            credit=credit_text(credit),
            tags=tags_for(title, caption),
            context=caption or title,
        )
    return None


def _html5(doc: Document, player: Tag) -> MediaRef | None:
    raw = [v for v in [attr(player, "src")] if v]
    raw += [v for s in player.find_all("source") for v in [attr(s, "src") or attr(s, "data-src")] if v]
    urls = unique(u for u in (doc.resolve(r) for r in raw) if u and not is_placeholder(u))
    if not urls or is_furniture(player):
        return None
    poster = doc.resolve(attr(player, "poster"))
    if poster and not is_placeholder(poster):
        urls.append(poster)
    caption, credit = caption_and_credit(player)
    host = urls[0].split("/")[2]
    return MediaRef(
        kind="video" if player.name == "video" else "audio",
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(player),
        line=doc.line_of(raw[0]),
        provider=provider_of_host(host) or "site",
        url=urls[0],
        urls=tuple(urls),
        caption=caption or attr(player, "title") or attr(player, "aria-label"),
        credit=credit_text(credit),
        tags=tags_for(caption),
        context=caption,
    )
