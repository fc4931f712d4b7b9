"""Caption and credit lines in plain text: "PHOTO: Residents await removal", "Pictured: ...",
"Photo: Karam al-Masri/AFP", "Photograph: X/Reuters", "(EPA)", "Credit: NASA", "Foto: dpa";
a caption with its credit at the end ("Rebels at the crossing Photograph: X/AFP/Getty Images");
and the tabloid "Label: caption" line ("Devastation: The remains of the market on Tuesday").

A credit line attaches to the nearest item above it in the same entry (assemble does that), or
stands as a photo of its own when nothing is above it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import compress, count

from catalog.credits import (
    agency,
    can_name,
    is_bare_credit,
    looks_like_credit,
    may_name_agency,
    names_nobody,
    parse_credit,
    strip_label,
)
from catalog.document import Document, Para, Paras
from catalog.extractors._dates import byline_date
from catalog.extractors._text import SENTENCE_ENDS, described
from catalog.providers import identify
from catalog.records import MediaRef, changed
from catalog.vocabulary import (
    AGENCIES,
    COMMA_LABELS,
    CREDIT_LABEL_QUALIFIERS,
    CREDIT_LABELS,
    ENLARGE_WORDS,
    FUSED_CREDIT_AGENCIES,
    LABEL_QUALIFIERS,
    LEGAL_LINKS,
    LONE_CREDIT_AGENCIES,
    NAME_PARTICLES,
    NOT_CAPTION_HEADS,
    NOTICE_HOLDERS,
    PHOTO_CAPTION_LABELS,
    PICTURE_POSITION_WORDS,
    RIGHTS_NOTICES,
    SOURCE_LABELS,
    SPEECH_VERBS,
)

__all__ = ["extract"]

DETECTOR = "text_captions"

_LABEL_KIND = dict(CREDIT_LABELS)
_ALL_LABELS = sorted({*(label for label, _ in CREDIT_LABELS), *PHOTO_CAPTION_LABELS}, key=len, reverse=True)
_QUALIFIERS = frozenset(LABEL_QUALIFIERS + CREDIT_LABEL_QUALIFIERS)
# Any label, after an optional qualifier ("EXCLUSIVE VIDEO", "Top Image", "Archive photo").
_QUALIFIED = r"(?:(?:" + "|".join(sorted(_QUALIFIERS)) + r")\s+)?"
_LABEL_ALTERNATION = "|".join(re.escape(label) for label in _ALL_LABELS)
_LABELLED = re.compile(
    r"^\s*\[?" + _QUALIFIED + r"(?P<label>" + _LABEL_ALTERNATION + r")"
    r"\s*(?::|：|\s[–—-])\s*(?P<rest>\S.{0,400}?)\]?\s*$",
    re.IGNORECASE,
)
# "… on Thursday Photograph: Karam al-Masri/AFP/Getty Images": a credit closing a caption line.
_CREDIT_LABEL_NAMES = sorted((lbl for lbl, _ in CREDIT_LABELS), key=len, reverse=True)
_TRAILING = re.compile(
    r"^(?P<caption>\S.{8,400}?)[\s.]+(?P<label>"
    + "|".join(re.escape(lbl) for lbl in _CREDIT_LABEL_NAMES)
    + r")\s*[:：]\s*(?P<credit>[^:：]{2,120}?)\s*$",
    re.IGNORECASE,
)
_TRAILING_LABELS = tuple(_CREDIT_LABEL_NAMES)
_TRAILING_LABELS_FOLDED = tuple(label.casefold() for label in _CREDIT_LABEL_NAMES)
# "Devastation: The remains of the market on Tuesday (pictured)".
_HEADED = re.compile(r"^(?P<head>[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,2})\s*:\s+(?P<rest>\S.{20,400})$")
_NOT_HEADS = frozenset(NOT_CAPTION_HEADS)
_POSITION = re.compile(
    r"\((?:" + "|".join(re.escape(w) for w in PICTURE_POSITION_WORDS) + r")\b[^)]{0,40}\)|\bpictured\b",
    re.IGNORECASE,
)
_COMMA_LABEL = {label: (what, kind) for label, what, kind in COMMA_LABELS}
_COMMA_LABELLED = re.compile(
    r"^\s*(?P<label>" + "|".join(re.escape(lbl).replace(r"\ ", r"\s+") for lbl in _COMMA_LABEL) + r")"
    r"\s*,?\s+(?P<rest>\S.{0,400})$",
    re.IGNORECASE,
)
_COMMA_OPENINGS = frozenset(label[:5] for label in _COMMA_LABEL)
_SIGNS = (":", "：", " – ", " — ", " - ", "/", " via ", ")", "©")
_OPENING_SIGNS = ("(", "[")  # a line opening with © holds a sign of _SIGNS already
# The comma labels' last words: "Image source", "Media caption", "Image copyright".
_COMMA_WORDS = tuple(dict.fromkeys(label.split()[-1] for label in _COMMA_LABEL))
_SENTENCE_ENDS = (*SENTENCE_ENDS, "'")  # tabloids quote in single quotes
_PROSE_WORDS = 8
_MAX_LINE = 600  # the longest line a reader here takes (_bracket_credited's)
_WATCH = re.compile(r"^(?:watch|listen|video)\s*:\s*", re.IGNORECASE)
_TRAILING_BRACKET = re.compile(
    r"^(?P<caption>\S.{15,}?)\s*\((?P<credit>[^()]*(?:/|\bPhoto\b|\bvia\b)[^()]*)\)$"
)
_LABEL_SET = frozenset(label.casefold() for label in _ALL_LABELS)
_SEPARATOR = re.compile(r":|：| –| —| -")
_SEPARATORS = " |∙·•–—-"
_LEGAL_LINKS = frozenset(LEGAL_LINKS)
# Reported speech: a speech verb, a colon and the words quoted ("The owner said: 'I have ...'").
_SPEECH_QUOTED = re.compile(
    r"\b(?:" + "|".join(map(re.escape, SPEECH_VERBS)) + r")\s*:\s*['\"“‘„«]", re.IGNORECASE
)
_FOOTER_REACH = 3  # lines either side of a © line where a legal link marks the footer
# "Ã©" is an "é" decoded twice (UTF-8 read as Latin-1), no © ("MÃ©xico"): the lookbehind.
_TRAILING_COPYRIGHT = re.compile(
    r"^(?P<caption>[^\W\d_].{2,400}?)[\s" + re.escape(_SEPARATORS) + r"]*(?<!Ã)©\s*(?P<credit>[^©]{2,120})$"
)
_PROSE_WORDS = 12  # the article going on under a caption: a sentence of a dozen words at least
_CLOSED = (*SENTENCE_ENDS, '"', "”", "»", ")", ":")  # a line ending so is no caption under a credit
_CREDIT_WORDS = 10  # a credit after © is short: "Österreich Werbung / Peter Burgstaller"
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)\s)\s*(?P<rest>\S.{1,200})$", re.IGNORECASE)
# A credit alone in brackets: "(EPA)", "(AFP/Getty)", "(Photo: Reuters)".
_BRACKETED = re.compile(r"^\s*[(\[](?P<rest>[^()\[\]]{2,80})[)\]]\s*$")
_YEAR_FIRST = re.compile(r"^(?:19|20)\d\d\b")
# "(m/w/d)", "(w/m/d)", "(f/m/x)": the genders a job ad addresses.
_JOB_AD = re.compile(r"\(\s*[a-z]\s*/\s*[a-z]\s*/\s*[a-z]\s*\)", re.IGNORECASE)
_FULL_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b")
_YEAR_LAST = re.compile(r"\b(?:19|20)\d\d\.?$")
_KINDLESS_LABELS = frozenset(label for label, kind in CREDIT_LABELS if kind is None)
_SOURCE_LABELS = frozenset(SOURCE_LABELS)
# A label alone on its line, its credit on the next ("(Credit:" then "Marguerite Reardon/CNET)"):
# a link in the credit broke the line when the page was saved as text.
_LABEL_ALONE = re.compile(
    r"^[(\[]?\s*" + _QUALIFIED + r"(?:" + _LABEL_ALTERNATION + r")(?:\s*[:：]|(?<=\sby))$",
    re.IGNORECASE,
)
_BY_LABELS = tuple(label for label in _ALL_LABELS if label.endswith(" by"))
# A caption closed by a credit label, its credit on the next line: "Cider and Ice. Foto:".
_CLOSING_LABEL = re.compile(
    r"^(?P<caption>[^\W\d_].{3,300}?[.!?])\s+(?P<label>(?:"
    + "|".join(re.escape(label) for label in _CREDIT_LABEL_NAMES)
    + r")\s*[:：])$",
    re.IGNORECASE,
)
# "Photo by Dan Seifert / The Verge": a label of the "by" kind needs no colon.
_BY_LABELLED = re.compile(
    r"^[(\[]?\s*(?P<label>" + "|".join(re.escape(label) for label in _BY_LABELS) + r")\s+"
    r"(?P<rest>[^\s:].{1,118}?)[\])]?$",
    re.IGNORECASE,
)
# "( 15 images )" beside a slideshow's link: how many pictures a gallery holds.
_GALLERY_COUNT = re.compile(r"\d+\s+(?:images|photos|pictures|fotos|bilder|photographs)", re.IGNORECASE)
# A comma label alone on its line ("Image caption" over the caption: BBC pages saved as text).
_COMMA_ALONE = frozenset(
    spelling
    for label in _COMMA_LABEL
    for spelling in (label, label.capitalize(), label.title(), label.upper())
)
# A picture agency's name alone on a line ("AP", "Reuters", "AP Photo"): a credit.
_LONE_NAMES = sorted(
    {
        name
        for row in AGENCIES
        if row[0] in LONE_CREDIT_AGENCIES
        for name in row
        if len(name) > 2 or name == "AP"
    },
    key=len,
    reverse=True,
)
# ... in the spellings pages use ("AP", "Reuters", "REUTERS", "AP Photo"), for set lookups.
_LONE_LINES = frozenset(
    spelling
    for name in _LONE_NAMES
    for word in ("", " photo", " photos", " images")
    for line in (name + word, name.title() + word.title())
    for spelling in (line, line.upper(), line.lower(), line.title())
) | frozenset(name + word for name in LONE_CREDIT_AGENCIES for word in ("", " Photo", " Photos", " Images"))
# An "Enlarge" control alone on its line, in the spellings pages use, for set lookups.
_ENLARGE_LINES = frozenset(
    opening + spelling
    for word in ENLARGE_WORDS
    for spelling in (word, word.capitalize(), word.title(), word.upper())
    for opening in ("", "[+] ", "[+]", "+ ")
)
_MAX_LONE = 62
_TIME_WORDS = 6
_DASHES = " -–—"
_AGENCY_CLOSED = re.compile(r"^(?P<caption>[^\W\d_].{6,400}?[.!?])\s+(?P<credit>[^\s.][^.!?]{2,80})$")
_MAX_BY_LINE = 124
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")  # not after "N." or "U.S."
# A caption beside a credit line: more words make an article's paragraph.
_CAPTION_MIN_WORDS = 4
_CAPTION_WORDS = 40
_CAPTION_WORDS_BELOW = 25
_MAX_BARE = 90  # the longest bare credit line (credits.is_bare_credit)
# "(Watch TIME's video "Oil Spill Anxiety on the Bayou.")": an aside that links to media.
_ASIDE_LINK = re.compile(
    r"^(?:watch|listen to|see|view)\b.*?\b(?P<what>videos?|footage|photos|pictures|gallery|slideshow"
    r"|podcast|audio)\b",
    re.IGNORECASE,
)
_ASIDE_KIND = {"footage": "video", "podcast": "audio", "audio": "audio", "photos": "gallery",
               "pictures": "gallery", "gallery": "gallery", "slideshow": "gallery"}  # fmt: skip
_QUOTED = re.compile(r"[\"“](?P<title>[^\"”]{3,200})[\"”]")
# A photographer's name and a picture agency joined by a slash inside a line, the way a corpus
# that lost a page's line breaks keeps a caption's credit ("... take part in the search .
# rahman/afp/getty images officials said ...", "mike pence robinson/ap donald trump was ...").
_PICTURE_AGENCY_NAMES = sorted(
    {name.casefold() for row in AGENCIES if row[0] in FUSED_CREDIT_AGENCIES for name in row},
    key=len,
    reverse=True,
)
_AGENCY_ALTERNATION = "|".join(re.escape(n).replace(r"\ ", r"\s") for n in _PICTURE_AGENCY_NAMES)
_FUSED_CREDIT = re.compile(
    r"(?:^|(?<=\s))(?P<credit>-?(?P<who>(?:[^\W\d_][\w'’.-]*\s)?(?P<last>[^\W\d_][\w'’.-]*))\s?/\s?"
    r"(?:" + _AGENCY_ALTERNATION + r")(?:\s?/\s?(?:" + _AGENCY_ALTERNATION + r"))*)(?=$|[\s.,;:)])",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(("the", "a", "an", "and", "or", "of", "in", "on", "by", "for", "to", "with", "via"))
_PARTICLES = frozenset(NAME_PARTICLES)
# A studio's name in brackets credits the picture: "(Al ‘Hughes’ Dukes Photography)".
_STUDIO_WORDS = ("photography", "photo", "photos", "images", "pictures", "studio", "studios")
_SHORT_LINES = (
    _LONE_LINES
    | _ENLARGE_LINES
    | _COMMA_ALONE
    | frozenset(s for label in _BY_LABELS for s in (label.capitalize(), label.title(), label.upper()))
)
# A byline's line, or a date alone: what stands around a story's own credit.
_BYLINE = re.compile(
    r"^\s*(?:(?:written\s+)?by\b|von\s|par\s|por\s)|^[^.!?]{0,30}\b(?:19|20)\d\d\s*$", re.IGNORECASE
)
# A handle as a comment's head: "MochaLite:", "Watch_The_Vote:", "UpNorthGuyWI:".
_USERNAME = re.compile(r"^\S*(?:[a-z][A-Z]|_|\d)\S*$")
_CAPTION_ONLY = frozenset(("pictured", "in pictures", "above", "top", "main image", "watch"))


def extract(doc: Document) -> Iterator[MediaRef]:
    paras = doc.paras
    taken = -1  # a caption line already read with the source line above it
    site = paras.texts[0].casefold() if len(paras) else ""  # the first line: the page's title
    signed, short = _candidates(doc)
    used: set[int] = set()  # lines read as items, their credits or their captions
    live = doc.is_live_blog
    texts = paras.texts
    for i in sorted(signed | short):
        if i <= taken:
            continue
        if i not in short and not _worth_reading(texts, i):
            continue  # no reader below can take this line: spare it their work
        para = paras[i]
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if i in short:  # "AP", "Courtesy G4", "[+] Enlarge": short lines read only here
            ref = (
                _enlarge_sign(para, nxt)
                or _comma_label_alone(para, nxt)
                or _split_label(para, nxt, paras, i)
                or _lone_credit(para, paras[i - 1] if i > 0 else None, nxt)
            )
            if ref is not None:
                taken = _last_read(ref, texts, i)  # the credit line under the control is read
                yield _with_caption_beside(ref, paras, i, True, max(i, taken), used, live)
                continue
            if i not in signed:
                continue
        ref = _comma_labelled(para, nxt)
        if ref is None and para.text.endswith((":", "：")):
            ref = _split_label(para, nxt, paras, i)
        if ref is not None:
            taken = _last_read(ref, texts, i)  # the caption or the credit under the label is read
            yield _with_caption_beside(ref, paras, i, False, max(i, taken), used, live)
            continue
        ref = (
            # "Die neue AfD-Fraktion im Bundestag© Odd Andersen /AFP": the © divides caption
            # and credit before the slash's parties are read
            _copyright_credited(para)
            or _caption_or_credit(para, nxt, paras.texts[i - 1] if i > 0 else "", site)
            or _captioned_credit(para)
            or _fused_credit(para)
            or _bracket_credited(para)
            or (_headed_caption(para, texts, i) if i > 0 else None)
        )
        if ref and not _footer_notice(texts, i):
            yield _with_caption_beside(ref, paras, i, False, i, used, live)


def _worth_reading(texts: list[str], i: int) -> bool:
    """Whether one of the readers of a signed line can take it: each reader's own first tests,
    asked of the line's text before any Para is made (most candidate lines are a date, an
    address, a menu's "A / B" or an aside in brackets, which none takes). The cheap tests go
    first."""
    text = texts[i]
    if not text or "©" in text:
        return bool(text)  # _copyright_credited, and _caption_or_credit's ©
    if text[:5].lower() in _COMMA_OPENINGS or " by " in text[:24].lower():
        return True  # _comma_labelled; _caption_or_credit's "Photo by" labels
    last = text[-1]
    if last == ")" and _BRACKET_SIGNS.search(text, text.rfind("(") + 1):
        return True  # _bracket_credited: "(AP Photo/Luca Bruno)"
    if text[0] in "([" and ((last in ")]" and len(text) <= 90) or text[:3].lower() == "(c)"):
        return True  # _caption_or_credit's credit alone in brackets
    if last in ":：" and text.rstrip(":： ").casefold().endswith(_LABEL_ENDINGS):
        return True  # _split_label: "(Credit:", "Cider and Ice. Foto:"
    if "/" in text or " via " in text or "—" in text:
        if len(text) <= 90 and may_name_agency(text):
            return True  # is_bare_credit: one of the parties is an agency
        if "/" in text[-80:] and may_name_agency(text.rstrip(_DASHES)[-82:]):
            return True  # _agency_closed: "... on Monday. AFP/John Doe"
        if len(text) > 90 and may_name_agency(text):
            return True  # _fused_credit: "mike pence robinson/ap donald trump was ..."
    if ":" not in text and "：" not in text and not _SEPARATOR.search(text, 1, 48):
        return False
    if _opens_with_label(text):
        return True  # _caption_or_credit's labels
    if _has_closing_label(text):
        return True  # _captioned_credit's closing label
    head_end = text.find(":")  # _headed_caption's: a short head, then twenty characters at least
    return i > 0 and 0 < head_end < 40 and len(text) - head_end > 21 and _beside_prose(texts, i)


# What a closing bracket's credit holds (_TRAILING_BRACKET), searched after the last "(".
_BRACKET_SIGNS = re.compile(r"/|\bPhoto\b|\bvia\b")
_LABEL_ENDINGS = tuple(label.casefold() for label in _ALL_LABELS)


def _with_caption_beside(
    ref: MediaRef, paras: Paras, i: int, below_first: bool, after: int, used: set[int], live_blog: bool
) -> MediaRef:
    """A credit line alone ("Photograph: X/AFP", "AP", "(Photo: X)") with the caption line beside
    it, in a page saved as text: a credit that closes a caption stands under it (CNN's, TIME's),
    an agency's name or an "Enlarge" control over it (ESPN's, Fox's) or under it. (A labelled
    credit's line below is the article going on: "Photograph: X/Reuters" over "The fire
    started ...", under a lead-in whose item it credits.) The line must read as a
    caption: a few words to a short paragraph (shorter under the credit, where an article's first
    paragraph may stand), no label, no credit, no heading, no date, and no other item's line."""
    used.update(range(i, after + 1))
    if ref.caption is not None or ref.credit is None or ref.kind != "photo" or live_blog:
        return ref  # in a live blog a credit line credits the item above it (assemble)
    above, below = i - 1, after + 1
    # under a labelled credit or a © line, the line below is its caption only when the line
    # above is none and it reads as one printed there (_caption_under)
    for k in (below, above) if below_first else (above, below):
        limit = _CAPTION_WORDS if k == above else _CAPTION_WORDS_BELOW
        if (
            0 <= k < len(paras)
            and k not in used
            and paras.stamps[k] is None
            and (below_first or k == above or _caption_under(paras.texts, k))
            and _reads_as_caption(paras.texts[k], limit)
        ):
            used.add(k)
            return changed(ref, caption=paras.texts[k].strip())
    return ref


