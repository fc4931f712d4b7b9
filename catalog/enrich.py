"""`catalog enrich`: look at the media themselves (httpx + Pillow).

For a photo with an address: download it within a size limit, and record its width, height,
format, the SHA-256 of its bytes, a perceptual hash (dHash: near-duplicates differ in few bits),
EXIF capture time, camera and GPS position, IPTC by-line, credit and caption (filling the
catalogue's credit and caption only where the page gave none), and a small JPEG thumbnail the
catalogue shows offline. For every media address: availability (`ok`, `removed`, `restricted`,
`unreachable`) with the HTTP status and when it was checked, as the platform means it: pages of
apps that answer 200 for any post say nothing, and with `--oembed` the platform's oEmbed endpoint
is asked instead (a removed tweet is a 404 there), which also gives title, author and thumbnail.

Every download goes through catalog.fetch's safety rules (http and https only; no private or
local address unless allowed; checked on every redirect). Each item is written on its own, so an
interrupted run loses nothing and the next one resumes with what is left (`--max-age`).
"""

from __future__ import annotations

import hashlib
import io
import json
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from PIL import ExifTags, Image, ImageFile, IptcImagePlugin, UnidentifiedImageError

from catalog.errors import InputError, StoreError
from catalog.fetch import Fetcher, FetchOptions
from catalog.providers import APP_PAGES, OEMBED_ENDPOINTS
from catalog.store import Store

__all__ = ["EnrichReport", "dhash", "enrich", "read_image"]

THUMBNAIL_SIDE = 160
MAX_IMAGE_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 80_000_000  # refuse decompression bombs (Pillow's own warning threshold is 89M)
_GPS = 0x8825
_EXIF = 0x8769


@dataclass
class EnrichReport:
    checked: int = 0
    images: int = 0
    unavailable: int = 0
    skipped: int = 0

    def summary(self) -> str:
        return (
            f"checked {self.checked:,} media: {self.images:,} pictures read, "
            f"{self.unavailable:,} unavailable, {self.skipped:,} checked recently"
        )


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


def read_image(data: bytes) -> dict[str, Any]:
    """What the bytes of a picture say: size, format, hashes, EXIF, IPTC and a thumbnail.
    Raises InputError if they are no picture Pillow can read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise InputError(f"picture of {image.width}x{image.height} pixels is over the limit")
            image.load()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
    ) as exc:
        raise InputError(f"not a picture Pillow can read: {exc}") from exc
    fields: dict[str, Any] = {
        "width": image.width,
        "height": image.height,
        "image_format": image.format,
        "image_sha256": hashlib.sha256(data).hexdigest(),
        "phash": dhash(image),
    }
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
    thumb = image.convert("RGB")
    thumb.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    buffer = io.BytesIO()
    thumb.save(buffer, "JPEG", quality=70, optimize=True)
    fields["thumbnail"] = buffer.getvalue()
    return fields


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
) -> EnrichReport:
    """Check and read the catalogue's media, `concurrency` at a time; each item is saved (by
    this thread alone) as soon as it is done. With `oembed`, posts and clips of platforms with
    a public oEmbed endpoint (`endpoints`, by provider) are looked up there instead."""
    if not Path(db_path).exists():
        raise StoreError(f"no catalogue at {db_path}: run `catalog scan` first")
    report = EnrichReport()
    store = Store(db_path)
    fetcher = Fetcher(
        FetchOptions(
            max_bytes=MAX_IMAGE_BYTES,
            allow_private=allow_private,
            respect_robots=False,
            host_delay=0.2,
            per_host=2,
            concurrency=concurrency,
        )
    )
    lookups = (OEMBED_ENDPOINTS if endpoints is None else endpoints) if oembed else {}
    now = datetime.now(UTC)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        since = (now - max_age).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows = store.media_to_check(since, limit)
        if on_total:
            on_total(len(rows))
        with ThreadPoolExecutor(max_workers=max(concurrency, 1), thread_name_prefix="enrich") as threads:
            for row, fields in _in_order(
                threads, lambda row: _check(fetcher, row, lookups), rows, concurrency * 2
            ):
                report.checked += 1
                fields["checked_at"] = stamp
                store.save_enrichment(row["id"], fields)
                if fields.get("availability") not in ("ok", None):
                    report.unavailable += 1
                if "image_sha256" in fields:
                    report.images += 1
                if on_item:
                    on_item(row["id"], str(fields.get("availability") or "unknown"))
        report.skipped = store.recently_checked(since)
    finally:
        fetcher.close()
        store.close()
    return report


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


def _check(fetcher: Fetcher, row: dict[str, Any], lookups: dict[str, str]) -> dict[str, Any]:
    url = row["url"]
    provider = row["provider"]
    if provider in lookups:
        return _oembed(fetcher, lookups[provider] + quote(url, safe=""))
    try:
        status, data, content_type = fetcher.download(url)
    except InputError as exc:
        return {"availability": "unreachable", "http_status": None, "check_error": str(exc)}
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
            fields.update(read_image(data))
        except InputError as exc:
            fields["check_error"] = str(exc)
    return fields


def _oembed(fetcher: Fetcher, lookup: str) -> dict[str, Any]:
    """Availability, title, author and thumbnail from the platform's oEmbed endpoint."""
    try:
        status, data, _ = fetcher.download(lookup)
    except InputError as exc:
        return {"availability": "unreachable", "http_status": None, "check_error": f"oEmbed: {exc}"}
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
