"""Captions and credits beside HTML media.

The caption is the figure's caption block: a figcaption or an element whose class says caption
inside the figure, else the block right under the picture, else the element its
aria-describedby names. The credit is looked for in a fixed order of places, one function each
(`CREDIT_PLACES`), and the first place that finds one gives it:

1. the figure's own credit element (a class like credit/copyright/source, a <cite>, a microdata
   `itemprop="copyrightHolder"`), in the caption or beside it;
2. the caption's own words: a credit closing it ("... Photograph: X/AFP", "... (AP)",
   "... spend the night. Scott Heins/Gothamist"), opening it, or the whole caption;
3. the picture's attributes (`data-credit`, a title or alt ending in its credit);
4. the structured data naming the same picture (JSON-LD or microdata ImageObject);
5. the line under the figure ("Photo: X/Reuters", "Jane Doe/AP" on its own);
6. the story's credit for all its pictures ("Photographs by Lexey Swall").

`catalog.credits` then splits what was found. A page printing its credits in a new way needs a
word in `catalog.vocabulary` (a class word, an attribute, a label, an agency), not a new place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any, cast

from lxml import etree

from catalog.credits import agency, is_bare_credit, looks_like_credit, parse_credit, strip_label
from catalog.document import Document
from catalog.extractors._html import class_words, furniture_of, text_of
from catalog.extractors._structured import (
    credit_of,
    file_stem,
    is_credit_prop,
    is_media_scope,
    ld_media,
    microdata_credit,
    microdata_media,
    state_lead_credit,
    state_pictures,
    state_values,
)
from catalog.tree import (
    CONTAINERS,
    HEADINGS,
    Element,
    attr,
    children,
    contains_equal,
    first_strings,
    next_element,
    same_element,
)
from catalog.urls import media_key
from catalog.vocabulary import (
    BRACKETED_STORY_CREDIT_LABELS,
    CAPTION_ATTRIBUTES,
    CAPTION_CLASS_TOKENS,
    CAPTION_CONTROL_WORDS,
    COMMA_LABELS,
    CREDIT_ATTRIBUTES,
    CREDIT_CLASS_TOKENS,
    CREDIT_LABEL_QUALIFIERS,
    CREDIT_LABELS,
    CREDIT_ROLE_WORDS,
    CREDIT_SEPARATORS,
    FIGURE_CREDIT_LABELS,
    NAME_PARTICLES,
    OUTLET_WORDS,
    PUBLIC_DOMAIN_PHRASES,
    SCREEN_READER_CLASSES,
    STORY_CREDIT_LABELS,
    SUBMITTED_LABELS,
)

__all__ = ["CREDIT_PLACES", "Figure", "PageCredits", "caption_and_credit", "credit_text", "split_credit"]

_CREDIT_CLASSES = frozenset(CREDIT_CLASS_TOKENS)
_CAPTION_CLASSES = frozenset(CAPTION_CLASS_TOKENS)
_CAPTION_CONTROLS = frozenset(CAPTION_CONTROL_WORDS)
_SCREEN_READER = frozenset(SCREEN_READER_CLASSES)
# The labels of a credit in a figure: the credit labels a text reads too, and the chart and map
# labels a page's caption closes with.
_FIGURE_LABELS = sorted(
    (*(label for label, _ in CREDIT_LABELS), *FIGURE_CREDIT_LABELS), key=len, reverse=True
)
_LABELS = "|".join(map(re.escape, _FIGURE_LABELS))
# A figure's label before its credit, for the labels the credit parser does not strip itself.
_FIGURE_LABEL_RX = re.compile(
    r"^\s*[\[(]?\s*(?:" + "|".join(map(re.escape, FIGURE_CREDIT_LABELS)) + r")\s*[:：]\s*", re.IGNORECASE
)
# A credit at the end of a caption: "... Photograph: Stephanie Keith/Reuters",
# "... (Rashid Umar Abbasi / Reuters)", "... © Maizal", "... [Photo: RADsan/iStock]"; The New
# York Times closes its label with an ellipsis ("Credit...Erin Schaff/The New York Times").
_TRAILING_LABELLED = re.compile(
    r"(?:^|\s|[.!?]\s*)[\[(]?(?P<credit>(?:(?:"
    + "|".join(CREDIT_LABEL_QUALIFIERS)
    + r")\s+)?(?:"
    + _LABELS
    + r")\s*(?::|\.\.\.|…)\s*[^\n\[\]()]{2,160}?)[\])]?\s*$",
    re.IGNORECASE,
)
# A caption that is a credit's label alone ("Photographs by", "Photo:").
_LABEL_ONLY = re.compile(r"^\s*(?:" + _LABELS + r")\s*[:：.]?\s*$", re.IGNORECASE)
# A credit label closing a caption's element, the name it labels after the element.
# After a sentence, or with its colon: "... 53 года? Фото", "... the quay. Photo:"; "... at dawn
# – video" names what the media is.
_LABEL_AT_END = re.compile(
    r"(?:(?:^|[.!?]\s+)(?P<label>(?:"
    + _LABELS
    + r"))\s*[:：]?|\s(?P<colon>(?:"
    + _LABELS
    + r"))\s*[:：])\s*$",
    re.IGNORECASE,
)
# A wire's credit closing the caption with no label: "... November 1, 2024. REUTERS/Eva Manez".
_TRAILING_WIRE = re.compile(
    r"[.!?]\s+(?P<credit>(?P<wire>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?)\s*/\s*[^/\n]{2,80}?)\s*$"
)
# A credit after a separator closing the caption: "... とスアレス＝ロイター".
_SEPARATORS = tuple(CREDIT_SEPARATORS)
_TRAILING_SEPARATED = re.compile(
    r"(?:" + "|".join(map(re.escape, CREDIT_SEPARATORS)) + r")\s*(?P<credit>[^\s。．.!?！？]{1,24})\s*$"
)
# The end of a sentence inside a caption: a credit with no label may follow the last one ("...
# spend much time in. Scott Heins/Gothamist", "... Austria. Leonhard Foeger / Reuters", "... on
# Tuesday. Getty Images"); a name's initial ends no sentence, so the last few are tried.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+")
_TAIL_SENTENCES = 3
# Lower-case words a credit's parties may hold: joins, particles, roles ("Leonhard Foeger /
# Reuters file", "Paul Moseley/Fort Worth Star-Telegram/TNS via Getty Images").
_TAIL_SMALL_WORDS = frozenset(
    (
        "via",
        "for",
        "and",
        "of",
        "the",
        *NAME_PARTICLES,
        *(w for role, _ in CREDIT_ROLE_WORDS for w in role.split()),
    )
)
_COMMA_ROLES = {label: role for label, role, _ in COMMA_LABELS}
_TRAILING_COPYRIGHT = re.compile(r"(?:^|\s)(?P<credit>(?:©|\(c\))\s*[^\n]{2,200}?)\s*$")
_TRAILING_PAREN = re.compile(r"\s\((?P<credit>[^()]{2,80}\s*/\s*[^()]{2,60})\)\s*$")
# A credit in brackets closing the caption that names a known agency: "... (AP)", "... (AFP file
# photo)", "... (Photo by REUTERS)", "... [Getty Images]".
_TRAILING_BRACKETS = re.compile(r"(?:^|\s)[(\[](?P<credit>[^()\[\]]{2,60})[)\]]\s*$")
# Labels that need no colon: "Photo by X", "Screenshot by X", "Courtesy of X", "Image via X".
_BY_LABELS = "|".join(
    re.escape(label) for label, _ in CREDIT_LABELS if label.endswith((" by", " of", " von", " de", "via"))
)
# A credit after the caption's last sentence, its label needing no colon: "The levee held.
# Photo by Jane Doe for The Valley Courier".
_TRAILING_BY = re.compile(
    r"[.!?]\s+(?P<credit>(?:" + _BY_LABELS + r")\s+(?-i:[A-Z])[^\n\[\]()]{2,120}?)\s*$", re.IGNORECASE
)
# A whole block that is a credit line: "Credit: lili sams/mashable", "[Photo: X/iStock]".
_CREDIT_LINE = re.compile(
    r"^\s*\[?\s*(?:(?:" + _LABELS + r")\s*(?::|\.\.\.|…)|©|\(c\)|(?:" + _BY_LABELS + r")\b)",
    re.IGNORECASE,
)
# A clause of a story's credit line: "Photographs by Lexey Swall", "Fotos: Jane Doe".
_STORY_CLAUSE = re.compile(
    r"^\s*(?:"
    + "|".join(re.escape(w) for w in STORY_CREDIT_LABELS)
    + r")(?:\s*:\s*|(?<=by)\s+)(?P<credit>.+?)[.\s]*$",
    re.IGNORECASE,
)
_STORY_SPLIT = re.compile(r"\s*[,;|•·]\s*|\s+[–—]\s+")
# What a paragraph holds when it may be a story's credit line (the cheap test first).
_STORY_SIGNS = (
    "raphs by", "raphy by", "otos by", "ctures by", "mages by", "fotos", "bilder", "fotograf",
    "photographies", "photos:", "photographs:", "images:",
)  # fmt: skip
# Openings of a labelled credit in an attribute that say "credit", not "this shows".
_STRONG_LABEL_OPENINGS = (
    "photo by", "photos by", "photograph by", "image by", "picture by", "foto by", "credit",
)  # fmt: skip
# Wikimedia Commons' attribution: "By Jane Doe (own work) [CC BY-SA 4.0], via Wikimedia Commons".
_WIKIMEDIA = re.compile(r"^By\s+(?P<credit>.{2,160}?(?:\[CC[^\]]*\].*|,?\s+via\s+\S.{1,60}))$")
_NEAR_LEVELS = 3
# Levels up from a picture its own small block may reach (React's wrappers nest it deep: Apartment
# Therapy's noscript copy sits five levels under the block holding its credit).
_OWN_LEVELS = 6
# Pictures side by side read, at most, to find the caption under their row.
_ROW = 8
# A block holding one of these captions its own media, not the picture before it.
_MEDIA_TAGS = ("img", "picture", "video", "audio", "iframe", "amp-img")
# Blocks too wide to be one picture's own.
_SECTIONS = frozenset(("main", "article", "section", "body", "html"))
# Class words of a control that shows or hides a caption, which is not the caption.
_CONTROLS = frozenset(("button", "btn", "toggle"))
# A credit element of the article around a picture: the story's byline, not the picture's.
_STORY_WORDS = frozenset(("author", "authors", "article", "story", "post"))
# Characters of a caption's credit, at most, in each place.
_MAX_CREDIT = 200
_MAX_STORY_LINE = 300
_ITALIC_TAGS = frozenset(("em", "i"))
_PICTURE_BOX_WORDS = frozenset(("image", "img", "photo", "picture", "media", "figure"))
# The elements a caption under a picture in its own small block is set in.
_PICTURE_BOX_CAPTIONS = frozenset(("p", "i", "em", "span", "small", "div"))
# "(Public domain)" closing a caption: a licence, the picture's credit.
_FREE_OF_RIGHTS = frozenset(p.casefold() for p in PUBLIC_DOMAIN_PHRASES)
# A site's name as its address, in brackets closing a caption: "(onmeth.com)".
_DOMAIN = re.compile(
    r"^(?:www\.)?[a-z0-9-]{2,63}(?:\.[a-z0-9-]{2,63})*\.[a-z]{2,12}$"
)  # lower case: not "St.Louis"
_ROLE_SPLIT = re.compile(r"[\s_-]+")
# Credit class words that name a picture's maker or rights, never a story's reporter.
_PICTURE_CREDIT_WORDS = frozenset(("copyright", "photographer", "courtesy", "attribution"))
# A whole caption that is a credit: a photographer working for an outlet ("Adam Maida for
# BuzzFeed News"), or a name and a label saying the picture was handed in ("Jane Roe Submitted
# photo").
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_COMMISSIONED = re.compile(
    rf"^{_NAME}\s+for\s+(?P<outlet>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){{0,4}})\.?$"
)
_SUBMITTED = re.compile(  # the name's capitals count: "submitted" alone is no name's label
    rf"^(?P<name>{_NAME})\s*[,/–-]?\s*(?:"
    + "|".join(re.escape(w) + "|" + re.escape(w.capitalize()) for w in SUBMITTED_LABELS)
    + r")\.?$"
)
_OUTLET_WORDS = frozenset(w.casefold() for w in OUTLET_WORDS)
_ONE_PICTURE_WORDS = frozenset(("slide", "slideshow", "gallery", "caption", "figure", "lightbox"))
_MAX_ITALIC_CAPTION = 300
_MAX_HOLDER_TEXT = 400
# Words of a credit closing a caption with no label: a name or two and an outlet, no sentence.
_MAX_TAIL_WORDS = 12


@dataclass(frozen=True, slots=True)
class Figure:
    """A picture or player as the credit places read it."""

    media: Element
    holder: Element | None  # the <figure> holding it, or the small block holding it alone
    block: Element | None  # its caption block
    caption: str  # the caption block's words, outside its credit element
    credit_element: Element | None  # the caption block's own credit element
    neighbour: Element | None  # the element right under the picture (or its figure)
    urls: tuple[str, ...]
    page: PageCredits | None
    first: bool  # the page's first picture


class PageCredits:
    """What a page says of its pictures' credits beyond each figure: the structured data naming
    a picture, the story's credit line for all its pictures, the "[Featured Image by X]"
    paragraph for its first. Each is read the first time a figure asks for it."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._structured: dict[str, str] | None = None
        self._story: tuple[str | None, str | None] | None = None
        self._state_values: list[Any] | None = None

    def structured_credit(self, media: Element, urls: Iterable[str]) -> str | None:
        """The credit of the microdata item holding the media, or of the JSON-LD or microdata
        object naming one of its addresses (any size of the same file)."""
        scope = next((a for a in media.iterancestors() if is_media_scope(a)), None)
        if scope is not None:
            credit = microdata_credit(scope)
            if credit:
                return credit
        index = self._index()
        if not index:
            return None
        for url in urls:
            for key in _picture_keys(url):
                if key in index:
                    return index[key]
        return None

    def _index(self) -> dict[str, str]:
        if self._structured is None:
            found: dict[str, str] = {}
            for obj, _, _ in ld_media(self._doc):
                credit = credit_of(obj)
                raw = obj.get("contentUrl") or obj.get("url")
                if credit and isinstance(raw, str):
                    self._add(found, raw, credit)
            for scope, urls in microdata_media(self._doc):
                credit = microdata_credit(scope)
                for raw in urls if credit else ():
                    self._add(found, raw, cast(str, credit))
            for urls, credit, caption in state_pictures(self._state()):
                tail = split_credit(caption)[1] if caption else None
                # "(Photo by Michael Kovac/Getty Images for WeWork)" over the credit key's agency
                best = tail if tail and (not credit or credit.casefold() in tail.casefold()) else credit
                for raw in urls if best else ():
                    self._add(found, raw, cast(str, best))
            self._structured = found
        return self._structured

    def _add(self, index: dict[str, str], raw: str, credit: str) -> None:
        url = self._doc.resolve(raw)
        for key in _picture_keys(url) if url else ():
            index.setdefault(key, credit)

    def _state(self) -> list[Any]:
        if self._state_values is None:
            self._state_values = state_values(self._doc)
        return self._state_values

    def story_credit(self, first: bool) -> str | None:
        """The story's credit line for its pictures; for its first picture, a featured
        picture's credit paragraph before it."""
        if self._story is None:
            self._story = (
                _story_line(self._doc) or _bracketed_story_credit(self._doc),
                _featured_credit(self._doc) or state_lead_credit(self._state()),
            )
        story, featured = self._story
        return (featured if first else None) or story