def _caption_under(texts: list[str], k: int) -> bool:
    """A caption printed under its credit ("© UC Global" over "From the powerpoint surveillance
    instructions provided to Morales ..."): a line ending in no stop, with no label in it, and
    the article going on under it in whole sentences. A line of the article broken at a link
    ("Eine weitere ... Quelle ist" / "Wikipedia") or a teaser over a heading is none."""
    text = texts[k].rstrip()
    if text.endswith(_CLOSED) or ": " in text:
        return False
    after = texts[k + 1].rstrip() if k + 1 < len(texts) else ""
    return after.endswith(SENTENCE_ENDS) and len(after.split()) >= _PROSE_WORDS


def _reads_as_caption(text: str, limit: int) -> bool:
    words = text.split()
    if not _CAPTION_MIN_WORDS <= len(words) <= limit or text.rstrip().endswith(":"):
        return False
    if _title_case(words) and " and " not in text and "," not in text and not text.rstrip().endswith("."):
        # "The Night Shift": a heading ("Samuel Alito and Elizabeth Prelogar" names); a German
        # sentence capitalises its nouns ("Auch Herbert Grönemeyer gehört zu den Unterstützern.")
        return False
    if byline_date(text) or _BYLINE.match(text) or _SPEECH_QUOTED.search(text):
        return False  # a date, a byline, "The owner said: 'I have never seen ...'"
    first = text.lstrip()[:1]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'"):
        return False
    if text.rstrip().endswith(("»", "…", "...", "›", "→")) or len(_SENTENCE_BREAK.findall(text)) > 1:
        return False  # "Weitere Infos lesen hier »", a link; three sentences are an article's
    return not (
        _opens_with_label(text)
        or "http" in text
        or text.startswith(("©", "("))
        or is_bare_credit(text)
        or agency(text) is not None
    )


