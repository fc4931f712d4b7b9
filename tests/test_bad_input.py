"""The bad-input battery: whatever the web and old archives hold, each input gets its correct
result or one clear error line, no traceback is printed, and every other input of the same scan
is catalogued. One real scan (the CLI in a subprocess) over a folder holding every case.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

FIGURE = (
    '<figure><img src="https://img.example.org/{name}.jpg" width="800" height="600">'
    "<figcaption>{caption} Photo: {credit}</figcaption></figure>"
)


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body><article>{body}</article></body></html>"


def _figure(name: str, caption: str = "Boats on the flooded river.", credit: str = "Jane Doe/AFP") -> str:
    return FIGURE.format(name=name, caption=caption, credit=credit)


# name -> (how to make it in the folder, expected error substring or None for "scanned")
Maker = Callable[[Path], None]


def _write(name: str, data: bytes | str) -> Maker:
    def make(folder: Path) -> None:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)

    return make


def _symlink(name: str, target: str) -> Maker:
    def make(folder: Path) -> None:
        (folder / name).symlink_to(target)

    return make


def _loop_folder(folder: Path) -> None:
    sub = folder / "loop"
    sub.mkdir()
    (sub / "inside.txt").write_text("Drone footage of the loop:\n", encoding="utf-8")
    (sub / "again").symlink_to("..", target_is_directory=True)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + bytes(200)
LONG_LINE = ("Smoke over the port — Port Watcher (@portwatch) and more words here " * 80_000)[:5_000_000]

CASES: dict[str, tuple[Maker, str | None]] = {
    "empty.txt": (_write("empty.txt", b""), "empty file"),
    "image.html": (_write("image.html", PNG), "binary data"),
    "noise.txt": (_write("noise.txt", bytes(range(256)) * 40), "binary data"),
    "nul-inside.txt": (_write("nul-inside.txt", b"Drone footage:\n\x00\x00\x00 more"), "binary data"),
    "latin1-undeclared.txt": (
        _write(
            "latin1-undeclared.txt",
            "Les bateaux sur le fleuve en crue:\n\nPhoto: José Muñoz/EFE\n".encode("latin-1"),
        ),
        None,
    ),
    "utf16-bom.txt": (
        _write(
            "utf16-bom.txt",
            codecs.BOM_UTF16_LE + "Boats at dawn:\n\nPhoto: Jane Doe/AFP\n".encode("utf-16-le"),
        ),
        None,
    ),
    "utf16-nobom.txt": (
        _write("utf16-nobom.txt", "Boats at dusk:\n\nPhoto: Jane Roe/Reuters\n".encode("utf-16-le")),
        None,
    ),
    "arabic-1256.html": (
        _write(
            "arabic-1256.html",
            _page(
                _figure("ar", "دخان فوق الميناء.", "رويترز"),
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
            ).encode("cp1256"),
        ),
        None,
    ),
    "cyrillic-1251.html": (
        _write(
            "cyrillic-1251.html",
            _page(
                _figure("ru", "Дым над портом.", "Иван Петров/ТАСС"), '<meta charset="windows-1251">'
            ).encode("cp1251"),
        ),
        None,
    ),
    "shift-jis.html": (
        _write(
            "shift-jis.html",
            _page(_figure("ja", "港の上の煙。", "Taro Yamada/Kyodo"), '<meta charset="Shift_JIS">').encode(
                "shift_jis"
            ),
        ),
        None,
    ),
    "latin1-declared.html": (
        _write(
            "latin1-declared.html",
            _page(
                _figure("fr", "Le port de Marseille.", "José Muñoz/AFP"), '<meta charset="ISO-8859-1">'
            ).encode("latin-1"),
        ),
        None,
    ),
    "cyrillic-undeclared.txt": (
        _write(
            "cyrillic-undeclared.txt",
            (
                "Спасатели эвакуируют жителей затопленного района на лодках:\n\n"
                "Фото: Иван Петров/ТАСС\n\nВода продолжает подниматься, сообщают местные власти.\n"
            ).encode("cp1251"),
        ),
        None,
    ),
    "truncated.html": (
        _write("truncated.html", _page(_figure("cut")).split("</article>")[0] + "<p>More text <a hr"),
        None,
    ),
    "nested.html": (
        _write("nested.html", _page("<div>" * 100_000 + _figure("deep") + "</div>" * 100_000)),
        None,
    ),
    "long-line.txt": (_write("long-line.txt", LONG_LINE), None),
    "huge-attribute.html": (
        _write("huge-attribute.html", _page(f'<div data-x="{"x" * 10_000_000}"></div>' + _figure("attr"))),
        None,
    ),
    "bomb.html.gz": (
        _write("bomb.html.gz", gzip.compress(b"<p>" + b"a" * (60 * 2**20))),
        "decompresses to over",
    ),
    "broken.txt.gz": (_write("broken.txt.gz", b"\x1f\x8b\x08\x00 not gzip at all"), "not a valid gzip file"),
    "bad-jsonld.html": (
        _write(
            "bad-jsonld.html",
            _page(
                '<img srcset=", , 1x 2x, ,,  bad" src="">' + _figure("json"),
                '<script type="application/ld+json">{"@type": "NewsArticle", "image": [</script>',
            ),
        ),
        None,
    ),
    "hostile-urls.html": (
        _write(
            "hostile-urls.html",
            _page(
                '<img src="javascript:alert(1)" alt="x">'
                '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>'
                '<img src="file:///etc/passwd" width="800" height="600">'
                '<figure><img src="/media/relative.jpg" width="800" height="600">'
                "<figcaption>Relative picture. Photo: Jane Doe/AFP</figcaption></figure>",
                '<base href="https://news.example.org/">',
            ),
        ),
        None,
    ),
    "dangling.txt": (_symlink("dangling.txt", "nowhere.txt"), "symbolic link to nothing"),
    "self-loop.txt": (_symlink("self-loop.txt", "self-loop.txt"), "symbolic link to nothing"),
    "loop": (_loop_folder, None),
    "good.txt": (_write("good.txt", "UPDATE 1650 GMT: Drone footage of the removals:\n"), None),
    "good.html": (_write("good.html", _page(_figure("good"))), None),
}


@pytest.fixture(scope="module")
def battery(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    folder = tmp_path_factory.mktemp("battery")
    for make, _ in CASES.values():
        make(folder)
    db = folder.parent / "battery.db"
    missing = folder / "does-not-exist.html"
    proc = subprocess.run(
        [sys.executable, "-m", "catalog", "scan", str(folder), str(missing), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return proc, folder, db


def _documents(db: Path) -> dict[str, dict[str, object]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {Path(r["source"]).name: dict(r) for r in conn.execute("select * from documents")}
    conn.close()
    return rows


def _media_of(db: Path, name: str) -> list[dict[str, object]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [
        dict(r)
        for r in conn.execute(
            """select media.* from media join mentions on mentions.media_id = media.id
               join documents on documents.id = mentions.document_id where documents.source like ?""",
            (f"%/{name}",),
        )
    ]
    conn.close()
    return rows


def test_the_scan_ends_with_its_summary_and_no_traceback(
    battery: tuple[subprocess.CompletedProcess[str], Path, Path],
) -> None:
    proc, _, _ = battery
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout.strip().splitlines()[-1].startswith("scanned ")
    for line in proc.stderr.strip().splitlines():
        assert line.startswith("error: "), f"stray output: {line}"


@pytest.mark.parametrize("name", sorted(CASES), ids=str)
def test_each_input_gets_its_outcome(
    name: str, battery: tuple[subprocess.CompletedProcess[str], Path, Path]
) -> None:
    proc, folder, db = battery
    _, expected_error = CASES[name]
    errors = [line for line in proc.stderr.splitlines() if f"/{name}: " in line]
    if expected_error is None:
        assert not errors, errors
        if name != "loop":
            assert _documents(db)[name]["error"] is None
    else:
        assert len(errors) == 1 and expected_error in errors[0], errors
        assert expected_error in str(_documents(db)[name]["error"])


def test_a_missing_path_is_one_error_line(
    battery: tuple[subprocess.CompletedProcess[str], Path, Path],
) -> None:
    proc, folder, _ = battery
    assert f"error: {folder / 'does-not-exist.html'}: no such file or folder" in proc.stderr.splitlines()


def test_decoded_texts_are_right(battery: tuple[subprocess.CompletedProcess[str], Path, Path]) -> None:
    _, _, db = battery
    expect = {
        "latin1-undeclared.txt": ("credit_person", "José Muñoz"),
        "utf16-bom.txt": ("credit_org", "AFP"),
        "utf16-nobom.txt": ("credit_org", "Reuters"),
        "arabic-1256.html": ("caption", "دخان فوق الميناء."),
        "cyrillic-1251.html": ("credit_person", "Иван Петров"),
        "shift-jis.html": ("caption", "港の上の煙。"),
        "latin1-declared.html": ("credit_person", "José Muñoz"),
        "cyrillic-undeclared.txt": ("credit_org", "TASS"),
    }
    for name, (column, value) in expect.items():
        values = [m[column] for m in _media_of(db, name)]
        assert value in values, f"{name}: {column} {values}"


def test_structure_damage_loses_no_media(
    battery: tuple[subprocess.CompletedProcess[str], Path, Path],
) -> None:
    _, _, db = battery
    for name, url in (
        ("truncated.html", "https://img.example.org/cut.jpg"),
        ("nested.html", "https://img.example.org/deep.jpg"),
        ("huge-attribute.html", "https://img.example.org/attr.jpg"),
        ("bad-jsonld.html", "https://img.example.org/json.jpg"),
        ("good.html", "https://img.example.org/good.jpg"),
    ):
        assert url in [m["url"] for m in _media_of(db, name)], name
    assert [m["kind"] for m in _media_of(db, "good.txt")] == ["video"]
    assert [m["kind"] for m in _media_of(db, "inside.txt")] == ["video"]  # the loop folder, read once


def test_hostile_urls_are_never_media(battery: tuple[subprocess.CompletedProcess[str], Path, Path]) -> None:
    _, _, db = battery
    media = _media_of(db, "hostile-urls.html")
    urls = [u for m in media for u in json.loads(str(m["urls"]))]
    assert urls and not [u for u in urls if u.split(":")[0] not in ("https", "http")]
    assert "https://news.example.org/media/relative.jpg" in urls


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("Drone footage:\n", encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "ok.txt").write_text("Drone footage of the bridge:\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "catalog", "scan", str(tmp_path), "--db", str(tmp_path / "c.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 3 and "secret.txt: permission denied" in proc.stderr
    assert "1 video" in proc.stdout


def test_a_folder_of_100000_small_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(100_000):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir()
        (sub / f"{i:06d}.txt").write_text(f"Note {i}: the river rose again.\n", encoding="utf-8")
    (folder / "050" / "footage.txt").write_text("Drone footage of the flooded square:\n", encoding="utf-8")
    db = tmp_path / "many.db"
    proc = subprocess.run(
        [sys.executable, "-m", "catalog", "scan", str(folder), "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "scanned 100,001 documents, 0 errors: 1 media mentions (1 video)"
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from documents").fetchone()[0] == 100_001
    conn.close()


def test_each_limit_refuses_one_input_and_the_scan_goes_on(tmp_path: Path) -> None:
    cases = (
        (
            "big.txt",
            "Drone footage of the dam:\n" + "x" * 6_000_000,
            ("--max-mb", "5.5"),
            "over the 5,767,168-byte limit",
        ),
        (
            "crowded.html",
            _page("<p>a</p>" * 500 + _figure("crowd")),
            ("--max-elements", "100"),
            "too many HTML elements",
        ),
        ("slow.txt", LONG_LINE, ("--time-budget", "0.01"), "took longer than the time budget of 0.01 s"),
    )
    for name, content, limits, message in cases:
        folder = tmp_path / name.split(".")[0]
        folder.mkdir()
        (folder / name).write_text(content, encoding="utf-8")
        (folder / "fine.txt").write_text("Drone footage of the bridge:\n", encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "catalog", "scan", str(folder), "--db", str(folder / "c.db"), *limits],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 3 and "Traceback" not in proc.stderr
        errors = proc.stderr.strip().splitlines()
        assert len(errors) == 1 and f"/{name}: " in errors[0] and message in errors[0], errors
        assert f"(see {limits[0]})" in errors[0]
        assert "fine.txt: 1 video" in proc.stdout
