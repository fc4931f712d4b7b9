"""The catalogue in SQLite: explicit schema, indexes, full-text search, one transaction per
document. The only module that talks to the database (through sqlite-utils)."""

from __future__ import annotations

import inspect
import json
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

import sqlite_utils

from catalog.credits import Party, parties
from catalog.errors import StoreError
from catalog.records import DocumentRecord, Media, Mention

__all__ = ["ENRICHED_COLUMNS", "MEDIA_FTS_COLUMNS", "Store"]

MEDIA_FTS_COLUMNS = ("caption", "alt_text", "credit", "post_text", "author_name")
MENTION_FTS_COLUMNS = ("caption", "credit", "context")

_DOCUMENTS = {
    "id": str,
    "source": str,
    "url": str,
    "title": str,
    "published_at": str,
    "format": str,
    "language": str,
    "sha256": str,
    "bytes": int,
    "scanned_at": str,
    "error": str,
    "media_count": int,
    "scanner": str,
    "domain": str,
    "captured_at": str,
}
_MEDIA = {
    "id": str,
    "kind": str,
    "thumbnail": bytes,  # a few KB, stored by enrichment: the picture the catalogue shows
    "provider": str,
    "url": str,
    "urls": str,
    "post_id": str,
    "caption": str,
    "alt_text": str,
    "credit": str,
    "credit_person": str,
    "credit_org": str,
    "credit_role": str,
    "author_name": str,
    "author_handle": str,
    "posted_at": str,
    "post_text": str,
    "width": int,
    "height": int,
    "tags": str,
    "credits": str,
    "first_seen": str,
    "last_seen": str,
    # filled by `catalog enrich`, never by a scan
    "image_format": str,
    "image_sha256": str,
    "phash": str,
    "captured_at": str,
    "camera": str,
    "gps_lat": float,
    "gps_lon": float,
    "availability": str,
    "http_status": int,
    "checked_at": str,
    "check_error": str,
    "oembed_title": str,  # from the platform's oEmbed answer (enrich --oembed)
    "thumbnail_url": str,
}
ENRICHED_COLUMNS = (
    "thumbnail",
    "image_format",
    "image_sha256",
    "phash",
    "captured_at",
    "camera",
    "gps_lat",
    "gps_lon",
    "availability",
    "http_status",
    "checked_at",
    "check_error",
    "oembed_title",
    "thumbnail_url",
)
# One row per credited party (person, organisation, account), and which media credit it how.
_CREDITS = {"id": str, "name": str, "type": str, "full_name": str}
_MEDIA_CREDITS = {"media_id": str, "credit_id": str, "role": str}
# The media.tags array as rows: what the tags facet counts and `?_tag=` filters through, by index.
_MEDIA_TAGS = {"media_id": str, "tag": str}
# One row per citation with what was cited and where: the table to facet by source site.
_CITATIONS = """
select mentions.id as mention_id, documents.domain, documents.source, documents.url as page_url,
       documents.title as page_title, mentions.position, mentions.line, mentions.entry,
       mentions.presence, mentions.detector, media.id as media_id, media.kind, media.provider,
       coalesce(mentions.caption, media.caption) as caption,
       coalesce(mentions.credit, media.credit) as credit, media.credit_person, media.credit_org,
       media.author_handle, media.posted_at, media.url, media.post_text, documents.id as document_id
from mentions
join media on media.id = mentions.media_id
join documents on documents.id = mentions.document_id
"""
_MEDIA_BY_CREDIT = """
select credits.name as credit_name, credits.type as credit_type, media_credits.role as credited_as,
       media.id as media_id, media.kind, media.provider, media.caption, media.credit, media.url,
       media.posted_at, credits.id as credit_id
from media_credits
join credits on credits.id = media_credits.credit_id
join media on media.id = media_credits.media_id
"""
_MENTIONS = {
    "id": str,
    "document_id": str,
    "media_id": str,
    "presence": str,
    "detector": str,
    "line": int,
    "position": int,
    "caption": str,
    "credit": str,
    "entry": str,
    "context": str,
}
_INDEXES = {
    "documents": (("source",), ("format",), ("error",), ("domain",)),
    "media": (
        ("kind",),
        ("provider",),
        ("credit_org",),
        ("credit_person",),
        ("author_handle",),
        ("posted_at",),
        ("last_seen",),
        ("first_seen",),  # the browser's "first found" order
        ("availability",),
        ("phash",),
        ("checked_at",),  # has enrich run at all: the browser's notes and hidden columns ask
    ),
    "credits": (("type",), ("name",)),
    "media_credits": (("credit_id",), ("role",)),
    "media_tags": (("tag",),),
    "mentions": (
        ("document_id", "position"),
        ("media_id",),
        ("presence",),
        ("detector",),
        ("entry",),
    ),
}
_MEDIA_FILLED = tuple(
    c for c in _MEDIA if c not in ("id", "urls", "credits", "first_seen", "last_seen", *ENRICHED_COLUMNS)
)


