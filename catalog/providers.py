"""Platform URL patterns: which provider a URL belongs to, its post id and canonical URL; and
what each platform answers about its posts (oEmbed endpoints, pages that answer 200 for any post).

Every pattern has one named group `id` (checked at import); adding a platform is one entry.
Twitter and x.com, the YouTube forms, t.me and telegram.me each map to one identity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "APP_PAGES",
    "HOST_HINTS",
    "OEMBED_ENDPOINTS",
    "PROVIDERS",
    "Identity",
    "identify",
    "provider_of_host",
]


@dataclass(frozen=True)
class Pattern:
    provider: str
    kind: str
    regex: re.Pattern[str]
    canonical: str  # format string over the pattern's named groups


def _p(provider: str, kind: str, pattern: str, canonical: str) -> Pattern:
    rx = re.compile(pattern, re.IGNORECASE)
    if "id" not in rx.groupindex:
        raise ValueError(f"provider pattern for {provider} lacks the named group 'id'")
    return Pattern(provider, kind, rx, canonical)


_S = r"^(?:https?:)?//(?:www\.|m\.|mobile\.)?"
# SoundCloud's player up to the address it plays, whose scheme may be escaped.
_SOUNDCLOUD_PLAYER = (
    r"^(?:https?:)?//w\.soundcloud\.com/player/?\?(?:.*&)?url=(?:https?(?::|%3A)(?://|%2F%2F))?"
)

PROVIDERS: tuple[Pattern, ...] = (
    _p(
        "twitter",
        "social_post",
        _S + r"(?:twitter|x)\.com/(?:i/web|(?P<user>\w{1,30}))/status(?:es)?/(?P<id>\d+)",
        "https://twitter.com/{user}/status/{id}",
    ),
    _p(
        "twitter",
        "social_post",
        r"^(?:https?:)?//platform\.twitter\.com/embed/Tweet\.html\?(?:.*&)?id=(?P<id>\d+)",
        "https://twitter.com/i/web/status/{id}",
    ),
    _p(
        "youtube",
        "video",
        _S + r"(?:youtube(?:-nocookie)?\.com/(?:embed/|v/|shorts/|live/|watch\?(?:.*&)?v=)"
        r"|youtu\.be/)(?P<id>[\w-]{11})(?![\w-])",
        "https://www.youtube.com/watch?v={id}",
    ),
    _p(
        "instagram",
        "social_post",
        _S + r"instagram\.com/(?:[\w.]+/)?(?:p|tv|reel)/(?P<id>[\w-]+)",
        "https://www.instagram.com/p/{id}/",
    ),
    _p(
        "telegram",
        "social_post",
        _S + r"(?:t\.me|telegram\.me)/(?:s/)?(?P<id>\w{3,64}/\d+)",
        "https://t.me/{id}",
    ),
    _p(
        "vimeo",
        "video",
        r"^(?:https?:)?//(?:www\.|player\.)?vimeo\.com/(?:video/|channels/\w+/)?(?P<id>\d+)",
        "https://vimeo.com/{id}",
    ),
    _p(
        "dailymotion",
        "video",
        _S + r"(?:dailymotion\.com/(?:embed/)?video/|dai\.ly/)(?P<id>[a-z0-9]+)",
        "https://www.dailymotion.com/video/{id}",
    ),
    _p(
        "twitch",
        "video",
        r"^(?:https?:)?//(?:clips\.twitch\.tv/(?:embed\?(?:.*&)?clip=)?|(?:www\.|m\.)?twitch\.tv/\w+/clip/)"
        r"(?P<id>[\w-]{6,})",
        "https://clips.twitch.tv/{id}",
    ),
    _p(
        "twitch",
        "video",
        r"^(?:https?:)?//(?:player\.twitch\.tv/\?(?:.*&)?video=v?|(?:www\.|m\.)?twitch\.tv/videos/)(?P<id>\d+)",
        "https://www.twitch.tv/videos/{id}",
    ),
    _p(
        "tiktok",
        "video",
        _S + r"tiktok\.com/(?:@[\w.]+/video/|embed/(?:v2/)?)(?P<id>\d+)",
        "https://www.tiktok.com/video/{id}",
    ),
    _p(
        "facebook",
        "video",
        _S + r"facebook\.com/(?P<id>[\w.]+/videos/\d+)",
        "https://www.facebook.com/{id}",
    ),
    _p(
        "facebook",
        "social_post",
        _S + r"facebook\.com/(?P<id>[\w.]+/posts/\d+)",
        "https://www.facebook.com/{id}",
    ),
    _p(
        "reddit",
        "social_post",
        _S + r"(?:old\.)?reddit\.com/r/\w+/comments/(?P<id>\w+)",
        "https://www.reddit.com/comments/{id}",
    ),
    _p(
        "bluesky",
        "social_post",
        _S + r"bsky\.app/profile/(?P<id>[\w.:-]+/post/\w+)",
        "https://bsky.app/profile/{id}",
    ),
    _p(
        "threads",
        "social_post",
        _S + r"threads\.(?:net|com)/@[\w.]+/post/(?P<id>[\w-]+)",
        "https://www.threads.net/post/{id}",
    ),
    _p(
        "mastodon",
        "social_post",
        r"^(?:https?:)?//(?P<id>[\w.-]+/@[\w.]+/\d+)/embed\b",  # any instance: only its embed form
        "https://{id}",
    ),
    _p(
        "jwplayer",
        "video",
        r"^(?:https?:)?//(?:cdn|content)\.jw(?:player|platform)\.com/(?:players|previews|videos|v2/media)/"
        r"(?P<id>[a-zA-Z0-9]{8})",
        "https://cdn.jwplayer.com/previews/{id}",
    ),
    _p(
        "brightcove",
        "video",
        r"^(?:https?:)?//players\.brightcove\.net/(?P<account>\d+)/[\w-]+/index\.html\?(?:[^#]*&)?"
        r"videoId=(?P<id>[\w:-]+)",
        "https://players.brightcove.net/{account}/default_default/index.html?videoId={id}",
    ),
    _p(
        "apple_podcasts",
        "audio",
        r"^(?:https?:)?//(?:embed\.)?podcasts\.apple\.com/(?:[a-z]{2}/)?podcast/[\w%-]*/?(?P<id>id\d+(?:\?i=\d+)?)",
        "https://podcasts.apple.com/podcast/{id}",
    ),
    _p(
        "acast",
        "audio",
        r"^(?:https?:)?//(?:embed\.|play\.|shows\.)?acast\.com/(?:\$/)?(?P<id>[\w-]+/[\w-]+)",
        "https://shows.acast.com/{id}",
    ),
    _p(
        "megaphone",
        "audio",
        r"^(?:https?:)?//player\.megaphone\.fm/(?:\?e=)?(?P<id>[A-Z0-9]{6,})",
        "https://player.megaphone.fm/{id}",
    ),
    _p(
        "periscope",
        "video",
        r"^(?:https?:)?//(?:www\.)?(?:periscope\.tv|pscp\.tv)/(?:w/|[\w]+/)(?P<id>[\w-]{10,})",
        "https://www.pscp.tv/w/{id}",
    ),
    _p(
        "liveleak",
        "video",
        r"^(?:https?:)?//(?:www\.)?liveleak\.com/(?:view\?[it]=|ll_embed\?[if]=)(?P<id>[\w]+)",
        "https://www.liveleak.com/view?i={id}",
    ),
    # SoundCloud's player names what it plays in its url parameter, escaped or not:
    # w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293
    _p(
        "soundcloud",
        "audio",
        _SOUNDCLOUD_PLAYER + r"api\.soundcloud\.com(?:/|%2F)(?P<id>(?:tracks|playlists)(?:/|%2F)\d+)",
        "https://api.soundcloud.com/{id}",
    ),
    _p(
        "soundcloud",
        "audio",
        _SOUNDCLOUD_PLAYER + r"(?:www\.)?soundcloud\.com(?:/|%2F)(?P<id>[\w-]+(?:/|%2F)[\w-]+)",
        "https://soundcloud.com/{id}",
    ),
    _p(
        "soundcloud",
        "audio",
        _S + r"soundcloud\.com/(?P<id>[\w-]+/[\w-]+)(?:$|[?#])",
        "https://soundcloud.com/{id}",
    ),
    _p(
        "spotify",
        "audio",
        r"^(?:https?:)?//open\.spotify\.com/(?:embed/)?(?P<id>(?:episode|track|show|album)/\w+)",
        "https://open.spotify.com/{id}",
    ),
    _p(
        "flickr",
        "photo",
        _S + r"flickr\.com/photos/[\w@-]+/(?P<id>\d+)",
        "https://www.flickr.com/photo.gne?id={id}",
    ),
    _p(
        "imgur",
        "photo",
        r"^(?:https?:)?//(?:www\.|i\.)?imgur\.com/(?:gallery/|a/)?(?P<id>\w{5,8})(?:\.\w+)?(?:$|[?#])",
        "https://imgur.com/{id}",
    ),
    _p(
        "giphy",
        "video",
        _S + r"giphy\.com/(?:gifs|embed)/(?:[\w-]+-)?(?P<id>\w{8,})",
        "https://giphy.com/gifs/{id}",
    ),
    _p(
        "getty",
        "photo",
        _S + r"(?:gettyimages\.\w+(?:\.\w+)?/detail/(?:[\w-]+/[\w-]+/)?|gty\.im/|"
        r"embed\.gettyimages\.com/embed/)(?P<id>\d+)",
        "https://www.gettyimages.com/detail/{id}",
    ),
)

# Every address `identify` recognises contains one of these: a cheap test before the patterns.
HOST_HINTS = (
    "twitter.com",
    "x.com/",
    "youtu",
    "instagram.com",
    "t.me/",
    "telegram.",
    "vimeo.com",
    "dailymotion.com",
    "dai.ly",
    "tiktok.com",
    "facebook.com",
    "fb.watch",
    "reddit.com",
    "bsky.app",
    "threads.",
    "soundcloud.com",
    "spotify.com",
    "flickr.com",
    "flic.kr",
    "imgur.com",
    "giphy.com",
    "gettyimages.",
    "gty.im",
    "jwplayer.com",
    "jwplatform.com",
    "brightcove.net",
    "/embed",
)

# Hosts whose files belong to a platform although their URLs carry no post id.
_HOST_PROVIDERS: tuple[tuple[str, str], ...] = (
    ("twimg.com", "twitter"),
    ("ytimg.com", "youtube"),
    ("cdninstagram.com", "instagram"),
    ("fbcdn.net", "facebook"),
    ("redd.it", "reddit"),
    ("giphy.com", "giphy"),
    ("imgur.com", "imgur"),
    ("staticflickr.com", "flickr"),
    ("gettyimages.com", "getty"),
    ("brightcove.net", "brightcove"),
    ("jwplayer.com", "jwplayer"),
    ("jwplatform.com", "jwplayer"),
)


@dataclass(frozen=True)
class Identity:
    """What a URL is on its platform: `key` is the stable media id, e.g. `youtube:AEyOoZ7JpyY`."""

    provider: str
    kind: str
    post_id: str
    url: str

    @property
    def key(self) -> str:
        return f"{self.provider}:{self.post_id}"


def identify(url: str) -> Identity | None:
    """The platform identity of an absolute URL, or None for ordinary files and pages."""
    for pattern in PROVIDERS:
        m = pattern.regex.search(url)
        if m:
            # a player's parameter may hold the address escaped ("tracks%2F293")
            groups = {k: v.replace("%2F", "/").replace("%2f", "/") for k, v in m.groupdict().items() if v}
            groups.setdefault("user", "i/web")
            canonical = pattern.canonical.format(**groups)
            return Identity(pattern.provider, pattern.kind, groups["id"], canonical)
    return None


def provider_of_host(host: str) -> str | None:
    """The platform whose CDN serves this host, if any."""
    host = host.lower()
    for suffix, provider in _HOST_PROVIDERS:
        if host == suffix or host.endswith("." + suffix):
            return provider
    return None


# oEmbed endpoints that answer without a key: the platform's own word on a post or a clip.
OEMBED_ENDPOINTS = {
    "twitter": "https://publish.twitter.com/oembed?omit_script=1&url=",
    "youtube": "https://www.youtube.com/oembed?format=json&url=",
    "vimeo": "https://vimeo.com/api/oembed.json?url=",
    "dailymotion": "https://www.dailymotion.com/services/oembed?format=json&url=",
    "soundcloud": "https://soundcloud.com/oembed?format=json&url=",
    "spotify": "https://open.spotify.com/oembed?url=",
    "flickr": "https://www.flickr.com/services/oembed/?format=json&url=",
    "reddit": "https://www.reddit.com/oembed?url=",
    "tiktok": "https://www.tiktok.com/oembed?url=",
    "bluesky": "https://embed.bsky.app/oembed?url=",
    "giphy": "https://giphy.com/services/oembed?url=",
}
# Platforms whose pages are an application that answers 200 whether or not the post still
# exists: a 200 from them says nothing; their oEmbed endpoint (--oembed) does.
APP_PAGES = frozenset(
    ("twitter", "instagram", "facebook", "tiktok", "threads", "youtube", "bluesky", "twitch")
)
