"""Scan speed next to a bare BeautifulSoup(html, "lxml") parse of the same pages, and text MB/s.

Usage: python3 bench/scan_speed.py [HTML_FOLDER] [TEXT_FILE]   (defaults: ../shared material)

Prints one table; a script, not a test. Each figure is the best of several rounds (this machine's
timings vary by up to 2x from run to run). "Scanner" figures are read + parse + extract +
assemble on one core; the "into SQLite" line is the whole `catalog scan` with its database writes.

Text corpora:
- the live blog: a stripped live blog dense with media (one item every four paragraphs), the
  costly case, since the work is in the items found;
- articles as text: the HTML dev pages turned into plain text here (BeautifulSoup get_text, one
  paragraph per line), i.e. real article text with the usual density of media traces.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

from catalog.assemble import assemble
from catalog.credits import looks_like_credit, parse_credit, strip_label
from catalog.document import build_document
from catalog.extractors import extract_all
from catalog.options import ScanOptions
from catalog.scan import scan
from catalog.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 9


def _best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _cold() -> None:
    """Forget cached credit parses, so no round profits from the one before it."""
    parse_credit.cache_clear()
    looks_like_credit.cache_clear()
    strip_label.cache_clear()


def _scanner(paths: list[Path]) -> Callable[[], None]:
    def run() -> None:
        _cold()
        for p in paths:
            doc = build_document(read_source(str(p), 10**9), ScanOptions())
            assemble(doc, extract_all(doc))

    return run


def _bare(paths: list[Path]) -> Callable[[], None]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]

    def run() -> None:
        for t in texts:
            BeautifulSoup(t, "lxml")

    return run


def _as_text(pages: list[Path], folder: Path) -> list[Path]:
    out = []
    for page in pages:
        soup = BeautifulSoup(page.read_bytes(), "lxml")
        for tag in soup(["script", "style", "noscript"]):
            tag.decompose()
        lines = [line.strip() for line in soup.get_text("\n").splitlines()]
        target = folder / (page.stem + ".txt")
        target.write_text("\n\n".join(line for line in lines if line) + "\n", encoding="utf-8")
        out.append(target)
    return out


def _into_sqlite(paths: list[Path], work: Path, jobs: int = 1) -> Callable[[], None]:
    def run() -> None:
        _cold()
        db = work / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        scan([str(p) for p in paths], db, jobs=jobs)

    return run


def _copies(pages: list[Path], folder: Path, n: int) -> list[Path]:
    """Each page n times, each copy made unique (its own address and picture names)."""
    out = []
    for i in range(n):
        for page in pages:
            text = page.read_text(encoding="utf-8", errors="replace")
            target = folder / f"copy{i:02d}-{page.name}"
            target.write_text(
                text.replace(".jpg", f"-{i}.jpg").replace(".png", f"-{i}.png"), encoding="utf-8"
            )
            out.append(target)
    return out


def _timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _row(what: str, seconds: float, files: int, mb: float) -> str:
    return f"{what:<36}{files / seconds:>10.1f}{mb / seconds:>10.2f}"


def main() -> None:
    html_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/eval/dev"
    blog = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared/samples/aleppo-liveblog.txt"
    pages = sorted(html_dir.glob("*.htm*"))
    if not pages or not blog.exists():
        sys.exit(f"need HTML pages in {html_dir} and the text {blog}")
    work = Path(tempfile.mkdtemp(prefix="catalog-bench-"))
    try:
        articles = [p for p in _as_text(pages, work) if p.stat().st_size]
        html_mb = sum(p.stat().st_size for p in pages) / 1e6
        blog_mb = blog.stat().st_size / 1e6
        art_mb = sum(p.stat().st_size for p in articles) / 1e6
        scan_s, bare_s = _best(_scanner(pages)), _best(_bare(pages))
        blog_s = _best(_scanner([blog] * 10)) / 10
        art_s = _best(_scanner(articles))
        sql_s = _best(_into_sqlite(articles, work))
        copies = _copies(pages, work, 5)
        copies_mb = sum(p.stat().st_size for p in copies) / 1e6
        one_s = min(_timed(_into_sqlite(copies, work, 1)) for _ in range(2))
        two_s = min(_timed(_into_sqlite(copies, work, 2)) for _ in range(2))
        print(f"{'what':<36}{'files/s':>10}{'MB/s':>10}")
        print(_row(f"html scanner ({len(pages)} dev pages)", scan_s, len(pages), html_mb))
        print(_row("bare bs4 lxml parse, same pages", bare_s, len(pages), html_mb))
        print(f"{'html scanner / bare parse':<36}{scan_s / bare_s:>10.2f}x")
        print(_row("text scanner, live blog", blog_s, 1, blog_mb))
        print(_row(f"text scanner, articles as text ({len(articles)})", art_s, len(articles), art_mb))
        print(_row("catalog scan into SQLite, articles", sql_s, len(articles), art_mb))
        print(_row(f"catalog scan, {len(copies)} pages, 1 process", one_s, len(copies), copies_mb))
        print(_row(f"catalog scan, {len(copies)} pages, 2 processes", two_s, len(copies), copies_mb))
        print(f"{'2 processes / 1 process':<36}{one_s / two_s:>10.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