Found = tuple[str, str]  # the credit as printed, and the caption left once it is taken out
Place = Callable[[Figure], Found | None]


def own_credit_element(fig: Figure) -> Found | None:
    """The figure's own credit element: in its caption block, beside the caption in the figure
    (Slate's <p class="credit"> after the figcaption, the LA Times' div.Figure-credit), or right
    under the picture (a span.credit after the <img>, CNN's figcaption.image__credit)."""
    element = fig.credit_element
    if element is None and fig.holder is not None:
        element = _credit_element_in(fig.holder, fig.media, fig.block)
    below = fig.neighbour
    if element is None and below is not None and _neighbour_is_own(fig):
        holds_caption = fig.block is not None and _inside(fig.block, below)
        if _is_credit_element(below, in_figure=False) and not holds_caption:
            element = below  # The New Republic's div.article_ledeImageCredit
        else:
            element = _credit_element_within(below, in_figure=False)
        text = _printed(element)
        return (text, fig.caption) if text and len(text) <= _MAX_CREDIT and looks_like_credit(text) else None
    text = _printed(element)
    if not text or len(text) > _MAX_CREDIT * 2:  # a caption's credit element may list many makers
        return None
    return text, fig.caption


def _neighbour_is_own(fig: Figure) -> bool:
    """Whether the block under the picture may hold its credit element: it holds no media of
    its own, and the picture has no caption, or its caption is inside that block."""
    below = fig.neighbour
    if below is None or below is fig.block or next(below.iterdescendants(*_MEDIA_TAGS), None) is not None:
        return False
    return fig.block is None or _inside(fig.block, below)


