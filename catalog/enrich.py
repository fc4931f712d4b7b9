"""`catalog enrich`: look at the media themselves (httpx + Pillow).

For a photo with an address: download it within a size limit, and record its width, height,
format, the SHA-256 of its bytes, a perceptual hash (dHash: near-duplicates differ in few bits),
EXIF capture time, camera and GPS position, IPTC by-line, credit and caption (filling the
catalogue's credit and caption only where the page gave none), and a small JPEG thumbnail the
catalogue shows offline. For every media address: availability (`ok`, `removed`, `restricted`,
`unreachable`) with the HTTP status and when it was checked, as the platform means it: pages of
apps that answer 200 for any post say nothing, and with `--oembed` the platform's oEmbed endpoint
is asked instead (a removed tweet is a 404 there), which also gives title, author and thumbnail.
An address the guard refuses is `refused` and stays unchecked (nobody asked it: a run with
`--allow-private` checks it); an address no request can be made of, or a check that failed for
any other reason, is `error`, with the reason in `check_error`. Whatever happens to one item is
that item's status: no item ends the run.

Every download goes through catalog.fetch's door (http and https only; no private or local
address unless allowed, checked on the address connected to, on every redirect; a deadline per
item; a size limit). Pictures are decoded at the size the hash and the thumbnail need (JPEG's
DCT scaling), and the pixels decoded at once by all threads are bounded (`DECODE_BUDGET`), so
memory does not grow with `--concurrency`. Each item is written on its own, so an interrupted
run loses nothing and the next one resumes with what is left (`--max-age`).
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from PIL import ExifTags, Image, ImageFile, IptcImagePlugin
from PIL import _imaging as pillow_core  # Pillow's block allocator (documented, "Block Allocator")

from catalog.errors import InputError, RefusedError, StoreError, UnreachableError
from catalog.fetch import Fetcher, FetchOptions
from catalog.options import DEFAULT_ENRICH_DEADLINE
from catalog.providers import APP_PAGES, OEMBED_ENDPOINTS
from catalog.store import Store

__all__ = ["DEADLINE", "DECODE_BUDGET", "EnrichReport", "dhash", "enrich", "read_image"]

THUMBNAIL_SIDE = 160
MAX_IMAGE_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 80_000_000  # refuse decompression bombs (Pillow's own warning threshold is 89M)
DEADLINE = DEFAULT_ENRICH_DEADLINE  # seconds to fetch one item whole (its redirects, retries and body)
# Bytes of decoded pixels all threads hold at once (Pillow keeps 4 bytes a pixel for colour):
# a picture waits for its share; one larger than the whole waits to be decoded alone.
DECODE_BUDGET = 512 * 1024 * 1024
_GPS = 0x8825
_EXIF = 0x8769


@dataclass
class EnrichReport:
    checked: int = 0
    images: int = 0
    unavailable: int = 0
    errors: int = 0
    refused: int = 0  # by the address guard: not checked
    skipped: int = 0

    def summary(self) -> str:
        errors = f"{self.errors:,} errors, " if self.errors else ""
        refused = (
            f"; {self.refused:,} refused by the address guard and not checked (see --allow-private)"
            if self.refused
            else ""
        )
        return (
            f"checked {self.checked:,} media: {self.images:,} pictures read, "
            f"{self.unavailable:,} unavailable, {errors}{self.skipped:,} checked recently{refused}"
        )


class _DecodeBudget:
    """Bytes of decoded pixels held at once by the threads that read pictures."""

    def __init__(self, total: int = DECODE_BUDGET) -> None:
        self.total = total
        self.used = 0
        self._free = threading.Condition()

    @contextmanager
    def share(self, size: int) -> Iterator[None]:
        """Hold `size` bytes of the budget (all of it, alone, when `size` is more)."""
        with self._free:
            self._free.wait_for(lambda: self.used == 0 or self.used + size <= self.total)
            self.used += size
        try:
            yield
        finally:
            with self._free:
                self.used -= size
                self._free.notify_all()


def dhash(image: Image.Image) -> str:
    """A 64-bit difference hash: each bit says whether a pixel is brighter than its right-hand
    neighbour in a 9x8 greyscale reduction. Resized or recompressed copies differ in few bits."""
    pixels = image.convert("L").resize((9, 8), Image.Resampling.LANCZOS).tobytes()
    bits = 0
    for row in range(8):
        for col in range(8):
            bits = (bits << 1) | (pixels[row * 9 + col] > pixels[row * 9 + col + 1])
    return f"{bits:016x}"


def _ratio(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return float("nan")


def _degrees(values: Any, ref: Any) -> float | None:
    try:
        d, m, s = (_ratio(v) for v in values)
    except (TypeError, ValueError):
        return None
    decimal = d + m / 60 + s / 3600
    if decimal != decimal:  # NaN
        return None
    return round(-decimal if str(ref).upper() in ("S", "W") else decimal, 6)


def _iptc(image: ImageFile.ImageFile) -> dict[str, str]:
    info = IptcImagePlugin.getiptcinfo(image) or {}
    out: dict[str, str] = {}
    for key, name in (((2, 80), "byline"), ((2, 110), "credit"), ((2, 120), "caption")):
        value = info.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, bytes):
            text = value.decode("utf-8", errors="replace").strip()
            if text:
                out[name] = text
    return out


def read_image(data: bytes, budget: _DecodeBudget | None = None) -> dict[str, Any]:
    """What the bytes of a picture say: size, format, hashes, EXIF, IPTC and a thumbnail.
    Raises InputError if they are no picture Pillow can open. A picture that opens but does not
    decode or convert (a LAB TIFF, a truncated file) keeps what its header and metadata say,
    with the reason in `check_error`. Run under a filter making Pillow's
    DecompressionBombWarning an error (enrich sets one for its run)."""
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        image_format = image.format
    except Exception as exc:  # noqa: BLE001 - Pillow's plugins raise many kinds
        raise InputError(f"not a picture Pillow can read: {exc}") from exc
    if width * height > MAX_PIXELS:
        raise InputError(f"picture of {width}x{height} pixels is over the limit")
    fields: dict[str, Any] = {
        "width": width,
        "height": height,
        "image_format": image_format,
        "image_sha256": hashlib.sha256(data).hexdigest(),
    }
    # Decoded no larger than the hash and the thumbnail need: a JPEG at 1/2, 1/4 or 1/8 of its
    # size (its DCT scaling; other formats ignore this), within the picture's share of the
    # budget. Its metadata too: a PNG's EXIF may follow its pixels, and reading it decodes them.
    image.draft(None, (THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    with (budget or _DecodeBudget()).share(image.width * image.height * 4):
        try:
            fields.update(_pixels(image))
        except Exception as exc:  # noqa: BLE001 - a picture that will not decode is this item's error
            fields["check_error"] = f"picture not decoded: {type(exc).__name__}: {exc}"
        try:
            fields.update(_metadata(image))
        except Exception as exc:  # noqa: BLE001 - nor will broken metadata end the item
            fields["check_error"] = (
                fields.get("check_error") or f"metadata not read: {type(exc).__name__}: {exc}"
            )
    return fields


def _metadata(image: ImageFile.ImageFile) -> dict[str, Any]:
    """EXIF capture time, camera and GPS position; IPTC by-line, credit and caption."""
    fields: dict[str, Any] = {}
    exif = image.getexif()
    sub = exif.get_ifd(_EXIF)
    taken = sub.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
    if isinstance(taken, str) and taken.strip():
        fields["captured_at"] = taken.strip().replace(":", "-", 2).replace(" ", "T")
    camera = " ".join(
        str(v).strip() for v in (exif.get(ExifTags.Base.Make), exif.get(ExifTags.Base.Model)) if v
    )
    if camera:
        fields["camera"] = camera
    gps = exif.get_ifd(_GPS)
    if gps:
        lat = _degrees(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef))
        lon = _degrees(gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef))
        if lat is not None and lon is not None:
            fields["gps_lat"], fields["gps_lon"] = lat, lon
    fields.update({f"iptc_{k}": v for k, v in _iptc(image).items()})
    return fields


def _pixels(image: ImageFile.ImageFile) -> dict[str, Any]:
    """The perceptual hash and the thumbnail (the picture decoded, reduced in place: the large
    pixels are let go at once)."""
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    thumb = image.convert("RGB")
    buffer = io.BytesIO()
    thumb.save(buffer, "JPEG", quality=70, optimize=True)
    return {"phash": dhash(thumb), "thumbnail": buffer.getvalue()}


# What a status means, the same on the platforms' pages and their oEmbed endpoints: a tweet,
# a video or a post that answers 404 or 410 was removed; 401 and 403 (a protected account, a
# private video, embedding turned off) and 451 (withheld in a country) are restricted.
_STATUS = {404: "removed", 410: "removed", 401: "restricted", 403: "restricted", 451: "restricted"}


def _availability(status: int) -> str:
    if status < 400:
        return "ok"
    return _STATUS.get(status, "unreachable")


def enrich(
    db_path: str | Path,
    max_age: timedelta = timedelta(days=7),
    allow_private: bool = False,
    on_item: Callable[[str, str], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    limit: int | None = None,
    concurrency: int = 4,
    oembed: bool = False,
    endpoints: dict[str, str] | None = None,
    on_notice: Callable[[str], None] | None = None,
    deadline: float = DEADLINE,
    decode_budget: int = DECODE_BUDGET,
) -> EnrichReport:
    """Check and read the catalogue's media, `concurrency` at a time; each item is saved (by
    this thread alone) as soon as it is done. With `oembed`, posts and clips of platforms with
    a public oEmbed endpoint (`endpoints`, by provider) are looked up there instead. Each item
    is fetched within `deadline` seconds; the pictures decoded at once hold at most
    `decode_budget` bytes of pixels. `on_notice` hears that another process is writing
    the catalogue and this run waits."""
    if not Path(db_path).exists():
        raise StoreError(f"no catalogue at {db_path}: run `catalog scan` first")
    report = EnrichReport()
    store = Store(db_path)
    store.on_wait = on_notice
    fetcher = Fetcher(
        FetchOptions(
            max_bytes=MAX_IMAGE_BYTES,
            deadline=deadline,
            allow_private=allow_private,
            respect_robots=False,
            host_delay=0.2,
            per_host=2,
            concurrency=concurrency,
            size_option="",
        )
    )
    budget = _DecodeBudget(decode_budget)
    lookups = (OEMBED_ENDPOINTS if endpoints is None else endpoints) if oembed else {}
    now = datetime.now(UTC)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    threads = ThreadPoolExecutor(max_workers=max(concurrency, 1), thread_name_prefix="enrich")
    try:
        since = (now - max_age).strftime("%Y-%m-%dT%H:%M:%SZ")
        report.skipped = store.recently_checked(since)
        rows = store.media_to_check(since, limit)
        if on_total:
            on_total(len(rows))
        with warnings.catch_warnings(), _pillow_blocks(decode_budget):  # once for all the threads
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            checks = _in_order(
                threads, lambda row: _check(fetcher, row, lookups, budget), rows, concurrency * 2
            )
            for row, fields in checks:
                _record(store, report, row, fields, stamp)
                if on_item:
                    on_item(row["id"], str(fields.get("availability") or "unknown"))
    finally:
        threads.shutdown(wait=False, cancel_futures=True)  # stopped early: nothing more begins
        fetcher.close()  # and the downloads under way end now
        threads.shutdown(wait=True)
        store.close()
    return report


@contextmanager
def _pillow_blocks(budget: int) -> Iterator[None]:
    """Pillow keeps the memory blocks of decoded pictures for the next one (as many as the
    budget holds) instead of freeing them: freed, they stay with the allocator of the thread
    that decoded them, and eight threads decoding in turn held eight pictures' worth (2 GB for
    eight 80-megapixel PNGs; 0.4 GB so). Pillow's setting, restored after the run."""
    before = pillow_core.get_blocks_max()
    pillow_core.set_blocks_max(max(before, budget // pillow_core.get_block_size() + 1))
    try:
        yield
    finally:
        pillow_core.set_blocks_max(before)


def _record(
    store: Store, report: EnrichReport, row: dict[str, Any], fields: dict[str, Any], stamp: str
) -> None:
    """Save one item's outcome. A refusal is no check: it is recorded only on an item never
    checked, without `checked_at`, so the next run (with --allow-private) checks it."""
    status = fields.get("availability")
    if status == "refused":
        report.refused += 1
        if row.get("checked_at") is None:
            store.save_enrichment(row["id"], fields)
        return
    report.checked += 1
    fields["checked_at"] = stamp
    store.save_enrichment(row["id"], fields)
    if status in ("removed", "restricted", "unreachable"):
        report.unavailable += 1
    elif status == "error":
        report.errors += 1
    if "phash" in fields:
        report.images += 1


def _in_order(
    threads: ThreadPoolExecutor,
    check: Callable[[dict[str, Any]], dict[str, Any]],
    rows: list[dict[str, Any]],
    window: int,
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Each row with its check's fields, in order, with at most `window` checks under way."""
    ahead: deque[tuple[dict[str, Any], Future[dict[str, Any]]]] = deque()
    for row in rows:
        ahead.append((row, threads.submit(check, row)))
        if len(ahead) >= window:
            done, future = ahead.popleft()
            yield done, future.result()
    while ahead:
        done, future = ahead.popleft()
        yield done, future.result()


def _check(
    fetcher: Fetcher, row: dict[str, Any], lookups: dict[str, str], budget: _DecodeBudget
) -> dict[str, Any]:
    """One item's fields; never raises: whatever happens is the item's status."""
    try:
        return _look(fetcher, row, lookups, budget)
    except Exception as exc:  # noqa: BLE001 - one item's failure is its status, never the run's end
        return {"availability": "error", "http_status": None, "check_error": f"{type(exc).__name__}: {exc}"}


def _failed(exc: InputError, prefix: str = "") -> dict[str, Any]:
    """What a request that got no answer says of the item: refused by the guard (not asked),
    unreachable (asked, no answer), or an error (no request could be made of the address)."""
    if isinstance(exc, RefusedError):
        status = "refused"
    elif isinstance(exc, UnreachableError):
        status = "unreachable"
    else:
        status = "error"
    return {"availability": status, "http_status": None, "check_error": f"{prefix}{exc}"}


def _look(
    fetcher: Fetcher, row: dict[str, Any], lookups: dict[str, str], budget: _DecodeBudget
) -> dict[str, Any]:
    url = row["url"]
    provider = row["provider"]
    if provider in lookups:
        return _oembed(fetcher, lookups[provider] + quote(url, safe=""))
    try:
        status, data, content_type = fetcher.download(url)
    except InputError as exc:
        return _failed(exc)
    fields: dict[str, Any] = {
        "availability": _availability(status),
        "http_status": status,
        "check_error": None,
    }
    if status < 400 and provider in APP_PAGES:
        fields["availability"] = None  # the page is the app's shell, whatever became of the post
        fields["check_error"] = f"a {status} from {provider} says nothing of the post (see --oembed)"
    if status < 400 and row["kind"] == "photo" and content_type.startswith("image/"):
        try:
            fields.update(read_image(data, budget))
        except InputError as exc:
            fields["check_error"] = str(exc)
    return fields


def _oembed(fetcher: Fetcher, lookup: str) -> dict[str, Any]:
    """Availability, title, author and thumbnail from the platform's oEmbed endpoint."""
    try:
        status, data, _ = fetcher.download(lookup)
    except InputError as exc:
        return _failed(exc, "oEmbed: ")
    fields: dict[str, Any] = {
        "availability": _availability(status),
        "http_status": status,
        "check_error": None,
    }
    if status >= 400:
        return fields
    try:
        answer = json.loads(data)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        fields["check_error"] = "oEmbed: the answer is no JSON object"
        return fields
    for key, column in (
        ("title", "oembed_title"),
        ("author_name", "oembed_author"),
        ("thumbnail_url", "thumbnail_url"),
    ):
        value = answer.get(key)
        if isinstance(value, str) and value.strip():
            fields[column] = value.strip()
    return fields
