"""Fetching and enrich that nothing outside can stop, stall or fool (issue 24): each row of the
issue's table, against real servers on 127.0.0.1. Every server loop is bounded; every wait has a
timeout; nothing here asserts a duration (a run that stalled fails on its subprocess timeout).
The DNS-rebinding case stubs the one place names are resolved (`Fetcher.resolver`)."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import sqlite3
import ssl
import subprocess
import sys
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from PIL import Image

from catalog.errors import InputError, RefusedError, UnreachableError
from catalog.fetch import Fetcher, FetchOptions
from catalog.scan import scan

from .conftest import SAMPLES, Handler, run_cli, serving

PAGE = (
    "<!doctype html><html><head><title>Quay {n}</title></head><body><article>"
    '<figure><img src="https://img.example.org/quay-{n}.jpg" width="800" height="600">'
    "<figcaption>The quay, view {n}. Photo: Jane Doe/AFP</figcaption></figure></article></body></html>"
)
CATALOG = [sys.executable, "-m", "catalog"]


def _jpeg(size: tuple[int, int] = (320, 240), shade: int = 90) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (shade, 120, 200 - shade)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _tiff_lab() -> bytes:
    buffer = io.BytesIO()
    Image.new("LAB", (64, 48), (50, 10, 20)).save(buffer, "TIFF")
    return buffer.getvalue()


def _png(side: int) -> bytes:
    """A real side x side RGB PNG, written row by row (never held decoded here)."""
    pack = zlib.compressobj(9)
    row = b"\x00" + bytes(3 * side)
    data = b"".join(pack.compress(row) for _ in range(side)) + pack.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = side.to_bytes(4, "big") * 2 + bytes((8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


GOOD = _jpeg()
PICTURES = {
    "/media/good.jpg": (GOOD, "image/jpeg"),
    "/media/lab.tif": (_tiff_lab(), "image/tiff"),
    "/media/broken.jpg": (GOOD[: len(GOOD) // 3], "image/jpeg"),
}
SITEMAP = '<?xml version="1.0"?><{kind} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</{kind}>'


class _Net(Handler):
    """Pages, redirects to addresses no request can be made of, a dripping body, sitemap
    indexes leading back to each other, pictures; `hits` counts every request by path."""

    hits: Counter[str] = Counter()
    big: dict[str, bytes] = {}
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        type(self).hits[self.path] += 1
        path = self.path
        if path.startswith("/page/"):
            self.reply(200, PAGE.format(n=path.rsplit("/", 1)[1]), "text/html; charset=utf-8")
        elif path in ("/to-bad-host", "/media/to-bad-host"):
            self._redirect("http://www.example..com/x.jpg")
        elif path in ("/to-bad-port", "/media/to-bad-port"):
            self._redirect("http://127.0.0.1:99999/x.jpg")
        elif path.startswith("/redirect?to="):
            self._redirect(unquote(path.removeprefix("/redirect?to=")))
        elif path.startswith(("/drip", "/media/drip")):
            self._drip()
        elif path.startswith("/index-"):  # 12 indexes, each listing all 12 and a page 5 times
            n = int(path.removeprefix("/index-").removesuffix(".xml"))
            body = "".join(f"<sitemap><loc>{self.base}/index-{i}.xml</loc></sitemap>" for i in range(12))
            body += f"<sitemap><loc>{self.base}/listed.xml#{n}</loc></sitemap>"
            self.reply(200, SITEMAP.format(kind="sitemapindex", body=body), "application/xml")
        elif path == "/listed.xml":
            body = "".join(f"<url><loc>{self.base}/page/{i % 3}</loc></url>" for i in range(15))
            self.reply(200, SITEMAP.format(kind="urlset", body=body), "application/xml")
        elif path == "/big-sitemap.xml":
            body = "".join(f"<url><loc>{self.base}/page/{100 + i}</loc></url>" for i in range(30))
            self.reply(200, SITEMAP.format(kind="urlset", body=body), "application/xml")
        elif path in PICTURES:
            self.reply(200, *PICTURES[path])
        elif path.startswith("/media/copy-"):
            self.reply(200, GOOD, "image/jpeg")
        elif path in self.big:
            self.reply(200, self.big[path], "image/png")
        else:
            self.reply(404, "not here", "text/plain")

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _drip(self) -> None:
        """A 1 MB body promised, 8 bytes sent every 0.1 s (for at most 20 s)."""
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg" if "media" in self.path else "text/html")
        self.send_header("Content-Length", str(1_000_000))
        self.end_headers()
        for _ in range(200):
            try:
                self.wfile.write(b"<p>drip ")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture(scope="module")
def net() -> Iterator[str]:
    with serving(_Net) as base:
        yield base


def _scan(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CATALOG, "scan", "--db", str(db), "--allow-private", "--delay", "0", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _errors(stderr: str, base: str) -> dict[str, str]:
    """`error: SOURCE: REASON` lines by source (the server's base taken off)."""
    out = {}
    for line in stderr.splitlines():
        if line.startswith("error: "):
            source, reason = line.removeprefix("error: ").split(": ", 1)
            out[source.removeprefix(base)] = reason
    return out


def _rows(db: Path, sql: str) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


# -- rows 1 and 8: enrich --------------------------------------------------------------------


def _catalogue_of(db: Path, tmp_path: Path, addresses: list[str]) -> None:
    page = tmp_path / f"{db.stem}.html"
    figures = "".join(
        f'<figure><img src="{a}" width="640" height="480"><figcaption>Picture {i}.</figcaption></figure>'
        for i, a in enumerate(addresses)
    )
    page.write_text(f"<html><body><article>{figures}</article></body></html>", encoding="utf-8")
    assert scan([str(page)], db).errors == []


def test_no_item_stops_enrich_and_each_ends_with_its_status(net: str, tmp_path: Path) -> None:
    """Row 1: a host with an empty label, a redirect to port 99999, a LAB TIFF and a truncated
    JPEG among good pictures: each item gets its status, every one is checked, the run goes on."""
    db = tmp_path / "row1.db"
    addresses = [
        "http://www.example..com/typo.jpg",
        f"{net}/media/to-bad-port",
        f"{net}/media/lab.tif",
        f"{net}/media/broken.jpg",
        f"{net}/media/good.jpg",
    ]
    _catalogue_of(db, tmp_path, addresses)
    done = run_cli("enrich", "--db", str(db), "--allow-private")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "checked 5 media: 2 pictures read, 0 unavailable, 2 errors" in done.stdout
    rows = {r["url"]: r for r in _rows(db, "select * from media")}
    status = {url.removeprefix(net): (r["availability"], r["check_error"]) for url, r in rows.items()}
    # a truncated JPEG's reason is Pillow's own words, which vary with where the data ends
    assert status.pop("/media/broken.jpg")[1].startswith("picture not decoded: OSError: ")
    assert status == {
        "http://www.example..com/typo.jpg": (
            "error",
            "bad address: 'www.example..com' is no host name (an empty or long label)",
        ),
        "/media/to-bad-port": ("error", "bad address: Port out of range 0-65535"),
        "/media/lab.tif": ("ok", None),
        "/media/good.jpg": ("ok", None),
    }
    assert all(r["checked_at"] for r in rows.values())  # every one checked: none holds the queue
    lab = rows[f"{net}/media/lab.tif"]
    assert (lab["width"], lab["height"], lab["image_format"]) == (64, 48, "TIFF") and lab["thumbnail"]
    broken = rows[f"{net}/media/broken.jpg"]
    assert (broken["width"], broken["height"]) == (320, 240)  # what its header says is kept
    again = run_cli("enrich", "--db", str(db), "--allow-private")
    assert "checked 0 media" in again.stdout and "5 checked recently" in again.stdout


def test_a_refusal_is_no_check(net: str, tmp_path: Path) -> None:
    """Row 8: refused by the guard is `refused`, not `unreachable`, and not checked: the run
    with --allow-private reads the picture."""
    db = tmp_path / "row8.db"
    _catalogue_of(db, tmp_path, [f"{net}/media/good.jpg"])
    refused = run_cli("enrich", "--db", str(db))
    assert refused.returncode == 0
    assert "1 refused by the address guard and not checked (see --allow-private)" in refused.stdout
    [row] = _rows(db, "select availability, check_error, checked_at, phash from media")
    assert tuple(row) == (
        "refused",
        "refused: 127.0.0.1 is a private or local address (127.0.0.1); see --allow-private",
        None,
        None,
    )
    allowed = run_cli("enrich", "--db", str(db), "--allow-private")
    assert "checked 1 media: 1 pictures read" in allowed.stdout
    [row] = _rows(db, "select availability, check_error, checked_at, phash from media")
    assert row["availability"] == "ok" and row["checked_at"] and row["phash"]


# -- row 2: a scan of addresses ---------------------------------------------------------------


def test_no_address_ends_a_scan(net: str, tmp_path: Path) -> None:
    """Row 2: addresses no request can be made of, given or met on a redirect, are one error
    line each among good pages, which are all stored."""
    urls = tmp_path / "urls.txt"
    given = [
        f"{net}/page/1",
        "http://www.example..com/",
        "http://[::1/",
        "http://127.0.0.1:99999/",
        f"{net}/to-bad-host",
        f"{net}/to-bad-port",
        f"{net}/page/2",
    ]
    urls.write_text("\n".join(given) + "\n", encoding="utf-8")
    db = tmp_path / "row2.db"
    proc = _scan(db, "--urls", str(urls))
    assert proc.returncode == 3 and "Traceback" not in proc.stderr, proc.stderr
    typo = "bad address: 'www.example..com' is no host name (an empty or long label)"
    assert _errors(proc.stderr, net) == {
        "http://www.example..com/": typo,
        "http://[::1/": "bad address: Invalid IPv6 URL",
        "http://127.0.0.1:99999/": "bad address: Port out of range 0-65535",
        "/to-bad-host": typo,
        "/to-bad-port": "bad address: Port out of range 0-65535",
    }
    stored = [r["source"] for r in _rows(db, "select source from documents where error is null")]
    assert stored == [f"{net}/page/1", f"{net}/page/2"]


# -- row 3: robots.txt without end ------------------------------------------------------------


class _EndlessRobots(Handler):
    """robots.txt as an endless chunked stream (its first lines real), counting what it sent."""

    sent = {"bytes": 0}
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        if self.path != "/robots.txt":
            self.reply(200, PAGE.format(n=self.path.strip("/").replace("/", "-")), "text/html")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        lines = [b"User-agent: *\nDisallow: /private/\n"] + [b"# " + b"x" * 1000 + b"\n"] * 64_000
        for line in lines:  # at most 64 MB
            try:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(line), line))
            except OSError:
                return
            self.sent["bytes"] += len(line)


