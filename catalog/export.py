"""The catalogue written out: JSON (a list of media with their mentions), NDJSON and CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from catalog.errors import StoreError
from catalog.store import Store

__all__ = ["FORMATS", "export", "media_objects"]

FORMATS = ("json", "ndjson", "csv")
_CSV_MENTION = (
    "document_source",
    "document_url",
    "presence",
    "detector",
    "line",
    "entry",
    "mention_caption",
    "mention_credit",
)


def media_objects(db_path: str | Path) -> Iterator[dict[str, Any]]:
    """Every media object with every `media` column and its `mentions`, as the contract says."""
    if not Path(db_path).exists():
        raise StoreError(f"no catalogue at {db_path}: run `catalog scan` first")
    store = Store(db_path)
    try:
        yield from store.export_rows()
    finally:
        store.close()


def export(db_path: str | Path, out: TextIO, fmt: str = "json") -> int:
    """Write the catalogue to `out`; return how many media objects were written."""
    objects = media_objects(db_path)
    n = 0
    if fmt == "json":
        out.write("[")
        for n, obj in enumerate(objects, start=1):
            out.write(("\n" if n == 1 else ",\n") + json.dumps(obj, ensure_ascii=False))
        out.write("\n]\n" if n else "]\n")
    elif fmt == "ndjson":
        for obj in objects:
            n += 1
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer: csv.DictWriter[str] | None = None
        for obj in objects:
            n += 1
            for mention in obj["mentions"]:
                row = {k: v for k, v in obj.items() if k != "mentions"}
                row["urls"] = json.dumps(row["urls"], ensure_ascii=False)
                row["tags"] = json.dumps(row["tags"], ensure_ascii=False)
                row["credits"] = json.dumps(row["credits"], ensure_ascii=False)
                row.update(
                    dict(
                        zip(
                            _CSV_MENTION,
                            (
                                mention["document"]["source"],
                                mention["document"]["url"],
                                mention["presence"],
                                mention["detector"],
                                mention["line"],
                                mention["entry"],
                                mention["caption"],
                                mention["credit"],
                            ),
                            strict=True,
                        )
                    )
                )
                if writer is None:
                    writer = csv.DictWriter(out, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return n
