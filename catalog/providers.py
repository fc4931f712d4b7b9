"""Platform URL patterns: which provider a URL belongs to, its post id and canonical URL; and
what each platform answers about its posts (oEmbed endpoints, pages that answer 200 for any post).

Every pattern has one named group `id` (checked at import), or a `key` made of its groups when
the post's id comes in two parts; adding a platform is one entry.
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
    "PROVIDER_HINTS",
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
    key: str  # format string giving the post id, "{id}" unless the id is made of two parts


def _p(provider: str, kind: str, pattern: str, canonical: str, key: str = "{id}") -> Pattern:
    rx = re.compile(pattern, re.IGNORECASE)
    if key == "{id}" and "id" not in rx.groupindex:
        raise ValueError(f"provider pattern for {provider} lacks the named group 'id'")
    return Pattern(provider, kind, rx, canonical, key)


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
        "twitter",
        "video",
        _S + r"(?:twitter|x)\.com/i/broadcasts/(?P<id>\w{10,})",
        "https://twitter.com/i/broadcasts/{id}",
    ),
    _p(
        "twitter",
        "audio",
        _S + r"(?:twitter|x)\.com/i/spaces/(?P<id>\w{10,})",
        "https://twitter.com/i/spaces/{id}",
    ),
    _p(
        "youtube",
        "video",
        _S + r"(?:youtube(?:-nocookie)?\.com/(?:embed/|v/|shorts/|live/|watch\?(?:.*&)?v=)"
        r"|youtu\.be/)(?!videoseries)(?P<id>[\w-]{11})(?![\w-])",
        "https://www.youtube.com/watch?v={id}",
    ),
    _p(
        "youtube",
        "video",
        _S + r"youtube(?:-nocookie)?\.com/(?:embed/videoseries|playlist)/?\?(?:.*&)?list=(?P<id>[\w-]{12,})",
        "https://www.youtube.com/playlist?list={id}",
    ),
    _p(
        "instagram",
        "social_post",
        _S + r"instagram\.com/(?:[\w.]+/)?(?:p|tv|reels?)/(?P<id>[\w-]+)",
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
        r"^(?:https?:)?//(?:(?:www\.|m\.)?dailymotion\.com/(?:embed/)?video/|dai\.ly/"
        r"|geo\.dailymotion\.com/player(?:/\w+)?\.html\?(?:.*&)?video=)(?P<id>[a-z0-9]+)",
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
        _S + r"tiktok\.com/(?:@[\w.]+/(?:video|photo)/|embed/(?:v2/)?|player/v1/)(?P<id>\d+)",
        "https://www.tiktok.com/video/{id}",
    ),
    _p(
        "tiktok",
        "video",
        r"^(?:https?:)?//(?:vm\.tiktok\.com/|(?:www\.)?tiktok\.com/t/)(?P<id>\w{6,})",
        "https://vm.tiktok.com/{id}/",
    ),
    # A Facebook video has one number whatever the address: a page's /videos/, /watch/?v=, a reel.
    _p(
        "facebook",
        "video",
        _S + r"facebook\.com/(?P<user>[\w.]+)/videos/(?:[\w.%-]+/)?(?P<id>\d+)",
        "https://www.facebook.com/{user}/videos/{id}",
    ),
    _p(
        "facebook",
        "video",
        _S + r"facebook\.com/(?:watch/?\?(?:.*&)?v=|video\.php\?(?:.*&)?v=|reel/)(?P<id>\d+)",
        "https://www.facebook.com/watch/?v={id}",
    ),
    _p(
        "facebook",
        "video",
        r"^(?:https?:)?//fb\.watch/(?P<id>[\w-]{6,})",
        "https://fb.watch/{id}/",
    ),
    _p(
        "facebook",
        "social_post",
        _S + r"facebook\.com/(?P<id>(?:groups/)?[\w.]+/(?:posts|permalink)/\w+)",
        "https://www.facebook.com/{id}",
    ),
    _p(
        "facebook",
        "social_post",
        _S
        + r"facebook\.com/permalink\.php\?(?=(?:.*&)?story_fbid=(?P<story>\w+))(?=(?:.*&)?id=(?P<page>\d+))",
        "https://www.facebook.com/{page}/posts/{story}",
        key="{page}/posts/{story}",
    ),
    _p(
        "facebook",
        "photo",
        _S + r"facebook\.com/(?:photo(?:\.php)?/?\?(?:.*&)?fbid=|[\w.]+/photos/(?:[\w.]+/)?)(?P<id>\d{6,})",
        "https://www.facebook.com/photo/?fbid={id}",
    ),
    _p(
        "facebook",
        "video",
        _S + r"facebook\.com/share/[vr]/(?P<id>\w+)",
        "https://www.facebook.com/share/v/{id}/",
    ),
    _p(
        "facebook",
        "social_post",
        _S + r"facebook\.com/share/p/(?P<id>\w+)",
        "https://www.facebook.com/share/p/{id}/",
    ),
    _p(
        "reddit",
        "social_post",
        _S + r"(?:old\.)?reddit\.com/r/\w+/comments/(?P<id>\w+)",
        "https://www.reddit.com/comments/{id}",
    ),
    _p(
        "reddit",
        "video",
        r"^(?:https?:)?//v\.redd\.it/(?P<id>\w{8,})",
        "https://v.redd.it/{id}",
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
        "truthsocial",
        "social_post",
        _S + r"truthsocial\.com/@(?P<user>\w+)/(?:posts/)?(?P<id>\d{6,})",
        "https://truthsocial.com/@{user}/{id}",
    ),
    _p(
        "linkedin",
        "social_post",
        _S + r"linkedin\.com/(?:embed/)?feed/update/(?P<id>urn:li:(?:share|activity|ugcPost):\d+)",
        "https://www.linkedin.com/feed/update/{id}/",
    ),
    _p(
        "linkedin",
        "social_post",
        _S + r"linkedin\.com/posts/[\w%-]+?[-_](?P<type>activity|share|ugcPost)-(?P<n>\d{10,})",
        "https://www.linkedin.com/feed/update/urn:li:{type}:{n}/",
        key="urn:li:{type}:{n}",
    ),
    _p(
        "vk",
        "video",
        r"^(?:https?:)?//(?:www\.|m\.)?(?:vk\.(?:com|ru)|vkvideo\.ru)/(?:[\w.]+\?z=)?(?:video|clip)(?P<id>-?\d+_\d+)",
        "https://vk.com/video{id}",
    ),
    _p(
        "vk",
        "video",
        r"^(?:https?:)?//(?:www\.)?(?:vk\.(?:com|ru)|vkvideo\.ru)/video_ext\.php\?"
        r"(?=(?:.*&)?oid=(?P<owner>-?\d+))(?=(?:.*&)?id=(?P<video>\d+))",
        "https://vk.com/video{owner}_{video}",
        key="{owner}_{video}",
    ),
    _p(
        "vk",
        "social_post",
        r"^(?:https?:)?//(?:www\.|m\.)?vk\.(?:com|ru)/(?:[\w.]+\?w=)?wall(?P<id>-?\d+_\d+)",
        "https://vk.com/wall{id}",
    ),
    _p(
        "ok",
        "video",
        _S + r"ok\.ru/(?:video|videoembed|live)/(?P<id>\d+)",
        "https://ok.ru/video/{id}",
    ),
    _p(
        "rumble",
        "video",
        _S + r"rumble\.com/embed/(?:[\w]+\.)?(?P<id>v[a-z0-9]{4,})",
        "https://rumble.com/embed/{id}/",
    ),
    _p(
        "rumble",
        "video",
        _S + r"rumble\.com/(?P<id>v[a-z0-9]{4,})-[\w-]*\.html",
        "https://rumble.com/{id}.html",
    ),
    _p(
        "odysee",
        "video",
        _S + r"odysee\.com/\$/embed/(?P<id>[^/?#\s]+/\w+)",
        "https://odysee.com/$/embed/{id}",
    ),
    _p(
        "odysee",
        "video",
        _S + r"odysee\.com/(?P<id>@[^/?#\s]+/[^/?#\s]+)",
        "https://odysee.com/{id}",
    ),
    _p(
        "bitchute",
        "video",
        _S + r"bitchute\.com/(?:video|embed)/(?P<id>[\w-]{6,})",
        "https://www.bitchute.com/video/{id}/",
    ),
    _p(
        "streamable",
        "video",
        _S + r"streamable\.com/(?:[eos]/)?(?P<id>(?!login|signup|upload|about|terms|privacy|pricing|"
        r"blog|help|documentation|careers)[a-z0-9]{4,8})(?:$|[/?#])",
        "https://streamable.com/{id}",
    ),
    _p(
        "bilibili",
        "video",
        r"^(?:https?:)?//(?:(?:www\.|m\.)?bilibili\.com/video/|player\.bilibili\.com/player\.html\?(?:.*&)?bvid=)"
        r"(?P<id>BV\w{10}|av\d+)",
        "https://www.bilibili.com/video/{id}",
    ),
    _p(
        "weibo",
        "social_post",
        _S + r"weibo\.com/(?P<user>\d{5,})/(?P<id>[a-z0-9]{9})(?:$|[/?#])",
        "https://weibo.com/{user}/{id}",
    ),
    _p(
        "pinterest",
        "photo",
        r"^(?:https?:)?//(?:[a-z]{2}\.|www\.)?pinterest\.(?:com|co\.uk|[a-z]{2}|com\.\w{2})/pin/(?P<id>\d{6,})",
        "https://www.pinterest.com/pin/{id}/",
    ),
    _p(
        "tumblr",
        "social_post",
        r"^(?:https?:)?//(?P<blog>(?!www\.|embed\.)[\w-]+)\.tumblr\.com/post/(?P<id>\d{6,})",
        "https://{blog}.tumblr.com/post/{id}",
    ),
    _p(
        "tumblr",
        "social_post",
        r"^(?:https?:)?//(?:www\.)?tumblr\.com/(?!embed/|share)(?P<blog>[\w-]+)/(?P<id>\d{6,})",
        "https://{blog}.tumblr.com/post/{id}",
    ),
    _p(
        "archive_org",
        "video",
        _S + r"archive\.org/embed/(?P<id>[\w.-]+)",
        "https://archive.org/details/{id}",
    ),
    _p(
        "c_span",
        "video",
        _S + r"c-span\.org/video/\?(?P<id>\d+-\d+)",
        "https://www.c-span.org/video/?{id}",
    ),
    _p(
        "wistia",
        "video",
        r"^(?:https?:)?//(?:fast\.wistia\.(?:net|com)/embed/(?:iframe|medias)/|[\w-]+\.wistia\.com/medias/)"
        r"(?P<id>[a-z0-9]{10})",
        "https://fast.wistia.net/embed/iframe/{id}",
    ),
    _p(
        "kaltura",
        "video",
        r"^(?:https?:)?//(?:cdnapisec|cdnapi|www)\.kaltura\.com/(?:p|index\.php/extwidget/preview/partner_id)/"
        r"(?P<partner>\d+)/.*?entry_id[=/](?P<entry>[01]_[a-z0-9]{8})",
        "https://www.kaltura.com/index.php/extwidget/preview/partner_id/{partner}/entry_id/{entry}",
        key="{partner}/{entry}",
    ),
    _p(
        "vidyard",
        "video",
        r"^(?:https?:)?//(?:play|embed|video)\.vidyard\.com/(?:watch/)?(?P<id>[\w-]{16,})",
        "https://play.vidyard.com/{id}",
    ),
    _p(
        "loom",
        "video",
        _S + r"loom\.com/(?:share|embed)/(?P<id>[0-9a-f]{32})",
        "https://www.loom.com/share/{id}",
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
        "art19",
        "audio",
        _S + r"art19\.com/shows/(?P<show>[\w-]+)/episodes/(?P<id>[0-9a-f-]{36})",
        "https://art19.com/shows/{show}/episodes/{id}",
    ),
    _p(
        "simplecast",
        "audio",
        r"^(?:https?:)?//player\.simplecast\.com/(?P<id>[0-9a-f-]{36})",
        "https://player.simplecast.com/{id}",
    ),
    _p(
        "buzzsprout",
        "audio",
        _S + r"buzzsprout\.com/(?P<show>\d+)/(?:episodes/)?(?P<episode>\d+)",
        "https://www.buzzsprout.com/{show}/{episode}",
        key="{show}/{episode}",
    ),
    _p(
        "omny",
        "audio",
        _S + r"omny\.fm/shows/(?P<id>[\w-]+/(?!embed\b)[\w-]+)",
        "https://omny.fm/shows/{id}",
    ),
    _p(
        "libsyn",
        "audio",
        r"^(?:https?:)?//html5-player\.libsyn\.com/embed/episode/id/(?P<id>\d+)",
        "https://html5-player.libsyn.com/embed/episode/id/{id}/",
    ),
    _p(
        "audioboom",
        "audio",
        _S + r"(?:embeds\.)?audioboom\.com/(?:posts|boos)/(?P<id>\d+)",
        "https://audioboom.com/posts/{id}",
    ),
    _p(
        "npr",
        "audio",
        _S + r"npr\.org/player/embed/(?P<id>\d+/\d+)",
        "https://www.npr.org/player/embed/{id}",
    ),
    _p(
        "mixcloud",
        "audio",
        r"^(?:https?:)?//(?:www\.|player-widget\.)?mixcloud\.com/(?:widget/iframe/\?(?:.*&)?feed=(?:https?(?::|%3A)(?://|%2F%2F)"
        r"(?:www\.)?mixcloud\.com)?(?:/|%2F))?(?!widget|discover|upload|select|categories)"
        r"(?P<id>[\w-]+(?:/|%2F)[\w-]+)",
        "https://www.mixcloud.com/{id}/",
    ),
    _p(
        "bandcamp",
        "audio",
        r"^(?:https?:)?//(?P<artist>[\w-]+)\.bandcamp\.com/(?P<type>track|album)/(?P<id>[\w-]+)",
        "https://{artist}.bandcamp.com/{type}/{id}",
        key="{artist}/{type}/{id}",
    ),
    _p(
        "bandcamp",
        "audio",
        r"^(?:https?:)?//bandcamp\.com/EmbeddedPlayer/(?:v=2/)?(?P<id>(?:album|track)=\d+)",
        "https://bandcamp.com/EmbeddedPlayer/{id}/",
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
        "apple_music",
        "audio",
        r"^(?:https?:)?//(?:embed\.)?music\.apple\.com/(?P<cc>[a-z]{2})/(?P<what>album|playlist|song)/"
        r"(?P<slug>[^/?#]+)/(?P<id>[\w.-]+(?:\?i=\d+)?)",
        "https://music.apple.com/{cc}/{what}/{slug}/{id}",  # "?i=": a song of the album
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
    # flic.kr's short address is the photo's number in base 58
    _p(
        "flickr",
        "photo",
        r"^(?:https?:)?//flic\.kr/p/(?P<base58>[1-9a-km-zA-HJ-NP-Z]{2,12})(?![\w])",
        "https://www.flickr.com/photo.gne?id={base58}",
        key="{base58}",
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

# What an address of each platform contains: `identify` tries a platform's patterns only on
# an address holding one of its hints, and links are tested against all of them first.
PROVIDER_HINTS: dict[str, tuple[str, ...]] = {
    "twitter": ("twitter.com", "x.com/"),
    "youtube": ("youtu",),
    "instagram": ("instagram.com",),
    "telegram": ("t.me/", "telegram."),
    "vimeo": ("vimeo.com",),
    "dailymotion": ("dailymotion.com", "dai.ly"),
    "twitch": ("twitch.tv",),
    "tiktok": ("tiktok.com",),
    "facebook": ("facebook.com", "fb.watch"),
    "reddit": ("reddit.com", "redd.it"),
    "bluesky": ("bsky.app",),
    "threads": ("threads.",),
    "truthsocial": ("truthsocial.com",),
    "linkedin": ("linkedin.com",),
    "vk": ("vk.com", "vk.ru", "vkvideo.ru"),
    "ok": ("ok.ru",),
    "rumble": ("rumble.com",),
    "odysee": ("odysee.com",),
    "bitchute": ("bitchute.com",),
    "streamable": ("streamable.com",),
    "bilibili": ("bilibili.com",),
    "weibo": ("weibo.com",),
    "pinterest": ("pinterest.",),
    "tumblr": ("tumblr.com",),
    "archive_org": ("archive.org",),
    "c_span": ("c-span.org",),
    "wistia": ("wistia.",),
    "kaltura": ("kaltura.com",),
    "vidyard": ("vidyard.com",),
    "loom": ("loom.com",),
    "mastodon": ("/embed",),  # any instance: only its embed form
    "jwplayer": ("jwplayer.com", "jwplatform.com"),
    "brightcove": ("brightcove.net",),
    "apple_podcasts": ("podcasts.apple.com",),
    "acast": ("acast.com",),
    "megaphone": ("megaphone.fm",),
    "art19": ("art19.com",),
    "simplecast": ("simplecast.com",),
    "buzzsprout": ("buzzsprout.com",),
    "omny": ("omny.fm",),
    "libsyn": ("libsyn.com",),
    "audioboom": ("audioboom.com",),
    "npr": ("npr.org/player",),
    "mixcloud": ("mixcloud.com",),
    "bandcamp": ("bandcamp.com",),
    "periscope": ("periscope.tv", "pscp.tv"),
    "liveleak": ("liveleak.com",),
    "soundcloud": ("soundcloud.com",),
    "spotify": ("spotify.com",),
    "apple_music": ("music.apple.com",),
    "flickr": ("flickr.com", "flic.kr"),
    "imgur": ("imgur.com",),
    "giphy": ("giphy.com",),
    "getty": ("gettyimages.", "gty.im"),
}
HOST_HINTS = tuple(dict.fromkeys(hint for hints in PROVIDER_HINTS.values() for hint in hints))
# The patterns by platform, in PROVIDER_HINTS' order (Truth Social before any Mastodon),
# and one pass over an address that finds the hints it holds.
_BY_PROVIDER: tuple[tuple[str, tuple[Pattern, ...]], ...] = tuple(
    (name, tuple(p for p in PROVIDERS if p.provider == name)) for name in PROVIDER_HINTS
)
_HINT_RX = re.compile("|".join(re.escape(hint) for hint in HOST_HINTS))
_PROVIDERS_OF_HINT = {
    hint: {n for n, hints in PROVIDER_HINTS.items() if hint in hints} for hint in HOST_HINTS
}

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
    hinted: set[str] = set()
    for hint in _HINT_RX.findall(url.lower()):
        hinted |= _PROVIDERS_OF_HINT[hint]
    for pattern in (p for name, patterns in _BY_PROVIDER if name in hinted for p in patterns):
        m = pattern.regex.search(url)
        if m:
            # a player's parameter may hold the address escaped ("tracks%2F293")
            groups = {k: v.replace("%2F", "/").replace("%2f", "/") for k, v in m.groupdict().items() if v}
            groups.setdefault("user", "i/web")
            if "base58" in groups:
                if not set(groups["base58"]) <= _BASE58_DIGITS:
                    continue  # the pattern ignores case; the alphabet does not
                groups["base58"] = str(_from_base58(groups["base58"]))
            canonical = pattern.canonical.format(**groups)
            return Identity(pattern.provider, pattern.kind, pattern.key.format(**groups), canonical)
    return None


_BASE58 = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
_BASE58_DIGITS = frozenset(_BASE58)


def _from_base58(text: str) -> int:
    """Flickr's alphabet: flic.kr/p/2kVnXyZ is a photo number written in base 58."""
    number = 0
    for char in text:
        number = number * 58 + _BASE58.index(char)
    return number


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
