"""What catalog's own pages show: media as cards, a media item's page with every citation, a
document's page with its media in order (a live blog's timeline), the home page's overview.

The templates in `templates/` lay these out; this module reads the catalogue and hands them plain
values. Everything came from scanned documents and is untrusted: the templates escape all text,
only http(s) addresses become links to other sites, and a picture is a stored thumbnail, or the
original loaded from its own address only where the configuration allows (`hotlink_images`,
which `catalog serve` sets for the person who scanned the pages, and `--publish` leaves off).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from datasette.utils import path_with_removed_args, path_with_replaced_args

from catalog.plugin.cells import document_label
from catalog.plugin.values import (
    IMAGE_SUFFIXES,
    KIND_LABELS,
    PLAYABLE,
    document_path,
    http_url,
    json_list,
    media_path,
    short_address,
    thumbnail_uri,
)

# Filled by `catalog enrich` only: a catalogue never enriched shows none of them.
from catalog.store import ENRICHED_COLUMNS

__all__ = ["Card", "CataloguePage", "Picture", "is_catalogue"]

# What the table view shows first; every column is one click away ("all columns").
READABLE_COLUMNS = (
    "thumbnail",
    "kind",
    "provider",
    "caption",
    "credit",
    "credits",
    "post_text",
    "author_handle",
    "posted_at",
    "tags",
    "url",
    "last_seen",
)
READABLE_ENRICHED = ("availability", "width", "height", "captured_at")
PLACED_COLUMNS = (
    "thumbnail",
    "kind",
    "caption",
    "credit",
    "captured_at",
    "camera",
    "gps_lat",
    "gps_lon",
    "url",
)
# Facets by the words a reader uses.
FACET_LABELS = {
    "kind": "kind",
    "provider": "platform",
    "credit_org": "agency",
    "credit_person": "person",
    "credits": "credited",
    "author_handle": "account",
    "tags": "tags",
    "sites": "site",
    "posted_at": "posted",
    "availability": "availability",
    "domain": "site",
    "presence": "presence",
    "detector": "detector",
    "format": "format",
    "language": "language",
    "credit_type": "credit type",
    "credited_as": "credited as",
}
# Canned queries that read what `catalog enrich` stores.
NEEDS_ENRICH = frozenset({"near_duplicates", "no_longer_available", "pictures_on_a_map"})
CITATIONS_SHOWN = 500  # on a media item's page; the rest are one link away
DOCUMENT_ITEMS_SHOWN = 200  # per page of a document's timeline
_PLACEHOLDERS = {
    "video": "▶",
    "audio": "♪",
    "social_post": "@",
    "quote": "❝",
    "gallery": "▦",
    "photo": "▣",
    "document": "▤",
}


async def is_catalogue(datasette: Any, database: str | None) -> bool:
    """Whether a database is a catalogue (its media, mentions and documents tables)."""
    if not database or database not in datasette.databases:
        return False
    db = datasette.get_database(database)
    return all([await db.table_exists(t) for t in ("media", "mentions", "documents")])


@dataclass(frozen=True)
class Picture:
    src: str
    alt: str
    remote: bool  # loaded from the site that published it, not from the catalogue
    fallback: str | None = None  # the stored thumbnail, should the original not load


@dataclass(frozen=True)
class Citation:
    """One place a media item is cited: the document, where in it, and the words around it."""

    document_href: str
    document_label: str
    document_url: str | None
    domain: str | None
    date: str | None
    position: int | None
    line: int | None
    entry: str | None
    presence: str | None
    detector: str | None
    caption: str | None
    credit: str | None
    context: str | None


@dataclass(frozen=True)
class Card:
    """A media item as a card: its picture or what stands for it, and what a reader reads."""

    id: str
    href: str
    kind: str
    kind_label: str
    provider: str | None
    picture: Picture | None
    placeholder: str
    title: str | None  # a player's or post's own title
    caption: str | None
    alt: str | None  # the picture's alt text
    credit: str | None
    handle: str | None
    post_text: str | None
    open_href: str | None  # the object on its own site
    open_label: str
    date: str | None
    documents: int = 0
    first: Citation | None = None
    mention: Citation | None = None  # on a document's page: this citation
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Party:
    name: str
    type: str
    role: str | None
    full_name: str | None
    href: str


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    href: str | None = None


@dataclass
class Entry:
    """A live-blog entry of a document, with the media cited under it."""

    stamp: str | None
    cards: list[Card] = field(default_factory=list)


_PLURALS = {"audio": "audio clips", "gallery": "galleries", "social_post": "posts"}


def _counted(kind: str, n: int, href: str) -> tuple[str, str]:
    """ "3 photos", "1 audio clip": (text, link)."""
    if n == 1:
        label = {"audio": "audio clip"}.get(kind, KIND_LABELS.get(kind, kind))
    else:
        label = _PLURALS.get(kind, KIND_LABELS.get(kind, kind) + "s")
    return f"{n:,} {label}", href


def _get(row: Mapping[str, Any] | Any, key: str) -> Any:
    try:
        return row[key]
    except (IndexError, KeyError):
        return None


def _text(value: Any) -> str | None:
    """A non-empty string, or None (no "None", no "[]" on a page)."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _context(context: Any, caption: Any) -> str | None:
    """The words around a citation, if they say more than its caption (not the same line)."""
    text, said = _text(context), _text(caption)
    if not text or not said:
        return text
    squeezed = "".join(ch for ch in text.lower() if ch.isalnum())
    caption_squeezed = "".join(ch for ch in said.lower() if ch.isalnum())
    return None if caption_squeezed in squeezed and len(squeezed) - len(caption_squeezed) < 24 else text


