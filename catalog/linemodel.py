"""The line model: how much a paragraph of a text reads like a media trace standing alone (a
caption left where a picture stood, a player's title, a video marker), judged from shallow
features of the paragraph and its neighbours, as boilerpipe judges boilerplate (Kohlschütter et
al., 2010), and weighed by a small ensemble of shallow trees that `bench/train_linemodel.py` fits on labelled
and self-labelled real text and ships as `linemodel.json` (plain numbers, no pickle).

A paragraph here is a block: a text's non-blank lines, with the lines of one paragraph that a
page's source wrapped ("... has come " / "out to defend ...") joined back. The features are
words and signs that languages written with spaces between their words, and publishers'
layouts, share (length, closing punctuation, a label before a colon, "pictured", "(left)", an
age after a name, reporting verbs, quotation marks, the neighbours' shape), never a
publisher's own phrases. A text with no spaces between its words (Japanese, Chinese) has no
paragraph the model counts as prose, so the model leaves it to the rules.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from catalog.document import Document
from catalog.vocabulary import (
    CAPTION_PLACE_WORDS,
    FIRST_PERSON_WORDS,
    FURNITURE_WORDS,
    MONTH_WORDS,
    NOT_CAPTION_HEADS,
    PHOTO_WORDS,
    PICTURE_POSITION_WORDS,
    REPORTING_WORDS,
    VIDEO_WORDS,
)

__all__ = [
    "ARTICLE_PROSE",
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
    "prose_share",
    "text_profile",
    "worth_judging",
]


class Block(NamedTuple):
    """A paragraph of a text: the indices in `Document.paras` of its first and last lines, and its
    words (the lines joined with a space)."""

    first: int
    last: int
    text: str


FEATURES: tuple[str, ...] = (
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

_NOT_HEADS = frozenset(NOT_CAPTION_HEADS)
_HEAD_LABEL = re.compile(r"^[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,2}\s*:\s+\S")
# An age after a name, each form opening with its own literal (fast over the whole text).
_AGES = (re.compile(r",\s+\d{1,3}\s*,"), re.compile(r"\(\s*\d{1,3}\s*\)"))
_AGE = re.compile(r",\s+\d{1,3}\s*,|\(\s*\d{1,3}\s*\)")
_SLASH_CREDIT = re.compile(r"[^\W\d_]\s?/\s?[^\W\d_]")
_BULLETS = ("* ", "- ", "• ", "· ", "> ", "+ ")
_BULLETS_INSIDE = (" * ", " | ", "•", " · ")
_DIGIT = re.compile(r"\d")
_PRICED = re.compile(r"[$€£¥]\s?\d|\d\s?(?:€|%\s?off\b)|\b(?:USD|EUR|GBP)\s?\d", re.IGNORECASE)
_PRICE_SIGNS = ("$", "€", "£", "¥", "%", "USD", "EUR", "GBP")
_INNER_STOPS = (". ", "? ", "! ")
# Punctuation as spaces: a line's words as tokens, in one pass in C.
_PUNCTUATION = str.maketrans({c: " " for c in "\"'“”‘’«».,;:!?()[]{}*|•·…/\\–—"})


def _priced(text: str) -> bool:
    """A price or a discount ("$169.99", "35% Off", "EUR 20")."""
    return any(sign in text for sign in _PRICE_SIGNS) and _PRICED.search(text) is not None


_QUOTES = ('"', "“", "”", "«", "»", "‘")  # not "'": a tokenised corpus writes "'s" apart
_SENTENCE_ENDS = (".", "!", "?")
_QUOTE_ENDS = ('"', "”", "’", "'", "»")


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
    data for a block to count as a media trace. The trees are read as one function of plain
    comparisons (`_compiled`): walking 60 trees node by node cost more than the features."""

    base: float
    trees: tuple[Tree, ...]
    threshold: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "_raw", _compiled(self.base, self.trees))

    def raw(self, row: Sequence[float]) -> float:
        """The log-odds that the block is a media trace."""
        return self._raw(row)  # type: ignore[attr-defined, no-any-return]

    def score(self, row: Sequence[float]) -> float:
        """The probability that the block is a media trace."""
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.raw(row)))))

    def judge(self, row: Sequence[float]) -> bool:
        """Whether the block is a media trace (its probability at the threshold or above)."""
        return self.score(row) >= self.threshold


