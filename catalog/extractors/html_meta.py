"""Page-level metadata about media: og:/twitter: image and video tags (both the property/content
and name/value spellings) and JSON-LD ImageObject/VideoObject, with their caption and credit.

They are recorded with `presence: metadata`, never as rendered media; when they name the same
picture as a rendered item, assemble lets them fill that item's missing caption or credit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from catalog.document import Document
from catalog.extractors._html import attr, is_placeholder
from catalog.extractors._structured import credit_of, ld_media, media_name
from catalog.providers import identify
from catalog.records import MediaRef

__all__ = ["extract"]

DETECTOR = "html_meta"

# Meta keys naming media, and the kind each names.
_META_KEYS = {
    "og:image": "photo",
    "og:image:url": "photo",
    "og:image:secure_url": "photo",
    "twitter:image": "photo",
    "twitter:image:src": "photo",
    "og:video": "video",
    "og:video:url": "video",
    "og:video:secure_url": "video",
    "twitter:player": "video",
    "og:audio": "audio",
}


def extract(doc: Document) -> Iterator[MediaRef]:
    seen: set[str] = set()
    for tag in doc.tags("meta"):
        key = (attr(tag, "property") or attr(tag, "name") or "").lower()
        kind = _META_KEYS.get(key)
        raw = attr(tag, "content") or attr(tag, "value")
        if kind is None or not raw:
            continue
        ref = _ref(doc, raw, kind, doc.position(tag), None, None, None, None)
        if ref is not None and ref.url not in seen:
            seen.add(ref.url or "")
            yield ref
    for obj, kind, script in ld_media(doc):
        ref = _ld_ref(doc, obj, kind, doc.position(script))
        if ref is not None and ref.url not in seen:
            seen.add(ref.url or "")
            yield ref


def _ld_ref(doc: Document, obj: dict[str, Any], kind: str, position: int) -> MediaRef | None:
    raw = obj.get("contentUrl") or obj.get("url") or obj.get("embedUrl")
    if not isinstance(raw, str):
        return None
    caption = next((n for key in ("caption", "description", "name") if (n := media_name(obj.get(key)))), None)
    width, height = obj.get("width"), obj.get("height")
    return _ref(doc, raw, kind, position, caption, credit_of(obj), _int(width), _int(height))


def _int(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("value")
    try:
        return int(str(value).removesuffix("px")) if value is not None else None
    except ValueError:
        return None


def _ref(
    doc: Document,
    raw: str,
    kind: str,
    position: int,
    caption: str | None,
    credit: str | None,
    width: int | None,
    height: int | None,
) -> MediaRef | None:
    url = doc.resolve(raw)
    if not url or is_placeholder(url):
        return None
    ident = identify(url)
    return MediaRef(
        kind=ident.kind if ident else kind,
        presence="metadata",
        detector=DETECTOR,
        position=position,
        line=doc.line_of(raw),
        provider=ident.provider if ident else "site",
        url=ident.url if ident else url,
        urls=(ident.url, url) if ident and ident.url != url else (url,),
        post_id=ident.post_id if ident else None,
        caption=caption,
        credit=credit,
        width=width,
        height=height,
        context=caption,
    )