def _candidates(doc: Document) -> tuple[set[int], set[int]]:
    """Lines no longer than any reader here takes, with the sign of one of its shapes: a colon or
    a dash after a label, a slash or "via" between parties, a bracket (a closing credit, or one
    alone), an opening ©, a broadcaster's comma label ("Image source, "); and the short lines
    that are a picture agency's name, a courtesy line or an "Enlarge" control. Whole-text
    searches and set intersections find them (C speed, whatever the number of lines); Python
    looks only at the hits."""
    texts = doc.paras.texts
    found = doc.candidates_with(_SIGNS)
    found.update(i for i in doc.candidates_with(_OPENING_SIGNS) if texts[i][:1] in _OPENING_SIGNS)
    found.update(i for i in doc.candidates_with(_COMMA_WORDS) if texts[i][:5].lower() in _COMMA_OPENINGS)
    signed = {i for i in found if len(texts[i]) <= _MAX_LINE}
    signed.update(i for i in doc.candidates_with(("photo by",), fold=True) if len(texts[i]) <= _MAX_BY_LINE)
    signed.update(
        i for i in doc.candidates_with(("—",)) if len(texts[i]) <= _MAX_BARE
    )  # "McNew—Getty Images"
    short = {i for i in doc.candidates_with(("courtesy",), fold=True) if len(texts[i]) <= _MAX_LONE}
    lines = _SHORT_LINES.intersection(texts)
    if lines:
        found_lines = list(compress(count(), map(lines.__contains__, texts)))  # in C
        after = Counter(texts[i + 1] for i in found_lines if texts[i] in _LONE_LINES and i + 1 < len(texts))
        if after and after.most_common(1)[0][1] > 1:
            # A list of stories, each with its source and the same controls under it ("AFP",
            # "Save"; "Associated Press", "Save"): a template's, no picture's credits. A
            # picture's credit line stands over its own caption.
            found_lines = [
                i
                for i in found_lines
                if texts[i] not in _LONE_LINES or after[texts[i + 1] if i + 1 < len(texts) else ""] < 2
            ]
        short.update(found_lines)
    return signed, short


