"""Social posts embedded through their fallback markup: X/Twitter (`blockquote.twitter-tweet`,
`.twitter-video`) and Instagram (`blockquote.instagram-media`), parsed: text, author, handle, date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

from bs4 import Tag

from catalog.document import Document
from catalog.extractors._dates import byline_date
from catalog.extractors._html import attr, text_of, unique
from catalog.providers import identify
from catalog.records import MediaRef

__all__ = ["extract", "snowflake_time"]

DETECTOR = "html_social"
_BLOCK_CLASSES = {
    "twitter-tweet": "twitter",
    "twitter-video": "twitter",
    "instagram-media": "instagram",
}
# "— Hayes Brown (@HayesBrown) September 19, 2016"
_TWEET_BYLINE = re.compile(
    r"[—–-]\s*(?P<name>[^()\n]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})?"
)
# "A post shared by xoxo, Gaga (@ladygaga) on Dec 5, 2016 at 9:10am PST"
_INSTAGRAM_BYLINE = re.compile(
    r"(?:post|photo|video) (?:shared|posted) by\s+(?P<name>.{1,80}?)\s*\((?P<handle>@[\w.]{1,30})\)"
    r"(?:\s+on\s+(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}))?",
    re.IGNORECASE,
)
_TWITTER_EPOCH_MS = 1288834974657
_FIRST_SNOWFLAKE = 27_000_000_000_000_000  # ids below this predate snowflakes (Nov 2010)


def extract(doc: Document) -> Iterator[MediaRef]:
    for block in doc.tags("blockquote"):
        classes = (attr(block, "class") or "").split()
        provider = next((_BLOCK_CLASSES[c] for c in classes if c in _BLOCK_CLASSES), None)
        if provider is None:
            continue
        ref = _post(doc, block, provider)
        if ref is not None:
            yield ref


def _post(doc: Document, block: Tag, provider: str) -> MediaRef | None:
    links = [a for a in block.find_all("a") if attr(a, "href")]
    hrefs = [attr(a, "href") or "" for a in links]
    ident = None
    raw_href = None
    for href in reversed(hrefs) if provider == "twitter" else hrefs:
        url = doc.resolve(href)
        found = identify(url) if url else None
        if found is not None and found.provider == provider:
            ident, raw_href = found, href
            break
    if ident is None:
        permalink = attr(block, "data-instgrm-permalink")
        url = doc.resolve(permalink)
        ident = identify(url) if url else None
        raw_href = permalink
    if ident is None:
        return None
    paragraphs = block.find_all("p")
    whole = text_of(block)
    if provider == "twitter":
        post_text = text_of(paragraphs[0]) if paragraphs else None
        by = _TWEET_BYLINE.search(whole)
    else:
        post_text = next((text_of(p) for p in paragraphs if not _INSTAGRAM_BYLINE.search(text_of(p))), None)
        by = _INSTAGRAM_BYLINE.search(whole)
    name = by.group("name").strip() if by else None
    handle = by.group("handle") if by else None
    if handle is None and provider == "twitter":
        user = ident.url.split("/")[3]
        handle = f"@{user}" if user != "i" else None
    posted = byline_date(by.group("date")) if by and by.group("date") else None
    if provider == "twitter":
        posted = snowflake_time(ident.post_id) or posted
    credit = f"{name} ({handle})" if name and handle else handle
    return MediaRef(
        kind="social_post",
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(block),
        line=doc.line_of(raw_href),
        provider=provider,
        url=ident.url,
        urls=tuple(unique([ident.url, *(u for u in (doc.resolve(raw_href),) if u)])),
        post_id=ident.post_id,
        credit=credit,
        author_name=name,
        author_handle=handle,
        posted_at=posted,
        post_text=post_text or None,
        context=post_text or None,
    )


def snowflake_time(post_id: str) -> str | None:
    """The UTC time encoded in a Twitter snowflake id, ISO 8601 to the second."""
    if not post_id.isdigit() or int(post_id) < _FIRST_SNOWFLAKE:
        return None
    ms = (int(post_id) >> 22) + _TWITTER_EPOCH_MS
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
