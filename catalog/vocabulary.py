"""Every word list the extractors and the credit parser read, one named tuple per concept.

Adding a language or an agency is one line here; no other module holds word lists.
"""

from __future__ import annotations

__all__ = [
    "AGENCIES",
    "CREDIT_LABELS",
    "CUE_WORDS",
    "PHOTO_CAPTION_LABELS",
    "ROLE_WORDS",
    "SPEECH_VERBS",
    "STAMP_WORDS",
    "TAG_WORDS",
]

# Labels that open a credit line: "Photo: Karam al-Masri/AFP", "Foto: dpa", "صورة: ...".
# The kind a label implies (video for "Video:"), None where it says nothing of the kind.
CREDIT_LABELS: tuple[tuple[str, str | None], ...] = (
    ("mandatory credit", None),
    ("photo credit", "photo"),
    ("image credit", "photo"),
    ("picture credit", "photo"),
    ("photograph by", "photo"),
    ("photographs by", "photo"),
    ("photography by", "photo"),
    ("photos by", "photo"),
    ("photo by", "photo"),
    ("pictures by", "photo"),
    ("picture by", "photo"),
    ("image by", "photo"),
    ("images by", "photo"),
    ("video by", "video"),
    ("footage by", "video"),
    ("featured image by", "photo"),
    ("courtesy of", None),
    ("photographs", "photo"),
    ("photograph", "photo"),
    ("photos", "photo"),
    ("photo", "photo"),
    ("pictures", "photo"),
    ("picture", "photo"),
    ("pic", "photo"),
    ("images", "photo"),
    ("image", "photo"),
    ("illustration", "photo"),
    ("graphic", "photo"),
    ("video", "video"),
    ("footage", "video"),
    ("audio", "audio"),
    ("credits", None),
    ("credit", None),
    ("source", None),
    ("copyright", None),
    ("foto", "photo"),      # de, es, it, pt
    ("fotos", "photo"),
    ("bild", "photo"),      # de
    ("quelle", None),       # de
    ("crédit", None),       # fr
    ("crédits", None),
    ("crédit photo", "photo"),
    ("fuente", None),       # es
    ("imagen", "photo"),
    ("фото", "photo"),      # ru
    ("صورة", "photo"),      # ar
    ("تصوير", "photo"),
)

# Labels that open a caption line for a photo whose embed was stripped: "PHOTO: Residents ...".
PHOTO_CAPTION_LABELS: tuple[str, ...] = (
    "photo", "photos", "picture", "pictured", "image", "in pictures", "above", "top", "main image",
    "video", "watch",
)

# Agencies and outlets: canonical short name first, then every alias (compared case-folded).
AGENCIES: tuple[tuple[str, ...], ...] = (
    ("AFP", "agence france-presse", "agence france presse", "afp photo"),
    ("AP", "associated press", "ap photo", "the associated press"),
    ("Reuters", "thomson reuters"),
    ("Getty Images", "getty", "gettyimages", "getty images news"),
    ("EPA", "european pressphoto agency", "epa-efe", "efe-epa"),
    ("EFE",),
    ("Anadolu", "anadolu agency", "anadolu ajansı", "aa"),
    ("SANA", "syrian arab news agency"),
    ("Xinhua", "xinhua news agency"),
    ("TASS", "itar-tass"),
    ("Sputnik", "ria novosti", "sputnik news"),
    ("PA", "pa images", "pa wire", "press association", "pa media"),
    ("Rex/Shutterstock", "rex", "rex features", "shutterstock", "rex shutterstock"),
    ("Alamy", "alamy stock photo", "alamy live news"),
    ("AAP", "australian associated press", "aap image"),
    ("NASA",),
    ("dpa", "deutsche presse-agentur", "dpa picture alliance", "picture alliance",
     "picture-alliance"),
    ("ANSA",),
    ("Kyodo", "kyodo news"),
    ("Yonhap", "yonhap news"),
    ("WireImage",),
    ("NurPhoto",),
    ("SOPA Images", "sopa"),
    ("iStock", "istockphoto"),
    ("Adobe Stock", "stock.adobe.com"),
    ("BBC", "bbc news"),
    ("CNN",),
    ("The Guardian", "guardian"),
    ("The New York Times", "new york times", "nyt"),
    ("The Washington Post", "washington post"),
    ("Al Jazeera",),
    ("Bloomberg",),
    ("Mashable",),
)

