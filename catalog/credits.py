"""Credit strings turned into person, organisations, role and handle; and the credited parties
of a media row, normalised so that every spelling of one party groups together. Pure strings.

"Photo: Karam al-Masri/AFP", "KARAM AL-MASRI/AFP/Getty Images", "AP Photo/Hassan Ammar",
"Joe Raedle via Getty Images", "Tyler Hicks for The New York Times", "SANA handout",
"samson/afp/getty images", "Jane Doe (@janedoe)", "Фото: Иван Петров/ТАСС", "صورة: رويترز".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from operator import methodcaller

from catalog.records import Credit
from catalog.vocabulary import (
    AGENCIES,
    COMPANY_SUFFIXES,
    COURTESY_PHRASES,
    CREDIT_LABEL_QUALIFIERS,
    CREDIT_LABELS,
    CREDIT_ROLE_WORDS,
    LICENCE_ELEMENTS,
    LICENCE_NAMES,
    LICENCE_PORTS,
    NAME_PARTICLES,
    NO_NAMES,
    ORG_WORDS,
    PLATFORM_NAMES,
    PUBLIC_DOMAIN_PHRASES,
    RIGHTS_NOTICES,
)

__all__ = [
    "Party",
    "agency",
    "agency_name",
    "can_name",
    "display_name",
    "is_bare_credit",
    "is_organisation",
    "label_kind",
    "looks_like_credit",
    "may_name_agency",
    "names_nobody",
    "parse_credit",
    "parties",
    "party_key",
    "strip_label",
]

_ALIASES: dict[str, str] = {}
_FULL: dict[str, str] = {}
for _names in AGENCIES:
    _FULL[_names[0]] = _names[1] if len(_names) > 1 else _names[0]
    for _name in _names:
        _ALIASES[_name.casefold()] = _names[0]


# Every word of every agency's names: a text with none of them names no agency.
def _party_words(folded: str) -> list[str]:
    """The words of a folded text, split where parties split too (slashes, em dashes, commas)."""
    return folded.replace("/", " ").replace("—", " ").replace(",", " ").split()


_ALIAS_WORDS = frozenset(word for key in _ALIASES for word in _party_words(key))
_strip_dots = methodcaller("strip", ".")
_LABELS = sorted((label for label, _ in CREDIT_LABELS), key=len, reverse=True)
_LABEL_KIND = dict(CREDIT_LABELS)
# "Photo: X", "Photo by X", "Photograph – X"; the label needs a separator unless it ends in by/of.
_LABEL_RX = re.compile(
    r"^\s*(?:(?:" + "|".join(CREDIT_LABEL_QUALIFIERS) + r")\s+)?"  # "Archive photo: Jane Roe"
    r"(?P<label>" + "|".join(re.escape(label) for label in _LABELS) + r")"
    r"(?:\s*[:：]\s*|\s*(?:\.\.\.|…)\s*|\s+[–—-]\s+|(?<=by)\s+|(?<=of)\s+|(?<=von)\s+|(?<=von\.)\s+|(?<=de)\s+|(?<=via)\s+)",
    re.IGNORECASE,
)
_COPYRIGHT_RX = re.compile(r"^\s*(?:©|\(c\)|copyright\b|℗)\s*(?:\d{4}\s*)?", re.IGNORECASE)
_COURTESY_RX = re.compile(
    r"^\s*(?:(?:photos?|photographs?|images?|pictures?|video|footage)\s+)?courtesy(?:\s+of)?\s*[:：]?\s*",
    re.IGNORECASE,
)
_PUBLIC_DOMAIN_RX = re.compile(
    r"[\s,;/(\[]*\b(?:" + "|".join(re.escape(p) for p in PUBLIC_DOMAIN_PHRASES) + r")\b[\s)\].]*",
    re.IGNORECASE,
)
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))
_HANDLE_RX = re.compile(r"\(?\s*(@[A-Za-z0-9_.]{1,30}(?:@[\w.-]+)?)\s*\)?")
_CLAUSE_RX = re.compile(r"\s*;\s*")
# A licence in a credit: "CC BY 2.0", "CC-BY-NC-SA 4.0", "CC0", "Creative Commons BY-SA 3.0 DE".
_ELEMENT = "(?:" + "|".join(LICENCE_ELEMENTS) + ")"
_LICENCE_RX = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in LICENCE_NAMES) + r")"
    r"(?:0|[\s-]?(?:Zero|" + _ELEMENT + r"(?:[\s-]" + _ELEMENT + r")*))"
    r"(?:\s*\d\.\d)?(?:\s+(?:" + "|".join(LICENCE_PORTS) + r"))?(?![\w-])",
    re.IGNORECASE,
)
_EMPTY_BRACKETS_RX = re.compile(r"[(\[]\s*[)\]]")
_PARTY_SPLIT_RX = re.compile(r"\s*/+\s*|\s+via\s+|(?<=\w)—(?=\w)")  # the joins of a bare credit line
# Zero-width characters some sites put after a credit's slashes ("Ben Stansall/\u200bAFP").
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# Parties are joined by "/", "via", "for", "|", a spaced dash, or an em dash between words
# ("David McNew—Getty Images", Time's style).
_SPLIT_RX = re.compile(r"\s*/+\s*|\s+via\s+|\s+for\s+|\s*\|\s*|\s+[–—-]\s+|(?<=\w)—(?=\w)", re.IGNORECASE)
# "John D. Carnessiotis on Flickr": a maker and the platform the picture was taken from.
_ON_PLATFORM = re.compile(
    r"^(?P<name>.+?)\s+on\s+(?:" + "|".join(re.escape(p) for p in PLATFORM_NAMES) + r")\s*$", re.IGNORECASE
)
# What a text holds when _SPLIT_RX can split it (a cleaned text has single spaces only): most
# texts hold none, and `in` is a hundred times cheaper than the pattern.
_SPLIT_SIGNS = ("/", "|", "—", " –", " -")
_SPLIT_WORDS = (" via ", " for ")
_ROLE_OF = {word.casefold(): role for word, role in CREDIT_ROLE_WORDS}
_ROLE_FIRST = frozenset(w.casefold().replace("-", " ").split()[0] for w, _ in CREDIT_ROLE_WORDS)
_ROLE_RX = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(w) for w, _ in sorted(CREDIT_ROLE_WORDS, key=lambda x: -len(x[0])))
    + r")(?!\w)",
    re.IGNORECASE,
)
_YEAR_RX = re.compile(r"\b(?:19|20)\d\d\b")
_SUFFIX_RX = re.compile(r"\s*\((?:ausschnitt|cropped|file|archive)\)\s*$", re.IGNORECASE)
_AGENCY_SUFFIXES = ("photo", "photos", "images", "image", "pictures", "news", "tv", "video")
_AGENCY_SUFFIX_RX = re.compile(r"\s+(?:" + "|".join(_AGENCY_SUFFIXES) + r")$")
_ORG_WORDS = frozenset(ORG_WORDS)
_COMPANY_SUFFIXES = frozenset(COMPANY_SUFFIXES)
_PLATFORMS = frozenset(p.casefold() for p in PLATFORM_NAMES)
_COURTESY = tuple(w.lower() for w in COURTESY_PHRASES)
# An acronym, alone or hyphenated ("NOAA", "JPL-Caltech"), in a credit not all in capitals.
_ACRONYM = re.compile(r"^[A-Z]{2,6}(?:-[A-Za-z]+)?$")
_PARTICLES = frozenset(NAME_PARTICLES)
# Lower-case words inside an organisation's name: "Ministry of Defence", "Society for the ...".
_NAME_JOINERS = _PARTICLES | {"of", "the", "for", "on", "in", "at", "und", "et"}
_NO_NAMES = frozenset(NO_NAMES)
# A picture label with no colon before a capitalised name ("Photo Lionel Bonaventure. AFP").
_BARE_LABEL_RX = re.compile(r"^(?:photos?|fotos?)\s+(?=[A-Z])", re.IGNORECASE)
_NON_NAME = re.compile(r"\d|https?:|www\.|\.(?:com|org|net)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return " ".join(text.split())


def _unbracket(text: str) -> str:
    for left, right in _BRACKETS:
        if text.startswith(left) and text.endswith(right) and text.count(left) == 1:
            return text[1:-1].strip()
    return text


@lru_cache(maxsize=8192)
def strip_label(text: str) -> tuple[str, str | None]:
    """The credit without its labels ("Mandatory Credit: Photo by", "©", ...), and the kind the
    first label names, if any. Cached, as parse_credit is."""
    text = _unbracket(_clean(text))
    kind: str | None = None
    for _ in range(3):  # "Mandatory Credit: Photo by X", "© Fotos: X"
        m = _LABEL_RX.match(text)
        if m:
            kind = kind or _LABEL_KIND.get(m.group("label").casefold())
            text = _unbracket(text[m.end() :])
            continue
        m = _COPYRIGHT_RX.match(text)
        if m and m.end():
            text = text[m.end() :]
            continue
        break
    if text.endswith(")"):
        text = _SUFFIX_RX.sub("", text)
    return text.strip(" .,;:"), kind


def label_kind(text: str) -> str | None:
    """The kind a credit's label implies: "Video: X" is a video."""
    return strip_label(text)[1]


