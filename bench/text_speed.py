"""The text scanner's speed against another version's, side by side in one run.

    python3 bench/text_speed.py [--base DIR] [--rounds N]

DIR is a checkout of the other version (default: a worktree of the commit before the line model,
made with `git worktree add`). Each round times both versions on the same texts in turn, in child
processes, one core each; the best round of each is kept (this machine's speed moves by up to 2x
between runs, and a ratio taken in one run is what holds). The scanner alone (read, parse,
extract, assemble): the store's cost is the same for both.

Texts: the live blog of ../shared/samples ten times (dense: an item every four paragraphs), the
40 DailyMail stories and 12 Guardian live blogs of ../shared/corpus/texts (real corpus text),
the dev pages saved as text (bench/scan_speed.py's conversion) and 200 generated live blogs
(bench/corpus.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import corpus
from scan_speed import _as_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BASE_COMMIT = "a79083f"  # the last commit before this session's text work

# Run in a child process with PYTHONPATH set to a version's checkout: the best of `rounds`
# timings of the scanner over the listed files, in seconds.
_TIMER = """
import json, sys, time
from catalog.assemble import assemble
from catalog.document import build_document
from catalog.extractors import extract_all
from catalog.options import ScanOptions
from catalog.sources import read_source
paths = json.loads(sys.argv[1])
sources = [read_source(p, 10**9) for p in paths]
best = None
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    for src in sources:
        doc = build_document(src, ScanOptions())
        assemble(doc, extract_all(doc))
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(best)
"""


def _time(checkout: Path, paths: list[Path], rounds: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    r = subprocess.run(
        [sys.executable, "-c", _TIMER, json.dumps([str(p) for p in paths]), str(rounds)],
        capture_output=True, text=True, env=env, check=True, cwd=checkout,
    )  # fmt: skip
    return float(r.stdout.strip().splitlines()[-1])


def _sets(work: Path) -> list[tuple[str, list[Path]]]:
    blogs = []
    for i in range(10):
        blogs.append(work / f"blog{i}.txt")
        shutil.copyfile(SHARED / "samples/aleppo-liveblog.txt", blogs[-1])
    texts = SHARED / "corpus/texts"
    return [
        ("live blog x10 (dense)", blogs),
        ("DailyMail stories", sorted((texts / "dailymail").glob("*.story"))),
        ("Guardian live blogs (tokenised)", sorted((texts / "guardian-liveblogs").glob("*.txt"))),
        ("dev pages as text", [p for p in _as_text(sorted((SHARED / "eval/dev").glob("*.htm*")), work)]),
        ("200 generated live blogs", corpus.write(work / "gentext", 0, 200)),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, help="the other version's checkout")
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    base = a.base
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if base is None:
            base = work / "base"
            subprocess.run(["git", "worktree", "add", "--detach", str(base), BASE_COMMIT],
                           cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        try:
            print(f"| texts | MB | now MB/s | {BASE_COMMIT if a.base is None else base} MB/s | now / base |")
            print("| --- | --- | --- | --- | --- |")
            for name, paths in _sets(work):
                size = sum(p.stat().st_size for p in paths) / 1e6
                # a version's code with a .story reader or not: the base reads .story files as
                # text only from this session on, so the stories are timed as .txt copies
                if any(p.suffix == ".story" for p in paths):
                    copies = work / "stories"
                    copies.mkdir(exist_ok=True)
                    paths = [Path(shutil.copy(p, copies / f"{p.stem}.txt")) for p in paths]
                now = _time(ROOT, paths, a.rounds)
                then = _time(base, paths, a.rounds)
                print(f"| {name} | {size:.2f} | {size / now:.2f} | {size / then:.2f} | {then / now:.2f} |",
                      flush=True)  # fmt: skip
        finally:
            if a.base is None:
                subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
