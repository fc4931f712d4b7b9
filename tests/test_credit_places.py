"""A figure's credit is looked for in one fixed order of places; the first that finds one gives it.

One page holds a picture with a credit in every place; each case takes the earlier places away
and checks that the next place speaks.
"""

from __future__ import annotations

import pytest

from catalog.document import build_document
from catalog.extractors import html_images
from catalog.extractors._captions import CREDIT_PLACES
from catalog.options import ScanOptions
from catalog.records import MediaRef
from catalog.sources import Source

_LD = (
    '<script type="application/ld+json">{"@type": "ImageObject", '
    '"url": "https://cdn.example.org/2025/quay-1200x800.jpg", '
    '"creditText": "Structured Data/Reuters"}</script>'
)
_STORY = "<p>Photographs by Story Line</p>"
_ELEMENT = '<span class="credit">Own Element/AP</span>'
_TAIL = "The quay at dawn. Caption Tail/AFP"
_ATTRIBUTE = 'data-credit="Attribute Credit/EPA"'
_UNDER = "<p>Photo: Line Under/Getty Images</p>"


def _page(element: bool, tail: bool, attribute: bool, structured: bool, under: bool) -> str:
    caption = (_TAIL if tail else "The quay at dawn.") + (_ELEMENT if element else "")
    return (
        f'<html><head><link rel="canonical" href="https://news.example.org/quay">{_LD if structured else ""}'
        f"</head><body><article><h1>The quay</h1>{_STORY}"
        '<figure><img src="https://cdn.example.org/2025/quay-640x427.jpg" alt="" '
        f"{_ATTRIBUTE if attribute else ''}>"
        f"<figcaption>{caption}</figcaption></figure>{_UNDER if under else ''}"
        "<p>The harbour reopened on Monday.</p></article></body></html>"
    )


def _refs(text: str) -> list[MediaRef]:
    src = Source("page.html", "html", text, "0" * 64, len(text.encode()), "utf-8")
    return list(html_images.extract(build_document(src, ScanOptions())))


def _credit(html: str) -> str | None:
    (ref,) = _refs(html)
    return ref.credit


def test_the_places_are_asked_in_one_order() -> None:
    names = [place.__name__ for place in CREDIT_PLACES]
    assert names == [
        "own_credit_element",
        "caption_tail",
        "image_attributes",
        "structured_data",
        "line_under",
        "story_credit",
    ]


@pytest.mark.parametrize(
    ("places", "credit"),
    [
        ((True, True, True, True, True), "Own Element/AP"),
        ((False, True, True, True, True), "Caption Tail/AFP"),
        ((False, False, True, True, True), "Attribute Credit/EPA"),
        ((False, False, False, True, True), "Structured Data/Reuters"),
        ((False, False, False, False, True), "Line Under/Getty Images"),
        ((False, False, False, False, False), "Story Line"),
    ],
    ids=["element", "caption-tail", "attribute", "structured-data", "line-under", "story-line"],
)
def test_the_first_place_that_finds_a_credit_gives_it(places: tuple[bool, ...], credit: str) -> None:
    assert _credit(_page(*places)) == credit


def test_a_credit_taken_from_the_caption_leaves_the_caption() -> None:
    (ref,) = _refs(_page(False, True, False, False, False))
    assert (ref.caption, ref.credit) == ("The quay at dawn.", "Caption Tail/AFP")
