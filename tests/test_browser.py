"""A real browser (Debian's headless Chromium, driven by Selenium, at 1400x1800) against
`catalog serve` on 127.0.0.1, as a reader goes through the catalogue: the home page, the media
as cards (a facet chosen from the bar, a search, the JSON link), a media item's page, a document's
page (its timeline) and the media credited to one photographer; pictures stored by enrich and a
picture loaded from its own site (a second local server) are decoded, one that fails to load gives
way to what stands for it. Screenshots of each page are kept in test-output/browser/."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from PIL import Image

from catalog.cli import main

from .conftest import SAMPLES, Handler

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output" / "browser"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI needs Debian's chromium and chromium-driver (.ci/run installs them)")
    pytest.skip(
        "no chromium and chromedriver here (apt install chromium chromium-driver)", allow_module_level=True
    )

from selenium import webdriver  # noqa: E402 - only once a browser is known to be there
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

PICTURE_WIDTH = 240  # the picture the second server serves as a photo's own address
PLACES = [(52.37, 4.9), (-33.87, 151.21)]  # far apart: two markers, not one cluster


def _jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (120, 80)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG", quality=70)
    return buf.getvalue()


class _Pictures(Handler):
    """The site a scanned page took its photos from: one picture, and one that is gone."""

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        if self.path == "/photos/harbour.jpg":
            self.reply(200, _jpeg((200, 120, 40), (PICTURE_WIDTH, 160)), "image/jpeg")
        else:
            self.reply(404, "gone", "text/plain")


@pytest.fixture(scope="module")
def pictures() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pictures)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pictures: str) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    extra = folder / "pages"
    extra.mkdir()
    (extra / "harbour.html").write_text(
        f"""<!doctype html><html><head><title>Storm at the harbour</title></head><body><article>
<h1>Storm at the harbour</h1>
<figure><img src="{pictures}/photos/harbour.jpg" width="1200" height="800" alt="Boats in the harbour">
<figcaption>Boats tied up in the harbour before the storm. Photo: Kim Lee/AP</figcaption></figure>
<p>The sea wall held.</p>
<figure><img src="{pictures}/photos/removed.jpg" width="1200" height="800" alt="The sea wall">
<figcaption>Waves over the sea wall at noon. Photo: Kim Lee/AP</figcaption></figure>
</article></body></html>""",
        encoding="utf-8",
    )
    db = folder / "catalog.db"
    result = CliRunner().invoke(main, ["scan", str(SAMPLES), str(extra), "--db", str(db)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)  # what `catalog enrich` stores: small thumbnails
    ids = [
        row[0]
        for row in conn.execute(
            "select id from media where kind = 'photo' and url not like ? order by id", [pictures + "%"]
        )
    ]
    for n, media_id in enumerate(ids):
        conn.execute("update media set thumbnail = ? where id = ?", [_jpeg((40 * n, 120, 200)), media_id])
    for media_id, place in zip(ids[1:3], PLACES, strict=True):  # and EXIF places, for the map
        conn.execute(
            "update media set gps_lat = ?, gps_lon = ?, checked_at = '2026-01-01T00:00:00Z' where id = ?",
            [*place, media_id],
        )
    conn.commit()
    conn.close()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "catalog", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(base + "/", timeout=2)
            break
        except httpx.TransportError:
            assert time.monotonic() < deadline and proc.poll() is None, "catalog serve did not start"
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800"):
        options.add_argument(arg)
    options.binary_location = str(CHROMIUM)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_window_size(1400, 1800)
    yield driver
    driver.quit()


def _open(browser: webdriver.Chrome, url: str, ready: str) -> WebDriverWait[webdriver.Chrome]:
    browser.get(url)
    wait = WebDriverWait(browser, 20)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ready)))
    return wait


def _decoded(browser: webdriver.Chrome, image: WebElement) -> int:
    """The width of a picture once the browser has loaded it (0 if it is broken)."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", image)
    WebDriverWait(browser, 10).until(lambda _: image.get_property("complete"))
    return int(image.get_property("naturalWidth") or 0)


def _seen(browser: webdriver.Chrome) -> str:
    """The words on the page as a person sees them (what is folded away is not)."""
    return str(browser.execute_script("return document.body.innerText"))


def _nothing_raw(browser: webdriver.Chrome) -> None:
    words = _seen(browser).split()
    assert "None" not in words and "[]" not in words, browser.current_url


def _screenshot(browser: webdriver.Chrome, name: str) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    browser.execute_script("window.scrollTo(0, 0);")
    shot = OUTPUT / name
    assert browser.save_screenshot(str(shot))
    with Image.open(shot) as image:
        assert image.size[0] >= 1000 and image.getcolors(maxcolors=1_000_000) is not None
    return shot