def _compiled(base: float, trees: tuple[Tree, ...]) -> Callable[[Sequence[float]], float]:
    """The trees as one Python function: nested comparisons of the row's values with the
    thresholds, adding each tree's leaf to the starting log-odds. Its source is made here from
    the trees' numbers alone (whole numbers and finite floats, whose types, ranges and shape
    `from_json` checked), so the weights file carries no code."""
    lines = ["def raw(x):", f"    z = {float(base)!r}"]

    def node(tree: Tree, n: int, indent: str) -> None:
        if tree.left[n] < 0:
            lines.append(f"{indent}z += {float(tree.value[n])!r}")
            return
        lines.append(f"{indent}if x[{int(tree.feature[n])}] <= {float(tree.threshold[n])!r}:")
        node(tree, tree.left[n], indent + "    ")
        lines.append(f"{indent}else:")
        node(tree, tree.right[n], indent + "    ")

    for tree in trees:
        node(tree, 0, "    ")
    lines.append("    return z")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<catalog.linemodel>", "exec"), {"__builtins__": {}}, namespace)  # noqa: S102
    return namespace["raw"]  # type: ignore[no-any-return]


@cache
def load() -> LineModel:
    """The shipped model (read once, on first use)."""
    text = resources.files("catalog").joinpath("linemodel.json").read_text(encoding="utf-8")
    return from_json(json.loads(text, parse_constant=_no_constant))


def _no_constant(name: str) -> float:
    raise ValueError(f"linemodel.json holds {name}, no number")


def from_json(data: dict[str, Any]) -> LineModel:
    """A model from its plain numbers, each checked as it is read: the trees' shape (every node
    reached once, children after their parent, a leaf on both sides or neither), their depth and
    size, finite values, a threshold between 0 and 1. Nothing but numbers reaches `_compiled`."""
    if tuple(data.get("features", ())) != FEATURES:
        raise ValueError("linemodel.json was fitted on other features: run bench/train_linemodel.py")
    raw_trees = data.get("trees")
    if not isinstance(raw_trees, list) or not 0 < len(raw_trees) <= _MAX_TREES:
        raise ValueError("linemodel.json holds no trees, or too many")
    trees = tuple(_tree(t) for t in raw_trees)
    base, threshold = _finite(data.get("base")), _finite(data.get("threshold"))
    if not 0.0 < threshold < 1.0:
        raise ValueError("linemodel.json's threshold is no probability")
    return LineModel(base=base, trees=trees, threshold=threshold)


def _tree(t: Any) -> Tree:
    if not isinstance(t, dict):
        raise ValueError("linemodel.json holds a malformed tree")
    feature, left, right = (_ints(t.get(key)) for key in ("feature", "left", "right"))
    threshold, value = (_floats(t.get(key)) for key in ("threshold", "value"))
    n = len(feature)
    if not 0 < n <= _MAX_NODES or {len(left), len(right), len(threshold), len(value)} != {n}:
        raise ValueError("linemodel.json holds a malformed tree")
    seen = {0}
    stack = [(0, 0)]
    while stack:  # every node once, children after their parent, no deeper than _MAX_DEPTH
        node, depth = stack.pop()
        if left[node] < 0 or right[node] < 0:
            if left[node] != -1 or right[node] != -1:
                raise ValueError("linemodel.json holds a node with one child")
            continue
        if depth >= _MAX_DEPTH or not 0 <= feature[node] < len(FEATURES):
            raise ValueError("linemodel.json holds a tree too deep or a feature it does not have")
        for child in (left[node], right[node]):
            if not node < child < n or child in seen:
                raise ValueError("linemodel.json holds a malformed tree")
            seen.add(child)
            stack.append((child, depth + 1))
    if len(seen) != n:
        raise ValueError("linemodel.json holds nodes no path reaches")
    return Tree(feature=feature, threshold=threshold, left=left, right=right, value=value)


