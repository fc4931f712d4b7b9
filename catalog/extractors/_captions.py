"""Captions and credits beside HTML media: figcaption, caption/credit classes, credit lines."""

from __future__ import annotations

import re

from bs4 import Tag
from bs4.element import NavigableString

from catalog.credits import agency, looks_like_credit, strip_label
from catalog.extractors._html import class_words, text_of
from catalog.vocabulary import (
    CAPTION_CLASS_TOKENS,
    COMMA_LABELS,
    CREDIT_CLASS_TOKENS,
    CREDIT_LABEL_QUALIFIERS,
    CREDIT_LABELS,
)

__all__ = ["caption_and_credit", "split_credit"]

_CREDIT_CLASSES = frozenset(CREDIT_CLASS_TOKENS)
_CAPTION_CLASSES = frozenset(CAPTION_CLASS_TOKENS)
_LABELS = "|".join(re.escape(label) for label, _ in sorted(CREDIT_LABELS, key=lambda x: -len(x[0])))
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
# A wire's credit closing the caption with no label: "... November 1, 2024. REUTERS/Eva Manez".
_TRAILING_WIRE = re.compile(
    r"[.!?]\s+(?P<credit>(?P<wire>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?)\s*/\s*[^/\n]{2,80}?)\s*$"
)
_COMMA_ROLES = {label: role for label, role, _ in COMMA_LABELS}
_TRAILING_COPYRIGHT = re.compile(r"(?:^|\s)(?P<credit>(?:©|\(c\))\s*[^\n]{2,200}?)\s*$")
_TRAILING_PAREN = re.compile(r"\s\((?P<credit>[^()]{2,80}\s*/\s*[^()]{2,60})\)\s*$")
# Labels that need no colon: "Photo by X", "Screenshot by X", "Courtesy of X".
_BY_LABELS = "|".join(
    re.escape(label) for label, _ in CREDIT_LABELS if label.endswith((" by", " of", " von", " de"))
)
# A credit after the caption's last sentence, its label needing no colon: "The levee held.
# Photo by Jane Doe for The Valley Courier".
_TRAILING_BY = re.compile(
    r"[.!?]\s+(?P<credit>(?:" + _BY_LABELS + r")\s+(?-i:[A-Z])[^\n\[\]()]{2,120}?)\s*$", re.IGNORECASE
)
# A whole block that is a credit line: "Credit: lili sams/mashable", "[Photo: X/iStock]".
_CREDIT_LINE = re.compile(
    r"^\s*\[?\s*(?:(?:" + _LABELS + r")\s*:|©|\(c\)|(?:" + _BY_LABELS + r")\b)",
    re.IGNORECASE,
)
_NEAR_LEVELS = 3
# A block holding one of these captions its own media, not the picture before it.
_MEDIA_TAGS = ("img", "picture", "video", "audio", "iframe")
# Blocks too wide to be one picture's own.
_SECTIONS = frozenset(("main", "article", "section", "body", "html"))
# Class words of a control that shows or hides a caption, which is not the caption.
_CONTROLS = frozenset(("button", "btn", "toggle"))


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
    return text, None


def _comma_labelled(caption: str, credit: str | None) -> tuple[str, str | None]:
    """The BBC's hidden labels: "Image source, Getty Images" is a credit, "Image caption, Waves
    crash ..." a caption."""
    head, comma, rest = caption.partition(",")
    role = _COMMA_ROLES.get(head.strip().casefold()) if comma else None
    if role == "credit":
        return "", credit or rest.strip() or None
    if role == "caption":
        return rest.strip(), credit
    return caption, credit


def is_credit_line(text: str) -> bool:
    return len(text) <= 300 and bool(_CREDIT_LINE.match(text))


def caption_and_credit(media: Tag) -> tuple[str | None, str | None]:
    """The caption and credit (as written) shown with a picture or player."""
    figure = _figure_of(media)
    if figure is not None:
        caption, credit = _from_container(figure, media)
        if caption or credit:
            return caption, credit
        caption, credit = _from_neighbours(figure)
    else:
        caption, credit = _from_neighbours(media)
    if caption or credit:
        return caption, credit
    return _described_by(media)


def _described_by(media: Tag) -> tuple[str | None, str | None]:
    """A caption elsewhere on the page that the picture points to: its aria-describedby, or a
    link to "#id" beside it in the picture's own block (FAZ's "show the picture's description"
    button)."""
    ids = [v for v in str(media.get("aria-describedby") or "").split() if v]
    container = media.parent.parent if media.parent is not None else None
    if container is not None and container.name not in _SECTIONS:
        linked = [
            href[1:]
            for link in container.find_all("a", href=True, limit=20)
            if (href := str(link["href"])).startswith("#") and len(href) > 1
        ]
        if linked and len(container.find_all(_MEDIA_TAGS, limit=2)) == 1:
            ids.extend(linked)  # the block is this picture's own
    if not ids:
        return None, None
    root = media
    while root.parent is not None:
        root = root.parent
    for ident in ids:
        target = root.find(id=ident)
        if isinstance(target, Tag) and _is_caption_block(target):
            return _read_caption(target)
    return None, None


def _figure_of(media: Tag) -> Tag | None:
    node = media.parent
    levels = 0
    while levels < 6:
        if node is None or node.name in ("body", "article", "[document]"):
            return None
        if node.name in ("source", "picture", "noscript"):  # lxml nests unclosed <source>s
            node = node.parent
            continue
        levels += 1
        words = class_words(node)
        if node.name == "figure" or ("wp" in words and "caption" in words):
            return node
        node = node.parent
    return None


