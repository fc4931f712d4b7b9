"""The pipeline end to end: inputs -> sources -> Document -> extractors -> assemble -> store."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from catalog import __version__
from catalog.assemble import assemble, document_id
from catalog.document import build_document
from catalog.engines import executor
from catalog.errors import InputError
from catalog.extractors import REGISTRY, extract_all
from catalog.options import ScanOptions
from catalog.records import DocumentRecord, Media, Mention
from catalog.sources import SCANNED_SUFFIXES, Source, discover, read_source
from catalog.store import Store
from catalog.urls import domain_of
from catalog.warc import is_warc, warc_sources

if TYPE_CHECKING:
    from catalog.fetch import Fetcher

__all__ = ["DocumentResult", "ScanReport", "scan", "scan_source", "scanner_id"]


@cache
def scanner_id() -> str:
    """What produced a stored document: the version and a digest of the scanner's own code and
    registry, so an upgraded scanner rescans even unchanged inputs."""
    digest = hashlib.sha256(" ".join(e.name for e in REGISTRY).encode())
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return f"catalog {__version__}/{digest.hexdigest()[:12]}"


@dataclass(frozen=True)
class DocumentResult:
    """What happened to one input: how many media it cites, or the error that stopped it."""

    source: str
    error: str | None = None
    unchanged: bool = False
    kinds: tuple[tuple[str, int], ...] = ()


@dataclass
class ScanReport:
    documents: int = 0
    unchanged: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)
    not_fetched: int = 0  # addresses sitemaps and feeds listed over --max-pages
    pruned: int = 0  # documents of files no longer under the scanned folders (--prune)
    skipped: Counter[str] = field(default_factory=Counter)  # folders' files not scanned, by extension

    @property
    def mentions(self) -> int:
        return sum(self.kinds.values())

    def summary(self) -> str:
        kinds = ", ".join(f"{n:,} {k}" for k, n in sorted(self.kinds.items(), key=lambda x: -x[1]))
        parts = [f"{self.documents:,} document{'s' if self.documents != 1 else ''}"]
        if self.unchanged:
            parts.append(f"{self.unchanged:,} unchanged")
        parts.append(f"{len(self.errors):,} error{'s' if len(self.errors) != 1 else ''}")
        read = self.documents - self.unchanged
        if self.unchanged and not read:
            found = "nothing new (unchanged inputs keep what was found in them; --force rescans)"
        else:
            found = f"{self.mentions:,} media mentions" + (f" ({kinds})" if kinds else "")
            if self.unchanged:
                found += f" in the {read:,} read (unchanged inputs keep theirs; --force rescans)"
        if self.not_fetched:
            listed = "addresses listed by sitemaps and feeds"
            found += f"; {self.not_fetched:,} {listed} not fetched (--max-pages)"
        if self.pruned:
            found += f"; {self.pruned:,} documents of files no longer there dropped"
        lines = [f"scanned {', '.join(parts)}: {found}"]
        if self.skipped:
            n = sum(self.skipped.values())
            which = ", ".join(
                f"{c:,} {ext}" for ext, c in sorted(self.skipped.items(), key=lambda x: (-x[1], x[0]))
            )
            scanned = " ".join(SCANNED_SUFFIXES)
            lines.append(
                f"skipped {n:,} file{'s' if n != 1 else ''} for their extension ({which}); "
                f"a folder's files are scanned if they end in {scanned}, also gzipped"
            )
        return "\n".join(lines)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def scan_source(
    path: str | Source, options: ScanOptions
) -> tuple[DocumentRecord, list[tuple[Media, Mention]]]:
    """Read (unless already fetched), parse, extract and assemble one input."""
    src = path if isinstance(path, Source) else read_source(path, options.max_bytes)
    _check_elements(src, options.max_elements)
    doc = build_document(src, options)
    rows = assemble(doc, extract_all(doc))
    record = DocumentRecord(
        id=document_id(src.source),
        source=src.source,
        url=doc.url,
        title=doc.title,
        published_at=doc.published_at,
        format=doc.format,
        language=doc.language,
        sha256=src.sha256,
        bytes=src.bytes,
        scanned_at=_now(),
        error=None,
        media_count=len({m.id for m, _ in rows}),
        scanner=scanner_id(),
        domain=domain_of(doc.url),
        captured_at=src.captured_at,
    )
    return record, rows


# The start of an element ("<p", "<img"): what a page's elements are counted by before parsing.
_START_TAG = re.compile(r"<[A-Za-z]")


def _check_elements(src: Source, limit: int) -> None:
    """Refuse a page whose start tags alone are more than `limit`, before it is parsed: the tree
    of a page of a million elements costs gigabytes before the parser could count them. (A
    `<` followed by a letter inside a script counts too; the parser's exact count follows.)"""
    if src.format != "html" or src.text.count("<") <= limit:
        return
    tags = sum(1 for _ in _START_TAG.finditer(src.text))
    if tags > limit:
        raise InputError(
            f"too many HTML elements, {tags:,} start tags, more than {limit:,} (see --max-elements)"
        )


def scan(
    inputs: list[str],
    db_path: str | Path,
    options: ScanOptions | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> ScanReport:
    """Scan files and folders into the catalogue at `db_path`; a bad input never ends the scan.

    With `jobs` > 1, reading, parsing and extracting run in that many worker processes while
    this process alone writes, in input order: the catalogue is the same as with one job. With
    `engine="dask"` they run on Dask workers: a LocalCluster, or the cluster at `scheduler`
    (files are read here and sent, so workers need not share our disks). `on_notice` hears what
    the user should know that is no input's error (waiting for another writer, --max-pages)."""
    options = options or ScanOptions()
    report = ScanReport()
    addresses = _Addresses(options.max_pages, on_notice)
    store = Store(db_path)
    store.on_wait = on_notice
    try:
        with store.batch() as stored:
            found = discover(inputs, report.skipped)
            for result in _results(store, found, options, jobs, engine, scheduler, addresses):
                stored()
                report.documents += 1
                if result.error:
                    report.errors.append((result.source, result.error))
                elif result.unchanged:
                    report.unchanged += 1
                report.kinds.update(dict(result.kinds))
                if on_result:
                    on_result(result)
        report.not_fetched = addresses.skipped
        if options.prune:
            report.pruned = _prune(store, inputs)
    finally:
        store.close()
    return report


# A web archive's record is stored as FILE#YYYYMMDDhhmmss/URI (see catalog.warc).
_ARCHIVED_RECORD = re.compile(r"#\d{14}/")


def _prune(store: Store, inputs: list[str]) -> int:
    """Drop the documents of the files under the scanned folders that are no longer there
    (deleted, renamed, moved away), with the records of web archives gone with them."""
    gone: list[str] = []
    for given in inputs:
        folder = Path(given)
        if not folder.is_dir() or folder.is_symlink():
            continue
        prefix = os.path.join(folder.resolve(), "")
        for doc_id, source in store.documents_under(prefix):
            record = _ARCHIVED_RECORD.search(source)
            if not os.path.exists(source[: record.start()] if record else source):
                gone.append(doc_id)
    return store.drop_documents(gone)


@dataclass
class _Addresses:
    """The addresses of one scan: each fetched once, whoever lists it and however often; of
    those sitemaps and feeds list (and the sitemaps an index lists), at most `limit`."""

    limit: int
    on_notice: Callable[[str], None] | None = None
    seen: set[str] = field(default_factory=set)
    listed: int = 0
    skipped: int = 0

    def take(self, url: str, listed: bool) -> bool:
        """Whether to fetch `url` (given as an input, or `listed` by a sitemap or feed)."""
        key = url.split("#", 1)[0]  # a fragment is never sent: the same page
        if key in self.seen:
            return False
        if listed:
            if self.listed >= self.limit:
                if not self.skipped and self.on_notice:
                    self.on_notice(
                        f"sitemaps and feeds list more than {self.limit:,} addresses: "
                        "the rest are not fetched (see --max-pages)"
                    )
                self.skipped += 1
                return False
            self.listed += 1
        self.seen.add(key)
        return True


_Outcome = tuple[DocumentRecord, list[tuple[Media, Mention]]] | str


def _results(
    store: Store,
    paths: Iterator[str],
    options: ScanOptions,
    jobs: int,
    engine: str = "local",
    scheduler: str | None = None,
    addresses: _Addresses | None = None,
) -> Iterator[DocumentResult]:
    web = _Web(options)
    try:
        window = max(jobs, 2) * 4  # documents in flight: enough to keep workers busy, little memory
        pending: deque[tuple[str, Future[_Outcome] | str | None]] = deque()
        with executor(jobs, engine, scheduler) as pool:
            for path, item in _inputs(paths, web, options, addresses or _Addresses(options.max_pages)):
                if engine == "dask" and isinstance(item, str):
                    item = _read(path, options)  # workers elsewhere need not see our files
                if isinstance(item, DocumentResult):
                    pending.append((path, item.error))
                elif _unchanged(store, item, options) is not None:
                    pending.append((path, None))
                else:
                    pending.append((path, pool.submit(_work, item, options)))
                while len(pending) > window or (pending and _ready(pending[0][1])):
                    yield _next(store, pending)
            while pending:
                yield _next(store, pending)
    finally:
        web.close()


class _Web:
    """The fetcher of page addresses, made when the first address is met: a scan of files and
    archives never imports httpx."""

    def __init__(self, options: ScanOptions) -> None:
        self.options = options
        self._fetcher: Fetcher | None = None

    def has(self, entry: str) -> bool:
        """An address to fetch (http or https), as the fetcher judges it."""
        if "://" not in entry:
            return False
        from catalog.fetch import is_url

        return is_url(entry)

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from catalog.fetch import Fetcher, FetchOptions

            options = self.options
            self._fetcher = Fetcher(
                FetchOptions(
                    max_bytes=options.max_bytes,
                    # a page's fetch has the document's time budget, apart from its reading
                    deadline=options.time_budget if options.time_budget > 0 else FetchOptions.deadline,
                    host_delay=options.host_delay,
                    per_host=options.per_host,
                    concurrency=options.concurrency,
                    respect_robots=not options.ignore_robots,
                    allow_private=options.allow_private,
                )
            )
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def _ready(outcome: Future[_Outcome] | str | None) -> bool:
    """The oldest document in flight can be stored without waiting."""
    return not isinstance(outcome, Future) or outcome.done()


# An input as this process hands it on: a file for a worker to read, a page already read (fetched
# or from a web archive), or the reason it could not be read.
_Item = str | Source | DocumentResult
_MAX_NESTING = 3  # sitemap index -> sitemap -> pages
# Inputs on their way, in order: (source, nesting depth, its fetch or what is known of it).
_Ahead = deque[tuple[str, int, Future[Source | list[str] | DocumentResult] | _Item]]


def _inputs(
    paths: Iterator[str], web: _Web, options: ScanOptions, addresses: _Addresses
) -> Iterator[tuple[str, _Item]]:
    """Every input in order, each with what this process knows of it. Addresses are fetched by
    `options.concurrency` threads sharing one client (its per-host limits and delays apply), a
    few ahead of the one being scanned, each once; a sitemap or feed gives way to the pages it
    lists (at most `options.max_pages` in all), and a web archive to its pages, read record by
    record."""
    window = max(options.concurrency, 1) * 2
    stack: list[tuple[Iterator[_Entry], int]] = [(paths, 0)]
    ahead: _Ahead = deque()
    with ThreadPoolExecutor(max_workers=max(options.concurrency, 1), thread_name_prefix="fetch") as threads:
        try:
            while True:
                while len(ahead) < window and stack:
                    _look_ahead(stack, ahead, threads, web, options, addresses)
                if not ahead:
                    return
                path, depth, next_up = ahead.popleft()
                got = next_up.result() if isinstance(next_up, Future) else next_up
                if not isinstance(got, list):
                    yield path, got
                elif depth >= _MAX_NESTING:
                    yield path, DocumentResult(path, error="a sitemap or feed nested too deep to follow")
                else:
                    stack.append((iter(got), depth + 1))
        finally:  # a scan stopped early (interrupted, failed) drops the fetches not yet begun
            threads.shutdown(wait=False, cancel_futures=True)
            web.close()  # and cuts those under way, so that the threads end now


# What the inputs, a sitemap or an archive list: a path or address, a page read from an archive,
# or (source, error) for a record or archive that cannot be read.
_Entry = str | Source | tuple[str, str]


def _look_ahead(
    stack: list[tuple[Iterator[_Entry], int]],
    ahead: _Ahead,
    threads: ThreadPoolExecutor,
    web: _Web,
    options: ScanOptions,
    addresses: _Addresses,
) -> None:
    """Take the next entry of the innermost list: an address starts fetching (unless this scan
    has it already, or is over --max-pages), an archive opens its own list, anything else is
    queued as it is."""
    entries, depth = stack[-1]
    entry = next(entries, None)
    if entry is None:
        stack.pop()
    elif isinstance(entry, Source):
        ahead.append((entry.source, depth, entry))
    elif isinstance(entry, tuple):
        ahead.append((entry[0], depth, DocumentResult(source=entry[0], error=entry[1])))
    elif web.has(entry):
        if addresses.take(entry, listed=depth > 0):
            ahead.append((entry, depth, threads.submit(_fetch, web.fetcher(), entry)))
    elif is_warc(entry):
        stack.append((warc_sources(entry, options.max_bytes), depth + 1))
    else:
        ahead.append((entry, depth, _local(entry)))


def _read(path: str, options: ScanOptions) -> Source | DocumentResult:
    try:
        return read_source(path, options.max_bytes)
    except InputError as exc:
        return DocumentResult(source=path, error=str(exc))


def _local(path: str) -> str | DocumentResult:
    """A file path as it is (read where it is scanned); an address of another scheme refused."""
    scheme = path.split("://", 1)[0] if "://" in path else ""
    if scheme.isalpha():
        return DocumentResult(source=path, error=f"refused: {scheme} scheme (only http and https)")
    return path


def _fetch(fetcher: Fetcher, url: str) -> Source | list[str] | DocumentResult:
    """The page at `url`, the pages it lists (a sitemap or feed), or why it cannot be read."""
    from catalog.fetch import FeedFound

    try:
        return fetcher.fetch(url)
    except InputError as exc:
        return DocumentResult(source=url, error=str(exc))
    except FeedFound as feed:
        return feed.links
    except Exception as exc:  # noqa: BLE001 - whatever happens to one address is its line
        return DocumentResult(source=url, error=f"cannot fetch: {type(exc).__name__}: {exc}")


def _next(store: Store, pending: deque[tuple[str, Future[_Outcome] | str | None]]) -> DocumentResult:
    """Store the oldest document in flight (waiting for its worker): results keep input order."""
    path, future = pending.popleft()
    if future is None:
        return DocumentResult(source=path, unchanged=True)
    if isinstance(future, str):
        return _stored(store, path, future)
    return _stored(store, path, future.result())


def _unchanged(store: Store, item: str | Source, options: ScanOptions) -> DocumentResult | None:
    """The input as stored, if its bytes and the scanner are the same as then."""
    if options.force:
        return None
    path = item.source if isinstance(item, Source) else item
    stored = store.document(document_id(path))
    if not stored or stored["error"] is not None or stored["scanner"] != scanner_id():
        return None
    sha = item.sha256 if isinstance(item, Source) else _sha256_of(path)
    return DocumentResult(source=path, unchanged=True) if sha == stored["sha256"] else None


def _work(path: str | Source, options: ScanOptions) -> _Outcome:
    """Read, parse, extract and assemble one input (in a worker process with --jobs): the
    record and rows to store, or the one-line reason it failed."""
    try:
        with _time_budget(options.time_budget):
            return scan_source(path, options)
    except InputError as exc:
        return str(exc)
    except (RecursionError, MemoryError, ValueError, LookupError) as exc:
        return f"could not be parsed: {type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001 - a scanner bug fails this input, never the scan
        return f"scanner error: {type(exc).__name__}: {exc}"


def _stored(store: Store, path: str, outcome: _Outcome) -> DocumentResult:
    if isinstance(outcome, str):
        return _failed(store, path, outcome)
    record, rows = outcome
    store.save_document(record, rows)
    return DocumentResult(source=path, kinds=tuple(Counter(m.kind for m, _ in rows).items()))


class _OverBudget(InputError):
    pass


@contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Interrupt reading, parsing and extracting one document after `seconds` (a timer signal,
    which also stops a runaway regular expression). Only in the main thread, where signals are
    delivered; elsewhere the document runs unbounded."""
    usable = (
        seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _OverBudget(f"took longer than the time budget of {seconds:g} s (see --time-budget)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failed(store: Store, path: str, error: str) -> DocumentResult:
    store.record_error(
        DocumentRecord(
            id=document_id(path),
            source=path,
            url=None,
            title=None,
            published_at=None,
            format=None,
            language=None,
            sha256=None,
            bytes=None,
            scanned_at=_now(),
            error=error,
            media_count=0,
            scanner=scanner_id(),
        )
    )
    return DocumentResult(source=path, error=error)


def _sha256_of(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None