def test_an_endless_robots_txt_is_read_to_its_limit(tmp_path: Path) -> None:
    """Row 3: robots.txt is read to 512 KiB (as Google reads it) and obeyed; the rest is never
    asked for."""
    with serving(_EndlessRobots) as base:
        proc = _scan(tmp_path / "row3.db", f"{base}/news/1", f"{base}/private/2")
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    assert _errors(proc.stderr, base) == {
        "/private/2": f"robots.txt of {base.removeprefix('http://')} disallows it (see --ignore-robots)"
    }
    # what the server got out before the connection was cut: the 512 KiB and socket buffers
    assert _EndlessRobots.sent["bytes"] < 16 * 2**20


# -- row 4: slow servers ----------------------------------------------------------------------


class _SlowRobots(Handler):
    """A robots.txt sending one byte every 0.2 s (for at most 20 s); quick pages."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        if self.path != "/robots.txt":
            self.reply(200, PAGE.format(n=7), "text/html")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        for _ in range(100):
            try:
                self.wfile.write(b"#")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.2)


def test_a_slow_server_holds_a_scan_no_longer_than_its_time_budget(net: str, tmp_path: Path) -> None:
    """Row 4: bodies dripping 8 bytes at a time, more of them than fetching threads, and a
    robots.txt a byte at a time: each is cut at --time-budget, one line each; the good pages
    between them are stored."""
    db = tmp_path / "row4.db"
    drips = [f"{net}/drip/{i}" for i in range(4)]
    with serving(_SlowRobots) as slow:
        proc = _scan(
            db,
            *drips,
            f"{net}/page/4",
            f"{slow}/page",
            "--time-budget",
            "1",
            "--concurrency",
            "2",
            timeout=40,
        )
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    over = "took longer than 1 s to fetch (see --time-budget)"
    assert _errors(proc.stderr, net) == {**{f"/drip/{i}": over for i in range(4)}, f"{slow}/page": over}
    assert [r["source"] for r in _rows(db, "select source from documents where error is null")] == [
        f"{net}/page/4"
    ]


def test_a_slow_picture_holds_an_item_no_longer_than_its_time_budget(net: str, tmp_path: Path) -> None:
    """Row 4, enrich: the picture dripping is `unreachable` after --time-budget; the next is read."""
    db = tmp_path / "row4e.db"
    _catalogue_of(db, tmp_path, [f"{net}/media/drip.jpg", f"{net}/media/good.jpg"])
    done = subprocess.run(
        [*CATALOG, "enrich", "--db", str(db), "--allow-private", "--time-budget", "1", "--concurrency", "1"],
        capture_output=True,
        text=True,
        timeout=40,
        check=False,
    )
    assert done.returncode == 0 and "checked 2 media: 1 pictures read, 1 unavailable" in done.stdout
    rows = {
        r["url"].removeprefix(net): tuple(r)[1:]
        for r in _rows(db, "select url, availability, check_error from media")
    }
    assert rows == {
        "/media/drip.jpg": ("unreachable", "took longer than 1 s to fetch (see --time-budget)"),
        "/media/good.jpg": ("ok", None),
    }


class _Packed(Handler):
    """A page gzipped, one deflated (zlib and raw), and a gzip bomb: 64 MB of spaces in 64 KB."""

    def do_GET(self) -> None:  # noqa: N802
        page = PAGE.format(n=9).encode()
        if self.path == "/gzip":
            body, coding = gzip.compress(page), "gzip"
        elif self.path == "/deflate":
            body, coding = zlib.compress(page), "deflate"
        elif self.path == "/raw-deflate":
            pack = zlib.compressobj(wbits=-zlib.MAX_WBITS)
            body, coding = pack.compress(page) + pack.flush(), "deflate"
        elif self.path == "/br":
            body, coding = page, "br"
        else:
            body, coding = gzip.compress(page[:-14] + b" " * 64 * 2**20 + page[-14:]), "gzip"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_compressed_bodies_are_decompressed_within_the_limit() -> None:
    """gzip and deflate (zlib or raw) pages read; a gzip bomb stops at the limit, decompressed
    in steps never larger than what is left under it; an encoding not asked for is one line."""
    with serving(_Packed) as base:
        options = FetchOptions(
            respect_robots=False, max_bytes=2**20, allow_addresses=frozenset({"127.0.0.1"})
        )
        fetcher = Fetcher(options)
        try:
            for path in ("/gzip", "/deflate", "/raw-deflate"):
                assert "The quay, view 9." in fetcher.fetch(base + path).text
            with pytest.raises(InputError, match=r"^body is over the 1,048,576-byte limit \(see --max-mb\)$"):
                fetcher.fetch(base + "/bomb")
            with pytest.raises(InputError, match="^content encoding 'br' not asked for and not read$"):
                fetcher.fetch(base + "/br")
        finally:
            fetcher.close()


# -- row 5: the guard on the address connected to --------------------------------------------


class _Stub:
    """A resolver answering from a list, one answer a call (the last one repeated)."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append((host, port))
        return self.answers[min(len(self.asked), len(self.answers)) - 1]


