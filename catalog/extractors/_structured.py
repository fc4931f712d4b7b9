"""Structured data about a page's media: JSON-LD and microdata ImageObject/VideoObject/AudioObject
with their addresses, caption and credit (`creditText`, `creator`, `author`, `copyrightHolder`,
`copyrightNotice`), read the same way by html_meta and by the credit places of a figure."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, cast

from lxml import etree

from catalog.document import Document
from catalog.tree import Element, attr, text_of
from catalog.vocabulary import CREDIT_ITEMPROPS, MEDIA_ITEMTYPES

__all__ = [
    "credit_of",
    "is_credit_prop",
    "is_media_scope",
    "ld_media",
    "media_name",
    "microdata_credit",
    "microdata_media",
]

_LD_TYPES = {"imageobject": "photo", "videoobject": "video", "audioobject": "audio"}
_LD_MEDIA_KEYS = {"image": "photo", "video": "video", "audio": "audio", "associatedMedia": None}
_MAX_LD_BYTES = 1_000_000  # a JSON-LD block larger than this is no metadata worth reading
_MAX_DEPTH = 8
# Where microdata puts a value: the attribute of the element that carries it, else its text.
_VALUE_ATTRS = ("content", "value", "src", "href", "datetime")
_CREDIT_PROPS = frozenset(CREDIT_ITEMPROPS)
_ITEMTYPES = tuple(t.casefold() for t in MEDIA_ITEMTYPES)


def ld_media(doc: Document) -> Iterator[tuple[dict[str, Any], str, Element]]:
    """Every ImageObject/VideoObject/AudioObject (or bare image/video address) of the page's
    JSON-LD, with the kind it names and the script that holds it."""
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
            yield obj, kind, script


def _media_objects(data: Any, depth: int = 0) -> Iterator[tuple[dict[str, Any], str]]:
    if depth > _MAX_DEPTH:
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


def media_name(value: Any) -> str | None:
    """A person or organisation as JSON-LD gives it: a string, {"name": ...} or a list of them."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return media_name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (media_name(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def credit_of(obj: dict[str, Any]) -> str | None:
    """A media object's credit, its properties asked in CREDIT_ITEMPROPS' order (the credit line
    first, then the maker, then the holder of the rights)."""
    for prop in CREDIT_ITEMPROPS:
        name = media_name(obj.get(prop))
        if name:
            return name
    return None


def microdata_media(doc: Document) -> Iterator[tuple[Element, list[str]]]:
    """Every microdata media object of the page (`itemscope itemtype=".../ImageObject"`) and the
    addresses it names (`itemprop` contentUrl, url, embedUrl)."""
    if doc.root is None or "itemtype" not in doc.text:
        return
    found = doc.root.xpath("//*[@itemscope and @itemtype]")
    for scope in cast(list[Element], found if isinstance(found, list) else []):
        if not is_media_scope(scope):
            continue
        urls = [v for prop in ("contentUrl", "url", "embedUrl") for v in _props(scope, prop)]
        yield scope, urls


def is_media_scope(el: Element) -> bool:
    itemtype = (el.get("itemtype") or "").casefold()
    return el.get("itemscope") is not None and itemtype.rstrip("/").endswith(_ITEMTYPES)


def microdata_credit(scope: Element) -> str | None:
    """The credit a microdata media object states, in CREDIT_ITEMPROPS' order."""
    for prop in CREDIT_ITEMPROPS:
        for value in _props(scope, prop):
            return value
    return None


def _props(scope: Element, prop: str) -> Iterator[str]:
    """The values of one property of a microdata item (not of the items nested in it, but a
    Person or Organization it names gives its text: `<span itemprop=author itemscope><span
    itemprop=name>Jane Doe</span></span>`)."""
    for el in scope.iterdescendants(etree.Element):
        if prop not in (el.get("itemprop") or "").split():
            continue
        if _owner(el) is not scope:
            continue
        if el.get("itemscope") is not None:  # a Person or Organization: its name
            value = next(_props(el, "name"), None) or text_of(el)
        else:
            value = next((v for name in _VALUE_ATTRS if (v := attr(el, name))), None) or text_of(el)
        if value:
            yield value


def _owner(el: Element) -> Element | None:
    """The item a property belongs to: the nearest ancestor with itemscope."""
    return next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)


def is_credit_prop(el: Element) -> bool:
    """An element that states a media object's credit in microdata (`itemprop="copyrightHolder"`)."""
    return not _CREDIT_PROPS.isdisjoint((el.get("itemprop") or "").split())
