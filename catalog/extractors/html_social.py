"""Social posts embedded through their fallback markup, parsed: text, author, handle, date.

X/Twitter (`blockquote.twitter-tweet`, `.twitter-video`, `amp-twitter`), Instagram
(`blockquote.instagram-media`, `amp-instagram`), TikTok (`blockquote.tiktok-embed`), Reddit
(`blockquote.reddit-embed-bq`), Bluesky (`blockquote.bluesky-embed`), Threads
(`blockquote.text-post-media`), Facebook (`div.fb-post`, `div.fb-video` and click-to-load privacy
wrappers that keep the post's address in a data attribute), Telegram
(`script[data-telegram-post]`). Players in iframes belong to html_players."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

from catalog.document import Document
from catalog.extractors._dates import byline_date
from catalog.extractors._html import EMBED_WRAPPER_CLASSES, attr, class_words, is_embed_link, text_of, unique
from catalog.providers import identify
from catalog.records import MediaRef
from catalog.tree import Element

__all__ = ["extract", "snowflake_time"]

DETECTOR = "html_social"
_BLOCK_CLASSES = {
    "twitter-tweet": "twitter",
    "twitter-video": "twitter",
    "instagram-media": "instagram",
    "tiktok-embed": "tiktok",
    "reddit-embed-bq": "reddit",
    "reddit-card": "reddit",
    "bluesky-embed": "bluesky",
    "text-post-media": "threads",
    "imgur-embed-pub": "imgur",
}
# Platforms a wrapper's class may name ("TwitterEmbedContainer", "instagram-embed").
_PLATFORM_WORDS = frozenset(("twitter", "tweet", "instagram", "tiktok", "facebook", "threads", "bluesky"))
# Class words of a blockquote that is a site's own copy of a post (read only with a link to one).
_BLOCK_WORDS = {"tweet": "twitter", "twitter": "twitter", "instagram": "instagram"}
# Attributes where embeds and click-to-load wrappers keep the post's own address.
_ADDRESS_ATTRS = (
    "cite",
    "data-href",
    "data-url",
    "data-embed-url",
    "data-permalink",
    "data-text-post-permalink",
    "data-instgrm-permalink",
)
_ADDRESS_SET = frozenset(_ADDRESS_ATTRS)
# Besides the embed scripts' elements (EMBED_WRAPPER_CLASSES), the privacy wrappers that load
# an embed only after consent hold a post's address in a data attribute.
_WRAPPER_WORDS = frozenset(("embed", "consent", "privacy", "social", "oembed", "placeholder"))
# "— Name (@handle.bsky.social) March 3, 2025 at 10:00 AM"; "Posted by u/name"
_BYLINE = re.compile(
    r"(?<!\S)[—–-]\s*(?P<name>[^()\n]{1,80}?)\s*\(\s*(?P<handle>@[\w.-]{1,60})\s*\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})?"
)
_REDDIT_USER = re.compile(r"\bu/(?P<user>[\w-]{2,30})")
# "— Hayes Brown (@HayesBrown) September 19, 2016"; the dash stands alone ("Hub-Konzept" in the
# tweet's text is no byline's dash).
_TWEET_BYLINE = re.compile(
    r"(?<!\S)[—–-]\s*(?P<name>[^()\n]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})?"
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
        if provider is None and classes:
            # A site's own copy of a post (BuzzFeed's "js-tweet__placeholder",
            # "instagram__container"): its class names the platform, a link in it the post.
            provider = next((_BLOCK_WORDS[w] for w in class_words(block) if w in _BLOCK_WORDS), None)
            if provider not in ("twitter", "instagram"):
                continue
        if provider is None:
            continue
        ref = _post(doc, block, provider) if provider in ("twitter", "instagram") else _other(doc, block)
        if ref is not None:
            yield ref
    for link in doc.tags("a"):
        ref = _embed_link(doc, link)
        if ref is not None:
            yield ref
    for name in ("div", "section", "figure", "amp-twitter", "amp-instagram", "script"):
        for tag in doc.tags(name):  # one name at a time: no sorting of every div by position
            ref = _wrapped(doc, tag)
            if ref is not None:
                yield ref


def _embed_link(doc: Document, link: Element) -> MediaRef | None:
    """Embeds written as a link their script turns into a picture: Flickr (`a[data-flickr-embed]`),
    Getty Images (`a.gie-single`), Pinterest (`a[data-pin-do=embedPin]`), Imgur
    (`blockquote.imgur-embed-pub` holds an `a`: read there)."""
    if not is_embed_link(link):
        return None
    raw = attr(link, "href")
    url = doc.resolve(raw) if raw else None
    ident = identify(url) if url else None
    if ident is None:
        return None
    img = next(link.iterdescendants("img"), None)
    caption = attr(link, "title") or (attr(img, "alt") if img else None) or text_of(link) or None
    if caption and caption.lower().startswith("embed from"):
        caption = None  # the embed script's own link text
    credit = "Getty Images" if ident.provider == "getty" else None
    return MediaRef(
        kind=ident.kind,
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(link),
        line=doc.line_of(raw),
        provider=ident.provider,
        url=ident.url,
        urls=tuple(unique([ident.url, url or ident.url])),
        post_id=ident.post_id,
        caption=caption,
        credit=credit,
        context=caption,
    )


def _wrapped(doc: Document, tag: Element) -> MediaRef | None:
    """A post known only by its address: Facebook's `div.fb-post`, a consent wrapper's
    `data-href`, `amp-twitter data-tweetid`, Telegram's widget script."""
    if tag.tag == "script" and tag.get("data-telegram-post") is None:
        return None
    raw: str | None = None
    written: str | None = None  # the attribute value as the source has it, to place the line
    posts_only = False
    if tag.tag == "amp-twitter":
        written = attr(tag, "data-tweetid")
        raw = f"https://twitter.com/i/web/status/{written}" if written else None
    elif tag.tag == "amp-instagram":
        written = attr(tag, "data-shortcode")
        raw = f"https://www.instagram.com/p/{written}/" if written else None
    elif tag.tag == "script":
        written = attr(tag, "data-telegram-post")
        raw = f"https://t.me/{written}" if written else None
    elif _ADDRESS_SET.isdisjoint(tag.keys()):
        if not _platform_wrapper(tag):
            return None  # most elements: no address to read, nothing more to look at
        posts_only = True  # WIRED's TwitterEmbedContainer behind a consent banner: its link's post
    else:
        classes = set((attr(tag, "class") or "").split())
        if not (classes & EMBED_WRAPPER_CLASSES or class_words(tag) & _WRAPPER_WORDS) or (
            next(tag.iterdescendants("blockquote"), None) is not None
        ):
            return None
        raw = written = next((v for v in (attr(tag, a) for a in _ADDRESS_ATTRS) if v), None)
    url = doc.resolve(raw) if raw else None
    ident = identify(url) if url else None
    if ident is None and tag.tag != "script":
        # Tumblr's data-href is its embed server's; the post's own address is the link inside.
        for link in tag.iterdescendants("a"):
            written = attr(link, "href")
            url = doc.resolve(written) if written else None
            ident = identify(url) if url else None
            if ident is not None and (not posts_only or ident.kind == "social_post"):
                break
            ident = None
    if ident is None:
        return None
    # A wrapper's own words are the platform's or the consent banner's, not the post's.
    return MediaRef(
        kind=ident.kind,
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(tag),
        line=doc.line_of(written),
        provider=ident.provider,
        url=ident.url,
        urls=tuple(unique([ident.url, url or ident.url])),
        post_id=ident.post_id,
        posted_at=snowflake_time(ident.post_id) if ident.provider == "twitter" else None,
    )


