"""Platform addresses: every form a page or a text writes gives the platform's one identity
(provider, kind, post id, canonical address), and ordinary pages give none."""

from __future__ import annotations

import pytest

from catalog.providers import HOST_HINTS, PROVIDER_HINTS, PROVIDERS, identify

# (address as written, provider, kind, post id, canonical address)
FORMS = [
    ("https://embed.music.apple.com/us/playlist/headphone-testing-tunes/pl.u-V9dMGFBmdklp", "apple_music",
     "audio", "pl.u-V9dMGFBmdklp", "https://music.apple.com/us/playlist/headphone-testing-tunes/pl.u-V9dMGFBmdklp"),
    ("https://music.apple.com/gb/album/harbour-songs/1440857781", "apple_music", "audio", "1440857781",
     "https://music.apple.com/gb/album/harbour-songs/1440857781"),
    ("https://embed.music.apple.com/gb/album/harbour-songs/1440857781?i=1440857790", "apple_music", "audio",
     "1440857781?i=1440857790", "https://music.apple.com/gb/album/harbour-songs/1440857781?i=1440857790"),
    ("https://x.com/i/status/1790000000000000001", "twitter", "social_post", "1790000000000000001",
     "https://twitter.com/i/status/1790000000000000001"),
    ("https://x.com/i/broadcasts/1vOxwjaWmbkJB", "twitter", "video", "1vOxwjaWmbkJB",
     "https://twitter.com/i/broadcasts/1vOxwjaWmbkJB"),
    ("https://twitter.com/i/spaces/1ypKddgqLoLKW", "twitter", "audio", "1ypKddgqLoLKW",
     "https://twitter.com/i/spaces/1ypKddgqLoLKW"),
    ("https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", "youtube",
     "video", "PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
     "https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"),
    ("https://www.instagram.com/reels/C5xYz12AbCd/", "instagram", "social_post", "C5xYz12AbCd",
     "https://www.instagram.com/p/C5xYz12AbCd/"),
    ("https://www.tiktok.com/@harbourtown/photo/7300000000000000001", "tiktok", "video",
     "7300000000000000001", "https://www.tiktok.com/video/7300000000000000001"),
    ("https://vm.tiktok.com/ZMhvqRt3b/", "tiktok", "video", "ZMhvqRt3b", "https://vm.tiktok.com/ZMhvqRt3b/"),
    ("https://geo.dailymotion.com/player/x9abc.html?video=x8q2wzz", "dailymotion", "video", "x8q2wzz",
     "https://www.dailymotion.com/video/x8q2wzz"),
    ("https://v.redd.it/k3b2x9q1zr4c1", "reddit", "video", "k3b2x9q1zr4c1", "https://v.redd.it/k3b2x9q1zr4c1"),
    ("https://truthsocial.com/@harbourtown/113000000000000001/embed", "truthsocial", "social_post",
     "113000000000000001", "https://truthsocial.com/@harbourtown/113000000000000001"),
    ("https://www.linkedin.com/embed/feed/update/urn:li:share:7100000000000000001", "linkedin",
     "social_post", "urn:li:share:7100000000000000001",
     "https://www.linkedin.com/feed/update/urn:li:share:7100000000000000001/"),
    ("https://www.linkedin.com/posts/jane-sample_floods-activity-7100000000000000002-AbCd", "linkedin",
     "social_post", "urn:li:activity:7100000000000000002",
     "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000002/"),
    ("https://vk.com/video-12345_456239017", "vk", "video", "-12345_456239017", "https://vk.com/video-12345_456239017"),
    ("https://vk.com/video_ext.php?oid=-12345&id=456239017&hash=ab12", "vk", "video", "-12345_456239017",
     "https://vk.com/video-12345_456239017"),
    ("https://vk.com/wall-12345_678", "vk", "social_post", "-12345_678", "https://vk.com/wall-12345_678"),
    ("https://ok.ru/videoembed/2345678901234", "ok", "video", "2345678901234", "https://ok.ru/video/2345678901234"),
    ("https://rumble.com/embed/v2abc12/?pub=4", "rumble", "video", "v2abc12", "https://rumble.com/embed/v2abc12/"),
    ("https://rumble.com/v4xyz9-flooding-in-harbour-town.html", "rumble", "video", "v4xyz9",
     "https://rumble.com/v4xyz9.html"),
    ("https://odysee.com/$/embed/harbour-flood/3f2a9b", "odysee", "video", "harbour-flood/3f2a9b",
     "https://odysee.com/$/embed/harbour-flood/3f2a9b"),
    ("https://www.bitchute.com/embed/AbCdEf123/", "bitchute", "video", "AbCdEf123",
     "https://www.bitchute.com/video/AbCdEf123/"),
    ("https://streamable.com/e/k2x9qz", "streamable", "video", "k2x9qz", "https://streamable.com/k2x9qz"),
    ("https://player.bilibili.com/player.html?aid=1&bvid=BV1xx411c7mD&page=1", "bilibili", "video",
     "BV1xx411c7mD", "https://www.bilibili.com/video/BV1xx411c7mD"),
    ("https://weibo.com/1234567890/Nabc12XyZ", "weibo", "social_post", "Nabc12XyZ",
     "https://weibo.com/1234567890/Nabc12XyZ"),
    ("https://www.pinterest.co.uk/pin/99360735500167749/", "pinterest", "photo", "99360735500167749",
     "https://www.pinterest.com/pin/99360735500167749/"),
    ("https://harbourtown.tumblr.com/post/723456789012345678/flood", "tumblr", "social_post",
     "723456789012345678", "https://harbourtown.tumblr.com/post/723456789012345678"),
    ("https://www.tumblr.com/harbourtown/723456789012345678", "tumblr", "social_post", "723456789012345678",
     "https://harbourtown.tumblr.com/post/723456789012345678"),
    ("https://archive.org/embed/harbour_town_1957", "archive_org", "video", "harbour_town_1957",
     "https://archive.org/details/harbour_town_1957"),
    ("https://www.c-span.org/video/?512345-1/hearing", "c_span", "video", "512345-1",
     "https://www.c-span.org/video/?512345-1"),
    ("https://fast.wistia.net/embed/iframe/abcd1234ef?videoFoam=true", "wistia", "video", "abcd1234ef",
     "https://fast.wistia.net/embed/iframe/abcd1234ef"),
    ("https://cdnapisec.kaltura.com/p/1234/sp/123400/embedIframeJs/uiconf_id/567/partner_id/1234"
     "?iframeembed=true&entry_id=1_abcd1234", "kaltura", "video", "1234/1_abcd1234",
     "https://www.kaltura.com/index.php/extwidget/preview/partner_id/1234/entry_id/1_abcd1234"),
    ("https://play.vidyard.com/AbCdEfGhIjKlMnOpQr12", "vidyard", "video", "AbCdEfGhIjKlMnOpQr12",
     "https://play.vidyard.com/AbCdEfGhIjKlMnOpQr12"),
    ("https://www.loom.com/embed/0123456789abcdef0123456789abcdef", "loom", "video",
     "0123456789abcdef0123456789abcdef", "https://www.loom.com/share/0123456789abcdef0123456789abcdef"),
    ("https://art19.com/shows/the-harbour/episodes/01234567-89ab-cdef-0123-456789abcdef/embed", "art19",
     "audio", "01234567-89ab-cdef-0123-456789abcdef",
     "https://art19.com/shows/the-harbour/episodes/01234567-89ab-cdef-0123-456789abcdef"),
    ("https://player.simplecast.com/01234567-89ab-cdef-0123-456789abcdef?dark=false", "simplecast", "audio",
     "01234567-89ab-cdef-0123-456789abcdef", "https://player.simplecast.com/01234567-89ab-cdef-0123-456789abcdef"),
    ("https://www.buzzsprout.com/123456/7654321-harbour-flood.js?container_id=x", "buzzsprout", "audio",
     "123456/7654321", "https://www.buzzsprout.com/123456/7654321"),
    ("https://omny.fm/shows/the-harbour/flood-night/embed", "omny", "audio", "the-harbour/flood-night",
     "https://omny.fm/shows/the-harbour/flood-night"),
    ("https://html5-player.libsyn.com/embed/episode/id/12345678/height/90/", "libsyn", "audio", "12345678",
     "https://html5-player.libsyn.com/embed/episode/id/12345678/"),
    ("https://embeds.audioboom.com/posts/7654321-harbour/embed/v4", "audioboom", "audio", "7654321",
     "https://audioboom.com/posts/7654321"),
    ("https://www.npr.org/player/embed/512345678/512345679", "npr", "audio", "512345678/512345679",
     "https://www.npr.org/player/embed/512345678/512345679"),
    ("https://player-widget.mixcloud.com/widget/iframe/?hide_cover=1&feed=%2Fharbourradio%2Fflood-night%2F",
     "mixcloud", "audio", "harbourradio/flood-night", "https://www.mixcloud.com/harbourradio/flood-night/"),
    ("https://www.mixcloud.com/harbourradio/flood-night/", "mixcloud", "audio", "harbourradio/flood-night",
     "https://www.mixcloud.com/harbourradio/flood-night/"),
    ("https://harbourband.bandcamp.com/track/flood-song", "bandcamp", "audio", "harbourband/track/flood-song",
     "https://harbourband.bandcamp.com/track/flood-song"),
    ("https://bandcamp.com/EmbeddedPlayer/album=1234567/size=large/", "bandcamp", "audio", "album=1234567",
     "https://bandcamp.com/EmbeddedPlayer/album=1234567/"),
]  # fmt: skip

