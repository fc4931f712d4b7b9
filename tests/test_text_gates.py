"""The cheap tests that spare the text readers their work must never turn away a line a reader
would take: they are speed, not rules. Each is checked against the full readers on every
candidate line of our own fixtures, and on lines written to sit at their edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.credits import agency, may_name_agency
from catalog.document import build_document
from catalog.extractors import text_captions
from catalog.options import ScanOptions
from catalog.sources import read_source
from catalog.vocabulary import AGENCIES

TEXTS = sorted((Path(__file__).parent / "texts").glob("*.txt"))

# Lines at the edges of the gate: each is taken by one reader, by the shape named beside it.
EDGE_LINES = [
    "Rescuers at the bridge on Monday. (AP Photo/Luca Bruno)",  # closing bracket credit
    "(Photo: Sean Fujiwara)",  # a credit alone in brackets
    "(c) Jane Doe",  # a © written as (c)
    "Alpines Lebensgefühl © Österreich Werbung",  # caption closed by ©
    "Photo by Dan Seifert / The Verge",  # a "by" label without colon
    "KARAM AL-MASRI/AFP/Getty Images",  # bare credit, agency in capitals
    "Mike Blake/Reuters files",  # an agency's name with a role word after it
    "Joe Raedle via Getty Images",  # "via" joins parties
    "David McNew—Getty Images",  # an em dash joins parties
    "Tapie en 2008. REUTERS/Benoit Tessier",  # caption closed by a wire's credit
    "Rebels at the crossing on Thursday Photograph: Karam al-Masri/AFP",  # closing label
    "Image source, Reuters",  # a broadcaster's comma label
    "Photograph: Stephanie Keith/Reuters",  # labelled credit
    "Cider and Ice on the harbour wall at dusk. Foto:",  # caption closed by a split label
    "(Credit:",  # a label alone, its credit under it
]
SENTENCE = "Another sentence of the article follows here, in several words."
UNDER = {
    "Cider and Ice on the harbour wall at dusk. Foto:": "David Merrigan",
    "(Credit:": "Marguerite Reardon/CNET)",
}


def _readers(paras, i: int, site: str):  # type: ignore[no-untyped-def]
    para, nxt = paras[i], paras[i + 1] if i + 1 < len(paras) else None
    refs = [
        text_captions._comma_labelled(para, nxt),
        text_captions._split_label(para, nxt, paras, i) if para.text.endswith((":", "：")) else None,
        text_captions._caption_or_credit(para, nxt, paras.texts[i - 1] if i else "", site),
        text_captions._captioned_credit(para),
        text_captions._bracket_credited(para),
        text_captions._copyright_credited(para),
        text_captions._headed_caption(para, paras.texts, i) if i else None,
    ]
    return [ref for ref in refs if ref is not None]


def _check(path: Path) -> tuple[int, int]:
    doc = build_document(read_source(str(path), 10**9), ScanOptions())
    paras = doc.paras
    signed, _ = text_captions._candidates(doc)
    site = paras.texts[0].casefold()
    turned, taken = 0, 0
    for i in sorted(signed):
        found = _readers(paras, i, site)
        taken += bool(found)
        if not text_captions._worth_reading(paras.texts, i):
            turned += 1
            assert not found, f"{path.name}:{paras.lines[i]}: the gate turns away {paras.texts[i]!r}"
    return turned, taken


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_caption_gate_turns_away_no_line_a_reader_takes(path: Path) -> None:
    _check(path)


def test_the_caption_gate_passes_lines_at_its_edges(tmp_path: Path) -> None:
    page = tmp_path / "edges.txt"
    body = "\n\n".join(
        ["Edges of the gate", "An article's first sentence runs on for a good many words here."]
        + [f"{line}\n\n{UNDER.get(line, SENTENCE)}" for line in EDGE_LINES]
        + ["07/14/2022", "Entfernung von Tränensäcken/ Schlupflidern", "(opens in a new tab) and more words"]
    )
    page.write_text(body + "\n", encoding="utf-8")
    turned, taken = _check(page)
    assert taken == len(EDGE_LINES)  # each edge line is read by a reader, none turned away
    assert turned >= 3  # a date, a menu's "A/ B", an aside: turned away, and no reader takes them


def test_every_agency_name_passes_the_agency_pretest() -> None:
    for names in AGENCIES:
        for name in names:
            for written in (f"Jane Doe/{name}", f"{name.upper()} / Jane Doe", f"Jane Doe via {name}."):
                if agency(name) is not None:
                    assert may_name_agency(written), written


def test_the_agency_pretest_turns_away_lines_without_an_agency() -> None:
    assert not may_name_agency("Entfernung von Tränensäcken/ Schlupflidern")
    assert not may_name_agency("07/14/2022")
    assert may_name_agency("lena berg/reuters")


@pytest.mark.parametrize(
    ("line", "reads"),
    [
        ("Ms Mills added: 'I have never seen anything like it.'", False),  # reported speech
        ("The owner said: “We lost everything in ten minutes”", False),
        ('Jetzt macht ihm ein neuer Trend Konkurrenz: "Ikigai"', True),  # a quoted word, no speech
        ("Residents clear debris from the promenade on Tuesday", True),
    ],
)
def test_reported_speech_is_no_caption(line: str, reads: bool) -> None:
    assert text_captions._reads_as_caption(line, 40) is reads
