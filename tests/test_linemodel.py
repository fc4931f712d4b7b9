"""The line model (catalog.linemodel) and its extractor (text_lines): the shipped weights load and
speak the features' language, a page's wrapped lines are one paragraph, the model judges only an
article's flow, and a rule's reading of a line wins over the model's."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from catalog.assemble import assemble
from catalog.document import build_document
from catalog.extractors import extract_all, text_lines
from catalog.linemodel import FEATURES, Tree, blocks_of, from_json, in_article, load, text_profile
from catalog.options import ScanOptions
from catalog.sources import Source, page_source


def _doc(text: str) -> object:
    src: Source = page_source("story.txt", text.encode("utf-8"), html=False)
    return build_document(src, ScanOptions())


PROSE = (
    "The council said the road would stay closed until engineers had checked the bridge, which was "
    "damaged when the river rose on Thursday night."
)


def test_the_shipped_model_loads_and_speaks_the_features_language() -> None:
    model = load()
    assert model.trees and 0.0 < model.threshold < 1.0 and math.isfinite(model.base)
    for tree in model.trees:
        assert all(
            0 <= f < len(FEATURES) for f, left in zip(tree.feature, tree.left, strict=True) if left >= 0
        )
    data = json.loads((Path(__file__).parent.parent / "catalog" / "linemodel.json").read_text())
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="other features"):
        from_json(data)


def test_a_tree_goes_left_when_the_value_is_not_above_its_threshold() -> None:
    tree = Tree(
        feature=(1, 0, 0), threshold=(0.5, 0.0, 0.0), left=(1, -1, -1), right=(2, -1, -1), value=(0, -1, 1)
    )
    assert tree.leaf([0.0, 0.5]) == -1
    assert tree.leaf([0.0, 0.6]) == 1


def test_lines_a_page_source_wrapped_are_one_paragraph() -> None:
    doc = _doc(
        "Jane Roe (right) with her neighbour outside the house she has lived in \n"
        "for thirty years\n"
        "\n"
        "The water went down on Sunday.\n"
        "\n"
        "Residents began to clear their homes.\n"
    )
    blocks = blocks_of(doc)  # type: ignore[arg-type]
    assert [b.text for b in blocks] == [
        "Jane Roe (right) with her neighbour outside the house she has lived in for thirty years",
        "The water went down on Sunday.",
        "Residents began to clear their homes.",
    ]
    assert (blocks[0].first, blocks[0].last) == (0, 1)


def test_a_space_left_at_a_line_end_joins_nothing_where_paragraphs_are_single_lines() -> None:
    """No blank lines between paragraphs: a space at a line's end (a Markdown break, an
    editor's leftover) is no wrap; and an entry stamp always opens a paragraph of its own."""
    single = _doc(
        "The water went down on Sunday. \nResidents began to clear their homes. \nThe road reopened.\n"
    )
    assert len(blocks_of(single)) == 3  # type: ignore[arg-type]
    stamped = _doc(
        "1640 GMT: Buses leave the city \n\n"
        "1650 GMT: Soaked: Commuters wade through the water \n"
        "1700 GMT: More buses\n"
    )
    assert len(blocks_of(stamped)) == 3  # type: ignore[arg-type]


def test_a_page_saved_whole_is_not_judged() -> None:
    """Menus and teasers: no article's flow for a caption to stand out of."""
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact us"] * 8)
    text = f"{menu}\nSoaked: Commuters wade through the flooded underpass at Wendford station\n{menu}\n"
    doc = _doc(text)
    profile = text_profile(doc, blocks_of(doc))  # type: ignore[arg-type]
    assert profile.text_prose < 0.3
    assert not any(in_article(profile, k) for k in range(len(profile.prose)))
    assert list(text_lines.extract(doc)) == []  # type: ignore[arg-type]


def test_a_caption_standing_alone_in_an_article_is_found() -> None:
    text = "\n\n".join(
        [
            PROSE,
            PROSE,
            "Soaked: Commuters wade through the flooded underpass at Wendford station on Friday",
            PROSE,
        ]
    )
    found = list(text_lines.extract(_doc(text)))  # type: ignore[arg-type]
    assert [(r.line, r.kind, r.fallback) for r in found] == [(5, "photo", True)]
    assert found[0].caption and found[0].caption.startswith("Soaked:")


def test_a_rule_reading_a_line_wins_over_the_model() -> None:
    """ "Pictured: ..." is text_captions' (a label it knows): one mention, the rule's."""
    text = "\n\n".join(
        [PROSE, "Pictured: Commuters wade through the flooded underpass on Friday morning", PROSE]
    )
    doc = _doc(text)
    refs = extract_all(doc)  # type: ignore[arg-type]
    assert {r.detector for r in refs if r.line == 3} == {"text_captions", "text_lines"}
    rows = assemble(doc, refs)  # type: ignore[arg-type]
    assert [(m.line, m.detector) for _, m in rows] == [(3, "text_captions")]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["trees"][0]["left"].__setitem__(0, 0),  # a cycle
        lambda d: d["trees"][0]["right"].__setitem__(0, -1),  # a node with one child
        lambda d: d["trees"][0]["threshold"].__setitem__(0, "0.5"),  # a string for a number
        lambda d: d["trees"][0]["feature"].__setitem__(0, 999),  # a feature the model does not have
        lambda d: d.__setitem__("threshold", 1.5),
        lambda d: d.__setitem__("trees", []),
    ],
)
def test_a_tampered_weights_file_is_refused(tamper: object) -> None:
    data = json.loads((Path(__file__).parent.parent / "catalog" / "linemodel.json").read_text())
    tamper(data)  # type: ignore[operator]
    with pytest.raises(ValueError, match="linemodel.json"):
        from_json(data)


def test_the_compiled_trees_give_the_trees_sum() -> None:
    model = load()
    row = [0.5] * len(FEATURES)
    assert math.isclose(model.raw(row), model.base + sum(t.leaf(row) for t in model.trees))