def _comma_labelled(para: Para, nxt: Para | None) -> MediaRef | None:
    """ "Image source, Reuters" and "Image caption, Waves crash ..." (the source line first, the
    caption under it): one picture with both; either alone is a credit line or a caption."""
    if para.text[:5].lower() not in _COMMA_OPENINGS:
        return None
    m = _COMMA_LABELLED.match(para.text)
    if not m:
        return None
    what, kind = _COMMA_LABEL[" ".join(m.group("label").lower().split())]
    rest = m.group("rest").strip()
    if what == "caption":
        return _described(para, kind, _WATCH.sub("", rest), para.text)
    below = _COMMA_LABELLED.match(nxt.text) if nxt is not None else None
    caption = None
    context = para.text
    below_label = " ".join(below.group("label").lower().split()) if below else ""
    if nxt is not None and below and _COMMA_LABEL[below_label][0] == "caption":
        caption, context = _WATCH.sub("", below.group("rest").strip()), f"{para.text}\n{nxt.text}"
    return _credit(para, rest, kind, caption, context)


def _bracket_credited(para: Para) -> MediaRef | None:
    """ "Rescuers evacuate residents in Faenza, Wednesday. (AP Photo/Luca Bruno)": a caption
    closed by its credit in brackets, written the way credits are (a slash, "Photo", "via");
    prose that ends with "(Reuters)" names its source, not a picture's."""
    text = para.text.rstrip()
    if not text.endswith(")") or len(text) > _MAX_LINE:
        return None
    m = _TRAILING_BRACKET.match(text)
    if not m or not looks_like_credit(m.group("credit")) or ":" in strip_label(m.group("credit"))[0]:
        return None  # "(Home/Slideshow/Interactive: Fox News/SBC)": a menu's path, no credit
    if _JOB_AD.search(m.group("caption")):
        return None  # "Bauingenieur (m/w/d) als Projektleiter (Master / Dipl.-Ing.)": a job ad
    credit = parse_credit(m.group("credit"))
    if not (credit.person or credit.org):
        return None
    return _credit(para, m.group("credit"), "photo", m.group("caption").strip())


