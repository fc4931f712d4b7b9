"""The network edge: every request catalog makes (pages, robots.txt, sitemaps, feeds, media,
oEmbed) goes through `Fetcher.request`, under one set of rules.

- A total deadline for each input (connect, redirects, retries and body together), not only one
  per read: a server sending a byte a second is cut off when the deadline passes.
- A size limit on the body after decompression, decompressed in bounded steps (a gzip bomb
  stops at the limit instead of filling memory first).
- The address guard on the address actually connected to. Pages are untrusted and so are their
  addresses: only http and https, and by default never a loopback, private, link-local,
  multicast or reserved address (`allow_private` lifts that for a scan of one's own intranet).
  A name is resolved once, by `Fetcher.resolver` in `_GuardedBackend.connect_tcp` (the one place
  catalog resolves names), every address it gives is checked, and the connection is made to a
  checked address: a resolver answering a public address and then a private one (DNS
  rebinding) has no second answer to give. The request keeps its name: the Host header, the
  TLS server name and the certificate check are the name's, as httpx makes them. Every
  redirect hop goes through the same door.
- Every error it can meet becomes that input's one line (InputError, RefusedError for the guard,
  UnreachableError for an address that did not answer): no other exception leaves it.

And politeness: retries with backoff on timeouts and 5xx, a delay between requests to one host
and a limit on requests to it at a time, robots.txt honoured, a clear User-Agent.
"""

from __future__ import annotations

import ipaddress
import re
import select
import socket
import ssl
import threading
import time
import urllib.robotparser
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from lxml import etree

from catalog import __version__
from catalog.errors import InputError, RefusedError, UnreachableError
from catalog.sources import HTML_SUFFIXES, Source, page_source

__all__ = [
    "USER_AGENT",
    "Answer",
    "FeedFound",
    "FetchOptions",
    "Fetcher",
    "Resolver",
    "feed_links",
    "is_url",
    "resolve",
]

USER_AGENT = f"catalog/{__version__} (media cataloguer; reads pages once, fetches no media)"
_REDIRECTS = 10
_RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
_REDIRECT_STATUSES = frozenset((301, 302, 303, 307, 308))
_TEXT_TYPES = ("text/plain", "text/markdown")
# Google reads the first 500 KiB of a robots.txt and ignores the rest; so do we.
ROBOTS_MAX_BYTES = 512 * 1024


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


