"""Helpers the HTML extractors share: text, classes, furniture checks, image addresses."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice

from catalog.tree import Element, attr, text_of
from catalog.vocabulary import (
    AUTHOR_TOKENS,
    BEACON_PARAMS,
    BEACON_PATH_WORDS,
    BOILERPLATE_TAGS,
    BOILERPLATE_TOKENS,
    CLASS_OWNERSHIP_WORDS,
    CLASS_STATE_WORDS,
    CONTENT_TOKENS,
    FURNITURE_FILE_WORDS,
    FURNITURE_FOLDERS,
    LARGE_SIZE_WORDS,
    LAZY_SRC_ATTRS,
    LAZY_SRCSET_ATTRS,
    LAZY_TEMPLATE_ATTRS,
    LAZY_WIDTHS_ATTRS,
    PAGE_BUILDER_WORDS,
    PLACEHOLDER_TOKENS,
    PORTRAIT_TOKENS,
    SEQUEL_TOKENS,
    SMALL_SIZE_WORDS,
    STATEMENT_CLASSES,
    TRACKER_HOST_WORDS,
    WEAK_BOILERPLATE_TOKENS,
)

__all__ = ["IMAGE_FILE", "attr", "class_words", "in_noscript", "is_furniture", "srcset_urls", "text_of"]

_CAMEL_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_OWNERSHIP = frozenset(CLASS_OWNERSHIP_WORDS)
_STATE = frozenset(CLASS_STATE_WORDS)
_STATEMENT_CLASSES = frozenset(STATEMENT_CLASSES)
_STATEMENT_WORDS = (*CLASS_OWNERSHIP_WORDS, *CLASS_STATE_WORDS, "layout", *STATEMENT_CLASSES)
# A statement word on its own ("has-paywall", "is-hidden") or in camel case ("adNotPlaying").
_STATEMENT = re.compile(
    r"(?i:(?<![A-Za-z])(?:" + "|".join(_STATEMENT_WORDS) + r")(?![a-z]))"
    r"|(?<=[a-z])(?:" + "|".join(w.capitalize() for w in _STATEMENT_WORDS) + r")(?![a-z])"
)
_FURNITURE = frozenset(BOILERPLATE_TOKENS)
_WEAK_FURNITURE = frozenset(WEAK_BOILERPLATE_TOKENS)
_CONTENT = frozenset(CONTENT_TOKENS)
_FURNITURE_FOLDERS = frozenset(FURNITURE_FOLDERS)
_FURNITURE_FILE_WORDS = frozenset(FURNITURE_FILE_WORDS)
_BEACON_WORDS = frozenset(BEACON_PATH_WORDS)
_BEACON_PARAMS = frozenset(BEACON_PARAMS)
# A picture's address inside a value that is no address: a srcset written into src ("a.jpg%20640w,
# %20b.jpg 1280w"), a script written into it ("if(this.src!='https://.../a.jpg') ...").
_EMBEDDED_ADDRESS = re.compile(
    r"(?:https?:)?//[^\s'\"(),]+?\.(?:jpe?g|png|gif|webp|avif)(?:\?[^\s'\"(),]*)?", re.I
)
_PATH_WORDS = re.compile(r"[-_.@/\s]+")
# A size to fill in a picture's address template: "{{size}}", "{width}", "%7Bwidth%7D".
_TEMPLATE = re.compile(
    r"\{\{\s*(?:size|width|w)\s*\}\}|\{(?:size|width|w)\}|%7B(?:size|width|w)%7D", re.IGNORECASE
)
# A picture's file by its name: in a folder, a name of five characters or more before its type.
_NAMED_PICTURE = re.compile(r"://[^/]+/(?:[^/]+/)+[^/]{5,}\.(?:jpe?g|png|gif|webp|avif)$", re.IGNORECASE)
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.IGNORECASE)
_LARGE = tuple(LARGE_SIZE_WORDS)
_SMALL = tuple(SMALL_SIZE_WORDS)
_BUILDERS = frozenset(PAGE_BUILDER_WORDS)
_AUTHOR = frozenset(AUTHOR_TOKENS)
# Furniture words that may name a block wrapping the story itself (a paywall around it).
_WRAPPING = frozenset(("paywall",))
_STORY_PARAGRAPHS = 3
_SEQUEL = frozenset(SEQUEL_TOKENS)
_ITEMS = frozenset(("post", "article", "story", "entry"))
_PORTRAIT = frozenset(PORTRAIT_TOKENS)
_TRACKER_HOSTS = frozenset(TRACKER_HOST_WORDS)
_FURNITURE_TAGS = frozenset(BOILERPLATE_TAGS)
_PLACEHOLDER = re.compile("|".join(re.escape(t) for t in PLACEHOLDER_TOKENS), re.IGNORECASE)
_OFF_SCREEN = re.compile(r"(?:left|top|right)\s*:\s*-\d{3,}px", re.IGNORECASE)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def class_words(tag: Element) -> frozenset[str]:
    """The words of a tag's class and id: "story--header--pic" gives story, header, pic;
    camel case is split too ("apCaption" gives ap, caption; "PopularPosts" popular, posts).
    A class that states what a block holds or how it is shown says nothing of what it is:
    "layout-with-rail__wrapper" gives layout, wrapper (its "__rail" element is the rail),
    "c-fixed-sidebar-layout" gives c, fixed, layout (a layout named after its parts), and
    "has-paywall" and "hidden-contents-menu" give nothing."""
    classes, ident = attr(tag, "class"), attr(tag, "id")
    if classes and ident:
        return _words(classes) | _words(ident)
    if classes or ident:
        return _words(classes or ident or "")
    return _NO_WORDS


_NO_WORDS: frozenset[str] = frozenset()


@lru_cache(maxsize=4096)
def _words(value: str) -> frozenset[str]:
    """The words of one class or id value (see class_words); a page repeats its classes, and
    the furniture and caption checks read every ancestor's."""
    if not _STATEMENT.search(value):
        return frozenset(w.lower() for w in _CAMEL_WORDS.findall(value))
    words: set[str] = set()
    for token in value.split():
        if token.lower() in _STATEMENT_CLASSES:
            continue  # "block-image-ads": says what is done to the picture, not what it is
        for part in token.split("__"):
            found = [w.lower() for w in _CAMEL_WORDS.findall(part)]
            if not _STATE.isdisjoint(found):
                continue
            cut = next((i for i, w in enumerate(found) if w in _OWNERSHIP), len(found))
            kept = found[:cut]
            if "layout" in kept:  # "c-fixed-sidebar-layout": a layout named after its parts
                kept = [w for w in kept if w not in _WEAK_FURNITURE]
            words.update(kept)
    return frozenset(words)


