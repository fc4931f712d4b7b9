"""catalog's Datasette plugin: the catalogue as its readers browse it.

Registered through the `datasette` entry point, so plain `datasette db/catalog.db -m metadata.yml`
uses it too. It brings, by Datasette's own means:

- pages (templates/): the home page's overview, the media table as a grid of cards with its
  facets folded into a bar, a page per media item (picture, caption, credit parties, every
  citation) and per document (its media in order under their live-blog entries);
- cells (cells.py): thumbnails as pictures, posts as "@handle: text", players as links, JSON
  arrays as lists of links, media and documents named in other tables as links to their pages;
- facets and filters (facets.py) over credits, tags and citing sites;
- `table_actions` to switch the media table between cards, a table and all its columns;
- SQL functions for the canned queries and the map.

Everything comes from scanned pages and is untrusted: every value is escaped, only http(s)
addresses become links, and third-party images are never loaded from their sites unless the
configuration asks for it (`plugins: catalog: hotlink_images: true`, which `catalog serve` sets
and `catalog serve --publish` does not).
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl
from datasette.database import Results
from datasette.filters import FilterArguments
from markupsafe import Markup

from catalog.plugin.cells import cell
from catalog.plugin.facets import ItemsFacet, linked_filters
from catalog.plugin.pages import CataloguePage, is_catalogue
from catalog.plugin.values import media_path, thumbnail_uri

__all__ = [
    "ItemsFacet",
    "cache_reads",
    "extra_css_urls",
    "extra_js_urls",
    "extra_template_vars",
    "filters_from_request",
    "hamming",
    "prepare_connection",
    "register_facet_classes",
    "render_cell",
    "startup",
    "table_actions",
]

_STATIC = "/-/static-plugins/catalog/"
_ACTIONS = {
    "cards": "Show as cards",
    "table": "Show as a table",
    "all columns": "Show all columns",
    "map": "Show on a map",
}


def _hotlink(datasette: Any, database: str | None) -> bool:
    config = datasette.plugin_config("catalog", database=database) or {}
    return bool(config.get("hotlink_images"))


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
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    """SQL functions the canned queries use: hamming(phash, phash) for near-duplicates, and for
    the map's popups media_page(id) (the address of a media item's page) and data_uri(thumbnail)."""
    conn.create_function("hamming", 2, hamming, deterministic=True)
    conn.create_function(
        "media_page", 1, lambda media_id: media_path(datasette, database, str(media_id)), deterministic=True
    )
    conn.create_function("data_uri", 1, thumbnail_uri, deterministic=True)


@hookimpl  # type: ignore[untyped-decorator]  # datasette ships no type hints
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | Awaitable[Markup] | None:
    return cell(row, value, column, table, database, datasette, _hotlink(datasette, database))


@hookimpl  # type: ignore[untyped-decorator]  # datasette ships no type hints
def extra_template_vars(
    database: str | None, table: str | None, request: Any, datasette: Any
) -> Callable[[], Awaitable[dict[str, Any]]]:
    """`catalog`: what the templates ask of the catalogue this page is in (None elsewhere);
    `catalog_of(name)`: the same for any database, for the home page."""

    async def page(name: str | None) -> CataloguePage | None:
        if not await is_catalogue(datasette, name):
            return None
        assert name is not None
        return CataloguePage(datasette, name, request, _hotlink(datasette, name))

    async def variables() -> dict[str, Any]:
        return {"catalog": await page(database), "catalog_of": page}

    return variables


@hookimpl  # type: ignore[untyped-decorator]  # datasette ships no type hints
def table_actions(
    datasette: Any, database: str, table: str, request: Any
) -> Callable[[], Awaitable[list[dict[str, str]]]]:
    """The media table's views in its actions menu: cards, a table, all columns, the map."""

    async def links() -> list[dict[str, str]]:
        if table != "media" or request is None or not await is_catalogue(datasette, database):
            return []
        page = CataloguePage(datasette, database, request, _hotlink(datasette, database))
        return [{"href": href, "label": _ACTIONS.get(label, label)} for label, href, _ in await page.views()]

    return links


@hookimpl  # type: ignore[untyped-decorator]  # datasette ships no type hints
def extra_css_urls() -> list[str]:
    return [_STATIC + "catalog.css"]


@hookimpl  # type: ignore[untyped-decorator]
def extra_js_urls() -> list[str]:
    return [_STATIC + "catalog.js"]


@hookimpl  # type: ignore[untyped-decorator]
def register_facet_classes() -> list[type]:
    return [ItemsFacet]


@hookimpl  # type: ignore[untyped-decorator]
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    """`?_credit=NAME`, `?_tag=TAG` and `?_site=DOMAIN`, through the linked rows (facets.py)."""
    return linked_filters(request, table)