# host, port -> the addresses to connect to (raises OSError when the name has none)
Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """The addresses of `host`, from the system's resolver, in its order of preference."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class FetchOptions:
    """How pages are fetched: limits, politeness and safety."""

    max_bytes: int = 50 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = 120.0  # seconds for one input whole: its redirects, retries and body
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
    # the options a user changes the limits with, named in the error lines ("" names none)
    size_option: str = "--max-mb"
    deadline_option: str = "--time-budget"


@dataclass(frozen=True)
class Answer:
    """What an address answered, after its redirects: where they ended, the status, the body."""

    url: str
    status: int
    reason: str
    content_type: str  # lower case, with its parameters
    charset: str | None
    body: bytes


def _see(option: str) -> str:
    return f" (see {option})" if option else ""


@dataclass
class Fetcher:
    """One client for a whole scan (or enrich run), shared by the threads that fetch:
    connections reused, per-host timing, per-host limits and robots.txt kept (every shared table
    behind a lock). `resolver` is where names become addresses (a test gives a stub);
    `ssl_context` replaces the system's certificates (a test's own authority)."""

    options: FetchOptions = field(default_factory=FetchOptions)
    resolver: Resolver = resolve
    ssl_context: ssl.SSLContext | None = None
    _client: httpx.Client | None = None
    _last: dict[str, float] = field(default_factory=dict)
    _slots: dict[str, threading.BoundedSemaphore] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _robots_locks: dict[str, threading.Lock] = field(default_factory=dict)
    _clock: threading.local = field(default_factory=threading.local)  # this thread's deadline
    _streams: weakref.WeakSet[_Stream] = field(default_factory=weakref.WeakSet)
    _closed: bool = False

    def close(self) -> None:
        """Stop: connections under way are cut (a thread waiting on a slow server returns at
        once) and nothing more is asked."""
        self._closed = True
        with self._lock:
            streams = list(self._streams)
        for stream in streams:
            stream.abort()
        if self._client is not None:
            self._client.close()

    @property
    def client(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                o = self.options
                limits = httpx.Limits(max_connections=max(o.concurrency, 1) * 2)
                self._client = httpx.Client(
                    transport=_GuardedTransport(_GuardedBackend(self), limits, self.ssl_context),
                    timeout=httpx.Timeout(o.read_timeout, connect=o.connect_timeout),
                    follow_redirects=False,  # followed here, so every hop's address is checked
                    headers={
                        "User-Agent": USER_AGENT,
                        "Accept": "text/html, text/plain;q=0.9, */*;q=0.5",
                        "Accept-Encoding": "gzip, deflate",  # what _read_body decompresses in steps
                    },
                    trust_env=False,
                )
            return self._client

    # -- the one door --------------------------------------------------------------------

    def request(
        self, url: str, max_bytes: int | None = None, robots: bool = True, truncate: bool = False
    ) -> Answer:
        """GET `url` and its redirects, under the rules above: the answer, whatever its status.
        Raises InputError (RefusedError, UnreachableError) with one line for anything that
        keeps it from being read; no other exception. `robots`: ask the site's robots.txt
        first (when the options honour it); `truncate`: a body over `max_bytes` is cut there
        instead of refused. A request made while another is under way in this thread
        (robots.txt for a page) shares that one's deadline."""
        depth = getattr(self._clock, "depth", 0)
        self._clock.depth = depth + 1
        try:
            limit = self.options.max_bytes if max_bytes is None else max_bytes
            return self._follow(url, limit, robots, truncate)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - every error is this input's one line
            raise _error_line(exc) from exc
        finally:
            self._clock.depth = depth
            if not depth:
                self._clock.deadline = None

    def fetch(self, url: str) -> Source:
        """The page at `url`, decoded; `Source.url` is where redirects ended. Raises InputError
        with one line for anything that keeps it from being read, FeedFound for a sitemap."""
        answer = self.request(url)
        if answer.status in _REDIRECT_STATUSES:
            raise InputError(f"redirect without a location (HTTP {answer.status})")
        if answer.status >= 400:
            raise InputError(f"HTTP {answer.status} {answer.reason}".rstrip())
        try:
            return self._source(url, answer)
        except (InputError, FeedFound):
            raise
        except Exception as exc:  # noqa: BLE001 - a page no decoder takes is this input's line
            raise InputError(f"cannot decode the page: {type(exc).__name__}: {exc}") from exc

    def download(self, url: str, max_bytes: int | None = None) -> tuple[int, bytes, str]:
        """Status, body and content type of `url` after its redirects, under the same rules as
        pages; a 4xx or 5xx is returned, not raised: it is what availability records."""
        answer = self.request(url, max_bytes)
        return answer.status, answer.body, answer.content_type

    # -- deadline ------------------------------------------------------------------------

    def _start_clock(self) -> None:
        if getattr(self._clock, "deadline", None) is None:
            self._clock.deadline = time.monotonic() + self.options.deadline

    def _remaining(self) -> float:
        deadline = getattr(self._clock, "deadline", None)
        return float("inf") if deadline is None else deadline - time.monotonic()

    def _within(self, timeout: float | None) -> float | None:
        """A socket operation's timeout, cut to what is left of this thread's deadline (0 or
        less: it has passed)."""
        remaining = self._remaining()
        if remaining == float("inf"):
            return timeout
        return remaining if timeout is None else min(timeout, remaining)

    def _over_deadline(self) -> UnreachableError:
        return UnreachableError(
            f"took longer than {self.options.deadline:g} s to fetch{_see(self.options.deadline_option)}"
        )

    # -- requests ------------------------------------------------------------------------

    def _follow(self, url: str, max_bytes: int, robots: bool, truncate: bool) -> Answer:
        """Request `url` and its redirects hop by hop, each hop's address checked (and its
        robots.txt, when honoured)."""
        current = url
        for _ in range(_REDIRECTS + 1):
            self._check_form(current)
            if robots and self.options.respect_robots and not self._allowed(current):
                raise InputError(
                    f"robots.txt of {urlsplit(current).netloc} disallows it (see --ignore-robots)"
                )
            response, body = self._get(current, max_bytes, truncate)
            location = response.headers.get("location") if response.is_redirect else None
            if not location:
                return Answer(
                    url=current,
                    status=response.status_code,
                    reason=response.reason_phrase,
                    content_type=response.headers.get("content-type", "").lower(),
                    charset=response.charset_encoding,
                    body=body,
                )
            current = urljoin(current, location.strip())
        raise InputError(f"more than {_REDIRECTS} redirects")

    def _get(self, url: str, max_bytes: int, truncate: bool) -> tuple[httpx.Response, bytes]:
        delay = self.options.backoff
        for attempt in range(self.options.retries + 1):
            last = attempt >= self.options.retries
            try:
                with self._host_slot(url):
                    self._start_clock()
                    with self.client.stream("GET", url) as response:
                        retry = response.status_code in _RETRY_STATUSES and not last
                        if not retry or self._remaining() <= delay:
                            return response, _read_body(response, max_bytes, truncate, self.options)
            except httpx.TimeoutException as exc:
                if self._remaining() <= 0:
                    raise self._over_deadline() from exc
                if last or self._remaining() <= delay:
                    raise UnreachableError(f"timed out ({type(exc).__name__})") from exc
            except httpx.RemoteProtocolError as exc:
                if "location header" in str(exc):  # httpx reads a redirect's address even unasked
                    raise InputError(f"bad address in a redirect: {exc}") from exc
                raise UnreachableError(f"cannot fetch: {exc}") from exc
            except httpx.HTTPError as exc:
                if self._remaining() <= 0:
                    raise self._over_deadline() from exc
                raise UnreachableError(f"cannot fetch: {exc}") from exc
            time.sleep(delay)  # outside the host's slot: others may go meanwhile
            delay *= 2
        raise UnreachableError("cannot fetch: no attempt left")  # not reached

    def _source(self, given: str, answer: Answer) -> Source:
        body = answer.body
        if not body.strip():
            raise InputError("empty response")
        media_type = answer.content_type.split(";")[0].strip()
        path = urlsplit(answer.url).path.lower()
        is_html = "html" in media_type or (not media_type and path.endswith(HTML_SUFFIXES))
        if "xml" in media_type and "html" not in media_type or _FEED_START.match(body[:512]):
            links = feed_links(body)
            if links is not None:
                raise FeedFound(links)
        if not is_html and not media_type.startswith(_TEXT_TYPES) and media_type:
            raise InputError(f"not a page: {media_type}")
        return page_source(given, body, html=is_html, declared=answer.charset, url=answer.url)

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
        """The site's robots.txt (its first 512 KiB, as Google reads it), or None (all allowed)
        when it has none or it cannot be read. A refused address is refused for the page too."""
        try:
            answer = self.request(origin + "/robots.txt", ROBOTS_MAX_BYTES, robots=False, truncate=True)
        except InputError:
            return None
        if answer.status != 200:
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        return parser

    # -- the address guard ---------------------------------------------------------------

    def _check_form(self, url: str) -> None:
        """What can be told of an address before asking anyone: its scheme, a host that is a
        name or an address, a port; an address given as such is checked here."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise InputError(f"bad address: {exc}") from exc
        if parts.scheme.lower() not in ("http", "https"):
            raise RefusedError(f"refused: {parts.scheme or 'no'} scheme (only http and https)")
        host = parts.hostname
        if not host:
            raise InputError("bad address: no host")
        if port == 0:
            raise InputError("bad address: port 0")
        try:
            literal = ipaddress.ip_address(host.split("%")[0])
        except ValueError:
            try:
                host.encode("idna")
            except UnicodeError as exc:
                raise InputError(f"bad address: {host!r} is no host name (an empty or long label)") from exc
            return
        self._check_address(host, literal)

    def _check_address(self, host: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
        if self.options.allow_private or str(address) in self.options.allow_addresses:
            return
        if not address.is_global or address.is_multicast:
            raise RefusedError(
                f"refused: {host} is a private or local address ({address}); see --allow-private"
            )

    def _addresses(self, host: str, port: int) -> list[str]:
        """Where to connect for `host`: resolved once, every address checked."""
        if self._closed:
            raise UnreachableError("stopped")
        try:
            ipaddress.ip_address(host.split("%")[0])
            found = [host]  # an address given as such: nothing to resolve
        except ValueError:
            found = []
        try:
            found = found or self.resolver(host, port)
        except UnicodeError as exc:
            raise InputError(f"bad address: {host!r} is no host name (an empty or long label)") from exc
        except OSError as exc:
            raise UnreachableError(f"cannot resolve {host}: {exc.strerror or exc}") from exc
        if not found:
            raise UnreachableError(f"cannot resolve {host}: no address")
        for text in found:
            self._check_address(host, ipaddress.ip_address(text.split("%")[0]))
        return found


def _error_line(exc: Exception) -> InputError:
    """An exception met on the way (an address httpx or the socket layer cannot take, a bug of
    a library) as the input's one line."""
    if isinstance(exc, httpx.InvalidURL | ValueError | UnicodeError):
        return InputError(f"bad address: {exc}")
    if isinstance(exc, httpx.HTTPError | OSError):
        return UnreachableError(f"cannot fetch: {type(exc).__name__}: {exc}")
    return InputError(f"cannot fetch: {type(exc).__name__}: {exc}")


