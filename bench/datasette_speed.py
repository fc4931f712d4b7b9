"""How fast Datasette opens the media table, with every facet of metadata.yml, at scale.

Usage: python3 bench/datasette_speed.py [ROWS]   (default 100,000 media rows)

Builds a catalogue of generated but realistic rows (kinds, platforms, agencies, photographers,
accounts, tags, credit arrays, post dates; one document per 20 media, one mention each) in a
temporary folder, then times the pages users open most, through Datasette's own client (no
network), best of 5 after one warm-up. A script, not a test.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from corpus import WORDS

from catalog.serve import make_datasette
from catalog.store import Store

KINDS = ["photo"] * 5 + ["social_post"] * 3 + ["video"] * 2 + ["audio", "gallery", "quote"]
PROVIDERS = ["twitter", "youtube", "instagram", "telegram", "facebook", "site", None]
AGENCIES = ["AFP", "Reuters", "AP", "Getty Images", "EPA", "Anadolu", "SANA", "PA", None, None]
TAGS = ["drone", "resident", "handout", "graphic", "animated", "live", "screenshot"]


def build(db_path: Path, rows: int) -> None:
    rnd = random.Random(7)
    people = [f"Photographer {i:04d}" for i in range(2000)]
    handles = [f"@account_{i:05d}" for i in range(5000)]
    Store(db_path).close()  # the real schema, indexes, FTS triggers and views
    store = Store(db_path)
    db = store.db
    docs, media, mentions, links, tagged = [], [], [], [], []
    parties: dict[str, tuple[str, str]] = {}
    for i in range(rows):
        doc = i // 20
        if i % 20 == 0:
            docs.append(
                (
                    f"doc{doc:06d}",
                    f"/archive/page-{doc:06d}.html",
                    f"https://news{doc % 40}.example.org/{doc}",
                    "html",
                    "2026-11-24T00:00:00Z",
                    20,
                    "bench",
                    f"news{doc % 40}.example.org",
                )
            )
        kind = rnd.choice(KINDS)
        org = rnd.choice(AGENCIES)
        person = rnd.choice(people) if rnd.random() < 0.6 else None
        handle = rnd.choice(handles) if kind == "social_post" else None
        credits = [p for p in (person, org, handle) if p]
        tags = rnd.sample(TAGS, rnd.randint(0, 2))
        tagged.extend((f"m{i:07d}", tag) for tag in tags)
        day = f"2016-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        media.append(
            (
                f"m{i:07d}",
                kind,
                rnd.choice(PROVIDERS),
                f"https://cdn.example.org/{i}.jpg",
                " ".join(rnd.sample(WORDS, 8)).capitalize(),
                "/".join(p for p in (person, org) if p) or None,
                person,
                org,
                handle,
                f"{day}T12:00:00Z" if kind == "social_post" else None,
                json.dumps(tags),
                json.dumps(credits),
            )
        )
        mentions.append(
            (f"doc{doc:06d}:{i % 20 + 1}", f"doc{doc:06d}", f"m{i:07d}", "embedded", "bench", i % 20 + 1)
        )
        for name, kind_of in ((person, "person"), (org, "organisation"), (handle, "account")):
            if name:
                parties[f"{kind_of}:{name.lower()}"] = (name, kind_of)
                links.append((f"m{i:07d}", f"{kind_of}:{name.lower()}", "creator"))
    with db.atomic():
        db.conn.executemany(
            "insert into documents (id, source, url, format, scanned_at, media_count, scanner, domain) "
            "values (?, ?, ?, ?, ?, ?, ?, ?)",
            docs,
        )
        db.conn.executemany(
            "insert into media (id, kind, provider, url, caption, credit, credit_person, credit_org, "
            "author_handle, posted_at, tags, credits) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            media,
        )
        db.conn.executemany(
            "insert into mentions (id, document_id, media_id, presence, detector, position) "
            "values (?, ?, ?, ?, ?, ?)",
            mentions,
        )
        db.conn.executemany(
            "insert into credits (id, name, type) values (?, ?, ?)",
            [(key, name, kind) for key, (name, kind) in parties.items()],
        )
        db.conn.executemany("insert into media_credits (media_id, credit_id, role) values (?, ?, ?)", links)
        db.conn.executemany("insert into media_tags (media_id, tag) values (?, ?)", tagged)
    db.execute("analyze")
    store.close()


def timed(ds: object, path: str) -> tuple[float, int]:
    async def get() -> int:
        response = await ds.client.get(path)  # type: ignore[attr-defined]
        return int(response.status_code)

    asyncio.run(get())  # warm-up
    best = float("inf")
    status = 0
    for _ in range(5):
        start = time.perf_counter()
        status = asyncio.run(get())
        best = min(best, time.perf_counter() - start)
    return best, status


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory(prefix="catalog-bench-") as tmp:
        db = Path(tmp) / "catalog.db"
        start = time.perf_counter()
        build(db, rows)
        print(f"built {rows:,} media rows in {time.perf_counter() - start:.1f} s")
        ds = make_datasette(db, publish=True)  # as `catalog serve --publish` serves it
        print(f"{'page':<58}{'ms':>8}  status")
        for path in (
            "/catalog/media",
            "/catalog/media.json?_extra=facet_results",
            "/catalog/media?credit_org=AFP",
            "/catalog/media?_search=convoy+bridge",
            "/catalog/media?_credit=AFP",
            "/catalog/media?_credit=Photographer+0042",
            "/catalog/citations",
            "/catalog/media_credited_to?name=Photographer+0042",
        ):
            seconds, status = timed(ds, path)
            print(f"{path:<58}{seconds * 1000:>8.0f}  {status}")


if __name__ == "__main__":
    main()
