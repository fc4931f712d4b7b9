"""Inputs to bytes to text: files and folders (recursive), gzip, byte-order marks and charsets.

Sources know bytes, encodings and page addresses; they never look for media.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import hashlib
import os
import re
import stat
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from catalog.errors import InputError

__all__ = [
    "ARCHIVE_SUFFIXES",
    "HTML_SUFFIXES",
    "TEXT_SUFFIXES",
    "Source",
    "SCANNED_SUFFIXES",
    "decode",
    "discover",
    "page_source",
    "read_source",
]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# ".story": the CNN/DailyMail summarisation corpus keeps each article so, a plain text
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".story")
ARCHIVE_SUFFIXES = (".warc",)  # web archives, read record by record (catalog.warc)
_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + ARCHIVE_SUFFIXES
SCANNED_SUFFIXES = _SUFFIXES  # what a folder's files are scanned for (each also gzipped)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG: pages that say latin-1 or ascii are read as windows-1252.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-sjis": "shift_jis",
}
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<meta|<div|<p\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """One input read and decoded: what the Document is built from."""

    source: str
    format: str
    text: str
    sha256: str
    bytes: int
    encoding: str
    url: str | None = None  # for a fetched page: where its redirects ended
    captured_at: str | None = None  # for a page from a web archive: when it was captured


def discover(inputs: list[str], skipped: Counter[str] | None = None) -> Iterator[str]:
    """Every file an input names: the file itself, or a folder's scannable files in order.

    Missing paths are yielded as they are, so reading them records the error for that input.
    Symlinked folders are not followed, so a link loop cannot trap the walk. A folder's files of
    other extensions are counted in `skipped` by extension (hidden files are not).
    """
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    lower = name.lower().removesuffix(".gz")
                    if lower.endswith(_SUFFIXES):
                        yield _resolved(Path(root, name))
                    elif skipped is not None:
                        skipped[skipped_extension(name)] += 1
        else:
            yield _resolved(path) if path.exists() else given


def skipped_extension(name: str) -> str:
    """How a skipped file's kind is named: its extension ('.story', '.json.gz'), or 'no extension'."""
    lower = name.lower()
    gz = lower.endswith(".gz") and lower != ".gz"
    suffix = Path(lower.removesuffix(".gz") if gz else lower).suffix
    if not suffix:
        return "no extension" if not gz else ".gz"
    return suffix + (".gz" if gz else "")


def _resolved(path: Path) -> str:
    """The absolute path; a link to nothing stays as written (reading it says what is wrong)."""
    if path.is_symlink() and not path.exists():
        return str(path.absolute())
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def read_source(path: str, max_bytes: int) -> Source:
    """Read, decompress and decode one file; raise InputError with a one-line reason."""
    p = Path(path)
    try:
        info = os.stat(path)  # one system call for what exists() and is_file() asked apart
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except OSError as exc:
        if os.path.islink(path):
            raise InputError("symbolic link to nothing (broken or looping)") from exc
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise InputError("no such file or folder") from exc
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file")
    try:
        size = info.st_size
        if size > max_bytes:
            raise InputError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (see --max-mb)")
        with p.open("rb") as fh:  # a buffer of the file's size, not of the limit (50 MB)
            data = fh.read(size + 1 if size else max_bytes + 1)
            if len(data) > size:  # grown since, or a file whose size the system does not know
                data += fh.read(max_bytes + 1 - len(data))
        if len(data) > max_bytes:
            raise InputError(f"file is over the {max_bytes:,}-byte limit (see --max-mb)")
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    sha = hashlib.sha256(data).hexdigest()
    name = p.name.lower()
    if name.endswith(".gz"):
        data = _gunzip(data, max_bytes)
        name = name[:-3]
    if not data.strip():
        raise InputError("empty file")
    return page_source(str(p), data, html=_format(name, data) == "html", sha256=sha)


def page_source(
    source: str,
    data: bytes,
    html: bool,
    declared: str | None = None,
    url: str | None = None,
    captured_at: str | None = None,
    sha256: str | None = None,
) -> Source:
    """The bytes of a page (a file's, a response's, an archived record's) as its Source:
    decoded (see `decode`), line ends made \\n. `sha256` is of the bytes as stored, when they
    are not `data` (a gzipped file)."""
    text, encoding = decode(data, html_hint=html, declared=declared)
    if "\r" in text:  # Windows and old Mac line ends: lines are numbered as an editor shows them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(
        source=source,
        format="html" if html else "text",
        text=text,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        bytes=len(data),
        encoding=encoding,
        url=url,
        captured_at=captured_at,
    )


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress in steps so a gzip bomb stops at the limit instead of filling memory."""
    out = bytearray()
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        chunk = d.decompress(data, max_bytes + 1)
        out += chunk
        if len(out) > max_bytes or d.unconsumed_tail:
            raise InputError(f"decompresses to over the {max_bytes:,}-byte limit (see --max-mb)")
    except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"not a valid gzip file: {exc}") from exc
    return bytes(out)


def _format(name: str, data: bytes) -> str:
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return "html" if _HTML_SNIFF.match(data[:1024]) else "text"


def decode(data: bytes, html_hint: bool = False, declared: str | None = None) -> tuple[str, str]:
    """Bytes to text: BOM first, then the charset the server declared (`declared`), then the
    page's own, then UTF-8, then detection.

    Raises InputError for binary data (NUL bytes in text that is not UTF-16/32).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    head = data[:8192]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise InputError("binary data (NUL bytes), not text or HTML")
        return data.decode(utf16, errors="replace"), utf16
    if declared:
        name = _CHARSET_ALIASES.get(declared.lower(), declared.lower())
        try:
            return data.decode(codecs.lookup(name).name, errors="replace"), codecs.lookup(name).name
        except LookupError:
            pass  # a charset no codec knows: read on as if none were declared
    if html_hint or _HTML_SNIFF.match(head):
        declared = _declared_charset(head)
        if declared:
            return data.decode(declared, errors="replace"), declared
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[: 1024 * 1024]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace"), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


def _declared_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text has NULs in every other byte for Latin text; binary data does not."""
    even = head[0::2]
    odd = head[1::2]
    if not odd:
        return None
    zero_even = even.count(0) / len(even)
    zero_odd = odd.count(0) / len(odd)
    if zero_odd > 0.3 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.3 and zero_odd < 0.05:
        return "utf-16-be"
    return None
