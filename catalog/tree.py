"""The HTML tree: built by lxml's HTML parser (libxml2, the parser BeautifulSoup drove before us),
and read as the extractors read it: an element's strings and text, attributes as one string,
element neighbours.

lxml keeps the tree in C and makes a Python object only for the elements asked for, which is what
makes a page cheap; BeautifulSoup copied every node of it into Python objects first. The readings
here are BeautifulSoup's, kept exactly so that a page gives the same findings as before: the
strings of `<script>`, `<style>`, `<template>`, `<rt>` and `<rp>` are no text of the elements
around them, a string of ASCII spaces alone counts as one space or newline, class-like
attributes are their words joined by single spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import suppress
from itertools import islice
from typing import Any, TypeAlias, cast

from lxml import etree

from catalog.errors import InputError

__all__ = [
    "HEADINGS",
    "Element",
    "attr",
    "children",
    "contains_equal",
    "first_strings",
    "get_text",
    "is_element",
    "next_element",
    "parse_html",
    "same_element",
    "strings",
    "stripped_strings",
    "text_of",
    "top_level",
]

Element: TypeAlias = etree._Element

# Elements whose strings are of their own kind (code, styles, a template, ruby annotations):
# BeautifulSoup's string containers, left out of the text of the elements around them.
CONTAINERS = frozenset(("script", "style", "template", "rt", "rp"))
# The heading elements.
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONTAINER_TAGS = tuple(CONTAINERS)
# Where a string of spaces alone keeps its spaces.
_PRESERVE = frozenset(("pre", "textarea"))
_ASCII_SPACES = " \n\t\x0c\r"
# Attributes BeautifulSoup reads as lists of words (class everywhere, rel on links, ...).
_LIST_ATTRS = frozenset(("class", "accesskey", "dropzone"))
_LIST_ATTRS_OF = {
    "a": frozenset(("rel", "rev")),
    "link": frozenset(("rel", "rev")),
    "area": frozenset(("rel",)),
    "td": frozenset(("headers",)),
    "th": frozenset(("headers",)),
    "form": frozenset(("accept-charset",)),
    "object": frozenset(("archive",)),
    "icon": frozenset(("sizes",)),
    "iframe": frozenset(("sandbox",)),
    "output": frozenset(("for",)),
}
_SPACE = re.compile(r"\s+")
# libxml2 builds no tree deeper than this (with huge_tree; 256 without) and stops parsing there
# without a word: the rest of the page would be lost.
_LIBXML_MAX_DEPTH = 2048
# A page nested deeper is read again through parse events and folded to this depth: the levels
# nearest the top and nearest each leaf are kept, the wrappers between them are dropped.
_FOLD_TOP = 256
_FOLD_BOTTOM = 256


def parse_html(text: str) -> tuple[Element | None, bool]:
    """The page's root element (None for a page with no element at all) and whether a doctype
    opens it. One pass of libxml2 building its own tree; a page nested deeper than libxml2
    builds is read again through its parse events, its middle levels folded (see `_folded`)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    # huge_tree: a text node or attribute over 10 MB would otherwise end the tree there, and the
    # depth limit is 2,048 instead of 256. The size of a page is bounded by --max-mb.
    parser = etree.HTMLParser(huge_tree=True, default_doctype=False)
    try:
        parser.feed(text)
        root = parser.close()
    except (etree.LxmlError, UnicodeError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    if root is None:
        return None, False
    doctype = bool(root.getroottree().docinfo.doctype)
    if _cut_short(root):
        return _folded(text), doctype
    return root, doctype


def top_level(root: Element) -> list[Element]:
    """The nodes at the top of the page, in order: the root element, the comments before and
    after it, and any other element a page's markup put beside it (`<html/>` closed at once
    leaves the page's head and body in a second <html>)."""
    return [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]


def _cut_short(root: Element) -> bool:
    """The tree ends at libxml2's depth limit: the elements open when it stopped parsing are the
    chain of last children of the last element, as deep as the limit."""
    depth = 1
    node = [top for top in top_level(root) if is_element(top)][-1]
    while len(node):
        node = node[-1]
        depth += 1
    return depth >= _LIBXML_MAX_DEPTH


class _Events:
    """A parser target keeping the parse events as they come (start, end, data, comment)."""

    def __init__(self) -> None:
        self.events: list[tuple[int, Any, Any]] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.events.append((0, tag, dict(attrib)))

    def end(self, tag: str) -> None:
        self.events.append((1, tag, None))

    def data(self, data: str) -> None:
        self.events.append((2, data, None))

    def comment(self, text: str) -> None:
        self.events.append((3, text, None))

    def close(self) -> list[tuple[int, Any, Any]]:
        return self.events


def _folded(text: str) -> Element | None:
    """The page built from its parse events (which libxml2 gives at any depth), each branch
    keeping its top `_FOLD_TOP` levels and the `_FOLD_BOTTOM` levels above its deepest leaf:
    a figure a hundred thousand wrappers deep keeps its caption and credit, and the wrappers
    between give their contents to the nearest level kept."""
    # _Events is a parser target in lxml's sense (start, end, data, comment, close); the stubs
    # know only their own ParserTarget protocol
    parser = etree.HTMLParser(target=_Events(), huge_tree=True)  # type: ignore[call-overload]
    parser.feed(text)
    events: list[tuple[int, Any, Any]] = parser.close()
    # the height of every element (levels below it), by the index of its start event
    heights: dict[int, int] = {}
    open_starts: list[int] = []
    below: list[int] = []
    for i, (kind, _, _) in enumerate(events):
        if kind == 0:
            open_starts.append(i)
            below.append(0)
        elif kind == 1 and open_starts:
            height = below.pop()
            heights[open_starts.pop()] = height
            if below:
                below[-1] = max(below[-1], height + 1)
    root: Element | None = None
    kept: list[bool] = []  # per open element: whether it was built
    parents: list[Element] = []  # the open elements built, innermost last
    last: dict[Element, Element] = {}  # a built element's last child so far
    for i, (kind, value, attrib) in enumerate(events):
        # a second element at the top (after `<html/>`) goes into the first: lxml builds no
        # element beside the root
        parent = parents[-1] if parents else root
        if kind == 0:
            keep = parent is None or len(kept) < _FOLD_TOP or heights.get(i, 0) < _FOLD_BOTTOM
            if keep:
                el = _element(parent, value, attrib)
                if parent is not None:
                    last[parent] = el
                root = root if root is not None else el
                parents.append(el)
            kept.append(keep)
        elif kind == 1:
            if kept and kept.pop():
                parents.pop()
        elif parent is not None:
            child = last.get(parent)
            if kind == 3:
                with suppress(ValueError):  # "--" inside: no comment lxml can make, and no text
                    comment = etree.Comment(_xml_safe(value))
                    parent.append(comment)
                    last[parent] = comment
            elif child is not None:
                child.tail = (child.tail or "") + _xml_safe(value)
            else:
                parent.text = (parent.text or "") + _xml_safe(value)
    return root


# Characters XML forbids, which lxml's element API refuses (libxml2's HTML parser keeps them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _element(parent: Element | None, tag: str, attrib: dict[str, str]) -> Element:
    """An element made with lxml's API, which refuses names HTML allows ("xmlns:og", "@click",
    "a:b:c"): such an attribute is left out, such a tag becomes a <span>."""
    try:
        etree.QName(tag)
    except ValueError:
        tag = "span"
    el = etree.SubElement(parent, tag) if parent is not None else etree.Element(tag)
    for name, value in attrib.items():
        with suppress(ValueError):
            el.set(name, _xml_safe(value))
    return el


def is_element(node: Any) -> bool:
    """An element, not a comment or processing instruction (whose tag is a function)."""
    return isinstance(node.tag, str)


def attr(el: Element, name: str) -> str | None:
    """An attribute as one string, stripped; None when missing or empty. Class-like attributes
    are their words joined by single spaces, as BeautifulSoup's lists of words were."""
    value = el.get(name)
    if value is None:
        return None
    if name in _LIST_ATTRS or name in _LIST_ATTRS_OF.get(cast(str, el.tag), ()):
        value = " ".join(value.split())
    value = value.strip()
    return value or None


def children(el: Element) -> list[Element]:
    """The element's child elements (no comments)."""
    return [child for child in el if isinstance(child.tag, str)]


def next_element(el: Element) -> Element | None:
    """The next sibling that is an element (comments and text skipped)."""
    node = el.getnext()
    while node is not None and not isinstance(node.tag, str):
        node = node.getnext()
    return node


def strings(el: Element) -> Iterator[str]:
    """The strings of the element's subtree that are its text, in document order, as
    BeautifulSoup gave them: comments left out, strings inside a container of another kind
    (a <script> in a <div>) left out, a string of ASCII spaces alone made one space or newline
    (kept whole inside <pre> and <textarea>)."""
    own = el.tag if el.tag in CONTAINERS else None
    if own is None and next(el.iterancestors(*_CONTAINER_TAGS), None) is not None:
        return  # inside a <template> or <rt>: none of its strings are page text
    if own is None and next(el.iterdescendants(*_CONTAINER_TAGS), None) is None:
        preserved = el.tag in _PRESERVE or next(el.iterancestors(*_PRESERVE), None) is not None
        if preserved or next(el.iterdescendants(*_PRESERVE), None) is not None:
            yield from _walk(el, own)
            return
        for piece in el.itertext():  # every string is page text: lxml's own iteration
            if piece.strip(_ASCII_SPACES):
                yield piece
            else:
                yield "\n" if "\n" in piece else " "
        return
    yield from _walk(el, own)


def _walk(el: Element, own: str | None) -> Iterator[str]:
    """`strings` the slow way, one parse event at a time: the kind of every string and whether
    its spaces are kept follow the containers and <pre>s open around it."""
    base = own  # the kind of the strings directly in `el`
    kinds: list[str | None] = []
    kept: list[bool] = []
    preserved = el.tag in _PRESERVE or next(el.iterancestors(*_PRESERVE), None) is not None
    for event, node in etree.iterwalk(el, events=("start", "end", "comment", "pi")):
        if event == "start":
            tag = node.tag
            kind = tag if tag in CONTAINERS else (kinds[-1] if kinds else base)
            kinds.append(kind)
            kept.append(tag in _PRESERVE or (kept[-1] if kept else preserved))
            if node.text and kind == own:
                yield _collapsed(node.text, kept[-1])
            continue
        if event == "end":
            kinds.pop()
            kept.pop()
            if node is el:
                continue
        kind = kinds[-1] if kinds else base
        if node.tail and kind == own:
            yield _collapsed(node.tail, kept[-1] if kept else preserved)


def _collapsed(piece: str, keep: bool) -> str:
    if keep or piece.strip(_ASCII_SPACES):
        return piece
    return "\n" if "\n" in piece else " "


def get_text(el: Element, separator: str = "") -> str:
    """The element's strings joined, as BeautifulSoup's get_text gave them."""
    return separator.join(strings(el))


def text_of(el: Element | None) -> str:
    """The element's text, its strings joined by single spaces."""
    if el is None:
        return ""
    return _SPACE.sub(" ", " ".join(strings(el))).strip()


def stripped_strings(el: Element) -> Iterator[str]:
    """The element's non-blank strings, stripped."""
    return (s for piece in strings(el) if (s := piece.strip()))


def first_strings(el: Element, n: int) -> str:
    """The first `n` non-blank strings of the element, stripped, joined by spaces."""
    return " ".join(islice(stripped_strings(el), n))


def same_element(a: Element, b: Element) -> bool:
    """The same element, or one equal to it as BeautifulSoup compared them: same name, same
    attributes, same contents (a page's second copy of a credit or a picture)."""
    if a is b:
        return True
    if a.tag != b.tag or len(a) != len(b) or dict(a.attrib) != dict(b.attrib):
        return False
    return bool(etree.tostring(a, with_tail=False) == etree.tostring(b, with_tail=False))


def contains_equal(container: Element, el: Element) -> bool:
    """Whether `el`, or an element equal to it, is inside `container`."""
    return any(same_element(node, el) for node in container.iterdescendants(cast(str, el.tag)))