def _copyright_credited(para: Para) -> MediaRef | None:
    """ "Almabtrieb in Tirol: geschmückte Kuh © Tirol Werbung / Bernhard Aichner", "Kloster
    Einsiedeln vom Friherrenberg aus gesehen. | © Eva Meienberg": a caption closed by its ©
    credit, the way Austrian, Swiss and German sites print them."""
    text = para.text.strip()
    if text.find("©", 1) < 0 or len(text) > _MAX_LINE:
        return None  # the pattern scans the line lazily: only a line with a © is worth it
    m = _TRAILING_COPYRIGHT.match(text)
    if not m:
        return None
    credit, caption = m.group("credit").strip(), m.group("caption").strip(_SEPARATORS)
    folded = caption.casefold()
    if (
        _is_notice(credit)
        or folded.endswith("copyright")
        or len(credit.split()) > _CREDIT_WORDS
        or any(notice in folded for notice in RIGHTS_NOTICES)
    ):
        return None  # "Copyright © Süddeutsche Zeitung GmbH", "無断使用を禁じます © X": the page's notice
    return _credit(para, credit, "photo", caption)  # whatever follows © names who holds the rights


def _described(para: Para, kind: str, caption: str, context: str) -> MediaRef:
    return described(
        DETECTOR,
        para,
        kind,
        caption=caption,
        context=context,
    )


def _caption_or_credit(
    para: Para, nxt: Para | None = None, prev: str = "", site: str = ""
) -> MediaRef | None:
    text = para.text
    if not text or len(text) > 500:
        return None
    first = text.lstrip()[:1]
    m = _LABELLED.match(text) if _opens_with_label(text) else None
    if m:
        label = m.group("label").casefold()
        rest = m.group("rest").strip()
        kind = _LABEL_KIND.get(label) or ("video" if label == "watch" else "photo")
        if (
            label not in _CAPTION_ONLY
            and looks_like_credit(rest)
            and not _in_labelled_list(label, prev, nxt.text if nxt else "")
        ):
            return _credit(para, rest, kind)
        if label in _KINDLESS_LABELS:
            return None  # "Source: the ministry said ..." is prose, not a caption
        if rest.startswith(("http://", "https://")) and " " not in rest and identify(rest):
            return None  # "Footage: https://vimeo.com/1": the platform's address is the item (text_posts)
        return described(
            DETECTOR,
            para,
            kind,
            caption=rest.rstrip(":"),
            context=text,
        )
    m = _BY_LABELLED.match(text) if " by " in text[:24].lower() else None
    if m and looks_like_credit(m.group("rest")):
        return _credit(para, m.group("rest").strip(), _LABEL_KIND.get(m.group("label").casefold()) or "photo")
    m = (_COPYRIGHT.match(text) or _BRACKETED.match(text)) if first in "©([" else None
    if m:
        rest = m.group("rest").strip()
        if _GALLERY_COUNT.fullmatch(rest):
            return described(DETECTOR, para, "gallery", context=text)  # "( 15 images )"
        if _is_notice(rest):
            return None  # "© 2014 Cable News Network.", "© Viehbacher 2016": the page's notice
        if first == "(" and nxt is not None and nxt.text.startswith(("--", "—", "–")):
            return None  # "(CNN)" then "-- The official said ...": a dateline
        if first in "([":
            link = _aside_link(para, rest)
            if link is not None:
                return link
        if _COPYRIGHT.match(text) and site and not agency(rest) and rest.casefold() in site:
            return None  # "© Libération" in a page titled "... - Libération": the site's notice
        if looks_like_credit(rest) and (
            agency(rest.split("/")[0])
            or ("/" in rest and all(can_name(part) for part in rest.split("/")))
            or _COPYRIGHT.match(text)
            or strip_label(rest)[0] != rest  # "(Photo: Sean Fujiwara)"
            or rest.casefold().endswith(_STUDIO_WORDS)
        ):
            return _credit(para, rest, "photo")
        return None
    if is_bare_credit(text):
        return _credit(para, text.strip(), "photo")
    return None