_MEDIA_RECORD_FIELDS = tuple(f.name for f in fields(Media))
# The media columns a scan writes: enrichment's stay as enrichment left them.
_MEDIA_SCANNED = tuple(c for c in _MEDIA if c not in ENRICHED_COLUMNS)

# Every table and view a whole catalogue holds.
_SCHEMA_NAMES = frozenset(
    ("documents", "media", "mentions", "credits", "media_credits", "media_tags", "media_fts")
    + ("mentions_fts", "citations", "media_by_credit")
)


@cache
def _schema_version() -> int:
    """The schema this code makes, as a number the file keeps (PRAGMA user_version): a catalogue
    holding it is opened without writing anything, so without waiting for another writer. Made
    of the tables, indexes and views and of the code that creates them: any change to either
    makes it another."""
    made = (_DOCUMENTS, _MEDIA, _MENTIONS, _CREDITS, _MEDIA_CREDITS, _MEDIA_TAGS, _INDEXES)
    text = repr((made, _CITATIONS, _MEDIA_BY_CREDIT, MEDIA_FTS_COLUMNS, MENTION_FTS_COLUMNS))
    return zlib.crc32((text + inspect.getsource(Store._ensure_schema)).encode()) & 0x7FFFFFFF


def _upsert_sql(table: str, columns: dict[str, type]) -> str:
    names = list(columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in names if c != "id")
    return (
        f"insert into {table} ({', '.join(names)}) values ({', '.join('?' for _ in names)}) "
        f"on conflict(id) do update set {updates}"
    )


# Plain statements for the rows written per document: sqlite-utils' insert() and upsert() read
# the table's schema on every call, which made them most of the cost of storing a small page.
_COLUMNS = {"documents": _DOCUMENTS, "media": _MEDIA, "mentions": _MENTIONS}
_UPSERT = {table: _upsert_sql(table, columns) for table, columns in _COLUMNS.items()}


def _values(table: str, row: dict[str, Any] | DocumentRecord | Mention) -> list[Any]:
    """A row's values in the table's column order, from a dict or a record (no asdict copy)."""
    if isinstance(row, dict):
        return [row.get(column) for column in _COLUMNS[table]]
    return [getattr(row, column, None) for column in _COLUMNS[table]]


