"""How the browser shows single values from the catalogue: addresses, pictures, JSON arrays, ids.

Everything here came from a scanned document and is untrusted: only http(s) addresses are ever
returned as addresses to link to, a picture is only ever a stored thumbnail (a data: address of
bytes we checked) or an http(s) address, and text is returned as text for the caller to escape.
"""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import urlsplit

from datasette.utils import tilde_encode

__all__ = [
    "IMAGE_SUFFIXES",
    "KIND_LABELS",
    "PLAYABLE",
    "http_url",
    "json_list",
    "media_path",
    "document_path",
    "short_address",
    "short_id",
    "thumbnail_uri",
]

PLAYABLE = frozenset({"video", "audio"})
KIND_LABELS = {
    "photo": "photo",
    "video": "video",
    "audio": "audio",
    "social_post": "post",
    "gallery": "gallery",
    "quote": "quote",
    "document": "document",
}
# The file endings of pictures a browser shows, for addresses a page gave as a picture's own.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".jpe")
_IMAGE_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"RIFF": "image/webp", b"\x89PNG": "image/png"}


def http_url(value: Any) -> str | None:
    """The value if it is an http(s) address (what may become a link), else None."""
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    if not stripped.lower().startswith(("http://", "https://")) or any(c in stripped for c in "\r\n\t "):
        return None
    return stripped


def short_address(url: str, width: int = 48) -> str:
    """An address as a person scans it: the host (www. dropped) and the start of the path."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    text = host + (rest if rest != "/" else "")
    return text if len(text) <= width else text[: width - 1] + "…"


def short_id(media_id: str, width: int = 32) -> str:
    """A media id shortened for a table cell (the whole id stays in the link and its title)."""
    if media_id.lower().startswith(("http://", "https://")):
        return short_address(media_id, width)
    return media_id if len(media_id) <= width else media_id[: width - 1] + "…"


def thumbnail_uri(value: Any) -> str | None:
    """A stored thumbnail as a data: address, if its bytes are a JPEG, PNG or WebP picture."""
    if not isinstance(value, bytes):
        return None
    kind = next((mime for magic, mime in _IMAGE_TYPES.items() if value.startswith(magic)), None)
    if kind is None:
        return None
    return f"data:{kind};base64,{base64.b64encode(value).decode('ascii')}"


def json_list(value: Any) -> list[str] | None:
    """The strings of a JSON array column (credits, tags, urls); None if it is not one."""
    if not isinstance(value, str) or not value.startswith("["):
        return None
    try:
        items = json.loads(value)
    except ValueError:
        return None
    if not isinstance(items, list):
        return None
    return [item for item in items if isinstance(item, str) and item]


def media_path(datasette: Any, database: str, media_id: str) -> str:
    """The address of a media item's own page."""
    return str(datasette.urls.row(database, "media", tilde_encode(media_id)))


def document_path(datasette: Any, database: str, document_id: str) -> str:
    """The address of a document's own page (its timeline)."""
    return str(datasette.urls.row(database, "documents", tilde_encode(document_id)))
