"""Lead-ins that stood above a stripped embed, and quotations, in plain-text news.

"Drone footage of Thursday's removals:" stood above a video; "Teacher Abdulkafi al-Hamdo sends
messages from eastern Aleppo city:" above posts; "Putin said:" above a quoted paragraph. The
kind comes from the words, the credit from the sentence's subject (role, name, outlet).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import ge

from catalog.credits import agency, is_bare_credit, is_organisation, label_kind, looks_like_credit
from catalog.document import Document, Para
from catalog.extractors._phrases import PhraseIndex, words_of
from catalog.extractors._tags import tags_for
from catalog.extractors._text import SENTENCE_ENDS, described
from catalog.extractors.text_captions import is_split_label
from catalog.records import MediaRef
from catalog.vocabulary import (
    AUXILIARIES,
    CUE_WORDS,
    KIND_ONLY_CUE_WORDS,
    LEAD_VERBS,
    LEADING_CLAUSE_WORDS,
    LIST_ENDINGS,
    NOT_LEADIN_OPENINGS,
    PLATFORM_NAMES,
    PRESENTING_OPENINGS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLE_SMALL_WORDS,
)

__all__ = ["Speaker", "extract", "speaker_of"]

DETECTOR = "text_leadins"

# The earliest cue in CUE_WORDS decides the kind: "video and photos" is a video.
_CUES = PhraseIndex(CUE_WORDS)
_KIND_ONLY = PhraseIndex(KIND_ONLY_CUE_WORDS)
_SPEECH = frozenset(SPEECH_VERBS)
_VERBS = frozenset(LEAD_VERBS) | _SPEECH
_ROLES = frozenset(ROLE_WORDS)
_LEADING = frozenset(LEADING_CLAUSE_WORDS)
_AUX = frozenset(AUXILIARIES)
_NOT_LEADIN = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in NOT_LEADIN_OPENINGS) + r")\b", re.IGNORECASE
)
_PRESENTING = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in PRESENTING_OPENINGS) + r")\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_TOKEN = re.compile(r"[\w’'.-]+|[,—–:;()“”\"]")
_POSSESSIVE = re.compile(r"^(?:[Tt]he\s+)?(?P<org>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[’']s\s+(?P<rest>.+)$")
_WRITES_IN = re.compile(
    r"\b(?:writes|wrote|writing)\s+(?:in|for)\s+(?P<org>(?:The\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)"
)
_NAMED_ROLE = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+[\w-]+(?:\s+[\w-]+){0,2},\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:(?:al|el|bin|de|van|von|abu)[\s-])?[A-Z][\w’'-]+){1,3}),\s"
)
_LIST_ENDINGS = frozenset(LIST_ENDINGS)
_LIST_END_WORDS = tuple(" " + w for w in LIST_ENDINGS)  # a whole word closing the sentence
_PLATFORMS = frozenset(name.lower() for name in PLATFORM_NAMES)
_SMALL = frozenset(TITLE_SMALL_WORDS)
_PLACE_WORDS = frozenset(("at", "in", "on", "from", "near", "by", "with", "outside", "inside"))
_LIST_ITEM = re.compile(r"^\s*(?:[-•*▪–]|\d{1,2}[.)]\s)")
# A list's item opening with its head: "Don't delegate: Do everything you can yourself".
_HEAD_ITEM = re.compile(r"^[^\W\d_][^:.!?]{0,40}:\s+\S")
_HANDLE_ALONE = re.compile(r"^\s*@\w{1,30}\s*$")
_MAX_LEADIN = 400
_GALLERY = re.compile(
    r"^(?:see|watch|view)\s+(?:more\s+(?:videos?|pictures|photos|images)\s+\w|(?:videos?|pictures|photos|images)\b)|"
    r",?\s+in\s+(?:pictures|photos|images)\s*$|^in\s+(?:pictures|photos)\s*:",
    re.IGNORECASE,
)
_MEDIA_WORDS = ("pictures", "photos", "images", "video", "podcast")
_MAX_LINK = 200  # a gallery's or a podcast's link is a short line
# What an embed's leftover holds (text_posts reads them): a handle, a picture link, "posted by".
_LEFTOVER_SIGNS = ("(@", "pic.twitter.com", "posted by", "Posted by", "mbed")
_SENTENCE_WORDS = 5  # fewer words ending in a full stop make a fragment ("Tel. 0800 123.")
_MAX_LABEL_WORDS = 2  # a lead-in of a label only: "PHOTOS:", "Verge Video:", "Latest Podcast:"
_MAX_TITLE_WORDS = 16  # the title under it is one short line
_TITLE_CASE_SHARE = 0.6  # most words of a title are capitalised
# A player's controls and a programme's times, left under a label: no title.
_CONTROL_WORDS = frozenset(
    ("play", "download", "subscribe", "listen", "watch", "view", "click", "share", "open")
)
_CLOCK = re.compile(r"\d:\d\d|\d\s*[ap]\.?m\b", re.IGNORECASE)
# The verbs of a relayed post ("Journalist X says ..."): the pattern, its cheap pre-test and the
# whole-text candidate search all read this one list.
_RELAY_VERB_WORDS = (
    "says", "said", "reports", "reported", "quotes", "quoted", "writes", "wrote", "tweets",
    "tweeted", "posts", "posted",
)  # fmt: skip
_ENDS_COLON = re.compile(r":[^\S\n]*$", re.MULTILINE)
# The verbs' stems, one search each: " report" finds "reports" and "reported".
_RELAY_STEMS = (" said", " says", " report", " quote", " writ", " wrote", " tweet", " post")
_PODCAST = re.compile(r"^(?:see also\s+)?[\w ]{0,40}\bpodcast\s*:\s*\S", re.IGNORECASE)
_RELAY = re.compile(
    r"^(?:(?:[Tt]he\s+)?[A-Z][\w.&-]*[’']s\s+|(?:[Jj]ournalist|activist|reporter|correspondent|"
    r"photographer|photojournalist|blogger|resident|citizen journalist)\s+)"
    r"(?:[A-Z][\w’'-]+\s+){1,4}(?:" + "|".join(_RELAY_VERB_WORDS) + r")\b",
)
# A speaker named after the words, behind a comma: "..., sagt Volker Tripp vom Digitale
# Gesellschaft e.V.:", "..., said Defence Minister Ben Wallace, a former soldier:".
_POSTPOSED = re.compile(
    r",\s+(?:" + "|".join(re.escape(w) for w in SPEECH_VERBS) + r")\s+"
    r"(?P<who>[^,;:()]+?)(?:,\s+(?P<apposition>[^,;:()]+?))?\s*[.:]?\s*$"
)
_AFFILIATION = re.compile(r"\s+(?:of the|of|from|at|vom|von der|von|bei der|bei|de la|du|de|del)\s+(?=[A-Z])")
_MAX_ROLE_WORDS = 5  # a role without a name is short: "One of the passengers"
_MAX_ORG_WORDS = 8  # "The Ministry of Defence of the Russian Federation"; longer is a clause
_MAX_OUTLET_WORDS = 6  # "Syrian State media" in capitals, no clause
# A paragraph followed by more blank lines than usual stood above something that was removed.
_EXTRA_GAP = 1


@dataclass(frozen=True)
class Speaker:
    """Who a lead-in credits: the words as written, and their parts."""

    credit: str
    person: str | None = None
    role: str | None = None
    org: str | None = None


def extract(doc: Document) -> Iterator[MediaRef]:
    paras = doc.paras
    for i in _candidates(doc):
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        ref = _leadin(doc, paras[i], nxt)
        if ref is not None:
            yield ref


def _candidates(doc: Document) -> list[int]:
    """Paragraphs that can be a lead-in: ending in a colon, followed by extra blank lines,
    naming a gallery or podcast, or opening the way a relayed post opens. Found by whole-text
    passes (C speed, whatever the number of lines), supersets of the tests in _leadin; Python
    looks only at the hits."""
    alone = max(2, doc.usual_gap + _EXTRA_GAP)
    texts = doc.paras.texts
    found = set(doc.candidates(_ENDS_COLON))
    found.update(compress(count(), map(ge, doc.paras.gaps, repeat(alone))))
    found.update(i for i in doc.candidates_with(_MEDIA_WORDS, fold=True) if len(texts[i]) <= _MAX_LINK)
    found.update(
        i
        for i in doc.candidates_with(_RELAY_STEMS, within=_MAX_LEADIN)
        if _RELAY.match(_strip_leading_clause(texts[i][:_MAX_LEADIN]))
    )
    return sorted(found)


def _leadin(doc: Document, para: Para, nxt: Para | None) -> MediaRef | None:
    text = para.text.strip()
    if not text or _LIST_ITEM.match(text):
        return None
    low = text[:_MAX_LEADIN].lower()
    link = _gallery_or_podcast(para, text, low) if _has_any(low, _MEDIA_WORDS) else None
    if link is not None:
        return link
    relayed = _relayed_post(para, text) if _has_any(low, _RELAY_VERB_WORDS) else None
    if relayed is not None:
        return relayed
    ends_colon = text.endswith(":")
    if ends_colon and is_split_label(text, nxt):
        return None  # "Image:" over "John D. Carnessiotis on Flickr": text_captions' credit line
    stands_alone = para.gap_after >= max(2, doc.usual_gap + _EXTRA_GAP)
    if not (ends_colon or stands_alone) or len(text) > _MAX_LEADIN:
        return None
    sentence = _last_sentence(text.rstrip(":").strip())
    if not sentence or _NOT_LEADIN.match(sentence) or _is_label_line(text) or text[0] in "©(":
        return None  # a heading of related links, a credit or caption line, a bracketed aside
    if not ends_colon and is_bare_credit(text):
        return None  # "rahman/afp/getty images" over the blank lines an embed left: a credit
    words = words_of(sentence)
    kind = _CUES.best(words)
    if len(sentence.split()) < 3 and not kind:
        return None  # "Background:", "Timeline:" are headings
    if kind is None and _PRESENTING.match(sentence):
        return None  # "Here's what we know:", "The following:": a list or an explanation
    if kind is None and _is_heading(sentence):
        return None  # "Best of the Web:", "ADD TO CART:", "Moderation or Pre-Screening:": furniture
    if ends_colon and nxt is not None and _LIST_ITEM.match(nxt.text):
        return None  # "... the key messages, which include:" over the list it introduced
    if ends_colon and nxt is not None and _HANDLE_ALONE.match(nxt.text):
        return None  # "You can keep up with me on Twitter:" over "@Josiah_Motley": a profile's link
    if kind == "social_post" and len(sentence.split()) <= 3 and not (nxt and _stands_for_media(nxt)):
        return None  # "Posted by:", "Message:", "Posted In:": a comment's or a form's field
    if ends_colon and nxt is not None and _opens_list(sentence) and (_continues(nxt) or _is_fragment(nxt)):
        return None  # "... a number of posts that detail it, including:" over the list of links
    if ends_colon and kind is None and _introduces_quote(sentence, nxt):
        kind = "quote"
    if kind is None:
        if not ends_colon and not _is_sentence(text):
            return None  # a heading followed by extra blank lines
        if ends_colon and nxt is not None and (_continues(nxt) or _is_fragment(nxt)):
            return None  # "...including:" over a list, "Sie sind hier:" over a breadcrumb
        if ends_colon and not doc.is_live_blog and not (nxt is not None and _stands_for_media(nxt)):
            return None  # outside a live blog, a colon line introduces the words under it
        if ends_colon and _opens_list(sentence):
            return None  # "Other data points include:" opens a list, whatever follows
        kind = _KIND_ONLY.best(words) or ("social_post" if ends_colon else "photo")
    who = speaker_of(sentence)
    caption = text.rstrip(":").strip() if kind != "quote" else None
    if (
        ends_colon
        and kind != "quote"
        and len(words) <= _MAX_LABEL_WORDS
        and nxt is not None
        and _is_title(nxt)
    ):
        caption = nxt.text.strip()  # "PHOTOS:" over "Earthquake Shakes the Northeastern U.S."
    return described(
        DETECTOR,
        para,
        kind,
        caption=caption,
        credit=who.credit if who else None,
        credit_person=who.person if who else None,
        credit_org=who.org if who else None,
        credit_role=who.role if who else None,
        tags=tags_for(words),
        context=text,
    )


def _is_title(nxt: Para) -> bool:
    """The title of what a label-only lead-in ("PHOTOS:", "Latest Podcast:") stood for, left
    under it: one short line, not a sentence (no full stop, or words in title case), not a
    stamp, a credit line, an address or an embed's leftover."""
    text = nxt.text.strip()
    words = text.split()
    if nxt.stamp is not None or not 2 <= len(words) <= _MAX_TITLE_WORDS or ". " in text or "http" in text:
        return False
    if text.endswith(":") or _is_credit_line(text) or _has_any(text, _LEFTOVER_SIGNS):
        return False
    if words[0].lower() in _CONTROL_WORDS or _CLOCK.search(text):
        return False  # "Play in new window", "Download Today's Podcast", "Wednesdays at 8:35am"
    if not text.endswith("."):
        return text[0].isupper() or text[0].isdigit() or text[0] in "'\"‘“"
    capitalised = sum(w[0].isupper() for w in words if w[0].isalpha())
    return capitalised >= _TITLE_CASE_SHARE * sum(w[0].isalpha() for w in words)


