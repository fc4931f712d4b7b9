"""Web archives: the pages inside WARC files (warcio), read as a stream.

Every `response` record whose HTTP content type is HTML (or plain text) becomes one Source, with
the record's target URI as the page's address and its WARC-Date as the capture date. Its
`source` names the file and the capture the way archives do, `FILE#YYYYMMDDhhmmss/URI`, so
every item leads back to the record it came from. Records are read one at a time: memory stays
flat however large the archive. A record that cannot be read is one error for that record; a
broken archive ends with one error, after the records read before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from catalog.errors import InputError
from catalog.sources import Source, page_source

if TYPE_CHECKING:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.recordloader import ArcWarcRecord

__all__ = ["WARC_SUFFIXES", "is_warc", "warc_sources"]

WARC_SUFFIXES = (".warc", ".warc.gz")  # what discovery lists as ARCHIVE_SUFFIXES
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def _stamp(warc_date: str) -> str:
    """2016-12-16T12:00:05Z -> 20161216120005 (the 14 digits of a Wayback address)."""
    return "".join(c for c in warc_date if c.isdigit())[:14]


def warc_sources(path: str, max_bytes: int) -> Iterator[Source | tuple[str, str]]:
    """Each page of the archive at `path` as a Source, or `(source, error)` for a record or an
    archive that cannot be read."""
    from warcio.archiveiterator import ArchiveIterator  # here: a scan of files needs no warcio

    try:
        size = Path(path).stat().st_size
        with Path(path).open("rb") as stream:
            yield from _pages(ArchiveIterator(stream), path, size, max_bytes)
    except OSError as exc:
        yield path, f"cannot read: {exc.strerror or exc}"


def _pages(
    records: ArchiveIterator, path: str, size: int, max_bytes: int
) -> Iterator[Source | tuple[str, str]]:
    from warcio.exceptions import ArchiveLoadFailed

    end = 0  # where the last whole record ended
    while True:
        try:
            record = next(records, None)
        except (ArchiveLoadFailed, ValueError, EOFError, AttributeError) as exc:
            yield path, f"broken web archive after byte {end:,}: {exc or type(exc).__name__}"
            return
        if record is None:
            if size - end > 8:  # more than the closing blank lines: a record cut in its headers
                yield path, f"broken web archive: the {size - end:,} bytes after byte {end:,} are no record"
            return
        if record.rec_type is None:
            yield path, f"broken web archive: the record at byte {end:,} has its headers cut short"
            return
        page = _page_of(record, path, max_bytes)
        records.read_to_end(record)
        if getattr(record.raw_stream, "limit", 0) > 0:
            yield path, f"broken web archive: the record at byte {end:,} is cut short"
            return
        end = records.get_record_offset() + records.get_record_length()
        if page is not None:
            yield page


def _page_of(record: ArcWarcRecord, path: str, max_bytes: int) -> Source | tuple[str, str] | None:
    """The page an archived response holds, why it cannot be read, or None for any other record
    (requests, metadata, pictures, redirects, errors)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    media_type = content_type.split(";")[0].strip()
    if not status.startswith("2") or not media_type.startswith(_PAGE_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    date = record.rec_headers.get_header("WARC-Date") or ""
    source = f"{path}#{_stamp(date)}/{uri}"
    try:
        body = record.content_stream().read(max_bytes + 1)
    except (OSError, ValueError, EOFError) as exc:  # a truncated or badly compressed record
        return source, f"record cannot be read: {exc}"
    if len(body) > max_bytes:
        return source, f"record is over the {max_bytes:,}-byte limit (see --max-mb)"
    if not body.strip():
        return source, "empty record"
    charset = content_type.partition("charset=")[2].split(";")[0].strip(" \"'")
    try:
        return page_source(
            source,
            body,
            html="html" in media_type,
            declared=charset or None,
            url=uri or None,
            captured_at=date or None,
        )
    except InputError as exc:  # binary data under a page's content type
        return source, str(exc)