# The same Facebook object written four ways is one identity.
FACEBOOK_VIDEO = [
    "https://www.facebook.com/harbourtownfire/videos/987654321098765/",
    "https://www.facebook.com/harbourtownfire/videos/vb.123/987654321098765/",
    "https://www.facebook.com/watch/?v=987654321098765",
    "https://www.facebook.com/reel/987654321098765",
    "https://www.facebook.com/video.php?v=987654321098765",
]
FACEBOOK_POST = [
    "https://www.facebook.com/100064123456789/posts/10159876543210987",
    "https://www.facebook.com/permalink.php?story_fbid=10159876543210987&id=100064123456789",
    "https://www.facebook.com/permalink.php?id=100064123456789&story_fbid=10159876543210987",
]

# Addresses on the same hosts that are no post: a profile, a sign-in page, a share button.
NOT_MEDIA = [
    "https://www.youtube.com/embed/videoseries",
    "https://streamable.com/login",
    "https://www.linkedin.com/company/harbour-town",
    "https://www.linkedin.com/shareArticle?mini=true&url=https://example.org",
    "https://www.tumblr.com/share/link?url=https://example.org",
    "https://www.pinterest.com/harbourtown/",
    "https://vk.com/harbourtown",
    "https://www.mixcloud.com/discover/jazz/",
    "https://flic.kr/p/0OIl",
    "https://web.archive.org/web/2020/https://example.org/",
    "https://music.apple.com/us/browse",
]