def _looks_like_picture(url: str, provider: Any) -> bool:
    """An address a page gave as a picture's own file (not a post or a page about it)."""
    path = urlsplit(url).path.lower()
    return provider in (None, "site") or path.endswith(IMAGE_SUFFIXES)


def picture(row: Any, hotlink: bool, large: bool = False) -> Picture | None:
    """The picture a card shows: the stored thumbnail; else, where allowed, the photo or the
    platform's thumbnail loaded from its own address; else none. `large` (a media item's own
    page) prefers the original, where allowed, with the thumbnail to fall back on."""
    alt = _text(_get(row, "alt_text")) or _text(_get(row, "caption")) or ""
    stored = thumbnail_uri(_get(row, "thumbnail"))
    if stored and not (large and hotlink):
        return Picture(stored, alt, remote=False)
    url = http_url(_get(row, "url")) if hotlink else None
    if url and _get(row, "kind") == "photo" and _looks_like_picture(url, _get(row, "provider")):
        return Picture(url, alt, remote=True, fallback=stored)
    if stored:
        return Picture(stored, alt, remote=False)
    thumb = http_url(_get(row, "thumbnail_url")) if hotlink else None
    return Picture(thumb, alt, remote=True) if thumb else None


class CataloguePage:
    """What the templates ask of one catalogue for one request."""

    def __init__(self, datasette: Any, database: str, request: Any, hotlink: bool) -> None:
        self.datasette = datasette
        self.database = database
        self.request = request
        self.hotlink = hotlink
        self._enriched: bool | None = None

    # -- addresses ---------------------------------------------------------------------------

    def media_href(self, media_id: str) -> str:
        return media_path(self.datasette, self.database, media_id)

    def document_href(self, document_id: str) -> str:
        return document_path(self.datasette, self.database, document_id)

    def table_href(self, table: str, **args: str) -> str:
        base = str(self.datasette.urls.table(self.database, table))
        return f"{base}?{urlencode(args)}" if args else base

    def query_href(self, query: str, **args: str) -> str:
        base = str(self.datasette.urls.query(self.database, query))
        return f"{base}?{urlencode(args)}" if args else base

    def credit_href(self, name: str) -> str:
        return self.table_href("media", _credit=name)

    def tag_href(self, tag: str) -> str:
        return self.table_href("media", _tag=tag)

    def site_href(self, domain: str) -> str:
        return self.table_href("media", _site=domain)

    def http(self, value: Any) -> str | None:
        """The value if it is an http(s) address, the only kind a page links to."""
        return http_url(value)

    def facet_label(self, name: str) -> str:
        return FACET_LABELS.get(name, name.replace("_", " "))

    # -- the media table's views ---------------------------------------------------------------

    @property
    def cards_view(self) -> bool:
        return self.request is not None and self.request.args.get("_view") != "table"

    def view_href(self, view: str, columns: Iterable[str] = (), hidden: Iterable[str] = ()) -> str:
        """This page (its filters, search and sort) as cards or as a table of some columns."""
        path = path_with_removed_args(self.request, {"_view", "_col", "_nocol", "_next"})
        if view == "cards":
            return str(path)
        args: list[tuple[str, str]] = [("_view", "table")]
        args += [("_col", c) for c in columns] + [("_nocol", c) for c in hidden]
        return str(path) + ("&" if "?" in path else "?") + urlencode(args)

    async def views(self) -> list[tuple[str, str, bool]]:
        """The views of the media table: (label, address, current)."""
        enriched = await self.enriched()
        readable = READABLE_COLUMNS + (READABLE_ENRICHED if enriched else ())
        hidden = () if enriched else tuple(c for c in ENRICHED_COLUMNS if c != "thumbnail")
        wanted = self.request.args.getlist("_col")
        table = not self.cards_view
        views = [
            ("cards", self.view_href("cards"), not table),
            ("table", self.view_href("table", readable), table and bool(wanted) and "gps_lat" not in wanted),
            ("all columns", self.view_href("table", hidden=hidden), table and not wanted),
        ]
        if await self.placed():
            placed = self.view_href("table", PLACED_COLUMNS)
            placed += "&" + urlencode({"gps_lat__notnull": "1", "gps_lon__notnull": "1"})
            views.append(("map", placed, table and "gps_lat" in wanted))
        return views

    def sorts(self) -> list[tuple[str, str, bool]]:
        """Orders the cards can take: (label, address, current)."""
        args = self.request.args
        current = (
            ("_sort_desc", args.get("_sort_desc")) if args.get("_sort_desc") else ("_sort", args.get("_sort"))
        )
        choices = [
            ("last found", "_sort_desc", "last_seen"),
            ("first found", "_sort", "first_seen"),
            ("newest posts", "_sort_desc", "posted_at"),
            ("kind", "_sort", "kind"),
        ]
        out = []
        for label, key, column in choices:
            path = path_with_replaced_args(
                self.request, {"_sort": None, "_sort_desc": None, "_next": None, key: column}
            )
            chosen = current == (key, column) or (current == ("_sort", None) and column == "last_seen")
            out.append((label, str(path), chosen))
        return out

    def args_except(self, *names: str) -> list[tuple[str, str]]:
        """The request's arguments, each value apart, but for those named."""
        if self.request is None:
            return []
        return [(k, v) for k in self.request.args for v in self.request.args.getlist(k) if k not in names]

    def clear_href(self) -> str:
        return self.table_href("media")

    # -- what enrich stored ------------------------------------------------------------------------

    async def enriched(self) -> bool:
        """Whether `catalog enrich` has looked at any media item (an index answers)."""
        if self._enriched is None:
            rows = await self._execute("select 1 from media where checked_at is not null limit 1")
            self._enriched = bool(rows)
        return self._enriched

    async def placed(self) -> bool:
        """Whether any picture has a place (EXIF GPS): the map has something to show."""
        rows = await self._execute(
            "select 1 from media where gps_lat is not null and gps_lon is not null limit 1"
        )
        return bool(rows)

    async def query_note(self, query: str | None, rows: int) -> str | None:
        """What to run when a canned query that reads enrichment has nothing to show."""
        if query not in NEEDS_ENRICH or rows:
            return None
        path = self.datasette.get_database(self.database).path
        if not await self.enriched():
            return (
                f"Nothing to show yet: this query reads what `catalog enrich` learns from the media "
                f"themselves, and it has not run on this catalogue. Run `catalog enrich --db {path}` "
                "(it fetches each media address once), then reload this page."
            )
        return "None found among the media `catalog enrich` has checked so far."

    # -- cards -----------------------------------------------------------------------------------

    def large_picture(self, row: Any) -> Picture | None:
        return picture(row, self.hotlink, large=True)

    def card(
        self, row: Any, cited: tuple[int, Citation | None] = (0, None), mention: Citation | None = None
    ) -> Card:
        kind = _get(row, "kind") or "media"
        provider = _text(_get(row, "provider"))
        url = http_url(_get(row, "url"))
        handle = _text(_get(row, "author_handle"))
        on = provider if provider and provider != "site" else (short_address(url, 30) if url else "its site")
        if kind in PLAYABLE:
            open_label = f"▶ play on {on}"
        elif kind == "photo" and (provider in (None, "site")):
            open_label = "the picture's address"
        else:
            open_label = f"open on {on}"
        title = _text(_get(row, "oembed_title"))
        caption = _text(_get(row, "caption"))
        if title and title == caption:
            title = None
        tags = tuple(json_list(_get(row, "tags")) or ())
        return Card(
            id=str(_get(row, "id")),
            href=self.media_href(str(_get(row, "id"))),
            kind=kind,
            kind_label=KIND_LABELS.get(kind, kind),
            provider=provider,
            picture=picture(row, self.hotlink),
            placeholder=_PLACEHOLDERS.get(kind, "▣"),
            title=title,
            caption=caption,
            alt=_text(_get(row, "alt_text")),
            credit=_text(_get(row, "credit")),
            handle=handle,
            post_text=_text(_get(row, "post_text")),
            open_href=url,
            open_label=open_label,
            date=_text(_get(row, "posted_at")) or _text(_get(row, "captured_at")),
            documents=cited[0],
            first=cited[1],
            mention=mention,
            tags=tags,
        )

    async def cards(self, rows: Iterable[Any]) -> list[Card]:
        """The media table's rows of this page as cards, each with the first document citing it
        and how many do (one query for the page)."""
        rows = list(rows)
        cited = await self._cited([str(_get(r, "id")) for r in rows])
        return [self.card(r, cited.get(str(_get(r, "id")), (0, None))) for r in rows]

    async def _cited(self, ids: list[str]) -> dict[str, tuple[int, Citation | None]]:
        """For each media id: how many documents cite it, and its first citation (the earliest
        dated document, then the first scanned)."""
        if not ids:
            return {}
        rows = await self._execute(
            """
            select ids.value as media_id,
                   (select count(distinct document_id) from mentions where media_id = ids.value) as documents,
                   (select mentions.id from mentions join documents on documents.id = mentions.document_id
                     where mentions.media_id = ids.value
                     order by coalesce(documents.published_at, documents.captured_at) is null,
                              coalesce(documents.published_at, documents.captured_at),
                              documents.scanned_at, mentions.position
                     limit 1) as first_mention
            from json_each(:ids) ids
            """,
            {"ids": json.dumps(ids)},
        )
        firsts = [r["first_mention"] for r in rows if r["first_mention"]]
        mentions = {}
        if firsts:
            for m in await self._execute(
                f"{_CITATION_SELECT} where mentions.id in (select value from json_each(:ids))",
                {"ids": json.dumps(firsts)},
            ):
                mentions[m["mention_id"]] = self._citation(m)
        return {r["media_id"]: (r["documents"], mentions.get(r["first_mention"])) for r in rows}

    def _citation(self, row: Any) -> Citation:
        return Citation(
            document_href=self.document_href(row["document_id"]),
            document_label=document_label(row["source"], row["title"]),
            document_url=http_url(row["page_url"]),
            domain=_text(row["domain"]),
            date=_text(row["published_at"]) or _text(row["captured_at"]),
            position=row["position"],
            line=row["line"],
            entry=_text(row["entry"]),
            presence=_text(row["presence"]),
            detector=_text(row["detector"]),
            caption=_text(row["caption"]),
            credit=_text(row["credit"]),
            context=_context(row["context"], row["caption"]),
        )

    # -- a media item's page -------------------------------------------------------------------------

    async def parties(self, media_id: str) -> list[Party]:
        """Every party the item credits (person, agencies, account), each a link to everything
        credited to them."""
        order = {"creator": 0, "agency": 1, "distributor": 2, "account": 3}
        rows = await self._execute(
            "select credits.name, credits.type, credits.full_name, media_credits.role from media_credits "
            "join credits on credits.id = media_credits.credit_id where media_credits.media_id = :id",
            {"id": media_id},
        )
        parties = [
            Party(r["name"], r["type"], _text(r["role"]), _text(r["full_name"]), self.credit_href(r["name"]))
            for r in rows
        ]
        return sorted(parties, key=lambda p: (order.get(p.role or "", 9), p.name))

    async def citations(self, media_id: str) -> tuple[list[Citation], int]:
        """Where the item is cited, in order (dated documents first, oldest first), and how many
        citations there are in all."""
        rows = await self._execute(
            f"""{_CITATION_SELECT} where mentions.media_id = :id
            order by coalesce(documents.published_at, documents.captured_at) is null,
                     coalesce(documents.published_at, documents.captured_at),
                     documents.source, mentions.position
            limit {CITATIONS_SHOWN}""",
            {"id": media_id},
        )
        total = len(rows)
        if total == CITATIONS_SHOWN:
            counted = await self._execute(
                "select count(*) as n from mentions where media_id = :id", {"id": media_id}
            )
            total = counted[0]["n"]
        return [self._citation(r) for r in rows], total

    def facts(self, row: Any) -> list[Fact]:
        """What `catalog enrich` and the pages said of the item, where they said anything."""
        facts: list[Fact] = []

        def add(label: str, value: Any, href: str | None = None) -> None:
            text = _text(value)
            if text:
                facts.append(Fact(label, text, href))

        width, height = _get(row, "width"), _get(row, "height")
        if width and height:
            add("size", f"{width} × {height} px")
        add("posted", _get(row, "posted_at"))
        add("account", _get(row, "author_name"))
        add("player title", _get(row, "oembed_title"))
        add("taken", _get(row, "captured_at"))
        add("camera", _get(row, "camera"))
        lat, lon = _get(row, "gps_lat"), _get(row, "gps_lon")
        if lat is not None and lon is not None:
            add(
                "place",
                f"{lat:.5f}, {lon:.5f}",
                f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=14/{lat}/{lon}",
            )
        status = _get(row, "http_status")
        availability = _get(row, "availability")
        if availability:
            add("availability", f"{availability} (HTTP {status})" if status else availability)
        add("checked", _get(row, "checked_at"))
        add("check error", _get(row, "check_error"))
        add("format", _get(row, "image_format"))
        add("perceptual hash", _get(row, "phash"))
        add("SHA-256", _get(row, "image_sha256"))
        add("first found", _get(row, "first_seen"))
        add("last found", _get(row, "last_seen"))
        return facts

    def addresses(self, row: Any) -> list[tuple[str, str | None]]:
        """Every address seen for the item: (text, link if http(s))."""
        return [(u, http_url(u)) for u in json_list(_get(row, "urls")) or []]

    def tags(self, row: Any) -> list[tuple[str, str]]:
        return [(t, self.tag_href(t)) for t in json_list(_get(row, "tags")) or []]

    # -- a document's page -----------------------------------------------------------------------------

    async def timeline(self, document_id: str) -> tuple[list[Entry], int, str | None]:
        """The document's media in document order, grouped under their live-blog entries; how
        many citations it has in all; the address of the next part, if it has more."""
        after = self.request.args.get("_after", "") if self.request else ""
        start = int(after) if after.isdigit() else 0
        rows = await self._execute(
            f"""
            select mentions.position, mentions.line, mentions.entry, mentions.presence, mentions.detector,
                   mentions.caption as m_caption, mentions.credit as m_credit, mentions.context,
                   media.*,
                   (select count(distinct m2.document_id) from mentions m2
                     where m2.media_id = media.id) as documents
            from mentions join media on media.id = mentions.media_id
            where mentions.document_id = :id and mentions.position > :after
            order by mentions.position
            limit {DOCUMENT_ITEMS_SHOWN + 1}
            """,
            {"id": document_id, "after": start},
        )
        more = len(rows) > DOCUMENT_ITEMS_SHOWN
        rows = rows[:DOCUMENT_ITEMS_SHOWN]
        entries: list[Entry] = []
        for r in rows:
            mention = Citation(
                document_href=self.document_href(document_id),
                document_label="",
                document_url=None,
                domain=None,
                date=None,
                position=r["position"],
                line=r["line"],
                entry=_text(r["entry"]),
                presence=_text(r["presence"]),
                detector=_text(r["detector"]),
                caption=_text(r["m_caption"]),
                credit=_text(r["m_credit"]),
                context=_context(r["context"], r["m_caption"] or r["caption"]),
            )
            if not entries or entries[-1].stamp != mention.entry:
                entries.append(Entry(mention.entry))
            entries[-1].cards.append(self.card(r, (r["documents"], None), mention))
        counted = await self._execute(
            "select count(*) as n from mentions where document_id = :id", {"id": document_id}
        )
        next_href = None
        if more:
            next_href = str(path_with_replaced_args(self.request, {"_after": str(rows[-1]["position"])}))
        return entries, counted[0]["n"], next_href

    def document_name(self, row: Any) -> str:
        return document_label(_get(row, "source"), _get(row, "title"))

    def document_facts(self, row: Any) -> list[Fact]:
        facts: list[Fact] = []
        for label, key in (
            ("published", "published_at"),
            ("captured", "captured_at"),
            ("site", "domain"),
            ("format", "format"),
            ("language", "language"),
            ("scanned", "scanned_at"),
            ("size", "bytes"),
            ("SHA-256", "sha256"),
            ("scanner", "scanner"),
        ):
            text = _text(_get(row, key))
            if text:
                href = self.site_href(text) if key == "domain" else None
                facts.append(Fact(label, f"{int(text):,} bytes" if key == "bytes" else text, href))
        return facts

    # -- the home page --------------------------------------------------------------------------------------

    async def overview(self) -> dict[str, Any]:
        """Counts for the home page and the latest pictures."""
        kinds = await self._execute("select kind, count(*) as n from media group by kind order by n desc")
        documents = await self._execute("select count(*) as n, count(error) as failed from documents")
        credits = (
            await self._execute("select count(*) as n from credits") if await self._has("credits") else []
        )
        # The latest pictures stored by enrich (found along the last_seen index); else, where
        # originals may be loaded, the latest photos with a caption.
        latest = await self._execute(
            "select * from media where kind = 'photo' and thumbnail is not null "
            "order by last_seen desc limit 12"
        )
        if not latest and self.hotlink:
            latest = await self._execute(
                "select * from media where kind = 'photo' and url is not null "
                "order by caption is null, last_seen desc limit 60"
            )
        pictured = [r for r in latest if picture(r, self.hotlink)][:12]
        return {
            "media": sum(r["n"] for r in kinds),
            "kinds": [_counted(r["kind"], r["n"], self.table_href("media", kind=r["kind"])) for r in kinds],
            "documents": documents[0]["n"] if documents else 0,
            "failed": documents[0]["failed"] if documents else 0,
            "credits": credits[0]["n"] if credits else 0,
            "latest": await self.cards(pictured),
            "enriched": await self.enriched(),
        }

    async def _has(self, table: str) -> bool:
        return bool(await self.datasette.get_database(self.database).table_exists(table))

    async def _execute(self, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
        results = await self.datasette.execute(self.database, sql, params or {})
        return list(results.rows)


_CITATION_SELECT = """
select mentions.id as mention_id, mentions.position, mentions.line, mentions.entry, mentions.presence,
       mentions.detector, mentions.caption, mentions.credit, mentions.context,
       documents.id as document_id, documents.source, documents.title, documents.url as page_url,
       documents.domain, documents.published_at, documents.captured_at
from mentions join documents on documents.id = mentions.document_id"""