def _inside(el: Element, container: Element) -> bool:
    return any(a is container for a in el.iterancestors())


def caption_tail(fig: Figure) -> Found | None:
    """The caption's own words: a credit closing it, a credit line opening it (in its first
    element), a name after it outside its element, or the whole caption being the credit."""
    caption = fig.caption
    if not caption:
        return None
    head, comma, rest = caption.partition(",")
    if comma and _COMMA_ROLES.get(head.strip().casefold()) == "credit":
        return rest.strip(), ""  # the BBC's "Image source, Getty Images"
    block = fig.block
    found = _credit_before_caption(block, caption) if block is not None else None
    if found:
        return found
    left, credit = split_credit(caption)
    if credit is not None:
        return credit, left
    found = _name_after_caption(block, caption) if block is not None else None
    if found:
        return found
    submitted = _SUBMITTED.match(caption)
    if submitted:
        return submitted.group("name"), ""  # "Jane Roe Submitted photo": handed in by Jane Roe
    if (
        is_credit_line(caption)
        or (block is not None and block.tag == "cite" and looks_like_credit(caption))
        or _is_parties(caption)
        or _is_agency(caption)
        or _commissioned(caption)
    ):
        return (
            caption,
            "",
        )  # "Screenshot by X/Y", "AP Photo/Uncredited", <cite>Getty Images</cite>, "iStockphoto",
    # "Adam Maida for BuzzFeed News", "Jane Roe Submitted photo"
    return None


