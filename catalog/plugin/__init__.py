"""catalog's Datasette plugin: cells shown as people recognise them.

Registered through the `datasette` entry point, so plain `datasette db/catalog.db -m metadata.yml`
uses it too. A stored thumbnail shows as a picture, a post as "@handle: text" linking to the
post, a video or a sound as a link to its player, a caption with its credit underneath, a page's
address as a link. Everything comes from scanned pages and is untrusted: every value is escaped,
only http(s) addresses become links, and third-party images are never loaded from their sites
unless the configuration asks for it (`plugins: catalog: hotlink_images: true`).
"""

from __future__ import annotations

import base64
from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

__all__ = ["extra_css_urls", "extra_js_urls", "render_cell"]

_STATIC = "/-/static-plugins/catalog/"

_MEDIA_TABLES = frozenset({"media", "citations", "media_by_credit"})
_PLAYABLE = frozenset({"video", "audio"})
_IMAGE_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"RIFF": "image/webp", b"\x89PNG": "image/png"}


def _link(url: Any, text: Any) -> Markup | None:
    """An anchor to an http(s) address, or None for anything else (javascript:, data:, ...)."""
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        return None
    return Markup('<a href="{}" rel="noopener noreferrer nofollow">{}</a>').format(url, text)


def _thumbnail(value: bytes) -> Markup | None:
    kind = next((mime for magic, mime in _IMAGE_TYPES.items() if value.startswith(magic)), None)
    if kind is None:
        return None
    data = base64.b64encode(value).decode("ascii")
    return Markup(
        '<img class="catalog-thumb" src="data:{};base64,{}" alt="thumbnail" loading="lazy">'
    ).format(kind, data)


def _field(row: Any, key: str) -> Any:
    """A column of the row Datasette passes (a sqlite3.Row, or a dict), None if it has none."""
    try:
        return row[key]
    except (IndexError, KeyError, TypeError):
        return None


def _cell(row: Any, value: Any, column: str, table: str | None, hotlink: bool) -> Markup | None:
    def get(key: str) -> Any:
        return _field(row, key)

    if column == "thumbnail" and isinstance(value, bytes):
        return _thumbnail(value)
    if table in ("documents", "citations") and column in ("url", "page_url") and value:
        return _link(value, value)
    if table not in _MEDIA_TABLES:
        return None
    if column == "caption" and value and get("credit"):
        return Markup('{}<br><small class="catalog-credit">{}</small>').format(value, get("credit"))
    if column == "post_text" and value and get("author_handle"):
        handle = get("author_handle")
        link = _link(get("url"), handle) or escape(handle)
        return Markup("{}: {}").format(link, value)
    if column == "url" and value:
        kind = get("kind")
        if kind in _PLAYABLE:
            return _link(value, Markup("&#9654; play on {}").format(get("provider") or "its site"))
        if kind == "photo" and hotlink:
            image = Markup(
                '<img class="catalog-photo" src="{}" alt="" loading="lazy" referrerpolicy="no-referrer">'
            )
            return _link(value, image.format(value))
        return _link(value, value)
    return None


@hookimpl  # type: ignore[untyped-decorator]  # datasette ships no type hints
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    config = datasette.plugin_config("catalog", database=database) or {}
    return _cell(row, value, column, table, bool(config.get("hotlink_images")))


@hookimpl  # type: ignore[untyped-decorator]  # datasette ships no type hints
def extra_css_urls() -> list[str]:
    return [_STATIC + "catalog.css"]


@hookimpl  # type: ignore[untyped-decorator]
def extra_js_urls() -> list[str]:
    return [_STATIC + "catalog.js"]
