"""The store's writes inside one batch of documents: each document as if stored alone (its
parties, orphans and search index right at once), however many documents share a transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from catalog.options import ScanOptions
from catalog.records import DocumentRecord, Media, Mention
from catalog.scan import scan_source
from catalog.store import Store

Outcome = tuple[DocumentRecord, list[tuple[Media, Mention]]]


def _read(path: Path, text: str) -> Outcome:
    path.write_text(text, encoding="utf-8")
    return scan_source(str(path), ScanOptions())


def _stored(store: Store, *outcomes: Outcome) -> None:
    with store.batch() as done:
        for record, rows in outcomes:
            store.save_document(record, rows)
            done()


def _all(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_a_party_dropped_by_one_document_is_gone_for_the_next_in_the_batch(tmp_path: Path) -> None:
    first = _read(tmp_path / "a.txt", "Smoke over the harbour at dawn:\n\nPhoto: Karam Al-Masri/AFP\n")
    again = _read(tmp_path / "a.txt", "Smoke over the harbour at dawn:\n\nPhoto: Lena Berg/Reuters\n")
    other = _read(tmp_path / "b.txt", "Rescuers carry a child from the ruins:\n\nPhoto: Karam al-Masri/AFP\n")
    db = tmp_path / "c.db"
    store = Store(db)
    _stored(store, first, again, other)
    store.close()
    people = {name for (name,) in _all(db, "select name from credits where type = 'person'")}
    assert people == {"Lena Berg", "Karam al-Masri"}  # the second spelling: the first left with a.txt
    assert _all(db, "select count(*) from credits where id not in (select credit_id from media_credits)") == [
        (0,)
    ]


def test_media_no_longer_cited_leave_with_their_tags_and_links(tmp_path: Path) -> None:
    first = _read(tmp_path / "a.txt", "Drone footage of the flooded square:\n\nPhoto: Lena Berg/Reuters\n")
    again = _read(tmp_path / "a.txt", "Crews worked through the night without pause.\n")
    db = tmp_path / "c.db"
    store = Store(db)
    _stored(store, first)
    assert _all(db, "select count(*) from media") != [(0,)]
    _stored(store, again)
    store.close()
    for table in ("media", "mentions", "media_credits", "media_tags", "credits"):
        assert _all(db, f"select count(*) from {table}") == [(0,)], table


def test_full_text_search_follows_every_write(tmp_path: Path) -> None:
    first = _read(
        tmp_path / "a.txt", "Boats carry families across the flooded river:\n\nPhoto: Lena Berg/Reuters\n"
    )
    again = _read(tmp_path / "a.txt", "Smoke rises over the harbour wall:\n\nPhoto: Lena Berg/Reuters\n")
    other = _read(tmp_path / "b.txt", "Smoke rises over the harbour wall:\n\nPhoto: Jan Novak/AP\n")
    db = tmp_path / "c.db"
    store = Store(db)
    _stored(store, first, again, other)
    store.close()

    def found(table: str, words: str) -> int:
        sql = f"select count(*) from {table}_fts where {table}_fts match '{words}'"
        return int(_all(db, sql)[0][0])  # type: ignore[call-overload]

    assert found("media", "flooded") == 0 and found("mentions", "flooded") == 0  # replaced
    assert found("media", "harbour") == 2 and found("mentions", "harbour") == 2
    assert found("media", "Novak") == 1
    # the index holds exactly the rows the tables hold
    assert _all(db, "select count(*) from media_fts") == _all(db, "select count(*) from media")
