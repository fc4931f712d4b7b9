"""Scanning addresses: a real HTTP server on 127.0.0.1 serves pages, redirects, errors, a slow
page, an oversized one, a Latin-1 page declared in its header, a flaky one and robots.txt. Each
address gets its result or one error line; loopback addresses are refused unless allowed."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.errors import InputError
from catalog.fetch import Fetcher, FetchOptions
from catalog.options import ScanOptions
from catalog.scan import scan

from .conftest import Handler, Overlap, run_cli, serving

PAGE = (
    "<!doctype html><html><head><title>Harbour</title></head><body><article>"
    '<figure><img src="/media/boats.jpg" width="800" height="600">'
    "<figcaption>Boats in the harbour. Photo: {credit}</figcaption></figure></article></body></html>"
)


class _Site(Handler):
    hits: list[str] = []
    flaky = {"count": 0}
    stories = Overlap()  # pages under /story/ take a while: when each began, how many overlap

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        type(self).hits.append(self.path)
        if self.path.startswith("/story/"):
            self._story()
        elif self.path == "/robots.txt":
            self.reply(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path == "/page.html":
            self.reply(200, PAGE.format(credit="Jane Doe/AFP"), "text/html; charset=utf-8")
        elif self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/page.html")
            self.end_headers()
        elif self.path == "/latin1":
            body = PAGE.format(credit="José Muñoz/EFE").encode("latin-1")
            self.reply(200, body, "text/html; charset=ISO-8859-1")
        elif self.path == "/flaky":
            type(self).flaky["count"] += 1
            if type(self).flaky["count"] == 1:
                self.reply(503, "busy", "text/plain")
            else:
                self.reply(200, PAGE.format(credit="Jan Novak/Reuters"), "text/html")
        elif self.path == "/slow":
            time.sleep(3)
            self.reply(200, PAGE.format(credit="Late/AP"), "text/html")
        elif self.path == "/huge":
            self.reply(200, "<p>" + "x" * 3_000_000 + "</p>", "text/html")
        elif self.path == "/image.jpg":
            self.reply(200, b"\xff\xd8\xff\xe0" + bytes(100), "image/jpeg")
        elif self.path == "/sitemap.xml":
            locs = "".join(f"<url><loc>{self.base}{p}</loc></url>" for p in ("/page.html", "/latin1"))
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
            self.reply(200, body, "application/xml")
        elif self.path == "/sitemap-index.xml":
            body = (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.base}/sitemap.xml</loc></sitemap></sitemapindex>"
            )
            self.reply(200, body, "text/xml")
        elif self.path == "/feed.xml":
            body = (
                '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY boom "boom">]><rss version="2.0"><channel>'
                f"<item><title>Boats</title><link>{self.base}/page.html</link></item>"
                f"<item><title>Gone</title><link>{self.base}/gone</link></item></channel></rss>"
            )
            self.reply(200, body, "application/rss+xml")
        elif self.path == "/forbidden":
            self.reply(403, "members only", "text/plain")
        elif self.path == "/broken":
            self.reply(500, "oops", "text/plain")
        elif self.path == "/to-intranet":
            self.send_response(302)
            self.send_header("Location", "http://10.255.255.1/admin")
            self.end_headers()
        elif self.path == "/private/page.html":
            self.reply(200, PAGE.format(credit="Secret/AFP"), "text/html")
        else:
            self.reply(404, "not here", "text/plain")

    def _story(self) -> None:
        self.stories.hold(0.25)
        self.reply(200, PAGE.format(credit=f"Reporter {self.path[7:]}/AFP"), "text/html")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving(_Site) as base:
        yield base


def _scan(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("scan", "--db", str(db), *args)


def test_addresses_are_scanned_with_one_error_line_each(site: str, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    names = ["page.html", "old", "latin1", "flaky", "slow", "huge", "image.jpg", "private/page.html", "gone"]
    urls.write_text(
        "# the harbour pages\n" + "\n".join(f"{site}/{n}" for n in names) + "\n", encoding="utf-8"
    )
    db = tmp_path / "web.db"
    proc = _scan(db, "--urls", str(urls), "--allow-private", "--delay", "0", "--max-mb", "2")
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    errors = {
        line.split(": ", 2)[1].removeprefix(site + "/"): line.split(": ", 2)[2]
        for line in proc.stderr.splitlines()
    }
    assert errors == {
        "huge": "body of 3,000,007 bytes is over the 2,097,152-byte limit (see --max-mb)",
        "image.jpg": "not a page: image/jpeg",
        "private/page.html": "robots.txt of "
        + site.removeprefix("http://")
        + " disallows it (see --ignore-robots)",
        "gone": "HTTP 404 Not Found",
    }
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    docs = {r["source"].removeprefix(site + "/"): dict(r) for r in conn.execute("select * from documents")}
    credits = {
        r["source"].removeprefix(site + "/"): r["credit"]  # as cited on each page (one picture)
        for r in conn.execute(
            "select documents.source, mentions.credit from mentions join documents on "
            "documents.id = mentions.document_id"
        )
    }
    conn.close()
    assert docs["old"]["url"] == f"{site}/page.html"  # the redirect's end is the page's address
    assert credits["latin1"] == "José Muñoz/EFE"  # the charset from the header
    assert credits["flaky"] == "Jan Novak/Reuters"  # a 503 retried
    assert credits["slow"] == "Late/AP"
    assert credits["page.html"] == "Jane Doe/AFP"
    assert f"{site}/media/boats.jpg" not in _Site.hits  # pages are read, media are not fetched
    assert _Site.hits.count("/robots.txt") == 1


def test_loopback_addresses_are_refused_by_default(site: str, tmp_path: Path) -> None:
    proc = _scan(tmp_path / "c.db", f"{site}/page.html", "ftp://example.org/x.html")
    assert proc.returncode == 3
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "refused: 127.0.0.1 is a private or local address (127.0.0.1); see --allow-private" in lines[0]
    assert "ftp://example.org/x.html: refused: ftp scheme (only http and https)" in lines[1]


def test_sitemaps_and_feeds_expand_to_their_pages(site: str, tmp_path: Path) -> None:
    db = tmp_path / "feeds.db"
    proc = _scan(db, f"{site}/sitemap-index.xml", f"{site}/feed.xml", "--allow-private", "--delay", "0")
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr.strip() == f"error: {site}/gone: HTTP 404 Not Found"
    conn = sqlite3.connect(db)
    sources = [r[0] for r in conn.execute("select source from documents order by source")]
    conn.close()
    assert sources == [f"{site}/gone", f"{site}/latin1", f"{site}/page.html"]


def _stories(site: str, n: int) -> list[str]:
    _Site.stories.reset()
    return [f"{site}/story/{i}" for i in range(n)]


def test_addresses_are_fetched_concurrently_within_the_per_host_limit(site: str, tmp_path: Path) -> None:
    urls = _stories(site, 12)
    options = ScanOptions(allow_private=True, host_delay=0, concurrency=8, per_host=4)
    report = scan(urls, tmp_path / "c.db", options)
    assert (report.documents, report.errors, report.kinds["photo"]) == (12, [], 12)
    assert _Site.stories.most == 4  # overlapping, never more than the host's limit
    conn = sqlite3.connect(tmp_path / "c.db")
    stored = [r[0] for r in conn.execute("select source from documents order by rowid")]
    credits = {r[0] for r in conn.execute("select credit from mentions")}
    conn.close()
    assert stored == urls  # stored in input order, whatever order the fetches ended in
    assert credits == {f"Reporter {i}/AFP" for i in range(12)}


def test_the_delay_spaces_the_requests_to_one_host(site: str, tmp_path: Path) -> None:
    urls = _stories(site, 5)
    options = ScanOptions(allow_private=True, host_delay=0.3, concurrency=8, per_host=4)
    assert scan(urls, tmp_path / "d.db", options).errors == []
    gaps = [b - a for a, b in zip(_Site.stories.starts, _Site.stories.starts[1:], strict=False)]
    assert len(gaps) == 4 and min(gaps) >= 0.28  # each request begins a delay after the last one


def test_statuses_and_a_redirect_into_the_intranet_are_one_error_each(site: str) -> None:
    fetcher = Fetcher(FetchOptions(backoff=0.01, host_delay=0, allow_addresses=frozenset({"127.0.0.1"})))
    try:
        assert fetcher.fetch(f"{site}/page.html").text.count("Jane Doe/AFP") == 1  # the server itself
        errors = {}
        for name in ("forbidden", "broken", "to-intranet", "image.jpg"):
            with pytest.raises(InputError) as caught:
                fetcher.fetch(f"{site}/{name}")
            errors[name] = str(caught.value)
    finally:
        fetcher.close()
    assert errors == {
        "forbidden": "HTTP 403 Forbidden",
        "broken": "HTTP 500 Internal Server Error",  # after its retries
        "to-intranet": "refused: 10.255.255.1 is a private or local address (10.255.255.1); "
        "see --allow-private",  # checked on the redirect's hop, before connecting
        "image.jpg": "not a page: image/jpeg",
    }
    assert _Site.hits.count("/broken") == 3  # the first try and two retries


def test_a_scan_stopped_early_fetches_nothing_more(site: str, tmp_path: Path) -> None:
    """Addresses are fetched only a few ahead of the one being stored (twice --concurrency), and
    a scan that stops leaves the rest alone."""
    urls = _stories(site, 30)
    options = ScanOptions(allow_private=True, host_delay=0, concurrency=2, per_host=2)

    class Stop(Exception):
        pass

    def stop(result: object) -> None:
        raise Stop

    with pytest.raises(Stop):
        scan(urls, tmp_path / "s.db", options, on_result=stop)
    asked = len(_Site.stories.starts)
    time.sleep(1.0)  # time for 4 more stories, were any still queued
    assert len(_Site.stories.starts) == asked <= 6  # the first, those under way and the few fetched ahead
