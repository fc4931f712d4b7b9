"""Credit strings turned into person, organisation, role and handle. Pure string work."""

from __future__ import annotations

import re
import unicodedata

from catalog.records import Credit
from catalog.vocabulary import AGENCIES, CREDIT_LABELS

__all__ = ["agency", "label_kind", "parse_credit", "strip_label"]

_ALIASES: dict[str, str] = {}
for _names in AGENCIES:
    for _name in _names:
        _ALIASES[_name.casefold()] = _names[0]

_LABELS = sorted((label for label, _ in CREDIT_LABELS), key=len, reverse=True)
_LABEL_KIND = dict(CREDIT_LABELS)
# "Photo: X", "Photo by X", "Photograph – X"; the label needs a separator unless it ends in by/of.
_LABEL_RX = re.compile(
    r"^\s*(?P<label>" + "|".join(re.escape(label) for label in _LABELS) + r")"
    r"(?:\s*[:：]\s*|\s+[–—-]\s+|(?<=by)\s+|(?<=of)\s+)",
    re.IGNORECASE,
)
_COPYRIGHT_RX = re.compile(r"^\s*(?:©|\(c\)|copyright\b|℗)\s*(?:\d{4}\s*)?", re.IGNORECASE)
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))
_HANDLE_RX = re.compile(r"\(?\s*(@[A-Za-z0-9_.]{1,30}(?:@[\w.-]+)?)\s*\)?")
_SPLIT_RX = re.compile(r"\s*/+\s*|\s+via\s+|\s+for\s+|\s*\|\s*|\s*;\s*", re.IGNORECASE)
_HANDOUT_RX = re.compile(r"\b(?:handout|supplied|social media|ugc|courtesy|pool|file)\b", re.IGNORECASE)
_SUFFIX_RX = re.compile(r"\s*\((?:ausschnitt|cropped|file|archive)\)\s*$", re.IGNORECASE)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def _unbracket(text: str) -> str:
    for left, right in _BRACKETS:
        if text.startswith(left) and text.endswith(right) and text.count(left) == 1:
            return text[1:-1].strip()
    return text


def strip_label(text: str) -> tuple[str, str | None]:
    """The credit without its label ("Photo:", "©", ...), and the label's kind if it names one."""
    text = _unbracket(_clean(text))
    kind: str | None = None
    m = _LABEL_RX.match(text)
    if m:
        kind = _LABEL_KIND.get(m.group("label").casefold())
        text = text[m.end() :]
    m = _COPYRIGHT_RX.match(text)
    if m:
        text = text[m.end() :]
    return _SUFFIX_RX.sub("", text).strip(" .,;:"), kind


def label_kind(text: str) -> str | None:
    """The kind a credit's label implies: "Video: X" is a video."""
    return strip_label(text)[1]


def agency(name: str) -> str | None:
    """The canonical short name of an agency or outlet, or None if it is not one we know."""
    key = name.strip(" .,").casefold()
    key = re.sub(r"\s+(?:photo|photos|images|pictures|news)$", "", key) if key not in _ALIASES else key
    return _ALIASES.get(key)


def parse_credit(text: str) -> Credit:
    """Split a credit as printed into its parts; `raw` is the credit with its label stripped."""
    raw, _ = strip_label(text)
    handle: str | None = None
    m = _HANDLE_RX.search(raw)
    if m:
        handle = m.group(1)
    body = _HANDLE_RX.sub(" ", raw).strip() if handle else raw
    person: str | None = None
    org: str | None = None
    role: str | None = None
    for part in (p.strip(" .,") for p in _SPLIT_RX.split(body)):
        if not part:
            continue
        if _HANDOUT_RX.search(part):
            role = role or "handout"
            rest = _HANDOUT_RX.sub("", part).strip(" .,-")
            if rest and agency(rest):
                org = org or agency(rest)
            continue
        known = agency(part)
        if known:
            org = org or known
        elif person is None and _looks_like_name(part):
            person = part
        elif org is None and person is not None and len(part.split()) <= 4:
            org = part  # "Name / Quanta Magazine": a short second part names who distributes it
    return Credit(raw=raw, person=person, org=org, role=role, handle=handle)


def _looks_like_name(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 6 and any(ch.isalpha() for ch in part)
