"""How fast the catalogue's pages answer at scale, with every facet of metadata.yml.

Usage: python3 bench/datasette_speed.py [ROWS]   (default 100,000 media rows)

Builds a catalogue of generated but realistic rows (kinds, platforms, agencies, photographers,
accounts, tags, credit arrays, post dates, a stored thumbnail on every other photo; one document
per 20 media with its live-blog entries, one mention each, and one media item in ten cited by two
more documents) in a temporary folder, then times the pages readers open: the home page, the
media as cards, filtered by credit and by site, the table view, a media item's page, a document's
page, the canned timeline, through Datasette's own client (no network). Each page is timed as
`catalog serve` serves it (the file may change: nothing is kept between requests) and as
`catalog serve --publish` does (immutable: answers are kept), each as a first visit on a fresh
server and as the best of 5 after it. A script, not a test: on a shared machine the figures move;
compare pages within one run.
"""

from __future__ import annotations

import asyncio
import io
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from corpus import WORDS
from PIL import Image, ImageFilter

from catalog.serve import make_datasette
from catalog.store import Store

KINDS = ["photo"] * 5 + ["social_post"] * 3 + ["video"] * 2 + ["audio", "gallery", "quote"]
PROVIDERS = ["twitter", "youtube", "instagram", "telegram", "facebook", "site", None]
AGENCIES = ["AFP", "Reuters", "AP", "Getty Images", "EPA", "Anadolu", "SANA", "PA", None, None]
TAGS = ["drone", "resident", "handout", "graphic", "animated", "live", "screenshot"]
ENTRIES = ["0900 GMT", "1015 GMT", "1130 GMT", "1245 GMT", None]


def _thumbnail() -> bytes:
    """A 160 px JPEG of the size `catalog enrich` stores for a news photo (about 5 KB)."""
    noise = Image.effect_noise((160, 107), 60).filter(ImageFilter.GaussianBlur(0.6))
    image = Image.merge("RGB", (noise, noise.rotate(180), Image.linear_gradient("L").resize((160, 107))))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=70, optimize=True)
    return buf.getvalue()


def build(db_path: Path, rows: int, thumbnails: bool = False) -> None:
    rnd = random.Random(7)
    people = [f"Photographer {i:04d}" for i in range(2000)]
    handles = [f"@account_{i:05d}" for i in range(5000)]
    Store(db_path).close()  # the real schema, indexes, FTS triggers and views
    store = Store(db_path)
    db = store.db
    docs, media, mentions, links, tagged = [], [], [], [], []
    thumbnail = _thumbnail() if thumbnails else None
    documents = (rows + 19) // 20
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
                    f"Live: day {doc} of the convoy",
                    f"2016-{doc % 12 + 1:02d}-{doc % 28 + 1:02d}T08:00:00Z",
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
                thumbnail if kind == "photo" and i % 2 else None,
                " ".join(rnd.sample(WORDS, 6)).capitalize() if kind == "photo" else None,
            )
        )
        entry = ENTRIES[(i % 20) // 4]
        mentions.append(
            (
                f"doc{doc:06d}:{i % 20 + 1}",
                f"doc{doc:06d}",
                f"m{i:07d}",
                "embedded",
                "bench",
                i % 20 + 1,
                entry,
            )
        )
        if i % 10 == 0:  # cited again, later, by two other documents
            for later in (1, 2):
                other = (doc + later * 7) % documents
                mentions.append(
                    (
                        f"doc{other:06d}:{20 + later}:{i}",
                        f"doc{other:06d}",
                        f"m{i:07d}",
                        "linked",
                        "bench",
                        20 + later + i % 1000,
                        entry,
                    )
                )
        for name, kind_of in ((person, "person"), (org, "organisation"), (handle, "account")):
            if name:
                parties[f"{kind_of}:{name.lower()}"] = (name, kind_of)
                links.append((f"m{i:07d}", f"{kind_of}:{name.lower()}", "creator"))
    with db.atomic():
        db.conn.executemany(
            "insert into documents (id, source, url, format, scanned_at, media_count, scanner, domain, "
            "title, published_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            docs,
        )
        db.conn.executemany(
            "insert into media (id, kind, provider, url, caption, credit, credit_person, credit_org, "
            "author_handle, posted_at, tags, credits, thumbnail, alt_text) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            media,
        )
        db.conn.executemany(
            "insert or ignore into mentions (id, document_id, media_id, presence, detector, position, entry) "
            "values (?, ?, ?, ?, ?, ?, ?)",
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


def _get(ds: object, path: str) -> tuple[float, int]:
    async def get() -> int:
        response = await ds.client.get(path)  # type: ignore[attr-defined]
        return int(response.status_code)

    start = time.perf_counter()
    status = asyncio.run(get())
    return time.perf_counter() - start, status


def timed(ds: object, path: str) -> tuple[float, int]:
    """Best of 5 after one warm-up."""
    _get(ds, path)
    best, status = float("inf"), 0
    for _ in range(5):
        seconds, status = _get(ds, path)
        best = min(best, seconds)
    return best, status


# The pages a reader opens (the first five are the issue's: each under 1 s at 100,000 media).
PAGES = (
    "/",
    "/catalog/media",
    "/catalog/media?_credit=Photographer+0042",
    "/catalog/media/m0004242",
    "/catalog/documents/doc000242",
    "/catalog/media?_site=news7.example.org",
    "/catalog/media?kind=photo&_sort=first_seen",
    "/catalog/media?_view=table",
    "/catalog/media.json?_extra=facet_results",
    "/catalog/media?credit_org=AFP",
    "/catalog/media?_search=convoy+bridge",
    "/catalog/media?_credit=AFP",
    "/catalog/citations",
    "/catalog/mentions",
    "/catalog/timeline?document=doc000242",
    "/catalog/media_credited_to?name=Photographer+0042",
)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory(prefix="catalog-bench-") as tmp:
        db, bare = Path(tmp) / "catalog.db", Path(tmp) / "bare" / "catalog.db"
        bare.parent.mkdir()
        start = time.perf_counter()
        build(db, rows, thumbnails=True)  # as after `catalog enrich`
        print(f"built {rows:,} media rows in {time.perf_counter() - start:.1f} s ({_thumbnail_note(db)})")
        build(bare, rows, thumbnails=False)  # the same catalogue before `catalog enrich`
        make_datasette(db, publish=True)  # writes the inspect file `serve --publish` starts from
        print(
            f"{'page':<46}{'serve: first':>13}{'best':>8}{'publish: first':>16}{'best':>8}"
            f"{'no thumbnails: first':>22}{'best':>8}  status"
        )
        for path in PAGES:
            figures = []
            status = 0
            for catalogue, publish in ((db, False), (db, True), (bare, False)):
                ds = make_datasette(catalogue, publish=publish)  # a fresh server: nothing kept
                first, got = _get(ds, path)
                best, again = timed(ds, path)
                figures += [first, best]
                status = max(status, got, again)
            ms = [f"{f * 1000:.0f} ms" for f in figures]
            print(f"{path:<46}{ms[0]:>13}{ms[1]:>8}{ms[2]:>16}{ms[3]:>8}{ms[4]:>22}{ms[5]:>8}  {status}")


def _thumbnail_note(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(db)
    n, size = conn.execute(
        "select count(*), avg(length(thumbnail)) from media where thumbnail is not null"
    ).fetchone()
    conn.close()
    return f"{n:,} thumbnails of {size / 1024:.1f} KB" if n else "no thumbnails"


if __name__ == "__main__":
    main()
