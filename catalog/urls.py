"""URL resolution and normalisation, and the stable media id built from them."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from catalog.providers import identify
from catalog.vocabulary import GENERIC_TLDS

__all__ = [
    "TRACKING_PARAMS",
    "absolute",
    "domain_of",
    "is_fetchable",
    "is_relative",
    "media_key",
    "mirrored_url",
    "normalise",
    "relative_reference",
]

# Query parameters that say who shared a link, never what it points to.
TRACKING_PARAMS = (
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
    "utm_name",
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "igsh",
    "ref_src",
    "ref_url",
    "ref",
    "s",
    "si",
    "feature",
    "cmpid",
    "CMP",
    "ocid",
    "smid",
    "partner",
    "_ga",
)
_TRACKING = frozenset(p.lower() for p in TRACKING_PARAMS)
# Resized copies of one file: Cloudflare's /cdn-cgi/image/<options>/, Drupal's
# /files/styles/<style>/public/, WordPress's name-1024x576.jpg, Jetpack's i0.wp.com/<host>/.
_ORIGIN_IN_PATH = re.compile(r"/https?(?::|%3A)(?://|%2F%2F)", re.IGNORECASE)
# Parameters in which an image server names the picture it resizes.
_ORIGIN_PARAMS = frozenset(("url", "image_uri", "image_url", "imageurl", "img", "image", "src"))
_CLOUDFLARE_RESIZE = re.compile(r"/cdn-cgi/image/[^/]+/")
_DRUPAL_STYLE = re.compile(r"/files/styles/[^/]+/public/")
_WORDPRESS_SIZE = re.compile(r"-\d{2,5}x\d{2,5}(?=\.(?:jpe?g|png|gif|webp)$)", re.IGNORECASE)
_PHOTON_HOST = re.compile(r"^i[0-3]\.wp\.com$")
# A path ending in one of these names a file: its query only sizes or crops it.
_FILE_EXT = re.compile(
    r"\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|svg|heic|mp4|m4v|webm|mov|m3u8|mpd|ogv|ogg|mp3|"
    r"m4a|aac|wav|flac|opus)$",
    re.IGNORECASE,
)
_SCHEMES = ("http", "https")
# A relative address as a page writes it (no scheme, no host), and a file's name in one.
_RELATIVE = re.compile(r"^(?![a-z][a-z0-9+.-]*:)(?!//)[^\s#?][^\s]*$", re.IGNORECASE)
_FILE_NAME = re.compile(r"\.[a-z0-9]{2,5}(?:[?#]|$)", re.IGNORECASE)


def relative_reference(url: str | None) -> str | None:
    """A relative address as written ("/photos/8/a.jpg", "../img/b.png"), or None for anything
    else (an absolute URL, a fragment, a `data:` or `javascript:` URI, an empty value)."""
    if not url:
        return None
    url = url.strip()
    if not _RELATIVE.match(url) or not ("/" in url or _FILE_NAME.search(url)):
        return None  # "true", "lazy": an attribute's flag, not an address
    return url


def is_relative(url: str) -> bool:
    """True for an address with no scheme and no host: read from a page with no address."""
    return not url.startswith(("http://", "https://"))


def absolute(url: str | None, base: str | None) -> str | None:
    """`url` resolved against `base`; None for empty, `data:`, `javascript:`, `blob:` and the like."""
    if not url:
        return None
    url = url.strip().replace("\n", "").replace("\t", "")
    if not url or url.startswith("#"):
        return None
    if url.startswith("//"):
        url = "https:" + url
    try:
        scheme = urlsplit(url).scheme.lower()
        if scheme and scheme not in _SCHEMES:
            return None
        if not scheme:
            if not base:
                return None
            url = urljoin(base, url)
            if urlsplit(url).scheme.lower() not in _SCHEMES:
                return None
        parts = urlsplit(url)
        if not parts.hostname:
            return None  # "http:", "https:///x": no host to find anything on
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError:
        return None  # "http://[::1", "http://host:port/": no address a page could mean
    return url


def domain_of(url: str | None) -> str | None:
    """The host a page or file is on, lower-cased, without "www.": what a source facet groups."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def is_fetchable(url: str) -> bool:
    return urlsplit(url).scheme.lower() in _SCHEMES


