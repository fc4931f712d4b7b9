"""The line model: how much a paragraph of a text reads like a media trace standing alone (a
caption left where a picture stood, a player's title, a video marker), judged from shallow
features of the paragraph and its neighbours, as boilerpipe judges boilerplate (Kohlschütter et
al., 2010), and weighed by a logistic regression that `bench/train_linemodel.py` fits on labelled
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
    PHOTO_WORDS,
    PICTURE_POSITION_WORDS,
    REPORTING_WORDS,
    VIDEO_WORDS,
)

__all__ = ["FEATURES", "Block", "LineModel", "blocks_of", "features", "load"]


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
)

_WORD = re.compile(r"[^\W_]+")
_HEAD_LABEL = re.compile(r"^[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,2}\s*:\s+\S")
_AGE = re.compile(r",\s+\d{1,3}\s*,|\(\s*\d{1,3}\s*\)")
_SLASH_CREDIT = re.compile(r"(?:^|\s)[^\W\d_][\w'’.-]*(?:\s[\w'’.-]+){0,2}\s?/\s?[^\W\d_][\w'’&.-]*")
_INNER_STOP = re.compile(r"\w[.!?]\s+\S")
_QUOTES = ('"', "“", "”", "«", "»", " '", "' ", "‘", " ’")
_SENTENCE_ENDS = (".", "!", "?")
_QUOTE_ENDS = ('"', "”", "’", "'", "»")
_CLOSING = _SENTENCE_ENDS + _QUOTE_ENDS + (":", ")", "]", ";", ",", "-", "–", "—", "…")


def _any(words: frozenset[str], tokens: Sequence[str]) -> float:
    return 1.0 if not words.isdisjoint(tokens) else 0.0


@dataclass(frozen=True)
class LineModel:
    """Weights over FEATURES (after the features are centred and scaled) and the thresholds the
    training chose on data: `threshold` for a block standing alone, `beside` for a block next to a
    credit or a lead-in that already says a picture stood there."""

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float
    beside: float

    def score(self, row: Sequence[float]) -> float:
        """The probability that the block is a media trace."""
        z = 0.0
        for x, w, m, s in zip(row, self.weights, self.mean, self.scale, strict=True):
            z += w * (x - m) / s
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load() -> LineModel:
    """The shipped model (read once, on first use)."""
    data = json.loads(resources.files("catalog").joinpath("linemodel.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("linemodel.json was fitted on other features: run bench/train_linemodel.py")
    return LineModel(
        weights=tuple(data["weights"]),
        mean=tuple(data["mean"]),
        scale=tuple(data["scale"]),
        threshold=float(data["threshold"]),
        beside=float(data["beside"]),
    )


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
    ]


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
    return Profile(lower_text, usual, prose, short, sum(prose) / len(prose) if prose else 0.0)


_PROSE_WORDS = 12
_PROSE_ENDS = (*_SENTENCE_ENDS, *_QUOTE_ENDS)
_SHORT_WORDS = 4
