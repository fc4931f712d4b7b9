"""Recall and precision on real news pages that are in neither this repository nor ../shared.

Usage: python3 bench/outside/check.py

The pages are the test pages of newspaper4k (an article extractor), taken from its source
distribution on PyPI at a pinned version (this machine reaches package registries only). The
labels beside this script (`labels.json`, the media of 16 of those pages, judged by hand from
each page's markup: 56 certain items, 8 uncertain) are ours; the pages are not copied here.
The pages are scored with ../shared/eval/score.py, as the dev pages are.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORE = HERE.parent.parent.parent / "shared" / "eval" / "score.py"
PACKAGE = "newspaper4k==0.9.6"
PAGES = "newspaper4k-0.9.6/tests/data/html/"


def fetch(into: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "-q",
            "--no-deps",
            "--no-binary",
            ":all:",
            PACKAGE,
            "-d",
            str(into),
        ],
        check=True,
    )
    return next(into.glob("newspaper4k-*.tar.gz"))


def main() -> None:
    if not SCORE.exists():
        sys.exit(f"needs the scorer at {SCORE}")
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    wanted = {page["file"] for page in labels}
    with tempfile.TemporaryDirectory() as tmp:
        archive = fetch(Path(tmp))
        pages = Path(tmp, "pages")
        pages.mkdir()
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                name = member.name.removeprefix(PAGES)
                if member.name.startswith(PAGES) and name in wanted:
                    extracted = tar.extractfile(member)
                    assert extracted is not None
                    (pages / name).write_bytes(extracted.read())
        subprocess.run(
            [sys.executable, str(SCORE), "html", str(HERE / "labels.json"), str(pages), "-v"], check=True
        )


if __name__ == "__main__":
    main()