class _Echo(Handler):
    """Answers every page with the Host header it was asked with; counts requests."""

    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        self.seen.append(self.headers.get("Host", ""))
        self.reply(200, f"<html><body><p>asked for {self.headers.get('Host')}</p></body></html>", "text/html")


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def test_dns_rebinding_meets_the_address_that_was_checked() -> None:
    """Row 5: the name is resolved once and the connection goes to the address checked. The
    resolver answers an allowed address first (127.0.0.2, where nothing listens) and the
    loopback server's afterwards: the request goes to the first and fails; the server sees
    nothing, and nothing asks the resolver twice."""
    _Echo.seen.clear()
    with serving(_Echo) as base:
        port = _port(base)
        stub = _Stub(["127.0.0.2"], ["127.0.0.1"])
        options = FetchOptions(respect_robots=False, retries=0, allow_addresses=frozenset({"127.0.0.2"}))
        fetcher = Fetcher(options, resolver=stub)
        try:
            with pytest.raises(UnreachableError) as caught:
                fetcher.fetch(f"http://rebind.test:{port}/page")
        finally:
            fetcher.close()
        assert stub.asked == [("rebind.test", port)]
        assert "cannot connect to rebind.test (127.0.0.2: Connection refused)" in str(caught.value)
        assert _Echo.seen == []

        stub = _Stub(["127.0.0.1"])
        fetcher = Fetcher(FetchOptions(respect_robots=False), resolver=stub)  # no address allowed
        try:
            with pytest.raises(
                RefusedError, match=r"rebind.test is a private or local address \(127.0.0.1\)"
            ):
                fetcher.fetch(f"http://rebind.test:{port}/page")
        finally:
            fetcher.close()
        assert _Echo.seen == []


