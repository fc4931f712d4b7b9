"""The pipeline against a real SQLite file: stable ids, idempotent rescans, replacement in one
transaction, credit lines attached, entry stamps carried, bad inputs recorded and skipped."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from catalog.export import media_objects
from catalog.scan import scan
from catalog.urls import media_key, mirrored_url

from .conftest import SAMPLES

LIVEBLOG = """UPDATE 1200 GMT: Drone footage of the flooded square:

UPDATE 1100 GMT: A boat carries families to safety:


Photo: Lena Berg/Reuters

Crews are working through the night.
"""

TWEET = (
    '<html><body><article><blockquote class="twitter-tweet"><p>Water everywhere</p>'
    '&mdash; River Watch (@riverwatch) <a href="https://twitter.com/riverwatch/status/'
    '1896654321098765432">March 3, 2025</a></blockquote></article></body></html>'
)


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_credit_line_attaches_and_entries_are_carried(tmp_path: Path) -> None:
    (tmp_path / "blog.txt").write_text(LIVEBLOG, encoding="utf-8")
    db = tmp_path / "c.db"
    report = scan([str(tmp_path / "blog.txt")], db)
    assert report.errors == []
    media = {m["caption"]: m for m in media_objects(db)}
    drone = media["Drone footage of the flooded square"]
    assert drone["kind"] == "video" and drone["tags"] == ["drone"]
    assert drone["mentions"][0]["entry"] == "1200 GMT"
    boat = media["A boat carries families to safety"]
    assert boat["kind"] == "photo"  # the "Photo:" credit line says what the item was
    assert (boat["credit"], boat["credit_person"], boat["credit_org"]) == (
        "Lena Berg/Reuters",
        "Lena Berg",
        "Reuters",
    )
    assert boat["mentions"][0]["entry"] == "1100 GMT"
    assert len(media) == 2  # the credit line is no item of its own


ARTICLE_WITH_TIME = """Riverdale ehrt Luke Perry in Staffel vier

20. Juni 2019

17:32 Uhr

Die Macher widmen dem Schauspieler eine ganze Folge, wie der Sender mitteilte.

Foto: Jane Roe/dpa

Die Folge läuft im Oktober.
"""

TICKER = """17:45 Uhr: Die Feuerwehr meldet, der Brand sei unter Kontrolle.

Foto: Jane Roe/dpa

17:02 Uhr: Drohnenaufnahmen zeigen das Ausmaß des Feuers:

8:14 p.m. ET, March 3, 2022

