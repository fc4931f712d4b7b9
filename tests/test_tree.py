"""The HTML tree as lxml builds it, read as BeautifulSoup read it before: the same text, the same
attribute values, the same place in document order for every element; pages deeper or larger
than libxml2 builds a tree for are read whole."""

from __future__ import annotations

import pytest

from catalog.document import Document, build_document
from catalog.extractors import extract_all
from catalog.options import ScanOptions
from catalog.sources import Source
from catalog.tree import attr, get_text, parse_html, text_of

FIGURE = (
    '<figure><img src="https://img.example.org/{name}.jpg" width="800" height="600">'
    "<figcaption>Boats on the flooded river. Photo: Jane Doe/AFP</figcaption></figure>"
)


def _doc(html: str) -> Document:
    src = Source(source="page.html", format="html", text=html, sha256="0", bytes=len(html), encoding="utf-8")
    return build_document(src, ScanOptions())


def _one(html: str, tag: str) -> object:
    root, _ = parse_html(html)
    assert root is not None
    return next(root.iter(tag))


def test_text_leaves_out_scripts_styles_templates_and_comments() -> None:
    div = _one(
        "<div>a<script>var x</script>b<!-- note -->c<style>p{}</style>"
        "<template><p>kept aside</p></template><ruby>漢<rt>kan</rt></ruby><span>d</span></div>",
        "div",
    )
    assert text_of(div) == "a b c 漢 d"  # type: ignore[arg-type]


def test_an_element_inside_a_template_has_no_text() -> None:
    p = _one("<template><p>Drafted caption</p></template>", "p")
    assert text_of(p) == ""  # type: ignore[arg-type]


def test_a_string_of_spaces_counts_as_one_space_or_newline_outside_pre() -> None:
    div = _one("<div>\n   <span>x</span>   <pre>  \n  </pre></div>", "div")
    assert get_text(div) == "\nx   \n  "  # type: ignore[arg-type]


def test_class_like_attributes_are_their_words() -> None:
    div = _one('<div class="  story\n  figure " id=" lead ">x</div>', "div")
    assert attr(div, "class") == "story figure"  # type: ignore[arg-type]
    assert attr(div, "id") == "lead"  # type: ignore[arg-type]
    assert attr(div, "title") is None  # type: ignore[arg-type]


def test_places_count_every_node_as_before() -> None:
    # doctype 0, html 1, head 2, title 3, "T" 4, body 5, p 6, "a" 7, comment 8, "b" 9, img 10
    doc = _doc(
        "<!doctype html><html><head><title>T</title></head>"
        '<body><p>a<!--c-->b</p><img src="x.jpg"></body></html>'
    )
    assert [doc.position(doc.tags(name)[0]) for name in ("html", "p", "img")] == [1, 6, 10]


def test_a_page_closing_html_at_once_keeps_its_head_and_body() -> None:
    doc = _doc(
        '<!DOCTYPE html><html lang="de" />\n'
        "<html><head><title>Termine</title></head><body><p>x</p></body></html>"
    )
    assert doc.title == "Termine"


def test_a_copy_of_the_credit_stays_out_of_the_caption() -> None:
    page = (
        '<article><figure><img src="https://img.example.org/a.jpg" width="800" height="600"><figcaption>'
        'Boats on the flooded river. <span class="credit">Jane Doe/AFP</span>'
        '<span class="credit">Jane Doe/AFP</span></figcaption></figure></article>'
    )
    (ref,) = extract_all(_doc(page))
    assert (ref.caption, ref.credit) == ("Boats on the flooded river.", "Jane Doe/AFP")


@pytest.mark.parametrize("depth", [300, 2_100, 20_000], ids=lambda d: f"{d}-deep")
def test_a_picture_deeper_than_libxml2_builds_is_found(depth: int) -> None:
    page = (
        "<body><article>" + "<div>" * depth + FIGURE.format(name="deep") + "</div>" * depth + "<p>After.</p>"
    )
    doc = _doc(page)
    (ref,) = extract_all(doc)
    assert (ref.url, ref.caption, ref.credit) == (
        "https://img.example.org/deep.jpg",
        "Boats on the flooded river.",
        "Jane Doe/AFP",
    )
    assert text_of(doc.tags("p")[-1]) == "After."  # the page after it is read too


def test_a_text_over_ten_megabytes_does_not_end_the_page() -> None:
    (ref,) = extract_all(
        _doc("<body><p>" + "y" * 11_000_000 + "</p>" + FIGURE.format(name="after") + "</body>")
    )
    assert ref.url == "https://img.example.org/after.jpg"


def test_a_page_of_no_element() -> None:
    doc = _doc("<!-- nothing here -->")
    assert doc.root is None and doc.index == {} and extract_all(doc) == []


def test_a_page_too_deep_with_markup_lxml_refuses_is_still_read() -> None:
    odd = '<p xmlns:og="x" @click="go" class="note">a\x0bb<!-- a -- b --></p><a:b:c>z</a:b:c>'
    page = "<body><article>" + "<div>" * 3_000 + odd + FIGURE.format(name="odd") + "</div>" * 3_000
    doc = _doc(page)
    (ref,) = extract_all(doc)
    assert (ref.url, ref.credit) == ("https://img.example.org/odd.jpg", "Jane Doe/AFP")
    assert attr(doc.tags("p")[0], "class") == "note"