def is_furniture(
    tag: Element, stop: Element | None = None, wrappers: frozenset[Element] = frozenset(), weak: bool = True
) -> bool:
    """True when the tag sits in page furniture: nav, aside, footer, a site header, or a block
    whose class says related, promo, ad, share, logo, ... (up to `stop`, exclusive). The class
    of a block in `wrappers` (the blocks holding the headline) is not read: it wraps the
    article. A page builder's block is no furniture for its name ("elementor-widget-image"
    is an image of the article); with `weak` False, the weak words (thumb, list, widget, card,
    ...) are not read either: a picture linking to its own page or file is no teaser."""
    found = furniture_of(tag, stop, wrappers)
    return found == "strong" or (weak and found == "weak")


def furniture_of(
    tag: Element, stop: Element | None = None, wrappers: frozenset[Element] = frozenset()
) -> str | None:
    """What makes the tag furniture, read in one walk up: "strong" (a furniture element, or a
    class saying related, promo, ad, ...), "weak" (only weak words: thumb, list, widget, card,
    ... with no content word beside them), or None. See is_furniture."""
    in_article = False
    node: Element | None = tag
    chain: list[Element] = []
    while node is not None and node.tag != "body":
        if node is stop:
            break
        chain.append(node)
        if node.tag in ("article", "main"):
            in_article = True
        node = node.getparent()
    found: str | None = None
    for node in chain:
        if node.tag == "form" and node in wrappers:
            continue  # an ASP.NET page's <form> holding the whole page, headline and all
        if node.tag in _FURNITURE_TAGS or node.tag == "head":
            return "strong"
        if node.tag == "header" and not in_article and (_has(node, "nav") or not _has(node, "h1")):
            return "strong"  # a site header; an article's header holds its h1 and lead picture
        if node in wrappers:
            continue
        words = class_words(node)
        if words & _FURNITURE and words & _FURNITURE <= _WRAPPING and _holds_paragraphs(node):
            continue  # "pmc-paywall" around the story's paragraphs: the story behind a paywall
        if (
            words & _FURNITURE
            or (words & _AUTHOR and words & _PORTRAIT)
            or (words & _SEQUEL and words & _ITEMS)
        ):
            return "strong"  # "article-author-image": the author's portrait; "next-post": another story
        if words & _WEAK_FURNITURE and not words & _CONTENT and not words & _BUILDERS:
            found = "weak"
    return found


