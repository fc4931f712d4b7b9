"""The evaluation gate: ../shared/eval/score.py run through the real CLI, with pinned floors.

Skipped when ../shared is absent. Floors sit a little under today's figures so a regression
fails loudly; raise them as the scanner improves.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FLOORS = {
    "html": {"recall": 0.98, "precision": 0.95},
    # the corpus pages labelled for issue 21 (bench/corpus/pages-*-labels.json): sets A, B and C
    # were fitted on, D partly (credits), E is held out (a floor guards what a user meets; it is not
    # tuned to)
    "pages-labels.json": {"recall": 0.97, "precision": 0.97, "credit": 0.95},
    "pages-b-labels.json": {"recall": 0.97, "precision": 0.95, "credit": 0.75},
    "pages-c-labels.json": {"recall": 0.92, "precision": 0.95, "credit": 0.9},
    "pages-d-labels.json": {"recall": 0.92, "precision": 0.88, "credit": 0.6},
    "pages-e-labels.json": {"recall": 0.9, "precision": 0.5, "credit": 0.85},
    "text-media": {"recall": 1.0, "precision": 0.9},
    "quotes": {"recall": 1.0, "precision": 0.9},
}


def _score(shared: Path, mode: str, labels: str | Path, folder: Path) -> str:
    catalog = shutil.which("catalog") or f"{sys.executable} -m catalog"
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            mode,
            str(shared / "eval" / labels),
            str(folder),
            "--catalog",
            catalog,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def _figures(output: str, name: str) -> dict[str, float]:
    m = re.search(rf"^{re.escape(name)}\s+recall ([\d.]+) .*precision ([\d.]+)", output, re.M)
    assert m, output
    return {"recall": float(m.group(1)), "precision": float(m.group(2))}


def test_dev_pages_meet_the_floors(shared: Path) -> None:
    out = _score(shared, "html", "dev-labels.json", shared / "eval" / "dev")
    got = _figures(out, "html")
    for key, floor in FLOORS["html"].items():
        assert got[key] >= floor, out


def test_live_blog_meets_the_floors(shared: Path, tmp_path: Path) -> None:
    shutil.copy(shared / "samples" / "aleppo-liveblog.txt", tmp_path)
    out = _score(shared, "text", "aleppo-labels.json", tmp_path)
    for name in ("text-media", "quotes"):
        got = _figures(out, name)
        for key, floor in FLOORS[name].items():
            assert got[key] >= floor, out
    assert re.search(r"entry (\d+)/\1\b", out), out  # every labelled entry stamp right


@pytest.mark.parametrize(
    "labels_name",
    [
        "pages-labels.json",
        "pages-b-labels.json",
        "pages-c-labels.json",
        "pages-d-labels.json",
        "pages-e-labels.json",
    ],
)
def test_corpus_pages_meet_the_floors(shared: Path, tmp_path: Path, labels_name: str) -> None:
    if not (shared / "corpus" / "pages").is_dir():
        pytest.skip("../shared/corpus is not present")
    labels = Path(__file__).resolve().parent.parent / "bench" / "corpus" / labels_name
    for page in json.loads(labels.read_text(encoding="utf-8")):
        shutil.copy(shared / "corpus" / "pages" / page["corpus_file"], tmp_path / page["file"])
    out = _score(shared, "html", labels, tmp_path)  # an absolute path: shared / "eval" / labels is it
    got = _figures(out, "html")
    credits = re.search(r"credit (\d+)/(\d+)", out)
    assert credits, out
    got["credit"] = int(credits.group(1)) / int(credits.group(2))
    for key, floor in FLOORS[labels_name].items():
        assert got[key] >= floor, out