def _ints(values: Any) -> tuple[int, ...]:
    if not isinstance(values, list) or not all(type(v) is int for v in values):
        raise ValueError("linemodel.json holds an index that is no whole number")
    return tuple(values)


def _floats(values: Any) -> tuple[float, ...]:
    if not isinstance(values, list):
        raise ValueError("linemodel.json holds a malformed tree")
    return tuple(_finite(v) for v in values)


def _finite(value: Any) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):
        raise ValueError("linemodel.json holds a value that is no finite number")
    return float(value)


_MAX_TREES = 1000
_MAX_NODES = 4096
_MAX_DEPTH = 16


def blocks_of(doc: Document) -> list[Block]:
    """The text's paragraphs: its non-blank lines, with a paragraph's wrapped lines joined. A
    line break kept its space when a page's source wrapped a paragraph ("has come \\n" /
    "out to defend", "told NBC News\\n that while"); a break between paragraphs did not. The
    breaks that kept a space are found with a search of the whole text, not line by line."""
    paras = doc.paras
    texts, gaps, starts = paras.texts, paras.gaps, doc.para_starts
    text = doc.text
    n = len(texts)
    # a text that separates its paragraphs by blank lines wraps them with a space at the break;
    # in one that does not, a space at a line's end is only a leftover
    spaced = len(gaps) - gaps.count(0) >= _SPACED_SHARE * len(gaps)
    joined = _continued(text, starts, gaps, paras.stamps) if spaced else set()
    if not joined:  # most texts: a paragraph a line
        return [Block(i, i, t) for i, t in enumerate(texts) if t]
    blocks: list[Block] = []
    i = 0
    while i < n:
        k = i
        while k + 1 < n and k + 1 in joined:
            k += 1
        words = texts[i] if k == i else " ".join(texts[i : k + 1])
        if words:  # a line that was only an entry's stamp holds none
            blocks.append(Block(i, k, words))
        i = k + 1
    return blocks


_SPACED_SHARE = 0.2  # the share of lines followed by a blank line in a text of spaced paragraphs


def _continued(text: str, starts: list[int], gaps: list[int], stamps: list[str | None]) -> set[int]:
    """The indices of the lines that continue the line above them: no blank line between, a
    space or a tab on either side of the break (found by searching the whole text for them), and
    no entry stamp on either line (each opens an entry of its own)."""
    found: set[int] = set()
    for mark, skip in ((" \n", 2), ("\t\n", 2), ("\n ", 1), ("\n\t", 1)):
        at = text.find(mark)
        while at >= 0:
            start = at + skip  # where the line after the break begins
            i = bisect_left(starts, start)
            wrapped = 0 < i < len(starts) and starts[i] == start and gaps[i - 1] == 0
            if wrapped and stamps[i] is None and stamps[i - 1] is None:
                found.add(i)
            at = text.find(mark, at + 1)
    return found


class Profile(NamedTuple):
    """What the features of one block need to know of the whole text."""

    lower_text: bool  # lower-cased throughout: a tokenised corpus
    usual: float  # the usual paragraph's length in words (the median)
    prose: list[bool]  # each block: a sentence of an article (a dozen words, closed)
    short: list[bool]  # each block: a line of a few words
    text_prose: float  # the share of prose blocks
    text_open: float  # the share of longer blocks with no closing stop
    text_marked: float  # the share of blocks with a caption's marks ("(left)", "pictured", "Label: ...")
    pictured: frozenset[int]  # the blocks saying "pictured"
    labelled: frozenset[int]  # ... opening with a short label and a colon ("Soaked: ...")
    placed: frozenset[int]  # ... placing someone in a picture ("(left)", ", right,")
    aged: frozenset[int]  # ... giving someone's age ("Jane Roe, 54,")
    marked: frozenset[int]  # the blocks with a caption's marks (pictured, labelled or placed)
    hinted: frozenset[int]  # ... or with a word naming media, a slash, an age after a name
    credit_led: frozenset[int]  # the blocks a credit may open ("smith/reuters ...", "©", "Photo:")


