"""The line model: how much a paragraph of a text reads like a media trace standing alone (a
caption left where a picture stood, a player's title, a video marker), judged from shallow
features of the paragraph and its neighbours, as boilerpipe judges boilerplate (Kohlschütter et
al., 2010), and weighed by a small ensemble of shallow trees that `bench/train_linemodel.py` fits on labelled
and self-labelled real text and ships as `linemodel.json` (plain numbers, no pickle).

A paragraph here is a block: a text's non-blank lines, with the lines of one paragraph that a
page's source wrapped ("... has come " / "out to defend ...") joined back. The features are
words and signs any language and any publisher's layout share (length, closing punctuation, a
label before a colon, "pictured", "(left)", an age after a name, reporting verbs, quotation
marks, the neighbours' shape), never a publisher's own phrases.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from catalog.document import Document
from catalog.vocabulary import (
    CAPTION_PLACE_WORDS,
    FIRST_PERSON_WORDS,
    FURNITURE_WORDS,
    NOT_CAPTION_HEADS,
    PHOTO_WORDS,
    PICTURE_POSITION_WORDS,
    REPORTING_WORDS,
    VIDEO_WORDS,
)

__all__ = [
    "FEATURES",
    "Block",
    "LineModel",
    "Profile",
    "Tree",
    "blocks_of",
    "features",
    "from_json",
    "in_article",
    "load",
    "text_profile",
]


class Block(NamedTuple):
    """A paragraph of a text: the indices in `Document.paras` of its first and last lines, and its
    words (the lines joined with a space)."""

    first: int
    last: int
    text: str


FEATURES: tuple[str, ...] = (
    "bias",
    "words",  # log of the number of words
    "short",  # six words or fewer
    "long",  # more than forty words
    "end_stop",
    "end_open",  # closes with a letter or a digit: no sentence
    "end_colon",
    "end_quote",
    "end_mark",  # ? or !
    "start_upper",
    "start_quote",
    "start_digit",
    "head_label",  # "Soaked: ...": a short label and a colon opening the line
    "head_known",  # ... a label that opens no caption ("Read more:", "Related:", "Background:")
    "pictured",
    "place",  # "(left)", ", right,", "above", "from left": someone placed in a picture
    "age",  # "Charles Vacca, 39,": a name with an age
    "reporting",  # said, told, according to: the article's reporting
    "quotes",  # quotation marks: speech
    "first_person",
    "sentences",  # full stops inside: several sentences
    "past",  # share of words in -ed
    "ing",  # share of words in -ing
    "capitals",  # share of longer words capitalised: a heading's title case
    "name_first",  # two capitalised words open it: a person or a place first
    "digits",
    "address",  # http, www.
    "bullets",  # "*", "|", "•" between words or opening the line: a menu's or a list's line
    "furniture",  # a site's own words: sign in, subscribe, newsletter, cookies, comments
    "dated",  # a date or a clock time: a byline's, a teaser's
    "priced",  # a price or a discount: a shopping widget's line
    "handle",  # @
    "photo_word",
    "video_word",
    "slash_credit",  # "Name/Agency"
    "prev_words",
    "next_words",
    "prev_end_stop",
    "next_end_stop",
    "prev_colon",  # the line above ends in a colon: a lead-in
    "prev_label",
    "next_label",
    "next_credit",  # the block under opens with a credit ("smith/reuters ...", "Photo: ...")
    "gap_before",
    "gap_after",
    "unlike_neighbours",  # log of its length over its neighbours'
    "unlike_text",  # log of its length over the text's usual paragraph
    "first",  # the first block: a title
    "lower_text",  # a lower-cased corpus: capitals say nothing there
    "prose_around",  # sentences of an article among the two blocks above and the two below
    "short_around",  # lines of a few words (a menu's, a list's) among them
    "text_prose",  # the share of the text's blocks that are an article's sentences
    "text_open",  # the share of its longer blocks (eight words and more) that close with no stop
    "text_marked",  # the share of its blocks that place someone in a picture or open with a label
)

_WORD = re.compile(r"[^\W_]+")
_NOT_HEADS = frozenset(NOT_CAPTION_HEADS)
_HEAD_LABEL = re.compile(r"^[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,2}\s*:\s+\S")
_AGE = re.compile(r",\s+\d{1,3}\s*,|\(\s*\d{1,3}\s*\)")
_SLASH_CREDIT = re.compile(r"(?:^|\s)[^\W\d_][\w'’.-]*(?:\s[\w'’.-]+){0,2}\s?/\s?[^\W\d_][\w'’&.-]*")
_INNER_STOP = re.compile(r"\w[.!?]\s+\S")
_BULLETS = ("* ", "- ", "• ", "· ", "> ", "+ ")
_BULLETS_INSIDE = (" * ", " | ", "•", " · ")
_DATED = re.compile(
    r"\b\d{1,2}:\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* (?:19|20)\d\d\b"
)
_PRICED = re.compile(r"[$€£¥]\s?\d|\d\s?(?:€|%\s?off\b)|\b(?:USD|EUR|GBP)\s?\d", re.IGNORECASE)
_QUOTES = ('"', "“", "”", "«", "»", " '", "' ", "‘", " ’")
_SENTENCE_ENDS = (".", "!", "?")
_QUOTE_ENDS = ('"', "”", "’", "'", "»")
_CLOSING = _SENTENCE_ENDS + _QUOTE_ENDS + (":", ")", "]", ";", ",", "-", "–", "—", "…")


def _any(words: frozenset[str], tokens: Sequence[str]) -> float:
    return 1.0 if not words.isdisjoint(tokens) else 0.0


@dataclass(frozen=True)
class Tree:
    """One regression tree of the ensemble, as parallel lists: node n splits on feature[n] at
    threshold[n] (left when the value is not above it); a leaf has left[n] == -1 and holds
    value[n]."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf(self, row: Sequence[float]) -> float:
        n = 0
        left, right, feature, threshold = self.left, self.right, self.feature, self.threshold
        while left[n] >= 0:
            n = left[n] if row[feature[n]] <= threshold[n] else right[n]
        return self.value[n]


