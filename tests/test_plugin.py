"""catalog's Datasette plugin through the entry point and Datasette's own test client: the media
table as cards, a media item's page, a document's page, the home page, the cells of the other
tables, the facets over linked rows; hostile values stay inert on every page; no third-party
image unless configured."""

from __future__ import annotations

import asyncio
import io
import json
import re
import sqlite3
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.utils import tilde_encode
from PIL import Image

from catalog.cli import main
from catalog.serve import load_metadata, make_datasette

from .conftest import SAMPLES

SANDBAGS = "https://news.example.org/media/2025/03/sandbags-1200.jpg"
MARKET = "https://cdn.example.org/photos/market-square.jpg"
TWEET = "twitter:1896654321098765432"
VIDEO = "youtube:dQw4w9WgXcQ"
HOSTILE_CAPTION = "<script>alert(1)</script> Boats"
HOSTILE_CREDIT = "<b onmouseover=alert(2)>X</b>"
HOSTILE_PARTY = "<img src=x onerror=alert(4)>"


def _jpeg(colour: tuple[int, int, int] = (30, 90, 160)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (96, 64), colour).save(buf, "JPEG", quality=70)
    return buf.getvalue()


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    db = tmp_path / "catalog.db"
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "follow-up.txt").write_text(
        "UPDATE 0900 GMT: The council's video is still online.\n\n"
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nUPDATE 1000 GMT: Nothing new.\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(main, ["scan", str(SAMPLES), str(extra), "--db", str(db)]).exit_code == 0
    conn = sqlite3.connect(db)
    conn.execute("update media set thumbnail = ? where kind = 'photo' and url is not null", [_jpeg()])
    conn.execute(
        "insert into documents (id, source, url, title, scanned_at, media_count, scanner) values "
        "('evil', '/tmp/evil.html', 'javascript:alert(1)', '<script>alert(5)</script>', "
        "'2026-01-01T00:00:00Z', 1, 'x')"
    )
    hostile = MARKET
    conn.execute(
        "update media set caption = ?, credit = ?, alt_text = '\"><img src=x onerror=alert(3)>', "
        "tags = '[\"<i onclick=alert(6)>t</i>\"]' where id = ?",
        [HOSTILE_CAPTION, HOSTILE_CREDIT, hostile],
    )
    conn.execute(
        "insert into mentions (id, document_id, media_id, presence, detector, line, position, caption, "
        "credit, entry, context) values ('evil:1', 'evil', ?, 'described', 'x', 1, 1, ?, ?, "
        "'<svg onload=alert(7)>', '<iframe src=javascript:alert(8)></iframe> context')",
        [hostile, HOSTILE_CAPTION, HOSTILE_CREDIT],
    )
    conn.execute("insert into credits (id, name, type) values ('person:evil', ?, 'person')", [HOSTILE_PARTY])
    conn.execute("insert into media_credits values (?, 'person:evil', 'creator')", [hostile])
    conn.execute("insert into media_tags values (?, '<i onclick=alert(6)>t</i>')", [hostile])
    conn.execute(  # a post whose address is a script, whose text is markup
        "update media set url = 'javascript:alert(9)', post_text = '<script>alert(10)</script>' "
        "where id = 'instagram:CxYz123AbC'"
    )
    conn.commit()
    conn.close()
    return db


def _get(ds: Datasette, path: str) -> httpx.Response:
    response: httpx.Response = asyncio.run(ds.client.get(path))
    return response


def _page(ds: Datasette, path: str) -> BeautifulSoup:
    response = _get(ds, path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.text, "lxml")


def _media(media_id: str) -> str:
    return f"/catalog/media/{tilde_encode(media_id)}"


def _visible(page: BeautifulSoup) -> str:
    """The text a person sees: no scripts, styles or closed details' insides."""
    for hidden in page.find_all(["script", "style", "template"]):
        hidden.decompose()
    for details in page.find_all("details"):
        for child in list(details.children):
            if getattr(child, "name", None) != "summary":
                child.extract()
    return " ".join(page.get_text(" ").split())


def _hostile(catalogue: Path) -> str:
    conn = sqlite3.connect(catalogue)
    found = conn.execute("select id from media where caption = ?", [HOSTILE_CAPTION]).fetchone()[0]
    conn.close()
    return str(found)


def test_plain_datasette_loads_the_plugin(catalogue: Path) -> None:
    ds = Datasette([str(catalogue)])  # no catalog code involved: the entry point does it
    plugins = asyncio.run(ds.client.get("/-/plugins.json")).json()
    mine = next(p for p in plugins if p["name"] == "catalog")
    assert mine["templates"] and "extra_template_vars" in mine["hooks"]
    cards = _page(ds, "/catalog/media?kind=photo").select("article.catalog-card img")
    assert cards and all(i["src"].startswith("data:image/jpeg;base64,") for i in cards)
    assert _page(ds, "/catalog/media?kind=photo&_view=table").select("img.catalog-thumb")


def test_the_media_table_shows_cards_with_picture_caption_credit_and_citation(catalogue: Path) -> None:
    ds = make_datasette(catalogue, publish=True)
    page = _page(ds, "/catalog/media?kind=photo&_sort=first_seen")
    cards = page.select("article.catalog-card")
    sandbags = next(c for c in cards if "sandbags on the embankment on Tuesday" in c.get_text())
    assert sandbags.select_one("img")["src"].startswith("data:image/jpeg;base64,")
    assert sandbags.select_one(".catalog-credit").get_text() == "Lena Berg/Reuters"
    cited = sandbags.select_one(".catalog-cited a")
    assert cited.get_text() == "Floods reach Riverside's lower town"
    assert cited["href"].startswith("/catalog/documents/")
    assert sandbags.select_one("a.catalog-card-picture")["href"] == _media(SANDBAGS)
    # posts show their account and text; players their title and a play link
    posts = _page(ds, "/catalog/media?provider=twitter").select("article.catalog-card")
    tweet = next(c for c in posts if "Water is over the footbridge" in c.get_text())
    assert tweet.select_one(".catalog-handle").get_text() == "@riverside_watch"
    video = _page(ds, "/catalog/media?provider=youtube").select_one("article.catalog-card")
    assert video is not None and "Rescue on the river" in video.get_text()
    assert any(a.get_text().startswith("▶ play on youtube") for a in video.find_all("a"))
    # the facets fold into a bar of menus; what is chosen shows on its menu
    chosen = _page(ds, "/catalog/media?_credit=Lena+Berg").select_one("#facet-credits summary")
    assert chosen is not None and "Lena Berg" in chosen.get_text()
    assert "catalog enrich" not in _visible(page)  # thumbnails are stored: no note asks for them


def test_a_catalogue_without_thumbnails_says_how_to_get_them(catalogue: Path) -> None:
    conn = sqlite3.connect(catalogue)
    with conn:
        conn.execute("update media set thumbnail = null")
    conn.close()
    published = _page(make_datasette(catalogue, publish=True), "/catalog/media?kind=photo")
    assert "catalog enrich makes a small thumbnail" in _visible(published)
    assert not published.select("article.catalog-card img")
    local = _page(make_datasette(catalogue), "/catalog/media?kind=photo")  # the one who scanned
    remote = local.select("article.catalog-card img.catalog-remote")
    assert SANDBAGS in [i["src"] for i in remote]
    assert all(i["referrerpolicy"] == "no-referrer" for i in remote)


def test_a_media_page_shows_the_picture_credits_and_every_citation(catalogue: Path) -> None:
    ds = make_datasette(catalogue, publish=True)
    page = _page(ds, _media(SANDBAGS))
    assert page.select_one(".catalog-media-picture img")["src"].startswith("data:image/jpeg")
    assert page.select_one(".catalog-media-text h1").get_text() == (
        "Volunteers fill sandbags on the embankment on Tuesday."
    )
    parties = {a.get_text(): a["href"] for a in page.select("ul.catalog-parties a")}
    assert parties == {
        "Lena Berg": "/catalog/media?_credit=Lena+Berg",
        "Reuters": "/catalog/media?_credit=Reuters",
    }
    citations = page.select("li.catalog-citation")
    assert citations and "Floods reach Riverside's lower town" in citations[0].get_text()
    assert "line " in citations[0].get_text()
    tweet = _page(ds, _media(TWEET))
    assert len(tweet.select("li.catalog-citation")) == 2  # twice in the report
    assert "Riverside Watch (@riverside_watch)" in _visible(tweet)
    # a video cited in two documents: each citation with its document, entry and line
    video = _page(ds, _media(VIDEO))
    play = video.select_one(".catalog-open-big a")
    assert play is not None and play["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    texts = [" ".join(c.get_text(" ").split()) for c in video.select("li.catalog-citation")]
    assert texts[0].startswith("Floods reach Riverside's lower town news.example.org · 2025-03-03")
    assert texts[1].startswith("follow-up.txt") and "0900 GMT line 3" in texts[1]
    # a live-blog item with its entry
    conn = sqlite3.connect(catalogue)
    bicycle = conn.execute("select id from media where caption like 'A child''s bicycle%'").fetchone()[0]
    conn.close()
    bike = _visible(_page(ds, _media(bicycle)))
    assert "riverside-liveblog.txt" in bike and "1210 GMT line 26" in bike


def test_a_document_page_is_its_timeline(catalogue: Path) -> None:
    ds = make_datasette(catalogue, publish=True)
    docs = _get(ds, "/catalog/documents.json?_shape=array&source__endswith=riverside-liveblog.txt").json()
    page = _page(ds, f"/catalog/documents/{docs[0]['id']}")
    assert page.select_one(".catalog-document h1").get_text() == "riverside-liveblog.txt"
    stamps = [h.get_text() for h in page.select("h2.catalog-entry-stamp")]
    assert stamps[:3] == ["Before the first entry", "1815 GMT", "1640 GMT"]
    lines = [int(re.findall(r"line (\d+)", c.get_text())[0]) for c in page.select("article.catalog-card")]
    assert lines == sorted(lines) and len(lines) == docs[0]["media_count"]
    timeline = page.select_one("a[href*='/catalog/timeline?document=']")
    assert timeline is not None and timeline["href"].endswith(docs[0]["id"])
    report = _get(ds, "/catalog/documents.json?_shape=array&source__endswith=riverside-report.html").json()
    report_page = _page(ds, f"/catalog/documents/{report[0]['id']}")
    # a page that is no live blog: one group of citations, not "before the first entry"
    assert [h.get_text() for h in report_page.select("h2.catalog-entry-stamp")] == ["No live-blog entries"]
    cards = report_page.select("article.catalog-card")
    video = next(c for c in cards if "Rescue on the river" in c.get_text())
    assert "cited in 1 other document" in video.get_text()


def test_a_long_document_comes_in_parts(catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from catalog.plugin import pages

    monkeypatch.setattr(pages, "DOCUMENT_ITEMS_SHOWN", 4)
    ds = make_datasette(catalogue, publish=True)
    doc = _get(ds, "/catalog/documents.json?_shape=array&source__endswith=liveblog.txt").json()[0]
    first = _page(ds, f"/catalog/documents/{doc['id']}")
    lines = [c.get_text() for c in first.select("article.catalog-card")]
    following = first.select_one("p.catalog-next a")
    assert len(lines) == 4 and following is not None and "_after=4" in following["href"]
    second = _page(ds, following["href"])
    assert len(second.select("article.catalog-card")) == min(4, doc["media_count"] - 4)


def test_the_home_page_says_what_the_catalogue_holds(catalogue: Path) -> None:
    ds = make_datasette(catalogue, publish=True)
    page = _page(ds, "/")
    home = page.select_one("section.catalog-home")
    assert home is not None
    media = _get(ds, "/catalog/media.json?_shape=array&_size=max").json()
    assert f"{len(media)} media items" in home.select_one("h2").get_text()
    kinds = {a.get_text(): a["href"] for a in home.select(".catalog-kinds a")}
    photos = sum(1 for m in media if m["kind"] == "photo")
    assert kinds[f"{photos} photos"] == "/catalog/media?kind=photo"
    assert home.select("h3 + .catalog-grid article.catalog-card img")  # the latest pictures


def test_cells_read_as_people_recognise_them(catalogue: Path) -> None:
    ds = make_datasette(catalogue, publish=True)
    table = _page(ds, "/catalog/media?kind=photo&_view=table")
    thumbs = table.select("img.catalog-thumb")
    assert thumbs and all(t["src"].startswith("data:image/jpeg;base64,") for t in thumbs)
    credits = [a["href"] for a in table.select("td.col-credits a")]
    assert "/catalog/media?_credit=Ana+Ruiz" in credits
    posts = _page(ds, "/catalog/media?provider=twitter&post_text__notblank=1&url__notblank=1&_view=table")
    cell = posts.select_one("td.col-post_text")
    assert cell is not None and cell.a is not None
    assert cell.a["href"].startswith("https://twitter.com/") and cell.get_text().startswith("@")
    videos = _page(ds, "/catalog/media?provider=youtube&_view=table")
    link = videos.select_one("td.col-url a")
    assert link is not None and "play on youtube" in link.get_text() and "youtube.com" in link["href"]
    docs = _page(ds, "/catalog/documents")
    hrefs = [a["href"] for a in docs.select("td.col-url a")]
    assert "https://news.example.org/2025/03/03/riverside-floods" in hrefs
    assert any(a["href"].startswith("/catalog/documents/") for a in docs.select("td.col-source a"))
    # a media item named in another table links to its page, labelled by what it shows
    mentions = _page(ds, "/catalog/mentions?media_id=" + TWEET)
    labels = [a.get_text() for a in mentions.select("td.col-media_id a")]
    assert labels and all(label.startswith("@riverside_watch") for label in labels)
    assert all(a["href"] == _media(TWEET) for a in mentions.select("td.col-media_id a"))
    for path in ("/catalog/media?_view=table", "/catalog/mentions", "/catalog/citations", "/catalog/credits"):
        cells = [td.get_text(" ").strip() for td in _page(ds, path).select("td")]
        assert cells and not {"None", "[]"} & set(cells), path
        assert not [c for c in cells if c.startswith("None ")], path


def test_no_none_or_empty_list_is_shown(catalogue: Path) -> None:
    ds = make_datasette(catalogue, publish=True)
    docs = _get(ds, "/catalog/documents.json?_shape=array").json()
    media = _get(ds, "/catalog/media.json?_shape=array&_size=max").json()
    pages = ["/", "/catalog/media", "/catalog/media?_credit=Lena+Berg"]
    pages += [f"/catalog/documents/{d['id']}" for d in docs]
    pages += [_media(m["id"]) for m in media]
    for path in pages:
        words = _visible(_page(ds, path)).split()
        assert "None" not in words and "[]" not in words, path


def test_hostile_values_stay_inert_on_every_page(catalogue: Path) -> None:
    ds = make_datasette(catalogue, publish=True)
    hostile = _hostile(catalogue)
    conn = sqlite3.connect(catalogue)
    with conn:  # a placed picture and a near-duplicate pair, for the enrich queries
        conn.execute(
            "update media set phash = 'ffff0000ffff0000', gps_lat = 52.1, gps_lon = 4.3, "
            "checked_at = '2026-01-01' where id = ? or kind = 'photo' and url is not null",
            [hostile],
        )
    conn.close()
    ds = make_datasette(catalogue, publish=True)
    pages = [
        "/",
        "/catalog/media",
        "/catalog/media?_view=table",
        "/catalog/media?_search=Boats",
        f"/catalog/media?_credit={HOSTILE_PARTY}",
        _media(hostile),
        _media("instagram:CxYz123AbC"),
        "/catalog/documents/evil",
        "/catalog/documents",
        "/catalog/mentions",
        "/catalog/citations",
        "/catalog/credits",
        "/catalog/media_by_credit",
        "/catalog/timeline?document=evil",
        "/catalog/cited_by_several",
        "/catalog/media_credited_to?name=img",
        "/catalog/near_duplicates",
        "/catalog/pictures_on_a_map",
        "/catalog/no_longer_available",
    ]
    for path in pages:
        page = _page(ds, path)
        links = [a["href"] for a in page.find_all("a", href=True)]
        assert not [h for h in links if h.strip().lower().startswith(("javascript:", "data:"))], path
        assert not [s for s in page.find_all("script") if "alert(" in s.get_text()], path
        handlers = [t.name for t in page.find_all(True) if any(a.startswith("on") for a in t.attrs)]
        assert not handlers, (path, handlers)
        assert not page.find_all("img", src="x") and not page.find_all("iframe"), path
        images = [i["src"] for i in page.find_all("img")]
        assert all(src.startswith(("data:image/", "/")) for src in images), (path, images)
    shown = _visible(_page(ds, _media(hostile)))
    assert HOSTILE_CAPTION in shown and HOSTILE_PARTY in shown and "<svg onload=alert(7)>" in shown
    assert "<script>alert(5)</script>" in _visible(_page(ds, "/catalog/documents/evil"))


def test_photos_are_loaded_from_their_sites_only_when_allowed(catalogue: Path) -> None:
    metadata = load_metadata(catalogue)
    assert metadata["plugins"]["catalog"]["hotlink_images"] is False  # plain datasette, published
    conn = sqlite3.connect(catalogue)
    with conn:
        conn.execute("update media set thumbnail = null")
    conn.close()

    def remote(ds: Datasette) -> set[str]:
        pages = ["/catalog/media?kind=photo", "/catalog/media?kind=photo&_view=table", _media(SANDBAGS), "/"]
        return {i["src"] for p in pages for i in _page(ds, p).find_all("img") if i["src"].startswith("http")}

    assert remote(Datasette([str(catalogue)], metadata=metadata)) == set()
    assert remote(make_datasette(catalogue, publish=True)) == set()
    assert remote(make_datasette(catalogue, remote_images=False)) == set()
    assert SANDBAGS in remote(make_datasette(catalogue))
    assert SANDBAGS in remote(make_datasette(catalogue, publish=True, remote_images=True))
    metadata["plugins"]["catalog"]["hotlink_images"] = True
    assert SANDBAGS in remote(Datasette([str(catalogue)], metadata=metadata))


def test_the_credits_facet_filters_through_the_credits_tables(catalogue: Path) -> None:
    ds = Datasette([str(catalogue)], metadata=load_metadata(catalogue))
    data = asyncio.run(ds.client.get("/catalog/media.json?_extra=facet_results")).json()
    facet = data["facet_results"]["credits"]
    assert facet["type"] == "items"
    berg = next(v for v in facet["results"] if v["value"] == "Lena Berg")
    assert berg["count"] == 2 and berg["toggle_url"].endswith("_credit=Lena+Berg")
    rows = asyncio.run(ds.client.get("/catalog/media.json?_shape=array&_credit=Lena+Berg")).json()
    assert len(rows) == 2 and {r["credit_person"] for r in rows} == {"Lena Berg"}
    page = _page(ds, "/catalog/media?_credit=Lena+Berg")
    assert "credited to Lena Berg" in page.get_text()
    both = asyncio.run(
        ds.client.get("/catalog/media.json?_shape=array&_credit=Lena+Berg&_credit=Reuters")
    ).json()
    assert len(both) == 2
    assert asyncio.run(ds.client.get("/catalog/media.json?_shape=array&_credit=Nobody")).json() == []


def test_the_site_facet_counts_and_filters_the_media_each_site_cites(catalogue: Path) -> None:
    ds = Datasette([str(catalogue)], metadata=load_metadata(catalogue))
    facet = _get(ds, "/catalog/media.json?_extra=facet_results").json()["facet_results"]["sites"]
    counts = {v["value"]: v["count"] for v in facet["results"]}
    conn = sqlite3.connect(catalogue)
    expected = dict(
        conn.execute(
            "select documents.domain, count(distinct mentions.media_id) from mentions join documents "
            "on documents.id = mentions.document_id where documents.domain is not null group by 1"
        ).fetchall()
    )
    conn.close()
    assert counts == expected and set(counts) == {"news.example.org"}
    rows = _get(ds, "/catalog/media.json?_shape=array&_size=max&_site=news.example.org").json()
    assert len(rows) == counts["news.example.org"] and TWEET in {r["id"] for r in rows}
    assert "cited on news.example.org" in _page(ds, "/catalog/media?_site=news.example.org").get_text()


def test_the_views_of_the_media_table(catalogue: Path) -> None:
    ds = make_datasette(catalogue, publish=True)
    page = _page(ds, "/catalog/media?kind=photo")
    views = {a.get_text(): a["href"] for a in page.select(".catalog-views a")}
    table = _page(ds, views["table"])
    shown = [th["data-column"] for th in table.select("table.rows-and-columns th")]
    assert "kind=photo" in views["table"] and shown[:4] == ["id", "thumbnail", "kind", "provider"]
    assert "phash" not in shown and "image_sha256" not in shown  # never enriched: hidden
    everything = [th["data-column"] for th in _page(ds, views["all columns"]).select("th")]
    assert "post_id" in everything and "urls" in everything and "phash" not in everything
    actions = [a.get_text() for a in table.select(".actions-menu-links a")]
    assert actions[:3] == ["Show as cards", "Show as a table", "Show all columns"]
    assert "map" not in views  # no picture has a place


def test_addresses_fold_into_a_list_of_links(catalogue: Path) -> None:
    ds = Datasette([str(catalogue)], metadata=load_metadata(catalogue))
    page = _page(ds, "/catalog/media?provider=site&kind=photo&_view=table")
    folded = [d for d in page.select("td.col-urls details.catalog-urls") if "4 addresses" in d.get_text()]
    assert folded, "the sandbags picture has four addresses (sizes and encodings)"
    assert all(a["href"].startswith("https://") for a in folded[0].find_all("a"))


def test_canned_queries_that_need_enrich_say_so(catalogue: Path) -> None:
    ds = make_datasette(catalogue)
    for query in ("near_duplicates", "no_longer_available", "pictures_on_a_map"):
        note = _page(ds, f"/catalog/{query}").select_one(".catalog-query-note")
        assert note is not None and f"catalog enrich --db {catalogue}" in note.get_text(), query
    assert _page(ds, "/catalog/cited_by_several").select_one(".catalog-query-note") is None
    conn = sqlite3.connect(catalogue)
    with conn:
        conn.execute("update media set checked_at = '2026-01-01', availability = 'ok'")
    conn.close()
    note = _page(make_datasette(catalogue), "/catalog/no_longer_available").select_one(".catalog-query-note")
    assert note is not None and "None found" in note.get_text()


def test_the_map_reads_the_columns_each_page_has(catalogue: Path) -> None:
    """datasette-cluster-map (the `map` extra) is told the columns the query and the table have."""
    metadata = load_metadata(catalogue)
    query = metadata["plugins"]["datasette-cluster-map"]
    media = metadata["databases"]["catalog"]["tables"]["media"]["plugins"]["datasette-cluster-map"]
    conn = sqlite3.connect(catalogue)
    with conn:
        conn.execute(
            "update media set gps_lat = 52.1, gps_lon = 4.3, checked_at = '2026' where id = ?", [SANDBAGS]
        )
    media_columns = {r[1] for r in conn.execute("pragma table_info(media)")}
    conn.close()
    ds = make_datasette(catalogue, publish=True)
    data = _get(ds, "/catalog/pictures_on_a_map.json?_shape=objects").json()
    placed = data["rows"]
    assert {query["latitude_column"], query["longitude_column"]} <= set(data["columns"])
    assert {media["latitude_column"], media["longitude_column"]} <= media_columns
    popup = json.loads(placed[0]["popup"])
    assert popup["link"] == _media(SANDBAGS) and popup["image"].startswith("data:image/jpeg;base64,")
    views = {a.get_text(): a["href"] for a in _page(ds, "/catalog/media").select(".catalog-views a")}
    on_map = _get(ds, views["map"].replace("?", ".json?", 1) + "&_shape=array").json()
    assert [r["id"] for r in on_map] == [SANDBAGS]
    try:
        import datasette_cluster_map  # noqa: F401
    except ImportError:
        return
    for path, column in (("/catalog/pictures_on_a_map", "latitude"), (views["map"], "gps_lat")):
        html = _get(ds, path).text
        assert f'window.DATASETTE_CLUSTER_MAP_LATITUDE_COLUMN = "{column}"' in html, path


def _json_each_counts(db: Path, column: str, where: str = "") -> dict[str, int]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        f"select j.value, count(*) from media, json_each(media.{column}) j {where} group by j.value"
    ).fetchall()
    conn.close()
    return dict(rows)


@pytest.mark.parametrize("query", ["", "?kind=photo", "?_search=boats"])
def test_the_credits_and_tags_facets_count_what_the_arrays_hold(catalogue: Path, query: str) -> None:
    """Counted through the indexed media_credits and media_tags tables, the facets agree with a
    count over the JSON arrays themselves, on the whole table and on filtered rows."""
    conn = sqlite3.connect(catalogue)
    with conn:  # tags on a few rows, one row with two; the hostile fixture's party and tag dropped
        conn.execute("delete from media_credits where credit_id = 'person:evil'")
        conn.execute("update media set tags = '[]' where tags like '%onclick%'")
        conn.execute("""update media set tags = '["drone","resident"]' where kind = 'video'""")
        conn.execute("""update media set tags = '["drone"]' where kind = 'photo' and caption like '%oat%'""")
    conn.close()
    from catalog.store import Store

    store = Store(catalogue)  # the tags as rows, as a catalogue from before media_tags gets them
    with store.db.conn:
        store.db.execute("drop table media_tags")
    store.close()
    Store(catalogue).close()
    ds = Datasette([str(catalogue)], metadata=load_metadata(catalogue))
    sep = "&" if query else "?"
    data = asyncio.run(
        ds.client.get(f"/catalog/media.json{query}{sep}_extra=facet_results&_size=max&_shape=objects")
    ).json()
    ids = {r["id"] for r in data["rows"]}
    where = "where media.id in ({})".format(",".join(f"'{i}'" for i in ids)) if ids else "where 0"
    for column in ("credits", "tags"):
        facet = {v["value"]: v["count"] for v in data["facet_results"][column]["results"]}
        assert facet == _json_each_counts(catalogue, column, where), column
    if not query:
        assert {"drone", "resident"} <= set(_json_each_counts(catalogue, "tags"))
    drone = asyncio.run(ds.client.get("/catalog/media.json?_shape=array&_tag=drone")).json()
    assert {r["id"] for r in drone} == set(_json_each_counts_ids(catalogue, "drone"))
    assert "tagged drone" in _page(ds, "/catalog/media?_tag=drone").get_text()


def _json_each_counts_ids(db: Path, tag: str) -> list[str]:
    conn = sqlite3.connect(db)
    ids = [
        r[0]
        for r in conn.execute("select media.id from media, json_each(media.tags) j where j.value = ?", [tag])
    ]
    conn.close()
    return ids


def _traced_sql(ds: Datasette, path: str) -> list[str]:
    """The SQL a page ran against the catalogue (Datasette's own trace)."""
    data = asyncio.run(ds.client.get(path + "&_trace=1")).json()
    return [t["sql"] for t in data["_trace"]["traces"] if t.get("database") == "catalog"]


def test_an_immutable_catalogue_answers_a_repeated_query_from_memory(catalogue: Path) -> None:
    path = "/catalog/media.json?kind=photo&_extra=facet_results"
    ds = Datasette(
        immutables=[str(catalogue)], metadata=load_metadata(catalogue), settings={"trace_debug": True}
    )
    first = _traced_sql(ds, path)
    assert any("media_credits" in sql for sql in first)  # the credits facet was counted
    assert _traced_sql(ds, path) == []  # nothing asked of SQLite the second time
    assert _traced_sql(ds, path.replace("photo", "video")) != []  # another filter is counted
    live = Datasette([str(catalogue)], metadata=load_metadata(catalogue), settings={"trace_debug": True})
    _traced_sql(live, path)
    assert _traced_sql(live, path) != []  # a file that may change is read every time


def test_a_catalogue_without_the_tags_table_still_has_its_facets(catalogue: Path) -> None:
    conn = sqlite3.connect(catalogue)
    with conn:
        conn.execute("update media set tags = '[]'")
        conn.execute("""update media set tags = '["drone"]' where kind = 'video'""")
        conn.execute("drop table media_tags")  # as plain Datasette finds a catalogue from before it
    conn.close()
    ds = Datasette([str(catalogue)], metadata=load_metadata(catalogue))
    data = asyncio.run(ds.client.get("/catalog/media.json?_extra=facet_results")).json()
    tags = data["facet_results"]["tags"]["results"]
    assert [(v["value"], v["count"]) for v in tags] == [
        ("drone", len(_json_each_counts_ids(catalogue, "drone")))
    ]
    assert tags[0]["toggle_url"].endswith("tags__arraycontains=drone")
