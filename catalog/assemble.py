"""Findings to catalogue rows: attach credit lines, merge what several extractors found of one
object, give every object its stable id and every mention its place."""

from __future__ import annotations

import hashlib
from bisect import bisect_left

from catalog.credits import label_kind, parse_credit
from catalog.document import Document
from catalog.records import REF_FIELDS, Media, MediaRef, Mention, changed
from catalog.urls import is_relative, media_key

__all__ = ["assemble", "document_id", "media_id", "read_by_rules"]

# A credit line attaches to an item on one of this many paragraphs above it (same entry): the
# caption or lead-in right above, or the one above a post's byline.
ATTACH_PARAS = 2
_PRESENCE_RANK = {"embedded": 0, "described": 1, "linked": 2, "metadata": 3}
# What an attaching finding may fill in on the item it joins.
_FILLABLE = (
    "provider",
    "url",
    "post_id",
    "caption",
    "alt_text",
    "author_name",
    "author_handle",
    "posted_at",
    "post_text",
    "width",
    "height",
    "tags",
)


def document_id(source: str) -> str:
    """Stable id of a document: the same path or URL always gets the same id."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def media_id(ref: MediaRef, doc_id: str) -> str:
    """`provider:post_id` for platform objects, the normalised URL for files, the document and
    the address for a relative address (read from a page with no address of its own), and
    document, line and caption for a described item with no address (and a post's words: two
    posts of one account on one line are two)."""
    if ref.provider and ref.post_id:
        return f"{ref.provider}:{ref.post_id}"
    if ref.url and is_relative(ref.url):
        return f"relative:{doc_id}:{ref.url}"  # "/photos/a.jpg" on another site is another picture
    if ref.url:
        return media_key(ref.url)
    said = ref.caption or ref.credit or ""
    if ref.post_text:  # two posts of one account on one line ("( 1/2 )", "( 2/2 )") are two
        said = f"{said}\n{ref.post_text}"
    digest = hashlib.sha256(said.encode()).hexdigest()[:8]
    return f"described:{doc_id}:{ref.line or 0}:{digest}"


def assemble(doc: Document, refs: list[MediaRef]) -> list[tuple[Media, Mention]]:
    doc_id = document_id(doc.source)
    refs = _uncovered(doc, refs)
    refs = _attach(doc, refs)
    merged = _merge(refs, doc_id)
    merged.sort(key=lambda item: (item[1].position, item[1].line or 0))
    # One object cited several times in a page (a tweet embedded in full, then bare) is one row
    # holding everything its citations say.
    # What the page renders speaks first; its metadata only fills gaps (og:image has no caption).
    whole: dict[str, MediaRef] = {}
    for mid, ref in sorted(merged, key=lambda item: _PRESENCE_RANK.get(item[1].presence, 9)):
        whole[mid] = _fill(whole[mid], ref) if mid in whole else ref
    media_of = {mid: _media(mid, ref) for mid, ref in whole.items()}
    rows: list[tuple[Media, Mention]] = []
    for n, (mid, ref) in enumerate(merged, start=1):
        media = media_of[mid]
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
            entry=doc.entry_of(ref.line, ref.position),
            context=ref.context,
        )
        rows.append((media, mention))
    return rows


def _uncovered(doc: Document, refs: list[MediaRef]) -> list[MediaRef]:
    """The findings without the fallbacks whose lines another extractor read, or whose caption
    another read beside them (a credit line takes the caption over it): a rule that knows a
    shape ("Photo: X/AFP", "Name (@handle)") reads a line surer than the line model."""
    if not any(r.fallback for r in refs):
        return refs
    read = read_by_rules(doc, refs)
    captions: dict[str, int] = {}
    for r in refs:
        if not r.fallback and r.line is not None and r.caption and (at := doc.para_index(r.line)) is not None:
            captions[r.caption.strip()] = at
    return [r for r in refs if not r.fallback or not _covered(doc, r, read, captions)]


def read_by_rules(doc: Document, refs: list[MediaRef]) -> set[int]:
    """The lines the findings of rules (every extractor but a fallback) read."""
    read: set[int] = set()
    for r in refs:
        if not r.fallback and r.line is not None:
            read.update(_lines_read(doc, r))
    return read


def _lines_read(doc: Document, ref: MediaRef) -> set[int]:
    """The lines a finding read: its own, and those of its context's other lines, looked for
    among the paragraphs near it (a context may skip blank lines or begin above its line)."""
    assert ref.line is not None
    lines = {ref.line}
    parts = (ref.context or "").split("\n")
    here = doc.para_index(ref.line)
    if len(parts) < 2 or here is None:
        return lines
    near = range(max(0, here - _CONTEXT_REACH), min(len(doc.paras), here + _CONTEXT_REACH + 1))
    wanted = {p.strip() for p in parts}
    lines.update(doc.paras.lines[i] for i in near if doc.paras.texts[i].strip() in wanted)
    return lines


def _covered(doc: Document, ref: MediaRef, read: set[int], captions: dict[str, int]) -> bool:
    if ref.line is None:
        return False
    if not read.isdisjoint(_lines_read(doc, ref)):
        return True
    at, here = captions.get((ref.caption or "").strip()), doc.para_index(ref.line)
    return at is not None and here is not None and abs(at - here) <= ATTACH_PARAS


_CONTEXT_REACH = 6  # paragraphs either side of a finding where its context's lines are looked for


def _attach(doc: Document, refs: list[MediaRef]) -> list[MediaRef]:
    """Give each attaching finding (a credit line, an embed's leftover) to the item on the
    paragraphs just above it in the same entry, or keep it as an item of its own."""
    items = [r for r in refs if not r.attaches]
    if len(items) == len(refs):
        return items
    out = list(items)
    credited: set[int] = set()  # lines of items that already took a credit line
    # the described items by the paragraph they stand on: each finding looks only at the few
    # paragraphs above it (a dense live blog has thousands of items and credit lines)
    placed = sorted(
        (at, n)
        for n, item in enumerate(items)
        if item.line is not None
        and item.presence == "described"
        and (at := doc.para_index(item.line)) is not None
    )
    for extra in (r for r in refs if r.attaches):
        at = _nearest_above(doc, items, placed, extra)
        if at is not None and extra.credit and not extra.provider and items[at].line in credited:
            at = None  # two credit lines in a row credit two pictures
        if at is not None and extra.credit and items[at].credit and items[at].detector == extra.detector:
            at = None  # a picture whose own line named its credit: this credit line is another's
        if at is None:
            out.append(changed(extra, attaches=False))
            continue
        target = items[at]
        out[at] = items[at] = _join(target, extra)  # out begins with the items, in their order
        if extra.credit and target.line is not None:
            credited.add(target.line)
    return out


def _join(target: MediaRef, extra: MediaRef) -> MediaRef:
    """The item above with what the attaching finding adds: a platform's leftover decides the
    kind ("Embed from Getty Images" makes a photo), a credit label may ("Video: X"), and the
    credit replaces a lead-in's guess unless the lead-in named a person."""
    kind = target.kind
    implied = label_kind(extra.context or "") or extra.kind
    if extra.provider:
        kind = extra.kind
    elif implied in ("photo", "video") and kind in ("social_post", "photo", "video"):
        kind = implied
    changes: dict[str, object] = {
        name: getattr(extra, name)
        for name in _FILLABLE
        if getattr(target, name) in (None, ()) and getattr(extra, name) not in (None, ())
    }
    # The credit's parts always come with the credit they were read from.
    keep_credit = not extra.credit or bool(target.credit and target.credit_person)
    source = target if keep_credit else extra
    changes.update(
        kind=kind,
        urls=tuple(dict.fromkeys((*target.urls, *extra.urls))),
        credit=source.credit,
        credit_person=source.credit_person,
        credit_org=source.credit_org or (None if keep_credit else target.credit_org),
        credit_role=source.credit_role or target.credit_role,
    )
    if extra.context and extra.context != target.context:
        changes["context"] = f"{target.context}\n{extra.context}" if target.context else extra.context
    return changed(target, **changes)


def _nearest_above(
    doc: Document, items: list[MediaRef], placed: list[tuple[int, int]], extra: MediaRef
) -> int | None:
    """Where in `items` is the described item on the nearest of the paragraphs just above
    (ATTACH_PARAS, or the finding's own `reach`), in the same entry. Quotes and platform posts
    take no credit lines; a leftover with `reach` joins only a lead-in (an item with no address
    of its own). `placed` holds (paragraph, index in items) of the described items, sorted."""
    here = doc.para_index(extra.line)
    if here is None:
        return None
    reach = extra.reach or ATTACH_PARAS
    entry = doc.entry_at(extra.line)
    best: int | None = None
    for k in range(bisect_left(placed, (here, -1)) - 1, bisect_left(placed, (here - reach, -1)) - 1, -1):
        n = placed[k][1]
        item = items[n]
        if item.kind == "quote" or item.author_handle or item.post_id:
            continue
        if (extra.reach and (item.url or item.provider)) or doc.entry_at(item.line) != entry:
            continue
        if best is None or (items[best].line or 0) <= (item.line or 0):  # the first of a line, as before
            best = n
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
    for name in REF_FIELDS:
        if getattr(first, name) in (None, ()) and getattr(later, name) not in (None, ()):
            changes[name] = getattr(later, name)
    changes["urls"] = tuple(dict.fromkeys((*first.urls, *later.urls)))
    return changed(first, **changes)


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
