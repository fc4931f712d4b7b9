"""Issue 24's hostile network and large-input cases, measured: for each, what happened, the
requests the servers saw, the peak memory of the `catalog` process and its seconds.

Usage: python3 bench/hostile.py [--code PATH] [--large] [--only NAME,NAME]

Servers run here on 127.0.0.1; each case runs `python -m catalog ...` in a child process (its
peak resident memory from wait4), killed after a limit so that a case that never ends (as some
did before issue 24) is reported with what it reached. `--code PATH` runs the catalog package
found at PATH instead of this one (e.g. /work/main, to compare before and after); `--large` adds
the 200 MB live blog and the 50 MB page of 1.5 million elements (about 4 minutes). Figures move
with the machine's load: compare runs taken side by side.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
HITS: Counter[str] = Counter()
SENT = Counter[str]()
PAGE = (
    "<!doctype html><html><head><title>Quay {n}</title></head><body><article>"
    '<figure><img src="https://img.example.org/quay-{n}.jpg" width="800" height="600">'
    "<figcaption>The quay, view {n}. Photo: Jane Doe/AFP</figcaption></figure></article></body></html>"
)
SITEMAP = '<?xml version="1.0"?><{kind} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</{kind}>'
BIG: dict[str, bytes] = {}


class Server(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def reply(self, status: int, body: bytes | str, kind: str) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def do_GET(self) -> None:  # noqa: N802
        HITS[self.path] += 1
        path = self.path
        if path == "/robots.txt":
            mode = getattr(self.server, "robots", "none")
            if mode == "endless":
                self._endless_robots()
            elif mode == "slow":
                self._drip(b"#", 2.0, 1000, "text/plain")
            else:
                self.reply(404, "none", "text/plain")
        elif path.startswith("/page/"):
            self.reply(200, PAGE.format(n=path.rsplit("/", 1)[1]), "text/html; charset=utf-8")
        elif path == "/drip":
            self._drip(b"<p>drip ", 1.0, 1_000_000, "text/html")
        elif path.startswith("/index-"):
            body = "".join(f"<sitemap><loc>{self.base}/index-{i}.xml</loc></sitemap>" for i in range(12))
            body += f"<sitemap><loc>{self.base}/listed.xml</loc></sitemap>"
            self.reply(200, SITEMAP.format(kind="sitemapindex", body=body), "application/xml")
        elif path == "/listed.xml":
            body = f"<url><loc>{self.base}/page/1</loc></url>" * 50
            self.reply(200, SITEMAP.format(kind="urlset", body=body), "application/xml")
        elif path in BIG:
            self.reply(200, BIG[path], "image/png")
        elif path.startswith("/slow-picture/"):
            time.sleep(0.05)
            self.reply(200, BIG["/small.png"], "image/png")
        elif path == "/to-bad-port":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:99999/x")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.reply(404, "not here", "text/plain")

    def _endless_robots(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        line = b"# " + b"x" * 65_000 + b"\n"
        for _ in range(200_000):  # at most 13 GB
            try:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(line), line))
            except OSError:
                return
            SENT["robots"] += len(line)

    def _drip(self, piece: bytes, every: float, promised: int, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(promised))
        self.end_headers()
        for _ in range(int(120 / every)):
            try:
                self.wfile.write(piece)
                self.wfile.flush()
            except OSError:
                return
            time.sleep(every)


@contextmanager
def server(robots: str = "none") -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Server)
    httpd.robots = robots  # type: ignore[attr-defined]
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass
class Run:
    code: int | None  # None: killed at the limit
    seconds: float
    peak_mb: float
    out: str
    err: str


def catalog(args: list[str], limit: float, code: Path | None) -> Run:
    """`python -m catalog ARGS` in a child process: exit code, seconds, peak resident memory."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "catalog", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tempfile.gettempdir(),
    )
    chunks: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda n=n, s=s: chunks.__setitem__(n, s.read()))
        for n, s in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for reader in readers:
        reader.start()
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        proc.kill()

    timer = threading.Timer(limit, kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    return Run(
        code=None if killed.is_set() else proc.returncode,
        seconds=time.monotonic() - start,
        peak_mb=usage.ru_maxrss / 1024,
        out=chunks.get("out", b"").decode(errors="replace"),
        err=chunks.get("err", b"").decode(errors="replace"),
    )


def png(side: int) -> bytes:
    pack = zlib.compressobj(9)
    row = b"\x00" + bytes(3 * side)
    data = b"".join(pack.compress(row) for _ in range(side)) + pack.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = side.to_bytes(4, "big") * 2 + bytes((8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def catalogue_of(db: Path, folder: Path, addresses: list[str], code: Path | None) -> None:
    page = folder / f"{db.stem}.html"
    figures = "".join(
        f'<figure><img src="{a}" width="640" height="480"><figcaption>Picture {i}.</figcaption></figure>'
        for i, a in enumerate(addresses)
    )
    page.write_text(f"<html><body><article>{figures}</article></body></html>", encoding="utf-8")
    catalog(["scan", str(page), "--db", str(db), "-q"], 60, code)


def outcome(run: Run) -> str:
    if run.code is None:
        return "killed at the limit"
    last = [line for line in run.err.splitlines() if line.strip()][-1:] or [""]
    return f"exit {run.code}" + (f"; {last[0][:110]}" if run.code else "")


def report(name: str, run: Run, requests: str = "") -> None:
    print(f"{name:<34} {outcome(run):<60} {requests:>16} {run.peak_mb:>9.0f} {run.seconds:>8.1f}", flush=True)


def cases(tmp: Path, code: Path | None, large: bool, only: set[str]) -> None:
    scan = ["scan", "--allow-private", "--delay", "0", "-q"]

    def wanted(name: str) -> bool:
        return not only or name in only

    if wanted("robots-endless"):
        with server("endless") as base:
            HITS.clear()
            SENT.clear()
            run = catalog([*scan, "--db", str(tmp / "r3.db"), f"{base}/page/1"], 30, code)
        report("3 endless robots.txt", run, f"{SENT['robots'] / 2**20:.0f} MB sent")
    if wanted("slow-body"):
        with server() as base:
            run = catalog([*scan, "--db", str(tmp / "r4.db"), f"{base}/drip", "--time-budget", "5"], 60, code)
        report("4 body at 8 B/s, --time-budget 5", run)
    if wanted("slow-robots"):
        with server("slow") as base:
            args = [*scan, "--db", str(tmp / "r4b.db"), f"{base}/page/2", "--time-budget", "5"]
            run = catalog(args, 60, code)
        report("4 robots.txt 1 B/2 s, --time-budget 5", run)
    if wanted("sitemap-loop"):
        with server() as base:
            HITS.clear()
            run = catalog([*scan, "--db", str(tmp / "r6.db"), f"{base}/index-0.xml"], 120, code)
            asked = sum(n for p, n in HITS.items() if p != "/robots.txt")
        report("6 12 indexes listing each other", run, f"{asked:,} requests")
        report("6 one page listed 50 times", run, f"{HITS['/page/1']:,} requests")
    if wanted("bad-addresses"):
        with server() as base:
            urls = tmp / "urls.txt"
            listed = [f"{base}/page/1", "http://www.example..com/", "http://[::1/", "http://127.0.0.1:99999/"]
            urls.write_text("\n".join([*listed, f"{base}/to-bad-port", f"{base}/page/2"]) + "\n")
            run = catalog([*scan, "--db", str(tmp / "r2.db"), "--urls", str(urls)], 60, code)
        stored = run.out.strip().splitlines()[-1][:60] if run.out.strip() else "nothing stored"
        report("2 bad addresses among good pages", run, "")
        print(f"{'':<34} {stored}")
    if wanted("enrich-bad-items"):
        with server() as base:
            db = tmp / "r1.db"
            catalogue_of(db, tmp, ["http://www.example..com/a.jpg", f"{base}/to-bad-port"], code)
            run = catalog(["enrich", "--db", str(db), "--allow-private"], 60, code)
        report("1 enrich: typo host, port 99999", run)
        print(f"{'':<34} {run.out.strip().splitlines()[-1][:100] if run.out.strip() else ''}")
    if wanted("big-pngs"):
        BIG["/big.png"] = png(8944)
        with ExitStack() as hosts:
            bases = [hosts.enter_context(server()) for _ in range(8)]
            db = tmp / "r7.db"
            catalogue_of(db, tmp, [f"{b}/big.png" for b in bases], code)
            run = catalog(["enrich", "--db", str(db), "--allow-private", "--concurrency", "8"], 300, code)
        report("7 eight 8944x8944 PNGs, 8 at a time", run)
    if wanted("shared"):
        BIG["/small.png"] = png(64)
        texts = tmp / "texts"
        texts.mkdir(exist_ok=True)
        sample = (ROOT / "tests/samples/riverside-liveblog.txt").read_text(encoding="utf-8")
        for i in range(5000):
            (texts / f"blog-{i:04d}.txt").write_text(f"Copy {i}.\n\n{sample}", encoding="utf-8")
        with server() as base:
            db = tmp / "r10.db"
            catalogue_of(db, tmp, [f"{base}/slow-picture/{i}.png" for i in range(300)], code)
            runs: dict[str, Run] = {}
            both = [
                threading.Thread(
                    target=lambda: runs.__setitem__(
                        "scan", catalog(["scan", str(texts), "--db", str(db), "-q"], 600, code)
                    )
                ),
                threading.Thread(
                    target=lambda: runs.__setitem__(
                        "enrich", catalog(["enrich", "--db", str(db), "--allow-private", "-q"], 600, code)
                    )
                ),
            ]
            for thread in both:
                thread.start()
                time.sleep(3)  # the enrich starts while the scan writes
            for thread in both:
                thread.join()
        report("10 scan of 5,000 texts", runs["scan"])
        report("10 enrich of 300 pictures meanwhile", runs["enrich"])
        print(f"{'':<34} {(runs['enrich'].out.strip().splitlines() or [''])[-1][:100]}")
    if large and wanted("html-elements"):
        page = tmp / "elements.html"
        make(page, "elements", 0)
        run = catalog(["scan", str(page), "--db", str(tmp / "r12.db"), "--max-mb", "60", "-q"], 600, code)
        report(f"12 page of 1.5 M elements, {page.stat().st_size / 2**20:.0f} MB", run)
        page.unlink()
    if large and wanted("text-200mb"):
        for mb, more in ((200, ["--max-mb", "300"]), (200, []), (49, [])):
            text = tmp / f"blog{mb}.txt"
            make(text, "blog", mb)
            args = ["scan", str(text), "--db", str(tmp / f"r12-{mb}.db"), "--force", "-q", *more]
            report(f"12 {mb} MB live blog {' '.join(more) or '(defaults)'}", catalog(args, 900, code))
            text.unlink()


# Large inputs are written by a child process: a child started later inherits the peak memory
# of the process that starts it (Linux keeps it across exec), and this one must stay small.
_MAKE = """
import sys
from pathlib import Path
path, what, mb = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with path.open("w", encoding="utf-8") as out:
    if what == "elements":  # 1.5 million elements in about 50 MB
        out.write("<html><body>")
        pair = '<b class="caption-credit-line x">x</b><i class="caption-text y">y</i>'
        for _ in range(1_500):
            out.write("<p>" + pair * 500 + "</p>")
        out.write("</body></html>")
    else:  # the live blog of ../shared, dense with media, repeated to `mb` MB
        blog = Path(sys.argv[4]).read_text(encoding="utf-8")
        for _ in range(mb * 2**20 // len(blog.encode()) + 1):
            out.write(blog)
"""


def make(path: Path, what: str, mb: int) -> None:
    blog = str(SHARED / "samples/aleppo-liveblog.txt")
    subprocess.run([sys.executable, "-c", _MAKE, str(path), what, str(mb), blog], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--code", type=Path, help="the folder holding the catalog package to run")
    parser.add_argument("--large", action="store_true", help="add the 200 MB and 1.5 M-element cases")
    parser.add_argument("--only", default="", help="comma-separated case names")
    given = parser.parse_args()
    print(f"catalog from {given.code or ROOT}; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"{'case':<34} {'what happened':<60} {'requests':>16} {'peak MB':>9} {'seconds':>8}")
    with tempfile.TemporaryDirectory() as folder:
        cases(Path(folder), given.code, given.large, {n for n in given.only.split(",") if n})


if __name__ == "__main__":
    main()
