"""`catalog enrich` against a real HTTP server on 127.0.0.1 serving real JPEG files made here
with Pillow (with EXIF camera, time and GPS), a removed and a restricted picture, and a page that
cites them: availability, size, format, hashes, EXIF, thumbnails; resumable; safe by default."""

from __future__ import annotations

import asyncio
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

from catalog.enrich import dhash, enrich, read_image
from catalog.serve import make_datasette

from .conftest import Handler, Overlap, run_cli, serving


def _picture(seed: int) -> Image.Image:
    """A picture with structure (bands of different brightness), different for each seed."""
    image = Image.new("RGB", (640, 480))
    for x in range(640):
        shade = (x * (seed + 3) * 37 // 640 + seed * 50) % 256
        for y in range(480):
            image.putpixel((x, y), (shade, (shade + y // 4) % 256, 120))
    return image


def _jpeg(image: Image.Image, exif: bool = False) -> bytes:
    buffer = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Canon"
        data[0x0110] = "EOS R5"
        data.get_ifd(0x8769)[0x9003] = "2025:06:04 09:12:30"
        gps = data.get_ifd(0x8825)
        gps[1], gps[2] = "N", (50.0, 22.0, 30.0)
        gps[3], gps[4] = "W", (4.0, 8.0, 24.0)
        image.save(buffer, "JPEG", exif=data, quality=85)
    else:
        image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


QUAY = _picture(1)
FILES = {
    "/media/quay.jpg": _jpeg(QUAY, exif=True),
    "/media/quay-small.jpg": _jpeg(QUAY.resize((320, 240))),
    "/media/other.jpg": _jpeg(_picture(4).transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
}


# The platform's oEmbed endpoint, as a tweet's state shows there: 101 and 104 exist (104's
# fallback markup named its author already), 102 was deleted, 103 is from a protected account.
OEMBED = {
    "101": (
        200,
        {
            "title": "Ferry leaves at dawn",
            "author_name": "Harbour Watch",
            "thumbnail_url": "https://pbs.example/1.jpg",
        },
    ),
    "102": (404, {"error": "not found"}),
    "103": (403, {"error": "forbidden"}),
    "104": (200, {"title": "Crowds on the quay", "author_name": "Someone Else", "thumbnail_url": ""}),
}


class _Server(Handler):
    hits: list[str] = []
    lookups = Overlap()  # oEmbed answers take a while: how many overlap

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits.append(self.path)
        if self.path.startswith("/oembed?"):
            self.lookups.hold(0.2)
            asked = parse_qs(urlsplit(self.path).query)["url"][0]
            status, answer = OEMBED[asked.rsplit("/", 1)[1]]
            self.reply(status, json.dumps(answer), "application/json")
        elif self.path in FILES:
            self.reply(200, FILES[self.path], "image/jpeg")
        elif self.path == "/media/secret.jpg":
            self.reply(403, b"no", "text/plain")
        else:
            self.reply(404, b"gone", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(_Server) as base:
        yield base


def test_enrich_reads_pictures_and_checks_availability(server: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    figures = "".join(
        f'<figure><img src="{server}{path}" width="640" height="480">'
        f"<figcaption>{caption}</figcaption></figure>"
        for path, caption in (
            ("/media/quay.jpg", "The quay at dawn."),
            ("/media/quay-small.jpg", "The quay, small."),
            ("/media/other.jpg", "Another view."),
            ("/media/gone.jpg", "A removed picture."),
            ("/media/secret.jpg", "A restricted picture."),
        )
    )
    page.write_text(f"<html><body><article>{figures}</article></body></html>", encoding="utf-8")
    db = tmp_path / "catalog.db"  # served as /catalog
    assert run_cli("scan", str(page), "--db", str(db)).returncode == 0
    assert not _Server.hits, "scanning fetches nothing"

    refused = run_cli("enrich", "--db", str(db), "-q")
    assert refused.returncode == 0 and not _Server.hits
    assert "checked 0 media" in refused.stdout  # a refusal is no check: the next run asks them
    assert "5 refused by the address guard and not checked (see --allow-private)" in refused.stdout

    done = run_cli("enrich", "--db", str(db), "--allow-private")
    assert done.returncode == 0, done.stderr
    assert "checked 5 media: 3 pictures read, 2 unavailable" in done.stdout
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {Path(r["url"]).name: dict(r) for r in conn.execute("select * from media")}
    conn.close()
    quay = rows["quay.jpg"]
    assert (quay["width"], quay["height"], quay["image_format"]) == (640, 480, "JPEG")
    assert quay["availability"] == "ok" and quay["http_status"] == 200
    assert quay["camera"] == "Canon EOS R5" and quay["captured_at"] == "2025-06-04T09:12:30"
    assert (quay["gps_lat"], quay["gps_lon"]) == (50.375, -4.14)
    assert len(quay["image_sha256"]) == 64 and len(quay["phash"]) == 16
    thumb = Image.open(io.BytesIO(quay["thumbnail"]))
    assert thumb.format == "JPEG" and max(thumb.size) == 160 and len(quay["thumbnail"]) < 20_000
    near_bits = bin(int(quay["phash"], 16) ^ int(rows["quay-small.jpg"]["phash"], 16)).count("1")
    far_bits = bin(int(quay["phash"], 16) ^ int(rows["other.jpg"]["phash"], 16)).count("1")
    assert near_bits <= 4 and far_bits > 6  # a resized copy is near, another picture is not
    assert rows["gone.jpg"]["availability"] == "removed" and rows["gone.jpg"]["http_status"] == 404
    assert rows["secret.jpg"]["availability"] == "restricted"

    ds = make_datasette(db)
    near = asyncio.run(ds.client.get("/catalog/near_duplicates.json?_shape=array")).json()
    pairs = [{Path(r["url"]).name, Path(r["other_url"]).name} for r in near]
    assert pairs == [{"quay.jpg", "quay-small.jpg"}]  # the resized copy; the other picture is not near
    assert near[0]["bits_apart"] == near_bits
    shown = asyncio.run(ds.client.get("/catalog/near_duplicates")).text
    assert shown.count('class="catalog-thumb"') == 2  # both pictures shown, from stored thumbnails
    gone = asyncio.run(ds.client.get("/catalog/no_longer_available.json?_shape=array")).json()
    assert sorted((Path(r["url"]).name, r["availability"], r["citing_documents"]) for r in gone) == [
        ("gone.jpg", "removed", 1),
        ("secret.jpg", "restricted", 1),
    ]
    placed = asyncio.run(ds.client.get("/catalog/pictures_on_a_map.json?_shape=array")).json()
    assert [(Path(r["url"]).name, r["latitude"], r["longitude"]) for r in placed] == [
        ("quay.jpg", 50.375, -4.14)
    ]

    hits = len(_Server.hits)
    again = run_cli("enrich", "--db", str(db), "--allow-private")
    assert "checked 0 media" in again.stdout and "5 checked recently" in again.stdout
    assert len(_Server.hits) == hits  # resumable: what was checked within --max-age is skipped
    rescan = run_cli("scan", str(page), "--db", str(db), "--force")
    assert rescan.returncode == 0
    conn = sqlite3.connect(db)
    kept = conn.execute("select count(*) from media where thumbnail is not null").fetchone()[0]
    conn.close()
    assert kept == 3, "a rescan keeps what enrichment learned"


def test_read_image_refuses_what_is_not_a_picture() -> None:
    from catalog.errors import InputError

    with pytest.raises(InputError, match="not a picture"):
        read_image(b"<html>not a picture</html>")
    image = Image.new("RGB", (32, 32), (10, 10, 10))
    assert dhash(image) == "0000000000000000"


def test_oembed_gives_each_post_its_platform_status_title_and_author(server: str, tmp_path: Path) -> None:
    page = tmp_path / "posts.html"
    page.write_text(
        "<html><body><article>"
        '<iframe src="https://platform.twitter.com/embed/Tweet.html?id=101"></iframe>'
        '<iframe src="https://platform.twitter.com/embed/Tweet.html?id=102"></iframe>'
        '<iframe src="https://platform.twitter.com/embed/Tweet.html?id=103"></iframe>'
        '<blockquote class="twitter-tweet"><p>Crowds on the quay.</p>&mdash; Quay Reporter (@quayrep) '
        '<a href="https://twitter.com/quayrep/status/104">June 4, 2025</a></blockquote>'
        "</article></body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "posts.db"
    assert run_cli("scan", str(page), "--db", str(db)).returncode == 0
    _Server.lookups.reset()
    report = enrich(
        db, allow_private=True, concurrency=4, oembed=True, endpoints={"twitter": f"{server}/oembed?url="}
    )
    assert (report.checked, report.unavailable) == (4, 2)
    assert _Server.lookups.most == 2  # four at a time in all, two at a time to one host
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {r["post_id"]: dict(r) for r in conn.execute("select * from media")}
    conn.close()
    assert [(rows[i]["availability"], rows[i]["http_status"]) for i in ("101", "102", "103", "104")] == [
        ("ok", 200),
        ("removed", 404),
        ("restricted", 403),
        ("ok", 200),
    ]
    assert (rows["101"]["oembed_title"], rows["101"]["author_name"], rows["101"]["thumbnail_url"]) == (
        "Ferry leaves at dawn",
        "Harbour Watch",  # the page named no author: the platform's answer fills it
        "https://pbs.example/1.jpg",
    )
    assert rows["104"]["author_name"] == "Quay Reporter"  # never overwritten
    assert rows["104"]["thumbnail_url"] is None


def test_a_page_of_an_app_says_nothing_of_the_post_without_oembed(server: str, tmp_path: Path) -> None:
    db = tmp_path / "app.db"
    page = tmp_path / "p.html"
    page.write_text('<html><body><img src="/media/quay.jpg" width="640" height="480"></body></html>')
    assert run_cli("scan", str(page), "--db", str(db), "--base-url", f"{server}/").returncode == 0
    conn = sqlite3.connect(db)
    with conn:  # a post whose address answers 200, as the apps' pages do for any post
        conn.execute("update media set provider = 'twitter', kind = 'social_post'")
    conn.close()
    enrich(db, allow_private=True)
    conn = sqlite3.connect(db)
    row = conn.execute("select availability, http_status, check_error from media").fetchone()
    conn.close()
    assert row == (None, 200, "a 200 from twitter says nothing of the post (see --oembed)")
