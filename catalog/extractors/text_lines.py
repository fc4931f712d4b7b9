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
from catalog.linemodel import _ARTICLE_PROSE, blocks_of, features, in_article, load, text_profile
from catalog.records import MediaRef
from catalog.vocabulary import VIDEO_WORDS

__all__ = ["extract"]

DETECTOR = "text_lines"

_MAX_WORDS = 80  # a caption is a short paragraph: longer ones are the article's


def extract(doc: Document) -> Iterator[MediaRef]:
    blocks = blocks_of(doc)
    if not blocks:
        return
    model = load()
    profile = text_profile(doc, blocks)
    if profile.text_prose < _ARTICLE_PROSE:
        return  # a page saved whole, menus and all: no article's flow to stand out of
    paras = doc.paras
    for k, block in enumerate(blocks):
        words = block.text.split()
        if len(words) > _MAX_WORDS or len(words) < 2 or not in_article(profile, k):
            continue
        if model.score(features(doc, blocks, k, profile)) < model.threshold:
            continue
        tokens = {w.strip(".,:;!?'\"()").lower() for w in words}
        kind = "video" if not VIDEO_WORDS.isdisjoint(tokens) else "photo"
        yield described(
            DETECTOR,
            paras[block.first],
            kind,
            caption=block.text,
            context="\n".join(paras.texts[block.first : block.last + 1]),  # the lines it read
            fallback=True,
        )