def test_the_request_keeps_its_name_while_connecting_to_the_checked_address() -> None:
    """Row 5: connecting to the resolved address changes nothing of the request: the Host
    header is the name's."""
    _Echo.seen.clear()
    with serving(_Echo) as base:
        port = _port(base)
        stub = _Stub(["127.0.0.1"])
        options = FetchOptions(respect_robots=False, allow_addresses=frozenset({"127.0.0.1"}))
        fetcher = Fetcher(options, resolver=stub)
        try:
            page = fetcher.fetch(f"http://news.test:{port}/story")
        finally:
            fetcher.close()
    assert _Echo.seen == [f"news.test:{port}"] and f"asked for news.test:{port}" in page.text
    assert page.url == f"http://news.test:{port}/story"


def _certificate(folder: Path) -> tuple[Path, Path]:
    if not any((Path(p) / "openssl").exists() for p in os.environ.get("PATH", "").split(os.pathsep)):
        pytest.skip("openssl is not installed")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        + ["-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=news.test"]
        + ["-addext", "subjectAltName=DNS:news.test"],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return key, cert


def test_tls_is_for_the_name_over_the_checked_address(tmp_path: Path) -> None:
    """Row 5: over https the server is asked for the name (SNI) and its certificate is checked
    against the name, not the address connected to."""
    key, cert = _certificate(tmp_path)
    names: list[str | None] = []
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    server_side.sni_callback = lambda sock, name, context: names.append(name)  # type: ignore[assignment,misc,return-value]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    server.socket = server_side.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client_side = ssl.create_default_context(cafile=str(cert))
    options = FetchOptions(respect_robots=False, retries=0, allow_addresses=frozenset({"127.0.0.1"}))
    try:
        fetcher = Fetcher(options, resolver=_Stub(["127.0.0.1"]), ssl_context=client_side)
        try:
            page = fetcher.fetch(f"https://news.test:{server.server_port}/secure")
            with pytest.raises(UnreachableError, match="certificate"):  # the address is not the name
                fetcher.fetch(f"https://127.0.0.1:{server.server_port}/secure")
        finally:
            fetcher.close()
    finally:
        server.shutdown()
        server.server_close()
    assert f"asked for news.test:{server.server_port}" in page.text
    assert names[0] == "news.test"