@pytest.mark.parametrize(("url", "provider", "kind", "post_id", "canonical"), FORMS)
def test_each_platform_form_gives_its_identity(url, provider, kind, post_id, canonical):
    ident = identify(url)
    assert ident is not None, url
    assert (ident.provider, ident.kind, ident.post_id, ident.url) == (provider, kind, post_id, canonical)


def test_one_facebook_object_whatever_its_address():
    videos = {identify(u).key for u in FACEBOOK_VIDEO}
    posts = {identify(u).key for u in FACEBOOK_POST}
    assert videos == {"facebook:987654321098765"}
    assert posts == {"facebook:100064123456789/posts/10159876543210987"}


def test_flickr_short_address_is_the_photo_number():
    """flic.kr/p/X writes the photo's number in Flickr's base 58 (digits, then lower case, then
    upper case, without 0, O, I and l)."""
    alphabet = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
    number, digits = 52741573367, ""
    n = number
    while n:
        n, rest = divmod(n, 58)
        digits = alphabet[rest] + digits
    long_form = identify("https://www.flickr.com/photos/harbourtown/52741573367/")
    short_form = identify(f"https://flic.kr/p/{digits}")
    assert short_form.key == long_form.key == "flickr:52741573367"
    assert short_form.url == "https://www.flickr.com/photo.gne?id=52741573367"


@pytest.mark.parametrize("url", NOT_MEDIA)
def test_pages_that_are_no_post_give_no_identity(url):
    assert identify(url) is None


def test_every_recognised_address_holds_its_platforms_hint():
    """identify tries a platform's patterns only on an address holding one of its hints, and
    links are tested against HOST_HINTS first: a hint missing there would hide the platform."""
    for url, provider, *_ in FORMS:
        assert any(hint in url.lower() for hint in PROVIDER_HINTS[provider]), url
        assert any(hint in url.lower() for hint in HOST_HINTS), url
    assert {p.provider for p in PROVIDERS} == set(PROVIDER_HINTS)
