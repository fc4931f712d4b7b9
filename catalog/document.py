"""A source parsed once: lxml's tree and its tag index for HTML, the lines and entries for text.

Every extractor reads the same Document; nothing parses a source twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, repeat
from operator import add, sub
from typing import NamedTuple, cast, overload

from lxml import etree

from catalog.entries import could_open_stamp, split_stamp, stamp_openers
from catalog.errors import InputError
from catalog.options import ScanOptions
from catalog.sources import Source
from catalog.tree import Element, get_text, is_element, parse_html, stripped_strings, top_level
from catalog.urls import absolute, mirrored_url, relative_reference
from catalog.vocabulary import RELATIVE_TIME_WORDS

__all__ = ["Document", "Para", "build_document"]

_HEADLINE_WORDS = 4
_ARTICLE_HEADLINE_WORDS = 2  # an <article> holds no site logo
_SRC_BEFORE = re.compile(r"src(?:set)?\s*=\s*[\"']?$", re.IGNORECASE)
_MAX_LOOKS = 20
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.IGNORECASE)


class Para(NamedTuple):
    """A non-blank line of a text: its number, its words without an entry stamp, the stamp, and
    how many blank lines follow it."""

    line: int
    text: str
    stamp: str | None
    gap_after: int


class Paras(Sequence[Para]):
    """The paragraphs of a text, kept as parallel lists (built in bulk, cheap to scan); a `Para`
    value is made for a paragraph when an extractor asks for it, and kept: extractors look at a
    few candidates and their neighbours, and a page saved as text has thousands of lines."""

    def __init__(self) -> None:
        self.lines: list[int] = []
        self.texts: list[str] = []
        self.stamps: list[str | None] = []
        self.gaps: list[int] = []
        self._made: dict[int, Para] = {}

    def __len__(self) -> int:
        return len(self.lines)

    @overload
    def __getitem__(self, i: int) -> Para: ...
    @overload
    def __getitem__(self, i: slice) -> list[Para]: ...
    def __getitem__(self, i: int | slice) -> Para | list[Para]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.lines)))]
        para = self._made.get(i)
        if para is None:
            if i < 0:
                i += len(self.lines)
            para = Para(self.lines[i], self.texts[i], self.stamps[i], self.gaps[i])
            self._made[i] = para
        return para


@dataclass
class Document:
    """One input, parsed: what every extractor reads."""

    source: str
    format: str
    text: str
    sha256: str
    bytes: int
    options: ScanOptions = field(default_factory=ScanOptions)
    url: str | None = None
    title: str | None = None
    published_at: str | None = None
    language: str | None = None
    root: Element | None = None
    # tag name -> elements in document order (HTML); one walk of the tree builds it
    index: dict[str, list[Element]] = field(default_factory=dict)
    # element -> its place in document order, counting every node as BeautifulSoup did (elements,
    # strings, comments, the doctype): mentions are numbered by it
    order: dict[Element, int] = field(default_factory=dict)
    # (line, stamp) for every live-blog entry stamp, in line order (text)
    entries: list[tuple[int, str]] = field(default_factory=list)
    # (first position, last position, stamp) of every live-blog post of a page, in order (HTML)
    posts: list[tuple[int, int, str]] = field(default_factory=list)
    # the non-blank lines of a text, in order, and where each starts in `text`
    paras: Paras = field(default_factory=Paras)
    para_starts: list[int] = field(default_factory=list)
    usual_gap: int = 1
    _newlines: list[int] | None = field(default=None, repr=False)
    _word_hits: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _headline_holders: frozenset[Element] | None = field(default=None, repr=False)

    @property
    def is_live_blog(self) -> bool:
        """A text of entries under stamps: two stamps at least (one clock time in an article's
        "updated 19:56" line makes no live blog)."""
        return len(self.entries) >= 2

    def tags(self, *names: str) -> list[Element]:
        """Elements with these names in document order, from the index (no tree walk)."""
        if len(names) == 1:
            return self.index.get(names[0], [])
        found = [t for n in names for t in self.index.get(n, [])]
        found.sort(key=self.position)
        return found

    def position(self, tag: Element) -> int:
        """The element's place in document order: mentions are numbered by it."""
        return self.order.get(tag, 0)

    def headline_holders(self) -> frozenset[Element]:
        """The elements that hold the page's headline: an <h1> of four words or more (two, the
        only such one inside an <article>) with no picture in it (a site's logo is an <h1> too, with one or
        two words or an image).
        A block holding the headline wraps the article, whatever its class says
        ("container advert-content-wrap", Blogger's "widget Blog")."""
        if self._headline_holders is None:
            holders: set[Element] = set()
            short: list[Element] = []  # two or three words, inside an <article>
            for h1 in self.tags("h1"):
                if next(h1.iterdescendants("img"), None) is not None:
                    continue
                words = len(get_text(h1, " ").split())
                if words >= _HEADLINE_WORDS:
                    holders.update(h1.iterancestors())
                elif words >= _ARTICLE_HEADLINE_WORDS and next(h1.iterancestors("article"), None) is not None:
                    short.append(h1)
            if len(short) == 1:  # several: a list of cards, each an <article> with its <h1>
                holders.update(short[0].iterancestors())
            self._headline_holders = frozenset(holders)
        return self._headline_holders

    def para_index(self, line: int | None) -> int | None:
        """The index in `paras` of the paragraph on this line, if one is."""
        lines = self.paras.lines
        i = bisect_left(lines, line) if line is not None else len(lines)
        return i if i < len(lines) and lines[i] == line else None

    def entry_of(self, line: int | None, position: int) -> str | None:
        """The live-blog entry a finding falls under: by its line in a text, by its place in
        the tree on a page (the post holding it)."""
        if self.format != "html":
            return self.entry_at(line)
        i = bisect_right(self.posts, (position, 1 << 62)) - 1
        return self.posts[i][2] if i >= 0 and position <= self.posts[i][1] else None

    def entry_at(self, line: int | None) -> str | None:
        """The live-blog entry stamp that the given line falls under."""
        if line is None or not self.is_live_blog:
            return None  # one time under an article's date ("20. Juni 2019" / "17:32 Uhr") opens no entry
        i = bisect_right(self.entries, (line, "\uffff")) - 1
        return self.entries[i][1] if i >= 0 else None

    def line_of(self, needle: str | None) -> int | None:
        """The 1-based line where `needle` (an attribute value as written) first occurs.

        HTML mentions are placed by finding the address they were read from in the source text
        (the line of the attribute, not of the tag's start, which lxml would give).
        """
        if not needle:
            return None
        at, first = self._in_source_attribute(needle)
        if at < 0 and "&" in needle:  # written with its ampersands escaped
            at, escaped = self._in_source_attribute(needle.replace("&", "&amp;"))
            first = first if first >= 0 else escaped
        at = at if at >= 0 else first
        if at < 0:
            return None
        if self._newlines is None:  # where each line ends, one past its newline (in C: no Python step a line)
            self._newlines = list(accumulate(map(add, map(len, self.text.split("\n")[:-1]), repeat(1))))
        return bisect_right(self._newlines, at) + 1

    def _in_source_attribute(self, needle: str) -> tuple[int, int]:
        """Where `needle` is first written as a src-like attribute's value (src=, data-src=,
        srcset=), or -1, and where it first occurs at all: a picture's address is often named
        first by a <link rel="image_src">, a meta tag or a script's data, far from the <img>."""
        text = self.text
        first = at = text.find(needle)
        for _ in range(_MAX_LOOKS):
            if at < 0:
                break
            if _SRC_BEFORE.search(text, max(0, at - 12), at):
                return at, first
            at = text.find(needle, at + len(needle))
        return -1, first

    def candidates(self, pattern: re.Pattern[str], within: int | None = None) -> list[int]:
        """Indices of the paragraphs where `pattern` matches (only in their first `within`
        characters if given), found with one pass over the whole text: extractors look closely
        at these and skip the rest."""
        starts = self.para_starts
        hits: list[int] = []
        for m in pattern.finditer(self.text):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or (hits and hits[-1] == i):
                continue
            if within is not None and m.start() - starts[i] > within:
                continue
            hits.append(i)
        return hits

    def candidates_with(
        self, words: tuple[str, ...], within: int | None = None, fold: bool = False
    ) -> set[int]:
        """Indices of the paragraphs containing one of `words`, found with str.find over the
        whole text, the fastest search Python has. With `fold`, each word is searched without
        its first letter, in lower case and in capitals ("ideo" finds video and Video, "IDEO"
        VIDEO): a superset, which the extractor narrows. Lower-casing the text first would cost
        more than all the searches: str.lower is slow on text beyond ASCII. A word's hits are
        kept: extractors searching the same word (":", "/") scan the text once."""
        if fold:
            words = tuple(dict.fromkeys(v for w in words for v in (w[1:], w[1:].upper())))
        if within is not None:
            return self._find(words, within)
        hits: set[int] = set()
        for word in words:
            found = self._word_hits.get(word)
            if found is None:
                found = self._word_hits[word] = self._find((word,), None)
            hits |= found
        return hits

    def _find(self, words: tuple[str, ...], within: int | None) -> set[int]:
        text = self.text
        starts = self.para_starts
        hits: set[int] = set()
        last = len(starts) - 1
        for word in words:
            at = text.find(word)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                if i >= 0 and (within is None or at - starts[i] <= within):
                    hits.add(i)
                    if i == last:
                        break
                    at = text.find(word, starts[i + 1])  # one hit per paragraph is enough
                else:
                    at = text.find(word, at + len(word))
        return hits

    def resolve(self, url: str | None) -> str | None:
        """A URL from the page made absolute against the page's address; on a page with no
        address (a saved file naming none), a relative address as written, so that what the
        page shows is still catalogued (assemble keys it to this document)."""
        found = absolute(url, self.url)
        if found is None and self.url is None:
            return relative_reference(url)
        return found


