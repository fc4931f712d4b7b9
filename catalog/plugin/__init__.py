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
import re
import sqlite3
from collections import OrderedDict
from typing import Any, NamedTuple

from datasette import hookimpl
from datasette.database import QueryInterrupted, Results
from datasette.facets import ArrayFacet
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args
from markupsafe import Markup, escape

__all__ = [
    "ItemsFacet",
    "cache_reads",
    "extra_css_urls",
    "extra_js_urls",
    "filters_from_request",
    "register_facet_classes",
    "render_cell",
    "startup",
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


READ_CACHE_SIZE = 512  # answers kept per immutable database (facet counts, pages of rows)


def cache_reads(db: Any, size: int = READ_CACHE_SIZE) -> None:
    """Keep the last answers of an immutable database: the same query over the same bytes gives
    the same rows, so the media table's facet counts (0.6 s at a million rows) are counted once
    per filter, not on every visit. Each caller gets its own list of the (immutable) rows; a
    query that fails or times out is not kept."""
    if db.is_mutable or getattr(db, "_catalog_cached", False):
        return
    execute = db.execute
    answers: OrderedDict[tuple[Any, ...], Results] = OrderedDict()

    async def cached(
        sql: str,
        params: Any = None,
        truncate: bool = False,
        custom_time_limit: int | None = None,
        page_size: int | None = None,
        log_sql_errors: bool = True,
    ) -> Results:
        key = (sql, json.dumps(params, sort_keys=True, default=repr), truncate, page_size)
        found = answers.get(key)
        if found is None:
            found = await execute(
                sql,
                params=params,
                truncate=truncate,
                custom_time_limit=custom_time_limit,
                page_size=page_size,
                log_sql_errors=log_sql_errors,
            )
            answers[key] = found
            if len(answers) > size:
                answers.popitem(last=False)
        else:
            answers.move_to_end(key)
        return Results(list(found.rows), found.truncated, found.description)

    db.execute = cached
    db._catalog_cached = True


@hookimpl  # type: ignore[untyped-decorator]  # datasette ships no type hints
def startup(datasette: Any) -> None:
    for db in datasette.databases.values():
        cache_reads(db)


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
    `tags` are by construction. Configured in metadata.yml as `- items: credits`.

    The media table's `credits` and `tags` are also rows of indexed tables (media_credits,
    media_tags): they are counted there, by index (0.2 s at a million media, where one pass of
    json_each takes 1.4 s), and filter through them (`?_credit=`, `?_tag=`). Any other array
    column is counted with one pass of json_each (Datasette's own array facet first removes
    duplicates across whole rows: three times slower) and filters with `__arraycontains`."""

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
            linked = self.table == "media" and column in _ITEM_TABLES
            if linked:  # a catalogue from before media_tags, served by plain Datasette, has none
                linked = await self.ds.get_database(self.database).table_exists(_ITEM_TABLES[column].table)
            sql = _items_sql(column, self.sql, size + 1, linked)
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
            key = _ITEM_TABLES[column].filter if linked else f"{column}__arraycontains"
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


class _Linked(NamedTuple):
    """An array column of media whose items are also rows of an indexed table."""

    filter: str  # the request argument that selects media holding one item
    table: str  # the table of (media_id, item) rows
    item: str  # its item column
    label: str  # the item as the facet shows it (SQL over `item`)
    selects: str  # the filter's clause, over media ids, with a :{param} for the item shown
    said: str  # how the page describes the filter


_ITEM_TABLES = {
    "credits": _Linked(
        "_credit",
        "media_credits",
        "credit_id",
        "(select name from credits where credits.id = item)",
        "id in (select media_credits.media_id from media_credits join credits "
        "on credits.id = media_credits.credit_id where credits.name = :{param})",
        "credited to {value}",
    ),
    "tags": _Linked(
        "_tag",
        "media_tags",
        "tag",
        "item",
        "id in (select media_id from media_tags where tag = :{param})",
        "tagged {value}",
    ),
}
_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)


def _items_sql(column: str, sql: str, limit: int, linked: bool) -> str:
    """Count the items of an array column over the rows `sql` selects: through the column's
    indexed table if `linked`, else with json_each."""
    if not linked:
        return (
            f"select j.value as value, count(*) as count from ({sql}) as inner_rows, "
            f"json_each(inner_rows.{escape_sqlite(column)}) j "
            f"group by j.value order by count(*) desc, value limit {limit}"
        )
    linked_by = _ITEM_TABLES[column]
    # The whole table: every link counts, straight from the item column's index.
    only = f"where media_id in (select id from ({sql}))" if _WHERE.search(sql) else ""
    return (
        f"select {linked_by.label} as value, n as count from "
        f"(select {linked_by.item} as item, count(*) as n from {linked_by.table} {only} "
        f"group by {linked_by.item}) order by count desc, value limit {limit}"
    )


@hookimpl  # type: ignore[untyped-decorator]
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    """`?_credit=NAME` (media crediting that party, in any of its spellings) and `?_tag=TAG`,
    each repeatable, through the indexed credits and tags tables."""
    if table not in ("media", "citations"):
        return None
    column = "id" if table == "media" else "media_id"
    clauses, params, described = [], {}, []
    for linked in _ITEM_TABLES.values():
        for n, value in enumerate(request.args.getlist(linked.filter)):
            param = f"catalog{linked.filter}_{n}"
            clauses.append(linked.selects.format(param=param).replace("id in", f"{column} in", 1))
            params[param] = value
            described.append(linked.said.format(value=value))
    if not clauses:
        return None
    return FilterArguments(clauses, params=params, human_descriptions=described)
