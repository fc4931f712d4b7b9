"""Pages from the network: one shared httpx client with explicit timeouts, redirects followed hop
by hop (each hop's address checked), retries with backoff on timeouts and 5xx, a delay between
requests to one host, robots.txt honoured, a maximum body size, a clear User-Agent.

Pages are untrusted and so are their addresses: only http and https, and by default never a
loopback, private, link-local, multicast or reserved address, checked after DNS resolution on
every hop (`allow_private` lifts that for a scan of one's own intranet, and for tests).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from lxml import etree

from catalog import __version__
from catalog.errors import InputError
from catalog.sources import HTML_SUFFIXES, Source, page_source

__all__ = ["USER_AGENT", "FeedFound", "FetchOptions", "Fetcher", "feed_links", "is_url"]

USER_AGENT = f"catalog/{__version__} (media cataloguer; reads pages once, fetches no media)"
_REDIRECTS = 10
_RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
_TEXT_TYPES = ("text/plain", "text/markdown")


class FeedFound(Exception):  # noqa: N818 - not an error: the address was a list of pages
    """The address was a sitemap or a feed: these are the pages it lists."""

    def __init__(self, links: list[str]) -> None:
        super().__init__(f"{len(links)} pages")
        self.links = links


_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:urlset|sitemapindex|rss|feed|rdf:RDF)\b", re.S
)
_MAX_FEED_LINKS = 50_000  # a sitemap holds at most this many addresses


def feed_links(body: bytes) -> list[str] | None:
    """The page addresses a sitemap, sitemap index, RSS or Atom feed lists; None if the XML is
    none of these. Parsed without entities or network access (the XML is untrusted)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    name = etree.QName(root).localname.lower()
    links: list[str] = []
    if name in ("urlset", "sitemapindex"):
        links = [t.strip() for t in root.xpath("//*[local-name()='loc']/text()")]
    elif name in ("rss", "rdf"):
        links = [t.strip() for t in root.xpath("//*[local-name()='item']/*[local-name()='link']/text()")]
    elif name == "feed":
        for entry in root.xpath("//*[local-name()='entry']"):
            hrefs = entry.xpath("*[local-name()='link'][not(@rel) or @rel='alternate']/@href")
            links.extend(h.strip() for h in hrefs[:1])
    else:
        return None
    return [link for link in dict.fromkeys(links) if is_url(link)][:_MAX_FEED_LINKS]


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class FetchOptions:
    """How pages are fetched: limits, politeness and safety."""

    max_bytes: int = 50 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubled after each
    host_delay: float = 1.0  # seconds between the starts of two requests to one host
    per_host: int = 2  # requests to one host at a time
    concurrency: int = 8  # requests at a time in all (threads share the one client)
    respect_robots: bool = True
    allow_private: bool = False
    # Private addresses allowed one by one (a scan of one intranet server; the tests' server),
    # every other still refused, on every hop.
    allow_addresses: frozenset[str] = frozenset()


