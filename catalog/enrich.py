"""`catalog enrich`: look at the media themselves (httpx + Pillow).

For a photo with an address: download it within a size limit, and record its width, height,
format, the SHA-256 of its bytes, a perceptual hash (dHash: near-duplicates differ in few bits),
EXIF capture time, camera and GPS position, IPTC by-line, credit and caption (filling the
catalogue's credit and caption only where the page gave none), and a small JPEG thumbnail the
catalogue shows offline. For every media address: availability (`ok`, `removed`, `restricted`,
`unreachable`) with the HTTP status and when it was checked.

Every download goes through catalog.fetch's safety rules (http and https only; no private or
local address unless allowed; checked on every redirect). Each item is written on its own, so an
interrupted run loses nothing and the next one resumes with what is left (`--max-age`).
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import ExifTags, Image, ImageFile, IptcImagePlugin, UnidentifiedImageError

from catalog.errors import InputError, StoreError
from catalog.fetch import Fetcher, FetchOptions
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


def _availability(status: int) -> str:
    if status < 400:
        return "ok"
    if status in (404, 410):
        return "removed"
    if status in (401, 403, 451):
        return "restricted"
    return "unreachable"


def enrich(
    db_path: str | Path,
    max_age: timedelta = timedelta(days=7),
    allow_private: bool = False,
    on_item: Callable[[str, str], None] | None = None,
    limit: int | None = None,
) -> EnrichReport:
    """Check and read the catalogue's media; each item is saved as soon as it is done."""
    if not Path(db_path).exists():
        raise StoreError(f"no catalogue at {db_path}: run `catalog scan` first")
    report = EnrichReport()
    store = Store(db_path)
    fetcher = Fetcher(
        FetchOptions(
            max_bytes=MAX_IMAGE_BYTES, allow_private=allow_private, respect_robots=False, host_delay=0.2
        )
    )
    now = datetime.now(UTC)
    try:
        for row in store.media_to_check((now - max_age).strftime("%Y-%m-%dT%H:%M:%SZ"), limit):
            report.checked += 1
            fields = _check(fetcher, row)
            fields["checked_at"] = now.strftime("%Y-%m-%dT%H:%M:%SZ")
            store.save_enrichment(row["id"], fields)
            if fields.get("availability") != "ok":
                report.unavailable += 1
            if "image_sha256" in fields:
                report.images += 1
            if on_item:
                on_item(row["id"], str(fields.get("availability")))
        report.skipped = store.recently_checked((now - max_age).strftime("%Y-%m-%dT%H:%M:%SZ"))
    finally:
        fetcher.close()
        store.close()
    return report


def _check(fetcher: Fetcher, row: dict[str, Any]) -> dict[str, Any]:
    url = row["url"]
    try:
        status, data, content_type = fetcher.download(url)
    except InputError as exc:
        return {"availability": "unreachable", "http_status": None, "check_error": str(exc)}
    fields: dict[str, Any] = {
        "availability": _availability(status),
        "http_status": status,
        "check_error": None,
    }
    if status < 400 and row["kind"] == "photo" and content_type.startswith("image/"):
        try:
            fields.update(read_image(data))
        except InputError as exc:
            fields["check_error"] = str(exc)
    return fields