def agency(name: str) -> str | None:
    """The canonical short name of an agency or outlet, or None if it is not one we know."""
    key = " ".join(name.strip(" .,").casefold().split())
    if key.startswith("the ") and key not in _ALIASES:
        key = key[4:]
    if key not in _ALIASES and key.endswith(_AGENCY_SUFFIXES):
        key = _AGENCY_SUFFIX_RX.sub("", key)
    return _ALIASES.get(key)


def agency_name(short: str) -> str:
    """The full name of a known agency ("Agence France-Presse" for AFP), else the name given."""
    return _FULL.get(short, short)


@lru_cache(maxsize=8192)
def parse_credit(text: str) -> Credit:
    """Split a credit as printed into its parts; `raw` is the credit with its labels stripped.
    Cached: the same credit line recurs across a site's pages. Treat the result as a value.

    `org` is the first organisation named (the agency), `orgs` all of them in order ("AFP",
    "Getty Images"); `role` says how the picture came ("handout", "pool", "courtesy", ...)."""
    raw, _ = strip_label(text)
    low = text.lower()
    courtesy = any(phrase in low for phrase in _COURTESY)
    handle: str | None = None
    m = _HANDLE_RX.search(raw) if "@" in raw else None
    if m:
        handle = m.group(1)
    body = _HANDLE_RX.sub(" ", raw).strip() if handle else raw
    if "cc" in low or "creative" in low:
        body = _EMPTY_BRACKETS_RX.sub(" ", _LICENCE_RX.sub(" ", body))  # a licence names nobody
        body = " ".join(body.split()).strip(" ,.;/|-–—")
    if "domain" in low or "gemeinfrei" in low or "domaine" in low or "dominio" in low:
        body = " ".join(_PUBLIC_DOMAIN_RX.sub(" ", body).split()).strip(" ,.;/|-–—")  # names nobody
    if _BARE_LABEL_RX.match(body):
        body = _BARE_LABEL_RX.sub("", body, count=1)  # "Photo Lionel Bonaventure. AFP": no colon
    if body.endswith(("(", "[")):
        body = body.rstrip(" ([")  # "Tomas Munita/CIFOR (": a line broken at its licence's link
    role: str | None = "courtesy" if courtesy else None
    if role is None and raw != text.strip() and low.strip():
        role = _ROLE_OF.get(low.split(None, 1)[0])  # "Handout picture: X": the label's qualifier
    m = _COURTESY_RX.match(body)
    if m and m.end() < len(body):
        role, body = "courtesy", body[m.end() :]
    whole_caps = body.isupper()
    people: list[str] = []
    orgs: list[str] = []
    # "A / Quanta Magazine; Fotos: B / Adobe Stock": each clause credits its own maker.
    for clause in _CLAUSE_RX.split(body) if ";" in body else (body,):
        clause_person: str | None = None
        for part in _parts(clause):
            part = strip_label(part)[0]
            if ("19" in part or "20" in part) and _YEAR_RX.search(part):
                part = _YEAR_RX.sub(" ", part).strip(" .,-:")
            if not can_name(part):
                continue  # no party has a one-letter name: "m/w/d" in a job ad, "24/7"
            if part.casefold() in _NO_NAMES:
                continue  # "AP Photo/Uncredited", "... / no name": the credit names nobody here
            found_role = _role_in(part)
            if found_role:
                role = role or _ROLE_OF[found_role.group().casefold()]
                part = _ROLE_RX.sub(" ", part).strip(" .,-")
                if part[:3].casefold() == "by ":
                    part = part[3:].strip()  # "Pool photo by Jane Doe"
                if not part:
                    continue
            if part.casefold() in _PLATFORMS:
                continue  # "@user/Twitter": where it was posted, not who made it
            known = agency(part)
            if known:
                orgs.append(known)
            elif (
                is_organisation(part)
                or (clause_person is not None and _is_name(part))
                or (not whole_caps and _ACRONYM.match(part))
            ):
                # "Name / Quanta Magazine", "X/Kremlin"; an organisation's name ends at a comma
                # ("Quanta Magazine, nach Cai et al.": what follows says what it is based on).
                orgs.append(display_name(part.split(",")[0].strip(), org=True))
            elif clause_person is None and _is_name(part):
                clause_person = display_name(part)
                people.append(clause_person)
    orgs = list(dict.fromkeys(orgs))
    people = list(dict.fromkeys(people))
    return Credit(
        raw=raw,
        person=people[0] if people else None,
        org=orgs[0] if orgs else None,
        role=role,
        handle=handle,
        orgs=tuple(orgs),
        people=tuple(people),
    )