@dataclass
class Fetcher:
    """One client for a whole scan, shared by the threads that fetch: connections reused,
    per-host timing, per-host limits and robots.txt kept (every shared table behind a lock)."""

    options: FetchOptions = field(default_factory=FetchOptions)
    _client: httpx.Client | None = None
    _last: dict[str, float] = field(default_factory=dict)
    _slots: dict[str, threading.BoundedSemaphore] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _robots_locks: dict[str, threading.Lock] = field(default_factory=dict)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    @property
    def client(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                o = self.options
                self._client = httpx.Client(
                    timeout=httpx.Timeout(o.read_timeout, connect=o.connect_timeout),
                    follow_redirects=False,  # followed here, so every hop's address is checked
                    headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.5"},
                    limits=httpx.Limits(max_connections=max(o.concurrency, 1) * 2),
                    trust_env=False,
                )
            return self._client

    def fetch(self, url: str) -> Source:
        """The page at `url`, decoded; `Source.url` is where redirects ended. Raises InputError
        with one line for anything that keeps it from being read, FeedFound for a sitemap."""
        final, response, body = self._follow(url)
        if response.is_redirect:
            raise InputError(f"redirect without a location (HTTP {response.status_code})")
        if response.status_code >= 400:
            raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
        return self._source(url, final, response, body)

    def download(self, url: str) -> tuple[int, bytes, str]:
        """Status, body and content type of `url` after its redirects, under the same rules as
        pages (addresses checked on every hop, size limit, retries); a 4xx or 5xx is returned,
        not raised: it is what availability records."""
        _, response, body = self._follow(url)
        return response.status_code, body, response.headers.get("content-type", "").lower()

    def _follow(self, url: str) -> tuple[str, httpx.Response, bytes]:
        """Request `url` and its redirects hop by hop, each hop's address checked (and its
        robots.txt, when honoured): where they ended, the last response and its body."""
        current = url
        for _ in range(_REDIRECTS + 1):
            self._check_address(current)
            if self.options.respect_robots and not self._allowed(current):
                raise InputError(
                    f"robots.txt of {urlsplit(current).netloc} disallows it (see --ignore-robots)"
                )
            response, body = self._get(current)
            location = response.headers.get("location") if response.is_redirect else None
            if not location:
                return current, response, body
            current = urljoin(current, location)
        raise InputError(f"more than {_REDIRECTS} redirects")

    def _get(self, url: str) -> tuple[httpx.Response, bytes]:
        delay = self.options.backoff
        for attempt in range(self.options.retries + 1):
            try:
                with self._host_slot(url), self.client.stream("GET", url) as response:
                    retry = response.status_code in _RETRY_STATUSES and attempt < self.options.retries
                    if not retry:
                        return response, self._body(response)
                time.sleep(delay)  # outside the host's slot: others may go meanwhile
                delay *= 2
                continue
            except httpx.TimeoutException as exc:
                if attempt >= self.options.retries:
                    raise InputError(f"timed out ({type(exc).__name__})") from exc
                time.sleep(delay)
                delay *= 2
            except httpx.HTTPError as exc:
                raise InputError(f"cannot fetch: {exc}") from exc
        raise InputError("cannot fetch: no attempt left")  # not reached: the last attempt returns

    def _body(self, response: httpx.Response) -> bytes:
        limit = self.options.max_bytes
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise InputError(
                f"body of {int(declared):,} bytes is over the {limit:,}-byte limit (see --max-mb)"
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():  # decompressed (gzip, deflate, brotli as httpx has)
            size += len(chunk)
            if size > limit:
                raise InputError(f"body is over the {limit:,}-byte limit (see --max-mb)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _source(self, given: str, final: str, response: httpx.Response, body: bytes) -> Source:
        if not body.strip():
            raise InputError("empty response")
        content_type = response.headers.get("content-type", "").lower()
        media_type = content_type.split(";")[0].strip()
        path = urlsplit(final).path.lower()
        is_html = "html" in media_type or (not media_type and path.endswith(HTML_SUFFIXES))
        if "xml" in media_type and "html" not in media_type or _FEED_START.match(body[:512]):
            links = feed_links(body)
            if links is not None:
                raise FeedFound(links)
        if not is_html and not media_type.startswith(_TEXT_TYPES) and media_type:
            raise InputError(f"not a page: {media_type}")
        return page_source(given, body, html=is_html, declared=response.charset_encoding, url=final)

    @contextmanager
    def _host_slot(self, url: str) -> Iterator[None]:
        """Hold one of the host's `per_host` slots, starting no sooner than `host_delay` after
        the last request to it began (each thread books its start time, then sleeps unlocked)."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(max(self.options.per_host, 1)))
        with slot:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._last.get(host, -1e9) + self.options.host_delay)
                self._last[host] = start
            if start > now:
                time.sleep(start - now)
            yield

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one read of each site's robots.txt, whichever thread asks first
            if origin not in self._robots:
                self._robots[origin] = self._read_robots(origin)
            robots = self._robots[origin]
        return robots is None or robots.can_fetch(USER_AGENT, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's robots.txt, or None (all allowed) when it has none or it cannot be read."""
        try:
            self._check_address(origin + "/robots.txt")
            with self._host_slot(origin):
                response = self.client.get(origin + "/robots.txt")
        except (httpx.HTTPError, InputError):
            return None
        if response.status_code != 200:
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.text.splitlines())
        return parser

    def _check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            raise InputError(f"refused: {parts.scheme or 'no'} scheme (only http and https)")
        host = parts.hostname
        if not host:
            raise InputError("refused: no host in the address")
        if self.options.allow_private:
            return
        try:
            infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
        except socket.gaierror as exc:
            raise InputError(f"cannot resolve {host}: {exc.strerror}") from exc
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            if str(address) in self.options.allow_addresses:
                continue
            if not address.is_global or address.is_multicast:
                raise InputError(
                    f"refused: {host} is a private or local address ({address}); see --allow-private"
                )