def image_attributes(fig: Figure) -> Found | None:
    """The picture's own attributes: a credit attribute on it or its <figure>, or a caption
    attribute (title, alt) ending in a credit or being one."""
    holders = [fig.media] if fig.holder is None else [fig.media, fig.holder]
    for el in holders:
        for name in CREDIT_ATTRIBUTES:
            value = attr(el, name)
            if value and len(value) <= _MAX_CREDIT and not value.startswith(("http", "/")):
                return value, fig.caption
    for name in CAPTION_ATTRIBUTES:
        value = attr(fig.media, name)
        credit = _attribute_credit(value) if value and len(value) <= _MAX_CREDIT * 2 else None
        if credit is not None:
            return credit, fig.caption
    return None


def _attribute_credit(value: str) -> str | None:
    """The credit a caption attribute states: at its end in a form no subject takes ("... (AFP
    file photo)", "... Photo by X", "... © X", "... REUTERS/X"), or as Wikimedia's whole "By Jane
    Doe [CC BY 2.0], via Wikimedia Commons". An alt text opening "Image: ..." names its subject."""
    _, credit = split_credit(value)
    if credit is not None:
        stripped, kind = strip_label(credit)
        strong = kind is None or credit.lower().startswith(_STRONG_LABEL_OPENINGS)
        return credit if strong and stripped and looks_like_credit(stripped) else None
    m = _WIKIMEDIA.match(value)
    return m.group("credit") if m else None


def structured_data(fig: Figure) -> Found | None:
    """The page's JSON-LD or microdata about the same picture: `creditText`, `creator`, `author`,
    `copyrightHolder`, `copyrightNotice` of its ImageObject."""
    credit = fig.page.structured_credit(fig.media, fig.urls) if fig.page is not None else None
    return (credit, fig.caption) if credit and len(credit) <= _MAX_CREDIT else None


def line_under(fig: Figure) -> Found | None:
    """A credit line right under the picture or its figure: "Photo: X/Reuters", "© Jane Doe",
    "Jane Doe/AP" alone in its paragraph (Fast Company's "[Photo: X/iStock]" under the figure)."""
    node = fig.neighbour
    if node is not None and node is fig.block:
        node = _after(node)  # under the caption block that is the picture's neighbour
    if node is None or node.tag in _MEDIA_TAGS or next(node.iterdescendants(*_MEDIA_TAGS), None) is not None:
        return None  # the next figure's words are its own
    text = text_of(node)
    if text and len(text) <= _MAX_CREDIT and (is_credit_line(text) or is_bare_credit(text)):
        return text, fig.caption
    return None


def story_credit(fig: Figure) -> Found | None:
    """The story's credit for all its pictures ("Photographs by Lexey Swall", "Photography by Dan
    Seifert."); for the first picture, "[Featured Image by X]"."""
    if fig.page is None or fig.media.tag not in ("img", "amp-img"):
        return None  # a story's photographs are its pictures, not its players
    credit = fig.page.story_credit(fig.first)
    return (credit, fig.caption) if credit else None


CREDIT_PLACES: tuple[Place, ...] = (
    own_credit_element,
    caption_tail,
    image_attributes,
    structured_data,
    line_under,
    story_credit,
)


def caption_and_credit(
    media: Element, page: PageCredits | None = None, urls: Iterable[str] = (), first: bool = False
) -> tuple[str | None, str | None]:
    """The caption and credit (as written) shown with a picture or player."""
    fig = locate(media, page, tuple(urls), first)
    caption: str | None = fig.caption
    credit: str | None = None
    for place in CREDIT_PLACES:
        found = place(fig)
        if found is not None:
            credit, caption = found
            break
    caption = " ".join((caption or "").split()) or None
    if caption and not any(ch.isalpha() for ch in caption):
        caption = None  # a slide's counter ("1 / 2"), no caption
    if caption and _COMMA_ROLES.get(caption.partition(",")[0].strip().casefold()) == "credit":
        caption = None  # "Image source, Getty Images" beside a credit element: no caption
    if caption and credit and _LABEL_ONLY.match(caption):
        credit, caption = f"{caption} {credit}", None  # "Photographs by" then its credit element
    elif caption and credit and (label := _LABEL_AT_END.search(caption)):
        at = label.start("label") if label.group("label") else label.start("colon")
        caption = caption[:at].strip() or None  # "... 53 года? Фото" over the credit's element
    if credit is not None:
        credit = " ".join(credit.split()) or None
    if caption and credit and caption.strip(" .") == credit.strip(" ."):
        caption = None  # the caption slot repeats the credit slot
    return caption, credit


def locate(
    media: Element, page: PageCredits | None = None, urls: tuple[str, ...] = (), first: bool = False
) -> Figure:
    """The figure around a picture: its holder, caption block and caption, the element under it."""
    figure = _figure_of(media)
    block = _caption_in(figure, media) if figure is not None else None
    below = _neighbour(figure if figure is not None else media)
    if block is None and below is not None:
        if _is_caption_block(below) or (_alone_in_paragraph(media) and _is_italic_line(below)):
            block = below  # CNN's <img> then <cite>caption</cite>; WordPress's <p><em>caption</em></p>
        elif not _is_credit_line_text(below) and next(below.iterdescendants(*_MEDIA_TAGS), None) is None:
            block = _caption_block_within(below)  # CNN's div.image__metadata > div.image__caption
    holder = figure if figure is not None else _own_block(media)
    if block is None and below is not None and figure is None and _is_picture_box(holder, below):
        block = below  # CTV's div.image: the <img>, then the <p> that captions it
    if block is None:
        block = _described_by(media)
    credit_element = _credit_element_in_caption(block) if block is not None else None
    caption = _caption_text(block, credit_element) if block is not None else ""
    if block is not None and block is figure:
        block = None
    return Figure(media, holder, block, caption, credit_element, below, urls, page, first)


