"""Captions and credits beside HTML media: figcaption, caption/credit classes, credit lines."""

from __future__ import annotations

import re
from itertools import islice
from typing import cast

from lxml import etree

from catalog.credits import agency, looks_like_credit, strip_label
from catalog.extractors._html import class_words, text_of
from catalog.tree import CONTAINERS, Element, children, contains_equal, next_element, same_element
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


def caption_and_credit(media: Element) -> tuple[str | None, str | None]:
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


def _described_by(media: Element) -> tuple[str | None, str | None]:
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
        return None, None
    root = media.getroottree()
    for ident in ids:
        found = root.xpath("(//*[@id = $ident])[1]", ident=ident)
        target = found[0] if isinstance(found, list) and found else None
        if isinstance(target, etree._Element) and _is_caption_block(target):
            return _read_caption(target)
    return None, None


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


def _from_container(container: Element, media: Element) -> tuple[str | None, str | None]:
    captions = list(container.iterdescendants("figcaption")) or [
        el
        for el in container.iterdescendants(etree.Element)
        if class_words(el) & _CAPTION_CLASSES and not contains_equal(el, media)
    ]
    if not captions:
        return None, None
    return _read_caption(captions[0])


def _is_caption_block(el: Element) -> bool:
    if el.tag in ("figcaption", "cite"):
        return True
    words = class_words(el)
    return bool(words & _CAPTION_CLASSES) and words.isdisjoint(_CONTROLS)  # not "ImageDescriptionButton"


def _read_caption(block: Element) -> tuple[str | None, str | None]:
    """The caption and credit of a caption block: the credit from its credit element, from a
    credit line opening it, from its end ("... Photograph: X/AFP") or a name after it."""
    credit_el = next(
        (
            el
            for el in block.iterdescendants(etree.Element)
            if class_words(el) & _CREDIT_CLASSES or el.tag == "cite"
        ),
        None,
    )
    credit = text_of(credit_el) or None
    caption = " ".join(" ".join(_caption_strings(block, credit_el)).split())
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
        is_credit_line(caption) or ((block.tag == "cite" or "/" in caption) and looks_like_credit(caption))
    ):
        return None, caption  # "Screenshot by X/Y", "AP Photo/Uncredited", <cite>Getty Images</cite>
    return caption or None, credit


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
            if skipped or node.tag in CONTAINERS or node in credits:
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


def _name_after_caption(block: Element, caption: str) -> tuple[str, str | None]:
    """ "<span>Police blast protesters – video</span> Guardian": a caption in its own element,
    then a few capitalised words or an agency outside it, which credit the media."""
    holders = [child for child in children(block) if text_of(child)]
    if len(holders) != 1:
        return caption, None
    inner = text_of(holders[0])
    rest = caption[len(inner) :].strip(" .,;–—-") if caption.startswith(inner) else ""
    if rest and len(rest.split()) <= 4 and looks_like_credit(rest):
        return inner, rest
    return caption, None


def _credit_before_caption(block: Element, caption: str) -> tuple[str, str | None]:
    """ "<span>© UC Global</span><br><span class=caption>UC Global photo of ...</span>": a credit
    line in the block's first element, the caption after it."""
    holders = [child for child in children(block) if text_of(child)]
    if len(holders) < 2:
        return caption, None
    first = text_of(holders[0])
    if not (is_credit_line(first) or ("/" in first and looks_like_credit(first))):
        return caption, None
    rest = caption[len(first) :].strip(" .,;–—-") if caption.startswith(first) else ""
    return (rest, first) if rest else (caption, None)


def _from_neighbours(media: Element) -> tuple[str | None, str | None]:
    """A caption block or a credit line right after the picture or its container (CNN's
    <cite> beside the <img>, Mashable's hero, Fast Company's "[Photo: X/iStock]" under the
    figure)."""
    node: Element | None = media
    for _ in range(_NEAR_LEVELS):
        while node is not None and node.tag in ("source", "picture", "noscript"):
            node = node.getparent()  # lxml nests unclosed <source>s around the <img>
        if node is None:
            break
        sibling = next_element(node)
        while sibling is not None and sibling.tag in ("br", "wbr"):
            sibling = next_element(sibling)  # AP's <a><img></a><br><font>credit</font>
        if sibling is not None:
            if _is_caption_block(sibling):
                return _read_caption(sibling)  # CNN's <img> then <cite>caption</cite> in a <div>
            text = text_of(sibling)
            if text and is_credit_line(text):
                return None, text
            return _caption_block_within(sibling)
        node = node.getparent()
    return None, None


def _caption_block_within(block: Element) -> tuple[str | None, str | None]:
    """The caption and credit elements inside the block after a picture: CNN's
    div.image__metadata holding div.image__caption and figcaption.image__credit, AP's
    <font class="photo"><span class="apCaption">. A caption is looked for only where the
    block holds no media of its own (a figure after the picture captions its own)."""
    inner = list(islice(block.iterdescendants(etree.Element), 12))
    credit_el = next((el for el in inner if _is_credit_element(el)), None)
    caption_el = None
    if next(block.iterdescendants(*_MEDIA_TAGS), None) is None:
        caption_el = next((el for el in inner if _is_caption_block(el) and not _is_credit_element(el)), None)
    credit = text_of(credit_el) or None
    if credit is not None and len(credit) > 200:
        credit = None
    if caption_el is None:
        return None, credit
    caption, own_credit = _read_caption(caption_el)
    return caption, own_credit or credit


def _is_credit_element(el: Element) -> bool:
    """A credit's element: a <cite>, or a credit class that is no caption's ("image__caption
    attribution" is CNN's caption)."""
    words = class_words(el)
    return el.tag == "cite" or bool(words & _CREDIT_CLASSES and not words & _CAPTION_CLASSES)


def credit_text(credit: str | None) -> str | None:
    """The credit with its label stripped ("Photograph: X" gives "X")."""
    if not credit:
        return None
    stripped, _ = strip_label(credit)
    return stripped or None