def build_document(src: Source, options: ScanOptions) -> Document:
    doc = Document(
        source=src.source,
        format=src.format,
        text=src.text,
        sha256=src.sha256,
        bytes=src.bytes,
        options=options,
        url=options.base_url or src.url,
    )
    if src.format == "html":
        _parse_html(doc)
    else:
        _parse_text(doc)
    if doc.url is None and src.url is None:
        doc.url = mirrored_url(src.source)  # a file of a wget-style mirror: host/path
    return doc


def _parse_text(doc: Document) -> None:
    """Non-blank lines with their number, offset, gap and stamp. The per-line work is done in C
    (str.split, map, itertools.compress and accumulate: no Python step per line, and a page saved
    as text has thousands); entries.stamp_openers picks the lines a stamp could open."""
    text = doc.text
    lines = text.split("\n")
    stripped = list(map(str.strip, lines))
    numbers = list(compress(count(1), stripped))
    if not numbers:
        return
    # where each line starts in the text: the lengths before it, and its newlines
    starts = accumulate(map(add, map(len, lines), repeat(1)), initial=0)
    doc.para_starts = list(compress(starts, stripped))
    # one past the last line, counted as an editor does (a final newline opens no line)
    last = len(lines) if text.endswith("\n") else len(lines) + 1
    paras, entries = doc.paras, doc.entries
    paras.lines = numbers
    paras.texts = texts = list(filter(None, stripped))
    stamps: list[str | None] = [None] * len(texts)
    paras.stamps = stamps
    paras.gaps = list(map(sub, [*numbers[1:], last], map(add, numbers, repeat(1))))
    for k in stamp_openers(texts):
        if k and texts[k - 1].endswith(_TIME_OPENERS):
            continue  # "Comment by X — 17.07, 2011 @" / "16:42": a comment's time, no entry
        stamp, rest = split_stamp(texts[k])
        if stamp:
            stamps[k], texts[k] = stamp, rest
            entries.append((numbers[k], stamp))
    if len(texts) > 1:
        inner = sorted(paras.gaps[:-1])
        doc.usual_gap = inner[len(inner) // 2]


# A line ending in "@" or "at" leaves the clock time under it its own: a comment's time
# ("Comment by X — 17.07, 2011 @" / "16:42"), not a live blog's entry stamp. (Paragraphs are
# stripped: endswith is enough, and a pattern would scan the whole paragraph.)
_TIME_OPENERS = ("@", " um", " at", " à")


def _parse_html(doc: Document) -> None:
    root, doctype = parse_html(doc.text)
    doc.root = root
    saved_from = _index(doc, root, doctype) if root is not None else None
    if len(doc.index.get("time", ())) >= 2:
        doc.posts = _live_posts(doc)
    if not doc.posts:
        doc.posts = _stamped_paragraphs(doc)
    meta = _meta(doc)
    doc.url = doc.url or _page_url(doc, meta, saved_from)
    title = doc.tags("title")
    doc.title = meta.get("og:title") or (" ".join(stripped_strings(title[0])) if title else None)
    doc.published_at = (
        meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("date")
        or meta.get("pubdate")
    )
    html = doc.tags("html")
    lang = html[0].get("lang") if html else None
    doc.language = str(lang).split("-")[0].lower() if lang else meta.get("og:locale", "")[:2] or None


def _index(doc: Document, root: Element, doctype: bool) -> str | None:
    """One walk of the tree: every element by name, in document order, and its place counted as
    BeautifulSoup counted nodes (each element, string and comment one, the doctype first), so
    that mentions keep their numbers. Returns the address of a "saved from url" comment."""
    index: defaultdict[str, list[Element]] = defaultdict(list)
    order: dict[Element, int] = {}
    saved_from: str | None = None
    limit = doc.options.max_elements
    n = 1 if doctype else 0
    for top in top_level(root):
        if not is_element(top):  # a comment before or after <html>
            if saved_from is None:
                saved_from = _saved_from(top)
            n += 2 if top.tail else 1
            continue
        for event, el in etree.iterwalk(top, events=("start", "end", "comment", "pi")):
            if event == "start":
                order[el] = n
                index[cast(str, el.tag)].append(el)
                n += 2 if el.text else 1
                if len(order) > limit:
                    raise InputError(f"too many HTML elements, more than {limit:,} (see --max-elements)")
            elif event == "end":
                if el.tail:
                    n += 1
            else:
                if saved_from is None:
                    saved_from = _saved_from(el)
                n += 2 if el.tail else 1
    doc.index = dict(index)
    doc.order = order
    return saved_from


def _saved_from(comment: Element) -> str | None:
    """The page's address in a browser's "saved from url=(0045)https://..." comment."""
    m = _SAVED_FROM.search(comment.text or "") if isinstance(comment, etree._Comment) else None
    return m.group(1) if m else None


def _live_posts(doc: Document) -> list[tuple[int, int, str]]:
    """The posts of a live blog page and their stamps. A post is the lowest block around a
    <time> that has a sibling of its own kind (same tag, same first class) holding a <time> too,
    three such side by side at least: Guardian's "div.block", BBC's "li.lx-stream__post", a
    WordPress live blog's entries. A lone <time> under an article's headline has no such
    sibling, and a page opens no entry with it."""
    times = doc.tags("time")
    # (parent, tag, first class) -> the children of that kind holding a <time>: one climb from
    # each <time>, so a post's siblings are counted without walking any parent's children
    kinds: defaultdict[tuple[Element, str, str], set[Element]] = defaultdict(set)
    for time in times:
        node = time
        for _ in range(_MAX_POST_DEPTH):
            parent = node.getparent()
            if parent is None:
                break
            kinds[(parent, cast(str, node.tag), _first_class(node))].add(node)
            node = parent
    posts: dict[Element, str] = {}
    for time in times:
        post = _post_of(time, kinds)
        if post is not None and post not in posts:  # its first <time> stamps a post
            stamp = _stamp_of(time)
            if stamp:
                posts[post] = stamp
    runs = Counter(post.getparent() for post in posts)
    spans = []
    for post, stamp in posts.items():
        if runs[post.getparent()] < _MIN_POSTS:
            continue  # an article's column beside a sidebar of dated links: no feed
        spans.append((doc.order[post], _last_position(doc, post), stamp))
    return sorted(spans)


def _last_position(doc: Document, tag: Element) -> int:
    """The document-order place of the element's last descendant (each element, string and
    comment counted, as `order` counts them): the end of the span it holds."""
    n = 1 if tag.text else 0
    for node in tag.iterdescendants():
        n += 2 if node.text and not isinstance(node, etree._Comment) else 1
        if node.tail:
            n += 1
    return doc.position(tag) + n


_RELATIVE = re.compile(r"\b(?:" + "|".join(map(re.escape, RELATIVE_TIME_WORDS)) + r")\b", re.IGNORECASE)
_MAX_POST_DEPTH = 8  # levels above a <time> where its post may be
_MIN_POSTS = 3  # posts side by side that make a live blog's feed
_POST_WORDS = 20  # characters a post holds beyond its stamp


def _post_of(time: Element, kinds: dict[tuple[Element, str, str], set[Element]]) -> Element | None:
    """The lowest block around the <time> with a timed sibling of its own kind, holding more
    than the stamp (a post, not the span of a date beside an "updated" one)."""
    node = time
    stamp = len(get_text(time))
    for _ in range(_MAX_POST_DEPTH):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        if (
            len(kinds[(parent, cast(str, node.tag), _first_class(node))]) >= 2
            and len(get_text(node)) >= stamp + _POST_WORDS
        ):
            return node
        node = parent
    return None


def _stamped_paragraphs(doc: Document) -> list[tuple[int, int, str]]:
    """A live blog written as one article: paragraphs or headings that open with a stamp
    ("UPDATE 1650 GMT: Buses have left", "14.53" alone), as a text's are. Each stamp's entry
    runs to the next stamp, the last to the end of the block holding the stamps; two stamps at
    least, as in a text."""
    found: list[tuple[int, str, Element]] = []
    for tag in doc.tags("p", "h2", "h3", "h4"):
        first = next(stripped_strings(tag), "")
        if not first or not could_open_stamp(first):
            continue
        stamp, _ = split_stamp(" ".join(get_text(tag, " ").split())[:200])
        if stamp:
            found.append((doc.position(tag), stamp, tag))
    if len(found) < 2:
        return []
    holder = found[-1][2].getparent()
    end = _last_position(doc, holder) if holder is not None else 1 << 62
    starts = [at for at, _, _ in found]
    return [
        (at, (starts[k + 1] - 1 if k + 1 < len(starts) else end), stamp)
        for k, (at, stamp, _) in enumerate(found)
    ]


def _first_class(tag: Element) -> str:
    classes = (tag.get("class") or "").split()
    return classes[0] if classes else ""


def _stamp_of(time: Element) -> str | None:
    """A post's stamp as the page prints it ("14.53 GMT", "Mon 3 Mar 2025 10.32 GMT"), read as
    a text's stamps are ("posted at 14:05" is 14:05); its machine time when the print is
    relative ("2h ago", "vor 5 Minuten") or missing."""
    shown = " ".join(get_text(time, " ").split())[:80]
    written = time.get("datetime")
    machine = written.strip() if isinstance(written, str) and written.strip() else None
    if not shown or (machine and _RELATIVE.search(shown)):
        return machine
    stamp, rest = split_stamp(shown)
    return stamp if stamp and not rest else shown  # "posted at 14:05" (a hidden label) is 14:05


def _meta(doc: Document) -> dict[str, str]:
    """og:/twitter:/article: metadata in both spellings: property/content and name/value."""
    found: dict[str, str] = {}
    for tag in doc.tags("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = tag.get("content") if tag.get("content") is not None else tag.get("value")
        if isinstance(key, str) and isinstance(value, str) and value.strip():
            found.setdefault(key.strip().lower(), value.strip())
    return found


def _page_url(doc: Document, meta: dict[str, str], saved_from: str | None) -> str | None:
    for base in doc.tags("base"):
        href = base.get("href")
        if isinstance(href, str) and absolute(href, None):
            return href.strip()
    for link in doc.tags("link"):
        rel = (link.get("rel") or "").split()
        href = link.get("href")
        if "canonical" in rel and isinstance(href, str) and absolute(href, None):
            return href.strip()
    for candidate in (meta.get("og:url"), meta.get("twitter:url"), saved_from):
        if candidate and absolute(candidate, None):
            return candidate
    return None
