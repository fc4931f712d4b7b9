"""The catalogue in SQLite: explicit schema, indexes, full-text search, one transaction per
document. The only module that talks to the database (through sqlite-utils)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import sqlite_utils

from catalog.errors import StoreError
from catalog.records import DocumentRecord, Media, Mention

__all__ = ["MEDIA_FTS_COLUMNS", "Store"]

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
}
_MEDIA = {
    "id": str,
    "kind": str,
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
    "first_seen": str,
    "last_seen": str,
}
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
    "documents": (("source",), ("format",), ("error",)),
    "media": (
        ("kind",),
        ("provider",),
        ("credit_org",),
        ("credit_person",),
        ("author_handle",),
        ("posted_at",),
        ("last_seen",),
    ),
    "mentions": (
        ("document_id", "position"),
        ("media_id",),
        ("presence",),
        ("detector",),
        ("entry",),
    ),
}
_MEDIA_FILLED = tuple(c for c in _MEDIA if c not in ("id", "urls", "first_seen", "last_seen"))


class Store:
    """A catalogue database: open (creating the schema if needed), read and write it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._ensure_schema()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    def _ensure_schema(self) -> None:
        db = self.db
        if "documents" in db.table_names():
            return
        with db.atomic():
            db.table("documents").create(_DOCUMENTS, pk="id", not_null={"source"})
            db.table("media").create(_MEDIA, pk="id", not_null={"kind"})
            db.table("mentions").create(
                _MENTIONS,
                pk="id",
                not_null={"document_id", "media_id", "presence"},
                foreign_keys=[("document_id", "documents", "id"), ("media_id", "media", "id")],
            )
            for table, indexes in _INDEXES.items():
                for columns in indexes:
                    db.table(table).create_index(list(columns), unique=columns == ("source",))
        db.table("media").enable_fts(list(MEDIA_FTS_COLUMNS), create_triggers=True)
        db.table("mentions").enable_fts(list(MENTION_FTS_COLUMNS), create_triggers=True)

    # -- reading ---------------------------------------------------------------------------

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from documents where id = ?", [doc_id]))
        return rows[0] if rows else None

    def is_current(self, doc_id: str, sha256: str, scanner: str) -> bool:
        """True when this input was stored from the same bytes by the same scanner."""
        row = self.document(doc_id)
        return bool(row and row["sha256"] == sha256 and row["scanner"] == scanner and row["error"] is None)

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in ("documents", "media", "mentions")}

    def export_rows(self) -> Iterator[dict[str, Any]]:
        """Every media object with its mentions, in the order they were first cited."""
        mentions: dict[str, list[dict[str, Any]]] = {}
        sql = """
            select m.*, d.source as d_source, d.url as d_url, d.title as d_title
            from mentions m join documents d on d.id = m.document_id
            order by d.source, m.position
        """
        order: list[str] = []
        for row in self.db.query(sql):
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
            row["urls"] = json.loads(row["urls"] or "[]")
            row["tags"] = json.loads(row["tags"] or "[]")
            row["mentions"] = mentions[mid]
            yield row

    # -- writing ---------------------------------------------------------------------------

    def save_document(self, record: DocumentRecord, rows: list[tuple[Media, Mention]]) -> None:
        """Replace everything this document cited, in one transaction."""
        db = self.db
        now = record.scanned_at
        try:
            with db.atomic():
                old = [
                    r["media_id"]
                    for r in db.query(
                        "select distinct media_id from mentions where document_id = ?", [record.id]
                    )
                ]
                db.execute("delete from mentions where document_id = ?", [record.id])
                db.table("documents").upsert(asdict(record), pk="id")
                for media, _ in rows:
                    self._upsert_media(media, now)
                db.table("mentions").insert_all((asdict(m) for _, m in rows), pk="id")
                self._drop_orphans(old)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write {record.source} to {self.path}: {exc}") from exc

    def record_error(self, record: DocumentRecord) -> None:
        """Note that an input failed, keeping what an earlier scan of it stored."""
        db = self.db
        try:
            with db.atomic():
                existing = self.document(record.id)
                if existing is None:
                    db.table("documents").insert(asdict(record), pk="id")
                else:
                    db.table("documents").update(
                        record.id, {"error": record.error, "scanned_at": record.scanned_at}
                    )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write {record.source} to {self.path}: {exc}") from exc

    def _upsert_media(self, media: Media, now: str) -> None:
        """Insert a media row, or update it: a row no other document cites is rewritten whole
        (this scan is its only witness); a shared row takes this scan's values where it has
        them and keeps the union of addresses and tags."""
        row = asdict(media)
        row["urls"] = json.dumps(list(media.urls))
        row["tags"] = json.dumps(list(media.tags))
        existing = list(self.db.query("select * from media where id = ?", [media.id]))
        if not existing:
            row["first_seen"] = now
            row["last_seen"] = now
            self.db.table("media").insert(row, pk="id")
            return
        old = existing[0]
        cited_elsewhere = self.db.execute(
            "select 1 from mentions where media_id = ? limit 1", [media.id]
        ).fetchone()
        row["first_seen"] = old["first_seen"]
        row["last_seen"] = now
        if cited_elsewhere:
            for column in _MEDIA_FILLED:
                if row[column] in (None, ""):
                    row[column] = old[column]
            row["urls"] = json.dumps(list(dict.fromkeys([*json.loads(old["urls"] or "[]"), *media.urls])))
            row["tags"] = json.dumps(sorted(set(json.loads(old["tags"] or "[]")) | set(media.tags)))
        self.db.table("media").update(media.id, row)

    def _drop_orphans(self, media_ids: list[str]) -> None:
        """Media that no mention cites any more leave the catalogue with their last citation."""
        for mid in media_ids:
            self.db.execute(
                "delete from media where id = ? and not exists (select 1 from mentions where media_id = ?)",
                [mid, mid],
            )