# Words for the people who speak or post in lead-ins: "Teacher Abdulkafi al-Hamdo".
ROLE_WORDS: tuple[str, ...] = (
    "teacher", "journalist", "reporter", "correspondent", "photographer", "photojournalist",
    "activist", "activists", "resident", "residents", "doctor", "nurse", "medic", "rescuer",
    "volunteer", "firefighter", "paramedic", "student", "witness", "eyewitness", "analyst", "blogger", "commander", "spokesman",
    "spokeswoman", "spokesperson", "president", "minister", "secretary", "envoy", "ambassador",
    "senator", "governor", "mayor", "general", "official", "editor", "filmmaker", "cameraman",
    "pro-opposition", "pro-assad", "pro-regime", "pro-government", "opposition", "citizen",
    "user", "fighter", "rebel", "soldier",
)

# Verbs that open a quotation when they end a lead-in: "Putin said:".
SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "say", "writes", "wrote", "write", "told", "tells", "added", "adds",
    "declared", "declares", "proclaimed", "proclaiming", "stated", "states", "announced",
    "announces", "explained", "explains", "continued", "continues", "concluded", "denounced",
    "denounces", "insisted", "warned", "noted", "argued", "asked", "replied", "responded",
    "posted", "tweeted",
)

# Words in a lead-in that announce stripped media, with the kind each implies.
# Order matters: the first match decides the kind ("drone footage" before "photo").
CUE_WORDS: tuple[tuple[str, str], ...] = (
    ("drone footage", "video"),
    ("footage", "video"),
    ("video", "video"),
    ("videos", "video"),
    ("clip", "video"),
    ("clips", "video"),
    ("livestream", "video"),
    ("live stream", "video"),
    ("broadcast", "video"),
    ("film", "video"),
    ("films", "video"),
    ("filmed", "video"),
    ("filming", "video"),
    ("watch", "video"),
    ("in pictures", "gallery"),
    ("in photos", "gallery"),
    ("gallery", "gallery"),
    ("photo", "photo"),
    ("photos", "photo"),
    ("photograph", "photo"),
    ("photographs", "photo"),
    ("picture", "photo"),
    ("pictures", "photo"),
    ("image", "photo"),
    ("images", "photo"),
    ("pictured", "photo"),
    ("audio", "audio"),
    ("listen", "audio"),
    ("podcast", "audio"),
    ("recording", "audio"),
    ("tweet", "social_post"),
    ("tweets", "social_post"),
    ("tweeted", "social_post"),
    ("post", "social_post"),
    ("posts", "social_post"),
    ("posted", "social_post"),
    ("message", "social_post"),
    ("messages", "social_post"),
    ("sends", "social_post"),
    ("shares", "social_post"),
    ("says good-bye", "social_post"),
    ("says goodbye", "social_post"),
)

# Words that say what media is: they become `tags`.
TAG_WORDS: tuple[tuple[str, str], ...] = (
    ("drone", "drone"),
    ("resident", "resident"),
    ("residents", "resident"),
    ("handout", "handout"),
    ("graphic", "graphic"),
    ("infographic", "graphic"),
    ("infografik", "graphic"),
    ("map", "graphic"),
    ("chart", "graphic"),
    ("gif", "animated"),
    ("animated", "animated"),
    ("livestream", "live"),
    ("live stream", "live"),
    ("live footage", "live"),
    ("screenshot", "screenshot"),
    ("screengrab", "screenshot"),
)

# Live-blog entry stamps: the words that open them ("UPDATE 1650 GMT:", "ORIGINAL ENTRY:").
STAMP_WORDS: tuple[str, ...] = (
    "update", "updated", "updated at", "update at", "breaking", "latest",
)

