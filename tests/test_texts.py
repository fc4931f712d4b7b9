"""Plain texts in other publishers' shapes, scanned through the whole pipeline into a real SQLite
file and compared with hand-made labels: every labelled item at its line with its kind, caption,
credit parts, account and entry, and nothing else (`tests/texts/*.labels.json`)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from catalog.scan import scan

TEXTS = Path(__file__).parent / "texts"
CASES = sorted(TEXTS.glob("*.txt"))
EXACT = ("kind", "provider", "credit_person", "credit_org", "credit_role", "author_handle", "author_name")
EXACT += ("posted_at", "post_text", "entry", "credit")


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("texts") / "catalog.db"
    result = scan([str(TEXTS)], db)
    assert not result.errors and result.documents == len(CASES)
    return db


def _found(db: Path, source: Path) -> dict[tuple[int, int], dict[str, object]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = conn.execute(
        """select mentions.line, mentions.caption, mentions.entry, media.*
           from mentions join media on media.id = mentions.media_id
           join documents on documents.id = mentions.document_id
           where documents.source = ? order by mentions.position""",
        (str(source),),
    ).fetchall()
    conn.close()
    found: dict[tuple[int, int], dict[str, object]] = {}
    for row in rows:  # (line, n): the n-th item on its line, in document order
        n = sum(1 for line, _ in found if line == row["line"])
        found[(row["line"], n)] = dict(row)
    return found


def _expected(items: list[dict[str, object]]) -> dict[tuple[int, int], dict[str, object]]:
    """Labels keyed as `_found` keys findings: several posts may share a line."""
    out: dict[tuple[int, int], dict[str, object]] = {}
    for item in items:
        line = int(str(item["line"]))
        n = sum(1 for at, _ in out if at == line)
        out[(line, n)] = item
    return out


@pytest.mark.parametrize("text", CASES, ids=lambda p: p.stem)
def test_text_matches_its_labels(catalogue: Path, text: Path) -> None:
    labels = json.loads(text.with_suffix(".labels.json").read_text(encoding="utf-8"))
    found = _found(catalogue, text.resolve())
    expected = _expected(labels["items"])
    assert sorted(found) == sorted(expected), f"{text.name}: items on lines {sorted(found)}"
    for (line, nth), item in expected.items():
        got = found[(line, nth)]
        for key in EXACT:
            if key in item:
                assert got[key] == item[key], f"{text.name}:{line} {key}"
        if "caption" in item:
            assert item["caption"].lower() in str(got["caption"] or "").lower(), f"{text.name}:{line} caption"
        if "tags" in item:
            assert set(item["tags"]) <= set(json.loads(str(got["tags"]))), f"{text.name}:{line} tags"
        if "credit_person" in item or "credit_org" in item:
            assert got["credit"], f"{text.name}:{line} keeps the credit as written"


def test_every_text_has_labels() -> None:
    assert CASES
    for text in CASES:
        assert text.with_suffix(".labels.json").exists(), text.name