def _read_body(response: httpx.Response, limit: int, truncate: bool, options: FetchOptions) -> bytes:
    """The body, decompressed in steps of at most what is left under `limit`: over it, an
    error (or, with `truncate`, the first `limit` bytes)."""
    declared = response.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > limit:
        raise InputError(
            f"body of {int(declared):,} bytes is over the {limit:,}-byte limit{_see(options.size_option)}"
        )
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        inflate: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflate = None  # zlib-wrapped or raw: told by the first bytes
    elif encoding in ("identity", ""):
        inflate = None
    else:
        raise InputError(f"content encoding {encoding!r} not asked for and not read")
    out = bytearray()
    try:
        for chunk in response.iter_raw():
            if encoding == "deflate" and inflate is None and chunk:
                inflate = zlib.decompressobj(zlib.MAX_WBITS if chunk[0] & 0x0F == 8 else -zlib.MAX_WBITS)
            room = limit + 1 - len(out)
            if inflate is None:
                out += chunk[:room]
                over = len(chunk) > room
            else:
                out += inflate.decompress(chunk, room)
                over = bool(inflate.unconsumed_tail) or len(out) > limit
            if over or len(out) > limit:
                if truncate:
                    return bytes(out[:limit])
                raise InputError(f"body is over the {limit:,}-byte limit{_see(options.size_option)}")
        if inflate is not None:
            out += inflate.flush()
    except zlib.error as exc:
        raise InputError(f"broken {encoding} body: {exc}") from exc
    if len(out) > limit and not truncate:
        raise InputError(f"body is over the {limit:,}-byte limit{_see(options.size_option)}")
    return bytes(out[:limit])


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport, its connections made by `_GuardedBackend`. httpx takes no network
    backend of its own, so the connection pool it built is replaced by one built the same way
    with ours (its `_pool`: httpx is pinned, and test_hostile_network fails if this stops
    taking effect)."""

    def __init__(
        self, backend: _GuardedBackend, limits: httpx.Limits, context: ssl.SSLContext | None
    ) -> None:
        context = context or httpx.create_ssl_context(trust_env=False)
        super().__init__(verify=context, limits=limits, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )


class _GuardedBackend(httpcore.NetworkBackend):
    """Where httpcore gets its connections: the name resolved once and checked, the connection
    made to a checked address, every socket operation within the deadline of the request."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        fetcher = self.fetcher
        failures: list[str] = []
        for address in fetcher._addresses(host, port):
            limit = fetcher._within(timeout)
            if limit is not None and limit <= 0:
                raise httpcore.ConnectTimeout("the deadline passed")
            try:
                sock = socket.create_connection((address, port), limit)
            except TimeoutError as exc:
                raise httpcore.ConnectTimeout(f"connecting to {address} timed out") from exc
            except OSError as exc:
                failures.append(f"{address}: {exc.strerror or exc}")
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for option in socket_options or ():
                sock.setsockopt(*option)
            return _Stream(sock, fetcher)
        raise httpcore.ConnectError(f"cannot connect to {host} ({'; '.join(failures)})")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _Stream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the deadline of the request using it
    (the connection may serve several, one after the other, from any thread)."""

    def __init__(self, sock: socket.socket, fetcher: Fetcher) -> None:
        self._sock = sock
        self._fetcher = fetcher
        with fetcher._lock:
            fetcher._streams.add(self)

    def _timeout(self, timeout: float | None, late: type[Exception]) -> float | None:
        limit = self._fetcher._within(timeout)
        if limit is not None and limit <= 0:
            raise late("the deadline passed")
        return limit

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            self._sock.settimeout(self._timeout(timeout, httpcore.ReadTimeout))
            return self._sock.recv(max_bytes)
        except TimeoutError as exc:
            raise httpcore.ReadTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.ReadError(str(exc)) from exc

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            while buffer:
                self._sock.settimeout(self._timeout(timeout, httpcore.WriteTimeout))
                buffer = buffer[self._sock.send(buffer) :]
        except TimeoutError as exc:
            raise httpcore.WriteTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.WriteError(str(exc)) from exc

    def close(self) -> None:
        self._sock.close()

    def abort(self) -> None:
        """Cut the connection under whoever is reading it (close alone does not wake them)."""
        with suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        """TLS for the name asked for (`server_hostname`: SNI and the certificate check), over
        the checked address connected to."""
        try:
            self._sock.settimeout(self._timeout(timeout, httpcore.ConnectTimeout))
            wrapped = ssl_context.wrap_socket(self._sock, server_hostname=server_hostname)
        except TimeoutError as exc:
            self.close()
            raise httpcore.ConnectTimeout(str(exc)) from exc
        except OSError as exc:
            self.close()
            raise httpcore.ConnectError(str(exc)) from exc
        except BaseException:
            self.close()
            raise
        return _Stream(wrapped, self._fetcher)

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object" and isinstance(self._sock, ssl.SSLSocket):
            return self._sock._sslobj  # type: ignore[attr-defined]  # as httpcore's own stream
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "socket":
            return self._sock
        if info == "is_readable":  # an idle connection the server closed: not reused
            if self._sock.fileno() < 0:
                return True
            poller = select.poll()
            poller.register(self._sock, select.POLLIN)
            return bool(poller.poll(0))
        return None
