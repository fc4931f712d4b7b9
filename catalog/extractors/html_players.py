"""Players: <iframe>/<embed> of known platforms (YouTube in all its forms, Vimeo, Dailymotion,
Spotify, SoundCloud, ...), and HTML5 <video>/<audio> with every <source> in one item."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import cast
from urllib.parse import parse_qs, urlsplit

from catalog.document import Document
from catalog.extractors._captions import PageCredits, caption_and_credit, credit_text
from catalog.extractors._html import attr, in_noscript, is_furniture, is_placeholder, unique
from catalog.extractors._tags import tags_for
from catalog.providers import identify, provider_of_host
from catalog.records import MediaRef
from catalog.tree import Element
from catalog.vocabulary import LAZY_SRC_ATTRS, OWN_PLAYER_WORDS, PLAYER_TITLES

__all__ = ["extract"]

DETECTOR = "html_players"
# Lazy frames keep the player's address in the same attributes lazy pictures use
# ("data-litespeed-src" beside src="about:blank").
_FRAME_ATTRS = ("src", *LAZY_SRC_ATTRS, "data-video-url")
_PLAYER_TITLES = frozenset(PLAYER_TITLES)
_PLAYER_WORDS = frozenset(OWN_PLAYER_WORDS)
_ID_FRAGMENT = 16  # characters of an address's fragment that make it name the video
_ADDRESS_WORDS = re.compile(r"[\s/._-]+")


# Players written as their own elements, with the video's id in an attribute.
_ID_ELEMENTS = {
    "lite-youtube": ("videoid", "https://www.youtube.com/watch?v={}"),
    "amp-youtube": ("data-videoid", "https://www.youtube.com/watch?v={}"),
    "amp-vimeo": ("data-videoid", "https://vimeo.com/{}"),
    "amp-dailymotion": ("data-videoid", "https://www.dailymotion.com/video/{}"),
    "amp-soundcloud": ("data-trackid", "https://api.soundcloud.com/tracks/{}"),
}


def extract(doc: Document) -> Iterator[MediaRef]:
    seen: set[tuple[str | None, str | None]] = set()
    page = PageCredits(doc)
    for tag in doc.tags("iframe", "embed", "video", "audio", "video-js", "object", *_ID_ELEMENTS):
        if tag.tag in _ID_ELEMENTS:
            ref = _id_element(doc, tag, page)
        elif tag.tag in ("video", "video-js") and attr(tag, "data-video-id") and attr(tag, "data-account"):
            ref = _brightcove(doc, tag, page)
        elif tag.tag in ("video", "audio"):
            ref = _html5(doc, tag, page) or _own_video(doc, tag, page, seen)
        elif tag.tag == "video-js":
            ref = None
        elif tag.tag == "object":
            ref = _object(doc, tag, page)
        elif tag.tag == "embed" and next(tag.iterancestors("object"), None) is not None:
            ref = None  # the <embed> inside an <object> is the same player, read with it
        else:
            ref = _frame(doc, tag, page)
        if ref is None:
            continue
        key = (ref.provider, ref.post_id or ref.url)
        if key in seen and in_noscript(tag):
            continue  # the <noscript> copy of a lazy player already found
        seen.add(key)
        yield ref
    for tag in _brightcove_blocks(doc):
        ref = _brightcove(doc, tag, page)
        if ref is not None and (ref.provider, ref.post_id) not in seen:
            seen.add((ref.provider, ref.post_id))
            yield ref  # a div Brightcove's script fills, its ids in data attributes
    for script in doc.tags("script"):
        ref = _script_player(doc, script, page)
        if ref is not None and (ref.provider, ref.post_id) not in seen:
            seen.add((ref.provider, ref.post_id))
            yield ref


def _brightcove_blocks(doc: Document) -> list[Element]:
    """Elements other than <video>/<video-js> holding a Brightcove player's account and video id
    (`<div class="brightcove-player" data-account=A data-player=P data-video-id=V>`)."""
    if doc.root is None or "data-account" not in doc.text:
        return []  # the cheap test first
    found = doc.root.xpath("//*[@data-account and (@data-video-id or @data-videoid)]")
    return [el for el in cast(list[Element], found) if el.tag not in ("video", "video-js")]


def _script_player(doc: Document, script: Element, page: PageCredits) -> MediaRef | None:
    """A player a script tag places where it stands, its episode or video in the script's own
    address: Buzzsprout's ".../123456/7890123-title.js?container_id=...", JW Player's
    "cdn.jwplayer.com/players/MEDIAID-PLAYERID.js". Scripts of the page's head place nothing."""
    raw = attr(script, "src")
    if not raw or next(script.iterancestors("head"), None) is not None:
        return None
    url = doc.resolve(raw)
    ident = identify(url) if url else None
    if ident is None or ident.kind not in ("audio", "video") or not ident.post_id:
        return None
    if is_furniture(script, wrappers=doc.headline_holders()):
        return None
    caption, credit = caption_and_credit(script, page, (ident.url,))
    return _player(doc, script, ident.provider, ident.kind, ident.url, ident.post_id, raw, caption, credit)


