"""Caption and credit lines in plain text: "PHOTO: Residents await removal", "Pictured: ...",
"Photo: Karam al-Masri/AFP", "Photograph: X/Reuters", "(EPA)", "Credit: NASA", "Foto: dpa".

A credit line attaches to the nearest item above it in the same entry (assemble does that), or
stands as a photo of its own when nothing is above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from catalog.credits import agency, parse_credit
from catalog.document import Document, Para
from catalog.records import MediaRef
from catalog.vocabulary import CREDIT_LABELS, PHOTO_CAPTION_LABELS

__all__ = ["extract", "looks_like_credit"]

DETECTOR = "text_captions"

_LABEL_KIND = dict(CREDIT_LABELS)
_ALL_LABELS = sorted({*(label for label, _ in CREDIT_LABELS), *PHOTO_CAPTION_LABELS}, key=len, reverse=True)
_LABELLED = re.compile(
    r"^\s*\[?(?P<label>" + "|".join(re.escape(label) for label in _ALL_LABELS) + r")"
    r"\s*(?::|：|\s[–—-])\s*(?P<rest>\S.{0,400}?)\]?\s*$",
    re.IGNORECASE,
)
# Lines whose first character opens no label skip the long pattern.
_LABEL_FIRST = frozenset("[" + "".join(lbl[0].lower() + lbl[0].upper() for lbl in _ALL_LABELS))
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)\s)\s*(?P<rest>\S.{1,200})$", re.IGNORECASE)
# A credit alone in brackets: "(EPA)", "(AFP/Getty)", "(Photo: Reuters)".
_BRACKETED = re.compile(r"^\s*[(\[](?P<rest>[^()\[\]]{2,80})[)\]]\s*$")
_PARTICLES = frozenset(
    {
        "al",
        "el",
        "de",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "bin",
        "ibn",
        "abu",
        "la",
        "le",
        "del",
        "dos",
        "y",
        "and",
        "&",
    }
)
_CAPTION_ONLY = frozenset(("pictured", "in pictures", "above", "top", "main image", "watch"))


def looks_like_credit(text: str) -> bool:
    """True when text names who made or supplies media, not what it shows."""
    text = text.strip(" .")
    words = text.split()
    if not words or len(words) > 14:
        return False
    if "/" in text or "©" in text or re.search(r"\bvia\b|\bhandout\b|\bgetty\b", text, re.I):
        return True
    credit = parse_credit(text)
    if credit.org or credit.handle:
        return len(words) <= 8
    if len(words) <= 6:
        return all(
            w[0].isupper() or w.lower().split("-")[0] in _PARTICLES or not w[0].isalpha() for w in words
        )
    return False


def extract(doc: Document) -> Iterator[MediaRef]:
    for para in doc.paras:
        ref = _caption_or_credit(para)
        if ref is not None:
            yield ref


def _caption_or_credit(para: Para) -> MediaRef | None:
    text = para.text
    if not text or len(text) > 500:
        return None
    first = text.lstrip()[:1]
    m = _LABELLED.match(text) if first in _LABEL_FIRST else None
    if m:
        label = m.group("label").casefold()
        rest = m.group("rest").strip()
        kind = _LABEL_KIND.get(label) or ("video" if label == "watch" else "photo")
        if label not in _CAPTION_ONLY and looks_like_credit(rest):
            return _credit(para, rest, kind)
        if label in {lbl for lbl, k in CREDIT_LABELS if k is None}:
            return None  # "Source: the ministry said ..." is prose, not a caption
        return MediaRef(
            kind=kind,
            presence="described",
            detector=DETECTOR,
            position=para.line,
            line=para.line,
            caption=rest.rstrip(":"),
            context=text,
        )
    m = (_COPYRIGHT.match(text) or _BRACKETED.match(text)) if first in "©([" else None
    if m:
        rest = m.group("rest").strip()
        if looks_like_credit(rest) and (agency(rest.split("/")[0]) or "/" in rest or _COPYRIGHT.match(text)):
            return _credit(para, rest, "photo")
    return None


def _credit(para: Para, credit: str, kind: str) -> MediaRef:
    parsed = parse_credit(credit)
    return MediaRef(
        kind=kind,
        presence="described",
        detector=DETECTOR,
        position=para.line,
        line=para.line,
        credit=parsed.raw or credit,
        credit_person=parsed.person,
        credit_org=parsed.org,
        credit_role=parsed.role,
        context=para.text,
        attaches=True,
    )
