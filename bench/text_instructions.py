"""Instructions the text scanner spends on a corpus, counted by valgrind's cachegrind: a figure
that does not move with the load of a shared machine, as wall-clock MB/s does (bench/RESULTS.md).

Usage: python3 bench/text_instructions.py [--rounds N] PATH_OR_GLOB [...]
(default: the live blog of ../shared/samples; valgrind must be installed: apt install valgrind)

Prints the instructions of one round (read_source excluded: build_document, every extractor and
assemble, with the credit caches cleared as bench/scan_speed.py clears them) and per byte. This
machine ran about 3.7 billion instructions a second in session 7, so 10 MB/s is about 370
instructions a byte. A script, not a test.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The child: reads the files first (not counted), then scans them ROUNDS times.
_CHILD = """
import os, sys
from catalog.assemble import assemble
from catalog.credits import looks_like_credit, parse_credit, strip_label
from catalog.document import build_document
from catalog.extractors import extract_all
from catalog.options import ScanOptions
from catalog.sources import read_source
sources = [read_source(p, 10**9) for p in sys.argv[1:]]
for _ in range(int(os.environ["ROUNDS"])):
    parse_credit.cache_clear(); looks_like_credit.cache_clear(); strip_label.cache_clear()
    for src in sources:
        doc = build_document(src, ScanOptions())
        assemble(doc, extract_all(doc))
"""


def _instructions(paths: list[str], rounds: int) -> int:
    env = {**os.environ, "ROUNDS": str(rounds), "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _CHILD, *paths],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    m = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if m is None:
        sys.exit(f"no instruction count from valgrind:\n{done.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT.parent / "shared/samples/aleppo-liveblog.txt")])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt install valgrind)")
    paths = sorted({p for given in args.paths for p in (glob.glob(given) or [given]) if Path(p).is_file()})
    if not paths:
        sys.exit("no files to scan")
    size = sum(Path(p).stat().st_size for p in paths)
    # The start-up and the reading, counted once, are taken off the rounds.
    per_round = (_instructions(paths, args.rounds) - _instructions(paths, 0)) / args.rounds
    print(f"{len(paths)} files, {size:,} bytes: {per_round / 1e6:,.1f}M instructions a round, "
          f"{per_round / size:,.0f} a byte")  # fmt: skip


if __name__ == "__main__":
    main()