# -- row 6: sitemaps and feeds ----------------------------------------------------------------


def test_each_address_is_fetched_once_per_scan(net: str, tmp_path: Path) -> None:
    """Row 6: 12 sitemap indexes each listing all 12 and a sitemap listing 3 pages 5 times
    each: one request for each address, one document for each page."""
    _Net.hits.clear()
    proc = _scan(tmp_path / "row6.db", f"{net}/index-0.xml", f"{net}/page/0")
    assert proc.returncode == 0, proc.stderr
    asked = {path: n for path, n in _Net.hits.items() if path != "/robots.txt"}
    assert asked == {
        **{f"/index-{i}.xml": 1 for i in range(12)},
        "/listed.xml": 1,
        "/page/0": 1,
        "/page/1": 1,
        "/page/2": 1,
    }
    assert "scanned 3 documents" in proc.stdout


def test_max_pages_caps_what_sitemaps_list_and_says_so(net: str, tmp_path: Path) -> None:
    """Row 6: a sitemap of 30 pages under --max-pages 10: ten are fetched, the rest counted."""
    _Net.hits.clear()
    proc = _scan(tmp_path / "row6b.db", f"{net}/big-sitemap.xml", "--max-pages", "10")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p for p in _Net.hits if p.startswith("/page/")) == [f"/page/{100 + i}" for i in range(10)]
    assert proc.stderr.strip() == (
        "note: sitemaps and feeds list more than 10 addresses: the rest are not fetched (see --max-pages)"
    )
    assert proc.stdout.strip().endswith(
        "; 20 addresses listed by sitemaps and feeds not fetched (--max-pages)"
    )


