"""What the command line imports: `catalog --help` and a scan of files load no web server, no
HTTP client and no cluster; a command needing one loads it when it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("datasette", "dask", "distributed", "httpx", "PIL", "bs4")


def _imported(*args: str, cwd: Path) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The top-level packages `python -m catalog ARGS` imported, read from -X importtime."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "catalog", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    names = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return names, proc


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    names, proc = _imported("--help", cwd=tmp_path)
    assert proc.returncode == 0 and "scan" in proc.stdout
    assert not names & set(HEAVY), names & set(HEAVY)
    assert "sqlite_utils" not in names and "lxml" not in names


def test_a_scan_of_one_page_imports_nothing_heavy(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<article><figure><img src="https://img.example.org/a.jpg" width="800" height="600">'
        "<figcaption>Boats on the river. Photo: Jane Doe/AFP</figcaption></figure></article>",
        encoding="utf-8",
    )
    names, proc = _imported("scan", str(page), "--db", str(tmp_path / "c.db"), cwd=tmp_path)
    assert proc.returncode == 0 and "1 photo" in proc.stdout, proc.stderr[-500:]
    assert not names & set(HEAVY), names & set(HEAVY)
    assert {"lxml", "sqlite_utils"} <= names  # the parts a scan needs are there


def test_an_address_brings_the_http_client(tmp_path: Path) -> None:
    names, proc = _imported("scan", "http://127.0.0.1:9/page", "--db", str(tmp_path / "c.db"), cwd=tmp_path)
    assert proc.returncode == 3  # refused: a private address
    assert "httpx" in names and "datasette" not in names