Video: Reuters
"""


def test_an_articles_one_time_opens_no_entry_and_a_tickers_times_do(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE_WITH_TIME, encoding="utf-8")
    (tmp_path / "ticker.txt").write_text(TICKER, encoding="utf-8")
    db = tmp_path / "c.db"
    assert scan([str(tmp_path)], db).errors == []
    rows = _rows(
        db,
        "select documents.source, mentions.line, mentions.entry from mentions"
        " join documents on documents.id = mentions.document_id order by documents.source, mentions.line",
    )
    found = {(Path(str(source)).name, line): entry for source, line, entry in rows}
    assert found[("article.txt", 9)] is None  # the time under the article's date is no entry
    assert found[("ticker.txt", 3)] == "17:45 Uhr"
    assert found[("ticker.txt", 9)] == "8:14 p.m. ET, March 3, 2022"


def _block(stamp: str, when: str, body: str) -> str:
    return (
        f'<div class="block"><p class="block-time"><time datetime="{when}">{stamp}</time></p>'
        f'<div class="block-elements">{body}</div></div>'
    )


HTML_LIVEBLOG = (
    "<html><body><header><h1>Flood live: the river peaks overnight as towns are evacuated</h1>"
    '<time datetime="2025-03-03T06:00:00Z">Mon 3 Mar 2025 06.00 GMT</time></header>'
    '<figure><img src="https://example.org/river-at-dawn.jpg"><figcaption>The river at dawn. '
    'Photograph: Jane Roe/Reuters</figcaption></figure><div class="liveblog-body">'
    + _block(
        "14.53 GMT",
        "2025-03-03T14:53:00Z",
        '<p>Residents filmed the water reaching the square:</p><blockquote class="twitter-tweet">'
        "<p>Water in the square now</p>&mdash; River Watch (@riverwatch) <a href="
        '"https://twitter.com/riverwatch/status/1896654321098765432">March 3, 2025</a></blockquote>',
    )
    + _block(
        "2h ago",
        "2025-03-03T12:10:00Z",
        '<p>Drone footage shows the flooded valley:</p><iframe src="https://www.youtube.com/embed/AEyOoZ7JpyY"></iframe>',
    )
    + _block(
        "Mon 3 Mar 2025 09.00 GMT",
        "2025-03-03T09:00:00Z",
        '<p>Good morning and welcome to our live coverage.</p><img src="https://example.org/levee.jpg">',
    )
    + "</div></body></html>"
)

# An article in one column, a sidebar of two dated links in the other: no live blog.
HTML_ARTICLE = (
    '<html><body><div class="row"><div class="col"><h1>Council closes the old library after a '
    'vote</h1><time datetime="2025-03-01T10:00:00Z">March 1, 2025</time><figure><img src='
    '"https://example.org/library.jpg"><figcaption>The library on the square. Photo: Jane Roe/AP'
    "</figcaption></figure><p>The council voted seven to four to close the library.</p></div>"
    '<div class="col"><ul><li><a href="/a">Rail line reopens after the landslip</a><time>March 2, '
    '2025</time></li><li><a href="/b">Ferries run again after the storm</a><time>March 2, 2025'
    "</time></li></ul></div></div></body></html>"
)


def _bbc_post(clock: str, body: str) -> str:
    return (
        '<li class="lx-stream__post-container"><article class="lx-stream-post"><header><div>'
        f'<time datetime="2025-03-03T{clock}:00Z"><span class="gs-u-vh">posted at </span><span>{clock}'
        f"</span></time></div><h3>An update from the valley</h3></header><div>{body}</div></article></li>"
    )


HTML_BBC_LIVE = (
    '<html><body><h1>Flood updates from the valley</h1><ol class="lx-stream__feed">'
    + _bbc_post(
        "14:05",
        '<figure><img src="https://example.org/bbc-crews.jpg"><figcaption>Crews at the '
        "levee</figcaption></figure>",
    )
    + _bbc_post("13:40", "<p>The river has risen a metre since the morning.</p>")
    + _bbc_post("13:10", "<p>Schools in the valley are closed today.</p>")
    + "</ol></body></html>"
)


# A live blog written as one article: its stamps open paragraphs, as in a text.
HTML_UPDATES = (
    '<html><body><h1>Valley floods: live updates as the river peaks</h1><div class="body">'
    "<p>Welcome to our coverage of the floods in the valley.</p>"
    "<p><strong>UPDATE 1650 GMT:</strong> The first families have left the lower town.</p>"
    '<p>Drone footage of the lower town:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
    "<p><strong>UPDATE 1500 GMT:</strong> The levee is holding, officials say.</p>"
    '<figure><img src="https://example.org/levee-holds.jpg"><figcaption>The levee</figcaption></figure>'
    '</div><aside><img src="https://example.org/related-story.jpg"></aside></body></html>'
)


def test_a_live_blog_pages_posts_are_its_entries(tmp_path: Path) -> None:
    (tmp_path / "live.html").write_text(HTML_LIVEBLOG, encoding="utf-8")
    (tmp_path / "article.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (tmp_path / "bbc.html").write_text(HTML_BBC_LIVE, encoding="utf-8")
    (tmp_path / "updates.html").write_text(HTML_UPDATES, encoding="utf-8")
    db = tmp_path / "c.db"
    assert scan([str(tmp_path)], db).errors == []
    entries = {
        url: entry
        for url, entry in _rows(
            db, "select media.url, mentions.entry from mentions join media on media.id = mentions.media_id"
        )
    }
    assert entries["https://twitter.com/riverwatch/status/1896654321098765432"] == "14.53 GMT"  # as printed
    assert (
        entries["https://www.youtube.com/watch?v=AEyOoZ7JpyY"] == "2025-03-03T12:10:00Z"
    )  # "2h ago": machine time
    assert entries["https://example.org/levee.jpg"] == "Mon 3 Mar 2025 09.00 GMT"
    assert entries["https://example.org/river-at-dawn.jpg"] is None  # above the feed: in no post
    assert entries["https://example.org/library.jpg"] is None  # an article beside dated links
    assert entries["https://example.org/bbc-crews.jpg"] == "14:05"  # "posted at 14:05", its label hidden
    assert entries["https://www.youtube.com/watch?v=dQw4w9WgXcQ"] == "1650 GMT"  # stamped paragraphs
    assert entries["https://example.org/levee-holds.jpg"] == "1500 GMT"


def test_same_tweet_in_two_documents_is_one_media_row(tmp_path: Path) -> None:
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(TWEET, encoding="utf-8")
    db = tmp_path / "c.db"
    scan([str(tmp_path)], db)
    assert _rows(db, "select id, author_handle from media") == [
        ("twitter:1896654321098765432", "@riverwatch")
    ]
    assert _rows(db, "select count(*) from mentions") == [(2,)]
    (obj,) = list(media_objects(db))
    assert {Path(m["document"]["source"]).name for m in obj["mentions"]} == {"a.html", "b.html"}


def test_rescanning_unchanged_input_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    scan([str(SAMPLES)], db)
    before = json.dumps(list(media_objects(db)), sort_keys=True)
    docs_before = _rows(db, "select id, scanned_at, sha256 from documents order by id")
    report = scan([str(SAMPLES)], db)
    assert report.unchanged == report.documents == 2
    assert json.dumps(list(media_objects(db)), sort_keys=True) == before
    assert _rows(db, "select id, scanned_at, sha256 from documents order by id") == docs_before


def test_rescanning_changed_input_replaces_its_mentions(tmp_path: Path) -> None:
    page = tmp_path / "blog.txt"
    page.write_text(LIVEBLOG, encoding="utf-8")
    other = tmp_path / "other.html"
    other.write_text(TWEET, encoding="utf-8")
    db = tmp_path / "c.db"
    scan([str(tmp_path)], db)
    page.write_text("UPDATE 0900 GMT: Footage of the bridge closing:\n", encoding="utf-8")
    scan([str(tmp_path)], db)
    captions = sorted(c for (c,) in _rows(db, "select caption from media") if c)
    assert captions == ["Footage of the bridge closing"]  # old items gone with their mentions
    assert _rows(
        db,
        "select count(*) from mentions m join documents d on d.id = m.document_id"
        " where d.source like '%other.html'",
    ) == [(1,)]  # untouched


def test_bad_inputs_get_one_error_each_and_the_rest_is_catalogued(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "broken.html.gz").write_bytes(b"not gzip at all")
    (tmp_path / "good.html").write_text(TWEET, encoding="utf-8")
    (tmp_path / "zipped.txt.gz").write_bytes(gzip.compress(LIVEBLOG.encode()))
    db = tmp_path / "c.db"
    missing = str(tmp_path / "nope.txt")
    report = scan([str(tmp_path), missing], db)
    errors = {Path(src).name: err for src, err in report.errors}
    assert errors == {
        "empty.txt": "empty file",
        "image.html": "binary data (NUL bytes), not text or HTML",
        "broken.html.gz": errors["broken.html.gz"],
        "nope.txt": "no such file or folder",
    }
    assert errors["broken.html.gz"].startswith("not a valid gzip file")
    assert report.kinds["social_post"] == 1 and report.kinds["video"] == 1
    stored = dict(_rows(db, "select source, error from documents"))
    assert stored[missing] == "no such file or folder"
    assert sum(1 for e in stored.values() if e is None) == 2


def test_a_failed_rescan_keeps_what_was_stored(tmp_path: Path) -> None:
    page = tmp_path / "blog.txt"
    page.write_text(LIVEBLOG, encoding="utf-8")
    db = tmp_path / "c.db"
    scan([str(page)], db)
    page.write_bytes(b"")
    report = scan([str(page)], db)
    assert report.errors == [(str(page), "empty file")]
    assert _rows(db, "select count(*) from mentions") == [(2,)]
    assert _rows(db, "select error from documents") == [("empty file",)]


@pytest.mark.parametrize(
    "data, expected",
    [
        ("café — “quoted”".encode("utf-8-sig"), "café — “quoted”"),
        ("café".encode("utf-16"), "café"),
        (
            '<meta charset="windows-1251"><p>Фото: Иван Петров</p>'.encode("cp1251"),
            "Фото: Иван Петров",
        ),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Crédit</p>'.encode(
                "latin-1"
            ),
            "Crédit",
        ),
        ("صورة: وكالة الأنباء".encode("cp1256"), "صورة: وكالة الأنباء"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    from catalog.sources import read_source

    path = tmp_path / ("page.html" if data.lstrip().startswith(b"<") else "page.txt")
    path.write_bytes(data)
    assert expected in read_source(str(path), 1_000_000).text


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        # Cloudflare resizing and Drupal image styles (SCMP's two widths of one picture)
        (
            "https://img.example.com/cdn-cgi/image/fit=contain,width=425/sites/default/files/styles/768x768/public/a.JPG?itok=x",
            "https://img.example.com/cdn-cgi/image/width=1098/sites/default/files/styles/1200x800/public/a.JPG?itok=y",
            True,
        ),
        (
            "https://cdn.example.gg/2023/11/cup-450x253.jpg",
            "https://cdn.example.gg/2023/11/cup.jpg",
            True,
        ),  # WordPress
        (
            "https://i1.wp.com/media.example.net/up/comic.jpg?w=970",
            "https://media.example.net/up/comic.jpg",
            True,
        ),
        ("https://cdn.example.gg/2023/11/cup-450x253.jpg", "https://cdn.example.gg/2023/11/cap.jpg", False),
        (
            "https://example.org/styles/big/public/a.jpg",
            "https://example.org/a.jpg",
            False,
        ),  # no /files/ style
        # Image servers holding the picture's own address: in the path (Thumbor, Cloudflare with
        # an encoded origin) or, where the path names no file, in a parameter (AOL, Brightspot)
        (
            "https://thumbs.example.com/Fn8=/420x240/filters:focal(1x1:2x2)/https://media.example.com/f/96/plague.jpg",
            "https://thumbs.example.com/TY8=/800x600/filters:no_upscale()/https://media.example.com/f/96/plague.jpg",
            True,
        ),
        (
            "https://www.example.com/cdn-cgi/image/width=720/https%3A%2F%2Fs3.example.com%2Fc%2F788d.png",
            "https://s3.example.com/c/788d.png",
            True,
        ),
        (
            "https://o.example.com/images/dims?thumbnail=130%2C87&image_uri=https%3A%2F%2Fs.example.com%2Fos%2F7e5e3a50&sig=1",
            "https://o.example.com/images/dims?quality=85&image_uri=https%3A%2F%2Fs.example.com%2Fos%2F7e5e3a50&sig=2",
            True,
        ),
        (
            "https://o.example.com/images/dims?image_uri=https%3A%2F%2Fs.example.com%2Fos%2F7e5e3a50",
            "https://o.example.com/images/dims?image_uri=https%3A%2F%2Fs.example.com%2Fos%2F99999999",
            False,
        ),
        (
            "https://cdn.example.com/a/story.jpg?ref=https%3A%2F%2Fnews.example.com%2Fstory.html",
            "https://news.example.com/story.html",
            False,
        ),  # a file's query says nothing of what it shows
    ],
)
def test_resized_copies_of_one_file_are_one_picture(one: str, other: str, same: bool) -> None:
    assert (media_key(one) == media_key(other)) is same
    assert media_key(media_key(one)) == media_key(one)


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("/data/mirror/www.example.org/2016/12/story.html", "https://www.example.org/2016/12/story.html"),
        ("/data/mirror/news.example.co.uk/live/index.html", "https://news.example.co.uk/live/"),
        ("/data/mirror/localhost:8080/page.htm", None),  # no top-level domain
        ("/home/jane.doe/notes/page.html", None),  # a dotted name, but not a site's
        ("/data/archive.2016/page.html", None),
        ("/data/www.example.org", None),  # the file itself is no folder of a site
    ],
)
def test_the_address_of_a_mirrored_file_comes_from_its_folders(path: str, url: str | None) -> None:
    assert mirrored_url(path) == url


def test_a_wget_mirror_is_scanned_with_its_pages_addresses(tmp_path: Path) -> None:
    page = tmp_path / "mirror" / "www.example.org" / "2016" / "12" / "story.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html><body><article><figure><img src="../../media/convoy.jpg" width="800" height="600">'
        "<figcaption>The convoy leaves. Photo: Jane Doe/AFP</figcaption></figure></article></body></html>",
        encoding="utf-8",
    )
    own = tmp_path / "mirror" / "www.example.org" / "own.html"  # the page names its own address
    own.write_text(
        '<html><head><link rel="canonical" href="https://example.org/elsewhere/own"></head><body>'
        '<img src="pic.jpg" width="800" height="600"></body></html>',
        encoding="utf-8",
    )
    db = tmp_path / "m.db"
    assert scan([str(tmp_path / "mirror")], db).errors == []
    conn = sqlite3.connect(db)
    docs = dict(conn.execute("select url, domain from documents order by url").fetchall())
    photos = sorted(r[0] for r in conn.execute("select url from media"))
    conn.close()
    assert docs == {
        "https://example.org/elsewhere/own": "example.org",
        "https://www.example.org/2016/12/story.html": "example.org",
    }
    assert photos == [
        "https://example.org/elsewhere/pic.jpg",
        "https://www.example.org/media/convoy.jpg",
    ]


def test_a_page_naming_no_address_keeps_its_relative_pictures_apart(tmp_path: Path) -> None:
    """A saved page with no base, canonical, og:url or mirror folders: its pictures keep their
    relative addresses, each keyed to its page (the same path on two sites is two pictures),
    and enrich, which fetches only http(s) addresses, leaves them alone."""
    from catalog.enrich import enrich

    for name, caption in (("one.html", "Flood at the market"), ("two.html", "Parade in the square")):
        (tmp_path / name).write_text(
            '<html><body><article><table class="photo"><tr><td><img src="/photos/8/a-small.jpg" '
            f'width="180"><br><span class="apCaption">{caption}. AP Photo/Uncredited</span>'
            '</td></tr></table><img src="lazy" data-lazy="true" width="300" height="200">'
            "</article></body></html>",
            encoding="utf-8",
        )
    db = tmp_path / "r.db"
    assert scan([str(tmp_path / "one.html"), str(tmp_path / "two.html")], db).errors == []
    conn = sqlite3.connect(db)
    rows = conn.execute("select id, url from media order by id").fetchall()
    conn.close()
    assert [url for _, url in rows] == ["/photos/8/a-small.jpg", "/photos/8/a-small.jpg"]
    assert len({mid for mid, _ in rows}) == 2 and all(mid.startswith("relative:") for mid, _ in rows)
    enrich(db)
    conn = sqlite3.connect(db)
    checked = conn.execute("select checked_at from media").fetchall()
    conn.close()
    assert checked == [(None,), (None,)]  # nothing to fetch: enrich leaves them alone


def _photos(tmp_path: Path, html: str) -> list[tuple[object, ...]]:
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    db = tmp_path / "c.db"
    scan([str(tmp_path)], db)
    return _rows(db, "select m.url, n.caption, m.credit from mentions n join media m on m.id = n.media_id")


def test_a_scripts_absurd_data_costs_no_finding(tmp_path: Path) -> None:
    """Data nested past what the JSON decoder reads, or cut off deep inside, is skipped: the
    page's picture is still found, with its caption."""
    deep = "[" * 3000 + "]" * 3000
    cut = '{"a":' * 800 + "1"
    html = (
        "<html><head><link rel='canonical' href='https://news.example.org/a'>"
        f'<script>var x = {{"caption": "x", "a": {deep}}};</script><script>var y = {cut};</script>'
        "</head><body><article><h1>A headline of four words</h1><figure>"
        '<img src="https://img.example.org/a.jpg" width="800" height="500">'
        "<figcaption>Boats in the harbour</figcaption></figure></article></body></html>"
    )
    assert _photos(tmp_path, html) == [("https://img.example.org/a.jpg", "Boats in the harbour", None)]