def normalise(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters. A URL
    too broken to split, or with no host to address (`data:`, `a:////`), is returned as it is."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    if not parts.hostname:
        return url
    scheme = parts.scheme.lower() or "https"
    host = (parts.hostname or "").lower()
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in _TRACKING]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def media_key(url: str) -> str:
    """The stable id of the object a URL shows: `provider:post_id` on platforms, else the URL.

    For files (a path ending in a media extension) the query is dropped: CDNs put sizes and crops
    there, and every size is the same picture (eval README, rule 2).
    """
    return _key(url, unwrap=True)


def _key(url: str, unwrap: bool) -> str:
    ident = identify(url)
    if ident is not None:
        return ident.key
    norm = normalise(url)
    try:
        parts = urlsplit(norm)
    except ValueError:
        return norm
    origin = _origin_inside(parts) if unwrap else None
    if origin is not None and not _holds_origin(origin):
        return _key(origin, unwrap=False)  # an image server's copy of another address: that
        # address's (once: an address nesting addresses in addresses is keyed as it is)
    if _FILE_EXT.search(parts.path):
        host, path = _original_file(parts.netloc, parts.path)
        norm = urlunsplit((parts.scheme, host, path, "", ""))
    return norm


def _holds_origin(url: str) -> bool:
    try:
        return _origin_inside(urlsplit(normalise(url))) is not None
    except ValueError:
        return True  # a malformed address inside: the outer one is the key


def address_in_path(url: str) -> str | None:
    """The address an address holds in its path, unescaped (".../socialembed/https://twitter.com/...",
    Thumbor's ".../filters:focal(...)/https://public-media.../x.jpg"), or None."""
    try:
        return _address_in(urlsplit(url).path)
    except ValueError:
        return None


def _address_in(path: str) -> str | None:
    at = _ORIGIN_IN_PATH.search(path)
    if at is None:
        return None
    inner = unquote(path[at.start() + 1 :])
    return inner if "://" in inner else None


def _origin_inside(parts: SplitResult) -> str | None:
    """The picture an image server resizes, when its address holds that picture's own address:
    in its path (Thumbor's ".../420x240/filters:focal(...)/https://public-media.../x.jpg",
    Cloudflare's "/cdn-cgi/image/w=800/https%3A%2F%2F...") or, where its path names no file,
    in a parameter (AOL's "/images/dims?...&image_uri=https%3A...", "/_next/image?url=...")."""
    inner = _address_in(parts.path)
    if inner is not None and _FILE_EXT.search(urlsplit(inner).path):
        return inner
    if parts.query and not _FILE_EXT.search(parts.path):
        for name, value in parse_qsl(parts.query):
            if name.lower() not in _ORIGIN_PARAMS:
                continue  # a player's "poster=" names another object
            if value.lower().startswith(("http://", "https://")):
                return value
            if value.startswith("/") and not value.startswith("//") and _FILE_EXT.search(value.split("?")[0]):
                return f"{parts.scheme}://{parts.netloc}{value}"  # Next.js's "/_next/image?url=%2F..."
    return None


def _original_file(host: str, path: str) -> tuple[str, str]:
    """The host and path of the original file behind a resized copy: the sizes a CMS or an
    image CDN derives from one picture are one picture (SCMP's two widths, WordPress's
    -1024x576 copies, Drupal's image styles, Jetpack's i0.wp.com proxy)."""
    if _PHOTON_HOST.match(host) and path.count("/") > 1:
        _, host, rest = path.split("/", 2)
        path = "/" + rest
    path = _CLOUDFLARE_RESIZE.sub("/", path, count=1)
    path = _DRUPAL_STYLE.sub("/files/", path, count=1)
    return host, _WORDPRESS_SIZE.sub("", path)


# A folder named like a host, as `wget --mirror` (or `-x`) names the folder of each site:
# lower-case labels, the last one a country code or a common generic top-level domain, so that
# "jane.doe" or "archive.2016" are not taken for a site.
_HOST_FOLDER = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,12})(?::\d{1,5})?$")


def mirrored_url(path: str) -> str | None:
    """The address a file of a wget-style mirror was saved from: `.../www.example.org/2016/12/
    story.html` -> https://www.example.org/2016/12/story.html (`index.html` stands for its folder).
    None when no folder on the path is named like a host."""
    parts = path.replace("\\", "/").split("/")
    for at in range(len(parts) - 2, -1, -1):  # the nearest such folder above the file
        m = _HOST_FOLDER.match(parts[at])
        if m and (len(m.group("tld")) == 2 or m.group("tld") in GENERIC_TLDS):
            rest = parts[at + 1 :]
            if rest[-1].lower() in ("index.html", "index.htm"):
                rest[-1] = ""
            return "https://" + "/".join([parts[at], *rest])
    return None
