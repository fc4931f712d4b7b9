"""A real browser (Debian's headless Chromium, driven by Selenium) against `catalog serve` on
127.0.0.1: open the media table, click a credit_org facet value, search a caption word, follow
the JSON link and check its rows, and save a screenshot of the table with its thumbnails."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from PIL import Image

from catalog.cli import main

from .conftest import SAMPLES

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
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def _thumbnail(colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (120, 80), colour).save(buf, "JPEG", quality=70)
    return buf.getvalue()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "catalog.db"
    assert CliRunner().invoke(main, ["scan", str(SAMPLES), "--db", str(db)]).exit_code == 0
    conn = sqlite3.connect(db)  # what `catalog enrich` stores: small thumbnails
    ids = [row[0] for row in conn.execute("select id from media where kind = 'photo' order by id")]
    for n, media_id in enumerate(ids):
        conn.execute(
            "update media set thumbnail = ? where id = ?", [_thumbnail((40 * n, 120, 200)), media_id]
        )
    conn.commit()
    conn.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
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
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1200"):
        options.add_argument(arg)
    options.binary_location = str(CHROMIUM)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def test_browse_facet_search_json_and_screenshot(server: str, browser: webdriver.Chrome) -> None:
    wait = WebDriverWait(browser, 20)
    browser.get(server + "/catalog/media")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "table.rows-and-columns")))
    assert "media" in browser.title

    facet = browser.find_element(By.CSS_SELECTOR, "#facet-credit_org")
    facet.find_element(By.XPATH, ".//a[normalize-space(text())='AFP']").click()
    wait.until(ec.url_contains("credit_org=AFP"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert len(rows) == 1 and "Ana Ruiz" in rows[0].text

    browser.get(server + "/catalog/media")
    search = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input#_search")))
    search.send_keys("sandbags", Keys.ENTER)
    wait.until(ec.url_contains("_search=sandbags"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    texts = [row.get_attribute("textContent") or "" for row in rows]
    assert rows and all("andbags" in text for text in texts), texts

    browser.find_element(By.XPATH, "//a[normalize-space(text())='json']").click()
    wait.until(ec.url_contains(".json"))
    data = json.loads(browser.find_element(By.TAG_NAME, "body").text)
    columns, found = data["columns"], data["rows"]
    captions = [dict(zip(columns, row, strict=True))["caption"] for row in found]
    assert len(found) == len(rows) and all("andbags" in str(c) for c in captions)

    browser.get(server + "/catalog/media?kind=photo")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "img.catalog-thumb")))
    thumbs = browser.find_elements(By.CSS_SELECTOR, "img.catalog-thumb")
    widths = []
    for thumb in thumbs:  # lazy images load once in view
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", thumb)
        WebDriverWait(browser, 10).until(lambda _, img=thumb: img.get_property("complete"))
        widths.append(thumb.get_property("naturalWidth"))
    assert thumbs and widths == [120] * len(thumbs)  # decoded pictures, not broken images
    assert (
        browser.find_element(By.CSS_SELECTOR, "details.catalog-columns summary").text == "Columns explained"
    )
    table = browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns")
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", table)
    browser.execute_script("arguments[0].parentElement.scrollLeft = 0;", table)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    shot = OUTPUT / "media-with-thumbnails.png"
    assert browser.save_screenshot(str(shot))
    with Image.open(shot) as image:
        assert image.size[0] >= 1000 and image.getcolors(maxcolors=1_000_000) is not None