def test_a_url_nesting_addresses_is_keyed_without_error() -> None:
    url = "https://a.example.com/x.jpg"
    for _ in range(3000):
        url = "https://proxy.example.com/p/" + url
    assert media_key(url).startswith("https://")


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Students Rally for Climate Action", None),  # no outlet: a caption
        ("Protesters, Reuters", None),  # one word before a comma is no party
        ("Adam Maida for BuzzFeed News", "Adam Maida for BuzzFeed News"),
        ("Jane Roe Submitted photo", "Jane Roe"),
    ],
)
def test_whole_captions_that_are_credits_and_those_that_are_not(
    tmp_path: Path, caption: str, credit: str | None
) -> None:
    html = (
        "<html><head><link rel='canonical' href='https://news.example.org/a'></head><body><article>"
        '<h1>A headline of four words</h1><figure><img src="https://img.example.org/a.jpg" width="800"'
        f' height="500"><figcaption>{caption}</figcaption></figure></article></body></html>'
    )
    ((_, got_caption, got_credit),) = _photos(tmp_path, html)
    assert got_credit == credit
    assert got_caption == (None if credit else caption)


def test_a_paragraph_opening_by_keeps_the_picture_beside_it(tmp_path: Path) -> None:
    """ "By Sunday the river ..." is no byline: the picture beside it is the article's."""
    html = (
        "<html><head><link rel='canonical' href='https://news.example.org/a'></head><body><article>"
        '<h1>A headline of four words</h1><div><img src="https://img.example.org/river.jpg" width="800"'
        ' height="500"><p>By Sunday the river had risen a metre.</p></div></article></body></html>'
    )
    assert [row[0] for row in _photos(tmp_path, html)] == ["https://img.example.org/river.jpg"]