@dataclass(frozen=True)
class LineModel:
    """Gradient-boosted shallow trees over FEATURES, and the threshold the training chose on
    data for a block to count as a media trace."""

    base: float
    trees: tuple[Tree, ...]
    threshold: float

    def score(self, row: Sequence[float]) -> float:
        """The probability that the block is a media trace."""
        z = self.base
        for tree in self.trees:
            z += tree.leaf(row)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load() -> LineModel:
    """The shipped model (read once, on first use)."""
    text = resources.files("catalog").joinpath("linemodel.json").read_text(encoding="utf-8")
    return from_json(json.loads(text))


def from_json(data: dict[str, object]) -> LineModel:
    """A model from its plain numbers, checked as they are read (no pickle, no code)."""
    if tuple(data["features"]) != FEATURES:  # type: ignore[arg-type]
        raise ValueError("linemodel.json was fitted on other features: run bench/train_linemodel.py")
    trees = tuple(
        Tree(
            feature=tuple(int(x) for x in t["feature"]),
            threshold=tuple(float(x) for x in t["threshold"]),
            left=tuple(int(x) for x in t["left"]),
            right=tuple(int(x) for x in t["right"]),
            value=tuple(float(x) for x in t["value"]),
        )
        for t in data["trees"]  # type: ignore[attr-defined]
    )
    return LineModel(base=float(data["base"]), trees=trees, threshold=float(data["threshold"]))  # type: ignore[arg-type]


def blocks_of(doc: Document) -> list[Block]:
    """The text's paragraphs: its non-blank lines, with a paragraph's wrapped lines joined. A
    line break kept its space when a page's source wrapped a paragraph ("has come \\n" /
    "out to defend", "told NBC News\\n that while"); a break between paragraphs did not."""
    paras = doc.paras
    texts, gaps, starts = paras.texts, paras.gaps, doc.para_starts
    text = doc.text
    blocks: list[Block] = []
    n = len(texts)
    i = 0
    while i < n:
        k = i
        while k + 1 < n and gaps[k] == 0 and _wrapped(text, starts[k + 1]):
            k += 1
        words = texts[i] if k == i else " ".join(texts[i : k + 1])
        if words:  # a line that was only an entry's stamp holds none
            blocks.append(Block(i, k, words))
        i = k + 1
    return blocks