def worth_judging(blocks: list[Block], k: int, profile: Profile) -> bool:
    """Whether the model should judge block k at all: a line closed like a sentence, with no
    sign of a picture in it ("pictured", "(left)", a label before a colon, an age after a name,
    a word naming media, a slash credit) and no credit opening the line under it, is the
    article's prose; the model fired on under one in a hundred of those when it judged them all
    (bench/train_linemodel.py), and they are most of a text."""
    t = blocks[k].text
    spaces = t.count(" ")
    if not 0 < spaces < _MAX_WORDS:
        return False  # one word is no caption; the model found none longer than 60 words
    if k in profile.hinted or not t.endswith(_CLOSED_ENDS):
        return True
    return k + 1 in profile.credit_led and _opens_with_credit(blocks[k + 1].text)


def in_article(profile: Profile, k: int) -> bool:
    """Whether block k stands in an article's flow, the only place the model judges: in a text
    that reads mostly as sentences (a page saved whole, its menus and teasers, does not), with a
    sentence among the three blocks above it or the three below (a run of captions stands between
    two of the article's paragraphs)."""
    if profile.text_prose < ARTICLE_PROSE:
        return False
    prose = profile.prose
    return any(prose[max(0, k - _REACH) : k]) or any(prose[k + 1 : k + 1 + _REACH])


_MAX_WORDS = 60
_CLOSED_ENDS = (".", "!", "?", '"', "”", "’", "'", "»")
# Words naming media, looked for in a line's lower case (a loop of `in` tests: the fastest way).
_MEDIA_HINTS = ("pictur", "photo", "image", "video", "footage", "clip", "watch", "graphic", "chart", " map")
ARTICLE_PROSE = 0.3  # the share of a text's blocks that are sentences, in an article
_REACH = 3