def _role_in(part: str) -> re.Match[str] | None:
    """The first role word of a part ("handout", "pool photo"), looked up word by word before
    the pattern is tried."""
    if _ROLE_FIRST.isdisjoint(_WORD.findall(part.casefold())):
        return None
    return _ROLE_RX.search(part)


def _parts(body: str) -> list[str]:
    on_platform = _ON_PLATFORM.match(body) if " on " in body else None
    if on_platform:
        body = on_platform.group("name")  # "X on Flickr": the platform names nobody
    elif " on " in body:
        maker, _, library = body.rpartition(" on ")
        if agency(library):
            body = f"{maker}/{library}"  # "John Doe on Unsplash": the maker and the library
    if ". " in body:
        maker, _, supplier = body.rpartition(". ")
        if agency(supplier.strip(" .")):
            body = f"{maker}/{supplier}"  # "Lionel Bonaventure. AFP": Libération's full stop
    low = body.lower()
    if any(sign in body for sign in _SPLIT_SIGNS) or any(word in low for word in _SPLIT_WORDS):
        parts = [p.strip(" .,") for p in _SPLIT_RX.split(body)]
    else:
        parts = [body.strip(" .,")]
    out: list[str] = []
    for part in parts:
        pieces = [p.strip(" .") for p in part.split(",")]
        if len(pieces) == 2 and pieces[1].casefold() in _COMPANY_SUFFIXES:
            out.append(part.strip(" ."))  # "Tyvak Nano-Satellite Systems, Inc.": one company
            continue
        # "Jane Doe, AFP": a comma before an agency or a role word separates two parties.
        if len(pieces) == 2 and (
            agency(pieces[1]) or _ROLE_RX.fullmatch(pieces[1]) or is_organisation(pieces[1])
        ):
            out.extend(pieces)
        else:
            out.append(part)
    return [p for p in out if p]