def _opens_list(sentence: str) -> bool:
    """ "... the key messages, which include", "Other data points are": words that open a list
    close it (a tuple's endswith, not a pattern searched through the sentence)."""
    low = sentence.rstrip().lower()
    return low in _LIST_ENDINGS or low.endswith(_LIST_END_WORDS)


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 - a plain loop: several times faster than any() on a generator
        if word in text:
            return True
    return False


def _gallery_or_podcast(para: Para, text: str, low: str) -> MediaRef | None:
    """ "See more videos and pictures in X", "X, in pictures", "Syria Podcast: Title": links to a
    gallery or a podcast episode, which are media even in a list of related links."""
    if len(text) > _MAX_LINK:
        return None
    kind = None
    if _GALLERY.search(text):
        kind = "video" if low.startswith(("watch video", "see video", "view video")) else "gallery"
    elif _PODCAST.match(text):
        kind = "audio"
    if kind is None:
        return None
    return described(
        DETECTOR,
        para,
        kind,
        caption=text,
        context=text,
    )


def _relayed_post(para: Para, text: str) -> MediaRef | None:
    """ "Journalist Hadi al-Abdallah says ...", "the BBC's Riam Dalati quotes ...": a live blog
    relaying what a named journalist or activist posted."""
    if not _RELAY.match(_strip_leading_clause(text[:_MAX_LEADIN])):
        return None  # cheap test on the opening words before splitting sentences
    clause = _strip_leading_clause(_first_sentence(text))
    if not _RELAY.match(clause):
        return None
    who = speaker_of(clause)
    if who is None or who.person is None:
        return None
    return described(
        DETECTOR,
        para,
        "social_post",
        caption=_first_sentence(text),
        credit=who.credit,
        credit_person=who.person,
        credit_org=who.org,
        credit_role=who.role,
        context=text,
    )


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0].strip()


