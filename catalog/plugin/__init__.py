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
import json
import sqlite3
from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ArrayFacet
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args
from markupsafe import Markup, escape

__all__ = [
    "ItemsFacet",
    "extra_css_urls",
    "extra_js_urls",
    "filters_from_request",
    "register_facet_classes",
    "render_cell",
]

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


def _addresses(value: str) -> Markup | None:
    """Every address seen for an object, folded: "4 addresses" opens to the list of links."""
    try:
        urls = [u for u in json.loads(value) if isinstance(u, str)]
    except ValueError:
        return None
    if not urls:
        return Markup("")
    links = Markup("<br>").join(_link(u, u) or escape(u) for u in urls)
    label = "1 address" if len(urls) == 1 else f"{len(urls)} addresses"
    return Markup('<details class="catalog-urls"><summary>{}</summary>{}</details>').format(label, links)


def _cell(row: Any, value: Any, column: str, table: str | None, hotlink: bool) -> Markup | None:
    def get(key: str) -> Any:
        return _field(row, key)

    if column.startswith("thumbnail") and isinstance(value, bytes):
        return _thumbnail(value)
    if table in ("documents", "citations") and column in ("url", "page_url") and value:
        return _link(value, value)
    if table not in _MEDIA_TABLES:
        return None
    if column == "urls" and isinstance(value, str) and value.startswith("["):
        return _addresses(value)
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


def hamming(first: Any, second: Any) -> int | None:
    """How many bits two perceptual hashes (hex) differ in; None unless both are hashes."""
    try:
        return (int(first, 16) ^ int(second, 16)).bit_count()
    except (TypeError, ValueError):
        return None


@hookimpl  # type: ignore[untyped-decorator]  # datasette ships no type hints
def prepare_connection(conn: sqlite3.Connection) -> None:
    """SQL functions the canned queries use: hamming(phash, phash)."""
    conn.create_function("hamming", 2, hamming, deterministic=True)


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


class ItemsFacet(ArrayFacet):  # type: ignore[misc]  # datasette ships no type hints
    """A facet over a JSON array column whose items are unique within a row, as `credits` and
    `tags` are by construction: it counts with one pass of json_each, where Datasette's array
    facet first removes duplicates across whole rows (three times slower at 100,000 rows).
    Configured in metadata.yml as `- items: credits`; filters with `credits__arraycontains`."""

    type = "items"

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        size = self.get_facet_size()
        pairs = self.get_querystring_pairs()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            sql = (
                f"select j.value as value, count(*) as count from ({self.sql}) as inner_rows, "
                f"json_each(inner_rows.{escape_sqlite(column)}) j "
                f"group by j.value order by count(*) desc, value limit {size + 1}"
            )
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            values = []
            key = _LINKED_FILTERS.get(column, f"{column}__arraycontains")
            for row in rows.rows[:size]:
                value = str(row["value"])
                arg = {key: value}
                selected = (key, value) in pairs
                path = (
                    path_with_removed_args(self.request, arg)
                    if selected
                    else path_with_added_args(self.request, arg)
                )
                values.append(
                    {
                        "value": value,
                        "label": value,
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(self.request, path),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "results": values,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": self.ds.urls.path(
                        path_with_removed_args(self.request, {"_facet_items": column})
                    ),
                    "truncated": len(rows) > size,
                }
            )
        return results, timed_out


@hookimpl  # type: ignore[untyped-decorator]
def register_facet_classes() -> list[type]:
    return [ItemsFacet]


# The credits facet filters through the credits tables, whose indexes answer at once, rather
# than through json_each over every media row (a second at 100,000 rows).
_LINKED_FILTERS = {"credits": "_credit"}
_CREDIT_FILTER = (
    "id in (select media_credits.media_id from media_credits join credits "
    "on credits.id = media_credits.credit_id where credits.name = :{param})"
)


@hookimpl  # type: ignore[untyped-decorator]
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    """`?_credit=NAME` (repeatable): media crediting that party, in any of its spellings."""
    if table not in ("media", "citations"):
        return None
    names = request.args.getlist("_credit")
    if not names:
        return None
    column = "id" if table == "media" else "media_id"
    clauses, params, described = [], {}, []
    for n, name in enumerate(names):
        param = f"catalog_credit_{n}"
        clauses.append(_CREDIT_FILTER.format(param=param).replace("id in", f"{column} in", 1))
        params[param] = name
        described.append(f"credited to {name}")
    return FilterArguments(clauses, params=params, human_descriptions=described)
