"""Datasette over the catalogue, with metadata.yml: the app for tests and the server for users."""

from __future__ import annotations

import asyncio
import errno
import json
import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import yaml
from datasette.app import Datasette
from datasette.cli import inspect_

from catalog.errors import CatalogError, StoreError
from catalog.store import Store

__all__ = ["DEFAULT_METADATA", "inspect_file", "listen", "load_metadata", "make_datasette", "run"]

DEFAULT_METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
# Fit for browsing a large catalogue on a small machine.
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "facet_suggest_time_limit_ms": 200,
    # Suggesting facets probes every column: at 100,000 media that doubled the table's load
    # time. The facets users need are configured in metadata.yml; any column's menu adds more.
    "suggest_facets": False,
}


def load_metadata(db_path: str | Path, metadata: str | Path | None = None) -> dict[str, Any]:
    """metadata.yml, with its `catalog` database section applied to whatever the file is named."""
    path = Path(metadata) if metadata else DEFAULT_METADATA
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    databases = data.get("databases") or {}
    name = Path(db_path).stem
    if "catalog" in databases and name != "catalog":
        databases[name] = databases.pop("catalog")
    return data


def make_datasette(
    db_path: str | Path,
    metadata: str | Path | None = None,
    publish: bool = False,
    allow_sql: bool = False,
    remote_images: bool | None = None,
) -> Datasette:
    """A Datasette instance over the catalogue (schema created if the file is new).

    `publish` is the mode for sharing: the database is opened immutable (nothing can change it
    through the server) and arbitrary SQL is refused unless `allow_sql`; canned queries, facets,
    search and JSON/CSV export still work.

    `remote_images`: whether pages load a photo with no stored thumbnail from the site that
    published it. By default yes for the person who scanned the pages, and as metadata.yml's
    `hotlink_images` says (no) when publishing: a visitor's browser then asks no other site."""
    Store(db_path).close()
    meta = load_metadata(db_path, metadata)
    if remote_images is None:
        remote_images = None if publish else True
    if remote_images is not None:
        plugins = meta.setdefault("plugins", {})
        plugins["catalog"] = {**(plugins.get("catalog") or {}), "hotlink_images": remote_images}
    if publish:
        settings = {**SETTINGS, "default_allow_sql": allow_sql}
        return Datasette(
            immutables=[str(db_path)], metadata=meta, settings=settings, inspect_data=inspect_file(db_path)
        )
    return Datasette([str(db_path)], metadata=meta, settings=SETTINGS)


def inspect_file(db_path: str | Path) -> dict[str, Any]:
    """The database's inspect data (`datasette inspect`: hash, size, row counts), kept in
    `<db>.inspect.json` beside it and rebuilt when the database is newer: an immutable catalogue
    then starts without counting its rows."""
    path = Path(db_path)
    cached = path.with_name(path.name + ".inspect.json")
    if cached.exists() and cached.stat().st_mtime >= path.stat().st_mtime:
        data: dict[str, Any] = json.loads(cached.read_text(encoding="utf-8"))
        return data
    data = asyncio.run(inspect_(files=[str(path)], sqlite_extensions=None))
    cached.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return data


def run(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8001,
    metadata: str | Path | None = None,
    publish: bool = False,
    allow_sql: bool = False,
    remote_images: bool | None = None,
) -> None:
    """Serve the catalogue until interrupted."""
    if not Path(db_path).exists():
        raise StoreError(f"no catalogue at {db_path}: run `catalog scan` first")
    import uvicorn

    listening = listen(host, port)  # before saying so: a busy port is one clear error
    ds = make_datasette(db_path, metadata, publish=publish, allow_sql=allow_sql, remote_images=remote_images)
    asyncio.new_event_loop().run_until_complete(ds.invoke_startup())
    mode = " read-only (publish)" if publish else ""
    print(f"catalog: serving {db_path}{mode} on http://{host}:{port}/", flush=True)
    if publish:  # the first visitor finds the media table's facets counted already
        name = next(iter(ds.databases))
        threading.Thread(target=_warm, args=(f"http://{host}:{port}/{name}/media",), daemon=True).start()
    server = uvicorn.Server(uvicorn.Config(ds.app(), log_level="warning"))
    server.run(sockets=[listening])


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on host:port, or CatalogError saying why it cannot be had."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as exc:
        raise CatalogError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        reason = exc.strerror or str(exc)
        if exc.errno == errno.EADDRINUSE:
            reason = "the port is in use (another server?); choose another with --port"
        raise CatalogError(f"cannot listen on {host}:{port}: {reason}") from exc
    return sock


def _warm(url: str) -> None:
    """Open `url` once the server answers (an immutable catalogue keeps the answers)."""
    for _ in range(100):
        try:
            httpx.get(url, timeout=60)
            return
        except httpx.TransportError:
            time.sleep(0.1)
