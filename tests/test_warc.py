"""Web archives: a WARC file written here with warcio holds pages (one gzip-encoded, one in
Latin-1 declared in its HTTP header, a plain-text one), a picture, a 404, a request record and a
redirect. Each page becomes a document with its target URI and capture date, and nothing else
does; a truncated archive keeps the pages before the break and reports one error."""

from __future__ import annotations

import gzip
import io
import sqlite3
import subprocess
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .conftest import run_cli

PAGE = (
    "<!doctype html><html><head><title>{title}</title></head><body><article><p>Report.</p>"
    '<figure><img src="/media/{name}.jpg" width="800" height="600">'
    "<figcaption>{caption} Photo: {credit}</figcaption></figure></article></body></html>"
)


def _record(
    writer: WARCWriter,
    uri: str,
    date: str,
    body: bytes,
    status: str = "200 OK",
    headers: list[tuple[str, str]] | None = None,
    kind: str = "response",
) -> None:
    http = StatusAndHeaders(
        status, headers or [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        uri,
        kind,
        payload=io.BytesIO(body),
        http_headers=http if kind == "response" else None,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)
    record.raw_stream.close()  # warcio spooled the payload to a temporary file


def write_archive(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        _record(
            writer,
            "https://news.example/harbour",
            "2016-12-16T12:00:05Z",
            PAGE.format(
                title="Harbour", name="boats", caption="Boats leave.", credit="Jane Doe/AFP"
            ).encode(),
        )
        _record(
            writer,
            "https://news.example/harbour",
            "2016-12-16T12:00:05Z",
            b"GET /harbour HTTP/1.1\r\nHost: news.example\r\n\r\n",
            kind="request",
        )
        _record(
            writer,
            "https://news.example/plaza",
            "2016-12-17T08:30:00Z",
            gzip.compress(
                PAGE.format(
                    title="Plaza", name="plaza", caption="The square.", credit="Ana Ruiz/EFE"
                ).encode()
            ),
            headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        )
        _record(
            writer,
            "https://news.example/cafe",
            "2016-12-18T09:00:00Z",
            PAGE.format(title="Café", name="cafe", caption="Le café.", credit="José Muñoz/EFE").encode(
                "latin-1"
            ),
            headers=[("Content-Type", "text/html; charset=ISO-8859-1")],
        )
        _record(
            writer,
            "https://news.example/media/boats.jpg",
            "2016-12-16T12:00:06Z",
            b"\xff\xd8\xff\xe0" + bytes(200),
            headers=[("Content-Type", "image/jpeg")],
        )
        _record(
            writer, "https://news.example/gone", "2016-12-16T12:00:07Z", b"not here", status="404 Not Found"
        )
        _record(
            writer,
            "https://news.example/old",
            "2016-12-16T12:00:08Z",
            b"",
            status="301 Moved Permanently",
            headers=[("Location", "https://news.example/harbour"), ("Content-Type", "text/html")],
        )
        _record(
            writer,
            "https://news.example/notes.txt",
            "2016-12-19T10:00:00Z",
            b"Drone footage of the harbour at dawn:\n\nPhoto: Lena Berg/Reuters\n",
            headers=[("Content-Type", "text/plain; charset=utf-8")],
        )


def _scan(db: Path, *inputs: str) -> subprocess.CompletedProcess[str]:
    return run_cli("scan", "--db", str(db), *inputs)


def _documents(db: Path) -> list[dict[str, object]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [
        dict(r)
        for r in conn.execute(
            "select d.source, d.url, d.title, d.captured_at, d.format, group_concat(m.credit) as credits "
            "from documents d left join mentions m on m.document_id = d.id group by d.id order by d.rowid"
        )
    ]
    conn.close()
    return rows


def test_every_page_of_a_web_archive_is_a_document(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_archive(archive)
    db = tmp_path / "warc.db"
    proc = _scan(db, str(tmp_path))
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    docs = _documents(db)
    base = str(archive.resolve())
    assert [(d["source"], d["url"], d["captured_at"], d["format"]) for d in docs] == [
        (
            f"{base}#20161216120005/https://news.example/harbour",
            "https://news.example/harbour",
            "2016-12-16T12:00:05Z",
            "html",
        ),
        (
            f"{base}#20161217083000/https://news.example/plaza",
            "https://news.example/plaza",
            "2016-12-17T08:30:00Z",
            "html",
        ),
        (
            f"{base}#20161218090000/https://news.example/cafe",
            "https://news.example/cafe",
            "2016-12-18T09:00:00Z",
            "html",
        ),
        (
            f"{base}#20161219100000/https://news.example/notes.txt",
            "https://news.example/notes.txt",
            "2016-12-19T10:00:00Z",
            "text",
        ),
    ]
    assert [d["credits"] for d in docs] == [
        "Jane Doe/AFP",
        "Ana Ruiz/EFE",
        "José Muñoz/EFE",
        "Lena Berg/Reuters",
    ]
    assert docs[2]["title"] == "Café"  # the charset from the archived HTTP header
    conn = sqlite3.connect(db)
    urls = {r[0] for r in conn.execute("select url from media where kind = 'photo'")}
    conn.close()
    assert "https://news.example/media/boats.jpg" in urls  # resolved against the target URI

    again = _scan(db, str(archive))
    assert again.returncode == 0
    assert again.stdout.count("  unchanged ") == 4


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_truncated_archive_keeps_the_pages_before_the_break(tmp_path: Path, where: str) -> None:
    whole = tmp_path / "whole.warc"
    with whole.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for i in range(3):
            page = PAGE.format(title=f"P{i}", name=f"p{i}", caption="A view.", credit=f"Name {i}/AFP")
            _record(writer, f"https://news.example/p{i}", f"2016-12-16T12:00:0{i}Z", page.encode())
    data = whole.read_bytes()
    second_end = data.index(b"WARC/1.0", data.index(b"WARC/1.0", 10) + 10)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: second_end + 40] if where == "headers" else data[:-50])  # the third record cut
    whole.unlink()
    db = tmp_path / "cut.db"
    proc = _scan(db, str(cut))
    assert proc.returncode == 3
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"error: {cut.resolve()}")
    assert [d["credits"] for d in _documents(db) if d["credits"]] == ["Name 0/AFP", "Name 1/AFP"]