def _caption_text(block: Element, credit_el: Element | None) -> str:
    caption = " ".join(" ".join(_caption_strings(block, credit_el)).split())
    head, comma, rest = caption.partition(",")
    if comma and _COMMA_ROLES.get(head.strip().casefold()) == "caption":
        return rest.strip()  # the BBC's "Image caption, Waves crash ..."
    return caption


def split_credit(text: str) -> tuple[str, str | None]:
    """Caption text and the credit at its end, if it ends in one."""
    text = text.strip()
    for rx in (_TRAILING_LABELLED, _TRAILING_COPYRIGHT, _TRAILING_PAREN, _TRAILING_BY):
        m = rx.search(text)
        if m:
            credit = m.group("credit").strip()
            caption = text[: m.start("credit")].rstrip(" [(").strip()
            return caption, credit
    m = _TRAILING_WIRE.search(text) if "/" in text else None
    if m and agency(m.group("wire")):
        return text[: m.start("credit")].strip(), m.group("credit").strip()  # "... 2024. REUTERS/Eva Manez"
    m = _TRAILING_SEPARATED.search(text) if _SEPARATORS and any(sep in text for sep in _SEPARATORS) else None
    if m:
        return text[: m.start()].strip(), m.group("credit").strip()  # "... スアレス＝ロイター"
    m = _TRAILING_BRACKETS.search(text) if text.endswith((")", "]")) else None
    inner = m.group("credit").strip() if m else ""
    if m and (_names_an_agency(inner) or _DOMAIN.match(inner) or inner.casefold() in _FREE_OF_RIGHTS):
        return text[: m.start("credit")].rstrip(" [(").strip(), m.group("credit").strip()  # "... (AP)"
    at = _unlabelled_tail(text)
    if at is not None:
        return text[:at].strip(), text[at:].strip().rstrip(".").strip()
    return text, None


def _unlabelled_tail(text: str) -> int | None:
    """Where a credit with no label closing the caption begins: the longest of its last few
    sentences' tails that are parties joined by slashes ("Jeffrey T. Barnes/AP") or a known
    agency alone ("Getty Images")."""
    best: int | None = None
    ends = [m.end() for m in _SENTENCE_END.finditer(text)][-_TAIL_SENTENCES:]
    for at in reversed(ends):
        tail = text[at:].strip().rstrip(".").strip()
        if _is_parties(tail) or _is_agency(tail):
            best = at
        elif best is not None:
            break
    return best


def _names_an_agency(text: str) -> bool:
    """ "AP", "AFP file photo", "Photo by REUTERS", "Getty Images": a credit in brackets, which
    names a known agency in a few words (a label before it allowed)."""
    words = text.split()
    if len(words) > 5 or not any(ch.isalpha() for ch in text):
        return False
    stripped, _ = strip_label(text)
    return agency(stripped) is not None or any(agency(org) for org in parse_credit(text).orgs)


def _is_parties(text: str) -> bool:
    """ "Scott Heins/Gothamist", "Leonhard Foeger / Reuters": parties joined by slashes, each
    a few capitalised words (a name, an outlet), not the end of a sentence ("... 24/7"); or
    joined by commas, an agency last ("ITV, ASSOCIATED PRESS"; "Paris, France" is a place)."""
    if len(text.split()) > _MAX_TAIL_WORDS or any(ch.isdigit() for ch in text):
        return False
    pieces = [p.strip() for p in text.split("/" if "/" in text else ",")]
    if len(pieces) < 2 or not all(pieces) or ("/" not in text and not agency(pieces[-1])):
        return False
    for piece in pieces:
        if agency(piece):
            continue  # "dpa", "picture alliance": an agency as it spells itself
        words = [w for w in piece.split() if w.lower() not in _TAIL_SMALL_WORDS]
        if not words or len(words) > 6 or not all(w[0].isupper() or not w[0].isalpha() for w in words):
            return False
        if "/" not in text and len(words) < 2 and not piece.isupper():
            return False  # "Protesters, Reuters": one capitalised word before a comma is no party
    return looks_like_credit(text)


def _is_agency(text: str) -> bool:
    """A known agency or outlet alone: "Getty Images", "Reuters", "AP Photo"."""
    return len(text.split()) <= 4 and agency(text) is not None


def is_credit_line(text: str) -> bool:
    return len(text) <= 300 and bool(_CREDIT_LINE.match(text))


def _is_credit_line_text(el: Element) -> bool:
    text = text_of(el)
    return bool(text) and is_credit_line(text)


def _figure_of(media: Element) -> Element | None:
    node = media.getparent()
    levels = 0
    while levels < 6:
        if node is None or node.tag in ("body", "article"):
            return None
        if node.tag in ("source", "picture", "noscript"):  # lxml nests unclosed <source>s
            node = node.getparent()
            continue
        levels += 1
        words = class_words(node)
        if node.tag == "figure" or ("wp" in words and "caption" in words):
            return node
        node = node.getparent()
    return None


def _caption_in(container: Element, media: Element) -> Element | None:
    """The figure's caption block: its figcaption, or an element whose class says caption. A
    figure whose caption slot is empty has none (its neighbour may caption it)."""
    captions = list(container.iterdescendants("figcaption")) or [
        el
        for el in container.iterdescendants(etree.Element)
        if class_words(el) & _CAPTION_CLASSES and not contains_equal(el, media)
    ]
    if not captions:
        return None
    block = captions[0]
    if _caption_strings(block, None) and " ".join(" ".join(_caption_strings(block, None)).split()):
        return block
    credit_el = _credit_element_in_caption(block)
    return block if credit_el is not None and text_of(credit_el) else None


def _own_block(media: Element) -> Element | None:
    """The small block holding the picture alone, up to six levels up (a div.image holding the
    <img> and its span.credit): no other picture, no heading, few words."""
    holder: Element | None = None
    node = media.getparent()
    levels = 0
    while node is not None and levels < _OWN_LEVELS and node.tag not in _SECTIONS:
        if node.tag not in ("source", "picture", "noscript", "a"):
            levels += 1
            pictures = (
                el
                for el in node.iterdescendants(*_MEDIA_TAGS)
                if el.tag != "picture" and next(el.iterancestors("noscript"), None) is None
            )
            if len(list(islice(pictures, 2))) > 1:
                break  # another picture: the first two are enough to tell (a gallery holds thousands)
            if next(node.iterdescendants(*HEADINGS), None) is not None:
                break
            if _text_longer(node, _MAX_HOLDER_TEXT):
                break
            holder = node
        node = node.getparent()
    return holder


