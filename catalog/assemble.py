"""Findings to catalogue rows: attach credit lines, merge what several extractors found of one
object, give every object its stable id and every mention its place."""

from __future__ import annotations

import hashlib
from dataclasses import fields, replace

from catalog.credits import label_kind, parse_credit
from catalog.document import Document
from catalog.records import Media, MediaRef, Mention
from catalog.urls import media_key

__all__ = ["assemble", "document_id", "media_id"]

# A credit line attaches to an item at most this many lines above it (same entry).
ATTACH_WINDOW = 8
_MEDIA_FIELDS = tuple(f.name for f in fields(Media))


def document_id(source: str) -> str:
    """Stable id of a document: the same path or URL always gets the same id."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def media_id(ref: MediaRef, doc_id: str) -> str:
    """`provider:post_id` for platform objects, the normalised URL for files, and document, line
    and caption for a described item with no address."""
    if ref.provider and ref.post_id:
        return f"{ref.provider}:{ref.post_id}"
    if ref.url:
        return media_key(ref.url)
    digest = hashlib.sha256((ref.caption or ref.credit or "").encode()).hexdigest()[:8]
    return f"described:{doc_id}:{ref.line or 0}:{digest}"


def assemble(doc: Document, refs: list[MediaRef]) -> list[tuple[Media, Mention]]:
    doc_id = document_id(doc.source)
    refs = _attach(doc, refs)
    merged = _merge(refs, doc_id)
    merged.sort(key=lambda item: (item[1].position, item[1].line or 0))
    rows: list[tuple[Media, Mention]] = []
    for n, (mid, ref) in enumerate(merged, start=1):
        media = _media(mid, ref)
        mention = Mention(
            id=f"{doc_id}:{n}",
            document_id=doc_id,
            media_id=mid,
            presence=ref.presence,
            detector=ref.detector,
            line=ref.line,
            position=n,
            caption=ref.caption,
            credit=ref.credit,
            entry=doc.entry_at(ref.line),
            context=ref.context,
        )
        rows.append((media, mention))
    return rows


def _attach(doc: Document, refs: list[MediaRef]) -> list[MediaRef]:
    """Give each credit line to the nearest item above it in the same entry, if any."""
    items = [r for r in refs if not r.attaches]
    out = list(items)
    for credit in (r for r in refs if r.attaches):
        target = _nearest_above(doc, items, credit)
        if target is None:
            out.append(replace(credit, attaches=False))
            continue
        i = out.index(target)
        kind = target.kind
        implied = label_kind(credit.context or "") or credit.kind
        if implied in ("photo", "video") and kind in ("social_post", "photo", "video"):
            kind = implied
        out[i] = replace(
            target,
            kind=kind,
            credit=target.credit if target.credit and target.credit_person else credit.credit,
            credit_person=credit.credit_person or target.credit_person,
            credit_org=credit.credit_org or target.credit_org,
            credit_role=credit.credit_role or target.credit_role,
        )
        items[items.index(target)] = out[i]
    return out


def _nearest_above(doc: Document, items: list[MediaRef], credit: MediaRef) -> MediaRef | None:
    if credit.line is None:
        return None
    entry = doc.entry_at(credit.line)
    best: MediaRef | None = None
    for item in items:
        if item.line is None or item.kind == "quote":
            continue
        if (
            credit.line - ATTACH_WINDOW <= item.line < credit.line
            and (doc.entry_at(item.line) == entry)
            and (best is None or best.line is None or item.line > best.line)
        ):
            best = item
    return best


def _merge(refs: list[MediaRef], doc_id: str) -> list[tuple[str, MediaRef]]:
    """One mention per object and presence; a later extractor's reading only fills gaps.

    The same detector finding an object twice is two citations (a tweet embedded twice) and
    stays two mentions.
    """
    out: list[tuple[str, MediaRef]] = []
    by_key: dict[tuple[str, str], int] = {}
    detectors: dict[tuple[str, str], set[str]] = {}
    for ref in refs:
        mid = media_id(ref, doc_id)
        key = (mid, ref.presence)
        if key in by_key and ref.detector not in detectors[key]:
            i = by_key[key]
            out[i] = (mid, _fill(out[i][1], ref))
            detectors[key].add(ref.detector)
            continue
        by_key.setdefault(key, len(out))
        detectors.setdefault(key, set()).add(ref.detector)
        out.append((mid, ref))
    return out


def _fill(first: MediaRef, later: MediaRef) -> MediaRef:
    changes: dict[str, object] = {}
    for f in fields(MediaRef):
        if getattr(first, f.name) in (None, ()) and getattr(later, f.name) not in (None, ()):
            changes[f.name] = getattr(later, f.name)
    changes["urls"] = tuple(dict.fromkeys((*first.urls, *later.urls)))
    return replace(first, **changes)  # type: ignore[arg-type]


def _media(mid: str, ref: MediaRef) -> Media:
    person, org, role = ref.credit_person, ref.credit_org, ref.credit_role
    if ref.credit and not (person or org or role):
        parsed = parse_credit(ref.credit)
        person, org, role = parsed.person, parsed.org, role or parsed.role
    urls = ref.urls or ((ref.url,) if ref.url else ())
    return Media(
        id=mid,
        kind=ref.kind,
        provider=ref.provider,
        url=ref.url,
        urls=tuple(urls),
        post_id=ref.post_id,
        caption=ref.caption,
        alt_text=ref.alt_text,
        credit=ref.credit,
        credit_person=person,
        credit_org=org,
        credit_role=role,
        author_name=ref.author_name,
        author_handle=ref.author_handle,
        posted_at=ref.posted_at,
        post_text=ref.post_text,
        width=ref.width,
        height=ref.height,
        tags=ref.tags,
    )