def is_organisation(part: str) -> bool:
    """ "The Smithsonian Institution", "Quanta Magazine", "the port authority", "Fauna & Flora
    International": a body, not a person."""
    words = part.casefold().split()
    return bool(words) and (
        words[0] == "the" or "&" in words or any(w.strip(".,") in _ORG_WORDS for w in words)
    )  # "Fauna & Flora International": no person's name holds an ampersand


def names_nobody(text: str) -> bool:
    """A credit that names no person, organisation or account: a licence alone ("CC-BY-NC 2.0")."""
    credit = parse_credit(text)
    return not (credit.people or credit.orgs or credit.handle)


def can_name(part: str) -> bool:
    """Two letters at least: no party has a one-letter name."""
    return sum(ch.isalpha() for ch in part) >= 2


def _is_name(part: str) -> bool:
    """At most five words, no digits or addresses; and a small word among capitalised ones is a
    particle ("Karam al-Masri", "Ursula von der Leyen"): "Inside the Battle" is a title. A name
    written all in lower case ("lili sams") is still a name."""
    words = part.split()
    if not 1 <= len(words) <= 5 or _NON_NAME.search(part) or not any(ch.isalpha() for ch in part):
        return False
    if "(" in part:
        words = part.split("(")[0].split() or words  # "Thomas Kujat (slowbike makrohaus)"
    small = [w for w in words if w[0].islower()]
    return len(small) == len(words) or all(w.split("-")[0] in _PARTICLES for w in small)