def _last_sentence(text: str) -> str:
    parts = _SENTENCE_END.split(text)
    return parts[-1].strip() if parts else text


def _is_label_line(text: str) -> bool:
    """Caption and credit lines belong to text_captions."""
    head, sep, rest = text.partition(":")
    return (
        bool(sep)
        and len(head.split()) <= 2
        and bool(rest.strip())
        and (looks_like_credit(rest) or head.strip().lower() in ("photo", "pictured", "picture"))
    )


def _is_heading(sentence: str) -> bool:
    """A heading or a fragment, not a sentence announcing media: words in capitals or title
    case ("Best of the Web", "ADD TO CART"), an opening in lower case or punctuation (the tail
    of a form's line), or a credit label with no name after it ("... created by")."""
    if not sentence[0].isupper() and not sentence[0].isdigit():
        return not sentence[0].isalpha() or sentence[0].islower()
    if sentence.isupper() or sentence.lower().endswith(" by"):
        return True
    named = [w for w in sentence.split()[1:] if len(w) > 2 and w[0].isalpha() and w.lower() not in _SMALL]
    return bool(named) and all(w[0].isupper() for w in named)


def _is_sentence(text: str) -> bool:
    return text.rstrip().endswith((*SENTENCE_ENDS, ":"))


def _is_fragment(nxt: Para) -> bool:
    """A line that is no sentence ("Startseite", a link's title, a phone number, a form's
    field): a colon line above it introduced it, and it is still there, so nothing was removed
    between them. A stamp, a credit line, a lead-in or a gallery's link after the colon line
    says the opposite: what it introduced is gone."""
    text = nxt.text.rstrip()
    if nxt.stamp is not None or not text or text.endswith(":"):
        return False
    if text.endswith(SENTENCE_ENDS) and len(text.split()) >= _SENTENCE_WORDS:
        return False
    if len(text) <= _MAX_LINK and _GALLERY.search(text):
        return False
    return not _stands_for_media(nxt)


