"""The catalogue written out: JSON (a list of media with their mentions), NDJSON and CSV."""

from __future__ import annotations

import csv
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from catalog.errors import CatalogError, StoreError

__all__ = ["FORMATS", "Filters", "export", "export_file", "media_objects", "providers_in"]

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


@dataclass(frozen=True)
class Filters:
    """What to export: the same filters the Datasette table offers (kind, provider, a credited
    name, full-text search); empty means everything."""

    kind: str | None = None
    provider: str | None = None
    credit: str | None = None
    search: str | None = None


def media_objects(db_path: str | Path, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """Every media object with every `media` column and its `mentions`, as the contract says."""
    if not Path(db_path).exists():
        raise StoreError(f"no catalogue at {db_path}: run `catalog scan` first")
    from catalog.store import Store  # here: the command line's help needs no database

    store = Store(db_path)
    try:
        f = filters or Filters()
        only = store.select_media(kind=f.kind, provider=f.provider, credit=f.credit, search=f.search)
        yield from store.export_rows(only)
    finally:
        store.close()


def providers_in(db_path: str | Path) -> list[str]:
    """The platforms a catalogue's media come from, sorted (for a filter that matched nothing)."""
    from catalog.store import Store

    store = Store(db_path)
    try:
        return sorted(store.providers())
    finally:
        store.close()


def export(db_path: str | Path, out: TextIO, fmt: str = "json", filters: Filters | None = None) -> int:
    """Write the catalogue (or what `filters` select) to `out`; return how many media objects."""
    objects = media_objects(db_path, filters)
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


def export_file(
    db_path: str | Path, output: str | Path, fmt: str = "json", filters: Filters | None = None
) -> int:
    """Write the export to the file `output` whole or not at all: into a temporary file beside
    it, renamed into place once complete, so a failed export leaves the file as it was. The
    file keeps the mode it had (a new one gets the usual mode under the umask)."""
    target = Path(output)
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise CatalogError(f"cannot write {output}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            n = export(db_path, out, fmt, filters)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CatalogError(f"cannot write {output}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return n


def _umask() -> int:
    mask = os.umask(0o022)  # read by setting it: there is no other way
    os.umask(mask)
    return mask