# -- row 7: pictures just under the pixel limit ------------------------------------------------


_PEAK = """
import resource, sys
from catalog.enrich import enrich
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = enrich(sys.argv[1], allow_private=True, concurrency=8, decode_budget=int(sys.argv[2]))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(report.images, before * 1024, after * 1024)
"""


def test_large_pictures_are_decoded_within_the_budget(tmp_path: Path) -> None:
    """Row 7: eight 3000x3000 PNGs (36 MB of pixels each, as Pillow holds them), on eight hosts
    (no per-host limit between them), checked eight at a time with a budget of one picture:
    the run grows by about one picture, not eight (it grew by 290 MB without the budget)."""
    side = 3000
    decoded = side * side * 4
    _Net.big["/media/big.png"] = _png(side)
    db = tmp_path / "row7.db"
    with ExitStack() as hosts:
        bases = [hosts.enter_context(serving(_Net)) for _ in range(8)]
        _catalogue_of(db, tmp_path, [f"{base}/media/big.png" for base in bases])
        proc = subprocess.run(
            [sys.executable, "-c", _PEAK, str(db), str(decoded)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    images, before, after = map(int, proc.stdout.split())
    assert images == 8
    assert after - before < 2.5 * decoded


# -- row 9: export -o ---------------------------------------------------------------------------


def test_a_failed_export_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """Row 9: the export is written beside the file and renamed into place: a failed one
    leaves the file whole; a path that cannot be written is one line."""
    db = tmp_path / "c.db"
    assert scan([str(SAMPLES / "riverside-liveblog.txt")], db).errors == []
    out = tmp_path / "media.json"
    first = run_cli("export", "--db", str(db), "-o", str(out))
    assert first.returncode == 0
    whole = out.read_bytes()
    assert json.loads(whole)
    failed = run_cli("export", "--db", str(tmp_path / "missing.db"), "-o", str(out))
    assert failed.returncode == 1 and failed.stderr.startswith("error: no catalogue at")
    assert out.read_bytes() == whole
    assert sorted(p.name for p in tmp_path.iterdir() if "media.json" in p.name) == ["media.json"]
    nowhere = run_cli("export", "--db", str(db), "-o", str(tmp_path / "no-such-folder" / "m.json"))
    assert nowhere.returncode == 1 and "Traceback" not in nowhere.stderr
    assert nowhere.stderr.strip() == (
        f"error: cannot write {tmp_path / 'no-such-folder' / 'm.json'}: No such file or directory"
    )


# -- row 10: sharing the catalogue --------------------------------------------------------------


def _folder(folder: Path, copies: int, tag: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (SAMPLES / "riverside-liveblog.txt").read_text(encoding="utf-8")
    for i in range(copies):
        (folder / f"blog-{tag}-{i:03d}.txt").write_text(f"Copy {tag} {i}.\n\n{text}", encoding="utf-8")
    return folder


def test_a_writer_waits_for_another_and_says_so(tmp_path: Path) -> None:
    """Row 10: while another process holds the write lock, a scan waits and says so in one
    line; once the lock is free it stores everything."""
    db = tmp_path / "shared.db"
    assert scan([str(_folder(tmp_path / "a", 2, "a"))], db).errors == []
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("begin immediate")
    writer = subprocess.Popen(
        [*CATALOG, "scan", str(_folder(tmp_path / "b", 3, "b")), "--db", str(db), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stderr is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(writer.stderr.readline() if writer.stderr else ""))
    reader.start()
    reader.join(timeout=60)  # the scan is waiting, and says so, while the lock is held
    holder.execute("commit")
    holder.close()
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert lines == [f"note: waiting for another process writing to {db} (a scan or an enrich)\n"]
    assert err == "" and "scanned 3 documents" in out
    assert len(_rows(db, "select id from documents")) == 5


def test_enrich_and_two_scans_share_the_catalogue(net: str, tmp_path: Path) -> None:
    """Row 10: an enrich and two scans at once on one catalogue: all three finish, nothing is
    lost."""
    db = tmp_path / "busy.db"
    _catalogue_of(db, tmp_path, [f"{net}/media/copy-{i}.jpg" for i in range(40)])
    procs = [
        subprocess.Popen(
            [*CATALOG, "scan", str(_folder(tmp_path / name, 60, name)), "--db", str(db), "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    procs.append(
        subprocess.Popen(
            [*CATALOG, "enrich", "--db", str(db), "--allow-private", "-q", "--concurrency", "2"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    )
    outputs = [p.communicate(timeout=120) for p in procs]
    outcomes = [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs, strict=True)]
    assert [rc for rc, _, _ in outcomes] == [0, 0, 0], outcomes
    assert all("Traceback" not in err and "locked" not in err for _, _, err in outcomes)
    assert "checked 40 media: 40 pictures read" in outcomes[2][1]
    assert len(_rows(db, "select id from documents where error is null")) == 1 + 120


# -- row 11: files gone -----------------------------------------------------------------------


def test_prune_drops_the_documents_of_files_gone(tmp_path: Path) -> None:
    """Row 11: a renamed file and a deleted one: without --prune their documents stay (and the
    renamed one's media are 'cited by more than one document'); with it they go."""
    folder = _folder(tmp_path / "texts", 3, "p")
    db = tmp_path / "prune.db"
    assert scan([str(folder)], db).errors == []
    (folder / "blog-p-000.txt").rename(folder / "renamed.txt")
    (folder / "blog-p-001.txt").unlink()
    assert scan([str(folder)], db).errors == []
    assert len(_rows(db, "select id from documents")) == 4  # the gone and the renamed both
    pruned = run_cli("scan", str(folder), "--db", str(db), "--prune")
    assert pruned.returncode == 0 and "; 2 documents of files no longer there dropped" in pruned.stdout
    sources = sorted(Path(r["source"]).name for r in _rows(db, "select source from documents"))
    assert sources == ["blog-p-002.txt", "renamed.txt"]
    orphans = _rows(db, "select id from media where id not in (select media_id from mentions)")
    assert orphans == []


# -- row 12: large inputs -----------------------------------------------------------------------


def test_a_page_of_too_many_elements_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """Row 12: the start tags of a page are counted before it is parsed: one over the limit is
    refused at once, whatever its tree would have cost."""
    page = tmp_path / "many.html"
    page.write_text("<html><body>" + "<span>x</span>" * 20_001 + "</body></html>", encoding="utf-8")
    db = tmp_path / "many.db"
    proc = run_cli("scan", str(page), "--db", str(db), "--max-elements", "20000")
    assert proc.returncode == 3
    assert proc.stderr.strip() == (
        f"error: {page}: too many HTML elements, 20,003 start tags, more than 20,000 (see --max-elements)"
    )


# -- row 13: the command line -------------------------------------------------------------------


def test_a_time_budget_of_0_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli("scan", str(SAMPLES), "--db", str(tmp_path / "c.db"), "--time-budget", "0")
    assert proc.returncode == 2 and "Invalid value for '--time-budget'" in proc.stderr


def test_ctrl_c_stops_a_scan_with_130(net: str, tmp_path: Path) -> None:
    """Row 13: SIGINT while a page drips in: exit 130 and one line, at once (the connection
    under way is cut); the catalogue holds whole documents."""
    _Net.hits.clear()
    db = tmp_path / "stop.db"
    scan = subprocess.Popen(
        [*CATALOG, "scan", "--db", str(db), "--allow-private", "--delay", "0", "--concurrency", "1"]
        + [f"{net}/page/8", f"{net}/drip/stop"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(200):  # until the drip has begun (at most 20 s)
        if _Net.hits["/drip/stop"]:
            break
        time.sleep(0.1)
    time.sleep(0.3)
    scan.send_signal(signal.SIGINT)
    out, err = scan.communicate(timeout=20)
    assert scan.returncode == 130 and "Traceback" not in err and "Aborted" not in err
    assert err.strip() == "interrupted (what was stored is kept; the next run does the rest)"
    assert [r["source"] for r in _rows(db, "select source from documents")] in ([], [f"{net}/page/8"])
    assert _rows(db, "pragma integrity_check")[0][0] == "ok"


def test_fetch_errors_are_input_errors_of_their_kind() -> None:
    """Every way a request can fail is one of the errors catalog reports (no other exception)."""
    fetcher = Fetcher(FetchOptions(respect_robots=False, retries=0))
    try:
        for address, kind in (
            ("gopher://example.org/", RefusedError),
            ("file:///etc/passwd", RefusedError),
            ("http://0x7f.1/", RefusedError),
            ("http://2130706433/", RefusedError),
            ("http://[::ffff:127.0.0.1]/", RefusedError),
            ("http:///nohost", InputError),
            ("http://a" + "b" * 70 + ".org/", InputError),
        ):
            with pytest.raises(kind):
                fetcher.fetch(address)
    finally:
        fetcher.close()


@pytest.mark.parametrize(
    "target",
    [
        "http://2130706434/",  # 127.0.0.2 in decimal
        "http://0177.0.0.2/",  # in octal
        "http://0x7f000002/",  # in hexadecimal
        "http://[::ffff:127.0.0.2]/",  # mapped
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",  # link-local: a cloud's metadata service
        "http://[fe80::1]/",
        "http://10.0.0.1/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:70/",
    ],
)
def test_a_redirect_hop_to_a_local_address_is_refused(net: str, target: str) -> None:
    """What held before issue 24 and holds now: a hop to a loopback, link-local, private or
    mapped address in any spelling, or to another scheme, is refused before connecting (httpx
    itself takes no octal address: that hop is a bad address)."""
    options = FetchOptions(respect_robots=False, allow_addresses=frozenset({"127.0.0.1"}))
    fetcher = Fetcher(options)
    try:
        with pytest.raises(InputError) as caught:
            fetcher.fetch(f"{net}/redirect?to={quote(target, safe='')}")
    finally:
        fetcher.close()
    if "0177" in target:
        assert str(caught.value).startswith("bad address in a redirect: Invalid URL in location header")
    else:
        assert isinstance(caught.value, RefusedError) and str(caught.value).startswith("refused: ")