def _wrapped(text: str, start: int) -> bool:
    """The line beginning at `start` continues the one above it: a space stands on either side
    of the line break between them."""
    return text[start : start + 1] in (" ", "\t") or text[start - 2 : start - 1] in (" ", "\t")


class Profile(NamedTuple):
    """What the features of one block need to know of the whole text."""

    lower_text: bool  # lower-cased throughout: a tokenised corpus
    usual: float  # the usual paragraph's length in words (the median)
    prose: list[bool]  # each block: a sentence of an article (a dozen words, closed)
    short: list[bool]  # each block: a line of a few words
    text_prose: float  # the share of prose blocks
    text_open: float  # the share of longer blocks with no closing stop
    text_marked: float  # the share of blocks with a caption's marks ("(left)", "pictured", "Label: ...")


def in_article(profile: Profile, k: int) -> bool:
    """Whether block k stands in an article's flow, the only place the model judges: in a text
    that reads mostly as sentences (a page saved whole, its menus and teasers, does not), with a
    sentence among the three blocks above it or the three below (a run of captions stands between
    two of the article's paragraphs)."""
    if profile.text_prose < _ARTICLE_PROSE:
        return False
    prose = profile.prose
    return any(prose[max(0, k - _REACH) : k]) or any(prose[k + 1 : k + 1 + _REACH])


_ARTICLE_PROSE = 0.3  # the share of a text's blocks that are sentences, in an article
_REACH = 3


def features(doc: Document, blocks: list[Block], k: int, profile: Profile) -> list[float]:
    """The feature row of block k (in FEATURES order)."""
    lower_text, usual = profile.lower_text, profile.usual
    b = blocks[k]
    t = b.text
    low = t.lower()
    words = t.split()
    tokens = _WORD.findall(low)
    nw = len(tokens) or 1
    prev = blocks[k - 1].text if k > 0 else ""
    nxt = blocks[k + 1].text if k + 1 < len(blocks) else ""
    prev_nw = len(prev.split())
    next_nw = len(nxt.split())
    last = t[-1]
    first = t[0]
    longer = [w for w in words[1:] if len(w) > 3 and w[0].isalpha()]
    gaps = doc.paras.gaps
    return [
        1.0,
        math.log1p(nw),
        1.0 if nw <= 6 else 0.0,
        1.0 if nw > 40 else 0.0,
        1.0 if last == "." else 0.0,
        1.0 if last.isalnum() else 0.0,
        1.0 if last in ":：" else 0.0,
        1.0 if last in _QUOTE_ENDS else 0.0,
        1.0 if last in "?!" else 0.0,
        1.0 if first.isupper() else 0.0,
        1.0 if first in "\"“‘'«" else 0.0,
        1.0 if first.isdigit() else 0.0,
        1.0 if _HEAD_LABEL.match(t) else 0.0,
        1.0 if ":" in t[:40] and _known_head(low.partition(":")[0]) else 0.0,
        1.0 if "pictur" in low else 0.0,
        _place(low, tokens),
        1.0 if _AGE.search(t) else 0.0,
        _any(REPORTING_WORDS, tokens),
        min(3.0, float(sum(low.count(q) for q in _QUOTES))),
        _any(FIRST_PERSON_WORDS, tokens),
        min(3.0, float(len(_INNER_STOP.findall(t)))),
        sum(1 for w in tokens if w.endswith("ed")) / nw,
        sum(1 for w in tokens if w.endswith("ing")) / nw,
        (sum(1 for w in longer if w[0].isupper()) / len(longer)) if longer else 0.0,
        1.0 if len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper() else 0.0,
        1.0 if any(ch.isdigit() for ch in t) else 0.0,
        1.0 if "http" in low or "www." in low else 0.0,
        float(min(3, sum(map(t.count, _BULLETS_INSIDE)) + t.startswith(_BULLETS))),
        _any(FURNITURE_WORDS, tokens),
        1.0 if _DATED.search(low) else 0.0,
        1.0 if _PRICED.search(t) else 0.0,
        1.0 if "@" in t else 0.0,
        _any(PHOTO_WORDS, tokens),
        _any(VIDEO_WORDS, tokens),
        1.0 if "/" in t and _SLASH_CREDIT.search(t) else 0.0,
        math.log1p(prev_nw),
        math.log1p(next_nw),
        1.0 if prev.endswith(".") else 0.0,
        1.0 if nxt.endswith(".") else 0.0,
        1.0 if prev.endswith((":", "：")) else 0.0,
        1.0 if prev and _HEAD_LABEL.match(prev) else 0.0,
        1.0 if nxt and _HEAD_LABEL.match(nxt) else 0.0,
        1.0 if nxt and _opens_with_credit(nxt) else 0.0,
        min(3.0, float(gaps[b.first - 1])) if b.first > 0 else 3.0,
        min(3.0, float(gaps[b.last])),
        math.log((nw + 1) / ((prev_nw + next_nw) / 2 + 1)),
        math.log((nw + 1) / (usual + 1)),
        1.0 if k == 0 else 0.0,
        1.0 if lower_text else 0.0,
        float(sum(profile.prose[max(0, k - 2) : k]) + sum(profile.prose[k + 1 : k + 3])),
        float(sum(profile.short[max(0, k - 2) : k]) + sum(profile.short[k + 1 : k + 3])),
        profile.text_prose,
        profile.text_open,
        profile.text_marked,
    ]


