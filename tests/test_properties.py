"""Property-based tests (hypothesis): on any text or markup the extractors, the credit parser and
URL normalisation never raise, ids are stable, and every line and position stays inside the
document it came from."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from catalog.assemble import assemble
from catalog.credits import looks_like_credit, parse_credit, parties
from catalog.document import build_document
from catalog.extractors import extract_all
from catalog.options import ScanOptions
from catalog.sources import Source
from catalog.urls import absolute, media_key, normalise, relative_reference

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces real pages and texts are made of, so random documents reach the extractors' shapes.
TEXT_PIECES = st.sampled_from(
    [
        "UPDATE 1650 GMT: ",
        "14.53",
        "Drone footage of the bridge:",
        "Photo: Jane Doe/AFP",
        "PHOTO: Residents wait",
        "(EPA)",
        "— River Watch (@riverwatch) March 3, 2025",
        "pic.twitter.com/abc",
        "https://www.youtube.com/watch?v=aBcDeFgHiJk",
        "https://t.me/chan/12",
        "Putin said:",
        "Image source, Reuters",
        "Image caption, Boats",
        "[embedded content]",
        "Embed from Getty Images",
        "Devastation: The remains of the cafe on the promenade in the town on Tuesday",
        "A photo posted by Jo (@jo) on Mar 3, 2025",
        "Twitter: Jo - text",
        "Storm from Tom on Vimeo.",
        "\n",
        "\n\n\n",
        ":",
        "/",
        "©",
        "(",
        ")",
        " ",
        "ا",
        "Ж",
        "\u2028",
        "\t",
    ]
)
HTML_PIECES = st.sampled_from(
    [
        "<figure>",
        "</figure>",
        '<img src="https://img.example.org/a.jpg" alt="A">',
        '<img srcset=", bad 2x, /b.jpg 800w" data-src="javascript:x">',
        "<figcaption>Boats. Photo: Jane Doe/AFP</figcaption>",
        '<blockquote class="twitter-tweet"><p>Hi</p>&mdash; Jo (@jo) '
        '<a href="https://twitter.com/jo/status/1896654321098765432">March 3, 2025</a></blockquote>',
        '<iframe src="https://www.youtube.com/embed/aBcDeFgHiJk"></iframe>',
        '<video><source src="/v.mp4"></video>',
        "<noscript><img src='/n.jpg'></noscript>",
        '<base href="https://news.example.org/">',
        '<script type="application/ld+json">{"image": [</script>',
        "<div>",
        "</div>",
        "<p>",
        "text",
        "<",
        ">",
        '"',
        "&amp;",
    ]
)


def _doc(text: str, fmt: str) -> tuple[str, list[tuple[object, object]]]:
    src = Source(
        source=f"/virtual/doc.{fmt}",
        format=fmt,
        text=text,
        sha256="0" * 64,
        bytes=len(text),
        encoding="utf-8",
    )
    doc = build_document(src, ScanOptions())
    return text, assemble(doc, extract_all(doc))  # type: ignore[return-value]


def _check(text: str, fmt: str) -> None:
    _, rows = _doc(text, fmt)
    again = _doc(text, fmt)[1]
    assert [m.id for m, _ in rows] == [m.id for m, _ in again]  # type: ignore[attr-defined]
    lines = text.count("\n") + 1
    for position, (media, mention) in enumerate(rows, start=1):
        assert mention.position == position  # type: ignore[attr-defined]
        assert mention.line is None or 1 <= mention.line <= lines  # type: ignore[attr-defined]
        assert media.id and media.kind  # type: ignore[attr-defined]
        # The page names no address: a relative address stays as written, keyed to the page.
        if media.url and relative_reference(media.url) == media.url:  # type: ignore[attr-defined]
            assert media.id.startswith("relative:"), media.id  # type: ignore[attr-defined]
        for url in media.urls:  # type: ignore[attr-defined]
            if relative_reference(url) != url:
                assert url.split(":", 1)[0].lower() in ("http", "https"), url


@SETTINGS
@given(st.lists(st.one_of(TEXT_PIECES, st.text(max_size=30)), max_size=40).map("".join))
def test_text_extractors_never_raise_and_stay_in_the_document(text: str) -> None:
    if text.strip():
        _check(text, "text")


@SETTINGS
@given(st.lists(st.one_of(HTML_PIECES, st.text(max_size=20)), max_size=40).map("".join))
def test_html_extractors_never_raise_and_stay_in_the_document(body: str) -> None:
    _check(f"<html><body><article>{body}</article></body></html>", "html")


@SETTINGS
@given(st.text(max_size=120))
def test_the_credit_parser_never_raises(text: str) -> None:
    credit = parse_credit(text)
    assert credit.org is None or credit.org in credit.orgs
    assert credit.person is None or credit.person in credit.people
    looks_like_credit(text)
    for party in parties(text, credit.person, credit.org, credit.handle):
        assert party.name and party.key


@SETTINGS
@example("A:////")  # no host: once read as "a://", then as "a:/"
@given(
    st.one_of(
        st.text(max_size=80),
        st.builds(
            lambda scheme, host, path, query: f"{scheme}://{host}/{path}?{query}",
            st.sampled_from(["http", "https", "HTTPS", "javascript", "data", "file", "ftp"]),
            st.sampled_from(["example.org", "WWW.Example.ORG", "youtu.be", "t.me", "[::1]", "a..b", ""]),
            st.text(max_size=20),
            st.text(max_size=20),
        ),
    )
)
def test_url_normalisation_never_raises_and_is_idempotent(url: str) -> None:
    once = normalise(url)
    assert normalise(once) == once
    assert media_key(url) == media_key(url)
    resolved = absolute(url, "https://news.example.org/a/b.html")
    assert resolved is None or resolved.split(":", 1)[0].lower() in ("http", "https")