def display_name(name: str, org: bool = False) -> str:
    """A name as a catalogue shows it: as written when it mixes cases; from an all-capital or
    all-lower-case source ("KARAM AL-MASRI", "samson") in title case with particles kept low
    ("Karam al-Masri"). Short all-capital organisation names stay acronyms ("UNICEF")."""
    name = " ".join(name.split())
    if not (name.isupper() or name.islower()) or any(
        ch.isalpha() and ch.lower() == ch.upper() for ch in name
    ):
        return name  # mixed case as written, or a script without case (週刊SPA!, NHKニュース)
    if org and name.isupper() and len(name) <= 6 and " " not in name:
        return name
    if name.isupper() and sum(ch.isalpha() for ch in name) <= 3:
        return name  # initials: "GH", "E.B", "J.R."
    words = []
    for i, word in enumerate(name.lower().split()):
        pieces = word.split("-")
        pieces = [
            p if p in _PARTICLES and (i > 0 or j < len(pieces) - 1) else _cap(p) for j, p in enumerate(pieces)
        ]
        words.append("-".join(pieces))
    return " ".join(words)


def _cap(word: str) -> str:
    if "'" in word or "’" in word:  # o'brien -> O'Brien
        quote = "'" if "'" in word else "’"
        return quote.join(_cap(p) for p in word.split(quote))
    return word[:1].upper() + word[1:]


def party_key(name: str) -> str:
    """What makes two spellings one party: case, accents, hyphens and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("-", " ").replace("’", "'").split())


@dataclass(frozen=True, slots=True)
class Party:
    """One credited party of a media item: who it is, what kind of party, and how it relates to
    the item (`creator` of the picture, `agency` or `distributor`, `account` that posted it)."""

    type: str  # person | organisation | account
    name: str
    key: str
    role: str
    full_name: str | None = None


def parties(
    credit: str | None,
    person: str | None,
    org: str | None,
    handle: str | None,
) -> list[Party]:
    """Every party a media row credits: the person, each organisation its credit names (an
    agency first, then who distributes it) and the posting account."""
    found: list[Party] = []
    org = (agency(org) or org) if org else None
    parsed = parse_credit(credit) if credit else None
    # The credit text adds parties (a second photographer, the distributor) only when it reads
    # as a credit saying what the fields say; a lead-in's words ("Teacher X sends") add none.
    agrees = (
        parsed is not None
        and (person is not None or org is not None)
        and party_key(parsed.person or "") == party_key(person or "")
        and (org is None or org in parsed.orgs)
    )
    people = [person] if person else []
    orgs = [org] if org else []
    if parsed is not None and agrees:
        people.extend(parsed.people)
        orgs.extend(parsed.orgs)
    for name in dict.fromkeys(display_name(n) for n in people):
        found.append(Party("person", name, party_key(name), "creator"))
    for n, name in enumerate(dict.fromkeys(orgs)):
        role = "agency" if n == 0 else "distributor"
        found.append(Party("organisation", name, party_key(name), role, agency_name(name)))
    if handle:
        found.append(Party("account", handle, party_key(handle), "account"))
    unique: dict[tuple[str, str], Party] = {}
    for party in found:
        unique.setdefault((party.type, party.key), party)
    return list(unique.values())


# Two words at least in quotes: a title ("The 'Humans of Khartoum'"), not a nickname ("Al 'Hughes' Dukes").
_QUOTED = re.compile(r"(?:^|\s)['\"‘“][^'\"‘’“”\s]+\s[^'\"‘’“”]+['\"’”](?=\s|$|[,.;:!?])")
_CREDIT_WORDS = ("via", "handout", "getty")
_CREDIT_WORD = re.compile("|".join(rf"\b{word}\b" for word in _CREDIT_WORDS), re.IGNORECASE)


@lru_cache(maxsize=8192)
def looks_like_credit(text: str) -> bool:
    """True when text names who made or supplies media, not what it shows."""
    text = text.strip(" .")
    words = text.split()
    if not words or len(words) > 14:
        return False
    folded = text.casefold()
    if any(notice in folded for notice in RIGHTS_NOTICES):
        return False
    if len(words) >= 3 and "/" not in text and "©" not in text and all(w[:1].islower() for w in words):
        return False  # "opens in a new tab": lower-case prose
    if "/" in text and all(can_name(piece) for piece in text.split("/")):
        return True  # parties joined by slashes; "m/w/d" and "24/7" join none
    if "©" in text or (_has_credit_word(folded) and _CREDIT_WORD.search(text)):
        return True
    on_platform = _ON_PLATFORM.match(text) if " on " in text else None
    if on_platform:
        name = on_platform.group("name")  # a name, not "Photos" or "the show"
        return name[:1].isupper() and name.casefold() not in _LABEL_KIND and looks_like_credit(name)
    if len(words) > 8:
        return False  # whatever parsing found, no credit runs this long without a slash
    if ("'" in text or '"' in text or "‘" in text or "“" in text) and _QUOTED.search(text):
        return False  # "The 'Humans of Khartoum'": a title quotes, a credit names
    if " for " in text and "/" not in text:
        maker = text.split(" for ", 1)[0]
        if not (_is_name(maker) or agency(maker) or is_organisation(maker)):
            return False  # "Inside the Battle for Tripoli": a title, not "Jane Doe for The Times"
    # Capitalised words (or words of a script without case, such as Arabic) make a name: asked
    # before parsing, which it spares.
    if (
        len(words) <= 6
        and any(w[0].isalpha() for w in words)  # "(53,07 €/l)" is a price, not a name
        and all(_name_word(w) for w in words)
    ):
        return True
    credit = parse_credit(text)
    if credit.handle or (credit.role and len(words) <= 3):
        return True
    return credit.org is not None and _names_a_body(credit.org)


def _names_a_body(org: str) -> bool:
    """An organisation's name ("Aleppo Media Centre", "the port authority", "Ministry of
    Defence"), not a sentence that mentions one ("Buses wait outside the hospital", a caption):
    a known agency, three words at most, or capitalised words joined by small ones."""
    words = org.split()
    return (
        len(words) <= 3
        or agency(org) is not None
        or all(not w[0].isalpha() or w[0].isupper() or w.lower() in _NAME_JOINERS for w in words)
    )


def _name_word(word: str) -> bool:
    """A word of a name: capitalised, a particle ("al-Masri"), or of a script without case."""
    return not word[0].islower() or word.lower().split("-")[0] in _PARTICLES or not word[0].isalpha()


def _has_credit_word(folded: str) -> bool:
    """A cheap test before _CREDIT_WORD's pattern."""
    return any(word in folded for word in _CREDIT_WORDS)