# Elements an embed script fills from the post's address in a data attribute: Facebook's SDK
# markup, Tumblr's.
EMBED_WRAPPER_CLASSES = frozenset(("fb-post", "fb-video", "fb-comment-embed", "tumblr-post"))


def _has(tag: Element, name: str) -> bool:
    """Whether an element of this name is inside the tag."""
    return next(tag.iterdescendants(name), None) is not None


def _holds_paragraphs(node: Element) -> bool:
    """Whether the block holds a story's paragraphs (three or more)."""
    return len(list(islice(node.iterdescendants("p"), _STORY_PARAGRAPHS))) == _STORY_PARAGRAPHS


def is_embed_link(link: Element) -> bool:
    """The link an embed script replaces with the picture it names: Flickr
    (`a[data-flickr-embed]`), Getty Images (`a.gie-single`), Pinterest (`a[data-pin-do=embedPin]`)."""
    return (
        link.get("data-flickr-embed") is not None
        or attr(link, "data-pin-do") == "embedPin"
        or "gie-single" in (attr(link, "class") or "")
    )


def in_noscript(tag: Element) -> bool:
    """Inside a <noscript>: the copy a lazy-loading page keeps for readers without scripts."""
    return next(tag.iterancestors("noscript"), None) is not None


def is_placeholder(url: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    name = url.rsplit("/", 1)[-1].split("?", 1)[0]
    host = url.split("/")[2].lower() if "://" in url else ""
    if host.split(".", 1)[0] in _TRACKER_HOSTS and not _NAMED_PICTURE.search(url.split("?", 1)[0]):
        return True  # pixel.wp.com/b.gif, stats.example.net/watch/5512: a counter (pixel.nymag.com's
        # ".../2016/09/09/09-greg-berlanti.w1024.jpg" names a picture: an image server)
    if name.split(".", 1)[0].lower() in _FURNITURE:
        return True  # "advertisement.gif", "share.png": a file named after furniture
    folders = url.split("?", 1)[0].split("/")[3:-1] if "://" in url else []
    if not _FURNITURE_FOLDERS.isdisjoint(f.lower() for f in folders):
        return True  # ".../awards/icon/gold_32.png", ".../banner/devrel.png": the site's furniture
    path = (url.split("?", 1)[0].split("/", 3)[-1] if "://" in url else name).lower()
    if any(word in path for word in _FURNITURE_FILE_WORDS) and not _FURNITURE_FILE_WORDS.isdisjoint(
        _PATH_WORDS.split(path)
    ):
        return True  # ".../adblock-message/slate-plus-promo@2x.png", "newsletter-signup.jpg"
    return bool(_PLACEHOLDER.search(name)) or "/placeholder" in url.lower()


def off_screen(tag: Element) -> bool:
    """Placed far outside the page by its own style ("position:absolute; left:-9999px"), or
    hidden with no alt text and no size ("display: none", class "visually-hidden"): a tracking
    pixel. A gallery's hidden slides keep their alt text and size (CNN's)."""
    style = tag.get("style") or ""
    if _OFF_SCREEN.search(style):
        return True
    hidden = bool(_HIDDEN.search(style)) or not class_words(tag).isdisjoint(("hidden", "invisible"))
    return hidden and not (attr(tag, "alt") or attr(tag, "width") or attr(tag, "height"))


def is_beacon(url: str) -> bool:
    """A counter's or an ad server's address standing as a picture: a segment of its path names
    one ("/www/delivery/avw.php", "/logger/p.gif"), or it names no picture file and takes the
    parameters such endpoints use (a cache-buster, a zone, site or advertiser id)."""
    if "://" not in url:
        return False
    path, _, query = url.split("/", 3)[-1].partition("?")
    segments = [seg.lower() for seg in path.split("/") if seg]
    if any(seg in _BEACON_WORDS or seg.rsplit(".", 1)[0] in _BEACON_WORDS for seg in segments):
        return True
    if not query or IMAGE_FILE.search(path):
        return False
    names = {pair.split("=", 1)[0].lower() for pair in query.split("&")}
    return not names.isdisjoint(_BEACON_PARAMS) or "insert_random" in query.lower()


def srcset_urls(value: str | None) -> list[str]:
    """URLs of a srcset, largest first ("a.jpg 640w, b.jpg 1280w" gives b.jpg, a.jpg)."""
    if not value:
        return []
    found: list[tuple[float, int, str]] = []
    for i, part in enumerate(re.split(r",\s+(?=\S)", value.strip())):
        bits = part.strip().split()
        if not bits:
            continue
        size = 0.0
        if len(bits) > 1:
            m = re.match(r"([\d.]+)[wx]$", bits[-1])
            if m:
                try:
                    size = float(m.group(1))
                except ValueError:
                    size = 0.0
        found.append((-size, i, bits[0]))
    return [u for _, _, u in sorted(found)]


def image_candidates(img: Element) -> list[str]:
    """Every address an <img>/<source> names: lazy attributes first (on a lazy page they hold
    the picture, src a placeholder or a 64x64 preview), then src, then srcset candidates. An
    address template ("...-{{size}}.jpg") is filled in with the largest size the element lists.
    A lazy loader of its own (data-dejavu-src, data-delay, data-src-large, ...) is read where no
    known attribute names a picture: any data- attribute holding a picture's address."""
    urls: list[str] = []
    for name in (*LAZY_TEMPLATE_ATTRS, *LAZY_SRC_ATTRS, "src"):
        value = attr(img, name)
        if value:
            urls.extend(_addresses(value))
    for name in LAZY_SRCSET_ATTRS:
        urls.extend(srcset_urls(attr(img, name)))
    if any(_TEMPLATE.search(u) for u in urls):
        urls = _filled(img, urls)
    if not any(u.startswith(("http", "/")) and not is_placeholder(u) for u in urls):
        found: list[tuple[int, str]] = []
        for key, raw in img.items():
            if not key.startswith("data-"):
                continue
            if key.endswith("srcset"):
                found.extend((_size_rank(key), u) for u in srcset_urls(raw))
            elif key.endswith("src") or IMAGE_FILE.search(raw.strip()):
                found.extend((_size_rank(key), u) for u in _addresses(raw.strip()))
        urls.extend(u for _, u in sorted(found, key=lambda pair: pair[0]))
    return urls


def _addresses(value: str) -> list[str]:
    """The picture addresses an attribute holds: itself, or what it holds when it is no
    address: a JSON object of sizes (MSN's data-src '{"default": {"src": "//img-s-msn-com..."}}'),
    a srcset, a script naming the picture."""
    if value.startswith("{"):
        try:
            data = json.loads(value)
        except (ValueError, RecursionError):
            return []
        return [u for u in _json_strings(data) if u.startswith(("http", "/")) and " " not in u]
    if " " in value or "'" in value or '"' in value or "%20" in value:
        found = unique(m.group() for m in _EMBEDDED_ADDRESS.finditer(value.replace("%20", " ")))
        return found or [value]
    return [value]


def _json_strings(data: object, depth: int = 0) -> list[str]:
    if depth > 4:
        return []
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _json_strings(v, depth + 1)]
    if isinstance(data, list):
        return [s for v in data for s in _json_strings(v, depth + 1)]
    return []


def _filled(img: Element, urls: list[str]) -> list[str]:
    """The address templates filled in with the largest size listed ("[320,640,2600]"), before
    the rest; a template with no size listed stays as written."""
    sizes: list[int] = []
    for name in LAZY_WIDTHS_ATTRS:
        sizes.extend(int(n) for n in re.findall(r"\d{2,5}", attr(img, name) or ""))
    if not sizes:
        return urls
    largest = str(max(sizes))
    filled = [_TEMPLATE.sub(largest, u) for u in urls if _TEMPLATE.search(u)]
    return unique([*filled, *urls])


def _size_rank(name: str) -> int:
    """The order of a lazy loader's attributes by the size their name says: large first."""
    name = name.lower()
    if any(word in name for word in _LARGE):
        return 0
    return 2 if any(word in name for word in _SMALL) else 1


def unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return list(seen)