def _own_video(
    doc: Document, player: Element, page: PageCredits, seen: set[tuple[str | None, str | None]]
) -> MediaRef | None:
    """A player with no address of its own (a `blob:` stream) on a platform's own page of one
    video (a saved YouTube watch page): that video, once."""
    sources = [attr(player, "src"), *(attr(s, "src") for s in player.iterdescendants("source"))]
    if player.tag != "video" or not any(v and v.startswith("blob:") for v in sources):
        return None
    ident = identify(doc.url) if doc.url else None
    if ident is None or ident.kind != "video" or (ident.provider, ident.post_id) in seen:
        return None
    caption, credit = caption_and_credit(player, page, (ident.url,))
    blob = next(v for v in sources if v and v.startswith("blob:"))
    return _player(doc, player, ident.provider, ident.kind, ident.url, ident.post_id, blob, caption, credit)


def _id_element(doc: Document, tag: Element, page: PageCredits) -> MediaRef | None:
    """`<lite-youtube videoid=...>`, `<amp-youtube data-videoid=...>` and their kin."""
    name, template = _ID_ELEMENTS[cast(str, tag.tag)]
    video = attr(tag, name)
    if not video:
        return None
    ident = identify(template.format(video))
    if ident is None:
        return None
    caption, credit = caption_and_credit(tag, page)
    title = _title(tag, "title") or _title(tag, "playlabel")
    return _player(
        doc, tag, ident.provider, ident.kind, ident.url, ident.post_id, video, caption or title, credit
    )


def _brightcove(doc: Document, tag: Element, page: PageCredits) -> MediaRef | None:
    """`<video-js data-account=A data-player=P data-video-id=V>`: Brightcove's in-page player,
    the same video as its players.brightcove.net address."""
    account, video = attr(tag, "data-account"), attr(tag, "data-video-id") or attr(tag, "data-videoid")
    if not account or not video:
        return None
    player = attr(tag, "data-player") or "default"
    url = f"https://players.brightcove.net/{account}/{player}_default/index.html?videoId={video}"
    ident = identify(url)
    if ident is None:
        return None
    caption, credit = caption_and_credit(tag, page)
    return _player(doc, tag, ident.provider, ident.kind, ident.url, ident.post_id, video, caption, credit)


def _object(doc: Document, tag: Element, page: PageCredits) -> MediaRef | None:
    """A legacy `<object data=...>` or `<param name="movie" value=...>` Flash player."""
    raw = attr(tag, "data") or next(
        (
            attr(p, "value")
            for p in tag.iterdescendants("param")
            if (attr(p, "name") or "").lower() in ("movie", "src")
        ),
        None,
    )
    url = doc.resolve(raw)
    ident = identify(url) if url else None
    if ident is None:
        return None
    caption, credit = caption_and_credit(tag, page)
    return _player(doc, tag, ident.provider, ident.kind, ident.url, ident.post_id, raw, caption, credit)


def _player(
    doc: Document,
    tag: Element,
    provider: str,
    kind: str,
    url: str,
    post_id: str,
    raw: str | None,
    caption: str | None,
    credit: str | None,
) -> MediaRef:
    return MediaRef(
        kind=kind,
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(tag),
        line=doc.line_of(raw),
        provider=provider,
        url=url,
        urls=(url,),
        post_id=post_id,
        caption=caption,
        credit=credit_text(credit),
        tags=tags_for(caption),
        context=caption,
    )


_NAMED_VIDEO = re.compile(
    r"^(?:youtube(?:-video-|://)(?P<youtube>[\w-]{11})|vimeo(?:-video-|://)(?P<vimeo>\d{6,12}))$",
    re.IGNORECASE,
)
_LISTING_LEVELS = 4
_NAMED_ADDRESS = {"youtube": "https://www.youtube.com/watch?v={}", "vimeo": "https://vimeo.com/{}"}


def _frame(doc: Document, frame: Element, page: PageCredits) -> MediaRef | None:
    for name in _FRAME_ATTRS:
        raw = attr(frame, name)
        url = doc.resolve(raw)
        if not url:
            continue
        ident = identify(_plugin_target(url))
        if ident is None:
            own = _own_player(doc, frame, url)
            if own is not None:
                return own
            continue
        holder = frame.getparent()  # the frame's own class is its embed code's ("twitter-widget")
        if (
            holder is not None
            and is_furniture(holder, wrappers=doc.headline_holders())
            and _among_players(frame)
        ):
            return None  # the site's furniture listing players: its podcasts, a video rail
        caption, credit = caption_and_credit(frame, page, (url,))
        title = _title(frame, "title")
        return MediaRef(
            kind=ident.kind,
            presence="embedded",
            detector=DETECTOR,
            position=doc.position(frame),
            line=doc.line_of(raw),
            provider=ident.provider,
            url=ident.url,
            urls=tuple(unique((ident.url, url))),
            post_id=ident.post_id,
            caption=caption or title,
            credit=credit_text(credit),
            tags=tags_for(title, caption),
            context=caption or title,
        )
    return None