def _from_container(container: Tag, media: Tag) -> tuple[str | None, str | None]:
    captions = container.find_all("figcaption") or [
        el
        for el in container.find_all(True)
        if class_words(el) & _CAPTION_CLASSES and media not in el.descendants
    ]
    if not captions:
        return None, None
    return _read_caption(captions[0])


def _is_caption_block(el: Tag) -> bool:
    if el.name in ("figcaption", "cite"):
        return True
    words = class_words(el)
    return bool(words & _CAPTION_CLASSES) and words.isdisjoint(_CONTROLS)  # not "ImageDescriptionButton"


def _read_caption(block: Tag) -> tuple[str | None, str | None]:
    """The caption and credit of a caption block: the credit from its credit element, from a
    credit line opening it, from its end ("... Photograph: X/AFP") or a name after it."""
    credit_el = next(
        (el for el in block.find_all(True) if class_words(el) & _CREDIT_CLASSES or el.name == "cite"),
        None,
    )
    credit = text_of(credit_el) or None
    caption_parts: list[str] = []
    for el in block.find_all(string=True):
        if type(el) is not NavigableString:  # comments, CDATA, doctype
            continue
        if credit_el is not None and credit_el in el.parents:
            continue
        if el.parent is not None and el.parent.name in ("script", "style", "svg"):
            continue
        caption_parts.append(str(el))
    caption = " ".join(" ".join(caption_parts).split())
    caption, credit = _comma_labelled(caption, credit)
    if credit is None:
        caption, credit = _credit_before_caption(block, caption)
    if credit is None:
        caption, credit = split_credit(caption)
    if credit is None:
        caption, credit = _name_after_caption(block, caption)
    elif len(credit) > 400:
        credit = None
    if credit is None and (
        is_credit_line(caption) or ((block.name == "cite" or "/" in caption) and looks_like_credit(caption))
    ):
        return None, caption  # "Screenshot by X/Y", "AP Photo/Uncredited", <cite>Getty Images</cite>
    return caption or None, credit


def _name_after_caption(block: Tag, caption: str) -> tuple[str, str | None]:
    """ "<span>Police blast protesters – video</span> Guardian": a caption in its own element,
    then a few capitalised words or an agency outside it, which credit the media."""
    holders = [child for child in block.children if isinstance(child, Tag) and text_of(child)]
    if len(holders) != 1:
        return caption, None
    inner = text_of(holders[0])
    rest = caption[len(inner) :].strip(" .,;–—-") if caption.startswith(inner) else ""
    if rest and len(rest.split()) <= 4 and looks_like_credit(rest):
        return inner, rest
    return caption, None


def _credit_before_caption(block: Tag, caption: str) -> tuple[str, str | None]:
    """ "<span>© UC Global</span><br><span class=caption>UC Global photo of ...</span>": a credit
    line in the block's first element, the caption after it."""
    holders = [child for child in block.children if isinstance(child, Tag) and text_of(child)]
    if len(holders) < 2:
        return caption, None
    first = text_of(holders[0])
    if not (is_credit_line(first) or ("/" in first and looks_like_credit(first))):
        return caption, None
    rest = caption[len(first) :].strip(" .,;–—-") if caption.startswith(first) else ""
    return (rest, first) if rest else (caption, None)


def _from_neighbours(media: Tag) -> tuple[str | None, str | None]:
    """A caption block or a credit line right after the picture or its container (CNN's
    <cite> beside the <img>, Mashable's hero, Fast Company's "[Photo: X/iStock]" under the
    figure)."""
    node: Tag | None = media
    for _ in range(_NEAR_LEVELS):
        while node is not None and node.name in ("source", "picture", "noscript"):
            node = node.parent  # lxml nests unclosed <source>s around the <img>
        if node is None:
            break
        sibling = node.find_next_sibling()
        while sibling is not None and sibling.name in ("br", "wbr"):
            sibling = sibling.find_next_sibling()  # AP's <a><img></a><br><font>credit</font>
        if sibling is not None:
            if _is_caption_block(sibling):
                return _read_caption(sibling)  # CNN's <img> then <cite>caption</cite> in a <div>
            text = text_of(sibling)
            if text and is_credit_line(text):
                return None, text
            return _caption_block_within(sibling)
        node = node.parent
    return None, None


def _caption_block_within(block: Tag) -> tuple[str | None, str | None]:
    """The caption and credit elements inside the block after a picture: CNN's
    div.image__metadata holding div.image__caption and figcaption.image__credit, AP's
    <font class="photo"><span class="apCaption">. A caption is looked for only where the
    block holds no media of its own (a figure after the picture captions its own)."""
    inner = block.find_all(True, limit=12)
    credit_el = next((el for el in inner if _is_credit_element(el)), None)
    caption_el = None
    if block.find(_MEDIA_TAGS) is None:
        caption_el = next((el for el in inner if _is_caption_block(el) and not _is_credit_element(el)), None)
    credit = text_of(credit_el) or None
    if credit is not None and len(credit) > 200:
        credit = None
    if caption_el is None:
        return None, credit
    caption, own_credit = _read_caption(caption_el)
    return caption, own_credit or credit


def _is_credit_element(el: Tag) -> bool:
    """A credit's element: a <cite>, or a credit class that is no caption's ("image__caption
    attribution" is CNN's caption)."""
    words = class_words(el)
    return el.name == "cite" or bool(words & _CREDIT_CLASSES and not words & _CAPTION_CLASSES)


def credit_text(credit: str | None) -> str | None:
    """The credit with its label stripped ("Photograph: X" gives "X")."""
    if not credit:
        return None
    stripped, _ = strip_label(credit)
    return stripped or None
