"""Scan speed next to a bare BeautifulSoup(html, "lxml") parse of the same pages, and text MB/s.

Usage: python3 bench/scan_speed.py [HTML_FOLDER] [TEXT_FILE]   (defaults: ../shared material)
Prints one table; a script, not a test.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup

from catalog.assemble import assemble
from catalog.document import build_document
from catalog.extractors import extract_all
from catalog.options import ScanOptions
from catalog.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 5


def _scan(paths: list[Path]) -> float:
    start = time.perf_counter()
    for _ in range(REPEAT):
        for p in paths:
            doc = build_document(read_source(str(p), 10**9), ScanOptions())
            assemble(doc, extract_all(doc))
    return time.perf_counter() - start


def _bare(paths: list[Path]) -> float:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    start = time.perf_counter()
    for _ in range(REPEAT):
        for t in texts:
            BeautifulSoup(t, "lxml")
    return time.perf_counter() - start


def main() -> None:
    html_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/eval/dev"
    text = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared/samples/aleppo-liveblog.txt"
    pages = sorted(html_dir.glob("*.htm*"))
    mb = sum(p.stat().st_size for p in pages) * REPEAT / 1e6
    scan_s, bare_s = _scan(pages), _bare(pages)
    n = len(pages) * REPEAT
    text_s = _scan([text]) if text.exists() else float("nan")
    text_mb = text.stat().st_size * REPEAT / 1e6 if text.exists() else float("nan")
    print(f"{'what':<28}{'pages/s':>10}{'MB/s':>10}")
    print(f"{'catalog scan (html, 1 core)':<28}{n / scan_s:>10.1f}{mb / scan_s:>10.2f}")
    print(f"{'bare bs4 lxml parse':<28}{n / bare_s:>10.1f}{mb / bare_s:>10.2f}")
    print(f"{'scan / bare parse':<28}{scan_s / bare_s:>10.2f}x")
    print(f"{'catalog scan (text)':<28}{'':>10}{text_mb / text_s:>10.2f}")


if __name__ == "__main__":
    main()
