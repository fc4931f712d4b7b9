"""The text benchmark that labels itself: real pages turned into texts by common converters, each
text labelled by what the HTML scanner finds on its page.

A page becomes a text when an archive or a converter keeps only its words. The captions,
credits and posts the HTML scanner reads on the page land on lines of that text: those lines are
what the text scanner should find there (a photo, a video, a post, with caption and credit);
every other line is a negative. Several converters break a page into lines differently, so each
gives its own text and its own labels.

    python3 bench/pages_as_text.py [PAGES...] [--out DIR] [--score] [--split test|fit|all]

PAGES default to every page of ../shared/corpus/pages. Texts and labels are written under --out
(default: a folder in the system's temporary directory; they are other publishers' words and
stay out of the repository); `--score` then runs ../shared/eval/score.py on each converter's
folder. `--split` keeps the publishers of one side of the fixed split (`publisher_split`): the
text model is fitted on `fit` and reported on `test`.

Converters (the `bench` extra installs them): inscriptis (a layout-aware renderer), html2text
(Markdown, as many archives and LLM pipelines store pages), BeautifulSoup's get_text (a line per
text node, what a naive script saves) and trafilatura (an article extractor: the main text
alone, as its users store it by default).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
import warnings
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterator
from pathlib import Path

from catalog.options import ScanOptions
from catalog.records import Media, Mention
from catalog.scan import scan_source
from catalog.urls import domain_of

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "corpus" / "pages"
TEST_SHARE = 40  # percent of publishers held out: the text model never sees them

Converter = Callable[[str], str]


def _inscriptis(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def _html2text(html: str) -> str:
    import html2text

    h = html2text.HTML2Text()
    h.body_width = 0
    h.ignore_images = True
    h.ignore_links = True
    return h.handle(html)


def _soup(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return "\n".join(s.strip() for s in soup.stripped_strings)


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_recall=True) or ""


CONVERTERS: dict[str, Converter] = {
    "inscriptis": _inscriptis,
    "html2text": _html2text,
    "soup": _soup,
    "trafilatura": _trafilatura,
}


def publisher_split(publisher: str) -> str:
    """`test` or `fit` for a publisher, fixed by a hash of its name: every page of one publisher
    falls on the same side."""
    return "test" if zlib.crc32(publisher.encode()) % 100 < TEST_SHARE else "fit"


def publisher_of(page: Path, url: str | None) -> str:
    """The publisher's domain, from the page's own address or (postlight's pages are named so)
    the file's name."""
    domain = domain_of(url) if url else None
    if domain:
        return domain.removeprefix("www.")
    return page.name.split("--")[0].removesuffix(".html").removeprefix("www.")


# ---- where a finding of the page lands in a text ----

_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


class Landing:
    """The words of a text, each with its line, so that a caption's words can be found across
    the line breaks a converter put into it."""

    def __init__(self, text: str) -> None:
        self.words: list[str] = []
        self.lines: list[int] = []
        for n, line in enumerate(text.split("\n"), start=1):
            for w in _tokens(line):
                self.words.append(w)
                self.lines.append(n)
        self.joined = " ".join(self.words)
        self.starts = []
        at = 0
        for w in self.words:
            self.starts.append(at)
            at += len(w) + 1

    def find(self, phrase: str, after: int = 0) -> tuple[int, int] | None:
        """First and last line of the first place (from line `after` on) where the phrase's
        words stand in a row; a long phrase is looked for by its first twelve words."""
        words = _tokens(phrase)
        if len(words) < 2 and not (words and len(words[0]) >= 4):
            return None
        head = " ".join(words[:12])
        at = -1
        start = 0
        while True:
            at = self.joined.find(head, start)
            if at < 0:
                return None
            k = bisect_right(self.starts, at) - 1
            whole = at + len(head) == len(self.joined) or self.joined[at + len(head)] == " "
            if self.starts[k] == at and whole and self.lines[k] >= after:
                break
            start = at + 1
        first = self.lines[k]
        last = self.lines[min(k + len(words) - 1, len(self.lines) - 1)]
        return first, last


def _post_handle(media: Media) -> str | None:
    return f"@{media.author_handle.lstrip('@')}" if media.author_handle else None


_CAPTION_CLASSES = ("caption", "credit", "copyright", "figcaption", "wp-caption-text")
_FURNITURE = {"nav", "footer", "aside", "header", "form", "button"}


def marked_captions(html: str) -> list[str]:
    """The texts a page marks as captions or credits itself, read apart from the scanner: every
    <figcaption>, and every element whose class or id names a caption or a credit and that
    stands in a <figure> or beside a picture or a player; none in the page's navigation,
    header, footer and asides (where related articles' cards stand)."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"))
    except Exception:  # an empty or broken page: nothing marked
        return []
    found: list[str] = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if el.tag != "figcaption" and not any(c in marks for c in _CAPTION_CLASSES):
            continue
        ancestors = [a.tag for a in el.iterancestors() if isinstance(a.tag, str)]
        if _FURNITURE.intersection(ancestors):
            continue
        parent = el.getparent()
        media = parent.iter("img", "picture", "video", "iframe") if parent is not None else iter(())
        beside_media = next(media, None) is not None
        if el.tag != "figcaption" and "figure" not in ancestors and not beside_media:
            continue  # a card's title or a widget's: no picture stands with it
        words = " ".join(el.text_content().split())
        if len(words.split()) >= 2 and len(words) <= 400 and not any(words in f or f in words for f in found):
            found.append(words)
    return found


def labels_for(rows: list[tuple[Media, Mention]], text: str, marked: list[str]) -> list[dict[str, object]]:
    """Line labels for a text: each picture, video or post the page shows (embedded), whose
    caption, credit or post text landed in the text, and each caption or credit the page marks
    as one (`marked_captions`) that the scanner did not read."""
    land = Landing(text)
    items: list[dict[str, object]] = []
    seen: set[str] = set()
    for media, mention in rows:
        if mention.presence != "embedded" or media.id in seen:
            continue
        seen.add(media.id)
        caption = mention.caption or media.caption
        credit = mention.credit or media.credit
        if media.kind == "social_post":
            words = media.post_text
            if not words:
                continue
            at = land.find(words)
            if at is None:
                continue
            items.append(
                {"line": at[0], "line_end": at[1], "kind": "social_post", "caption": None,
                 "credit": _post_handle(media) or media.author_name, "uncertain": False}
            )  # fmt: skip
            continue
        if media.kind not in ("photo", "video", "gallery", "audio"):
            continue
        cap_at = land.find(caption) if caption else None
        cred_at = land.find(credit) if credit and len(_tokens(credit)) >= 1 else None
        if cap_at is None and cred_at is None:
            continue  # an alt text, an attribute: nothing of it is in the text
        item: dict[str, object] = {"kind": media.kind, "uncertain": False}
        if cap_at is not None:
            item.update(line=cap_at[0], line_end=cap_at[1], caption=caption)
            if cred_at is not None and abs(cred_at[0] - cap_at[1]) <= 3:
                item["credit"] = credit
                if not cap_at[0] <= cred_at[0] <= cap_at[1]:
                    item["credit_line"] = cred_at[0]
        else:
            assert cred_at is not None
            item.update(line=cred_at[0], line_end=cred_at[1], caption=None, credit=credit)
        items.append(item)
    taken = {int(str(it["line"])) for it in items}
    for words in marked:
        at = land.find(words)
        if at is not None and not taken.intersection(range(at[0] - 1, at[1] + 2)):
            item = {"kind": "photo", "line": at[0], "line_end": at[1], "caption": words, "uncertain": False}
            items.append(item)
            taken.add(at[0])
    items.sort(key=lambda it: int(str(it["line"])))
    return _merge_same_lines(items)


def _merge_same_lines(items: list[dict[str, object]]) -> list[dict[str, object]]:
    """Two findings of the page on the same lines of the text (a picture's caption copied into a
    gallery's) are one trace there."""
    out: list[dict[str, object]] = []
    for item in items:
        if out and out[-1]["line"] == item["line"] and out[-1]["kind"] == item["kind"]:
            continue
        out.append(item)
    return out


def pages_of(args: list[str]) -> Iterator[Path]:
    roots = [Path(a) for a in args] or [PAGES]
    for root in roots:
        if root.is_dir():
            yield from sorted(p for p in root.rglob("*.html"))
        else:
            yield root


def build(pages: list[Path], out: Path, split: str) -> dict[str, Path]:
    """Write each converter's texts and labels under `out`; return the label files."""
    entries: dict[str, list[dict[str, object]]] = {name: [] for name in CONVERTERS}
    warnings.filterwarnings("ignore", module="bs4")  # pages that look like XML to it
    for page in pages:
        try:
            record, rows = scan_source(str(page), ScanOptions())
        except Exception as exc:  # a page the scanner refuses gives no labels
            print(f"skip {page.name}: {exc}", file=sys.stderr)
            continue
        publisher = publisher_of(page, record.url)
        if split != "all" and publisher_split(publisher) != split:
            continue
        html = page.read_text(encoding="utf-8", errors="replace")
        marked = marked_captions(html)
        stem = f"{page.parent.name}.{page.stem}"
        for name, convert in CONVERTERS.items():
            try:
                text = convert(html)
            except Exception as exc:  # a converter's own bug: that page is left out of its set
                print(f"skip {name} {page.name}: {exc}", file=sys.stderr)
                continue
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
            entries[name].append(
                {"id": stem, "source": str(page), "publisher": publisher, "split": publisher_split(publisher),
                 "items": labels_for(rows, text, marked)}
            )  # fmt: skip
    files = {}
    for name, found in entries.items():
        path = out / f"{name}-labels.json"
        path.write_text(
            json.dumps({"name": f"pages of {PAGES} as text by {name}, labelled by the HTML scanner",
                        "entries": found}, indent=1),
            encoding="utf-8",
        )  # fmt: skip
        files[name] = path
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="*")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "catalog-pages-as-text")
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--split", choices=("test", "fit", "all"), default="all")
    ap.add_argument("--catalog", default="catalog", help="command that runs the CLI, for --score")
    a = ap.parse_args()
    pages = list(pages_of(a.pages))
    files = build(pages, a.out, a.split)
    for name, labels in files.items():
        data = json.loads(labels.read_text())
        n = sum(len(e["items"]) for e in data["entries"])
        print(f"{name}: {n} labelled lines in {a.out / name}")
        if not a.score:
            continue
        for side in ("fit", "test"):
            part = a.out / f"{name}-{side}-labels.json"
            entries = [e for e in data["entries"] if e["split"] == side]
            part.write_text(json.dumps({**data, "entries": entries}))
            print(f"   {side:4s} " + _score(part, a.out / name, a.catalog))


def _score(labels: Path, folder: Path, catalog: str) -> str:
    """score.py's headline for one label file (text_eval's reading of it)."""
    from text_eval import score  # text_eval reads this module's sets: imported when scoring

    tp, labelled, found, attrs = score(labels, folder, catalog)
    recall, precision = tp / labelled if labelled else 1.0, tp / found if found else 1.0
    return f"recall {recall:.3f} ({tp}/{labelled})  precision {precision:.3f} ({tp}/{found})  {attrs}"


if __name__ == "__main__":
    main()
