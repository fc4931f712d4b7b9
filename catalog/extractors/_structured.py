"""Structured data about a page's media: JSON-LD and microdata ImageObject/VideoObject/AudioObject
with their addresses, caption and credit (`creditText`, `creator`, `author`, `copyrightHolder`,
`copyrightNotice`), read the same way by html_meta and by the credit places of a figure; and the
pictures a page's own scripts describe in their data (a WordPress REST attachment, a Next.js or
Arc page state), read for credits only."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, cast

from lxml import etree

from catalog.document import Document
from catalog.extractors._html import IMAGE_FILE
from catalog.tree import Element, attr, text_of
from catalog.vocabulary import CREDIT_ITEMPROPS, MEDIA_ITEMTYPES, STATE_CREDIT_KEYS, STATE_PICTURE_KEYS

__all__ = [
    "credit_of",
    "file_stem",
    "is_credit_prop",
    "is_media_scope",
    "ld_media",
    "media_name",
    "microdata_credit",
    "microdata_media",
    "state_lead_credit",
    "state_pictures",
    "state_values",
]

_LD_TYPES = {"imageobject": "photo", "videoobject": "video", "audioobject": "audio"}
_LD_MEDIA_KEYS = {"image": "photo", "video": "video", "audio": "audio", "associatedMedia": None}
_MAX_LD_BYTES = 1_000_000  # a JSON-LD block larger than this is no metadata worth reading
_MAX_DEPTH = 8
# Where microdata puts a value: the attribute of the element that carries it, else its text.
_VALUE_ATTRS = ("content", "value", "src", "href", "datetime")
_CREDIT_PROPS = frozenset(CREDIT_ITEMPROPS)
# A page's script data: read up to this many characters of scripts in all, objects this deep.
_MAX_STATE_CHARS = 4_000_000
_STATE_DEPTH = 24
# What a script must hold to be read for credits: a credit key, a caption, a key ending in
# "credit" ("ledeImageCredit", "featured_image_credit").
_STATE_HINTS = tuple(f'"{key}"' for key in STATE_CREDIT_KEYS) + ('"caption"', 'Credit"', 'credit"')
# A story object's key for its lead picture's credit ("ledeImageCredit", "featured_image_credit").
_LEAD_CREDIT_KEY = re.compile(
    r"^(?:lede|lead|hero|featured|main|top)_?(?:image|photo|media)_?credit$", re.IGNORECASE
)
_DECODER = json.JSONDecoder()
# An object literal assigned in a script's code ("var app_data = {", "window.__STATE__ = {").
_ASSIGNED = re.compile(r"=\s*\{")
_STATE_TRIES = 50
# The tail of a file name that names its size, not the picture: "-640x423", "_167x94", "@2x".
_SIZE_SUFFIX = re.compile(r"(?:[-_]\d{2,4}x\d{2,4}|@\dx|[-_]scaled)+$", re.IGNORECASE)
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
        except (ValueError, RecursionError):
            continue  # malformed (or absurdly nested) JSON-LD says nothing we can trust
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


def state_values(doc: Document) -> list[Any]:
    """The data a page's scripts hold (`var app_data = {...}`, `window.__APOLLO_STATE__ = {...}`,
    a `<script type="application/json">` state) where it may name a picture's credit: read once
    a page, for state_pictures and state_lead_credit."""
    values: list[Any] = []
    budget = _MAX_STATE_CHARS
    for script in doc.tags("script"):
        kind = (attr(script, "type") or "").lower()
        text = script.text
        if not text or kind == "application/ld+json" or len(text) > budget:
            continue
        if not any(hint in text for hint in _STATE_HINTS):
            continue  # the cheap test first: most scripts are code, or data naming no credit
        budget -= len(text)
        values.extend(_json_values(text))
    return values


def state_pictures(values: list[Any]) -> Iterator[tuple[list[str], str | None, str | None]]:
    """The pictures the page's script data describe: every object naming a picture's address
    under one of STATE_PICTURE_KEYS, with the other sizes of the same file it holds, its credit
    (a key of STATE_CREDIT_KEYS, at most two objects down: WordPress's media_details.image_meta)
    and its caption (WordPress's {"rendered": ...} too)."""
    for data in values:
        yield from _state_objects(data, 0)


def _json_values(text: str) -> Iterator[Any]:
    """The JSON a script holds: the whole of it, else each object literal assigned in its code
    ("= {"), at most _STATE_TRIES of them. Malformed or too deeply nested data is skipped."""
    whole = text.strip()
    if whole.startswith(("{", "[")):
        try:
            yield json.loads(whole)
            return
        except (ValueError, RecursionError):
            pass
    tries = 0
    for m in _ASSIGNED.finditer(text):
        tries += 1
        if tries > _STATE_TRIES:
            return
        try:
            value, _ = _DECODER.raw_decode(text, m.end() - 1)
        except (ValueError, RecursionError):
            continue  # code, not data; or nesting past what the decoder reads
        yield value


def _state_objects(data: Any, depth: int) -> Iterator[tuple[list[str], str | None, str | None]]:
    if depth > _STATE_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _state_objects(item, depth + 1)
        return
    if not isinstance(data, dict):
        return
    own = [
        v for k, v in data.items() if k in STATE_PICTURE_KEYS and isinstance(v, str) and IMAGE_FILE.search(v)
    ]
    if own:
        credit = _state_credit(data, 0)
        caption = _state_text(data.get("caption"))
        if credit or caption:
            files = {file_stem(u) for u in own}
            sizes = [u for u in _addresses_in(data, 0) if file_stem(u) in files]  # not a gallery's others
            yield [*own, *sizes], credit, caption
    for value in data.values():
        if isinstance(value, (dict, list)):
            yield from _state_objects(value, depth + 1)


def _state_credit(obj: dict[str, Any], depth: int) -> str | None:
    for key in STATE_CREDIT_KEYS:
        name = _state_name(obj.get(key))
        if name:
            return name
    if depth < 2:
        for value in obj.values():
            if isinstance(value, dict):
                found = _state_credit(value, depth + 1)
                if found:
                    return found
    return None


def _state_name(value: Any) -> str | None:
    """A credit as page data gives it: a string, {"name": ...}, Arc's {"by": [{"name": ...}],
    "affiliation": [...]}, or a list of them (joined with "/")."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        names = [n for n in (_state_name(v) for v in value) if n]
        return "/".join(names) or None
    if isinstance(value, dict):
        if "name" in value:
            return _state_name(value["name"])
        parts = [n for n in (_state_name(value.get(k)) for k in ("by", "affiliation")) if n]
        return "/".join(parts) or None
    return None


def _state_text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("rendered")
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(re.sub(r"<[^>]*>", " ", value).split()) or None


def file_stem(url: str) -> str:
    """A file's name without its type and size suffix ("GettyImages-1079941752" for
    ".../GettyImages-1079941752-300x200.jpg?w=300"): what its other sizes share."""
    name = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return _SIZE_SUFFIX.sub("", name).lower()


def _addresses_in(data: Any, depth: int) -> Iterator[str]:
    """The picture addresses an object holds under STATE_PICTURE_KEYS, its sizes' too."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str):
                if key in STATE_PICTURE_KEYS and IMAGE_FILE.search(value):
                    yield value
            else:
                yield from _addresses_in(value, depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from _addresses_in(item, depth + 1)


def state_lead_credit(values: list[Any]) -> str | None:
    """The credit the page's script data give the story's lead picture under a key of its own
    (New Republic's Apollo state: "ledeImageCredit": "Spencer Platt/Getty")."""
    return next((f for f in (_lead_credit(data, 0) for data in values) if f), None)


def _lead_credit(data: Any, depth: int) -> str | None:
    if depth > _STATE_DEPTH:
        return None
    if isinstance(data, list):
        return next((f for f in (_lead_credit(item, depth + 1) for item in data) if f), None)
    if not isinstance(data, dict):
        return None
    for key, value in data.items():
        if isinstance(value, str) and value.strip() and _LEAD_CREDIT_KEY.match(key):
            return value.strip()
    return next(
        (f for f in (_lead_credit(v, depth + 1) for v in data.values() if isinstance(v, (dict, list))) if f),
        None,
    )
