"""The command line: thin wrappers over library functions, one clear line per error.

Exit codes: 0 all fine; 1 the command could not run (database unusable, ...); 2 usage error;
3 the scan finished but some inputs failed (each named on its own line); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click

from catalog import __version__
from catalog.engines import ENGINES
from catalog.errors import CatalogError
from catalog.export import FORMATS, Filters, providers_in
from catalog.options import (
    DEFAULT_ENRICH_DEADLINE,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ELEMENTS,
    DEFAULT_MAX_PAGES,
    DEFAULT_TIME_BUDGET,
    ScanOptions,
)
from catalog.records import KINDS

if TYPE_CHECKING:
    from tqdm import tqdm

    from catalog.scan import DocumentResult

# Each command imports what it runs when it runs: `catalog --help` and a scan of files import
# neither Datasette (serve), nor httpx and Pillow (enrich), nor Dask (--engine dask).

__all__ = ["main"]

DEFAULT_DB = "db/catalog.db"
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_SOME_INPUTS_FAILED = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a program stopped by Ctrl-C

_db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The catalogue database.",
)


_allow_private_option = click.option(
    "--allow-private",
    is_flag=True,
    help="Fetch from loopback and private addresses too (one's own intranet; off by default).",
)


@contextmanager
def _progress(desc: str, unit: str) -> Iterator[tqdm[NoReturn]]:
    """A progress bar on standard error when it is a terminal (none in pipes, logs and tests)."""
    from tqdm import tqdm

    bar: tqdm[NoReturn] = tqdm(
        desc=desc, unit=unit, file=sys.stderr, disable=None, leave=False, mininterval=0.25
    )
    try:
        yield bar
    finally:
        bar.close()


def _say(bar: tqdm[NoReturn], line: str, err: bool = False) -> None:
    """One line of output, printed above the progress bar if one is shown."""
    if bar.disable:
        click.echo(line, err=err)
    else:
        bar.write(line, file=sys.stderr if err else sys.stdout)


def _missing(path: str) -> bool:
    """A local path that names nothing (an address is fetched, never missing here)."""
    return "://" not in path and not (Path(path).exists() or Path(path).is_symlink())


class _Commands(click.Group):
    """catalog's commands: Ctrl-C stops one with a line and exit code 130 (click's own answer
    is "Aborted!" and 1, which scripts cannot tell from a failure)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted (what was stored is kept; the next run does the rest)", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="catalog")
def main() -> None:
    """Catalogue the photos, videos, audio and social posts that pages and texts cite."""


@main.command("scan")
@click.argument("inputs", nargs=-1)
@click.option(
    "--urls",
    "urls_file",
    type=click.File("r", encoding="utf-8"),
    help="A file of page addresses, one per line (# starts a comment).",
)
@click.option("--ignore-robots", is_flag=True, help="Fetch pages that a site's robots.txt disallows.")
@_allow_private_option
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Seconds between the starts of two requests to one host.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Addresses fetched at a time (each host also limited by --per-host and --delay).",
)
@click.option(
    "--per-host",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Requests to one host at a time.",
)
@_db_option
@click.option("--base-url", help="Address of the page, for resolving relative URLs of one file.")
@click.option("--force", is_flag=True, help="Rescan inputs whose bytes have not changed.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")
@click.option(
    "--max-mb",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_MAX_BYTES / 2**20,
    show_default=True,
    help="Refuse a document larger than this (after decompression), in MiB.",
)
@click.option(
    "--max-elements",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_ELEMENTS,
    show_default=True,
    help="Refuse an HTML page with more elements than this.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes that read and extract (one process writes); the catalogue is the same.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Where extraction runs: this machine's processes, or Dask workers.",
)
@click.option("--scheduler", help="With --engine dask: a Dask scheduler's address (else a LocalCluster).")
@click.option(
    "--time-budget",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIME_BUDGET,
    show_default=True,
    help="Seconds allowed to fetch a page, and to read and extract one document.",
)
@click.option(
    "--max-pages",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_PAGES,
    show_default=True,
    help="Addresses fetched for the sitemaps and feeds of one scan, at most (the rest are counted).",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Drop the documents of files no longer under the folders scanned (deleted or renamed).",
)
def scan_command(
    inputs: tuple[str, ...],
    db_path: str,
    base_url: str | None,
    force: bool,
    quiet: bool,
    max_mb: float,
    max_elements: int,
    time_budget: float,
    jobs: int,
    engine: str,
    scheduler: str | None,
    urls_file: TextIO | None,
    ignore_robots: bool,
    allow_private: bool,
    delay: float,
    concurrency: int,
    per_host: int,
    max_pages: int,
    prune: bool,
) -> None:
    """Scan files and folders (.html .htm .txt .md, also .gz), web archives (.warc, .warc.gz),
    page addresses, sitemaps and feeds into the catalogue."""
    from catalog.scan import scan

    given = list(inputs)
    if urls_file is not None:
        given += [line.strip() for line in urls_file if line.strip() and not line.lstrip().startswith("#")]
    if not given:
        raise click.UsageError("give files, folders or addresses to scan, or --urls FILE")
    if all(_missing(path) for path in given):  # nothing to scan: no catalogue is made for it
        for path in given:
            click.echo(f"error: {path}: no such file or folder", err=True)
        sys.exit(EXIT_USAGE)

    def show(result: DocumentResult) -> None:
        bar.update()
        if result.error:
            _say(bar, f"error: {result.source}: {result.error}", err=True)
        elif not quiet:
            if result.unchanged:
                _say(bar, f"  unchanged {result.source}")
            else:
                found = ", ".join(f"{n} {k}" for k, n in result.kinds) or "no media"
                _say(bar, f"  {result.source}: {found}")

    options = ScanOptions(
        base_url=base_url,
        force=force,
        max_bytes=int(max_mb * 2**20),
        max_elements=max_elements,
        time_budget=time_budget,
        ignore_robots=ignore_robots,
        allow_private=allow_private,
        host_delay=delay,
        concurrency=concurrency,
        per_host=per_host,
        max_pages=max_pages,
        prune=prune,
    )
    try:
        with _progress("scanned", " docs") as bar:
            report = scan(
                given,
                db_path,
                options,
                on_result=show,
                jobs=jobs,
                engine=engine,
                scheduler=scheduler,
                on_notice=lambda line: _say(bar, f"note: {line}", err=True),
            )
    except CatalogError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(report.summary())
    if report.errors:
        sys.exit(EXIT_SOME_INPUTS_FAILED)


