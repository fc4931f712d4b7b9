"""Every figure the speed and scale targets name, from one run, in one table.

Usage: python3 bench/run.py [--quick] [--only html,text,scale,network,warc,datasette]
(--quick: smaller corpora, for trying the script; --only: those sections alone)

What it measures, on the corpora it builds in a temporary folder:
- HTML: the 308 pages of ../shared/corpus/pages: `catalog scan --jobs 1` (the command line in a
  child process, store included) against trafilatura's extract(include_images=True) over the
  same pages in this process (its best case: the pages read beforehand), and `--jobs 2` against
  `--jobs 1`, the runs interleaved and each the best of several; then `catalog`'s scanner on one
  core next to a bare lxml.html parse and a bare BeautifulSoup(html, "lxml") parse of the same
  pages. Acceptance: the scan at least 2x trafilatura's speed, two jobs at least 1.7x one.
- Text: the stripped live blog of ../shared/samples (ten copies), the dev pages turned into text,
  and generated live-blog texts, on one core: the scanner alone, and `scan()` into a fresh SQLite
  catalogue (store included). Acceptance: at least 10 MB/s with the store.
- Scale: 10,000 generated documents (half pages, half texts) scanned by `catalog scan --jobs 2`
  in a child process (its peak memory is the largest resident size of any of its processes),
  then scanned again unchanged.
- Network: 500 pages served by a local HTTP server in another process, fetched and scanned with
  --concurrency 16.
- Web archive: a 10,000-record WARC file written here, scanned in a child process (peak memory);
  its records read by warcio (what catalog uses) and by FastWARC (Resiliparse's reader, when
  installed): the time of each, whether FastWARC gives the same pages, and whether it reports
  an archive cut short, as warcio lets catalog do.
- Datasette: the media table with all its facets at 1,000,000 generated media rows, served as
  `catalog serve --publish` serves it (bench/datasette_speed.py builds the rows).

Child processes run in the work folder, so `PYTHONPATH=OTHER_TREE python3 bench/run.py` measures
another checkout of catalog (the one before a change) with the same script.
The ratios the issues name are printed again at the end, one a line.
A script, not a test: figures vary from run to run on a shared machine (see bench/RESULTS.md).
"""

from __future__ import annotations

import asyncio
import gzip
import io
import multiprocessing
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import corpus
import datasette_speed
import lxml.html
from scan_speed import _as_text, _bare, _best, _cold, _scanner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from catalog.options import ScanOptions
from catalog.scan import scan
from catalog.store import Store
from catalog.warc import warc_sources

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
QUICK = "--quick" in sys.argv
ROWS: list[tuple[str, str, str, str]] = []


RATIOS: list[str] = []


def row(what: str, value: str, target: str = "", met: bool | None = None) -> None:
    verdict = "" if met is None else ("met" if met else "NOT MET")
    ROWS.append((what, value, target, verdict))
    if target:
        RATIOS.append(f"{what}: {value} (target {target}) {verdict}")
    print(f"  {what}: {value} {target} {verdict}", file=sys.stderr, flush=True)


def mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def catalog_scan(*args: str, cwd: Path | None = None) -> tuple[float, float, str]:
    """`catalog scan ARGS` in a child process: seconds, peak resident MB of its largest process
    (itself or a worker, measured by a fresh parent of its own), and its summary line."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd or tempfile.gettempdir(),  # not the repository's folder: PYTHONPATH chooses the code
    )
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        sys.exit(f"catalog scan failed: {proc.stderr}")
    *lines, peak = proc.stdout.strip().splitlines()
    return seconds, int(peak) / 1024, lines[-1]


# Runs `catalog scan -q ARGS` and prints, last, the largest resident size (KiB) of it and its
# workers: this parent's children are only they.
_MEASURED = """
import resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "catalog", "scan", "-q", *sys.argv[1:]])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, flush=True)
sys.exit(done.returncode)
"""


def html_section(work: Path) -> None:
    pages = sorted((SHARED / "corpus/pages").rglob("*.htm*"))
    if QUICK:
        pages = pages[:60]
    size = mb(pages)
    label = f"{len(pages)} corpus pages, {size:.1f} MB"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in pages]
    folder = work / "pages"
    folder.mkdir()
    for i, page in enumerate(pages):  # one folder: the command line's input, names kept apart
        shutil.copyfile(page, folder / f"{i:03d}-{page.name}")
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
        row("trafilatura extract(include_images=True)", "not installed (pip install -e '.[bench]')")

    def scan_cli(jobs: int) -> float:
        db = work / f"html{jobs}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        seconds, _, _ = catalog_scan(str(folder), "--db", str(db), "--jobs", str(jobs), cwd=work)
        return seconds

    def traf() -> float:
        start = time.perf_counter()
        for t in texts:
            trafilatura.extract(t, include_images=True)
        return time.perf_counter() - start

    best: dict[str, float] = {}
    for _ in range(1 if QUICK else 3):  # interleaved: the machine's load moves all three alike
        for name, run in (("traf", traf), ("one", lambda: scan_cli(1)), ("two", lambda: scan_cli(2))):
            if name == "traf" and trafilatura is None:
                continue
            seconds = run()
            best[name] = min(best.get(name, seconds), seconds)
    one, two = best["one"], best["two"]
    row(
        f"catalog scan --jobs 1, CLI into SQLite ({label})",
        f"{len(pages) / one:.1f} pages/s, {size / one:.2f} MB/s",
    )
    if "traf" in best:
        row(
            "trafilatura extract(include_images=True), same pages", f"{len(pages) / best['traf']:.1f} pages/s"
        )
        ratio = best["traf"] / one
        row("catalog scan --jobs 1 speed / trafilatura's", f"{ratio:.2f}x", ">= 2x", ratio >= 2)
    row("catalog scan --jobs 2, CLI into SQLite", f"{len(pages) / two:.1f} pages/s, {size / two:.2f} MB/s")
    row("catalog scan --jobs 2 / --jobs 1", f"{one / two:.2f}x", ">= 1.7x", one / two >= 1.7)
    rounds = 1 if QUICK else 3
    scan_s = _fastest(_scanner(pages), rounds)
    lxml_s = _fastest(lambda: [lxml.html.document_fromstring(t.encode("utf-8")) for t in texts], rounds)
    bare_s = _fastest(_bare(pages), rounds)
    row("scanner alone, one core (read, parse, extract, assemble)", f"{len(pages) / scan_s:.1f} pages/s")
    row("bare lxml.html parse, same pages", f"{len(pages) / lxml_s:.1f} pages/s")
    row(
        "bare BeautifulSoup(html, 'lxml'), same pages (the tree scans walked before)",
        f"{len(pages) / bare_s:.1f} pages/s",
    )
    row("scanner cost / bare lxml.html parse", f"{scan_s / lxml_s:.2f}x")


def _fastest(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _scan_into(db: Path, paths: list[Path], options: ScanOptions, jobs: int) -> float:
    """Seconds to scan `paths` into an empty catalogue (its schema made beforehand, untimed: a
    catalogue is created once, documents are stored all the time)."""
    empty = db.with_suffix(".empty")
    if not empty.exists():
        Store(empty).close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(empty, db)
    _cold()
    start = time.perf_counter()
    scan([str(p) for p in paths], db, options, jobs=jobs)
    return time.perf_counter() - start


def text_section(work: Path) -> None:
    blog = SHARED / "samples/aleppo-liveblog.txt"
    blogs = []
    for i in range(10):  # ten documents, not one scanned ten times
        blogs.append(work / f"blog{i}.txt")
        shutil.copyfile(blog, blogs[-1])
    articles = [p for p in _as_text(sorted((SHARED / "eval/dev").glob("*.htm*")), work) if p.stat().st_size]
    generated = corpus.write(work / "gentext", 0, 50 if QUICK else 200)
    for what, paths in (
        ("live blog x10 (dense: an item every 4 paragraphs)", blogs),
        ("dev pages as text", articles),
        (f"{len(generated)} generated live-blog texts", generated),
    ):
        alone = mb(paths) / _best(_scanner(paths))
        stored = mb(paths) / min(_scan_into(work / "text.db", paths, ScanOptions(), 1) for _ in range(5))
        row(f"text, one core: {what}: scanner alone", f"{alone:.2f} MB/s")
        row(f"text, one core: {what}: with the store", f"{stored:.2f} MB/s", ">= 10 MB/s", stored >= 10)


def scale_section(work: Path) -> None:
    n = 1_000 if QUICK else 10_000
    folder = work / "ten-thousand"
    paths = corpus.write(folder, n // 2, n // 2)
    db = work / "scale.db"
    first, peak, summary = catalog_scan(str(folder), "--db", str(db), "--jobs", "2")
    row(f"first scan of {n:,} documents ({mb(paths):.0f} MB), --jobs 2", f"{first:.1f} s ({summary})")
    row("peak memory of any scanning process", f"{peak:.0f} MB", "< 300 MB", peak < 300)
    again, _, summary = catalog_scan(str(folder), "--db", str(db), "--jobs", "2")
    row("rescan, nothing changed", f"{again:.1f} s ({summary})")
    row("first scan / unchanged rescan", f"{first / again:.1f}x", ">= 20x", first / again >= 20)


class _Pages(BaseHTTPRequestHandler):
    """A site 50 ms away: each answer waits as a distant server's would."""

    def do_GET(self) -> None:  # noqa: N802
        time.sleep(0.05)
        if self.path == "/robots.txt":
            body, kind, status = b"User-agent: *\nAllow: /\n", "text/plain", 200
        elif self.path.startswith("/story/"):
            body, kind, status = corpus.page(int(self.path[7:])).encode(), "text/html; charset=utf-8", 200
        else:
            body, kind, status = b"not here", "text/plain", 404
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _serve(port: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    port.put(server.server_port)
    server.serve_forever()


def network_section(work: Path) -> None:
    n = 100 if QUICK else 500
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    server = multiprocessing.Process(target=_serve, args=(queue,), daemon=True)
    server.start()
    try:
        port = queue.get(timeout=10)
        urls = work / "urls.txt"
        urls.write_text("".join(f"http://127.0.0.1:{port}/story/{i}\n" for i in range(n)))
        for concurrency in (1, 16):
            seconds, _, summary = catalog_scan(
                "--urls", str(urls), "--db", str(work / f"web{concurrency}.db"), "--allow-private",
                "--delay", "0", "--concurrency", str(concurrency), "--per-host", str(concurrency),
                "--jobs", "2",
            )  # fmt: skip
            row(
                f"fetch and scan {n} pages (50 ms away), --concurrency {concurrency} --jobs 2",
                f"{n / seconds:.1f} pages/s",
            )
    finally:
        server.terminate()


def warc_section(work: Path) -> None:
    n = 1_000 if QUICK else 10_000
    archive = work / "crawl.warc.gz"
    with archive.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            body = corpus.page(i).encode() if i % 2 == 0 else corpus.text(i).encode()
            kind = "text/html; charset=utf-8" if i % 2 == 0 else "text/plain; charset=utf-8"
            headers = [("Content-Type", kind)]
            if i % 7 == 0:  # some pages archived as the server sent them, gzipped
                body = gzip.compress(body)
                headers.append(("Content-Encoding", "gzip"))
            http = StatusAndHeaders("200 OK" if i % 13 else "404 Not Found", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example.org/{i}", "response", payload=io.BytesIO(body), length=len(body),
                http_headers=http, warc_headers_dict={"WARC-Date": "2016-12-16T12:00:00Z"},
            )  # fmt: skip
            writer.write_record(record)
    size = archive.stat().st_size / 1e6
    _warc_readers(archive, n, work)
    seconds, peak, summary = catalog_scan(str(archive), "--db", str(work / "warc.db"), "--jobs", "2")
    row(
        f"WARC of {n:,} records ({size:.0f} MB gzipped), --jobs 2", f"{n / seconds:.1f} records/s ({summary})"
    )
    row("peak memory of any process scanning it", f"{peak:.0f} MB", "< 300 MB", peak < 300)


def _warc_readers(archive: Path, n: int, work: Path) -> None:
    """warcio against FastWARC on the same archive: reading every record's payload, and reading
    the pages as catalog's sources (decoded, hashed)."""
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator

    def with_warcio() -> int:
        total = 0
        with archive.open("rb") as stream:
            for record in WarcioIterator(stream):
                if record.rec_type == "response":
                    total += len(record.content_stream().read())
        return total

    seconds = _best(with_warcio)
    row(f"warcio: every response payload of {n:,} records, decoded", f"{n / seconds:,.0f} records/s")
    pages = _best(lambda: list(warc_sources(str(archive), 50 * 2**20)))
    row("  catalog's pages from them (warcio, as catalog reads archives)", f"{n / pages:,.0f} records/s")
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        row("FastWARC", "not installed (pip install -e '.[bench]')")
        return

    def with_fastwarc() -> int:
        total = 0
        with archive.open("rb") as stream:
            for record in ArchiveIterator(stream, record_types=WarcRecordType.response, auto_decode="all"):
                total += len(record.reader.read())
        return total

    fast = _best(with_fastwarc)
    row(f"FastWARC: every response payload of {n:,} records, decoded", f"{n / fast:,.0f} records/s")
    row("  FastWARC / warcio, reading", f"{seconds / fast:.2f}x")
    same = with_fastwarc() == with_warcio()
    row("  FastWARC's payloads the same as warcio's", "yes" if same else "NO")
    cut = work / "cut.warc.gz"
    data = archive.read_bytes()
    cut.write_bytes(data[: len(data) - 200])  # the last record cut in its body
    try:
        with cut.open("rb") as stream:
            read = sum(
                1
                for record in ArchiveIterator(stream, record_types=WarcRecordType.response, auto_decode="all")
                if record.reader.read() is not None
            )
        told = f"no error; {read:,} records read, the cut one short"
    except (OSError, ValueError) as exc:
        told = f"error: {exc}"
    errors = [e for e in warc_sources(str(cut), 50 * 2**20) if isinstance(e, tuple)]
    row("  the archive cut 200 bytes short, FastWARC", told)
    row(
        "  the same, as catalog reads it with warcio",
        f"{len(errors)} error line: {errors[0][1] if errors else ''}",
    )


def datasette_section(work: Path) -> None:
    rows = 100_000 if QUICK else 1_000_000
    db = work / "catalog.db"
    start = time.perf_counter()
    datasette_speed.build(db, rows)
    built = time.perf_counter() - start
    ds = datasette_speed.make_datasette(db, publish=True)
    cold = _first_visit(ds, "/catalog/media")
    row(
        f"Datasette /catalog/media with its facets, {rows:,} rows: first visit, nothing kept",
        f"{cold * 1000:.0f} ms",
    )
    seconds, status = datasette_speed.timed(ds, "/catalog/media")
    row(
        f"  the same, as visitors get it (serve --publish warmed it; built in {built:.0f} s)",
        f"{seconds * 1000:.0f} ms (HTTP {status})",
        "< 1 s",
        seconds < 1 and status == 200,
    )
    seconds, status = datasette_speed.timed(ds, "/catalog/media.json?_extra=facet_results")
    row("  the same as JSON with facet results", f"{seconds * 1000:.0f} ms (HTTP {status})")


def _first_visit(ds: object, path: str) -> float:
    async def get() -> None:
        await ds.client.get(path)  # type: ignore[attr-defined]

    start = time.perf_counter()
    asyncio.run(get())
    return time.perf_counter() - start


def main() -> None:
    if not (SHARED / "eval/dev").is_dir():
        sys.exit(f"need the dev pages in {SHARED / 'eval/dev'}")
    work = Path(tempfile.mkdtemp(prefix="catalog-bench-"))
    sections: list[Callable[[Path], None]] = [
        html_section,
        text_section,
        scale_section,
        network_section,
        warc_section,
        datasette_section,
    ]
    only = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--only=")), None)
    if "--only" in sys.argv:
        only = sys.argv[sys.argv.index("--only") + 1]
    if only:
        sections = [s for s in sections if s.__name__.removesuffix("_section") in only.split(",")]
    try:
        for section in sections:
            folder = work / section.__name__
            folder.mkdir()
            section(folder)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    print(f"Machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}")
    print()
    width = max(len(r[0]) for r in ROWS)
    print(f"| {'what':<{width}} | figure | target | |")
    print(f"|{'-' * (width + 2)}|---|---|---|")
    for what, value, target, verdict in ROWS:
        print(f"| {what:<{width}} | {value} | {target} | {verdict} |")
    print()
    print("Acceptance ratios (this machine, this run):")
    for line in RATIOS:
        print(f"  {line}")


if __name__ == "__main__":
    main()
