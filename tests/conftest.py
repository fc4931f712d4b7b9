"""Shared fixtures and helpers: paths to our own samples and to ../shared (skipped cleanly when
absent), the command line run as a user runs it, and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SAMPLES = TESTS / "samples"
GOLDEN = TESTS / "golden"
SHARED = TESTS.parent.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden .expected.json files from the extractors' output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared is not present")
    return SHARED


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`catalog ARGS` in a process of its own, as a user runs it: exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "catalog", *args], capture_output=True, text=True, timeout=120, check=False
    )


class Overlap:
    """How many requests a test server handles at once, at most, and when each began: a
    handler calls `hold(seconds)` to take that long."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.most = 0
        self.starts: list[float] = []

    def reset(self) -> None:
        with self._lock:
            self.now = self.most = 0
            self.starts.clear()

    def hold(self, seconds: float) -> None:
        with self._lock:
            self.starts.append(time.monotonic())
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(seconds)
        with self._lock:
            self.now -= 1


class Handler(BaseHTTPRequestHandler):
    """A test server's request handler: `reply` sends a whole answer; nothing is logged."""

    def reply(self, status: int, body: str | bytes, content_type: str) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 (a free port) in a thread: its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
