"""Generated pages and texts of realistic size and shape for the benchmarks (never for tests of
correctness: those have hand-written fixtures). Deterministic: the same seed, the same corpus.

A page is a news article of about 65 KB and 800 elements, near the size and density of the
real pages of ../shared/eval/dev: header and navigation, share buttons, ad slots, two dozen
paragraphs, figures with captions and credit lines, a tweet embed, a YouTube player, comments
with avatars, related and most-read teasers with thumbnails, and a footer. A text is a stripped
live blog entry run of about 6 KB: stamps, lead-ins, credit lines, a flattened tweet and prose.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "residents",
    "convoy",
    "river",
    "bridge",
    "flooded",
    "street",
    "rescuers",
    "boat",
    "market",
    "square",
    "smoke",
    "harbour",
    "wall",
    "storm",
    "night",
    "morning",
    "evacuation",
    "buses",
    "hospital",
    "school",
    "protest",
    "police",
    "crowd",
    "minister",
    "visit",
    "ruins",
    "fire",
    "crews",
    "volunteers",
    "children",
    "families",
    "shelter",
    "city",
    "council",
    "water",
    "power",
    "roads",
    "north",
    "south",
    "east",
    "west",
    "officials",
    "said",
    "on",
    "Thursday",
    "after",
    "the",
    "announcement",
    "during",
    "talks",
    "in",
    "the",
    "capital",
)
PEOPLE = ("Karam al-Masri", "Ana Ruiz", "Lena Berg", "Omar Haj Kadour", "Jane Doe", "Eric Vidal", "Jan Novak")
AGENCIES = ("AFP", "Reuters", "AP", "EPA", "Getty Images", "Anadolu")


def _sentence(rnd: random.Random, n: int = 18) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


def page(i: int) -> str:
    rnd = random.Random(i)
    nav = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(80))
    state = ",".join(f'{{"id":{k},"slot":"ad-{k}","sizes":[[300,250],[728,90]]}}' for k in range(250))
    body = []
    cdn = f"https://cdn.example.org/{i}"
    video = f"{'abcdefghijk'[: 11 - len(str(i))]}{i}"
    for k in range(24):
        body.append("<p>" + " ".join(_sentence(rnd) for _ in range(5)) + "</p>")
        if k % 4 == 1:
            who, agency = rnd.choice(PEOPLE), rnd.choice(AGENCIES)
            body.append(
                f'<figure class="article-figure"><picture><source srcset="{cdn}/{k}-800.webp 800w, '
                f'{cdn}/{k}-1600.webp 1600w" type="image/webp">'
                f'<img src="{cdn}/{k}.jpg" width="1600" height="900" alt="{_sentence(rnd, 6)}">'
                f"</picture><figcaption>{_sentence(rnd, 12)} "
                f'<span class="credit">Photo: {who}/{agency}</span>'
                "</figcaption></figure>"
            )
        if k == 6:
            body.append(
                f'<blockquote class="twitter-tweet"><p lang="en">{_sentence(rnd, 14)}</p>&mdash; Local Desk '
                f'(@localdesk{i % 50}) <a href="https://twitter.com/localdesk{i % 50}/status/{10**17 + i}">'
                "December 16, 2016</a></blockquote>"
            )
        if k == 9:
            body.append(
                f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{video}" '
                "allowfullscreen></iframe>"
            )
    related = "".join(
        f'<li><a href="/story/{i + k}"><img src="https://cdn.example.org/thumbs/{i + k}.jpg" width="120" '
        f'height="80">{_sentence(rnd, 8)}</a></li>'
        for k in range(8)
    )
    share = "".join(
        f'<li class="share-{net}"><a href="https://{net}.example/share?u={i}" aria-label="Share on {net}">'
        f'<svg width="16" height="16"><path d="M0 0h16v16H0z"></path></svg><span>{net}</span></a></li>'
        for net in ("facebook", "twitter", "whatsapp", "email", "linkedin", "reddit", "copy")
    )
    ads = "".join(
        f'<div class="ad-slot" id="ad-{k}"><div class="ad-label">Advertisement</div><div class="ad-inner">'
        f'<img src="https://ads.example/pixel/{k}.gif" width="1" height="1" alt=""></div></div>'
        for k in range(6)
    )
    most_read = "".join(
        f'<li class="teaser"><a href="/story/{i + 100 + k}">'
        f'<img src="https://cdn.example.org/thumbs/mr{k}.jpg" '
        f'width="160" height="90" alt=""><span class="teaser-title">{_sentence(rnd, 7)}</span></a></li>'
        for k in range(10)
    )
    comments = "".join(
        f'<div class="comment"><img class="avatar" src="https://avatars.example/{k}.png" '
        'width="40" height="40">'
        f'<div class="comment-body"><span class="author">Reader {k}</span><time>2 hours ago</time>'
        f"<p>{_sentence(rnd, 20)}</p><button>Reply</button><button>Like</button></div></div>"
        for k in range(30)
    )
    footer = "".join(f'<li><a href="/about/{k}">About page {k}</a></li>' for k in range(60))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story {i}</title>'
        f'<link rel="canonical" href="https://news.example.org/story/{i}">'
        f'<meta property="og:image" content="https://cdn.example.org/{i}/1.jpg">'
        f"<script>window.__STATE__=[{state}];</script>"
        f"<style>{'body{margin:0} .a{color:red} ' * 40}</style></head><body>"
        f'<header><img src="/logo.svg" alt="News" class="logo"><nav><ul>{nav}</ul></nav></header>'
        f'<div class="share"><ul>{share}</ul></div>{ads}'
        f"<main><article><h1>{_sentence(rnd, 9)}</h1>{''.join(body)}</article>"
        f'<section class="comments"><h2>Comments</h2>{comments}</section>'
        f'<aside class="related"><h2>Related</h2><ul>{related}</ul></aside>'
        f'<aside class="most-read"><h2>Most read</h2><ol>{most_read}</ol></aside></main>'
        f"<footer><ul>{footer}</ul><p>{_sentence(rnd, 30)}</p></footer></body></html>"
    )


def text(i: int) -> str:
    rnd = random.Random(-1 - i)
    out = [f"Live: {_sentence(rnd, 8)}", ""]
    for k in range(6):
        out += [f"{10 + k}:{(7 * k) % 60:02d}", ""]
        out += [" ".join(_sentence(rnd) for _ in range(3)), ""]
        if k % 2 == 0:
            who, agency = rnd.choice(PEOPLE), rnd.choice(AGENCIES)
            out += [f"Drone footage of the {rnd.choice(WORDS)} on Thursday:", ""]
            out += [" ".join(_sentence(rnd) for _ in range(2)), ""]
            out += [f"PHOTO: {_sentence(rnd, 7)[:-1]}", "", f"Photo: {who}/{agency}", ""]
        if k == 3:
            out += [
                f"{_sentence(rnd, 12)} pic.twitter.com/ab{i % 1000}cd"
                " — Local Desk (@localdesk) December 16, 2016",
                "",
            ]
        out += [" ".join(_sentence(rnd) for _ in range(4)), ""]
    return "\n".join(out) + "\n"


def write(folder: Path, pages: int, texts: int) -> list[Path]:
    """`pages` HTML pages and `texts` plain texts in `folder`, spread over subfolders of 1,000."""
    out = []
    for i in range(pages):
        path = folder / f"pages{i // 1000:02d}" / f"story-{i:05d}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(i), encoding="utf-8")
        out.append(path)
    for i in range(texts):
        path = folder / f"texts{i // 1000:02d}" / f"blog-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text(i), encoding="utf-8")
        out.append(path)
    return out