@main.command("enrich")
@_db_option
@click.option(
    "--max-age",
    type=click.FloatRange(min=0),
    default=7.0,
    show_default=True,
    help="Days after which a checked item is checked again (0: check everything).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Check at most this many items.")
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=4,
    show_default=True,
    help="Items checked at a time (each host at most two at a time).",
)
@click.option(
    "--oembed",
    is_flag=True,
    help="Ask platforms with a public oEmbed endpoint about their posts and clips: availability "
    "as the platform means it, title, author, thumbnail.",
)
@_allow_private_option
@click.option(
    "--time-budget",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_ENRICH_DEADLINE,
    show_default=True,
    help="Seconds allowed to fetch one item (its redirects, retries and body).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary.")
def enrich_command(
    db_path: str,
    max_age: float,
    limit: int | None,
    concurrency: int,
    oembed: bool,
    allow_private: bool,
    time_budget: float,
    quiet: bool,
) -> None:
    """Look at the media: availability, and for photos size, hashes, EXIF, IPTC and a thumbnail."""
    from catalog.enrich import enrich

    def show(media_id: str, availability: str) -> None:
        bar.update()
        if not quiet:
            _say(bar, f"  {availability:<11} {media_id}")

    try:
        with _progress("checked", " media") as bar:
            report = enrich(
                db_path,
                timedelta(days=max_age),
                allow_private=allow_private,
                on_item=show,
                on_total=lambda total: bar.reset(total=total),
                limit=limit,
                concurrency=concurrency,
                oembed=oembed,
                on_notice=lambda line: _say(bar, f"note: {line}", err=True),
                deadline=time_budget,
            )
    except CatalogError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(report.summary())


@main.command("export")
@_db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of standard output.",
)
@click.option("--kind", type=click.Choice(KINDS), help="Only media of this kind.")
@click.option("--provider", help="Only media from this platform (twitter, youtube, ...).")
@click.option("--credit", help="Only media crediting a person, agency or account by this name.")
@click.option("--search", help="Only media whose caption, credit or post text has these words.")
def export_command(
    db_path: str,
    fmt: str,
    output: str | None,
    kind: str | None,
    provider: str | None,
    credit: str | None,
    search: str | None,
) -> None:
    """Write the media objects with their mentions as JSON, NDJSON or CSV (all, or filtered)."""
    from catalog.export import export, export_file

    filters = Filters(kind=kind, provider=provider, credit=credit, search=search)
    try:
        if output:
            n = export_file(db_path, output, fmt, filters)
            click.echo(f"wrote {n} media to {output}", err=True)
        else:
            n = export(db_path, sys.stdout, fmt, filters)
        if n == 0 and provider:
            known = ", ".join(providers_in(db_path)) or "none"
            click.echo(f"note: no media from platform {provider!r}; this catalogue has: {known}", err=True)
    except CatalogError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FAILED)


@main.command("serve")
@_db_option
@click.option("--port", default=8001, show_default=True, type=int)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 127.0.0.1 keeps the catalogue on this machine.",
)
@click.option(
    "--metadata",
    type=click.Path(exists=True, dir_okay=False),
    help="A metadata.yml other than the project's.",
)
@click.option(
    "--publish",
    is_flag=True,
    help="Serve for sharing: the database read-only (immutable), no arbitrary SQL.",
)
@click.option("--allow-sql", is_flag=True, help="With --publish: allow arbitrary SQL queries all the same.")
@click.option(
    "--remote-images/--no-remote-images",
    default=None,
    help="Load photos with no stored thumbnail from the sites that published them (the default, "
    "but not with --publish: there metadata.yml's hotlink_images decides).",
)
def serve_command(
    db_path: str,
    port: int,
    host: str,
    metadata: str | None,
    publish: bool,
    allow_sql: bool,
    remote_images: bool | None,
) -> None:
    """Browse the catalogue in Datasette: media as cards, facets, search, JSON and CSV export.

    Each media item and each document has its own page (a document's is its timeline)."""
    from catalog.serve import run

    try:
        run(
            db_path,
            host=host,
            port=port,
            metadata=metadata,
            publish=publish,
            allow_sql=allow_sql,
            remote_images=remote_images,
        )
    except CatalogError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FAILED)
