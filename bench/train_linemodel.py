"""Fit the line model (catalog/linemodel.py) and write catalog/linemodel.json.

    pip install -e '.[train]'          # scikit-learn and the page converters
    python3 bench/train_linemodel.py [--write] [--report]

The data, all real:
- hand labels, blind (bench/corpus/): the DailyMail stories (the first 20 fit, the last 20 held
  out), the Guardian live blogs (set A fits, set B is held out), the live blog of
  ../shared/samples and our own fixtures in tests/texts (fit);
- self labels: the 308 pages of ../shared/corpus/pages turned into text by four converters and
  labelled by the HTML scanner (bench/pages_as_text.py); their publishers are split by a fixed
  hash, and the model never sees the held-out side.

A paragraph (a `Block`) is a positive when a labelled picture, video, audio or gallery item
stands on its lines; posts (read by rules), credit lines (rules) and uncertain items are left
out of the fit; every other paragraph is a negative. The regularisation is chosen by
cross-validation grouped by publisher, and the thresholds on the fit side's out-of-fold
predictions: `threshold` maximises F1 of paragraphs standing alone; `beside`, for a paragraph
next to a credit or a lead-in, is the lowest that keeps precision at 0.9.

Without --write it prints the figures and leaves the shipped weights alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pages_as_text  # noqa: E402

from catalog.document import Document, build_document  # noqa: E402
from catalog.linemodel import FEATURES, blocks_of, features, text_profile  # noqa: E402
from catalog.options import ScanOptions  # noqa: E402
from catalog.sources import read_source  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
MEDIA = {"photo", "video", "audio", "gallery"}


@dataclass
class Text:
    path: Path
    items: list[dict[str, object]]
    group: str  # the publisher, for grouped cross-validation
    split: str  # fit | test
    set: str


def hand_sets() -> Iterator[Text]:
    dm = json.loads((ROOT / "bench/corpus/dailymail-labels.json").read_text())["entries"]
    for n, e in enumerate(dm):
        yield Text(CORPUS / "texts/dailymail" / f"{e['id']}.story", e["items"], "dailymail",
                   "fit" if n < 20 else "test", "dailymail")  # fmt: skip
    for side, split in (("a", "fit"), ("b", "test")):
        for e in json.loads((ROOT / f"bench/corpus/liveblogs-{side}-labels.json").read_text())["entries"]:
            yield Text(CORPUS / "texts/guardian-liveblogs" / f"{e['id']}.txt", e["items"], "guardian-lower",
                       split, f"liveblogs-{side}")  # fmt: skip
    aleppo = json.loads((SHARED / "eval/aleppo-labels.json").read_text())["entries"][0]
    yield Text(SHARED / "samples/aleppo-liveblog.txt", aleppo["items"], "aleppo", "fit", "aleppo")
    for labels in sorted((ROOT / "tests/texts").glob("*.labels.json")):
        data = json.loads(labels.read_text())
        entries = data["entries"] if isinstance(data, dict) and "entries" in data else [data]
        for e in entries:
            items = e.get("items", [])
            yield Text(labels.with_name(labels.name.replace(".labels.json", ".txt")), items,
                       f"fixture:{labels.stem}", "fit", "fixtures")  # fmt: skip


def page_sets(out: Path) -> Iterator[Text]:
    files = {name: out / f"{name}-labels.json" for name in pages_as_text.CONVERTERS}
    if not all(f.exists() for f in files.values()):
        files = pages_as_text.build(list(pages_as_text.pages_of([])), out, "all")
    for name, labels in files.items():
        for e in json.loads(labels.read_text())["entries"]:
            yield Text(out / name / f"{e['id']}.txt", e["items"], str(e["publisher"]), str(e["split"]),
                       f"pages-{name}")  # fmt: skip


def rows_of(text: Text) -> tuple[list[list[float]], list[int], list[float], list[str]]:
    """Feature rows, labels (0, 1) and weights (0 for what the fit leaves out) of a text's
    blocks."""
    doc: Document = build_document(read_source(str(text.path), 10**9), ScanOptions())
    blocks = blocks_of(doc)
    if not blocks:
        return [], [], [], []
    profile = text_profile(doc, blocks)
    lines = doc.paras.lines
    pos: set[int] = set()
    skip: set[int] = set()
    for it in text.items:
        first = int(it["line"])  # type: ignore[call-overload]
        last = int(it.get("line_end") or first)  # type: ignore[call-overload]
        span = set(range(first, last + 1))
        if it.get("credit_line"):
            skip.add(int(it["credit_line"]))  # type: ignore[call-overload]
        if it.get("uncertain") or it.get("certain") is False or it["kind"] not in MEDIA:
            skip |= span
        else:
            pos |= span
    X, y, w = [], [], []
    for k, b in enumerate(blocks):
        span = set(lines[b.first : b.last + 1])
        X.append(features(doc, blocks, k, profile))
        y.append(1 if span & pos else 0)
        w.append(0.0 if (span & skip and not span & pos) else 1.0)
    return X, y, w, [f"{text.path.name}:{lines[b.first]}: {b.text[:160]}" for b in blocks]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write catalog/linemodel.json")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "catalog-pages-as-text")
    ap.add_argument("--dump", type=Path, help="save the feature rows (.npz) for experiments")
    ap.add_argument("--no-pages", action="store_true", help="hand labels alone")
    a = ap.parse_args()

    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import precision_recall_curve
    from sklearn.model_selection import GroupKFold, cross_val_predict

    texts = list(hand_sets())
    if not a.no_pages:
        texts += list(page_sets(a.cache))
    data: dict[str, list[object]] = {"X": [], "y": [], "w": [], "g": [], "split": [], "set": [], "t": []}
    for t in texts:
        X, y, w, shown = rows_of(t)
        data["t"] += shown
        data["X"] += X
        data["y"] += y
        data["w"] += w
        data["g"] += [t.group] * len(y)
        data["split"] += [t.split] * len(y)
        data["set"] += [t.set] * len(y)
    X = np.array(data["X"], dtype=float)
    y = np.array(data["y"])
    w = np.array(data["w"])
    groups = np.array(data["g"])
    split = np.array(data["split"])
    sets = np.array(data["set"])
    if a.dump:
        np.savez(a.dump, X=X, y=y, w=w, groups=groups, split=split, sets=sets, texts=np.array(data["t"]))
    fit = (split == "fit") & (w > 0)
    print(f"{len(y)} paragraphs; fit {fit.sum()} ({y[fit].sum()} positive), "
          f"held out {((split == 'test') & (w > 0)).sum()}")  # fmt: skip

    mean = X[fit].mean(axis=0)
    scale = X[fit].std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale

    best = None
    for c in (0.01, 0.03, 0.1, 0.3, 1.0, 3.0):
        model = LogisticRegression(C=c, fit_intercept=False, class_weight="balanced", max_iter=5000)
        oof = cross_val_predict(model, Z[fit], y[fit], groups=groups[fit], cv=GroupKFold(5),
                                method="predict_proba")[:, 1]  # fmt: skip
        p, r, t = precision_recall_curve(y[fit], oof)
        f1 = (2 * p * r / np.maximum(p + r, 1e-9))[:-1]
        k = int(f1.argmax())
        print(f"C={c}: out-of-fold best F1 {f1[k]:.3f} at {t[k]:.3f} (P {p[k]:.3f} R {r[k]:.3f})")
        if best is None or f1[k] > best[0]:
            best = (float(f1[k]), c, float(t[k]), oof, p, r, t)
    assert best is not None
    _, c, threshold, oof, p, r, t = best
    ok = np.where(p[:-1] >= 0.9)[0]
    beside = float(t[ok[0]]) if len(ok) else threshold
    beside = min(beside, threshold)
    model = LogisticRegression(C=c, fit_intercept=False, class_weight="balanced", max_iter=5000)
    model.fit(Z[fit], y[fit])
    weights = model.coef_[0]
    for name, wt in sorted(zip(FEATURES, weights, strict=True), key=lambda x: -abs(x[1])):
        print(f"  {name:18s} {wt:+.3f}")
    prob = model.predict_proba(Z)[:, 1]
    print(f"threshold {threshold:.3f}, beside {beside:.3f}")
    for name in sorted(set(sets)):
        for side in ("fit", "test"):
            m = (sets == name) & (split == side) & (w > 0)
            if not m.any():
                continue
            pred = prob[m] >= threshold
            tp = int((pred & (y[m] == 1)).sum())
            recall, precision = tp / max(1, y[m].sum()), tp / max(1, pred.sum())
            print(f"  {name:22s} {side:4s} paragraphs {m.sum():6d}  positives {int(y[m].sum()):4d}  "
                  f"recall {recall:.3f}  precision {precision:.3f}")  # fmt: skip
    if a.write:
        out = ROOT / "catalog" / "linemodel.json"
        out.write_text(json.dumps({
            "about": "catalog's line model: logistic regression over catalog.linemodel.FEATURES, "
                     "fitted by bench/train_linemodel.py",
            "features": list(FEATURES),
            "weights": [round(float(x), 5) for x in weights],
            "mean": [round(float(x), 5) for x in mean],
            "scale": [round(float(x), 5) for x in scale],
            "threshold": round(threshold, 4),
            "beside": round(beside, 4),
            "C": c,
            "paragraphs": int(fit.sum()),
            "positives": int(y[fit].sum()),
        }, indent=1) + "\n")  # fmt: skip
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