def _among_players(frame: Element) -> bool:
    """Whether the block a few levels around the player holds another player too (a listing;
    an about:blank frame or a <noscript> copy is none)."""
    node = frame.getparent()
    for _ in range(_LISTING_LEVELS):
        if node is None or node.tag in ("body", "html", "main", "article"):
            return False  # the page's whole, with its ad frames, is no listing
        others = (
            f for f in node.iterdescendants("iframe") if f is not frame and not in_noscript(f) and _plays(f)
        )
        if next(others, None) is not None:
            return True
        node = node.getparent()
    return False


def _plays(frame: Element) -> bool:
    """A frame that loads something (not about:blank, not a placeholder)."""
    return (attr(frame, "src") or attr(frame, "data-src") or "").startswith(("http", "//"))


def _title(tag: Element, name: str) -> str | None:
    """A player's title attribute when it names what it plays: an embed code's default title
    ("YouTube video player", "Embedded post") names the player, and "Spotify Embed: Episode 12"
    keeps what follows the player's name."""
    title = (attr(tag, name) or "").strip()
    head, sep, rest = title.partition(":")
    if sep and head.strip().lower() in _PLAYER_TITLES:
        title = rest.strip()
    return None if not title or title.lower() in _PLAYER_TITLES else title


def _plugin_target(url: str) -> str:
    """The address a wrapper's iframe plays, carried in a parameter: Facebook's plugins/post.php
    and video.php (`href`), Embedly's media.html (`src`), a platform's address in any parameter."""
    if "?" not in url or identify(url) is not None:
        return url
    for values in parse_qs(urlsplit(url).query).values():
        for value in values:
            if value.startswith(("http://", "https://", "//")) and identify(value) is not None:
                return value
            named = _named_video(value)
            if named is not None:
                return named  # Kinja's inset "?id=youtube-video-LlbUwLx785k"
    return url


def _named_video(value: str) -> str | None:
    """A platform's video named by platform and id, not by address ("youtube-video-LlbUwLx785k",
    "youtube://LlbUwLx785k", "vimeo-video-123456"): its address. A YouTube id is eleven
    characters, a Vimeo id digits ("youtube-subscribers" names no video)."""
    m = _NAMED_VIDEO.match(value.strip())
    if m is None:
        return None
    platform = "youtube" if m.group("youtube") else "vimeo"
    return _NAMED_ADDRESS[platform].format(m.group(platform))


def _own_player(doc: Document, frame: Element, url: str) -> MediaRef | None:
    """A video player of the page's own site in an iframe, its address saying so (CBS News'
    "/embed/video/?v=...", "vplayer.nbcsports.com/.../nbcsports_embed/..." on an NBC Sports
    page): the article's video. Another site's unknown iframe is no media of ours (trackers,
    forms, article cards)."""
    host = urlsplit(url).hostname or ""
    if not doc.url or _site_of(host) != _site_of(urlsplit(doc.url).hostname or ""):
        return None
    words = set(_ADDRESS_WORDS.split(f"{host} {urlsplit(url).path}".lower()))
    if len(words & _PLAYER_WORDS) < 2 or is_furniture(frame, wrappers=doc.headline_holders()):
        return None
    caption, credit = caption_and_credit(frame)
    title = _title(frame, "title")
    fragment = urlsplit(url).fragment
    return MediaRef(
        kind="video",
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(frame),
        line=doc.line_of(attr(frame, "src")),
        provider="site",
        url=url,
        urls=(url,),
        # CBS News names the video in the fragment, one player address for all: keep them apart
        post_id=hashlib.sha256(fragment.encode()).hexdigest()[:16] if len(fragment) > _ID_FRAGMENT else None,
        caption=caption or title,
        credit=credit_text(credit),
        tags=tags_for(title, caption),
        context=caption or title,
    )


def _site_of(host: str) -> str:
    """The registrable part of a host name: "vplayer.nbcsports.com" gives "nbcsports.com",
    "www.bbc.co.uk" "bbc.co.uk"."""
    labels = host.lower().split(".")
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


def _html5(doc: Document, player: Element, page: PageCredits) -> MediaRef | None:
    raw = [v for v in [attr(player, "src")] if v]
    raw += [v for s in player.iterdescendants("source") for v in [attr(s, "src") or attr(s, "data-src")] if v]
    urls = unique(u for u in (doc.resolve(r) for r in raw) if u and not is_placeholder(u))
    if not urls or is_furniture(player, wrappers=doc.headline_holders()):
        return None
    poster = doc.resolve(attr(player, "poster"))
    if poster and not is_placeholder(poster):
        urls.append(poster)
    caption, credit = caption_and_credit(player, page, urls)
    host = urls[0].split("/")[2] if "://" in urls[0] else ""
    return MediaRef(
        kind="video" if player.tag == "video" else "audio",
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(player),
        line=doc.line_of(raw[0]),
        provider=provider_of_host(host) or "site",
        url=urls[0],
        urls=tuple(urls),
        caption=caption or attr(player, "title") or attr(player, "aria-label"),
        credit=credit_text(credit),
        tags=tags_for(caption),
        context=caption,
    )
