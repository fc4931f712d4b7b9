"""catalog's Datasette plugin through the entry point: thumbnails, posts, players, captions with
credits, page links; hostile values stay inert; no third-party image unless configured."""

from __future__ import annotations

import asyncio
import io
import sqlite3
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from datasette.app import Datasette
from PIL import Image

from catalog.cli import main
from catalog.serve import load_metadata

from .conftest import SAMPLES


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (96, 64), (30, 90, 160)).save(buf, "JPEG", quality=70)
    return buf.getvalue()


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    db = tmp_path / "catalog.db"
    assert CliRunner().invoke(main, ["scan", str(SAMPLES), "--db", str(db)]).exit_code == 0
    conn = sqlite3.connect(db)
    conn.execute("update media set thumbnail = ? where kind = 'photo'", [_jpeg()])
    conn.execute(
        "insert into documents (id, source, url, scanned_at, media_count, scanner) "
        "values ('evil', '/tmp/evil.html', 'javascript:alert(1)', '2026-01-01T00:00:00Z', 0, 'x')"
    )
    conn.execute(
        "update media set caption = '<script>alert(1)</script> Boats', "
        "credit = '<b onmouseover=alert(2)>X</b>' "
        "where id = (select id from media where kind = 'photo' and credit is not null limit 1)"
    )
    conn.commit()
    conn.close()
    return db


def _page(ds: Datasette, path: str) -> BeautifulSoup:
    response: httpx.Response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, path
    return BeautifulSoup(response.text, "lxml")


def test_plain_datasette_loads_the_plugin(catalogue: Path) -> None:
    ds = Datasette([str(catalogue)])  # no catalog code involved: the entry point does it
    plugins = asyncio.run(ds.client.get("/-/plugins.json")).json()
    assert "catalog" in [p["name"] for p in plugins]
    assert _page(ds, "/catalog/media?kind=photo").select("img.catalog-thumb")


def test_cells_read_as_people_recognise_them(catalogue: Path) -> None:
    ds = Datasette([str(catalogue)], metadata=load_metadata(catalogue))
    photos = _page(ds, "/catalog/media?kind=photo")
    thumbs = photos.select("img.catalog-thumb")
    assert thumbs and all(t["src"].startswith("data:image/jpeg;base64,") for t in thumbs)
    assert not [i for i in photos.find_all("img") if i.get("src", "").startswith("http")]
    credits = [c.get_text() for c in photos.select("td.col-caption small.catalog-credit")]
    assert "Ana Ruiz / AFP" in credits
    posts = _page(ds, "/catalog/media?provider=twitter&post_text__notblank=1&url__notblank=1")
    cell = posts.select_one("td.col-post_text")
    assert cell is not None and cell.a is not None
    assert cell.a["href"].startswith("https://twitter.com/") and cell.get_text().startswith("@")
    videos = _page(ds, "/catalog/media?provider=youtube")
    link = videos.select_one("td.col-url a")
    assert link is not None and "play on youtube" in link.get_text() and "youtube.com" in link["href"]
    docs = _page(ds, "/catalog/documents")
    hrefs = [a["href"] for a in docs.select("td.col-url a")]
    assert "https://news.example.org/2025/03/03/riverside-floods" in hrefs


def test_hostile_values_stay_inert(catalogue: Path) -> None:
    ds = Datasette([str(catalogue)], metadata=load_metadata(catalogue))
    for path in ("/catalog/media?kind=photo", "/catalog/documents", "/catalog/citations"):
        page = _page(ds, path)
        assert not [a for a in page.find_all("a") if a.get("href", "").lower().startswith("javascript:")], (
            path
        )
        assert not [s for s in page.find_all("script") if "alert(" in s.get_text()], path
        assert not page.find_all(attrs={"onmouseover": True}), path
    assert "<script>alert(1)</script> Boats" in _page(ds, "/catalog/media?kind=photo").get_text()


def test_photos_are_hot_linked_only_when_asked(catalogue: Path) -> None:
    metadata = load_metadata(catalogue)
    metadata["plugins"] = {"catalog": {"hotlink_images": True}}
    ds = Datasette([str(catalogue)], metadata=metadata)
    images = _page(ds, "/catalog/media?kind=photo").select("img.catalog-photo")
    assert images and all(i["src"].startswith("https://") for i in images)
    assert all(i.get("referrerpolicy") == "no-referrer" for i in images)


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


def test_addresses_fold_into_a_list_of_links(catalogue: Path) -> None:
    ds = Datasette([str(catalogue)], metadata=load_metadata(catalogue))
    page = _page(ds, "/catalog/media?provider=site&kind=photo")
    folded = [d for d in page.select("td.col-urls details.catalog-urls") if "4 addresses" in d.get_text()]
    assert folded, "the sandbags picture has four addresses (sizes and encodings)"
    assert all(a["href"].startswith("https://") for a in folded[0].find_all("a"))


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
    with conn:  # tags on a few rows, one row with two
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
