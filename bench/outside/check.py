"""Recall and precision on real news pages that are in neither this repository nor ../shared.

Usage: python3 bench/outside/check.py

The pages and texts are the test data of newspaper4k (an article extractor), taken from its
source distribution on PyPI at a pinned version (this machine reaches package registries only).
The labels beside this script are ours: `labels.json`, the media of 16 of those pages, judged
by hand from each page's markup (56 certain items, 8 uncertain); `text-labels.json`, the media
traces in its 28 article texts (its extractor's output, so captions and embeds are gone: one
trace). Neither pages nor texts are copied here. Both are scored with ../shared/eval/score.py,
as the dev pages and the live blog are.
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
TEXTS = "newspaper4k-0.9.6/tests/data/txt/"


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
    texts = json.loads((HERE / "text-labels.json").read_text(encoding="utf-8"))
    wanted = {PAGES + page["file"] for page in labels}
    wanted |= {TEXTS + entry["id"] + ".txt" for entry in texts["entries"]}
    with tempfile.TemporaryDirectory() as tmp:
        archive = fetch(Path(tmp))
        for folder in ("pages", "texts"):
            Path(tmp, folder).mkdir()
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if member.name in wanted:
                    extracted = tar.extractfile(member)
                    assert extracted is not None
                    folder = "pages" if member.name.startswith(PAGES) else "texts"
                    Path(tmp, folder, member.name.rsplit("/", 1)[-1]).write_bytes(extracted.read())
        for kind, file, folder in (("html", "labels.json", "pages"), ("text", "text-labels.json", "texts")):
            score = [sys.executable, str(SCORE), kind, str(HERE / file), str(Path(tmp, folder)), "-v"]
            subprocess.run(score, check=True)


if __name__ == "__main__":
    main()