def _footer_notice(texts: list[str], i: int) -> bool:
    """ "© Intel Corporation" among "Jobs" and "Terms of Use": the site's own notice in its
    footer, where a legal or service link ("Impressum", "Privacy Policy") stands alone within a
    few lines. A © that names its picture ("© Foto: Johanna Link") is a credit wherever it is."""
    text = texts[i]
    if not text.startswith("©"):
        return False
    rest = text.lstrip("© ")
    if not rest.startswith(strip_label(rest)[0]):
        return False  # a label was taken off: "Foto:"
    return any(
        line.strip(_SEPARATORS).casefold() in _LEGAL_LINKS
        for line in texts[max(0, i - _FOOTER_REACH) : i + _FOOTER_REACH + 1]
    )


def _is_notice(rest: str) -> bool:
    """What follows a © is the page's copyright notice, not a picture's credit, when it opens
    with a year or the word copyright, or closes with a year after a name no agency has
    ("© Viehbacher 2016"; "© Reuters 2021" credits a picture)."""
    folded = rest.casefold()
    if any(holder in folded for holder in NOTICE_HOLDERS):
        return True  # "© Thomson Reuters 2020" under a wire story
    if _YEAR_FIRST.match(rest) or folded.startswith("copyright") or _FULL_DATE.search(rest):
        return True  # "©SZ vom 15.05.2019/vit": an article's notice, dated
    return bool(_YEAR_LAST.search(rest)) and agency(_YEAR_LAST.sub("", rest).strip(" ,.")) is None


def _opens_with_label(text: str) -> bool:
    """The words before the first colon or dash are a label (after a qualifier: "EXCLUSIVE
    VIDEO:", "Top Image:"): a dict lookup that spares most lines the long label pattern."""
    m = _SEPARATOR.search(text, 1, 48)
    if m is None:
        return False
    words = text[: m.start()].strip(" [").lower().split()
    if len(words) > 1 and words[0] in _QUALIFIERS:
        words = words[1:]
    return " ".join(words) in _LABEL_SET


def _in_labelled_list(label: str, prev: str, nxt: str) -> bool:
    """ "Photos: East Coast quake", "Photos: Hurricane Irene", "Photos: Steve Jobs resigns": a
    line between two under its own label is in a list of galleries or videos, whose titles are
    no credits (a caption line and its credit line share a label too: "PHOTO:", "Photo:")."""
    return all(line[: len(label) + 1].casefold() == label + ":" for line in (prev, nxt))


def _beside_words(para: Para | None) -> bool:
    """A line of several words (a caption, a sentence), not a menu's link or a label."""
    return para is not None and len(para.text.split()) >= 3 and not para.text.rstrip().endswith(":")


def _comma_label_alone(para: Para, nxt: Para | None) -> MediaRef | None:
    """ "Image caption" over the caption's line: BBC's label, broken from its text."""
    if para.text not in _COMMA_ALONE or nxt is None or len(nxt.text) > _MAX_LINE:
        return None
    ref = _comma_labelled(para._replace(text=f"{para.text}, {nxt.text}"), None)
    return changed(ref, context=f"{para.text}\n{nxt.text}") if ref is not None else None


_MAX_NAME_LINE = 60  # a name (and its agency) alone on a line under a licence


def _last_read(ref: MediaRef, texts: list[str], i: int) -> int:
    """The last of the lines under line i that the item read (its context holds them), or i."""
    lines = ref.context.split("\n") if ref.context else ()
    k = i
    while k + 1 < len(texts) and texts[k + 1] in lines:
        k += 1
    return k


def _split_label(para: Para, nxt: Para | None, paras: Paras, i: int) -> MediaRef | None:
    """ "(Credit:" then "Marguerite Reardon/CNET)", "Image:" then "John D. Carnessiotis on
    Flickr": a credit label alone on its line and the credit on the next one; or a caption
    closed by the label ("Cider and Ice. Foto:" over "David Merrigan"). A licence alone under
    the label ("CC-BY-NC 2.0") names nobody: the name on the line under it completes it."""
    text = para.text.strip()
    if nxt is None:
        return None
    closed = _closing_label(text)
    if closed is not None:
        ref = _split_label(para._replace(text=closed.group("label")), nxt, paras, i)
        return changed(ref, caption=closed.group("caption").strip()) if ref is not None else None
    credit = _credit_under_label(text, nxt)
    if credit is None:
        return None
    label = text.strip("([:： ").casefold()
    context = f"{text}\n{nxt.text}"
    after = paras.texts[i + 2].strip() if i + 2 < len(paras) else ""
    if (
        after
        and len(after) <= _MAX_NAME_LINE
        and ":" not in after
        and names_nobody(credit)
        and looks_like_credit(after)
        and not names_nobody(after)
    ):
        credit, context = f"{credit} {after}", f"{context}\n{after}"
    return _credit(para, credit, strip_label(label)[1] or "photo", context=context)