def _card(browser: webdriver.Chrome, words: str) -> WebElement:
    return next(c for c in browser.find_elements(By.CSS_SELECTOR, "article.catalog-card") if words in c.text)


def test_the_home_page_leads_to_the_media(server: str, browser: webdriver.Chrome) -> None:
    _open(browser, server + "/", "section.catalog-home")
    heading = browser.find_element(By.CSS_SELECTOR, "section.catalog-home h2").text
    assert heading.split()[1:3] == ["media", "items"] and "documents" in heading
    latest = browser.find_elements(By.CSS_SELECTOR, "section.catalog-home article.catalog-card img")
    assert latest and all(_decoded(browser, img) > 0 for img in latest)
    _nothing_raw(browser)
    _screenshot(browser, "home.png")
    browser.find_element(By.LINK_TEXT, "Browse the media").click()
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".catalog-grid")))
    assert browser.current_url.endswith("/catalog/media")


def test_media_cards_facets_search_and_json(server: str, browser: webdriver.Chrome) -> None:
    wait = _open(browser, server + "/catalog/media?_sort=first_seen", "article.catalog-card")
    # a stored picture with its caption and credit, in one card
    sandbags = _card(browser, "Volunteers fill sandbags on the embankment on Tuesday.")
    image = sandbags.find_element(By.CSS_SELECTOR, "img")
    assert _decoded(browser, image) == 120  # the thumbnail enrich stored
    assert sandbags.find_element(By.CSS_SELECTOR, ".catalog-credit").text == "Lena Berg/Reuters"
    assert "Cited in Floods reach Riverside's lower town" in sandbags.text
    # a picture with no thumbnail, loaded from the site that published it (not --publish)
    harbour = _card(browser, "Boats tied up in the harbour")
    assert _decoded(browser, harbour.find_element(By.CSS_SELECTOR, "img")) == PICTURE_WIDTH
    assert "Kim Lee/AP" in harbour.text
    # one whose site no longer has it gives way to what stands for it
    gone = _card(browser, "Waves over the sea wall")
    WebDriverWait(browser, 10).until(lambda _: not gone.find_elements(By.CSS_SELECTOR, "img"))
    assert "the picture did not load from its site" in gone.text
    _nothing_raw(browser)
    _screenshot(browser, "media-cards.png")

    # the agency facet, from the bar
    browser.find_element(By.CSS_SELECTOR, "#facet-credit_org summary").click()
    browser.find_element(By.XPATH, "//*[@id='facet-credit_org']//a[normalize-space(text())='AFP']").click()
    wait.until(ec.url_contains("credit_org=AFP"))
    cards = browser.find_elements(By.CSS_SELECTOR, "article.catalog-card")
    assert len(cards) == 1 and "Ana Ruiz" in cards[0].text
    assert "agency: AFP" in browser.find_element(By.CSS_SELECTOR, "#facet-credit_org summary").text

    _open(browser, server + "/catalog/media", "input#_search")
    browser.find_element(By.CSS_SELECTOR, "input#_search").send_keys("sandbags", Keys.ENTER)
    wait.until(ec.url_contains("_search=sandbags"))
    cards = browser.find_elements(By.CSS_SELECTOR, "article.catalog-card")
    assert cards and all("andbags" in (c.get_attribute("textContent") or "") for c in cards)
    browser.find_element(By.XPATH, "//p[contains(@class,'catalog-views')]//a[text()='json']").click()
    wait.until(ec.url_contains(".json"))
    data = json.loads(browser.find_element(By.TAG_NAME, "body").text)
    captions = [dict(zip(data["columns"], row, strict=True))["caption"] for row in data["rows"]]
    assert len(captions) == len(cards) and all("andbags" in str(c) for c in captions)


def test_the_table_view_keeps_every_column_one_click_away(server: str, browser: webdriver.Chrome) -> None:
    _open(browser, server + "/catalog/media?kind=photo", "p.catalog-views")
    browser.find_element(By.XPATH, "//p[contains(@class,'catalog-views')]//a[text()='table']").click()
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, "img.catalog-thumb")))
    columns = [th.get_attribute("data-column") for th in browser.find_elements(By.CSS_SELECTOR, "th")]
    assert "caption" in columns and "phash" not in columns and "post_id" not in columns
    thumbs = browser.find_elements(By.CSS_SELECTOR, "img.catalog-thumb")
    assert thumbs and all(_decoded(browser, t) == 120 for t in thumbs)
    _nothing_raw(browser)
    _screenshot(browser, "media-table.png")
    browser.find_element(By.LINK_TEXT, "all columns").click()
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, "th.col-post_id")))
    columns = [th.get_attribute("data-column") for th in browser.find_elements(By.CSS_SELECTOR, "th")]
    assert "post_id" in columns and "urls" in columns