def _known_head(head: str) -> bool:
    """A label that opens no caption, alone or qualified ("Read more", "Related photos")."""
    head = head.strip()
    return head in _NOT_HEADS or head.split(" ", 1)[0] in _NOT_HEADS


def _place(low: str, tokens: Sequence[str]) -> float:
    """Someone or something placed in a picture: "(left)", "(pictured right)", ", centre,"."""
    if "(" in low and any(f"({w}" in low or f"( {w}" in low for w in PICTURE_POSITION_WORDS):
        return 1.0
    if "," in low and any(f", {w}," in low or f", {w} ," in low for w in PICTURE_POSITION_WORDS):
        return 1.0
    return _any(CAPTION_PLACE_WORDS, tokens)


_CREDIT_OPENING = re.compile(
    r"^(?:[^\W\d_][\w'’.-]*(?:\s[\w'’.-]+){0,2}\s?/\s?[^\W\d_]|©|\(c\)|(?:photo|photograph|picture|image|"
    r"credit|foto|bild)s?\s*:)",
    re.IGNORECASE,
)


def _opens_with_credit(text: str) -> bool:
    return bool(_CREDIT_OPENING.match(text))


def text_profile(doc: Document, blocks: list[Block]) -> Profile:
    """What the features need to know of the whole text (`Profile`)."""
    sample = [b.text for b in blocks[:: max(1, len(blocks) // 200)]]
    letters = "".join(sample)
    lower_text = bool(letters) and letters == letters.lower()
    counts = [b.text.count(" ") + 1 for b in blocks]
    lengths = sorted(counts)
    usual = float(lengths[len(lengths) // 2]) if lengths else 10.0
    prose = [n >= _PROSE_WORDS and b.text.endswith(_PROSE_ENDS) for n, b in zip(counts, blocks, strict=True)]
    short = [n <= _SHORT_WORDS for n in counts]
    longer = [b.text for n, b in zip(counts, blocks, strict=True) if n >= _LONGER_WORDS]
    open_ = sum(1 for t in longer if t[-1].isalnum())
    marked = sum(1 for b in blocks if _marked(b.text))
    n = len(blocks) or 1
    return Profile(
        lower_text, usual, prose, short, sum(prose) / n, open_ / len(longer) if longer else 0.0, marked / n
    )


def _marked(text: str) -> bool:
    """A caption's marks: someone placed in the picture, or a short label before a colon."""
    low = text.lower()
    return "pictur" in low or bool(_place(low, ())) or bool(_HEAD_LABEL.match(text))


_PROSE_WORDS = 12
_PROSE_ENDS = (*_SENTENCE_ENDS, *_QUOTE_ENDS)
_SHORT_WORDS = 4
_LONGER_WORDS = 8