def _stands_for_media(nxt: Para) -> bool:
    """The line under a colon line says media stood between them: a picture's credit line or an
    embed's leftover ("— Name (@handle) ...", "A photo posted by ...")."""
    text = nxt.text.strip()
    return _is_credit_line(text) or _has_any(text, _LEFTOVER_SIGNS)


def _is_credit_line(text: str) -> bool:
    """ "Photo: Karam al-Masri/AFP", "© Reuters", "Jane Doe/AP": the credit line of a picture
    (a label, a ©, or parties joined by a slash, one a known agency), not any short line in
    capitals ("Startseite", "Vreni Frost")."""
    return text.startswith(("©", "(c)")) or label_kind(text) is not None or is_bare_credit(text)


def _continues(nxt: Para) -> bool:
    t = nxt.text.lstrip()
    return bool(_LIST_ITEM.match(t)) or (t[:1].islower() and nxt.stamp is None and not looks_like_credit(t))


def _introduces_quote(sentence: str, nxt: Para | None) -> bool:
    """ "Putin said:" then a quoted paragraph: the speech verb ends the clause (only an object or
    a place and time may follow), and prose follows."""
    if nxt is None or nxt.stamp is not None or len(nxt.text) < 40:
        return False
    if _HEAD_ITEM.match(nxt.text):
        return False  # "Don't delegate: Do everything ...": the first of a list of rules
    words = [w.strip(",.;") for w in sentence.lower().split()]
    if not words:
        return False
    verb = len(words) - 1 if _speech_ing(words[-1]) else -1
    for i in range(len(words) - 1, verb, -1):
        if words[i] in _SPEECH:
            verb = i
            break
    if verb < 0:
        return False
    return _AUX.isdisjoint(words[verb + 1 :]) and not nxt.text.rstrip().endswith(":")