def features(doc: Document, blocks: list[Block], k: int, profile: Profile) -> list[float]:
    """The feature row of block k (in FEATURES order). What the whole text's searches found
    (Profile's sets) is looked up; the rest is read off the line's own words."""
    b = blocks[k]
    t = b.text
    low = t.lower()
    words = t.split()
    tokens = low.translate(_PUNCTUATION).split()
    nw = len(tokens) or 1
    prev = blocks[k - 1].text if k > 0 else ""
    nxt = blocks[k + 1].text if k + 1 < len(blocks) else ""
    prev_nw = prev.count(" ") + 1 if prev else 0
    next_nw = nxt.count(" ") + 1 if nxt else 0
    last = t[-1]
    first = t[0]
    digits = _DIGIT.search(t) is not None
    longer = capitalised = 0
    for w in words:
        if len(w) > 3:
            longer += 1
            capitalised += w[0].isupper()
    gaps = doc.paras.gaps
    prose, short = profile.prose, profile.short
    return [
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
        1.0 if k in profile.labelled else 0.0,
        1.0 if ":" in t[:40] and _known_head(low.partition(":")[0]) else 0.0,
        1.0 if k in profile.pictured else 0.0,
        1.0 if k in profile.placed else 0.0,
        1.0 if k in profile.aged else 0.0,
        0.0 if REPORTING_WORDS.isdisjoint(tokens) else 1.0,
        min(3.0, float(sum(map(low.count, _QUOTES)))),
        0.0 if FIRST_PERSON_WORDS.isdisjoint(tokens) else 1.0,
        min(3.0, float(sum(map(t.count, _INNER_STOPS)))),
        low.count("ed ") / nw,
        low.count("ing ") / nw,
        capitalised / longer if longer else 0.0,
        1.0 if len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper() else 0.0,
        1.0 if digits else 0.0,
        1.0 if "http" in low or "www." in low else 0.0,
        float(min(3, sum(map(t.count, _BULLETS_INSIDE)) + t.startswith(_BULLETS))),
        0.0 if FURNITURE_WORDS.isdisjoint(tokens) else 1.0,
        1.0 if digits and _dated(t, tokens) else 0.0,
        1.0 if digits and _priced(t) else 0.0,
        1.0 if "@" in t else 0.0,
        0.0 if PHOTO_WORDS.isdisjoint(tokens) else 1.0,
        0.0 if VIDEO_WORDS.isdisjoint(tokens) else 1.0,
        1.0 if "/" in t and _SLASH_CREDIT.search(t) else 0.0,
        math.log1p(prev_nw),
        math.log1p(next_nw),
        1.0 if prev.endswith(".") else 0.0,
        1.0 if nxt.endswith(".") else 0.0,
        1.0 if prev.endswith((":", "：")) else 0.0,
        1.0 if k - 1 in profile.labelled else 0.0,
        1.0 if k + 1 in profile.labelled else 0.0,
        1.0 if k + 1 in profile.credit_led and _opens_with_credit(nxt) else 0.0,
        min(3.0, float(gaps[b.first - 1])) if b.first > 0 else 3.0,
        min(3.0, float(gaps[b.last])),
        math.log((nw + 1) / ((prev_nw + next_nw) / 2 + 1)),
        math.log((nw + 1) / (profile.usual + 1)),
        1.0 if k == 0 else 0.0,
        1.0 if profile.lower_text else 0.0,
        float(sum(prose[max(0, k - 2) : k]) + sum(prose[k + 1 : k + 3])),
        float(sum(short[max(0, k - 2) : k]) + sum(short[k + 1 : k + 3])),
        profile.text_prose,
        profile.text_open,
        profile.text_marked,
    ]


def _dated(text: str, tokens: list[str]) -> bool:
    """A date or a clock time ("Nov 19, 2019", "08:38 AM")."""
    return not MONTH_WORDS.isdisjoint(tokens) or (":" in text and _CLOCK.search(text) is not None)


_CLOCK = re.compile(r"\d:\d\d")


def _known_head(head: str) -> bool:
    """A label that opens no caption, alone or qualified ("Read more", "Related photos")."""
    head = head.strip()
    return head in _NOT_HEADS or head.split(" ", 1)[0] in _NOT_HEADS


_POSITIONS = "|".join(re.escape(w) for w in sorted(PICTURE_POSITION_WORDS, key=len, reverse=True))
_PLACED = re.compile(r"\(\s?(?:" + _POSITIONS + r")|, (?:" + _POSITIONS + r") ?,")


_CREDIT_OPENING = re.compile(
    r"^(?:[^\W\d_][\w'’.-]*(?:\s[\w'’.-]+){0,2}\s?/\s?[^\W\d_]|©|\(c\)|(?:photo|photograph|picture|image|"
    r"credit|foto|bild)s?\s*:)",
    re.IGNORECASE,
)


def _opens_with_credit(text: str) -> bool:
    return bool(_CREDIT_OPENING.match(text))


