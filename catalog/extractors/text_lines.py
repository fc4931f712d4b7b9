"""Media traces with no label, no credit and no lead-in of their own, judged by the line model
(catalog.linemodel): a caption standing alone between an article's paragraphs ("Firefighters at
the scene of the blaze on Friday", "Soaked: Commuters wade through the flooded underpass", "Roe
(right) with her lawyer"), a video marker ("Scroll down for video"), a player's title left alone.

The generic fallback of the text extractors: it runs last, and assemble keeps its finding only
where no other extractor read the line (a rule that knows a shape is surer than a model that
judges a line's look).
"""

from __future__ import annotations

from collections.abc import Iterator

from catalog.document import Document
from catalog.extractors._text import described
from catalog.linemodel import (
    ARTICLE_PROSE,
    blocks_of,
    features,
    in_article,
    load,
    prose_share,
    text_profile,
    worth_judging,
)
from catalog.records import MediaRef
from catalog.vocabulary import VIDEO_WORDS

__all__ = ["extract"]

DETECTOR = "text_lines"


def extract(doc: Document) -> Iterator[MediaRef]:
    blocks = blocks_of(doc)
    if not blocks:
        return
    if prose_share(blocks) < ARTICLE_PROSE:
        return  # a page saved whole, menus and all: no article's flow to stand out of
    model = load()
    profile = text_profile(doc, blocks)
    paras = doc.paras
    for k, block in enumerate(blocks):
        if not in_article(profile, k) or not worth_judging(blocks, k, profile):
            continue
        if " " not in block.text or not model.judge(features(doc, blocks, k, profile)):
            continue  # (one word is no caption)
        tokens = {w.strip(".,:;!?'\"()").lower() for w in block.text.split()}
        kind = "video" if not VIDEO_WORDS.isdisjoint(tokens) else "photo"
        yield described(
            DETECTOR,
            paras[block.first],
            kind,
            caption=block.text,
            context="\n".join(paras.texts[block.first : block.last + 1]),  # the lines it read
            fallback=True,
        )