# Class and id words of page furniture: an image inside such a block is no article media.
# Matched against the words of class and id values split at "-", "_" and spaces.
BOILERPLATE_TOKENS: tuple[str, ...] = (
    "related", "teaser", "teasers", "promo", "promos", "ad", "ads", "advert", "advertisement",
    "adslot", "sponsor", "sponsored", "newsletter", "subscribe", "subscription", "social",
    "share", "sharing", "logo", "icon", "icons", "avatar", "comment", "comments", "trending",
    "popular", "recommended", "recommendations", "outbrain", "taboola", "nav", "navigation",
    "menu", "breadcrumb", "footer", "masthead", "richlink", "placeholder", "tracking", "pixel",
    "badge", "sprite", "emoji",
)
# Weaker furniture words: ignored when the same class also names the content
# ("content-rail", "article-card"), because sites use them for layout inside articles too.
WEAK_BOILERPLATE_TOKENS: tuple[str, ...] = (
    "rail", "sidebar", "widget", "list", "card", "cards", "more", "cover", "thumbnail", "thumb",
    "banner", "author", "byline", "profile",
)
CONTENT_TOKENS: tuple[str, ...] = (
    "content", "article", "story", "post", "entry", "body", "main", "lead", "hero", "media",
    "figure",
)
# Tags whose content is page furniture, not the article.
BOILERPLATE_TAGS: tuple[str, ...] = ("nav", "aside", "footer", "form", "button", "select")
# Words in an image's src or alt that mark a placeholder or an icon, never a picture.
PLACEHOLDER_TOKENS: tuple[str, ...] = (
    "placeholder", "spacer", "blank", "pixel", "transparent", "loading", "loader", "lazy",
    "1x1", "grey", "gray", "default", "sprite", "icon", "logo", "avatar", "please wait",
)
# Attributes that hold an image's real address on lazy-loading pages, most trusted first.
LAZY_SRC_ATTRS: tuple[str, ...] = (
    "data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src",
    "data-full-src", "data-fallback-img", "data-orig-file", "data-large-file",
)
LAZY_SRCSET_ATTRS: tuple[str, ...] = ("data-srcset", "data-lazy-srcset", "srcset")
# Class words of the element that holds a caption's credit.
CREDIT_CLASS_TOKENS: tuple[str, ...] = (
    "credit", "credits", "copyright", "byline", "source", "attribution", "courtesy", "photographer",
)
# Class words of an element that holds a caption.
CAPTION_CLASS_TOKENS: tuple[str, ...] = ("caption", "legend", "figcaption", "description")

# Verbs (beyond speech verbs) that end the subject of a lead-in: "Syrian State media put out".
LEAD_VERBS: tuple[str, ...] = (
    "sends", "send", "sent", "shares", "share", "shared", "posts", "post", "posted", "put",
    "puts", "issued", "issues", "released", "releases", "published", "publishes", "filmed",
    "films", "captured", "captures", "shows", "show", "showed", "offers", "offered", "gives",
    "gave", "reports", "reported", "quotes", "quoted", "promise", "promises", "promised",
    "describes", "described", "speaks", "spoke", "recorded", "records", "uploaded", "tweets",
    "celebrated", "celebrates", "is", "are", "was", "were", "has", "have", "had",
)
# Words that open a leading clause to skip before the subject: "Earlier in the day, Putin said:".
LEADING_CLAUSE_WORDS: tuple[str, ...] = (
    "as", "after", "before", "earlier", "later", "meanwhile", "however", "while", "when",
    "on", "in", "at", "during", "today", "yesterday", "tonight", "still", "then", "now", "also",
    "separately", "elsewhere", "here", "and", "but", "finally", "overnight", "this",
)
# Lead-ins that open a list or an explanation, never an embed: "Here's what we know:".
NOT_LEADIN_OPENINGS: tuple[str, ...] = (
    "here is", "here are", "here's", "these are", "this is what", "the following",
    "what we know", "key points", "read more", "see also", "related", "more on", "update",
    "note", "editor's note", "correction", "disclaimer", "for example", "such as", "including",
)
# Auxiliaries: after a speech verb they show a reported clause ("said four were slain:").
AUXILIARIES: tuple[str, ...] = (
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "did",
    "does", "do", "may", "might", "must", "should", "been", "that",
)
