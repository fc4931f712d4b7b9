"""Pictures: <img>, <picture>/<source>, srcset, lazy attributes, <noscript> copies, amp-img;
one item per picture however many files stand for it; captions and credits beside it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from os.path import commonprefix
from typing import cast
from urllib.parse import parse_qsl

from catalog.document import Document
from catalog.extractors._captions import PageCredits, caption_and_credit, credit_text
from catalog.extractors._html import (
    IMAGE_FILE,
    attr,
    class_words,
    furniture_of,
    image_candidates,
    in_noscript,
    is_beacon,
    is_embed_link,
    is_furniture,
    is_placeholder,
    off_screen,
    srcset_urls,
    text_of,
    unique,
)
from catalog.extractors._tags import tags_for
from catalog.providers import identify, provider_of_host
from catalog.records import MediaRef
from catalog.tree import HEADINGS, Element, children
from catalog.urls import address_in_path, media_key
from catalog.vocabulary import (
    BYLINE_OPENINGS,
    CONTROL_ALTS,
    FURNITURE_ALTS,
    LAZY_SRC_ATTRS,
    PICTURE_PAGE_NAMES,
)

__all__ = ["extract"]

DETECTOR = "html_images"
_EMBED_CLASSES = ("twitter-tweet", "instagram-media", "tiktok-embed", "reddit-embed-bq")
# A tracking beacon: a query-string "image" whose path names no file ("/p?c1=2&c2=...").
_BEACON = re.compile(r"^https?://[^/]+/[\w-]{0,3}(?:\.gif)?(?:\?|$)")
# A video's own page ("/rachel-maddow/watch/...-837811267617", "/video/spacex-...-756734019748").
_VIDEO_PAGE = re.compile(r"/(?:video|videos|watch)/", re.IGNORECASE)
# ... or on the site's video host ("http://video.foxnews.com/v/6099396703001").
_VIDEO_HOST = re.compile(r"^(?:https?:)?//videos?\.", re.IGNORECASE)
# Class words of a video player's block around its slate, with "video", and how far up it is.
_SLATE_WORDS = frozenset(("player", "slate", "poster"))
_SLATE_LEVELS = 5
_DATED_FOLDER = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/")
_FILE_LINK = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|tiff?|bmp|svg|heic)$", re.IGNORECASE)
_CONTROL_ALTS = frozenset((*CONTROL_ALTS, *FURNITURE_ALTS))
# Levels up from a picture where its <noscript> copy is looked for, and blocks too wide for it.
_COPY_LEVELS = 4
_ROW = 8
# Attributes a picture shown on the page names its address in (a placeholder <img> names none).
_SHOWN_ATTRS = frozenset(("src", "srcset", "data-src", "data-srcset", *LAZY_SRC_ATTRS))
_SECTIONS = frozenset(("main", "article", "section", "body", "html"))
# Pictures this small in both directions are icons, badges or tracking pixels.
_MIN_SIDE = 50
# A picture with a side under _MIN_SIDE is a button when its other side is under this, a strip
# (a banner, a divider) when its other side is this many times longer.
_BUTTON_SIDE = 200
_STRIP_RATIO = 8
# An attribute's address holding another address (".../socialembed/https://twitter.com/..."):
# one search of the page tells whether any picture may be a post's.
_DOUBLE_ADDRESS = re.compile(r"/https?://")
# "Twitter post by @AOC: ..." (the BBC's alt text of a post's picture).
_POST_ALT = re.compile(r"^\s*\w+ post by @(?P<handle>[\w.]{1,40})\s*:\s*")
# Levels up from a picture where the block with its card's words is looked for; the share of
# those words a card's links hold; the other cards a list of them has beside this page's own.
_CARD_LEVELS = 4
_CARD_LINKED = 0.8
_CARD_WORDS = 40
# A byline: its opening word, then a name of capitalised words ("Written by Rachael Link, MS").
_BYLINE = re.compile(
    r"(?:{})\s+[A-Z][\w'’.-]*\s+[A-Z]".format(
        "|".join(re.escape(w) + "|" + re.escape(w.capitalize()) for w in BYLINE_OPENINGS)
    )
)
_BYLINE_WORDS = 20
_CARD_SIBLINGS = 2
# Blocks (not <img>) that may hold a picture's address in a lazy attribute.
_HOLDER_TAGS = ("div", "span", "figure", "picture")
_LAZY_NAMES = frozenset(LAZY_SRC_ATTRS)
# How a lazy block's picture address opens: from the site's root or with a scheme.
_ADDRESS_OPENINGS = ("/", "http:/", "https:/")
# Digits a page's name must share with a picture's file name to name that picture.
_ID_DIGITS = 6
# A segment of a page's address that names the story: this long, and a slug of this many
# hyphens or an id of _ID_DIGITS digits.
_STORY_SEGMENT = 16
_CODE_CHARS = 8
_DIGIT_RUN = re.compile(r"(?<!\d)\d{6,}(?!\d)")
# A day's or a month's digits ("20191114", "202305"): a folder of dates, no story's id.
_DATE_DIGITS = re.compile(r"^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])?$")
_LETTER_DIGIT = re.compile(r"[a-z]\d|\d[a-z]", re.IGNORECASE)
_SLUG_HYPHENS = 3
_VIEWER_NAMES = frozenset(PICTURE_PAGE_NAMES)
# Characters of a page's name that, equal to a picture's file name, name that picture.
_NAME_CHARS = 4


def extract(doc: Document) -> Iterator[MediaRef]:
    seen: set[str] = set()
    page = PageCredits(doc)
    posts = bool(_DOUBLE_ADDRESS.search(doc.text))  # an attribute holding two addresses: a post's picture?
    pictures = doc.tags("img", "amp-img")
    holders = _lazy_holders(doc)
    if holders:
        pictures = sorted((*pictures, *holders), key=doc.position)
    for img in pictures:
        ref = _picture(doc, img, seen, page, posts)
        if ref is not None:
            seen.update(media_key(u) for u in ref.urls)
            yield ref


def _picture(doc: Document, img: Element, seen: set[str], page: PageCredits, posts: bool) -> MediaRef | None:
    if _tiny(img) or off_screen(img) or _inside_embed(img):
        return None
    link = _link_of(img)
    post = _post_picture(doc, img) if posts else None
    if post is not None:
        return post
    wrappers = doc.headline_holders()
    # The common case first: most pictures of a page are its furniture. A thumbnail linking to
    # its own larger picture is a gallery's, though a weak word (thumb, list) names its block.
    furniture = furniture_of(img, wrappers=wrappers)
    if furniture == "weak" and link is None and any(caption_and_credit(img)):
        furniture = None  # a weak word (list, card, widget) names a block of the page, but a
        # picture captioned or credited in it is the article's (LittleThings' gallery in a
        # "grid-list", BuzzFeed's list articles)
    if furniture and link is None:
        return None
    if furniture == "strong" and not (link is not None and _same_story(doc, attr(link, "href"))):
        return None  # a teaser is furniture, unless it leads to this story's own gallery (AP's)
    raw = image_candidates(img)
    target = _link_target(doc, link, raw[0] if raw else None) if link is not None else None
    if target == "other" and link is not None:
        return _slate(doc, img, link, raw)  # a teaser for another page, or a player's slate
    if furniture and target != "picture":
        return None
    copy = _noscript_copy(img) if raw and not in_noscript(img) else None
    if copy is not None:
        raw = [*image_candidates(copy), *raw]  # the real picture first, the preview after it
    parent = img.getparent()
    if parent is not None and parent.tag == "picture":
        for source in parent.iterdescendants("source"):
            raw.extend(srcset_urls(attr(source, "srcset") or attr(source, "data-srcset")))
    # A <source> that lxml nested around the <img> (unclosed <source> tags).
    for anc in img.iterancestors():
        if anc.tag != "source":
            break
        raw.extend(srcset_urls(attr(anc, "srcset") or attr(anc, "data-srcset")))
    urls = unique(
        u
        for u in (doc.resolve(r) for r in raw)
        if u and not is_placeholder(u) and not _BEACON.match(u) and not is_beacon(u)
    )
    if not urls:
        return None
    if _tiny_address(urls[0]):
        return None
    keys = {media_key(u) for u in urls}
    if keys & seen and in_noscript(img):
        return None  # the <noscript> copy of a lazy picture already found
    alt = _alt_of(img)
    if alt and (is_placeholder(alt.lower()) or alt.strip(" .").lower() in _CONTROL_ALTS):
        return None  # a placeholder, a control's picture ("close", "menu"), a module's heading art
    caption, credit = caption_and_credit(img, page, urls, first=not seen)
    if not caption and not alt and not credit and _interface_asset(img, urls[0]):
        return None  # a badge or widget graphic
    if not caption and _on_card_or_byline(doc, img, credit):
        return None
    host = urls[0].split("/")[2] if "://" in urls[0] else ""
    return MediaRef(
        kind="photo",
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(img),
        line=doc.line_of(raw[0]),
        provider=provider_of_host(host) or "site",
        url=urls[0],
        urls=tuple(urls),
        caption=caption,
        alt_text=alt,
        credit=credit_text(credit),
        width=_int(attr(img, "width")),
        height=_int(attr(img, "height")),
        tags=tags_for(alt, caption),
        context=caption or alt,
    )


def _picture_address(value: str) -> bool:
    """One picture's address, from the site's root or with a scheme, no spaces in it."""
    return value.startswith(_ADDRESS_OPENINGS) and len(value.split()) == 1 and bool(IMAGE_FILE.search(value))


def _alt_of(img: Element) -> str | None:
    """A picture's alt text; a lazy block names its picture in data-alt (the BBC's) or aria-label."""
    if img.tag in ("img", "amp-img"):
        return attr(img, "alt")
    return attr(img, "data-alt") or attr(img, "aria-label")


def _lazy_holders(doc: Document) -> list[Element]:
    """Blocks that stand for a picture a script draws later: no <img> beside them yet, the
    address in a lazy attribute (the BBC's div.js-delayed-image-load with data-src and
    data-alt). Where a block's parent holds an <img> (picturefill's spans of sizes around a
    <noscript> copy), the <img> is the picture; of picturefill's sibling spans (sizes under a
    data-picture parent, or each with its data-media), the first stands for them."""
    found: list[Element] = []
    blocks = (el for name in _HOLDER_TAGS for el in doc.tags(name) if not _LAZY_NAMES.isdisjoint(el.attrib))
    for el in sorted(blocks, key=doc.position):
        value = next((v for v in (attr(el, a) for a in LAZY_SRC_ATTRS) if v), None)
        if (
            not value
            or not value.startswith(_ADDRESS_OPENINGS)
            or not IMAGE_FILE.search(value)
            or " " in value
        ):
            continue  # not one picture's address
        parent = el.getparent()
        if parent is None or next(parent.iterdescendants("img", "amp-img"), None) is not None:
            continue
        if (
            found
            and found[-1].getparent() is parent
            and (parent.get("data-picture") is not None or el.get("data-media"))
        ):
            continue  # picturefill's spans: sizes of one picture
        found.append(el)
    return found


def _int(value: str | None) -> int | None:
    if not value:
        return None
    digits = value.strip().removesuffix("px")
    return int(digits) if digits.isdigit() else None


def _tiny(img: Element) -> bool:
    w = _int(attr(img, "width") or attr(img, "data-width"))  # a lazy block's size is in data-
    h = _int(attr(img, "height") or attr(img, "data-height"))
    if w is not None and h is not None and 0 in (w, h) and max(w, h) >= _MIN_SIDE:
        return False  # an image service's "1440x0": as tall as the picture is
    if w is not None and h is not None:
        short, long = min(w, h), max(w, h)
        # An icon, a button ("文字サイズ", 52x22), a strip (a 500x47 "pin it" banner, a divider)
        return short <= 2 or (short < _MIN_SIDE and (long < _BUTTON_SIDE or long >= _STRIP_RATIO * short))
    return (w is not None and w <= 2) or (h is not None and h <= 2)


def _noscript_copy(img: Element) -> Element | None:
    """The <noscript> copy of a lazy picture kept beside its preview in the same figure
    (Medium's 60 px "?q=20" preview, then <noscript><img src=".../max/1080/...">): one picture.
    Only where the block holds that one picture and that one copy."""
    node = img.getparent()
    for _ in range(_COPY_LEVELS):
        if node is None or node.tag in _SECTIONS:
            return None
        noscripts = list(islice(node.iterdescendants("noscript"), 2))
        if len(noscripts) > 1:
            return None  # a block of several pictures: each copy is its own picture's
        if noscripts:
            copies = list(islice(noscripts[0].iterdescendants("img"), 2))
            shown = [
                el
                for el in islice(node.iterdescendants("img"), _ROW)
                if el is img or (not in_noscript(el) and not _SHOWN_ATTRS.isdisjoint(el.keys()))
            ]
            return copies[0] if len(copies) == 1 and len(shown) == 1 else None
        if node.tag == "figure":
            return None
        node = node.getparent()
    return None


def _tiny_address(url: str) -> bool:
    """A picture whose address asks for an icon's size ("?width=32&height=32", "?w=1&h=1")."""
    query = url.partition("?")[2]
    if not query or "=" not in query:
        return False
    sizes = {k.lower(): v for k, v in parse_qsl(query) if k.lower() in ("width", "height", "w", "h")}
    w = _int(sizes.get("width") or sizes.get("w"))
    h = _int(sizes.get("height") or sizes.get("h"))
    return w is not None and h is not None and w < _MIN_SIDE and h < _MIN_SIDE


def _interface_asset(img: Element, url: str) -> bool:
    """A picture from the site's static assets (a `static` host or an /assets/ or /static/
    path) with no alt text, no size and nothing describing it: a badge or widget graphic."""
    if attr(img, "width") or attr(img, "height") or img.get("srcset") is not None:
        return False
    parts = url.split("/")
    host = parts[2].lower() if len(parts) > 2 else ""
    path = "/" + "/".join(parts[3:]).lower()
    if _DATED_FOLDER.search(path):
        return False  # an upload of a day ("/static-mcnews/2019/04/..."): an article's picture
    return (
        any("static" in label for label in host.split(".")[:-1]) or "/static/" in path or "/assets/" in path
    )


def _slate(doc: Document, img: Element, link: Element, raw: list[str]) -> MediaRef | None:
    """A video player's slate: its poster in a link to the video's own page, inside a block
    named a video player ("videoSlate", "inline-video__player"), outside any list of teasers
    (NBC's players, whose video loads when the poster is clicked): the video, its address the
    page it links to."""
    raw_href = attr(link, "href")
    if not raw_href or not (_VIDEO_PAGE.search(raw_href.split("?")[0]) or _VIDEO_HOST.match(raw_href)):
        return None  # the cheap test first: most teasers link to stories
    href = doc.resolve(raw_href)
    if not href:
        return None
    player = None
    for level, anc in enumerate(link.iterancestors()):
        if level >= _SLATE_LEVELS or anc.tag in ("li", "ul", "ol", "article", "main", "body"):
            break
        words = class_words(anc)
        if "video" in words and words & _SLATE_WORDS:
            player = anc
            break
    if player is None or is_furniture(player, wrappers=doc.headline_holders()):
        return None
    ident = identify(href)
    posters = [u for u in (doc.resolve(r) for r in raw) if u and not is_placeholder(u)]
    caption, credit = caption_and_credit(player)
    return MediaRef(
        kind="video",
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(img),
        line=doc.line_of(attr(link, "href")),
        provider=ident.provider if ident else "site",
        url=ident.url if ident else href,
        urls=tuple(unique([ident.url if ident else href, *posters])),
        post_id=ident.post_id if ident else None,
        caption=caption,
        credit=credit_text(credit),
        context=caption,
    )


def _post_picture(doc: Document, img: Element) -> MediaRef | None:
    """A picture of a social post standing for it: an image server's rendering of the post's
    address (the BBC's fallback "socialembed" pictures of tweets, whatever block holds them):
    the post, the picture one of its addresses. Its alt text ("Twitter post by @AOC: ...")
    gives the post's words. (A picture merely linking to a post is no copy of it: Reddit's
    lists of other posts, a site's Instagram feed.)"""
    raw = image_candidates(img)
    absolute = (u for u in raw if u.startswith(("http://", "https://")))
    inner = next((i for i in map(address_in_path, absolute) if i), None)
    ident = identify(inner) if inner else None
    if ident is None or ident.kind != "social_post":
        return None
    pictures = [u for u in (doc.resolve(r) for r in raw) if u and not is_placeholder(u)]
    alt = _alt_of(img)
    words = _POST_ALT.sub("", alt or "").strip() or None
    handle = _POST_ALT.match(alt or "")
    credit = f"@{handle.group('handle')}" if handle else None
    return MediaRef(
        kind="social_post",
        presence="embedded",
        detector=DETECTOR,
        position=doc.position(img),
        line=doc.line_of(raw[0] if raw else None),
        provider=ident.provider,
        url=ident.url,
        urls=tuple(unique([ident.url, *pictures])),
        post_id=ident.post_id,
        credit=credit,
        author_handle=credit,
        post_text=words,
        context=words,
    )


def _on_card_or_byline(doc: Document, img: Element, credit: str | None) -> bool:
    """A picture on another story's card, or an author's portrait beside a byline, told by the
    nearest block around it that has words. A card's block is short and mostly a link to another
    page, or holds a headline linking to one (the BBC's "Elsewhere on the BBC" items: the
    picture in one block, the headline's link and a summary in the next), or it is an item of a
    list of such cards that links to this page itself (a "most read" list naming this story
    too). A link holding the picture's credit is no card's. A byline's block opens "Written by",
    "By", "Von" ... and a name."""
    node = img.getparent()
    text = ""
    for _ in range(_CARD_LEVELS):
        if node is None or node.tag in _SECTIONS or node.tag == "figure":
            return False
        text = text_of(node)
        if text:
            break
        node = node.getparent()
    if node is None or not text or len(text.split()) > _CARD_WORDS:
        return False
    if len(text.split()) <= _BYLINE_WORDS and _BYLINE.match(text):
        return True  # "By Sunday the river..." opens no byline: no name follows
    links = [(a, t) for a in node.iter("a") if (t := text_of(a)) and not (credit and credit in t)]
    if not links:
        return False
    headline = any(
        next(a.iterancestors(*HEADINGS), None) is not None
        or next(a.iterdescendants(*HEADINGS), None) is not None
        for a, _ in links
    )
    linked = sum(len(t) for _, t in links) >= _CARD_LINKED * len(text)
    if not (headline or linked):
        return False
    return any(_link_target(doc, a, None) == "other" for a, _ in links) or _among_cards(doc, node)


def _among_cards(doc: Document, node: Element) -> bool:
    """Whether the card holding these words is one of a list of cards of other stories: the
    block around it that its list repeats has _CARD_SIBLINGS siblings linking elsewhere."""
    item = node
    while (
        (parent := item.getparent()) is not None
        and parent.tag not in _SECTIONS
        and len(children(parent)) == 1
    ):
        item = parent
    if parent is None or parent.tag in _SECTIONS:
        return False
    cards = (
        sibling
        for sibling in parent.iterchildren(cast(str, item.tag))
        if sibling is not item and any(_link_target(doc, a, None) == "other" for a in sibling.iter("a"))
    )
    return len(list(islice(cards, _CARD_SIBLINGS))) == _CARD_SIBLINGS


def _link_of(img: Element) -> Element | None:
    """The link around the picture, up to the article's main block."""
    for anc in img.iterancestors():
        if anc.tag in ("main", "body"):
            return None
        if anc.tag == "a":
            return anc
    return None


def _link_target(doc: Document, link: Element, src: str | None) -> str:
    """What the link around a picture leads to: "page" (the page itself, or another query of
    it: BookWalker's "?sample=1"), "picture" (the picture's own file, a lightbox, or its own
    page, see _photo_page) or "other" (another page: the picture is a teaser for it, a related
    story's thumbnail, a promo)."""
    href = doc.resolve(attr(link, "href"))
    if not href:
        return "page"
    own = (doc.url or "").split("#")[0]
    if href.split("#")[0] == own or (own and href.split("?")[0] == own.split("?")[0]):
        return "page"
    path = href.split("?")[0]
    if _FILE_LINK.search(path) or _viewer_page(path) or _photo_page(doc, path, src):
        return "picture"
    return "other"


def _viewer_page(path: str) -> bool:
    """A page named for showing a picture larger: ASCII's ".../1848429/img.html", "zoom.php"."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    stem, dot, _ = name.partition(".")
    return bool(dot) and stem.lower() in _VIEWER_NAMES


def _photo_page(doc: Document, path: str, src: str | None) -> bool:
    """The page a picture links to is its own when it sits under the article's address
    (FAZ's ".../streaming-16604622/auch-anna-berg-16604694.html"), in the picture's own folder
    (an image server's larger size), or when its name and the picture's share an id (AP's
    ".../804a421f…_0.html" for ".../804a421f…_0-small.jpg"). A related story's thumbnail
    named after the story's slug shares no id."""
    own = (doc.url or "").split("#")[0].split("?")[0].rsplit(".", 1)[0]
    if own.count("/") > 2 and path.startswith(own + "/"):
        return True
    if _same_story(doc, path):
        return True  # the story's own gallery (AP's ".../gallery/<the story's id>/<its slug>")
    folder = (src or "").split("?")[0].rsplit("/", 1)[0]
    if folder.count("/") > 3 and path.rsplit("/", 1)[0] == folder:
        return True  # another size of the same picture (".../sz.1.3919259/860x860" for ".../640x360")
    page = path.rstrip("/").rsplit("/", 1)[-1].split(".")[0] if path.count("/") > 3 else ""
    picture = (src or "").split("?")[0].rsplit("/", 1)[-1].split(".")[0]
    if (
        page == picture
        and len(page) >= _NAME_CHARS
        and any(ch.isdigit() for ch in page)
        and _FILE_LINK.search((src or "").split("?")[0])
    ):
        return True  # ScanNetSecurity's ".../42049/26698.html" for ".../26698.jpg"
    if not (picture.startswith(page) or page.startswith(picture)):
        return False  # two ids of one series ("93457542", "93457559") name two things
    shared = commonprefix([page, picture])
    return sum(ch.isdigit() for ch in shared) >= _ID_DIGITS


def _same_story(doc: Document, href: str | None) -> bool:
    """Whether a link leads to another page of this story: its address holds a segment that
    names the story in the page's own address, a long slug or id ("2896af5086674d4bbbbd454dec217c63",
    "uk-tories-under-fire-twitter-name-switch-during-debate"), not a section's name."""
    if not href or not doc.url or not href.startswith(("http", "/")):
        return False  # an address written relative to the page ("discovertitanic.com") is no gallery
    own = _story_segments(doc.url)
    lowered = href.lower()
    if not any(seg.lstrip("#") in lowered for seg in own):
        return False  # the cheap test first: the link's own words name none of the story's
    target = doc.resolve(href) or ""
    page = doc.url.split("#", 1)[0].split("?", 1)[0]
    if not own or target.startswith(page):
        return False  # a page under the story's own address is _photo_page's
    return not own.isdisjoint(_story_segments(target))


@lru_cache(maxsize=256)
def _story_segments(url: str) -> frozenset[str]:
    """What names a story in an address: its long slugs and ids, and the runs of six digits or
    more in them (Popsugar's "Millennial-Decorating-Mistakes-42696116" and its gallery's
    ".../photo-gallery/42696116/image/..."), a date's eight digits apart."""
    path = url.split("#", 1)[0].split("?", 1)[0].split("/", 3)[-1] if "://" in url else ""
    found: set[str] = set()
    for seg in path.split("/"):
        stem = seg.rsplit(".", 1)[0]
        if "%" in stem:
            continue  # an escaped section name, no story's
        slug = len(seg) >= _STORY_SEGMENT and (
            seg.count("-") >= _SLUG_HYPHENS or sum(c.isdigit() for c in seg) >= _ID_DIGITS
        )
        code = len(stem) >= _CODE_CHARS and _LETTER_DIGIT.search(stem) is not None
        if slug or code:
            found.add(stem.lower())  # a slug, an id, a product's code ("ma-irfp139bk"; not "covid-19")
        found.update("#" + run for run in _DIGIT_RUN.findall(seg) if not _DATE_DIGITS.match(run))
    return frozenset(found)


def _inside_embed(img: Element) -> bool:
    """Inside a social embed's blockquote, or the link an embed script replaces (Flickr, Getty):
    the embed is the item (html_social reads it)."""
    parent = img.getparent()
    if parent is not None and parent.tag == "a" and is_embed_link(parent):
        return True
    block = next(img.iterancestors("blockquote"), None)
    if block is not None:
        classes = attr(block, "class") or ""
        return any(c in classes for c in _EMBED_CLASSES)
    return False
