"""Table cells as people recognise them (Datasette's `render_cell`).

A stored thumbnail shows as a picture, a post as "@handle: text" linking to the post, a video or a
sound as a link to its player, an address as a short link,
the credits, tags and addresses arrays as lists of links (an empty one as nothing), and a media
item or a document named in another table as a link to its own page. Only http(s) addresses
become links to other sites; everything else is escaped text.
"""

from __future__ import annotations

from collections.abc import Awaitable
from pathlib import PurePath
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from catalog.plugin.values import (
    PLAYABLE,
    document_path,
    http_url,
    json_list,
    media_path,
    short_address,
    short_id,
    thumbnail_uri,
)

__all__ = ["cell", "document_label", "link"]

# Tables and views whose rows are media items (a canned query's rows count too: `table` None).
_MEDIA_ROWS = frozenset({"media", "citations", "media_by_credit", None})
# Tables whose media_id Datasette expands to the media's label (its caption, often empty).
_NAMING_MEDIA = frozenset({"mentions", "media_credits", "media_tags"})
_EMPTY = Markup('<span class="catalog-empty"></span>')  # truthy, so Datasette prints no "[]"
_ARRAY_FILTERS = {"credits": "_credit", "tags": "_tag"}


def link(url: Any, text: Any, title: Any = None) -> Markup | None:
    """An anchor to an http(s) address, or None for anything else (javascript:, data:, ...)."""
    address = http_url(url)
    if address is None:
        return None
    if title:
        return Markup('<a href="{}" title="{}" rel="noopener noreferrer nofollow">{}</a>').format(
            address, title, text
        )
    return Markup('<a href="{}" rel="noopener noreferrer nofollow">{}</a>').format(address, text)


def _short_link(url: Any) -> Markup | None:
    address = http_url(url)
    return link(address, short_address(address), address) if address else None


def _thumbnail(value: bytes) -> Markup | None:
    uri = thumbnail_uri(value)
    if uri is None:
        return None
    return Markup('<img class="catalog-thumb" src="{}" alt="thumbnail" loading="lazy">').format(uri)


def _field(row: Any, key: str) -> Any:
    """A column of the row Datasette passes (a sqlite3.Row, or a dict), None if it has none."""
    try:
        return row[key]
    except (IndexError, KeyError, TypeError):
        return None


def _addresses(urls: list[str]) -> Markup:
    """Every address seen for an object, folded: "4 addresses" opens to the list of links."""
    if not urls:
        return _EMPTY
    links = Markup("<br>").join(_short_link(u) or escape(u) for u in urls)
    label = "1 address" if len(urls) == 1 else f"{len(urls)} addresses"
    return Markup('<details class="catalog-urls"><summary>{}</summary>{}</details>').format(label, links)


def _filter_links(datasette: Any, database: str, argument: str, items: list[str]) -> Markup:
    """Each item of an array as a link to the media holding it (`?_credit=NAME`, `?_tag=TAG`)."""
    if not items:
        return _EMPTY
    table = datasette.urls.table(database, "media")
    links = [
        Markup('<a href="{}?{}">{}</a>').format(table, urlencode({argument: item}), item) for item in items
    ]
    return Markup('<span class="catalog-list">{}</span>').format(Markup(", ").join(links))


def document_label(source: Any, title: Any = None) -> str:
    """How a document is named in a list: its title, else its file name or short address."""
    if isinstance(title, str) and title.strip():
        return title.strip()
    text = str(source or "")
    if http_url(text):
        return short_address(text)
    name = PurePath(text.split("#", 1)[0]).name
    return name or text


def _media_link(datasette: Any, database: str, media_id: str, label: str | None = None) -> Markup:
    return Markup('<a class="catalog-media-link" href="{}" title="{}">{}</a>').format(
        media_path(datasette, database, media_id), media_id, label or short_id(media_id)
    )


async def _named_media(datasette: Any, database: str, media_id: str) -> Markup:
    """A link to a media item labelled with what it shows, for items with no caption."""
    rows = await datasette.get_database(database).execute(
        "select kind, provider, caption, post_text, author_handle, oembed_title from media where id = ?",
        [media_id],
    )
    label = media_id
    if rows.rows:
        media = rows.rows[0]
        handle, text = media["author_handle"], media["post_text"]
        post = f"{handle}: {text}" if handle and text else (handle or text)
        label = media["caption"] or media["oembed_title"] or post or f"{media['kind']} ({media['provider']})"
    label = label if len(label) <= 90 else label[:89] + "…"
    return _media_link(datasette, database, media_id, label)


def cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any, hotlink: bool
) -> Markup | Awaitable[Markup] | None:
    """How one cell shows, or None to leave it to Datasette."""

    def get(key: str) -> Any:
        return _field(row, key)

    if column.startswith("thumbnail") and isinstance(value, bytes):
        return _thumbnail(value)
    if column == "popup" and table is None and value:
        return _EMPTY  # the map's marker text (JSON): the map reads it, the table need not show it
    if column in ("media_id", "other_media_id") and value:
        media_id, label = (value["value"], value["label"]) if isinstance(value, dict) else (value, None)
        if table in _NAMING_MEDIA and not label:
            return _named_media(datasette, database, str(media_id))
        return _media_link(datasette, database, str(media_id), label)
    if column == "document_id" and value:
        doc_id, label = (value["value"], value["label"]) if isinstance(value, dict) else (value, None)
        return Markup('<a href="{}" title="{}">{}</a>').format(
            document_path(datasette, database, str(doc_id)),
            doc_id,
            document_label(label) if label else doc_id,
        )
    if table == "documents" and column in ("source", "title") and value and get("id"):
        return Markup('<a href="{}">{}</a>').format(
            document_path(datasette, database, get("id")),
            document_label(value) if column == "source" else value,
        )
    if table in ("documents", "citations") and column in ("url", "page_url") and value:
        return _short_link(value)
    if table not in _MEDIA_ROWS:
        if table == "credits" and column == "name" and value:
            return _filter_links(datasette, database, "_credit", [value])
        return None
    if column == "source" and value and get("document_id"):
        return Markup('<a href="{}" title="{}">{}</a>').format(
            document_path(datasette, database, get("document_id")), value, document_label(value)
        )
    if column == "credit_name" and value:
        return _filter_links(datasette, database, "_credit", [value])
    items = json_list(value) if column in ("urls", *_ARRAY_FILTERS) else None
    if items is not None:
        if column == "urls":
            return _addresses(items)
        return _filter_links(datasette, database, _ARRAY_FILTERS[column], items)
    if column == "post_text" and value and get("author_handle"):
        handle = get("author_handle")
        return Markup("{}: {}").format(link(get("url"), handle) or escape(handle), value)
    if column in ("url", "other_url") and value:
        kind = get("kind")
        if kind in PLAYABLE and column == "url":
            return link(value, Markup("&#9654; play on {}").format(get("provider") or "its site"), value)
        if kind == "photo" and hotlink and column == "url":
            image = Markup(
                '<img class="catalog-photo" src="{}" alt="" loading="lazy" referrerpolicy="no-referrer">'
            )
            return link(value, image.format(value), value)
        return _short_link(value)
    return None