def _credit_element_in_caption(block: Element) -> Element | None:
    """The caption block's credit element: a credit class or role (RT's
    data-role="copyright"), a <cite>, a credit itemprop."""
    return next(
        (
            el
            for el in block.iterdescendants(etree.Element)
            if (
                (class_words(el) | _role_words(el)) & _CREDIT_CLASSES
                or el.tag == "cite"
                or is_credit_prop(el)
            )
            and _has_words(el)  # RT's "©" in its own element, then the credit's
        ),
        None,
    )


def _commissioned(caption: str) -> bool:
    """ "Adam Maida for BuzzFeed News": a name working for an outlet the vocabulary knows (an
    agency, or a name ending in a newspaper's word); "Students Rally for Climate Action" is none."""
    m = _COMMISSIONED.match(caption)
    if m is None:
        return False
    outlet = m.group("outlet")
    return agency(outlet) is not None or outlet.split()[-1].casefold() in _OUTLET_WORDS


def _has_words(el: Element) -> bool:
    return any(ch.isalnum() for ch in text_of(el))


def _credit_by_words(text: str) -> bool:
    return is_credit_line(text) or _is_parties(text) or _is_agency(text)


def _role_words(el: Element) -> frozenset[str]:
    """The words of an element's data-role, read as its class's."""
    role = el.get("data-role")
    return frozenset(_ROLE_SPLIT.split(role.lower())) if role else frozenset()


def _credit_element_in(holder: Element, media: Element, block: Element | None) -> Element | None:
    """A credit element of the figure outside its caption block, after the picture."""
    figure = holder.tag == "figure" or "caption" in class_words(holder)
    after = False
    for el in holder.iterdescendants(etree.Element):
        if el is media:
            after = True
            continue
        if not after and not figure:
            continue  # a small block's credit comes after its picture; a figure's anywhere
        if block is not None and (el is block or _inside(el, block) or _inside(block, el)):
            continue  # the caption, or a block holding it (nymag's div.attribution), is no credit
        if el.tag in _MEDIA_TAGS or next(el.iterdescendants(*_MEDIA_TAGS), None) is not None:
            continue
        if _is_credit_element(el, figure) or (figure and is_credit_prop(el)):
            return el
    if holder.tag != "figure":
        return None
    for el in holder.iterdescendants(etree.Element):  # a credit told by its words alone, its
        # class a hash (Quartz's <div class="HywHC">AP Photo/Lekan Oyekanmi</div>)
        if el is media or len(el) or (block is not None and (el is block or _inside(el, block))):
            continue
        text = text_of(el)
        if text and len(text) <= _MAX_CREDIT and _credit_by_words(text):
            return el
    return None


def _credit_element_within(block: Element, in_figure: bool = True) -> Element | None:
    """A credit element among the first elements of the block under a picture (CNN's
    div.image__metadata holding figcaption.image__credit, AP's <font class="photo">)."""
    inner = islice(block.iterdescendants(etree.Element), 12)
    return next((el for el in inner if _is_credit_element(el, in_figure)), None)


def _is_credit_element(el: Element, in_figure: bool = True) -> bool:
    """A credit's element: a <cite>, or a credit class that is no caption's ("image__caption
    attribution" is CNN's caption) and no story's ("article-byline" is the reporter's; inside a
    figure, the BBC's "story-image-copyright" is the picture's). Outside a figure, a byline
    under a picture is the story's (The Verge's hero, then "By Tom Warren")."""
    if el.tag == "cite":
        return True
    words = class_words(el) | _role_words(el)
    credit = words & _CREDIT_CLASSES if in_figure else words & _CREDIT_CLASSES - {"byline"}
    story = (
        words & _STORY_WORDS
        and not (in_figure and credit & _PICTURE_CREDIT_WORDS)
        and words.isdisjoint(_PICTURE_BOX_WORDS)  # "PostPicture__credit", "article-image-credit"
    )
    return bool(credit) and not words & _CAPTION_CLASSES and not story and _has_words(el)


def _described_by(media: Element) -> Element | None:
    """A caption elsewhere on the page that the picture points to: its aria-describedby, or a
    link to "#id" beside it in the picture's own block (FAZ's "show the picture's description"
    button)."""
    ids = [v for v in (media.get("aria-describedby") or "").split() if v]
    parent = media.getparent()
    container = parent.getparent() if parent is not None else None
    if container is not None and container.tag not in _SECTIONS:
        hrefs = islice((h for a in container.iterdescendants("a") if (h := a.get("href")) is not None), 20)
        linked = [href[1:] for href in hrefs if href.startswith("#") and len(href) > 1]
        if linked and len(list(islice(container.iterdescendants(*_MEDIA_TAGS), 2))) == 1:
            ids.extend(linked)  # the block is this picture's own
    if not ids:
        return None
    root = media.getroottree()
    for ident in ids:
        found = root.xpath("(//*[@id = $ident])[1]", ident=ident)
        target = found[0] if isinstance(found, list) and found else None
        if isinstance(target, etree._Element) and _is_caption_block(target):
            return target
    return None


def _is_caption_block(el: Element) -> bool:
    if el.tag in ("figcaption", "cite"):
        return True
    words = class_words(el)
    return bool(words & _CAPTION_CLASSES) and words.isdisjoint(_CONTROLS)  # not "ImageDescriptionButton"


def _alone_in_paragraph(media: Element) -> bool:
    """The picture stands alone in its paragraph (<p><a><img></a></p>), as a classic editor
    places one."""
    parent = media.getparent()
    if parent is not None and parent.tag == "a":
        parent = parent.getparent()
    return parent is not None and parent.tag == "p" and not text_of(parent) and len(children(parent)) == 1


