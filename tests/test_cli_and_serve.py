"""The command line as a user runs it (click's runner and a real subprocess), and the Datasette
app that `catalog serve` runs, through Datasette's own client and a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import fcntl
import json
import os
import pty
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from catalog.cli import main
from catalog.serve import make_datasette

from .conftest import SAMPLES, run_cli


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    db = tmp_path / "catalog.db"
    result = CliRunner().invoke(main, ["scan", str(SAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "scanned 2 documents, 0 errors" in result.output
    return db


def test_every_command_has_help_text() -> None:
    for name, command in main.commands.items():
        assert command.help, f"catalog {name} has no help text"
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and command.help.split(".")[0] in " ".join(result.output.split())


def test_export_json_has_the_contract_shape(catalogue: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(catalogue)])
    assert result.exit_code == 0
    objects = json.loads(result.output)
    tweet = next(o for o in objects if o["id"] == "twitter:1896654321098765432")
    assert tweet["urls"][0] == "https://twitter.com/riverside_watch/status/1896654321098765432"
    assert len(tweet["mentions"]) == 2  # embedded twice in the page
    # the second, bare embed adds a citation and takes nothing away from the first
    assert str(tweet["post_text"]).startswith("Water is over the footbridge")
    mention = tweet["mentions"][0]
    assert set(mention) >= {
        "document",
        "presence",
        "detector",
        "line",
        "entry",
        "caption",
        "credit",
        "context",
    }
    assert set(mention["document"]) == {"source", "url", "title"}
    assert mention["document"]["url"] == "https://news.example.org/2025/03/03/riverside-floods"
    for column in (
        "kind",
        "provider",
        "url",
        "urls",
        "post_id",
        "caption",
        "alt_text",
        "credit",
        "credit_person",
        "credit_org",
        "credit_role",
        "author_name",
        "author_handle",
        "posted_at",
        "post_text",
        "width",
        "height",
        "tags",
        "first_seen",
        "last_seen",
    ):
        assert column in tweet


def test_export_ndjson_and_csv(catalogue: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    nd = runner.invoke(main, ["export", "--db", str(catalogue), "--format", "ndjson"])
    whole = json.loads(runner.invoke(main, ["export", "--db", str(catalogue)]).output)
    assert [json.loads(line) for line in nd.output.splitlines()] == whole
    out = tmp_path / "m.csv"
    result = runner.invoke(main, ["export", "--db", str(catalogue), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:2] == ["id", "kind"] and "entry" in header


def test_scan_exit_status_and_error_lines(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Drone footage of the bridge:\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = CliRunner().invoke(
        main, ["scan", str(tmp_path), str(tmp_path / "missing.html"), "--db", str(db)]
    )
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {tmp_path / 'empty.txt'}: empty file",
        f"error: {tmp_path / 'missing.html'}: no such file or folder",
    ]
    assert "1 video" in result.stdout


def test_export_without_catalogue_is_one_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: no catalogue at {tmp_path / 'none.db'}: run `catalog scan` first"
    )


def _get(ds: object, path: str) -> httpx.Response:
    return asyncio.run(ds.client.get(path))  # type: ignore[attr-defined]


def test_datasette_shows_facets_and_json(catalogue: Path) -> None:
    ds = make_datasette(catalogue)
    page = _get(ds, "/catalog/media.json?_extra=facet_results")
    assert page.status_code == 200
    facets = page.json()["facet_results"]
    for name in ("kind", "provider", "credit_org", "credit_person", "tags"):
        assert name in facets, f"facet {name} missing"
    orgs = {v["value"] for v in facets["credit_org"]["results"]}
    assert "Reuters" in orgs
    rows = _get(ds, "/catalog/media.json?_shape=array&kind=video").json()
    assert {r["provider"] for r in rows} >= {"youtube", "site"}
    assert all(r["kind"] == "video" for r in rows)
    found = _get(ds, "/catalog/media.json?_shape=array&_search=sandbags").json()
    assert found and all("andbags" in (r["caption"] or "") for r in found)
    html = _get(ds, "/catalog/media").text
    assert "credit_org" in html and "media cited in news pages" in _get(ds, "/").text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_catalog_serve_really_serves(catalogue: Path) -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "catalog", "serve", "--db", str(catalogue), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/catalog/media.json?_shape=array", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert r.status_code == 200
        assert any(row["id"] == "youtube:dQw4w9WgXcQ" for row in r.json())
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_on_a_busy_port_is_one_clear_error(catalogue: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        proc = run_cli("serve", "--db", str(catalogue), "--port", str(port))
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""  # no "serving on ..." before it fails
    assert proc.stderr.strip() == (
        f"error: cannot listen on 127.0.0.1:{port}: the port is in use (another server?); "
        "choose another with --port"
    )


def test_export_names_the_kinds_and_platforms_there_are(catalogue: Path) -> None:
    proc = run_cli("export", "--db", str(catalogue), "--kind", "photos")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "'photos' is not one of 'photo', 'video', 'audio', 'social_post'" in proc.stderr
    proc = run_cli("export", "--db", str(catalogue), "--provider", "twiter")
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    assert proc.stderr.strip() == (
        "note: no media from platform 'twiter'; this catalogue has: instagram, site, twitter, youtube"
    )


def test_a_scan_of_nothing_that_exists_makes_no_catalogue(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    proc = run_cli("scan", str(tmp_path / "nonexistent"), str(tmp_path / "nor-this.txt"), "--db", str(db))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"error: {tmp_path / 'nonexistent'}: no such file or folder",
        f"error: {tmp_path / 'nor-this.txt'}: no such file or folder",
    ]
    assert not db.exists()


def test_a_rescan_says_what_was_unchanged(catalogue: Path) -> None:
    proc = run_cli("scan", str(SAMPLES), "--db", str(catalogue))
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[-1] == (
        "scanned 2 documents, 2 unchanged, 0 errors: nothing new "
        "(unchanged inputs keep what was found in them; --force rescans)"
    )


def test_a_scan_says_which_files_it_skipped_for_their_extension(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    (folder / "sub").mkdir(parents=True)
    for n in range(3):
        (folder / f"{n}.rtf").write_text("{\\rtf1 A note.}\n", encoding="utf-8")
    (folder / "sub" / "notes.json.gz").write_bytes(b"")
    (folder / "README").write_text("about\n", encoding="utf-8")
    (folder / ".hidden.rtf").write_text("x\n", encoding="utf-8")
    (folder / "page.txt").write_text("Drone footage of the bridge:\n", encoding="utf-8")
    proc = run_cli("scan", str(folder), "--db", str(tmp_path / "c.db"))
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[-1].startswith(
        "skipped 5 files for their extension (3 .rtf, 1 .json.gz, 1 no extension); "
        "a folder's files are scanned if they end in .html"
    )


def test_credits_group_every_spelling_and_answer_the_canned_query(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "wire.txt").write_text(
        "UPDATE 0900 GMT: Boats on the flooded high street:\n\nPhoto: LENA BERG/REUTERS\n\n"
        "The water is still rising.\n\nA police launch passes the town hall:\n\n"
        "lena berg/reuters/getty images\n",
        encoding="utf-8",
    )
    db = tmp_path / "catalog.db"
    result = CliRunner().invoke(main, ["scan", str(SAMPLES), str(extra), "--db", str(db)])
    assert result.exit_code == 0, result.output
    ds = make_datasette(db)

    facets = _get(ds, "/catalog/media.json?_extra=facet_results").json()["facet_results"]
    people = {v["value"]: v["count"] for v in facets["credits"]["results"]}
    assert people.get("Lena Berg", 0) >= 4  # two sample pictures and two spellings in wire.txt
    assert not {"LENA BERG", "lena berg", "Lena berg"} & set(people)
    assert people.get("Getty Images") == 1 and people.get("Reuters", 0) >= 4

    afp = _get(ds, "/catalog/media.json?_shape=array&credit_org=AFP").json()
    assert [r["credit_person"] for r in afp] == ["Ana Ruiz"]

    rows = _get(ds, "/catalog/media_credited_to.json?_shape=array&name=berg").json()
    assert len({r["media_id"] for r in rows}) >= 4
    assert {r["credit_name"] for r in rows} == {"Lena Berg"}
    assert {r["credited_as"] for r in rows} == {"creator"}

    credits = _get(ds, "/catalog/credits.json?_shape=array&type=person").json()
    assert [c["name"] for c in credits].count("Lena Berg") == 1
    reuters = _get(ds, "/catalog/credits.json?_shape=array&name=Reuters").json()
    assert reuters and reuters[0]["type"] == "organisation"


def test_export_takes_the_table_filters(catalogue: Path) -> None:
    def ids(*args: str) -> list[dict[str, object]]:
        result = CliRunner().invoke(main, ["export", "--db", str(catalogue), *args])
        assert result.exit_code == 0, result.output
        return list(json.loads(result.output))

    everything = ids()
    videos = ids("--kind", "video")
    assert videos and {o["kind"] for o in videos} == {"video"} and len(videos) < len(everything)
    assert [o["id"] for o in ids("--kind", "video", "--provider", "youtube")] == ["youtube:dQw4w9WgXcQ"]
    assert {o["credit_org"] for o in ids("--credit", "berg")} == {"Reuters"}
    assert [o["credit_person"] for o in ids("--credit", "AFP")] == ["Ana Ruiz"]
    found = ids("--search", "sandbags")
    assert found and all("andbags" in str(o["caption"]) for o in found)
    assert ids("--search", 'odd "quote (') == []
    assert ids("--kind", "video", "--search", "sandbags") == []


def test_views_and_canned_queries_answer_the_usual_questions(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "follow-up.txt").write_text(
        "The mayor's video is still online: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n", encoding="utf-8"
    )
    db = tmp_path / "catalog.db"
    assert CliRunner().invoke(main, ["scan", str(SAMPLES), str(extra), "--db", str(db)]).exit_code == 0
    ds = make_datasette(db)

    def rows(path: str) -> list[dict[str, object]]:
        base, _, query = path.partition("?")
        response = _get(ds, f"{base}.json?_shape=array&{query}")
        assert response.status_code == 200, path
        return list(response.json())

    several = rows("/catalog/cited_by_several")
    assert [(r["media_id"], r["documents"]) for r in several] == [("youtube:dQw4w9WgXcQ", 2)]
    blog = rows("/catalog/documents?source__endswith=riverside-liveblog.txt")[0]["id"]
    timeline = rows(f"/catalog/timeline?document={blog}")
    assert [r["position"] for r in timeline] == list(range(1, len(timeline) + 1))
    assert (
        timeline[0]["entry"] is None
        and timeline[1]["entry"] == "1815 GMT"
        and {r["source"] for r in timeline} == {str(SAMPLES / "riverside-liveblog.txt")}
        and {r["document_id"] for r in timeline} == {blog}
    )
    assert rows("/catalog/timeline?document=") == []  # an empty box finds nothing, not everything
    assert rows("/catalog/timeline?document=riverside") == []  # an id, not part of a path
    bare = rows("/catalog/without_credit")
    assert bare and all(r["media_id"] for r in bare)
    credited = {r["id"] for r in rows("/catalog/media?credit__notblank=1&_size=max")}
    assert not credited & {r["media_id"] for r in bare}
    days = rows("/catalog/platform_per_day?provider=twitter")
    assert days and all(len(str(d["day"])) == 10 and int(str(d["media"])) >= 1 for d in days)
    cited = rows("/catalog/citations?domain=news.example.org&_size=max")
    assert cited and {r["domain"] for r in cited} == {"news.example.org"}
    facets = _get(ds, "/catalog/citations.json?_extra=facet_results").json()["facet_results"]
    assert {"domain", "kind", "presence"} <= set(facets)


def _on_a_terminal(*args: str) -> tuple[str, str]:
    """Run catalog with its standard error on a pseudo-terminal: what it printed there and on
    standard output (a pipe)."""

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal's size
    seen: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    proc = subprocess.Popen(
        [sys.executable, "-m", "catalog", *args], stdout=subprocess.PIPE, stderr=follower, text=True
    )
    os.close(follower)
    out = proc.communicate(timeout=120)[0]
    reader.join(timeout=10)
    os.close(leader)
    return b"".join(seen).decode("utf-8", "replace"), out


def test_a_progress_bar_is_shown_on_a_terminal_only(tmp_path: Path) -> None:
    terminal, out = _on_a_terminal("scan", str(SAMPLES), "--db", str(tmp_path / "t.db"))
    documents = len([p for p in SAMPLES.rglob("*") if p.is_file()])
    assert f"scanned: {documents} docs [" in terminal and " docs/s]" in terminal  # count and rate
    assert terminal.rsplit("\r", 2)[-2].strip() == ""  # redrawn in place, cleared at the end
    assert f"scanned {documents} documents" in out  # the summary, on standard output as always
    piped = subprocess.run(
        [sys.executable, "-m", "catalog", "scan", str(SAMPLES), "--db", str(tmp_path / "p.db"), "--force"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert piped.returncode == 0 and piped.stderr == ""  # no bar in a pipe or a log
