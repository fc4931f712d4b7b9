"""Value records passed along the pipeline; their field names are the data contract's names.

The stored records (Media, Mention, DocumentRecord) and Credit are frozen; MediaRef, an
extractor's finding that never reaches the database as such, is only slotted, since findings are
made by the thousand and a frozen dataclass costs five times as much to create. All are values,
compared whole and changed only by copying (`changed`, `dataclasses.replace`)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

__all__ = [
    "KINDS",
    "PRESENCES",
    "REF_FIELDS",
    "Credit",
    "DocumentRecord",
    "Media",
    "MediaRef",
    "Mention",
    "changed",
]

KINDS = ("photo", "video", "audio", "social_post", "gallery", "quote", "document")
PRESENCES = ("embedded", "linked", "described", "metadata")


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit string split into its parts; `raw` keeps it as written (labels stripped)."""

    raw: str
    person: str | None = None
    org: str | None = None
    role: str | None = None
    handle: str | None = None
    orgs: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@dataclass(slots=True)
class MediaRef:
    """One finding of one extractor: a media object as cited at one place of a document.

    `attaches` marks a finding that belongs to the nearest item above it in the same live-blog
    entry (a credit line under a photo); assemble merges it there, or keeps it as an item of its
    own when nothing stands above it. `reach` (paragraphs) marks an embed's leftover ("[embedded
    content]", a flattened post) that joins only a lead-in that many paragraphs above it.
    `fallback` marks a generic extractor's finding (the line model's), kept only where no other
    extractor read its lines.
    """

    kind: str
    presence: str
    detector: str
    position: int
    line: int | None = None
    provider: str | None = None
    url: str | None = None
    urls: tuple[str, ...] = ()
    post_id: str | None = None
    caption: str | None = None
    alt_text: str | None = None
    credit: str | None = None
    credit_person: str | None = None
    credit_org: str | None = None
    credit_role: str | None = None
    author_name: str | None = None
    author_handle: str | None = None
    posted_at: str | None = None
    post_text: str | None = None
    width: int | None = None
    height: int | None = None
    tags: tuple[str, ...] = ()
    context: str | None = None
    attaches: bool = False
    reach: int | None = None
    fallback: bool = False


@dataclass(frozen=True, slots=True)
class Media:
    """A row of `media`: one real object, however often and wherever it is cited."""

    id: str
    kind: str
    provider: str | None
    url: str | None
    urls: tuple[str, ...]
    post_id: str | None
    caption: str | None
    alt_text: str | None
    credit: str | None
    credit_person: str | None
    credit_org: str | None
    credit_role: str | None
    author_name: str | None
    author_handle: str | None
    posted_at: str | None
    post_text: str | None
    width: int | None
    height: int | None
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """A row of `mentions`: one place in one document where a media object is cited."""

    id: str
    document_id: str
    media_id: str
    presence: str
    detector: str
    line: int | None
    position: int
    caption: str | None
    credit: str | None
    entry: str | None
    context: str | None


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A row of `documents`: one input as scanned, with its error if it could not be read."""

    id: str
    source: str
    url: str | None
    title: str | None
    published_at: str | None
    format: str | None
    language: str | None
    sha256: str | None
    bytes: int | None
    scanned_at: str
    error: str | None
    media_count: int
    scanner: str
    domain: str | None = None  # the page's host, www. dropped: a facet by source site
    captured_at: str | None = None  # a page from a web archive: its capture date (WARC-Date)


REF_FIELDS = tuple(f.name for f in fields(MediaRef))


def changed(ref: MediaRef, **changes: object) -> MediaRef:
    """A copy of a finding with some fields changed: `dataclasses.replace` without its checks,
    at half the cost (assemble copies every finding it merges)."""
    values: list[Any] = [changes[name] if name in changes else getattr(ref, name) for name in REF_FIELDS]
    return MediaRef(*values)