def _is_picture_box(holder: Element | None, below: Element) -> bool:
    """The picture's own small block is named for a picture ("image", "photo") and the element
    under the picture, inside that block, is a line of words (CTV's <p>, Gothamist's <i> in
    div.image-right): the picture's caption."""
    return (
        holder is not None
        and below.tag in _PICTURE_BOX_CAPTIONS
        and below.getparent() is holder
        and not class_words(holder).isdisjoint(_PICTURE_BOX_WORDS)
        and bool(text := text_of(below))
        and not (is_credit_line(text) or is_bare_credit(text))  # a credit line under it is read as one
        and furniture_of(holder) is None  # a sidebar's "sidebar-li-img" and its headline: no caption
        and not _is_credit_element(below, in_figure=False)
        and _credit_element_within(below, in_figure=False) is None
        and not _is_control(below)  # FAZ's "show the description" button
    )


def _is_italic_line(el: Element) -> bool:
    """A short paragraph set in italics whole, right under a picture: a caption as a classic
    editor writes one (<p><a><img></a></p><p><em>Light a Wish by OGE Group</em></p>)."""
    if el.tag != "p" or (el.text and el.text.strip()):
        return False
    inner = children(el)
    if not inner or any(
        child.tag not in _ITALIC_TAGS or (child.tail and child.tail.strip()) for child in inner
    ):
        return False
    text = text_of(el)
    return bool(text) and len(text) <= _MAX_ITALIC_CAPTION and any(ch.isalpha() for ch in text)


def _caption_block_within(block: Element) -> Element | None:
    """The caption element among the first elements of the block under a picture."""
    inner = islice(block.iterdescendants(etree.Element), 12)
    return next((el for el in inner if _is_caption_block(el) and not _is_credit_element(el)), None)


def _neighbour(node: Element) -> Element | None:
    """The element right after the picture (or its figure), <br>s skipped; where the picture is
    its block's last element, or only pictures follow it there (a row of pictures sharing one
    caption: The New York Times' two images then one p.g-caption), the element after that
    block, up to three levels up (AP's <a><img></a><br><font>credit</font>, Mashable's hero)."""
    current: Element | None = node
    for _ in range(_NEAR_LEVELS):
        while current is not None and current.tag in ("source", "picture", "noscript"):
            current = current.getparent()  # lxml nests unclosed <source>s around the <img>
        if current is None or current.tag in _SECTIONS:
            return None
        sibling = _after(current)
        if sibling is not None and not _only_pictures_from(sibling):
            return sibling
        current = current.getparent()
    return None


def _after(node: Element) -> Element | None:
    """The next element, <br>s skipped."""
    sibling = next_element(node)
    while sibling is not None and sibling.tag in ("br", "wbr"):
        sibling = next_element(sibling)
    return sibling


def _only_pictures_from(sibling: Element) -> bool:
    """Whether this element and the few after it are all pictures or blocks of pictures with
    no words: the rest of a row of pictures."""
    node: Element | None = sibling
    for _ in range(_ROW):
        if node is None:
            return True
        if not _is_picture_block(node):
            return False
        node = _after(node)
    return False


def _is_picture_block(el: Element) -> bool:
    """A picture, or a block holding pictures and no words."""
    if el.tag in ("img", "picture", "amp-img"):
        return True
    return next(el.iterdescendants("img", "amp-img"), None) is not None and not _text_longer(el, 0)


def _text_longer(el: Element, limit: int) -> bool:
    """Whether the element's words run longer than `limit` characters, read only as far as
    needed (a block under a picture may hold the rest of the article)."""
    total = 0
    for piece in el.itertext():
        total += len(piece.strip())
        if total > limit:
            return True
    return False


def _caption_strings(block: Element, credit_el: Element | None) -> list[str]:
    """The strings of a caption block outside its credit element (and outside any copy of it),
    outside scripts, styles and templates, and not directly in an <svg>."""
    if block.tag in CONTAINERS or next(block.iterancestors(*CONTAINERS), None) is not None:
        return []  # a <template>'s strings are no page text
    credits = (
        {el for el in block.iterdescendants(cast(str, credit_el.tag)) if same_element(el, credit_el)}
        if credit_el is not None
        else set()
    )
    parts: list[str] = []
    tags: list[str] = []  # the open elements' names
    skipped = 0  # depth inside a credit, a script or a style
    for event, node in etree.iterwalk(block, events=("start", "end", "comment", "pi")):
        if event == "start":
            tags.append(cast(str, node.tag))
            if skipped or node.tag in CONTAINERS or node in credits or _is_control(node):
                skipped += 1
            elif node.text and node.tag != "svg":
                parts.append(node.text)
            continue
        if event == "end":
            tags.pop()
            if skipped:
                skipped -= 1
            if node is block:
                continue
        if not skipped and node.tail and tags[-1] != "svg":
            parts.append(node.tail)
    return parts


def _is_control(el: Element) -> bool:
    """A control inside a caption (NPR's <b class="hide-caption">hide caption</b>), or words
    for screen readers only (the BBC's "Image caption" before the caption)."""
    classes = el.get("class")
    if not classes:
        return False
    return not _CAPTION_CONTROLS.isdisjoint(class_words(el)) or not _SCREEN_READER.isdisjoint(classes.split())


def _printed(el: Element | None) -> str:
    """An element's words as the page prints them: without controls, scripts and words for
    screen readers only."""
    return " ".join(" ".join(_caption_strings(el, None)).split()) if el is not None else ""


def _name_after_caption(block: Element, caption: str) -> Found | None:
    """ "<span>Police blast protesters – video</span> Guardian": a caption in its own element,
    then a few capitalised words or an agency outside it, which credit the media."""
    holders = [child for child in children(block) if text_of(child)]
    if len(holders) != 1:
        return None
    inner = text_of(holders[0])
    rest = caption[len(inner) :].strip(" .,;–—-") if caption.startswith(inner) else ""
    if rest and len(rest.split()) <= 4 and looks_like_credit(rest):
        label = _LABEL_AT_END.search(inner)  # "... 53 года? Фото" then the link "@paulinaporizkov"
        if label:
            at = label.start("label") if label.group("label") else label.start("colon")
            return f"{inner[at:]} {rest}", inner[:at].strip()
        return rest, inner
    return None


