"""Page-level metadata about media: og:/twitter: image and video tags (both the property/content
and name/value spellings) and JSON-LD ImageObject/VideoObject, with their caption and credit.

They are recorded with `presence: metadata`, never as rendered media; when they name the same
picture as a rendered item, assemble lets them fill that item's missing caption or credit.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from catalog.document import Document
from catalog.extractors._html import attr, is_placeholder
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
_LD_TYPES = {"imageobject": "photo", "videoobject": "video", "audioobject": "audio"}
_LD_MEDIA_KEYS = {"image": "photo", "video": "video", "audio": "audio", "associatedMedia": None}
_MAX_LD_BYTES = 1_000_000  # a JSON-LD block larger than this is no metadata worth reading


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
    for script in doc.tags("script"):
        if (attr(script, "type") or "").lower() != "application/ld+json":
            continue
        text = script.text  # a script's words are one string, raw
        if not text or len(text) > _MAX_LD_BYTES:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue  # malformed JSON-LD is common and says nothing we can trust
        for obj, kind in _media_objects(data):
            ref = _ld_ref(doc, obj, kind, doc.position(script))
            if ref is not None and ref.url not in seen:
                seen.add(ref.url or "")
                yield ref


def _media_objects(data: Any, depth: int = 0) -> Iterator[tuple[Any, str]]:
    """Every ImageObject/VideoObject (or bare image/video address) in a JSON-LD document."""
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data:
            yield from _media_objects(item, depth + 1)
        return
    if not isinstance(data, dict):
        return
    types = data.get("@type")
    names = [t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)]
    kind = next((_LD_TYPES[n] for n in names if n in _LD_TYPES), None)
    if kind is not None:
        yield data, kind
        return
    for key, value in data.items():
        if key == "@graph":
            yield from _media_objects(value, depth + 1)
        elif key in _LD_MEDIA_KEYS:
            implied = _LD_MEDIA_KEYS[key]
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and implied:
                    yield {"url": item}, implied
                else:
                    yield from _media_objects(item, depth + 1)


def _name(value: Any) -> str | None:
    """A person or organisation as JSON-LD gives it: a string, {"name": ...} or a list of them."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _ld_ref(doc: Document, obj: dict[str, Any], kind: str, position: int) -> MediaRef | None:
    raw = obj.get("contentUrl") or obj.get("url") or obj.get("embedUrl")
    if not isinstance(raw, str):
        return None
    caption = _name(obj.get("caption")) or _name(obj.get("description")) or _name(obj.get("name"))
    credit = (
        _name(obj.get("creditText"))
        or _name(obj.get("creator"))
        or _name(obj.get("author"))
        or _name(obj.get("copyrightHolder"))
    )
    width, height = obj.get("width"), obj.get("height")
    return _ref(doc, raw, kind, position, caption, credit, _int(width), _int(height))


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
