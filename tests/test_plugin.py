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