def _credit_before_caption(block: Element, caption: str) -> Found | None:
    """ "<span>© UC Global</span><br><span class=caption>UC Global photo of ...</span>": a credit
    line in the block's first element, the caption after it."""
    holders = [child for child in children(block) if text_of(child)]
    if len(holders) < 2:
        return None
    first = text_of(holders[0])
    if not (is_credit_line(first) or ("/" in first and looks_like_credit(first))):
        return None
    rest = caption[len(first) :].strip(" .,;–—-") if caption.startswith(first) else ""
    return (first, rest) if rest else None


def _story_line(doc: Document) -> str | None:
    """A line of the story crediting its pictures as a whole: a short paragraph (or a block
    whose class says credits) made of credit clauses ("Produced by A, Photographs by Lexey
    Swall, Written by B"; "Text: A<br>Photos: B on Unsplash"), one of them the photographs'."""
    blocks = [*doc.tags("p"), *(d for d in doc.tags("div") if _story_credits_block(d))]
    for p in blocks:
        raw = "".join(p.itertext())
        if len(raw) > _MAX_STORY_LINE * 2 or not any(sign in raw.lower() for sign in _STORY_SIGNS):
            continue  # the cheap test first: most paragraphs are prose, most pages print no such line
        text = text_of(p)
        if not text or len(text) > _MAX_STORY_LINE:
            continue
        for clause in (c for line in _lines(p) if line for c in _STORY_SPLIT.split(line)):
            m = _STORY_CLAUSE.match(clause)
            if m and m.group("credit")[:1].isupper() and looks_like_credit(m.group("credit")):
                return m.group("credit").strip()
    return None


def _bracketed_story_credit(doc: Document) -> str | None:
    """A bracketed note crediting the story's pictures ("[사진=MBC, SBS]" closing a Korean
    article), found by one search of the page's text."""
    language = (doc.language or "").replace("_", "-").split("-")[0].lower()
    if language and language not in _BRACKETED_CREDIT_LANGUAGES:
        return None  # the cheap test first: a page in another language (or none declared)
    if not any(label in doc.text for label in BRACKETED_STORY_CREDIT_LABELS):
        return None
    for m in _BRACKETED_CREDIT.finditer(doc.text):
        if doc.text.rfind("<", 0, m.start()) <= doc.text.rfind(">", 0, m.start()):
            return " ".join(m.group("credit").split())  # in the page's words, not in a tag's
    return None


def _story_credits_block(div: Element) -> bool:
    """A block whose class says credits and nothing of one picture ("articlecredits", not a
    slide's "slide-credit" or an "image-credit")."""
    if "credit" not in (div.get("class") or ""):
        return False  # the cheap test first
    words = class_words(div)
    return not words & _PICTURE_BOX_WORDS and not words & _ONE_PICTURE_WORDS


def _lines(el: Element) -> list[str]:
    """An element's words, one string a line as its <br>s break them."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue  # a comment
        if event == "start":
            parts.append("\n" if node.tag == "br" else node.text or "")
        elif node is not el and node.tail:
            parts.append(node.tail)
    return [" ".join(line.split()) for line in "".join(parts).splitlines()]


_FEATURED_WORDS = ("featured", "top", "lead", "main", "header", "hero")
_FEATURED_CLASS_WORDS = ("featured", "hero")
_BRACKETED_CREDIT_LANGUAGES = frozenset(("ko", "ja", "zh"))
_BRACKETED_CREDIT = re.compile(
    r"[\[［（(]\s*(?:"
    + "|".join(re.escape(label) for label in sorted(BRACKETED_STORY_CREDIT_LABELS, key=len, reverse=True))
    + r")\s*[=:：＝]\s*(?P<credit>[^\]］）)<>\n]{1,60})[\]］）)]"
)
_FEATURED = re.compile(
    r"^\[?\s*(?:featured|top|lead|main|header|hero)\s+(?:image|photo|picture)\s*"
    r"(?:by|credit|:)\s*:?\s*(?P<credit>[^\]]{2,160})\]?$",
    re.IGNORECASE,
)
# Characters of a paragraph's opening read for a featured picture's credit.
_OPENING = 16


def _featured_credit(doc: Document) -> str | None:
    """ "[Featured Image by Joe Raedle/Getty Images]": a paragraph crediting the lead picture;
    or an element named for the featured picture's credit wherever it stands (BGR's
    div.featured-image-source "Image Source: X" at the story's end)."""
    named = any(word in doc.text for word in _FEATURED_CLASS_WORDS)  # the cheap test first
    for el in doc.tags("div", "span", "p", "small") if named else ():
        classes = el.get("class")
        if not classes or not any(word in classes for word in _FEATURED_CLASS_WORDS):
            continue
        words = class_words(el)
        if not words.isdisjoint(_FEATURED_CLASS_WORDS) and words & _CREDIT_CLASSES:
            text = _printed(el)
            if text and len(text) <= _MAX_CREDIT and looks_like_credit(strip_label(text)[0] or text):
                return text
    for p in doc.tags("p"):
        head = p.text.strip() if p.text else ""
        if len(head) >= _OPENING and not head[:_OPENING].lstrip("[ ").lower().startswith(_FEATURED_WORDS):
            continue  # the opening is the paragraph's own first string, and no credit's
        opening = first_strings(p, 2)[:_OPENING].lstrip("[ ").lower()
        if not opening.startswith(_FEATURED_WORDS):
            continue  # the cheap test first: most paragraphs are prose
        text = text_of(p)
        if len(text) < _MAX_CREDIT:
            m = _FEATURED.match(text)
            if m:
                return m.group("credit").strip()
    return None


_MIN_NAME = 8


def _picture_keys(url: str) -> list[str]:
    """What makes two addresses one picture for the structured data: the same media key, or the
    same file name (a long one, its size suffix dropped) on any host (a CDN's rendition)."""
    keys = [media_key(url)]
    name = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    stem = file_stem(url)
    if len(stem) >= _MIN_NAME and "." in name:
        keys.append("name:" + stem)
    return keys


def credit_text(credit: str | None) -> str | None:
    """The credit with its label stripped ("Photograph: X" gives "X", "Grafik: X" gives "X")."""
    if not credit:
        return None
    stripped, _ = strip_label(_FIGURE_LABEL_RX.sub("", credit, count=1))
    return stripped or None
