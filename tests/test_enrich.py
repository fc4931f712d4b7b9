"""`catalog enrich` against a real HTTP server on 127.0.0.1 serving real JPEG files made here
with Pillow (with EXIF camera, time and GPS), a removed and a restricted picture, and a page that
cites them: availability, size, format, hashes, EXIF, thumbnails; resumable; safe by default."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from catalog.enrich import dhash, read_image


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


class _Server(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits.append(self.path)
        if self.path in FILES:
            body, status, kind = FILES[self.path], 200, "image/jpeg"
        elif self.path == "/media/secret.jpg":
            body, status, kind = b"no", 403, "text/plain"
        else:
            body, status, kind = b"gone", 404, "text/plain"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def _catalog(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "catalog", *args], capture_output=True, text=True, check=False
    )


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
    db = tmp_path / "c.db"
    assert _catalog("scan", str(page), "--db", str(db)).returncode == 0
    assert not _Server.hits, "scanning fetches nothing"

    refused = _catalog("enrich", "--db", str(db), "-q")
    assert refused.returncode == 0 and "5 unavailable" in refused.stdout and not _Server.hits

    done = _catalog("enrich", "--db", str(db), "--allow-private", "--max-age", "0")
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
    near = bin(int(quay["phash"], 16) ^ int(rows["quay-small.jpg"]["phash"], 16)).count("1")
    far = bin(int(quay["phash"], 16) ^ int(rows["other.jpg"]["phash"], 16)).count("1")
    assert near <= 4 < far  # a resized copy is near, another picture is not
    assert rows["gone.jpg"]["availability"] == "removed" and rows["gone.jpg"]["http_status"] == 404
    assert rows["secret.jpg"]["availability"] == "restricted"

    hits = len(_Server.hits)
    again = _catalog("enrich", "--db", str(db), "--allow-private")
    assert "checked 0 media" in again.stdout and "5 checked recently" in again.stdout
    assert len(_Server.hits) == hits  # resumable: what was checked within --max-age is skipped
    rescan = _catalog("scan", str(page), "--db", str(db), "--force")
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
