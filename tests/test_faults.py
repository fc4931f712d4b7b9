"""Faults and hostile pages: a scan killed at any moment leaves a consistent catalogue that the
next run completes; a full disk or an unwritable database is one clear error; `catalog serve`
keeps serving while a scan writes; hostile captions render inert; scanning fetches nothing; the
publishing mode is read-only."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from datasette.utils import tilde_encode

from catalog.cli import main
from catalog.serve import make_datasette
from catalog.store import Store

from .conftest import SAMPLES

CATALOG = [sys.executable, "-m", "catalog"]


def _corpus(folder: Path, copies: int) -> Path:
    """The bundled samples, each copy made unique, in many files."""
    folder.mkdir(parents=True, exist_ok=True)
    html = (SAMPLES / "riverside-report.html").read_text(encoding="utf-8")
    text = (SAMPLES / "riverside-liveblog.txt").read_text(encoding="utf-8")
    for i in range(copies):
        (folder / f"report-{i:04d}.html").write_text(
            html.replace("sandbags-1200.jpg", f"sandbags-{i}.jpg"), encoding="utf-8"
        )
        (folder / f"blog-{i:04d}.txt").write_text(f"Copy {i}.\n\n{text}", encoding="utf-8")
    return folder


def _consistent(db: Path) -> int:
    """Check the catalogue holds only whole documents; return how many are stored."""
    conn = sqlite3.connect(db)
    try:
        if not conn.execute("select 1 from sqlite_master where name = 'documents'").fetchone():
            return 0  # killed while the schema was being created: the next run makes it
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        docs = conn.execute("select id, media_count from documents where error is null").fetchall()
        for doc_id, media_count in docs:
            cited = conn.execute(
                "select count(distinct media_id) from mentions where document_id = ?", [doc_id]
            ).fetchone()[0]
            assert cited == media_count, f"document {doc_id} stored in part"
        orphans = conn.execute(
            "select count(*) from media where id not in (select media_id from mentions)"
        ).fetchone()[0]
        assert orphans == 0
        return len(docs)
    finally:
        conn.close()


def _snapshot(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        """select documents.source, mentions.position, mentions.line, mentions.entry, media.id,
                  media.kind, media.caption, media.credit, media.credits
           from mentions join documents on documents.id = mentions.document_id
           join media on media.id = mentions.media_id order by 1, 2"""
    ).fetchall()
    conn.close()
    return rows


def test_a_scan_killed_at_any_moment_leaves_whole_documents(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 300)
    clean = tmp_path / "clean.db"
    subprocess.run([*CATALOG, "scan", str(corpus), "--db", str(clean), "-q"], check=True, capture_output=True)
    db = tmp_path / "killed.db"
    kills = 0
    for delay in (0.35, 0.7, 1.05, 1.5, 1.95, 2.5, 3.1):  # startup, schema, early and late writes
        proc = subprocess.Popen([*CATALOG, "scan", str(corpus), "--db", str(db), "-q", "--force"])
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        if db.exists():
            _consistent(db)
    assert kills >= 3, "the scan finished before it could be killed: make the corpus larger"
    done = subprocess.run([*CATALOG, "scan", str(corpus), "--db", str(db)], capture_output=True, text=True)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert _consistent(db) == 600
    assert _snapshot(db) == _snapshot(clean)


def test_a_full_disk_is_one_clear_error_and_no_corruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "full.db"
    first = CliRunner().invoke(main, ["scan", str(SAMPLES), "--db", str(db)])
    assert first.exit_code == 0
    before = _snapshot(db)
    opened = Store.__init__

    def tiny(self: Store, path: str | Path) -> None:
        opened(self, path)
        pages = self.db.execute("pragma page_count").fetchone()[0]
        self.db.execute(f"pragma max_page_count = {pages + 2}")  # the disk fills up now

    monkeypatch.setattr(Store, "__init__", tiny)
    result = CliRunner().invoke(main, ["scan", str(_corpus(tmp_path / "more", 20)), "--db", str(db)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "database or disk is full" in errors[0], result.stderr
    assert "Traceback" not in result.output
    monkeypatch.undo()
    _consistent(db)
    assert [row for row in _snapshot(db) if "/more/" not in str(row[0])] == before


@pytest.mark.parametrize("where", ["/proc/catalog.db", "a-file/catalog.db"])
def test_an_unwritable_database_is_one_clear_error(tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    db = where if where.startswith("/") else str(tmp_path / where)
    result = subprocess.run(
        [*CATALOG, "scan", str(SAMPLES), "--db", db], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: cannot open database {db}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_keeps_serving_while_a_scan_writes(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    subprocess.run([*CATALOG, "scan", str(SAMPLES), "--db", str(db), "-q"], check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [*CATALOG, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/live/documents.json?_shape=array&_size=max"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url, timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        scan = subprocess.Popen(
            [*CATALOG, "scan", str(_corpus(tmp_path / "more", 60)), "--db", str(db), "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        statuses = []
        while scan.poll() is None:
            statuses.append(httpx.get(url, timeout=10).status_code)
            time.sleep(0.05)
        assert scan.returncode == 0
        assert len(statuses) >= 3 and set(statuses) == {200}
        assert len(httpx.get(url, timeout=10).json()) == 2 + 120
    finally:
        server.terminate()
        server.wait(timeout=10)


HOSTILE = """<!doctype html><html><head><title>t</title></head><body><article>
<figure><img src="https://img.example.org/h.jpg" width="800" height="600"
 alt="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">