def _speech_ing(word: str) -> bool:
    """ "..., saying:", "adding:", "tweeting:" close a lead-in to a quote; "suffering:" does not."""
    if not word.endswith("ing"):
        return False
    stem = word[:-3]
    return word in _SPEECH or any(stem + end in _SPEECH for end in ("s", "es", "ed", "d", "e"))


def speaker_of(sentence: str) -> Speaker | None:
    """The credited subject of a lead-in: "Teacher Abdulkafi al-Hamdo sends ..." gives role
    Teacher, person Abdulkafi al-Hamdo; "the BBC's Riam Dalati" gives org BBC."""
    clause = _strip_leading_clause(sentence)
    if ", " in clause:
        behind = _postposed_speaker(clause)
        if behind is not None:
            return behind
    org: str | None = None
    m = _WRITES_IN.search(clause) if "writ" in clause or "wrote" in clause else None
    if m:
        org = agency(m.group("org")) or m.group("org")
    subject: list[str] = []
    ended_by: str | None = None
    for i, match in enumerate(_TOKEN.finditer(clause, 0, _MAX_LEADIN)):
        if len(subject) > 10:
            return None  # no subject is that long: prose
        tok = match.group()
        low = tok.lower()
        if tok in (",", "—", "–", ":", ";", "("):
            ended_by = tok
            break
        if low in _VERBS and subject:
            if subject[-1].lower() in _PLATFORMS:
                return None  # "The Instagram posts of ...": a platform's posts, no speaker
            ended_by = low
            break
        if subject and low.endswith("ed") and tok[0].islower() and len(low) > 4:
            ended_by = low
            break
        if low in ("on", "about", "from", "in") and subject and subject[-1][:1].isupper() and i > 0:
            ended_by = low
            break
        subject.append(tok)
    if not subject or len(subject) > 10:
        return None
    if _CUES.best(words_of(" ".join(subject))):
        return None  # "Drone footage of ..." names the media, not who made it
    if len(subject) <= 3 and subject[0].lower() in ("a", "an", "the") and subject[-1].lower() in _ROLES:
        phrase = " ".join(subject)
        named = _NAMED_ROLE.match(clause)
        if named:  # "A reader, Joanna Price, sent ..."
            return Speaker(credit=named.group("name"), person=named.group("name"), role=phrase)
        return Speaker(credit=phrase, role=phrase)  # "A resident films ..."
    apposition = _apposition(clause, ended_by)
    phrase = " ".join(subject)
    pm = _POSSESSIVE.match(phrase)
    if pm:
        org = agency(pm.group("org")) or pm.group("org")
        phrase = pm.group("rest")
    spoke = ended_by in _SPEECH or ended_by in ("sends", "shares", "posts", "says")
    # A capital opening the sentence proves nothing ("Boats on the high street"): a name needs
    # a capital further on, or a speech verb after it ("Putin said").
    has_name = any(t[:1].isupper() for t in phrase.split()[1:]) or (
        spoke
        and phrase[:1].isupper()
        and len(phrase.split()) <= 4
        and phrase.split()[0].lower() not in _LEADING
        and phrase.split()[0].lower() not in ("the", "a", "an")
    )
    if not has_name and not spoke and apposition is None:
        return None
    role, person = _split_role(phrase)
    if apposition and not role:
        role = apposition
    if person is None and not spoke and not org and not has_name:
        return None
    if person is None and not org and _names_an_outlet(phrase):
        org = phrase  # "Syrian State media put out a statement ..."
    if person is None and org is None and role is None:
        if is_organisation(phrase) and len(phrase.split()) <= _MAX_ORG_WORDS:
            org = phrase  # "The port authority said:"
        elif len(phrase.split()) <= _MAX_ROLE_WORDS:
            role = phrase  # "One of the passengers said ...": who, but no name
        else:
            return None  # "La préfecture a publié une vidéo ...": a clause, not who
    credit = phrase if not pm else f"{org}'s {phrase}"
    return Speaker(credit=credit, person=person, role=role, org=org)