def text_profile(doc: Document, blocks: list[Block]) -> Profile:
    """What the features need to know of the whole text (`Profile`). The blocks with a
    caption's marks or a media word are found by searching the whole text for their signs
    (Document.candidates_with: str.find in C), then each hit is checked."""
    sample = [b.text for b in blocks[:: max(1, len(blocks) // 200)]]
    letters = "".join(sample)
    lower_text = letters == letters.lower() and letters != letters.upper()  # cased, and lower
    counts, prose = _prose(blocks)
    lengths = sorted(counts)
    usual = float(lengths[len(lengths) // 2]) if lengths else 10.0
    short = [n <= _SHORT_WORDS for n in counts]
    longer = [b.text for n, b in zip(counts, blocks, strict=True) if n >= _LONGER_WORDS]
    open_ = sum(1 for t in longer if t[-1].isalnum())
    block_of = _block_of(doc, blocks)

    def hits(words: tuple[str, ...], fold: bool = False, within: int | None = None) -> set[int]:
        return {block_of[i] for i in doc.candidates_with(words, within, fold) if block_of[i] >= 0}

    lowered: dict[int, str] = {}

    def lower(k: int) -> str:
        if k not in lowered:
            lowered[k] = blocks[k].text.lower()
        return lowered[k]

    pictured = {k for k in hits(("pictur",), fold=True) if "pictur" in lower(k)}
    labelled = {k for k in hits((":",), within=40) if _HEAD_LABEL.match(blocks[k].text)}
    signs = hits(("(",)) | {block_of[i] for i in doc.candidates(_PLACED_AFTER_COMMA) if block_of[i] >= 0}
    placed = {k for k in signs if k >= 0 and _PLACED.search(lower(k))}
    placed |= {k for k in hits(_PLACE_WORD_SIGNS) if not CAPTION_PLACE_WORDS.isdisjoint(_tokens(lower(k)))}
    marked = pictured | labelled | placed
    media = {k for k in hits(_MEDIA_HINTS, fold=True) if any(map(lower(k).__contains__, _MEDIA_HINTS))}
    aged = {block_of[i] for rx in _AGES for i in doc.candidates(rx) if block_of[i] >= 0}
    hinted = marked | media | aged | hits(("/",))
    n = len(blocks) or 1
    return Profile(
        lower_text,
        usual,
        prose,
        short,
        sum(prose) / n,
        open_ / len(longer) if longer else 0.0,
        len(marked) / n,
        frozenset(pictured),
        frozenset(labelled),
        frozenset(placed),
        frozenset(aged),
        frozenset(marked),
        frozenset(hinted),
        frozenset(hits(("/", "©", ":", "(c)", "(C)"))),
    )


def prose_share(blocks: list[Block]) -> float:
    """The share of a text's blocks that are an article's sentences (a dozen words, closed)."""
    return sum(_prose(blocks)[1]) / (len(blocks) or 1)


def _prose(blocks: list[Block]) -> tuple[list[int], list[bool]]:
    """Each block's words (counted by spaces) and whether it is a sentence of an article."""
    counts = [b.text.count(" ") + 1 for b in blocks]
    return counts, [
        n >= _PROSE_WORDS and b.text.endswith(_PROSE_ENDS) for n, b in zip(counts, blocks, strict=True)
    ]


def _block_of(doc: Document, blocks: list[Block]) -> list[int]:
    """For each line of the text (an index of Document.paras), the block holding it, or -1."""
    found = [-1] * len(doc.paras.texts)
    for k, b in enumerate(blocks):
        for i in range(b.first, b.last + 1):
            found[i] = k
    return found


def _tokens(text: str) -> list[str]:
    return text.lower().translate(_PUNCTUATION).split()


# The signs a caption's placing words stand after, searched for in the whole text.
# ", left", ", Pictured": one search of the whole text (a pattern opening with a literal comma is
# fast, a search for each word in each case was not)
_PLACED_AFTER_COMMA = re.compile(
    r", (?:" + "|".join(re.escape(w) for w in sorted(PICTURE_POSITION_WORDS, key=len, reverse=True)) + ")",
    re.IGNORECASE,
)
_PLACE_WORD_SIGNS = tuple(CAPTION_PLACE_WORDS)


_PROSE_WORDS = 12
_PROSE_ENDS = (*_SENTENCE_ENDS, *_QUOTE_ENDS)
_SHORT_WORDS = 4
_LONGER_WORDS = 8