<figcaption>&lt;script&gt;alert('caption')&lt;/script&gt; Boats &lt;img src=x onerror=alert(2)&gt;
Photo: &lt;b&gt;Jane&lt;/b&gt; Doe/AFP</figcaption></figure>
<img src="http://127.0.0.1:{port}/beacon.gif" width="800" height="600" alt="a beacon">
<iframe src="http://127.0.0.1:{port}/embed"></iframe>
<link rel="preload" href="http://127.0.0.1:{port}/preload.jpg">
<video src="http://127.0.0.1:{port}/clip.mp4"></video>
</article></body></html>"""


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        type(self).hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def test_hostile_pages_are_inert_and_nothing_is_fetched(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = tmp_path / "pages" / "hostile.html"
        page.parent.mkdir()
        page.write_text(HOSTILE.replace("{port}", str(server.server_port)), encoding="utf-8")
        db = tmp_path / "hostile.db"
        result = CliRunner().invoke(main, ["scan", str(page.parent), "--db", str(db)])
        assert result.exit_code == 0
        assert _Counter.hits == [], "a scan must fetch nothing"
    finally:
        server.shutdown()
        server.server_close()
    ds = make_datasette(db)
    rows = asyncio.run(ds.client.get("/hostile/media.json?_shape=array")).json()
    hostile = next(r for r in rows if r["caption"] and "script" in r["caption"])
    assert "<script>alert('caption')</script>" in hostile["caption"]  # kept as data, exactly
    assert "onerror=alert(1)" in hostile["alt_text"]
    document = asyncio.run(ds.client.get("/hostile/documents.json?_shape=array")).json()[0]["id"]
    pages = [
        "/",
        "/hostile/media",
        "/hostile/media?_view=table",
        "/hostile/mentions",
        "/hostile/citations",
        "/hostile/media_by_credit",
        "/hostile/media?_search=Boats",
        f"/hostile/documents/{document}",
        f"/hostile/timeline?document={document}",
    ]
    pages.append(f"/hostile/media/{tilde_encode(hostile['id'])}")
    for path in pages:
        response = asyncio.run(ds.client.get(path))
        assert response.status_code == 200, path
        soup = BeautifulSoup(response.text, "lxml")
        assert not [s for s in soup.find_all("script") if "alert(" in s.get_text()], path
        assert not soup.find_all(attrs={"onerror": True}), path
        assert not soup.find_all("img", src="x"), path
        assert "alert('caption')" in soup.get_text(), f"{path}: the caption is shown, as text"
    exported = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv"])
    assert "<script>alert('caption')</script>" in exported.output  # data for a spreadsheet, not a page


def test_publish_mode_is_read_only(tmp_path: Path) -> None:
    db = tmp_path / "catalog.db"
    assert CliRunner().invoke(main, ["scan", str(SAMPLES), "--db", str(db)]).exit_code == 0
    ds = make_datasette(db, publish=True)

    def get(path: str) -> httpx.Response:
        return asyncio.run(ds.client.get(path))

    assert get("/catalog.json?sql=select+count(*)+from+media").status_code == 403
    assert get("/catalog/media.json?_shape=array&kind=video").status_code == 200
    assert get("/catalog/media_credited_to.json?name=Berg").status_code == 200
    assert ds.get_database("catalog").is_mutable is False
    size = os.path.getsize(db)
    assert get("/catalog/media.csv?_size=max").status_code == 200
    assert os.path.getsize(db) == size
    inspected = json.loads((tmp_path / "catalog.db.inspect.json").read_text(encoding="utf-8"))
    media = len(get("/catalog/media.json?_shape=array&_size=max").json())
    assert inspected["catalog"]["tables"]["media"]["count"] == media
    allowed = make_datasette(db, publish=True, allow_sql=True)
    assert asyncio.run(allowed.client.get("/catalog.json?sql=select+1")).status_code == 200


def test_a_parallel_scan_writes_the_same_catalogue(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 40)
    (corpus / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (corpus / "slow.txt").write_text("Smoke over the port — word (@x) " * 200_000, encoding="utf-8")
    runs = {}
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.db"
        proc = subprocess.run(
            [*CATALOG, "scan", str(corpus), "--db", str(db), "--jobs", jobs, "--time-budget", "0.5"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 3 and "Traceback" not in proc.stderr
        runs[jobs] = (proc.stdout, proc.stderr, _snapshot(db))
        _consistent(db)
    assert runs["1"] == runs["2"]  # same lines in the same order, same rows
    assert "broken.html: binary data" in runs["2"][1] and "slow.txt: took longer" in runs["2"][1]


def test_a_dask_scan_on_a_two_worker_cluster_writes_the_same_catalogue(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    corpus = _corpus(tmp_path / "corpus", 15)
    (corpus / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    runs = {}
    for engine in ("local", "dask"):
        db = tmp_path / f"{engine}.db"
        proc = subprocess.run(
            [*CATALOG, "scan", str(corpus), "--db", str(db), "--engine", engine, "--jobs", "2"],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert proc.returncode == 3 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
        runs[engine] = (proc.stdout, [line for line in proc.stderr.splitlines() if line.startswith("error:")])
        runs[engine] += (_snapshot(db),)
        _consistent(db)
    assert runs["local"] == runs["dask"]
    assert "broken.html: binary data" in runs["dask"][1][0]