def _postposed_speaker(clause: str) -> Speaker | None:
    """The speaker named after a comma and a speech verb, at the sentence's end: "..., sagt
    Volker Tripp vom Digitale Gesellschaft e.V." gives person Volker Tripp and org Digitale
    Gesellschaft e.V. A name is needed: "..., says the report" names nobody here."""
    m = _POSTPOSED.search(clause)
    if m is None:
        return None
    who = m.group("who").strip()
    if "." in who.rsplit(" ", 1)[-1] and clause.rstrip(": ").endswith(who + "."):
        who += "."  # "e.V.", "U.S.": the abbreviation's point, not the sentence's
    if len(who.split()) > 10:
        return None
    parts = _AFFILIATION.split(who, maxsplit=1)
    phrase, org = parts[0], (parts[1].strip() if len(parts) > 1 else None)
    role, person = _split_role(phrase)
    if person is None or not phrase[:1].isupper():
        return None
    apposition = m.group("apposition")
    if role is None and apposition and apposition.split()[0].lower() in ("a", "an", "the"):
        role = apposition.strip()
    return Speaker(credit=who, person=person, role=role, org=org)


def _names_an_outlet(phrase: str) -> bool:
    """ "Syrian State media", "The Ministry of Defence": capitalised words naming a body, not a
    description with a place in it ("The lifeboat crew at Sennen Cove")."""
    words = phrase.split()
    if len(words) > _MAX_OUTLET_WORDS or not any(w[:1].isupper() for w in words[1:]):
        return False  # "La préfecture a publié une vidéo des vagues à Penmarch": a clause
    return not any(w in _PLACE_WORDS for w in words)


def _strip_leading_clause(sentence: str) -> str:
    """Drop "However, ", "Earlier in the day, ", "As the convoy ... city, " before the subject."""
    text = sentence.strip()
    for _ in range(3):
        space = text.find(" ")
        if space < 0 or text[:space].strip(",").lower() not in _LEADING:
            break
        comma = text.find(",")
        if comma < 0:
            break
        text = text[comma + 1 :].strip()
    return text


def _apposition(clause: str, ended_by: str | None) -> str | None:
    """ ", a resident who offered ..., " gives "a resident"."""
    if ended_by != ",":
        return None
    m = re.search(
        r",\s+(?P<role>(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)(?:\s+(?:who|from|in|of)\b|\s*,)", clause
    )
    if not m:
        return None
    role = m.group("role")
    return role if role.split()[-1].lower() in _ROLES or len(role.split()) == 2 else None


def _split_role(phrase: str) -> tuple[str | None, str | None]:
    """ "US Secretary of State John Kerry" gives ("US Secretary of State", "John Kerry")."""
    words = phrase.split()
    last_role = -1
    for i, w in enumerate(words):
        if w.lower().strip(",") in _ROLES:
            last_role = i
    k = last_role
    while 0 <= k < len(words) - 2 and words[k + 1].lower() == "of" and words[k + 2][:1].isupper():
        k += 2
    role = " ".join(words[: k + 1]) if k >= 0 else None
    rest = words[k + 1 :]
    if rest and all(
        w[:1].isupper()
        or w.split("-")[0].lower() in ("al", "el", "bin", "de", "abu", "van", "von", "ibn", "da")
        for w in rest
    ):
        return role, " ".join(rest)
    return role, None