def _credit_under_label(text: str, nxt: Para | None) -> str | None:
    """The credit on the line under a credit label alone on its line, if it reads as one."""
    if nxt is None or len(text) > 40 or not _LABEL_ALONE.match(text):
        return None
    if text.strip("([:： ").casefold() in _SOURCE_LABELS:
        return None  # "Source:" over "PM": a story's source, not a picture's
    credit = nxt.text.strip().rstrip(")]").strip()
    if not credit or len(credit) > 80 or ":" in credit or not looks_like_credit(credit):
        return None
    return credit


def is_split_label(text: str, nxt: Para | None) -> bool:
    """A credit label alone on its line, or closing a caption ("Cider and Ice. Foto:"), over its
    credit: text_leadins leaves it here."""
    text = text.strip()
    if not text.rstrip(":： ").casefold().endswith(_TRAILING_LABELS_FOLDED):
        return False  # no label closes it: spare the patterns
    closed = _closing_label(text)
    return _credit_under_label(closed.group("label") if closed else text, nxt) is not None


def _closing_label(text: str) -> re.Match[str] | None:
    """A caption closed by a credit label ("Cider and Ice. Foto:"); None for a label alone on
    its line ("(Credit:") or a line no label closes."""
    return _CLOSING_LABEL.match(text) if len(text) > 40 or not _LABEL_ALONE.match(text) else None


def _lone_credit(para: Para, prev: Para | None, nxt: Para | None) -> MediaRef | None:
    """ "AP", "Reuters", "AP Photo", "Courtesy G4" alone on a line between an article's lines:
    the credit of the picture that stood there. Not a piece of a line broken at a link ("... come
    to us from" / "Reuters" / ":"), nor a byline's source ("|" / "AP" / "–" / "1 hr ago")."""
    text = para.text.strip()
    if len(text) > _MAX_LONE or prev is None or nxt is None:
        return None
    courtesy = text.lstrip("([").casefold().startswith("courtesy")
    if not courtesy and text not in _LONE_LINES:
        return None
    if _piece(prev.text, before=True) or _piece(nxt.text, before=False):
        return None
    if not (_beside_words(prev) or _beside_words(nxt)):
        return None  # between a menu's links or labels ("Viber", "Written by:"): no picture's
    if _BYLINE.match(prev.text) or _BYLINE.match(nxt.text):
        return None  # "January 17, 2020" / "Courtesy of Forests News" / "Written by: ...": the story's
    credit = text.strip("()[] ")
    if courtesy and not (len(credit.split()) <= 8 and looks_like_credit(strip_label(credit)[0] or credit)):
        return None
    return _credit(para, credit, "photo")


def _piece(text: str, before: bool) -> bool:
    """A neighbour that shows the line is a piece of a longer one, or of a byline: punctuation
    alone, a sentence running on into it (no closing stop) or out of it (a lower-case or
    punctuation opening), or a time ("1 hr 4 mins ago")."""
    text = text.strip()
    if not any(ch.isalpha() for ch in text):
        return True
    if before:
        last = text.split()[-1]
        return last.islower() and not text.endswith(SENTENCE_ENDS) and len(text.split()) > 3
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'("):
        return True
    return " ago" in text and len(text.split()) <= _TIME_WORDS  # "1 hr 4 mins ago", not "Six years ago, ..."


def _enlarge_sign(para: Para, nxt: Para | None) -> MediaRef | None:
    """ "[+] Enlarge", "ampliar foto": a control left where a picture stood; the line under it
    is its credit when it reads as one."""
    if para.text not in _ENLARGE_LINES:
        return None
    below = nxt.text.strip() if nxt is not None else ""
    if below and len(below) <= 80 and looks_like_credit(below):
        return changed(_credit(para, below, "photo"), context=f"{para.text}\n{below}")
    return described(DETECTOR, para, "photo", context=para.text)


def _aside_link(para: Para, rest: str) -> MediaRef | None:
    """ "(Watch TIME's video "Oil Spill Anxiety on the Bayou.")": a link to media in brackets."""
    m = _ASIDE_LINK.match(rest)
    if not m:
        return None
    what = m.group("what").casefold()
    kind = _ASIDE_KIND.get(what, "video")
    title = _QUOTED.search(rest)
    caption = title.group("title").strip(" .") if title else rest
    return described(DETECTOR, para, kind, caption=caption, context=para.text)


def _credit(
    para: Para, credit: str, kind: str, caption: str | None = None, context: str | None = None
) -> MediaRef:
    """A finding with its credit parsed; a credit with no caption of its own attaches to the
    item above it (assemble)."""
    parsed = parse_credit(credit)
    return described(
        DETECTOR,
        para,
        kind,
        caption=caption,
        credit=parsed.raw or credit,
        credit_person=parsed.person,
        credit_org=parsed.org,
        credit_role=parsed.role,
        context=context or para.text,
        attaches=caption is None,
    )


def _captioned_credit(para: Para) -> MediaRef | None:
    """A caption whose credit closes the line: one photo with both."""
    text = para.text.strip()
    if "/" in text[-80:]:
        ref = _agency_closed(para, text)
        if ref is not None:
            return ref
    if len(text) > 520 or not _has_closing_label(text):
        return None  # the words before the last colon are no credit label
    m = _TRAILING.match(text)
    if not m or m.group("label")[0].islower() or not (text[0].isalnum() or text[0] in "\"“‘'"):
        return None  # a caption opens with a word, not with the tail of something cut above
    credit = m.group("credit").strip()
    if not looks_like_credit(credit):
        return None
    label = m.group("label").casefold()
    return _credit(para, credit, _LABEL_KIND.get(label) or "photo", m.group("caption").strip())


def _has_closing_label(text: str) -> bool:
    """The words before the line's last colon end in a credit label ("... Photograph:")."""
    colon = max(text.rfind(":"), text.rfind("："))
    return colon >= 10 and text[max(0, colon - 30) : colon].rstrip().lower().endswith(_TRAILING_LABELS)