def _without_role(piece: str) -> str:
    """ "Reuters files" gives "Reuters": a party with a role word after it."""
    head, _, last = piece.rpartition(" ")
    return head if head and last.casefold() in _ROLE_OF else ""


def may_name_agency(text: str) -> bool:
    """Whether a word of the text (split at spaces, slashes, em dashes and commas, and with its
    full stops, or without them) is a word of a known agency's name: a cheap test before
    agency lookups, which cannot succeed otherwise."""
    folded = text.lower() if text.isascii() else text.casefold()  # lower is the faster
    words = _party_words(folded)
    if not _ALIAS_WORDS.isdisjoint(words):
        return True
    return "." in text and not _ALIAS_WORDS.isdisjoint(map(_strip_dots, words))


def is_bare_credit(text: str) -> bool:
    """ "Karam al-Masri/AFP/Getty Images", "lena berg/reuters", "Joe Raedle via Getty Images": a
    short line of parties joined the way credits join them, one of them a known agency."""
    if len(text) > 90 or not ("/" in text or " via " in text or "—" in text) or "://" in text:
        return False  # "David McNew—Getty Images": Time's em dash joins parties too
    if not may_name_agency(text):
        return False
    words = text.split()
    if len(words) > 8 or text.rstrip().endswith((".", ":", "?", "!")):
        return False
    pieces = _PARTY_SPLIT_RX.split(text)
    if not any(agency(piece) or ((bare := _without_role(piece)) and agency(bare)) for piece in pieces):
        return False  # no known agency among the parties: not worth parsing
    parsed = parse_credit(text)
    return any(agency(org) is not None for org in parsed.orgs) and looks_like_credit(text)