def test_a_document_page_and_a_media_page(server: str, browser: webdriver.Chrome) -> None:
    _open(browser, server + "/catalog/documents?source__endswith=riverside-liveblog.txt", "td.col-source a")
    browser.find_element(By.CSS_SELECTOR, "td.col-source a").click()
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".catalog-timeline")))
    assert browser.find_element(By.CSS_SELECTOR, ".catalog-document h1").text == "riverside-liveblog.txt"
    stamps = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "h2.catalog-entry-stamp")]
    assert stamps == [
        "Before the first entry",
        "1815 GMT",
        "1640 GMT",
        "1505 GMT",
        "1210 GMT",
        "ORIGINAL ENTRY",
    ]
    _nothing_raw(browser)
    _screenshot(browser, "document-page.png")

    bicycle = _card(browser, "A child's bicycle left on the flooded road")
    bicycle.find_element(By.LINK_TEXT, "details").click()
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".catalog-media")))
    assert browser.find_element(By.CSS_SELECTOR, ".catalog-media-text h1").text == (
        "A child's bicycle left on the flooded road"
    )
    citation = browser.find_element(By.CSS_SELECTOR, "li.catalog-citation").text
    assert "riverside-liveblog.txt" in citation and "1210 GMT" in citation and "line 26" in citation

    _open(browser, server + "/catalog/media?_sort=first_seen", "article.catalog-card")
    sandbags = _card(browser, "Volunteers fill sandbags on the embankment on Tuesday.")
    sandbags.find_element(By.CSS_SELECTOR, "a.catalog-card-picture").click()
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".catalog-media")))
    picture = browser.find_element(By.CSS_SELECTOR, ".catalog-media-picture img")
    # the original, from its site, did not load (no network here): the stored thumbnail instead
    WebDriverWait(browser, 10).until(lambda _: picture.get_property("naturalWidth") == 120)
    assert str(picture.get_attribute("src")).startswith("data:image/jpeg;base64,")
    parties = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "ul.catalog-parties a")]
    assert parties == ["Lena Berg", "Reuters"]
    citation = browser.find_element(By.CSS_SELECTOR, "li.catalog-citation").text
    assert "Floods reach Riverside's lower town" in citation and "line " in citation
    _nothing_raw(browser)
    _screenshot(browser, "media-page.png")

    media_page = browser.current_url
    _open(browser, server + "/catalog/media?_search=harbour", "article.catalog-card")
    browser.find_element(By.CSS_SELECTOR, "article.catalog-card a.catalog-card-picture").click()
    picture = WebDriverWait(browser, 20).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ".catalog-media-picture img"))
    )
    assert _decoded(browser, picture) == PICTURE_WIDTH  # the original, large, from its own site
    browser.get(media_page)
    browser.find_element(By.LINK_TEXT, "Lena Berg").click()
    WebDriverWait(browser, 20).until(ec.url_contains("_credit=Lena+Berg"))
    assert "credited to Lena Berg" in browser.find_element(By.CSS_SELECTOR, ".catalog-count").text
    cards = browser.find_elements(By.CSS_SELECTOR, "article.catalog-card")
    assert len(cards) == 2 and all("Lena Berg" in c.text for c in cards)
    _nothing_raw(browser)
    _screenshot(browser, "credited-to-lena-berg.png")


def _markers(browser: webdriver.Chrome) -> list[WebElement]:
    return list(browser.find_elements(By.CSS_SELECTOR, ".leaflet-marker-icon"))


def test_the_map_of_pictures_with_a_place(server: str, browser: webdriver.Chrome) -> None:
    """With the `map` extra (datasette-cluster-map), on the canned query and the media table."""
    pytest.importorskip("datasette_cluster_map")
    _open(browser, server + "/catalog/pictures_on_a_map", "table.rows-and-columns")
    WebDriverWait(browser, 20).until(lambda b: len(_markers(b)) == len(PLACES))
    _markers(browser)[0].click()
    popup = WebDriverWait(browser, 10).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, ".leaflet-popup-content"))
    )
    link = popup.find_element(By.TAG_NAME, "a").get_attribute("href") or ""
    assert "/catalog/media/" in link and _decoded(browser, popup.find_element(By.TAG_NAME, "img")) == 120
    _screenshot(browser, "map.png")
    _open(browser, server + "/catalog/media", "p.catalog-views")
    browser.find_element(By.XPATH, "//p[contains(@class,'catalog-views')]//a[text()='map']").click()
    WebDriverWait(browser, 20).until(lambda b: len(_markers(b)) == len(PLACES))
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")) == len(PLACES)