def _fused_credit(para: Para) -> MediaRef | None:
    """A photographer's credit fused into a line with a picture agency's name ("rahman/afp/getty
    images", "robinson/ap"), as lower-cased corpora that lost a page's line breaks keep it (in a
    text that keeps its case, a slash between agencies is prose's too): the words before
    it on the line, back to the last full stop, are the caption; with none before it, the line
    opens with the credit and it belongs to the item above (the caption on the line above). The
    words after it are the article going on."""
    text = para.text
    if "/" not in text or len(text) > _MAX_LINE * 2:
        return None
    m = _FUSED_CREDIT.search(text)
    if m is None or not m.group("credit").islower() or m.group("who").split()[0] in _NOT_NAMES:
        return None  # in a text that keeps its case, "a joint AP/Reuters effort" is prose
    if agency(m.group("last")) is not None and text[: m.start("last")].rstrip()[-1:] not in ("", "."):
        return None  # agencies alone inside a sentence ("a joint ap/reuters effort"): no one's credit
    start = m.start()
    who = m.group("who").split()
    if len(who) == 2 and who[0] not in _PARTICLES:
        # lower-cased, a name's two words and a caption's last word look alike ("the washed-out
        # promenade sample/epa"): such corpora keep the surname alone ("rahman/afp")
        start = m.start("last")
    before = text[:start].rstrip(" -–—")
    caption = re.split(r"(?<=[.!?])\s+(?=\S)", before)[-1].strip() if before else ""
    credit = text[start : m.end("credit")].lstrip("-")
    if len(caption.split()) < 2:
        return _credit(para, credit, "photo")  # attaches to the caption above
    return _credit(para, credit, "photo", caption.rstrip(" .") or None)


def _agency_closed(para: Para, text: str) -> MediaRef | None:
    """ "Tapie en 2008. REUTERS/Benoit Tessier", "A man walks ... on Monday. AFP/John Doe": a
    caption closed by an agency's bare credit, the wires' own style (Slate keeps it between
    dashes)."""
    m = _AGENCY_CLOSED.match(text.strip(_DASHES))
    if not m or not is_bare_credit(m.group("credit")):
        return None
    return _credit(para, m.group("credit"), "photo", m.group("caption").strip())


def _headed_caption(para: Para, texts: list[str], i: int) -> MediaRef | None:
    """ "Devastation: The remains of the market on Tuesday": a short head, a colon and a
    describing line that is no sentence (no closing full stop), or that places someone in the
    picture ("(pictured)", "(left)"), in an article's prose: a sentence stands above or below it
    (a teaser list's "Gabon: Pour une affaire de postes ..." stands among dates and bylines).
    The first line of a text is its headline, never this."""
    text = para.text.strip()
    if ":" not in text[:40] or not _beside_prose(texts, i):
        return None
    if i + 1 < len(texts) and not text.endswith(SENTENCE_ENDS) and _piece(texts[i + 1], before=False):
        return None  # "Annexe : Place des français parmi les «" / "publiants": a line broken at a link
    m = _HEADED.match(text)
    if not m:
        return None
    head, rest = m.group("head"), m.group("rest").strip()
    low_head = head.lower()
    if low_head in _NOT_HEADS or low_head.split()[-1] in _NOT_HEADS or low_head in _LABEL_KIND:
        return None  # "Background: ...", "Syria Analysis: ...", "Source: ..."
    if head.isupper() or not head[0].isupper() or _USERNAME.match(head):
        return None  # "MochaLite: Ok, this is ...": a comment under a user's handle
    if _quotes_above(rest, texts[max(0, i - 8) : i]):
        return None  # "Texanbybirth: Everyone likes ...": a comment's teaser, its text above
    words = rest.split()
    if not (rest[0].isupper() or rest[0].isdigit()) or len(words) < 5 or _title_case(words):
        return None  # "Syria Analysis: After Aleppo — It's Up to Russia": a headline
    placed = bool(_POSITION.search(rest))
    if not placed and (
        rest.endswith((".", "?", "!", ":", '"', "”", "’"))
        or "http" in rest
        or " " in head  # "Standing Rock protest: Governor orders ...": a topic and a headline
        or len(words) < 9  # a tabloid caption describes at length; a headline is short
    ):
        return None
    return described(
        DETECTOR,
        para,
        "photo",
        caption=text,
        context=para.text,
    )


def _quotes_above(rest: str, above: list[str]) -> bool:
    """The words after the head open a line a little above: a share teaser quoting it."""
    opening = " ".join(rest.split()[:6])
    return len(opening) >= 12 and any(" ".join(line.split()).startswith(opening) for line in above)


def _beside_prose(texts: list[str], i: int) -> bool:
    """A sentence of an article stands on the line above or below."""
    return _is_prose(texts[i - 1]) or (i + 1 < len(texts) and _is_prose(texts[i + 1]))


def _is_prose(text: str) -> bool:
    """A sentence of an article: several words closed by a full stop, a question or a quote that
    closes one ("... he said.'", not a headline's "... can arise 'from nothing'")."""
    text = text.rstrip()
    if not text.endswith(_SENTENCE_ENDS) or len(text.split()) < _PROSE_WORDS:
        return False
    if text[-1] == "!" and (":" in text or " - " in text or " – " in text):
        return False  # "Gewinnspiel - mitmachen und Preise abstauben!": a teaser's headline
    return text[-1] in ".!?" or text[-2:-1] in (".", "!", "?", ",")


def _title_case(words: list[str]) -> bool:
    """Most longer words capitalised: a headline or a title, not a caption."""
    longer = [w for w in words[1:] if len(w) > 3 and w[0].isalpha()]
    return len(longer) >= 2 and sum(w[0].isupper() for w in longer) > 0.6 * len(longer)
