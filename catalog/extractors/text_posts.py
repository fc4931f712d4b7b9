"""Flattened social posts, embed leftovers and bare media links in plain text.

When a page is saved as text, an embedded post keeps only its fallback words:

- "text pic.twitter.com/x — Name (@handle) December 16, 2016" (on one line, or the byline on the
  line under the post's text),
- "Twitter: NAME - TEXT",
- "A photo posted by NAME (@handle) on Dec 16, 2016 at 3:02am PST" (Instagram),
- "Posted by NAME on Thursday, December 15, 2016" (Facebook),
- "TITLE from USER on Vimeo.",
- "Embed from Getty Images", "[embedded content]" (the embed itself, nothing else).

Each is one item with the handle, name, date and text it kept. A bare URL of a known platform is a
`linked` mention with the platform's identity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from catalog.document import Document, Para, Paras
from catalog.extractors._dates import byline_date
from catalog.extractors._text import described
from catalog.providers import identify
from catalog.records import MediaRef, changed
from catalog.urls import absolute
from catalog.vocabulary import (
    NOT_POST_OPENINGS,
    PHOTO_WORDS,
    PLATFORM_NAMES,
    PLAYER_LEFTOVERS,
    PRESENTING_OPENINGS,
    VIDEO_WORDS,
)

__all__ = ["extract"]

DETECTOR = "text_posts"

_DATE = r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})"
_FLAT_TWEET = re.compile(
    r"^(?P<text>.*?)\s*(?:[—–]|--?)\s*(?P<name>[^()\n—–]{1,60}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>" + _DATE + r")\s*$"
)
# The byline with its date on the line under it (a link, when the page was saved as text).
_FLAT_BYLINE = re.compile(
    r"^(?P<text>.*?)\s*(?:[—–]|--?)\s*(?P<name>[^()\n—–]{1,60}?)\s*\((?P<handle>@\w{1,30})\)\s*$"
)
# The BBC's wrapper round an embed: "Skip twitter post by NAME", "End of youtube post, 1".
_SKIP = re.compile(
    r"^(?:skip|(?P<end>end of))\s+(?P<platform>twitter|x|instagram|facebook|tiktok|youtube|threads|bluesky)"
    r"\s+(?:post|content|video)(?:\s+by\s+(?P<name>.{1,60}?)|,\s*\d+)?\s*$",
    re.IGNORECASE,
)
# A post's byline before its words, as a page's text or a corpus keeps a rendered card: "Lina
# Shamy (@LinaShamy) Buses are leaving", several on one line, and in lower-cased, tokenised
# corpora "lina shamy ( @ linashamy ) buses are leaving" (the handle's own spaces too).
_BYLINE_FIRST = re.compile(r"\(@(?P<handle>\w{1,30})\)|\( @ (?P<spaced>\w[\w ]{0,30}?) \)")
_WORD_AFTER = re.compile(r"\s*(\S+)")
_NAME_REACH = 200  # characters before a handle where its name is looked for
_NAME_WORDS = 4  # the most words of a name before its handle
_POST_WORDS = 2  # the fewest words of a post after its byline
_NEXT_LINE = 2  # a lead-in on the line above, or the one above a blank line
_PRESENTING_WORDS = 30  # the longest sentence that presents a post
_PRESENTING = tuple((*PRESENTING_OPENINGS, "below", "this shows", "these show"))
_MEDIA_NOUNS = PHOTO_WORDS | VIDEO_WORDS
_WORDS = re.compile(r"\S+")
_PROSE_AFTER = frozenset(NOT_POST_OPENINGS)
# A rendered card's header alone on its line: "Volodymyr Zelenskiy (@ZelenskyyUa)".
_CARD_HEADER = re.compile(r"^(?P<name>[^()\n—–@]{1,60}?)\s*\((?P<handle>@\w{1,30})\)$")
# "Twitter: Lina Shamy - Buses are leaving east Aleppo now"; a name holds no "!" or "?" (a
# comment's pingback: "Instagram: Werbung, Werbung, Werbung! - Kerstin und das Chaos").
_PLATFORM_NAMES = frozenset(PLATFORM_NAMES)
_PLATFORM_POST = re.compile(
    r"^(?P<platform>" + "|".join(sorted(_PLATFORM_NAMES)) + r")\s*:\s*"
    r"(?P<name>@?[^\s:–—!?-][^:–—!?]{0,58}?)\s+[-–—]\s+(?P<text>\S.*)$"
)
_INSTAGRAM = re.compile(
    r"^An?\s+(?P<what>photo|video|post)\s+(?:posted|shared)\s+by\s+"
    r"(?:(?P<name>[^()@\n]{1,60}?)\s*\((?P<handle>@?[\w.]{1,30})\)|(?P<bare>@?[\w.]{1,30}))"
    r"(?:\s+on\s+(?P<date>" + _DATE + r")|(?<=\))\s*$)",  # undated since 2020: the handle closes it
    re.IGNORECASE,
)
# A TikTok embed's fallback: "@dancerjoe Rain dance on the high street #storm ♬ original sound - Joe".
_TIKTOK = re.compile(r"^@(?P<handle>[\w.]{2,30})\s+(?P<text>.*?)\s*♬\s*(?P<sound>.*)$")
_FACEBOOK = re.compile(
    r"^Posted\s+by\s+(?P<name>[^\n]{1,60}?)\s+on\s+(?:[A-Z][a-z]+day,?\s+)?(?P<date>" + _DATE + r")\s*$"
)
_VIMEO = re.compile(r"^(?P<title>\S.{0,200}?)\s+from\s+(?P<user>\S.{0,60}?)\s+on\s+Vimeo\.?\s*$")
_GETTY = re.compile(r"^\s*Embed\s+from\s+Getty\s+Images\s*$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^\s*\[\s*embedded\s+content\s*\]\s*$", re.IGNORECASE)
# Platform addresses written without their scheme ("youtube.com/watch?v=...", "t.me/channel/1").
_BARE_HOSTS = (
    "pic.twitter.com/", "t.me/", "youtu.be/", "youtube.com/", "twitter.com/", "x.com/",
    "instagram.com/", "facebook.com/", "tiktok.com/", "vimeo.com/", "soundcloud.com/",
)  # fmt: skip
_URL = re.compile(
    r"(?:https?://|(?<![\w/.@-])(?:www\.|" + "|".join(map(re.escape, _BARE_HOSTS)) + r"))"
    r"[^\s<>\"')\]]+"
)
# One search each finds the lines that may hold an address: ".com/" stands for the bare hosts.
_URL_HINTS = ("http", "www.", ".com/", "t.me/", "youtu.be/")
_HINTS = (*_URL_HINTS, "(@", "( @", "Vimeo", "mbed", "bottom right", "iew gallery", "♬", "on Instagram")
_LEFTOVERS = {phrase: (kind, provider) for phrase, kind, provider in PLAYER_LEFTOVERS}
_MAX_LEFTOVER = 40  # a leftover line is short
_SKIP_REACH = 6  # paragraphs between the BBC's "Skip ... post" line and its "End of ..." line
# What the openings of the leftovers _named_post and _skip_marker read hold, searched in the whole
# text: Instagram's "A photo posted by" / "A video shared by" (in any case), Facebook's "Posted
# by" ("osted" finds both), the BBC's "Skip twitter post by NAME"; "Twitter: NAME - TEXT" is
# found among the lines with a colon.
_NAMED_HINTS = ("osted", "OSTED", "hared", "HARED", "kip ")
# A leftover stands for the item a lead-in right above it announced: it joins that lead-in (one
# paragraph up) or stands as an item of its own.
_MARKER_REACH = 1


def extract(doc: Document) -> Iterator[MediaRef]:
    paras = doc.paras
    # Links are read one line behind, so a post whose words sit on the line above its byline
    # can claim that line's picture link.
    pending: Para | None = None
    for i in _candidates(doc):
        para = paras[i]
        post = (
            _flat_tweet(paras, i, doc.usual_gap)
            or _named_post(para)
            or _marker(para)
            or _skip_marker(paras, i)
            or _player_leftover(paras, i)
            or _tiktok(para)
        )
        if post is not None and post.provider == "instagram":
            post = _framed(post, paras, i)
        posts = [post] if post is not None else _bylines(para, paras[i - 1] if i > 0 else None)
        if posts:
            post = posts[0]
        if pending is not None:
            yield from _links(pending, skip_pics=post is not None and post.line == pending.line)
        yield from posts
        pending = para
        if post is not None and post.line == para.line:
            yield from _links(para, skip_pics=True)
            pending = None
    if pending is not None:
        yield from _links(pending, skip_pics=False)


def _candidates(doc: Document) -> list[int]:
    """Paragraphs holding a handle, an address, a platform's name, an embed's leftover or the
    words a named post's leftover opens with: one str.find pass per hint (no Python step per
    line)."""
    found = doc.candidates_with(_HINTS + _NAMED_HINTS)
    texts = doc.paras.texts
    found.update(i for i in doc.candidates_with((":",)) if texts[i].partition(":")[0] in _PLATFORM_NAMES)
    return sorted(found)


def _flat_tweet(paras: Paras, i: int, usual_gap: int) -> MediaRef | None:
    """ "text — Name (@handle) Month D, YYYY", its date on the line under it, or its text on the
    line above it."""
    if "(@" not in paras.texts[i]:
        return None  # the pattern backtracks: only lines with a handle are worth it
    para = paras[i]
    m = _FLAT_TWEET.match(para.text.strip())
    context = para.text
    posted = byline_date(m.group("date")) if m else None
    if not m and i + 1 < len(paras) and para.text.rstrip().endswith(")"):
        below = paras.texts[i + 1]
        posted = byline_date(below)
        if posted:  # "— Name (@handle)" over "25. September 2018"
            m = _FLAT_BYLINE.match(para.text.strip())
            context = f"{para.text}\n{below}"
    if not m:
        return _card(paras, i)
    text = m.group("text").strip() or None
    line = para.line
    prev = paras[i - 1] if i > 0 else None
    if text is None and prev is not None and _is_post_text(prev, para, usual_gap):
        # The byline alone on its line: the post's words are the line above it.
        text, line, context = prev.text.strip(), prev.line, f"{prev.text}\n{context}"
    return _tweet(line, m.group("name").strip(), m.group("handle"), text, posted, context, context)


def _tweet(
    line: int, name: str, handle: str, text: str | None, posted: str | None, context: str, linked: str
) -> MediaRef:
    """A flattened tweet, its address taken from the last status link in `linked` (its words or
    its byline), if any."""
    ident = None
    for raw in _URL.findall(linked):
        found = identify(_absolute(raw))
        if found is not None and found.provider == "twitter":
            ident = found
    return MediaRef(
        kind="social_post",
        presence="described",
        detector=DETECTOR,
        position=line,
        line=line,
        provider="twitter",
        url=ident.url if ident else None,
        urls=(ident.url,) if ident else (),
        post_id=ident.post_id if ident else None,
        credit=f"{name} ({handle})",
        author_name=name,
        author_handle=handle,
        posted_at=posted,
        post_text=text,
        context=context,
        attaches=True,
        reach=_MARKER_REACH,
    )


def _bylines(para: Para, above: Para | None = None) -> list[MediaRef]:
    """Every post of a line whose bylines come first ("Name (@handle) words ..."), each with its
    name (the words just before its handle, the words that spell the handle when a lead-in runs
    into them: "... writer stephen king stephen king ( @ stephenking )") and its words (up to the
    next post's name). The first post's caption is the lead-in before it on its line ("residents
    have been sharing what they can see :"), or the sentence on the line above that presents it
    ("here 's chopper footage of that fire .", "below is an image of a dead bat being bagged .")."""
    text = para.text
    if "@" not in text:
        return []
    found = []
    for m in _BYLINE_FIRST.finditer(text):
        after = _WORD_AFTER.match(text, m.end())
        if after and (after.group(1).lower() in _PROSE_AFTER or after.group(1)[:1] in ",;"):
            continue  # "said Jane Doe (@janedoe), the", "Jane Doe (@janedoe) is our correspondent"
        if _ON_PLATFORM.match(text, m.end()):
            continue  # "Follow Jane Doe (@janedoe) on Twitter": where to find an account
        handle = "@" + (m.group("handle") or m.group("spaced").replace(" ", ""))
        reach = max(0, m.start() - _NAME_REACH)
        name, start = _name_before(text[reach : m.start()], handle)
        if name is not None and (
            _BY_BEFORE.search(text, reach, reach + start) or name.split()[0].lower() in _BYLINE_WORDS
        ):
            continue  # "By Jane Doe (@janedoe) and John Roe (@jroe)": a story's byline, no post
        found.append(((name, reach + start), m, handle))
    posts = []
    for k, ((name, start), m, handle) in enumerate(found):
        end = found[k + 1][0][1] if k + 1 < len(found) else len(text)
        words = text[m.end() : end].strip() or None
        if name is None or words is None or (len(words.split()) < _POST_WORDS and words != "."):
            continue  # "Stefan Keller (@sfkeller)" alone, "(@vrenifrost) am": an author's box, a comment's
        # (a tokenised corpus closes a post of a picture alone with " .": "jason ng ( @ byjasonng ) .")
        post = _tweet(para.line, name or handle, handle, words, None, text[start:end].strip(), words or "")
        lead = text[:start].strip() if k == 0 else ""
        caption = lead.rstrip(":： ").strip() or None if lead.endswith((":", "：")) else None
        if k == 0 and not lead and above is not None and para.line - above.line <= _NEXT_LINE:
            caption = _presenting(above.text)
        posts.append(
            changed(post, author_name=name, credit=f"{name} ({handle})" if name else handle, caption=caption)
        )
    return posts


def _presenting(text: str) -> str | None:
    """The line above a post, when it is a short sentence presenting what the post shows: it
    opens as a presentation ("Here's", "Below is") or names a picture or a video."""
    text = text.strip()
    words = text.lower().replace(" '", "'").split()
    if not words or len(words) > _PRESENTING_WORDS or "@" in text or not text.endswith((".", ":", "!")):
        return None
    opening = " ".join(words[:2])
    if not (opening.startswith(_PRESENTING) or not _MEDIA_NOUNS.isdisjoint(w.strip(".,:;!") for w in words)):
        return None
    return text.rstrip(".:! ").strip()


def _name_before(before: str, handle: str) -> tuple[str | None, int]:
    """The name in front of a handle and where it starts in `before`: the last words that spell
    the handle ("... writer stephen king stephen king"), or else the last words up to a colon,
    a sentence's end or a mention, at most _NAME_WORDS of them; an initial or a title closed by
    a full stop ("Donald J. Trump", "Robert F. Kennedy Jr.") ends no sentence."""
    words = list(_WORDS.finditer(before))[-_NAME_WORDS:]
    spelled = handle[1:].casefold()
    for k in range(len(words)):
        if "".join(w.group() for w in words[k:]).casefold().replace(".", "") == spelled:
            return " ".join(w.group() for w in words[k:]), words[k].start()
    cut = 0
    for k, w in enumerate(words):
        word = w.group()
        if word in ("@", "#"):
            cut = k + 2  # a tokenised mention, "@ twitterid": the name is after it
        elif _ends_name(word):
            cut = k + 1
    words = words[cut:]
    if not words:
        return None, len(before.rstrip())
    return " ".join(w.group() for w in words), words[0].start()


# A word a name may close with a full stop: an initial, a title ("J.", "Jr.", "Dr.", "St.").
_NAME_DOTS = re.compile(r"^(?:[^\W\d_]\.|(?:jr|sr|dr|st|mr|mrs|ms|prof|gen|sen|rep|gov)\.)$", re.IGNORECASE)


def _ends_name(word: str) -> bool:
    """A word no name runs on past: a mention, a dash, a colon or a sentence's end (an initial's
    or a title's full stop excepted)."""
    if word[0] in "@#" or word in ("-", "—", "–") or word[-1] in ":!?;,)":
        return True
    return word[-1] == "." and not _NAME_DOTS.match(word)


# "By" (or "Follow") right before a name: a story's byline, an invitation to an account.
_BY_BEFORE = re.compile(r"(?:^|\s)(?:by|follow|and)\s+$", re.IGNORECASE)
_BYLINE_WORDS = ("by", "and", "follow")
_ON_PLATFORM = re.compile(
    r"\s*on\s+(?:" + "|".join(sorted(map(re.escape, PLATFORM_NAMES))) + r")\b", re.IGNORECASE
)


def _card(paras: Paras, i: int) -> MediaRef | None:
    """A post copied from its rendered card: "Name (@handle)" alone on its line, the words under
    it, and its date under them ("March 6, 2025") or a picture's link in its words. An author's
    box ("Jane Doe (@janedoe)" over a biography) has neither."""
    m = _CARD_HEADER.match(paras.texts[i])
    if m is None or i + 1 >= len(paras) or paras[i + 1].stamp is not None:
        return None
    text = paras.texts[i + 1].strip()
    if text.endswith(":") or "(@" in text:
        return None
    posted = byline_date(paras.texts[i + 2]) if i + 2 < len(paras) else None
    if not posted and "pic.twitter.com/" not in text and "t.co/" not in text:
        return None
    context = "\n".join(paras.texts[i : i + (3 if posted else 2)])
    return _tweet(paras[i].line, m.group("name").strip(), m.group("handle"), text, posted, context, text)


def _is_post_text(prev: Para, byline: Para, usual_gap: int = 0) -> bool:
    """The line above a lone byline is the post's text when nothing separates them but the
    text's usual blank lines (a page saved as text puts one between all its lines), or when it
    carries the post's picture link; a lead-in ending in ':' is not."""
    text = prev.text.strip()
    if not text or text.endswith(":"):
        return False
    return byline.line - prev.line <= 1 + usual_gap or "pic.twitter.com/" in text or "t.co/" in text


def _named_post(para: Para) -> MediaRef | None:
    """Instagram, Facebook, Vimeo and "Twitter: NAME - TEXT" leftovers."""
    text = para.text.strip()
    if len(text) > 600 or not (
        text.startswith(("A ", "An ", "a ", "an ", "Posted by"))
        or "Vimeo" in text
        or text.partition(":")[0] in _PLATFORM_NAMES
    ):
        return None  # none of the shapes below can match: skip the patterns
    m = _INSTAGRAM.match(text)
    if m:
        handle = m.group("handle") or m.group("bare")
        handle = handle if handle.startswith("@") else f"@{handle}"
        name = (m.group("name") or "").strip() or None
        return _post(
            para,
            provider="instagram",
            kind="social_post",
            name=name,
            handle=handle,
            date=m.group("date"),
            credit=f"{name} ({handle})" if name else handle,
        )
    m = _FACEBOOK.match(text)
    if m:
        name = m.group("name").strip()
        date = m.group("date")
        return _post(para, provider="facebook", kind="social_post", name=name, date=date, credit=name)
    m = _VIMEO.match(text)
    if m:
        user = m.group("user").strip()
        return _post(para, provider="vimeo", kind="video", name=user, credit=user, caption=m.group("title"))
    m = _PLATFORM_POST.match(text)
    if m:
        platform = m.group("platform").lower()
        who = m.group("name").strip()
        handle = who if who.startswith("@") else None
        return _post(
            para,
            provider="twitter" if platform == "x" else platform,
            kind="social_post",
            name=None if handle else who,
            handle=handle,
            credit=who,
            post_text=m.group("text").strip(),
        )
    return None


def _post(
    para: Para,
    *,
    provider: str,
    kind: str,
    credit: str,
    name: str | None = None,
    handle: str | None = None,
    date: str | None = None,
    caption: str | None = None,
    post_text: str | None = None,
) -> MediaRef:
    return described(
        DETECTOR,
        para,
        kind,
        provider=provider,
        caption=caption.strip() if caption else None,
        credit=credit,
        author_name=name,
        author_handle=handle,
        posted_at=byline_date(date) if date else None,
        post_text=post_text,
        context=para.text,
        attaches=True,
        reach=_MARKER_REACH,
    )


def _marker(para: Para) -> MediaRef | None:
    """ "Embed from Getty Images" and "[embedded content]": the embed's own leftover. It joins the
    item a lead-in just above announced, or stands as an item of its own."""
    text = para.text
    if len(text) > 40 or "mbed" not in text:
        return None
    if _GETTY.match(text):
        return described(
            DETECTOR,
            para,
            "photo",
            provider="getty",
            credit="Getty Images",
            credit_org="Getty Images",
            context=text,
            attaches=True,
            reach=_MARKER_REACH,
        )
    if _PLACEHOLDER.match(text):
        return described(
            DETECTOR,
            para,
            "social_post",
            context=text,
            attaches=True,
            reach=_MARKER_REACH,
        )
    return None


def _skip_marker(paras: Paras, i: int) -> MediaRef | None:
    """The BBC's accessible wrapper round an embed: "Skip twitter post by Sarah Keith-Lucas" (or
    "..., 1") before it and "End of twitter post by ..." after it. One item per embed, from its
    "Skip" line, or from its "End of" line when the "Skip" line is gone."""
    m = _SKIP.match(paras.texts[i])
    if m is None:
        return None
    if m.group("end") and any(
        (above := _SKIP.match(text)) and not above.group("end")
        for text in paras.texts[max(0, i - _SKIP_REACH) : i]
    ):
        return None  # its "Skip" line made the item
    platform = m.group("platform").lower()
    provider = "twitter" if platform == "x" else platform
    name = (m.group("name") or "").strip() or None
    return described(
        DETECTOR,
        paras[i],
        "video" if provider == "youtube" else "social_post",
        provider=provider,
        author_name=name,
        credit=name,
        context=paras.texts[i],
        attaches=True,
        reach=_MARKER_REACH,
    )


def _framed(post: MediaRef, paras: Paras, i: int) -> MediaRef:
    """Instagram's embed as a text keeps it since 2020: "View this post on Instagram" over "A post
    shared by NAME (@handle)", then "on" and the date on lines of their own. The post joins a
    lead-in above the "View" line, and its date is read from below."""
    if i > 0 and _leftover(paras.texts[i - 1]):
        post = changed(post, reach=_MARKER_REACH + 1)
    if post.posted_at is None and i + 2 < len(paras) and paras.texts[i + 1].strip().casefold() == "on":
        posted = byline_date(paras.texts[i + 2].split(" at ")[0])  # "Jun 16, 2019 at 7:30am PDT"
        if posted:
            post = changed(post, posted_at=posted, context=f"{post.context}\non\n{paras.texts[i + 2]}")
    return post


def _tiktok(para: Para) -> MediaRef | None:
    """A TikTok embed's fallback: "@dancerjoe Rain dance on the high street #storm ♬ original
    sound - Joe Dancer"."""
    m = _TIKTOK.match(para.text) if "♬" in para.text else None
    if m is None:
        return None
    handle = f"@{m.group('handle')}"
    text = m.group("text").strip() or None
    return _post(para, provider="tiktok", kind="video", handle=handle, credit=handle, post_text=text)


def _leftover(text: str) -> tuple[str, str | None] | None:
    """The kind and platform a player's or an embed's leftover line stood for (PLAYER_LEFTOVERS)."""
    return _LEFTOVERS.get(text.strip(" .…").casefold()) if len(text) <= _MAX_LEFTOVER else None


def _player_leftover(paras: Paras, i: int) -> MediaRef | None:
    """ "Video playing bottom right..." under a video's title, "View gallery" (under "+5") over a
    picture's caption: one item where the player or the picture stood, captioned by the title
    or the caption beside it when that reads as one (a line with no closing full stop)."""
    text = paras.texts[i]
    found = _leftover(text)
    if found is None:
        return None
    kind, provider = found
    below = paras.texts[i + 1].strip() if i + 1 < len(paras) else ""
    if provider == "instagram" and _INSTAGRAM.match(below):
        return None  # "A post shared by NAME (@handle)" under it is the item
    k = i + 1 if kind == "photo" else i - 1  # a gallery's caption is under it, a video's title above
    beside = paras.texts[k].strip() if 0 <= k < len(paras) and kind != "social_post" else ""
    if not (3 <= len(beside.split()) <= 60) or beside.endswith((".", ":", "?", "!")):
        beside = ""
    lines = (text, beside) if kind == "photo" else (beside, text)
    return described(
        DETECTOR,
        paras[i],
        kind,
        provider=provider,
        caption=beside or None,
        context="\n".join(line for line in lines if line),
        attaches=True,
        reach=_MARKER_REACH,
    )


def _links(para: Para, skip_pics: bool) -> Iterator[MediaRef]:
    for hint in _URL_HINTS:
        if hint in para.text:
            break
    else:
        return
    for raw in _URL.findall(para.text):
        raw = raw.rstrip(".,;:!?")
        if skip_pics and ("pic.twitter.com" in raw or "twitter.com" in raw):
            continue
        url = _absolute(raw)
        ident = identify(url)
        if ident is None:
            continue
        yield MediaRef(
            kind=ident.kind,
            presence="linked",
            detector=DETECTOR,
            position=para.line,
            line=para.line,
            provider=ident.provider,
            url=ident.url,
            urls=tuple(dict.fromkeys((ident.url, url))),
            post_id=ident.post_id,
            context=para.text,
        )


def _absolute(raw: str) -> str:
    return absolute(raw if "://" in raw else "https://" + raw, None) or raw
