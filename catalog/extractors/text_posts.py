"""Flattened social posts and bare media links in plain text.

"text pic.twitter.com/x — Name (@handle) December 16, 2016" is one post with its text, author,
handle and date; a bare URL of a known platform is a `linked` mention with its identity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from catalog.document import Document, Para
from catalog.extractors._dates import byline_date
from catalog.providers import identify
from catalog.records import MediaRef
from catalog.urls import absolute

__all__ = ["extract"]

DETECTOR = "text_posts"

_FLAT_TWEET = re.compile(
    r"^(?P<text>.*?)\s*(?:[—–]|--?)\s*(?P<name>[^()\n—–]{1,60}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}))\s*$"
)
_URL = re.compile(
    r"(?:https?://|(?<![\w/])(?:www\.|pic\.twitter\.com/|t\.me/|youtu\.be/))"
    r"[^\s<>\"')\]]+"
)

_URL_HINTS = ("http", "www.", "pic.twitter.com/", "t.me/", "youtu.be/")


def extract(doc: Document) -> Iterator[MediaRef]:
    for para in doc.paras:
        post = _flat_tweet(para)
        if post is not None:
            yield post
        yield from _links(para, skip_pics=post is not None)


def _flat_tweet(para: Para) -> MediaRef | None:
    if "(@" not in para.text:
        return None  # the pattern backtracks: only lines with a handle are worth it
    m = _FLAT_TWEET.match(para.text.strip())
    if not m:
        return None
    text = m.group("text").strip() or None
    url = None
    ident = None
    for raw in _URL.findall(para.text):
        found = identify(_absolute(raw))
        if found is not None and found.provider == "twitter":
            ident, url = found, found.url
    return MediaRef(
        kind="social_post",
        presence="described",
        detector=DETECTOR,
        position=para.line,
        line=para.line,
        provider="twitter",
        url=url,
        urls=(url,) if url else (),
        post_id=ident.post_id if ident else None,
        credit=f"{m.group('name').strip()} ({m.group('handle')})",
        author_name=m.group("name").strip(),
        author_handle=m.group("handle"),
        posted_at=byline_date(m.group("date")),
        post_text=text,
        context=para.text,
    )


def _links(para: Para, skip_pics: bool) -> Iterator[MediaRef]:
    for hint in _URL_HINTS:
        if hint in para.text:
            break
    else:
        return
    for raw in _URL.findall(para.text):
        raw = raw.rstrip(".,;:!?")
        if skip_pics and ("pic.twitter.com" in raw or "twitter.com" in raw):
            continue
        url = _absolute(raw)
        ident = identify(url)
        if ident is None:
            continue
        yield MediaRef(
            kind=ident.kind,
            presence="linked",
            detector=DETECTOR,
            position=para.line,
            line=para.line,
            provider=ident.provider,
            url=ident.url,
            urls=tuple(dict.fromkeys((ident.url, url))),
            post_id=ident.post_id,
            context=para.text,
        )


def _absolute(raw: str) -> str:
    return absolute(raw if "://" in raw else "https://" + raw, None) or raw