def _fts_query(words: str) -> str:
    """Words a user typed, as an FTS5 query: each a quoted term, all required."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in words.split())


class _Names:
    """The stored names of the parties one document's media credit, read with one query; a party
    not stored yet takes the first spelling the document gives it, and is written with the
    others new in one go (`write`) before the media link to it."""

    def __init__(self, db: sqlite_utils.Database, found: list[Media]) -> None:
        self.db = db
        self._parties: dict[tuple[str | None, ...], list[Party]] = {}
        ids = list(
            dict.fromkeys(
                f"{party.type}:{party.key}"
                for media in found
                for party in self.parties(
                    media.credit, media.credit_person, media.credit_org, media.author_handle
                )
            )
        )
        sql = "select id, name from credits where id in (select value from json_each(?))"
        self.names: dict[str, str] = dict(db.execute(sql, [json.dumps(ids)]).fetchall())
        self.asked = set(ids)
        self.new: dict[str, tuple[str, str, str, str | None]] = {}

    def parties(self, *credited: str | None) -> list[Party]:
        """credits.parties, once for each credit the document gives."""
        found = self._parties.get(credited)
        if found is None:
            found = self._parties[credited] = list(parties(*credited))
        return found

    def name(self, credit_id: str, party: Party) -> str:
        name = self.names.get(credit_id)
        if name is not None:
            return name
        if credit_id not in self.asked:  # named only by a credit filled in from the stored row
            self.asked.add(credit_id)
            stored = self.db.execute("select name from credits where id = ?", [credit_id]).fetchone()
            if stored is not None:
                self.names[credit_id] = stored[0]
                return str(stored[0])
        self.names[credit_id] = party.name
        self.new[credit_id] = (credit_id, party.name, party.type, party.full_name)
        return party.name

    def write(self) -> None:
        self.db.conn.executemany(
            "insert or ignore into credits (id, name, type, full_name) values (?, ?, ?, ?)",
            list(self.new.values()),
        )


# Several processes share a catalogue (a scan and an enrich, two scans, Datasette reading): a
# writer that finds the write lock taken waits for it, polling often enough to get in between
# another's transactions, and says so once when the wait is long.
_BUSY_TIMEOUT_MS = 30_000  # any statement that meets a lock (a write transaction waits in _begin)
_WAIT_NOTICE = 1.0  # seconds of waiting before saying so


class Store:
    """A catalogue database: open (creating the schema if needed), read and write it.
    `on_wait` hears, once, that another process holds the write lock and this one waits."""

    def __init__(self, path: str | Path, on_wait: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.on_wait = on_wait
        self._batching = False
        self._told = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(self.path)
            self.db.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode=WAL")
            # WAL with synchronous=NORMAL: a crash or power cut never corrupts the file or leaves
            # half a document; at worst the last transactions are redone by the next scan.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            if not self._schema_current():
                self._ensure_schema()  # else nothing to write: opening takes no write lock
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    def close(self) -> None:
        if self.db.conn.in_transaction:
            self.db.conn.execute("COMMIT")
        self.db.close()

    @contextmanager
    def batch(self, documents: int = 64, seconds: float = 2.0) -> Iterator[Callable[[], None]]:
        """Group the writes of many documents into few transactions: yields a function to call
        after each document, which commits every `documents` documents or `seconds`. Each
        document stays atomic on its own (a savepoint inside the batch); a crash loses at most
        the documents of the open batch, never part of one. A batch's transaction begins with
        its first document's writes (see _writing), so the lock is free between batches."""
        state = {"count": 0, "since": time.monotonic()}

        def done() -> None:
            state["count"] += 1
            if state["count"] >= documents or time.monotonic() - state["since"] >= seconds:
                self._commit()
                state["count"], state["since"] = 0, time.monotonic()

        self._batching = True
        try:
            yield done
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")  # the open batch only: earlier ones are committed
            raise
        finally:
            self._batching = False
        self._commit()

    def _begin(self) -> None:
        """Begin a write transaction holding the write lock (BEGIN IMMEDIATE), never by turning
        a read into a write: in WAL mode that fails at once, whatever the busy timeout, when
        another process wrote in between. While another process writes, wait, trying every
        few milliseconds (SQLite's own busy handler sleeps up to 100 ms, and would miss the
        short gaps between a scan's transactions)."""
        conn = self.db.conn
        started = time.monotonic()
        pause = 0.001
        conn.execute("PRAGMA busy_timeout=0")
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) and "busy" not in str(exc):
                        raise
                if not self._told and time.monotonic() - started >= _WAIT_NOTICE:
                    self._told = True
                    if self.on_wait:
                        self.on_wait(
                            f"waiting for another process writing to {self.path} (a scan or an enrich)"
                        )
                time.sleep(pause)
                pause = min(pause * 2, 0.005)
        finally:
            conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """The writes of one document or one item, atomic (a savepoint). Outside a transaction
        they begin one (with the write lock: _begin); it is their own, committed when they end,
        unless a batch is open, whose transaction it then is."""
        conn = self.db.conn
        own = not conn.in_transaction
        if own:
            self._begin()
            if self._batching:
                # A batch's transaction opens: parties left unlinked by other writers
                # (enrichment) go first, as each document once dropped them; within the batch
                # each document drops those it unlinks (_drop_orphans).
                try:
                    self._drop_unlinked_credits()
                except sqlite3.Error as exc:
                    conn.execute("ROLLBACK")
                    raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        try:
            with self.db.atomic():
                yield
        except BaseException:
            if own and not self._batching and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if own and not self._batching:
            self._commit()

    def _commit(self) -> None:
        try:
            if self.db.conn.in_transaction:
                self.db.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc

    def _schema_current(self) -> bool:
        """The file holds this code's schema whole (its version, and every table and view)."""
        if self.db.execute("PRAGMA user_version").fetchone()[0] != _schema_version():
            return False
        have = {row[0] for row in self.db.execute("select name from sqlite_master")}
        return have >= _SCHEMA_NAMES

    def _ensure_schema(self) -> None:
        """Create what is missing: a new catalogue gets everything, an older one the tables and
        columns added since (its documents are rescanned, the scanner having changed)."""
        db = self.db
        with self._writing():
            tables = set(db.table_names())
            if "documents" not in tables:
                db.table("documents").create(_DOCUMENTS, pk="id", not_null={"source"})
                db.table("media").create(_MEDIA, pk="id", not_null={"kind"})
                db.table("mentions").create(
                    _MENTIONS,
                    pk="id",
                    not_null={"document_id", "media_id", "presence"},
                    foreign_keys=[("document_id", "documents", "id"), ("media_id", "media", "id")],
                )
            else:  # columns added since the first release
                for table, schema in _COLUMNS.items():
                    existing = db.table(table).columns_dict
                    for name, kind in schema.items():
                        if name not in existing:
                            db.table(table).add_column(name, kind)
            if "credits" not in tables:
                db.table("credits").create(_CREDITS, pk="id", not_null={"name", "type"})
                db.table("media_credits").create(
                    _MEDIA_CREDITS,
                    pk=("media_id", "credit_id"),
                    not_null={"role"},
                    foreign_keys=[("media_id", "media", "id"), ("credit_id", "credits", "id")],
                )
            if "media_tags" not in tables:
                db.table("media_tags").create(
                    _MEDIA_TAGS, pk=("media_id", "tag"), foreign_keys=[("media_id", "media", "id")]
                )
                db.execute(  # a catalogue from before the table: its tags, from the arrays
                    "insert or ignore into media_tags (media_id, tag) select media.id, j.value "
                    "from media, json_each(media.tags) j where json_valid(media.tags)"
                )
            for table, indexes in _INDEXES.items():
                for columns in indexes:
                    name = f"idx_{table}_{'_'.join(columns)}"
                    db.table(table).create_index(
                        list(columns), index_name=name, unique=columns == ("source",), if_not_exists=True
                    )
            # Datasette's date facet groups by date(posted_at): an index on that very expression.
            db.execute("create index if not exists idx_media_posted_day on media(date(posted_at))")
            for band in range(4):  # near-duplicate pictures share a quarter of their hash (see metadata.yml)
                db.execute(
                    f"create index if not exists idx_media_phash_band{band} "
                    f"on media(substr(phash, {band * 4 + 1}, 4)) where phash is not null"
                )
            # Pictures with a place (the map): few rows, found without reading the others.
            db.execute(
                "create index if not exists idx_media_placed on media(gps_lat, gps_lon) "
                "where gps_lat is not null and gps_lon is not null"
            )
            db.create_view("media_by_credit", _MEDIA_BY_CREDIT, replace=True)
            db.create_view("citations", _CITATIONS, replace=True)
        # Checked one by one: a scan killed while creating the schema left some of it.
        if "media_fts" not in tables:
            db.table("media").enable_fts(list(MEDIA_FTS_COLUMNS), create_triggers=True, replace=True)
        if "mentions_fts" not in tables:
            db.table("mentions").enable_fts(list(MENTION_FTS_COLUMNS), create_triggers=True, replace=True)
        with self._writing():  # last: a catalogue whose schema was cut short is completed next time
            db.execute(f"PRAGMA user_version={_schema_version()}")

    # -- reading ---------------------------------------------------------------------------

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._rows("select * from documents where id = ?", [doc_id])
        return rows[0] if rows else None

    def is_current(self, doc_id: str, sha256: str, scanner: str) -> bool:
        """True when this input was stored from the same bytes by the same scanner."""
        row = self.document(doc_id)
        return bool(row and row["sha256"] == sha256 and row["scanner"] == scanner and row["error"] is None)

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        """Rows as dicts, straight from the cursor: sqlite-utils' query() checks the column
        names of every call for duplicates, which cost the writer a third of its time."""
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def providers(self) -> list[str]:
        """The platforms the catalogue's media come from (an index answers)."""
        return [
            r[0] for r in self.db.execute("select distinct provider from media where provider is not null")
        ]

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in ("documents", "media", "mentions")}

    def select_media(
        self,
        kind: str | None = None,
        provider: str | None = None,
        credit: str | None = None,
        search: str | None = None,
    ) -> set[str] | None:
        """Ids of the media matching every filter given (None when none is): kind and provider
        exactly, a credited party or credit containing `credit`, full-text `search`."""
        where: list[str] = []
        params: list[Any] = []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if provider:
            where.append("provider = ?")
            params.append(provider)
        if credit:
            where.append(
                "(credit like ? or id in (select media_id from media_by_credit where credit_name like ?))"
            )
            params += [f"%{credit}%", f"%{credit}%"]
        if search:
            where.append("rowid in (select rowid from media_fts where media_fts match ?)")
            params.append(_fts_query(search))
        if not where:
            return None
        sql = "select id from media where " + " and ".join(where)
        return {row[0] for row in self.db.execute(sql, params).fetchall()}

    def export_rows(self, only: set[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every media object (or those in `only`) with its mentions, in the order first cited."""
        mentions: dict[str, list[dict[str, Any]]] = {}
        sql = """
            select m.*, d.source as d_source, d.url as d_url, d.title as d_title
            from mentions m join documents d on d.id = m.document_id
            order by d.source, m.position
        """
        order: list[str] = []
        for row in self.db.query(sql):
            if only is not None and row["media_id"] not in only:
                continue
            if row["media_id"] not in mentions:
                order.append(row["media_id"])
            mentions.setdefault(row["media_id"], []).append(
                {
                    "document": {
                        "source": row["d_source"],
                        "url": row["d_url"],
                        "title": row["d_title"],
                    },
                    "presence": row["presence"],
                    "detector": row["detector"],
                    "line": row["line"],
                    "position": row["position"],
                    "entry": row["entry"],
                    "caption": row["caption"],
                    "credit": row["credit"],
                    "context": row["context"],
                }
            )
        media = {row["id"]: row for row in self.db.query("select * from media")}
        for mid in order:
            row = dict(media[mid])
            row.pop("thumbnail", None)  # a picture for the browser, not data for an export
            row["urls"] = json.loads(row["urls"] or "[]")
            row["tags"] = json.loads(row["tags"] or "[]")
            row["credits"] = json.loads(row["credits"] or "[]")
            row["mentions"] = mentions[mid]
            yield row

    # -- writing ---------------------------------------------------------------------------

    def save_document(self, record: DocumentRecord, rows: list[tuple[Media, Mention]]) -> None:
        """Replace everything this document cited, in one transaction. The rows a full-text index
        follows (media, mentions) are written with one statement each: a statement per row made
        SQLite's FTS5 write a segment for every row, most of the cost of storing a document."""
        db = self.db
        now = record.scanned_at
        try:
            with self._writing():
                old = [
                    r[0]
                    for r in db.execute(
                        "select distinct media_id from mentions where document_id = ?", [record.id]
                    )
                ]
                db.execute("delete from mentions where document_id = ?", [record.id])
                db.execute(_UPSERT["documents"], _values("documents", record))
                self._upsert_media([media for media, _ in rows], now)
                self._staged("mentions", [_values("mentions", m) for _, m in rows])
                self._drop_orphans(old)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write {record.source} to {self.path}: {exc}") from exc

    def record_error(self, record: DocumentRecord) -> None:
        """Note that an input failed, keeping what an earlier scan of it stored."""
        db = self.db
        try:
            with self._writing():
                existing = self.document(record.id)
                if existing is None:
                    db.execute(_UPSERT["documents"], _values("documents", record))
                else:
                    db.execute(
                        "update documents set error = ?, scanned_at = ? where id = ?",
                        [record.error, record.scanned_at, record.id],
                    )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write {record.source} to {self.path}: {exc}") from exc

    def documents_under(self, prefix: str) -> list[tuple[str, str]]:
        """(id, source) of the documents whose source begins with `prefix` (a folder's path)."""
        cursor = self.db.execute(
            "select id, source from documents where substr(source, 1, ?) = ?", [len(prefix), prefix]
        )
        return [(row[0], row[1]) for row in cursor.fetchall()]

    def drop_documents(self, doc_ids: list[str]) -> int:
        """Drop documents with what they cited (media no other document cites go with them), in
        one transaction; how many there were."""
        try:
            with self._writing():
                for doc_id in doc_ids:
                    old = [
                        r[0]
                        for r in self.db.execute(
                            "select distinct media_id from mentions where document_id = ?", [doc_id]
                        )
                    ]
                    self.db.execute("delete from mentions where document_id = ?", [doc_id])
                    self.db.execute("delete from documents where id = ?", [doc_id])
                    self._drop_orphans(old)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        return len(doc_ids)

    def _upsert_media(self, found: list[Media], now: str) -> None:
        """Insert the document's media rows, or update them: a row no other document cites is
        rewritten whole (this scan is its only witness); a shared row takes this scan's values
        where it has them and keeps the union of addresses and tags. A media cited twice in the
        document is read the second time as the first left it. Enrichment's columns are never
        written here."""
        ids = list(dict.fromkeys(media.id for media in found))
        stored = {
            row["id"]: row
            for row in self._rows(
                "select * from media where id in (select value from json_each(?))", [json.dumps(ids)]
            )
        }
        # whether another document cites it: this one's mentions are gone until the media are in
        elsewhere = {
            r[0]
            for r in self.db.execute(
                "select distinct media_id from mentions where media_id in (select value from json_each(?))",
                [json.dumps(list(stored))],
            )
        }
        rows: dict[str, dict[str, Any]] = {}
        links: dict[str, list[tuple[str, str]]] = {}
        tags: dict[str, list[str]] = {}
        touched: set[str] = set()  # every party named, if only by a reading a later one replaced
        names = _Names(self.db, found)
        for media in found:
            row: dict[str, Any] = {name: getattr(media, name) for name in _MEDIA_RECORD_FIELDS}
            row["urls"] = json.dumps(list(media.urls))
            row["tags"] = json.dumps(list(media.tags))
            old = rows.get(media.id) or stored.get(media.id)
            row["first_seen"] = old["first_seen"] if old else now
            row["last_seen"] = now
            if old and media.id in elsewhere:
                for column in _MEDIA_FILLED:
                    if row[column] in (None, ""):
                        row[column] = old[column]
                row["urls"] = json.dumps(list(dict.fromkeys([*json.loads(old["urls"] or "[]"), *media.urls])))
                row["tags"] = json.dumps(sorted(set(json.loads(old["tags"] or "[]")) | set(media.tags)))
            links[media.id], row["credits"], row["credit_person"] = self._credit_parties(row, names)
            touched.update(credit_id for credit_id, _ in links[media.id])
            tags[media.id] = json.loads(row["tags"]) if old else list(media.tags)
            rows[media.id] = row
        names.write()
        self._staged("media", [[row.get(c) for c in _MEDIA_SCANNED] for row in rows.values()])
        self._relink(rows, links, tags, touched)

    def _staged(self, table: str, values: list[list[Any]]) -> None:
        """Upsert rows into a table with one statement, through a temporary table of the same
        columns: one statement fires the full-text triggers once, for all its rows."""
        if not values:
            return
        columns = _MEDIA_SCANNED if table == "media" else tuple(_COLUMNS[table])
        staging = f"temp.staged_{table}"
        names = ", ".join(columns)
        conn = self.db.conn
        conn.execute(f"create temp table if not exists staged_{table} as select {names} from {table} where 0")
        conn.executemany(
            f"insert into {staging} ({names}) values ({', '.join('?' for _ in columns)})", values
        )
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        conn.execute(
            f"insert into {table} ({names}) select {names} from {staging} where true "
            f"on conflict(id) do update set {updates}"
        )
        conn.execute(f"delete from {staging}")

    def _relink(
        self,
        rows: dict[str, dict[str, Any]],
        links: dict[str, list[tuple[str, str]]],
        tags: dict[str, list[str]],
        touched: set[str],
    ) -> None:
        """The credits and tags of the media just written, replacing their earlier ones; a party
        no media credits any more leaves with its last link."""
        ids = json.dumps(list(rows))
        unlinked = self._linked_parties(ids)
        self.db.execute("delete from media_credits where media_id in (select value from json_each(?))", [ids])
        self.db.conn.executemany(
            "insert or replace into media_credits (media_id, credit_id, role) values (?, ?, ?)",
            [(mid, credit_id, role) for mid in rows for credit_id, role in links[mid]],
        )
        self.db.execute("delete from media_tags where media_id in (select value from json_each(?))", [ids])
        self.db.conn.executemany(
            "insert or ignore into media_tags (media_id, tag) values (?, ?)",
            [(mid, t) for mid in rows for t in tags[mid]],
        )
        self._drop_credits(unlinked | touched)

    # -- enrichment ------------------------------------------------------------------------

    def media_to_check(self, before: str, limit: int | None = None) -> list[dict[str, Any]]:
        """Media with an http(s) address not checked since `before` (an ISO time), oldest first."""
        sql = (
            "select id, kind, provider, url, checked_at from media "
            "where (url like 'http://%' or url like 'https://%') and (checked_at is null or checked_at <= ?) "
            "order by checked_at is not null, checked_at, rowid"
        )
        params: list[Any] = [before]
        if limit:
            sql += " limit ?"
            params.append(limit)
        return [dict(r) for r in self.db.query(sql, params)]

    def recently_checked(self, since: str) -> int:
        return int(self.db.execute("select count(*) from media where checked_at > ?", [since]).fetchone()[0])

    def save_enrichment(self, media_id: str, fields: dict[str, Any]) -> None:
        """Store what enrichment learned of one media row, in its own transaction. IPTC credit
        and caption, and oEmbed's author, fill the row's only where the page gave none."""
        values = {k: v for k, v in fields.items() if k in _MEDIA}
        iptc = {k: v for k, v in fields.items() if k.startswith("iptc_")}
        try:
            with self._writing():
                row = next(
                    self.db.query("select credit, caption, author_name from media where id = ?", [media_id]),
                    None,
                )
                if row is None:
                    return  # gone since: a rescan dropped it
                if not row["credit"] and (iptc.get("iptc_credit") or iptc.get("iptc_byline")):
                    byline, agency = iptc.get("iptc_byline"), iptc.get("iptc_credit")
                    values["credit"] = "/".join(p for p in (byline, agency) if p)
                    values["credit_person"] = byline
                if not row["caption"] and iptc.get("iptc_caption"):
                    values["caption"] = iptc["iptc_caption"]
                if not row["author_name"] and fields.get("oembed_author"):
                    values["author_name"] = fields["oembed_author"]
                if values:
                    sets = ", ".join(f"{k} = ?" for k in values)
                    self.db.execute(f"update media set {sets} where id = ?", [*values.values(), media_id])
                if "credit" in values:
                    written = self._rows("select * from media where id = ?", [media_id])[0]
                    links, credits, person = self._credit_parties(written)
                    self.db.execute(
                        "update media set credits = ?, credit_person = ? where id = ?",
                        [credits, person, media_id],
                    )
                    self._link_credits(media_id, links)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc

    def _credit_parties(
        self, row: dict[str, Any], known: _Names | None = None
    ) -> tuple[list[tuple[str, str]], str, str | None]:
        """The parties a media row credits, each created the first time it is seen: their links
        (credit id, role), the `credits` array of their names and the row's `credit_person`. A
        party keeps the spelling it was first stored with, so every later spelling of it
        (KARAM AL-MASRI, Karam Al-Masri) shows and facets as one name. `known` holds the names
        of the parties a document credits, read at once (see _Names)."""
        db = self.db
        links: list[tuple[str, str]] = []
        names: list[str] = []
        person: str | None = row["credit_person"]
        credited = (row["credit"], row["credit_person"], row["credit_org"], row["author_handle"])
        for party in known.parties(*credited) if known is not None else parties(*credited):
            credit_id = f"{party.type}:{party.key}"
            if known is not None:
                name = known.name(credit_id, party)
            else:
                # Plain statements: sqlite-utils' insert() reads the table's schema on every call.
                db.execute(
                    "insert or ignore into credits (id, name, type, full_name) values (?, ?, ?, ?)",
                    [credit_id, party.name, party.type, party.full_name],
                )
                name = db.execute("select name from credits where id = ?", [credit_id]).fetchone()[0]
            links.append((credit_id, party.role))
            names.append(name)
            if party.type == "person":
                person = name
        return links, json.dumps(list(dict.fromkeys(names)), ensure_ascii=False), person

    def _link_credits(self, media_id: str, links: list[tuple[str, str]]) -> None:
        self.db.execute("delete from media_credits where media_id = ?", [media_id])
        self.db.conn.executemany(
            "insert or replace into media_credits (media_id, credit_id, role) values (?, ?, ?)",
            [(media_id, credit_id, role) for credit_id, role in links],
        )

    def _drop_orphans(self, media_ids: list[str]) -> None:
        """Media that no mention cites any more leave the catalogue with their last citation."""
        cited = {
            r[0]
            for r in self.db.execute(
                "select distinct media_id from mentions where media_id in (select value from json_each(?))",
                [json.dumps(media_ids)],
            )
        }
        gone = json.dumps([mid for mid in media_ids if mid not in cited])
        unlinked = self._linked_parties(gone)
        self.db.execute(
            "delete from media_credits where media_id in (select value from json_each(?))", [gone]
        )
        self.db.execute("delete from media_tags where media_id in (select value from json_each(?))", [gone])
        self.db.execute("delete from media where id in (select value from json_each(?))", [gone])
        self._drop_credits(unlinked)
        if not self._batching:  # a batch drops every unlinked party when it opens (see _writing)
            self._drop_unlinked_credits()

    def _linked_parties(self, media_ids: str) -> set[str]:
        """The parties the media of a JSON array of ids credit now."""
        sql = (
            "select distinct credit_id from media_credits where media_id in (select value from json_each(?))"
        )
        return {r[0] for r in self.db.execute(sql, [media_ids])}

    def _drop_credits(self, credit_ids: set[str]) -> None:
        """The parties among these that no media credits any more."""
        if credit_ids:
            self.db.execute(
                "delete from credits where id in (select value from json_each(?)) and not exists "
                "(select 1 from media_credits where media_credits.credit_id = credits.id)",
                [json.dumps(sorted(credit_ids))],
            )

    def _drop_unlinked_credits(self) -> None:
        """Every party no media credits (enrichment's relinking leaves some)."""
        self.db.execute(
            "delete from credits where not exists "
            "(select 1 from media_credits where media_credits.credit_id = credits.id)"
        )