def _platform_wrapper(tag: Element) -> bool:
    """An embed's wrapper named for its platform ("TwitterEmbedContainer"), no blockquote in it."""
    classes = tag.get("class")
    if not classes or "mbed" not in classes:
        return False  # the cheap test first
    words = class_words(tag)
    if "embed" not in words or _PLATFORM_WORDS.isdisjoint(words):
        return False
    if next(tag.iterdescendants("blockquote"), None) is not None:
        return False
    outer = tag.getparent()  # of nested wrappers, the outermost reads the post
    return not (outer is not None and (outer.get("class") or "") and _platform_wrapper(outer))


def _other(doc: Document, block: Element) -> MediaRef | None:
    """TikTok, Reddit, Bluesky and Threads blockquotes: the address from the block's own
    attributes or its links, the text, and the author from the byline or the address."""
    candidates = [attr(block, a) for a in _ADDRESS_ATTRS] + [
        attr(a, "href") for a in block.iterdescendants("a")
    ]
    ident = None
    raw = None
    for candidate in candidates:
        url = doc.resolve(candidate) if candidate else None
        found = identify(url) if url else None
        if found is not None:
            ident, raw = found, candidate
            break
    if ident is None:
        return None
    paragraphs = [text_of(p) for p in block.iterdescendants("p")]
    whole = text_of(block)
    by = _BYLINE.search(whole)
    name = by.group("name").strip() if by else None
    handle = by.group("handle") if by else None
    if handle is None:
        handle = _handle_from_url(ident.provider, doc.resolve(raw) or ident.url, whole)
    first_link = next(block.iterdescendants("a"), None)
    title = text_of(first_link) if ident.provider == "reddit" and first_link is not None else None
    text = (paragraphs[0] if paragraphs else None) or title or whole or None
    if ident.provider == "tiktok" and text:
        # "@user caption #tags ♬ original sound - user": the caption between account and sound
        text = text.split("♬")[0].strip()
        if handle and text.startswith(handle):
            text = text[len(handle) :].strip()
    if by and text and by.group(0) in text:
        text = text.split(by.group(0))[0].strip() or None
    return MediaRef(
        kind=ident.kind,
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(block),
        line=doc.line_of(raw),
        provider=ident.provider,
        url=ident.url,
        urls=tuple(unique([ident.url, *(u for u in (doc.resolve(raw),) if u)])),
        post_id=ident.post_id,
        credit=f"{name} ({handle})" if name and handle else handle,
        author_name=name,
        author_handle=handle,
        posted_at=byline_date(by.group("date")) if by and by.group("date") else None,
        caption=text if ident.kind in ("photo", "video") and ident.provider != "tiktok" else None,
        post_text=text if ident.kind == "social_post" or ident.provider == "tiktok" else None,
        context=text,
    )


def _handle_from_url(provider: str, url: str, text: str) -> str | None:
    """The account an address or a byline names: tiktok.com/@user, threads.net/@user, u/user."""
    if provider == "reddit":
        m = _REDDIT_USER.search(text)
        return f"u/{m.group('user')}" if m else None
    m = re.search(r"/@([\w.-]+)", url)
    return f"@{m.group(1)}" if m else None


def _post(doc: Document, block: Element, provider: str) -> MediaRef | None:
    links = [a for a in block.iterdescendants("a") if attr(a, "href")]
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
    paragraphs = list(block.iterdescendants("p"))
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
