"""Every word list the extractors and the credit parser read, one named tuple per concept.

Adding a language or an agency is one line here; no other module holds word lists.
"""

from __future__ import annotations

__all__ = [
    "MONTH_NAMES",
    "MONTH_WORDS",
    "OTHER_MONTH_NAMES",
    "FIGURE_CREDIT_LABELS",
    "STATEMENT_CLASSES",
    "OWN_PLAYER_WORDS",
    "CREDIT_SEPARATORS",
    "CAPTION_CONTROL_WORDS",
    "SCREEN_READER_CLASSES",
    "OUTLET_WORDS",
    "BRACKETED_STORY_CREDIT_LABELS",
    "SEQUEL_TOKENS",
    "SUBMITTED_LABELS",
    "PICTURE_PAGE_NAMES",
    "STATE_CREDIT_KEYS",
    "STATE_PICTURE_KEYS",
    "BYLINE_OPENINGS",
    "FURNITURE_ALTS",
    "COMPANY_SUFFIXES",
    "PUBLIC_DOMAIN_PHRASES",
    "AUTHOR_TOKENS",
    "PORTRAIT_TOKENS",
    "BEACON_PARAMS",
    "BEACON_PATH_WORDS",
    "CONTROL_ALTS",
    "FURNITURE_FILE_WORDS",
    "FURNITURE_FOLDERS",
    "LARGE_SIZE_WORDS",
    "LAZY_TEMPLATE_ATTRS",
    "LAZY_WIDTHS_ATTRS",
    "SMALL_SIZE_WORDS",
    "CAPTION_ATTRIBUTES",
    "CREDIT_ATTRIBUTES",
    "CREDIT_ITEMPROPS",
    "MEDIA_ITEMTYPES",
    "PAGE_BUILDER_WORDS",
    "STORY_CREDIT_LABELS",
    "FURNITURE_WORDS",
    "FUSED_CREDIT_AGENCIES",
    "NOT_POST_OPENINGS",
    "CAPTION_PLACE_WORDS",
    "FIRST_PERSON_WORDS",
    "PHOTO_WORDS",
    "REPORTING_WORDS",
    "VIDEO_WORDS",
    "AGENCIES",
    "CREDIT_LABELS",
    "ENLARGE_WORDS",
    "LABEL_QUALIFIERS",
    "LONE_CREDIT_AGENCIES",
    "SOURCE_LABELS",
    "CUE_WORDS",
    "PHOTO_CAPTION_LABELS",
    "ROLE_WORDS",
    "SPEECH_VERBS",
    "TITLE_SMALL_WORDS",
    "TRACKER_HOST_WORDS",
    "STAMP_WORDS",
    "FIRST_ENTRY_WORDS",
    "DATED_STAMP_WORDS",
    "TIME_ZONES",
    "TAG_WORDS",
    "NOT_CAPTION_HEADS",
    "PICTURE_POSITION_WORDS",
    "CREDIT_ROLE_WORDS",
    "NAME_PARTICLES",
    "ORG_WORDS",
    "RIGHTS_NOTICES",
    "LEGAL_LINKS",
    "NOTICE_HOLDERS",
    "RELATIVE_TIME_WORDS",
    "NO_NAMES",
    "PRESENTING_OPENINGS",
    "KIND_ONLY_CUE_WORDS",
    "PLAYER_LEFTOVERS",
    "PLAYER_TITLES",
    "CREDIT_LABEL_QUALIFIERS",
    "PLATFORM_NAMES",
    "COURTESY_PHRASES",
    "COMMA_LABELS",
    "LICENCE_ELEMENTS",
    "LICENCE_NAMES",
    "LICENCE_PORTS",
    "GENERIC_TLDS",
]

# Labels that open a credit line: "Photo: Karam al-Masri/AFP", "Foto: dpa", "صورة: ...".
# The kind a label implies (video for "Video:"), None where it says nothing of the kind.
CREDIT_LABELS: tuple[tuple[str, str | None], ...] = (
    ("mandatory credit", None),
    ("image source", "photo"),
    ("photo source", "photo"),
    ("video source", "video"),
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
    ("screenshot by", "photo"),
    ("screengrab by", "photo"),
    ("courtesy of", None),
    ("courtesy", None),
    ("mit freundlicher genehmigung von", None),  # de: courtesy of
    ("mit frdl. gen. von.", None),
    ("mit frdl. gen. von", None),
    ("mit frdl. genehmigung von", None),
    ("bearbeitung", None),  # de: editing
    ("avec l'aimable autorisation de", None),  # fr: courtesy of
    ("cortesía de", None),  # es: courtesy of
    ("photographs", "photo"),
    ("photograph", "photo"),
    ("photos", "photo"),
    ("photo", "photo"),
    ("pictures", "photo"),
    ("picture", "photo"),
    ("pic", "photo"),
    ("images", "photo"),
    ("image", "photo"),
    ("illustration by", "photo"),
    ("illustrations by", "photo"),
    ("drawing by", "photo"),
    ("artwork by", "photo"),
    ("animation by", "photo"),
    ("graphic by", "photo"),
    ("graphics by", "photo"),
    ("map by", "photo"),
    ("chart by", "photo"),
    ("gif by", "photo"),
    ("gif via", "photo"),
    ("image via", "photo"),
    ("photo via", "photo"),
    ("video via", "video"),
    ("illustration", "photo"),
    ("graphic", "photo"),
    ("fotografía", "photo"),  # es
    ("fotografia", "photo"),  # it, pt
    ("bildquelle", None),  # de: picture source
    ("fotoquelle", None),
    ("screenshot", "photo"),
    ("screengrab", "photo"),
    ("video", "video"),
    ("footage", "video"),
    ("audio", "audio"),
    ("credits", None),
    ("credit", None),
    ("source", None),
    ("copyright", None),
    ("foto", "photo"),  # de, es, it, pt
    ("fotos", "photo"),
    ("bild", "photo"),  # de
    ("quelle", None),  # de
    ("crédit", None),  # fr
    ("crédits", None),
    ("crédit photo", "photo"),
    ("crédits photo", "photo"),
    ("crédits photos", "photo"),
    ("fuente", None),  # es
    ("imagen", "photo"),
    ("фото", "photo"),  # ru
    ("صورة", "photo"),  # ar
    ("تصوير", "photo"),
)

# Labels of a credit closing a figure's caption on a page, read there only: in a text, "Map:"
# or "Data:" opens a headline as often as a credit ("Map: Europe's thirst for Russian gas").
FIGURE_CREDIT_LABELS: tuple[str, ...] = (
    "chart",  # a chart's or a map's maker, or its data's source
    "map",
    "data",
    "graphics",
    "infographic",
    "gif",
    "file",  # Al Jazeera's "[File: Reuters]"
    "grafik",  # de
    "infografik",
    "karte",
    "gráfico",  # es
    "mapa",
    "infografía",
    "archivo",
    "graphique",  # fr
    "infographie",
)
# Labels that open a caption line for a photo whose embed was stripped: "PHOTO: Residents ...".
PHOTO_CAPTION_LABELS: tuple[str, ...] = (
    "photo",
    "photos",
    "picture",
    "pictured",
    "image",
    "in pictures",
    "above",
    "top",
    "main image",
    "video",
    "watch",
)

# Labels that open a line without a colon on broadcasters' pages ("Image source, Reuters",
# "Image caption, Waves crash ...", "Media caption, Watch: ..."): what the rest is, and the kind.
COMMA_LABELS: tuple[tuple[str, str, str], ...] = (
    ("image source", "credit", "photo"),
    ("image copyright", "credit", "photo"),
    ("video source", "credit", "video"),
    ("image caption", "caption", "photo"),
    ("media caption", "caption", "video"),
    ("video caption", "caption", "video"),
)

# Headings that open "Label: text" lines which are no photo caption ("Background: ...").
NOT_CAPTION_HEADS: tuple[str, ...] = (
    "report",  # "Report: Jefferson, 3 other LSU players to meet with police": a headline
    "background",
    "timeline",
    "analysis",
    "update",
    "updates",
    "summary",
    "key events",
    "what we know",
    "read more",
    "read",
    "related",
    "more",
    "see also",
    "listen",
    "podcast",  # an episode: text_leadins reads it as audio
    "note",
    "editor's note",
    "correction",
    "clarification",
    "breaking",
    "exclusive",
    "live",
    "comment",
    "opinion",
    "explainer",
    "context",
    "q",
    "a",
    "question",
    "answer",
    "warning",
    "disclaimer",
    "tags",
    "topics",
    "share",
    "follow",
    "subscribe",
    "sign up",
    "newsletter",
    "advertisement",
    "by",
    "from",
    "to",
    "subject",
    "date",
    "sent",
    "cc",
    "re",
    "ps",
    "nb",
    "tl;dr",
    "tldr",
    "transcript",
    "contents",
    "sources",
    "references",
    "see",
    "full story",
    "latest",
)
# Words in brackets that place a person or thing in a picture: "(pictured)", "(left)".
PICTURE_POSITION_WORDS: tuple[str, ...] = (
    "pictured",
    "left",
    "right",
    "centre",
    "center",
    "above",
    "below",
    "top",
    "bottom",
    "inset",
    "second left",
    "second right",
    "far left",
    "far right",
    "front",
    "back",
    "file photo",
    "file picture",
    "file image",
    "photographed",
    "seen here",
)

# Agencies and outlets: canonical short name, full name, then every alias (compared case-folded).
# `credit_org` holds the short name, so a facet groups every spelling.
AGENCIES: tuple[tuple[str, ...], ...] = (
    ("AFP", "Agence France-Presse", "agence france presse", "afp photo", "فرانس برس", "أ ف ب", "أ.ف.ب"),
    ("AP", "Associated Press", "ap photo", "ap foto", "the associated press", "ap images", "أسوشيتد برس"),
    ("Reuters", "Reuters", "thomson reuters", "reuters tv", "رويترز", "рейтер", "ロイター", "路透社"),
    ("Getty Images", "Getty Images", "getty", "gettyimages", "getty images news", "غيتي إيماجز"),
    ("EPA", "European Pressphoto Agency", "epa-efe", "efe-epa", "epa images"),
    ("EFE", "Agencia EFE", "agencia efe"),
    ("Europa Press", "Europa Press"),
    ("Notimex", "Notimex"),
    ("Cuartoscuro", "Cuartoscuro"),
    ("Télam", "Télam", "telam"),
    ("Agencia Uno", "Agencia Uno"),
    ("Maxppp", "Maxppp"),
    ("Hans Lucas", "Hans Lucas"),
    ("ddp", "ddp images"),
    ("epd", "Evangelischer Pressedienst"),
    ("KNA", "Katholische Nachrichten-Agentur"),
    ("Keystone-SDA", "Keystone-SDA", "keystone-sda", "sda"),
    ("TNS", "Tribune News Service", "tribune news service", "mct"),
    ("USA Today Sports", "USA Today Sports", "usa today network", "usatsi", "imagn"),
    ("Icon Sportswire", "Icon Sportswire"),
    ("Anadolu", "Anadolu Agency", "anadolu agency", "anadolu ajansı", "aa", "الأناضول"),
    ("SANA", "Syrian Arab News Agency", "سانا"),
    ("Xinhua", "Xinhua News Agency"),
    ("TASS", "TASS", "itar-tass", "тасс"),
    ("Sputnik", "Sputnik", "ria novosti", "sputnik news", "риа новости"),
    ("PA", "PA Media", "pa images", "pa wire", "press association", "pa media", "pa photo"),
    ("Rex/Shutterstock", "Rex Features / Shutterstock", "rex", "rex features", "shutterstock"),
    ("Alamy", "Alamy", "alamy stock photo", "alamy live news"),
    ("AAP", "Australian Associated Press", "aap image"),
    ("NASA", "National Aeronautics and Space Administration"),
    ("JPL", "Jet Propulsion Laboratory", "jpl-caltech", "nasa jpl"),
    ("dpa", "Deutsche Presse-Agentur", "dpa picture alliance", "picture alliance", "picture-alliance"),
    ("ANSA", "Agenzia Nazionale Stampa Associata"),
    ("Kyodo", "Kyodo News", "共同", "共同通信"),
    ("Jiji", "Jiji Press", "jiji press", "時事", "時事通信"),
    ("Yonhap", "Yonhap News Agency"),
    ("WireImage", "WireImage"),
    ("NurPhoto", "NurPhoto"),
    ("SOPA Images", "SOPA Images", "sopa"),
    ("iStock", "iStock", "istockphoto"),
    ("Adobe Stock", "Adobe Stock", "stock.adobe.com"),
    ("SWNS", "South West News Service", "swns.com"),  # British picture agencies tabloids credit
    ("Cavendish Press", "Cavendish Press"),
    ("Mercury Press", "Mercury Press", "mercury press and media"),
    ("Kennedy News", "Kennedy News and Media", "kennedy news and media"),
    ("Jam Press", "Jam Press"),
    ("Solent News", "Solent News & Photo Agency", "solent news and photo agency"),
    ("GIPHY", "GIPHY", "giphy.com"),  # GIF platforms, credited as their source
    ("Tenor", "Tenor", "tenor.com"),
    ("Unsplash", "Unsplash", "unsplash.com"),  # free picture libraries, credited like agencies
    ("Pexels", "Pexels", "pexels.com"),
    ("Pixabay", "Pixabay", "pixabay.com"),
    ("Depositphotos", "Depositphotos", "depositphotos.com"),
    ("Dreamstime", "Dreamstime", "dreamstime.com"),
    ("123RF", "123RF", "123rf.com"),
    ("Freepik", "Freepik", "freepik.com"),
    ("Wikimedia Commons", "Wikimedia Commons", "wikimedia", "commons.wikimedia.org"),
    ("Bloomberg", "Bloomberg"),
    ("ZUMA", "ZUMA Press", "zuma wire", "zuma press wire"),
    ("Abaca", "Abaca Press"),
    ("Sipa", "Sipa Press", "sipa usa"),
    ("Polaris", "Polaris Images"),
    ("Magnum", "Magnum Photos"),
    ("VII", "VII Photo Agency"),
    ("Panos", "Panos Pictures"),
    ("Keystone", "Keystone"),
    ("ANP", "Algemeen Nederlands Persbureau"),
    ("Belga", "Belga News Agency"),
    ("APA", "Austria Presse Agentur"),
    ("Ritzau", "Ritzau Scanpix", "scanpix"),
    ("NTB", "Norsk Telegrambyrå"),
    ("TT", "TT News Agency"),
    ("Lusa", "Agência Lusa"),
    ("IRNA", "Islamic Republic News Agency"),
    ("Tasnim", "Tasnim News Agency"),
    ("WANA", "West Asia News Agency"),
    ("UPI", "United Press International"),
    ("Imago", "Imago Images", "imago images"),
    ("Hollandse Hoogte", "Hollandse Hoogte"),
    ("BBC", "BBC", "bbc news"),
    ("CNN", "CNN"),
    ("The Guardian", "The Guardian", "guardian"),
    ("The New York Times", "The New York Times", "new york times", "nyt"),
    ("The Washington Post", "The Washington Post", "washington post"),
    ("Al Jazeera", "Al Jazeera"),
    ("Mashable", "Mashable"),
    ("Quanta Magazine", "Quanta Magazine"),
    ("White Helmets", "Syria Civil Defence", "syria civil defence", "syrian civil defence"),
    ("UN", "United Nations", "un photo", "united nations"),
    ("UNICEF", "UNICEF"),
    ("ESA", "European Space Agency"),
)

# Words of a player's address on the page's own site, two of them in its host or path
# ("/embed/video/", "vplayer...nbcsports_embed", "/player/embed/"): the site's own video player.
OWN_PLAYER_WORDS: tuple[str, ...] = ("player", "vplayer", "embed", "video", "videos", "media")
# Marks that join a caption to its credit in Japanese papers ("喜ぶメッシ（左）とスアレス＝ロイター").
CREDIT_SEPARATORS: tuple[str, ...] = ("＝",)
# Labels that name a story's source, not a picture's maker: "Source:" over "PM" credits nothing.
SOURCE_LABELS: tuple[str, ...] = ("source", "sources", "quelle", "fuente")

# Picture agencies whose name alone on a line, between an article's paragraphs, credits the
# picture that stood there ("AP", "Reuters", "Getty Images", "AP Photo"). Outlets are not here:
# a lone "CNN" or "BBC" line is a logo or a menu's link.
LONE_CREDIT_AGENCIES: tuple[str, ...] = (
    "AFP",
    "AP",
    "Reuters",
    "Getty Images",
    "EPA",
    "EFE",
    "Rex/Shutterstock",
    "Alamy",
    "AAP",
    "ANSA",
    "Xinhua",
    "Anadolu",
    "ZUMA",
    "SIPA",
    "NurPhoto",
    "SOPA Images",
    "WireImage",
    "iStock",
    "Imago",
    "Keystone",
    "Kyodo",
    "Yonhap",
    "UPI",
)  # fmt: skip (short names, as in AGENCIES)
# Picture agencies whose name after a slash marks a credit even inside a line of prose ("... the
# search . rahman/afp/getty images officials said"): short names, as in AGENCIES.
FUSED_CREDIT_AGENCIES: tuple[str, ...] = (*LONE_CREDIT_AGENCIES, "PA", "The Guardian")

# Words before a media label that leave it a label: "EXCLUSIVE VIDEO: ...", "Top Image: X".
LABEL_QUALIFIERS: tuple[str, ...] = (
    "exclusive", "new", "latest", "breaking", "live", "top", "lead", "main", "featured", "header",
    "hero", "watch", "more", "left", "right",
)  # fmt: skip

# Words before a credit label that say how the picture came, part of the credit: "Archive
# photo: Jane Roe", "File photo: AP", "Handout picture: Police Scotland".
CREDIT_LABEL_QUALIFIERS: tuple[str, ...] = ("archive", "file", "handout", "pool", "staff", "agency")

# A control that shows a picture larger, left in the text where the picture stood: the line
# under it is the picture's credit or caption ("[+] Enlarge" then "Stephen Chernin/Getty Images").
ENLARGE_WORDS: tuple[str, ...] = (
    "enlarge",
    "enlarge this image",
    "enlarge image",
    "click to enlarge",
    "view larger",
    "view larger image",
    "ampliar",
    "ampliar foto",
    "ampliar imagen",
    "agrandir",
    "agrandir la photo",
    "agrandir l'image",
    "vergrößern",
    "bild vergrößern",
    "ingrandisci",
)  # fmt: skip (lines matched whole: "[+] " may open them)

# Words in a credit that say how the picture came, and the `credit_role` they give.
CREDIT_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("handout", "handout"),
    ("handout photo", "handout"),
    ("supplied", "supplied"),
    ("social media", "social media"),
    ("ugc", "user-generated"),
    ("user-generated", "user-generated"),
    ("user generated", "user-generated"),
    ("pool", "pool"),
    ("pool photo", "pool"),
    ("file", "file"),
    ("files", "file"),  # "Mike Blake/Reuters files"
    ("file photo", "file"),
    ("stringer", "stringer"),
    ("str", "stringer"),
    ("staff", "staff"),
    ("courtesy", "courtesy"),
    ("screengrab", "screenshot"),
    ("screenshot", "screenshot"),
)

# Platforms named in credits and flattened posts ("Photo: @user/Twitter", "Twitter: NAME - TEXT"):
# where a picture was posted, never who made it.
PLATFORM_NAMES: tuple[str, ...] = (
    "Twitter",
    "X",
    "Instagram",
    "Facebook",
    "TikTok",
    "Telegram",
    "Bluesky",
    "Mastodon",
    "Threads",
    "YouTube",
    "Vimeo",
    "Reddit",
    "Snapchat",
    "WhatsApp",
    "Weibo",
    "VK",
    "Flickr",
    "LinkedIn",
    "Truth Social",
    "Twitch",
    "Rumble",
    "Tumblr",
    "Pinterest",
)

# Phrases of a page's own copyright notice: such a line credits no picture.
RIGHTS_NOTICES: tuple[str, ...] = (
    "all rights reserved",
    "tous droits réservés",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "جميع الحقوق محفوظة",
    "無断転載",  # ja: reproduction without permission (is prohibited)
    "無断使用",  # ja: use without permission
)

# What a credit prints where a maker's name would stand when it names none ("AP Photo/Uncredited",
# "Tourismus GmbH / no name", "Recherche/privat"): no party.
NO_NAMES: tuple[str, ...] = (
    "uncredited", "unknown", "no name", "anonymous", "n/a", "private", "privat", "privé", "privado",
    "unbekannt", "inconnu", "desconocido", "archive", "archiv", "archives",
)  # fmt: skip

# Words of a relative time as a page prints it ("2h ago", "vor 5 Minuten"): a live blog's post
# stamped so is stored with its machine time (<time datetime>), which stays true.
RELATIVE_TIME_WORDS: tuple[str, ...] = (
    "ago", "just now", "now", "vor", "gerade", "il y a", "à l'instant", "hace", "ahora", "منذ",
)  # fmt: skip

# Companies named in a syndicated story's copyright notice ("© Thomson Reuters 2020" under a
# wire story), never in a picture's credit, which names the agency ("REUTERS/Name").
NOTICE_HOLDERS: tuple[str, ...] = ("thomson reuters", "dow jones & company", "cable news network")

# A site's legal and service links, each alone on its line in a page's footer ("Impressum",
# "Terms of Use"): a "© Name" line among them is the site's notice, not a picture's credit.
LEGAL_LINKS: tuple[str, ...] = (
    "privacy", "privacy policy", "privacy notice", "your privacy choices", "terms", "terms of use",
    "terms of service", "terms and conditions", "disclaimer", "legal", "legal notice", "imprint",
    "cookies", "cookie policy", "cookie settings", "accessibility", "sitemap", "site map",
    "contact", "contact us", "about us", "advertise", "careers", "jobs",
    "impressum", "datenschutz", "datenschutzerklärung", "nutzungsbedingungen", "agb", "kontakt",
    "barrierefreiheit", "bildrechte",  # de
    "mentions légales", "politique de confidentialité", "confidentialité", "cgu",  # fr
    "aviso legal", "política de privacidad", "política de cookies", "contacto",  # es
    "سياسة الخصوصية", "اتصل بنا",  # ar
)  # fmt: skip

# A picture's licence printed in its credit ("Karin Dalziel CC BY 2.0", "CC-BY-NC 2.0 David
# Merrigan"): how it may be reused, no party. The licence's names, its elements, and the
# jurisdictions and wordings a version may carry.
LICENCE_NAMES: tuple[str, ...] = ("CC", "Creative Commons")
# Words saying a picture is free of rights, which name no party ("Pexels, Public Domain").
PUBLIC_DOMAIN_PHRASES: tuple[str, ...] = ("public domain", "gemeinfrei", "domaine public", "dominio público")
LICENCE_ELEMENTS: tuple[str, ...] = (
    "BY", "SA", "NC", "ND", "Attribution", "ShareAlike", "NonCommercial", "NoDerivatives", "NoDerivs",
)  # fmt: skip
LICENCE_PORTS: tuple[str, ...] = (
    "AT", "DE", "CH", "FR", "ES", "US", "UK", "IGO", "Unported", "International", "Generic",
)  # fmt: skip

# Phrases that say a picture was lent by its owner: `credit_role` courtesy.
COURTESY_PHRASES: tuple[str, ...] = (
    "courtesy",
    "mit freundlicher genehmigung",
    "mit frdl. gen",
    "mit frdl. genehmigung",
    "avec l'aimable autorisation",
    "cortesía de",
    "por cortesía",
)

# Lower-case parts of personal names: "Karam al-Masri", "Ludwig van Beethoven".
NAME_PARTICLES: tuple[str, ...] = (
    "al",
    "el",
    "de",
    "da",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "ibn",
    "abu",
    "la",
    "le",
    "del",
    "dos",
    "das",
    "y",
    "and",
    "&",
    "ter",
    "ten",
    "zu",
)

# Words that make a credit's part an organisation rather than a person.
# A company's form after its name and a comma ("Tyvak Nano-Satellite Systems, Inc."): part of it.
COMPANY_SUFFIXES: tuple[str, ...] = ("inc", "ltd", "llc", "corp", "co", "gmbh", "ag", "sa", "plc", "bv", "nv")
ORG_WORDS: tuple[str, ...] = (
    "programme",  # "River Restoration Programme"
    "program",
    "games",  # "Riot Games, ONE Esports": studios and publishers named in screenshots' credits
    "esports",
    "entertainment",
    "records",
    "agency",
    "press",
    "news",
    "media",
    "magazine",
    "times",
    "post",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "observer",
    "telegraph",
    "independent",
    "express",
    "mail",
    "daily",
    "weekly",
    "chronicle",
    "courier",
    "review",
    "tv",
    "television",
    "radio",
    "channel",
    "network",
    "broadcasting",
    "studio",
    "studios",
    "films",
    "productions",
    "pictures",
    "images",
    "photos",
    "photography",
    "archive",
    "archives",
    "library",
    "collection",
    "museum",
    "institute",
    "institution",
    "university",
    "college",
    "foundation",
    "society",
    "association",
    "council",
    "ministry",
    "department",
    "office",
    "agency",
    "service",
    "services",
    "police",
    "army",
    "navy",
    "forces",
    "military",
    "government",
    "house",
    "kremlin",
    "committee",
    "commission",
    "group",
    "inc",
    "ltd",
    "llc",
    "corp",
    "corporation",
    "company",
    "co",
    "gmbh",
    "sa",
    "ag",
    "plc",
    "nasa",
    "esa",
    "helmets",
    "defence",
    "defense",
    "rescue",
    "hospital",
    "centre",
    "center",
    "zeitung",
    "verlag",
    "wissenschaft",
    "magazin",
    "agentur",
    "nachrichten",
    "rundfunk",
    "fernsehen",
    "werbung",  # a tourist board: "Österreich Werbung", "Tirol Werbung"
    "tourismus",
    "stadt",  # a town's press office: "Stadt Stuttgart"
    "landeshauptstadt",
    "authority",
    "authorities",
    "presse",
    "agence",
    "éditions",
    "periódico",
    "agencia",
    "diario",
    "noticias",
    "revista",
    # bodies that make charts, maps and data ("Source: Bureau of Labor Statistics", "Grafik:
    # Statistisches Bundesamt", "Data: World Bank")
    "bureau", "institut", "instituto", "istituto", "universität", "université", "universidad",
    "ministerium", "ministère", "ministerio", "stiftung", "fondation", "fundación", "zentrum",
    "survey", "statistics", "statistik", "statistique", "bundesamt", "research", "laboratory",
    "observatory", "organization", "organisation", "administration", "bank", "fund",
    "collaboration", "consortium", "project",
)  # fmt: skip

# Words for the people who speak or post in lead-ins: "Teacher Abdulkafi al-Hamdo".
ROLE_WORDS: tuple[str, ...] = (
    "teacher",
    "journalist",
    "reporter",
    "correspondent",
    "photographer",
    "photojournalist",
    "activist",
    "activists",
    "resident",
    "residents",
    "doctor",
    "nurse",
    "medic",
    "rescuer",
    "volunteer",
    "firefighter",
    "paramedic",
    "student",
    "witness",
    "eyewitness",
    "analyst",
    "blogger",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "minister",
    "secretary",
    "envoy",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "general",
    "official",
    "editor",
    "filmmaker",
    "cameraman",
    "pro-opposition",
    "pro-assad",
    "pro-regime",
    "pro-government",
    "opposition",
    "citizen",
    "user",
    "fighter",
    "rebel",
    "soldier",
    "reader",
    "viewer",
    "listener",
    "councillor",
    "councilor",
    "owner",
    "farmer",
    "driver",
    "pilot",
    "survivor",
    "local",
    "neighbour",
    "neighbor",
    "father",
    "mother",
    "engineer",
    "researcher",
    "scientist",
    "professor",
    "lawyer",
    "priest",
    "imam",
    "worker",
    "aid worker",
)

# Verbs that open a quotation when they end a lead-in: "Putin said:".
SPEECH_VERBS: tuple[str, ...] = (
    "said",
    "says",
    "say",
    "writes",
    "wrote",
    "write",
    "told",
    "tells",
    "added",
    "adds",
    "declared",
    "declares",
    "proclaimed",
    "proclaiming",
    "stated",
    "states",
    "announced",
    "announces",
    "explained",
    "explains",
    "continued",
    "continues",
    "concluded",
    "denounced",
    "denounces",
    "insisted",
    "warned",
    "noted",
    "argued",
    "asked",
    "replied",
    "responded",
    "posted",
    "tweeted",
    "sagt",  # de
    "sagte",
    "erklärt",
    "erklärte",
    "schreibt",
    "schrieb",
    "dit",  # fr
    "déclare",
    "déclaré",
    "explique",
    "écrit",
    "dice",  # es
    "dijo",
    "afirma",
    "afirmó",
    "explica",
    "explicó",
    "escribe",
    "escribió",
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
    ("on youtube", "video"),
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
    ("shared", "social_post"),
    ("says good-bye", "social_post"),
    ("says goodbye", "social_post"),
    ("on twitter", "social_post"),
    ("on instagram", "social_post"),
    ("on facebook", "social_post"),
    ("on telegram", "social_post"),
    ("on tiktok", "social_post"),
    ("on bluesky", "social_post"),
    ("on threads", "social_post"),
    ("on mastodon", "social_post"),
    ("on truth social", "social_post"),
    ("on linkedin", "social_post"),
    ("on reddit", "social_post"),
    ("on weibo", "social_post"),
    ("on vk", "social_post"),
    ("on rumble", "video"),
    ("on twitch", "video"),
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

# The same cues in other languages (words CUE_WORDS already holds are not repeated: it is asked
# first). They name the kind of a lead-in the rules take on other
# grounds (a colon line in a live blog, a credit line under it), and never make one: "vidéo"
# in "La préfecture a publié une vidéo des vagues :" says video. German compounds are listed
# whole ("Drohnenaufnahmen").
KIND_ONLY_CUE_WORDS: tuple[tuple[str, str], ...] = (
    ("vidéo", "video"), ("vidéos", "video"), ("diaporama", "gallery"),  # fr
    ("aufnahmen", "video"), ("drohnenaufnahmen", "video"),  # de
    ("videoaufnahmen", "video"), ("bilder", "photo"), ("fotos", "photo"), ("foto", "photo"),
    ("bildergalerie", "gallery"), ("fotostrecke", "gallery"), ("in bildern", "gallery"),
    ("vídeo", "video"), ("vídeos", "video"), ("imágenes", "photo"), ("fotografías", "photo"),  # es
    ("en imágenes", "gallery"), ("fotogalería", "gallery"),
    ("فيديو", "video"), ("صور", "photo"), ("صورة", "photo"), ("بالصور", "gallery"),  # ar
    ("twitter", "social_post"), ("instagram", "social_post"),
)  # fmt: skip

# What a publisher's player or gallery, or a platform's embed, leaves in a page's text alone on
# its line where the media stood (MailOnline's "Video playing bottom right..." under the video's
# title, "View gallery" over the picture's caption, Instagram's "View this post on Instagram"),
# with the kind and the platform it stood for.
PLAYER_LEFTOVERS: tuple[tuple[str, str, str | None], ...] = (
    ("video playing bottom right", "video", None),
    ("view gallery", "photo", None),
    ("view this post on instagram", "social_post", "instagram"),
)

# An embed code's default title names the player, not what it plays ("YouTube video player"):
# no caption. Titles that open with a player's name keep what follows ("Spotify Embed: Episode").
PLAYER_TITLES: tuple[str, ...] = (
    "youtube video player",
    "vimeo video player",
    "dailymotion video player",
    "video player",
    "audio player",
    "media player",
    "podcast player",
    "embedded content",
    "embedded post",
    "embedded video",
    "embed",
    "x post",
    "twitter tweet",
    "instagram embed",
    "tiktok embed",
    "facebook social plugin",
    "fb:post facebook social plugin",
    "fb:video facebook social plugin",
    "soundcloud widget",
    "spotify embed",
)

# Live-blog entry stamps. Words that open a timed entry ("UPDATE 1650 GMT:", "Mise à jour 14h05").
STAMP_WORDS: tuple[str, ...] = (
    "update",
    "updated",
    "posted",
    "published",
    "breaking",
    "latest",
    "mise à jour",  # fr
    "aktualisiert",  # de
    "update um",
    "actualización",  # es
    "actualizado",
    "تحديث",  # ar
)
# Words that name the first entry of a blog: "ORIGINAL ENTRY:".
FIRST_ENTRY_WORDS: tuple[str, ...] = ("original entry", "original post", "original article", "first entry")
# Words before a dated stamp: "(Published Monday, Nov. 18, 2019)".
DATED_STAMP_WORDS: tuple[str, ...] = (
    "published",
    "updated",
    "posted",
    "publié le",  # fr
    "publié",
    "mis à jour le",
    "veröffentlicht am",  # de
    "veröffentlicht",
    "publicado",  # es
)
TIME_ZONES: tuple[str, ...] = (
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "EST",
    "EDT",
    "CST",
    "CDT",
    "PST",
    "PDT",
    "MSK",
    "IST",
    "AEST",
    "AEDT",
    "JST",
    "MEZ",
    "MESZ",
    "ET",  # US zones as live updates print them: "8:14 p.m. ET"
    "CT",
    "MT",
    "PT",
    "Uhr",  # de: "17.02 Uhr", not a zone but written where one is
)

# Class and id words of page furniture: an image inside such a block is no article media.
# Matched against the words of class and id values split at "-", "_" and spaces.
BOILERPLATE_TOKENS: tuple[str, ...] = (
    "related",
    "teaser",
    "teasers",
    "recirculation",  # the industry's word for the module of other stories
    "recirc",
    "tease",  # "o-tease": a story list's item
    "promo",
    "promos",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "sponsor",
    "sponsored",
    "paywall",
    "newsletter",
    "subscribe",
    "subscription",
    "social",
    "share",
    "sharing",
    "logo",
    "icon",
    "icons",
    "avatar",
    "comment",
    "comments",
    "trending",
    "playlist",  # the other videos beside a featured one
    "popular",
    "recommended",
    "recommendations",
    "outbrain",
    "taboola",
    "nav",
    "navigation",
    "menu",
    "breadcrumb",
    "footer",
    "branding",
    "richlink",
    "tracking",
    "pixel",
    "badge",
    "sprite",
    "emoji",
    "logotype",
    "alert",  # a site notice ("usa-alert-warning"), its icons and logos
    "spinner",
)
# Class words that make the rest of a class a statement about the block, not its kind: what
# follows "with", "has", "no" is what the block holds or lacks ("layout-with-rail",
# "has-paywall", "no-sidebar"; "is-..." stays: FAZ's "Col-is-besides-other-teasers" is one);
# a class naming a state ("menu-hidden", "hidden-contents-menu", "sidebar-open") says what is
# shown, not what the block is.
CLASS_OWNERSHIP_WORDS: tuple[str, ...] = ("with", "has", "no", "without")
CLASS_STATE_WORDS: tuple[str, ...] = (
    "hidden",
    "open",
    "closed",
    "active",
    "collapsed",
    "expanded",
    "visible",
    "not",  # "adNotPlaying": a player while no ad plays
)
# Weaker furniture words: ignored when the same class also names the content
# ("content-rail", "article-card"), because sites use them for layout inside articles too.
# Whole class names that state what is done to a block, not what it is ("block-image-ads" on
# Future's hero pictures: no ad is laid over them).
STATEMENT_CLASSES: tuple[str, ...] = (
    "block-image-ads",
    "paywall",  # the article behind it (<article class="paywall">); "paywall-loading" is furniture
)
WEAK_BOILERPLATE_TOKENS: tuple[str, ...] = (
    "masthead",  # the site's, or the article's ("article-masthead" holds its lead picture)
    "rail",
    "sidebar",
    "widget",
    "list",
    "listing",
    "card",
    "cards",
    "more",
    "thumbnail",
    "thumb",
    "banner",
    "author",
    "byline",
    "profile",
)
# With "post", "article", "story" or "entry" in one class ("next-post__image-wrapper",
# "prev-article"): the block of another story, before or after this one.
SEQUEL_TOKENS: tuple[str, ...] = ("next", "prev", "previous", "upnext", "following")
# A block named after the story's author and a picture or a box ("article-author-image",
# "author-box"): the author's portrait, whatever content word the block also holds.
AUTHOR_TOKENS: tuple[str, ...] = ("author", "authors", "byline", "contributor", "writer")
PORTRAIT_TOKENS: tuple[str, ...] = ("image", "img", "photo", "picture", "headshot", "thumb", "bio", "box")
CONTENT_TOKENS: tuple[str, ...] = (
    "content",
    "article",
    "story",
    "post",
    "entry",
    "body",
    "main",
    "lead",
    "hero",
    "media",
    "figure",
)
# Tags whose content is page furniture, not the article.
BOILERPLATE_TAGS: tuple[str, ...] = ("nav", "aside", "footer", "form", "button", "select")
# Words in an image's src or alt that mark a placeholder or an icon, never a picture.
PLACEHOLDER_TOKENS: tuple[str, ...] = (
    "placeholder",
    "spacer",
    "blank",
    "leer",  # de: empty
    "pixel",
    "transparent",
    "loading",
    "loader",
    "preload",
    "lazy",
    "1x1",
    "grey",
    "gray",
    "default",
    "sprite",
    "icon",
    "logo",
    "avatar",
    "please wait",
)
# First labels of hosts that serve counters, not pictures ("pixel.wp.com", "stats.x.net").
TRACKER_HOST_WORDS: tuple[str, ...] = (
    "pixel",
    "pixels",
    "stats",
    "analytics",
    "tracking",
    "tracker",
    "beacon",
    "metrics",
)
# Attributes that hold an image's real address on lazy-loading pages, most trusted first.
LAZY_SRC_ATTRS: tuple[str, ...] = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-fallback-img",
    "data-litespeed-src",
    "data-retina-src",
    "data-orig-file",
    "data-large-file",
    "data-image",  # al.com's span.resimg
)
LAZY_SRCSET_ATTRS: tuple[str, ...] = ("data-srcset", "data-lazy-srcset", "srcset")
# Attributes holding a picture's address as a template, a size to fill in ("...-{{size}}.jpg"),
# and those listing the sizes it comes in ("[320,640,2600]"): The New York Times' g-lazy.
LAZY_TEMPLATE_ATTRS: tuple[str, ...] = ("data-pattern", "data-template", "data-src-template")
LAZY_WIDTHS_ATTRS: tuple[str, ...] = ("data-widths", "data-sizes", "data-image-widths")
# Words in the name of a lazy loader's attribute that say which size it holds ("data-src-large",
# "data-src-mini"): the larger first.
LARGE_SIZE_WORDS: tuple[str, ...] = ("full", "large", "big", "hires", "hi-res", "original", "xl", "super")
SMALL_SIZE_WORDS: tuple[str, ...] = ("mini", "small", "xsmall", "thumb", "tiny", "low", "lowres", "preview")
# Folders of a site's pictures that hold its furniture, never an article's pictures
# (".../gold/awards/icon/gold_32.png", ".../banner/devrel.png").
FURNITURE_FOLDERS: tuple[str, ...] = (
    "icon", "icons", "emoji", "emojis", "emoticons", "smilies", "logo", "logos", "avatar", "avatars",
    "badge", "badges", "sprite", "sprites", "button", "buttons", "flags", "banner", "banners", "ads",
    "themes", "plugins", "css",  # a CMS's theme and plugin files, a stylesheet's pictures
)  # fmt: skip
# A counter's or an ad server's address standing as a picture (a tracking pixel): a segment of
# its path ("/www/delivery/avw.php", "/logger/p.gif", "/em_image"), or a parameter such
# endpoints take (a cache-buster, a zone or advertiser id) on an address naming no picture file.
BEACON_PATH_WORDS: tuple[str, ...] = (
    "delivery", "adserver", "adview", "adimg", "pixel", "pixels", "beacon", "track", "tracking",
    "tracker", "counter", "count", "hit", "hits", "impression", "impressions", "imp", "collect",
    "log", "logger", "stat", "stats", "analytics", "em_image", "avw.php", "lg.php", "ck.php", "set.aspx",
)  # fmt: skip
BEACON_PARAMS: tuple[str, ...] = (
    "cb", "cachebuster", "cache_buster", "cachebust", "rnd", "random", "ord", "zoneid", "zone_id",
    "advid", "adid", "siteid", "site_id", "campaignid", "placementid", "guid",
)  # fmt: skip
# Words of a picture's path that make it furniture (".../adblock-message/slate-plus-promo.png",
# ".../newsletter-signup.jpg"); not "promo", which names a crop ("...jpg.CROP.promo-xlarge2.jpg").
FURNITURE_FILE_WORDS: tuple[str, ...] = (
    "subscribe", "newsletter", "paywall", "adblock", "cta", "sponsored", "btn",
)  # fmt: skip
# Alt texts naming a module of the page's furniture, the heading art over it ("Related Articles").
FURNITURE_ALTS: tuple[str, ...] = (
    "related", "related articles", "related stories", "related posts", "related content",
    "popular", "popular video", "popular videos", "popular stories", "trending", "trending now",
    "recommended", "recommended for you", "more stories", "read more", "advertisement", "sponsored",
)  # fmt: skip
# Class words of a control inside a caption, whose words are no caption (NPR's "hide caption").
CAPTION_CONTROL_WORDS: tuple[str, ...] = ("hide", "toggle", "button", "btn", "expand", "collapse")
# How a byline opens ("Written by Rachael Link, MS, RD on November 14, 2019"): a picture whose
# nearest words are a byline is the author's portrait.
BYLINE_OPENINGS: tuple[str, ...] = (
    "by", "written by", "words by", "reported by", "reviewed by", "medically reviewed by", "posted by",
    "von",  # de
    "por", "escrito por",  # es, pt
    "par", "écrit par",  # fr
    "di", "scritto da",  # it
    "door",  # nl
    "av",  # sv, no, da
)  # fmt: skip
# Names of a page that shows one picture larger (".../1848429/img.html", "zoom.php"): a picture
# linking to one is the article's own, not a teaser.
PICTURE_PAGE_NAMES: tuple[str, ...] = (
    "img", "image", "photo", "picture", "zoom", "enlarge", "viewer", "lightbox", "foto", "bild", "imagen",
)  # fmt: skip
# Last words of an outlet's name: "Adam Maida for BuzzFeed News" credits a photographer working for it.
OUTLET_WORDS: tuple[str, ...] = (
    "News", "Times", "Post", "Magazine", "Press", "Journal", "Review", "Herald", "Tribune", "Observer",
    "Guardian", "Telegraph", "Chronicle", "Gazette", "Examiner", "Mail", "Express", "Daily", "Weekly",
)  # fmt: skip
# Labels after a name saying a picture was handed in: "Jane Roe Submitted photo" is a credit.
SUBMITTED_LABELS: tuple[str, ...] = ("submitted photo", "contributed photo", "courtesy photo", "submitted")
# Classes of text printed for screen readers only (the BBC's <span class="off-screen">Image
# caption</span> before a caption, "Image copyright" before its credit): no caption's words.
SCREEN_READER_CLASSES: tuple[str, ...] = (
    "off-screen", "offscreen", "sr-only", "screen-reader-text", "screen-reader-only", "screenreader-only",
    "visually-hidden", "visuallyhidden", "u-visually-hidden", "is-visually-hidden", "hidden-visually",
    "element-invisible", "a11y-only", "assistive-text", "sr-text",
)  # fmt: skip
# Alt texts of a control's picture: a button, not media ("close", "menu").
CONTROL_ALTS: tuple[str, ...] = (
    "close", "menu", "search", "open", "play", "pause", "next", "previous", "prev", "back", "arrow",
    "expand", "collapse", "zoom", "fullscreen", "share", "print", "email", "e-mail", "mail", "rss",
)  # fmt: skip
# Class words of the element that holds a caption's credit.
CREDIT_CLASS_TOKENS: tuple[str, ...] = (
    "credit",
    "credits",
    "copyright",
    "byline",
    "source",
    "attribution",
    "courtesy",
    "photographer",
    "owner",  # People's span.figure-article-caption-owner
)
# Class words of an element that holds a caption.
CAPTION_CLASS_TOKENS: tuple[str, ...] = ("caption", "legend", "figcaption", "description")
# Microdata and JSON-LD properties of a media object that state its credit, most direct first:
# the credit line as the publisher prints it, the maker, the holder of the rights, the notice.
CREDIT_ITEMPROPS: tuple[str, ...] = ("creditText", "creator", "author", "copyrightHolder", "copyrightNotice")
# Keys under which a page's script data (a WordPress REST attachment, a Next.js or Arc page
# state) names a picture's address, and states its credit (most direct first).
STATE_PICTURE_KEYS: frozenset[str] = frozenset(
    ("url", "src", "source_url", "contentUrl", "uri", "image_url", "imageUrl", "original_url", "originalUrl")
)
STATE_CREDIT_KEYS: tuple[str, ...] = (
    "creditText", "credit", "credits", "imageCredit", "image_credit", "photographer", "copyrightHolder",
    "copyright",
)  # fmt: skip
# Microdata item types of a media object (`itemtype="https://schema.org/ImageObject"`).
MEDIA_ITEMTYPES: tuple[str, ...] = (
    "/imageobject", "/photograph", "/videoobject", "/audioobject", "/mediaobject",
)  # fmt: skip
# Attributes of a picture (or of its <figure>) that hold its credit as printed.
CREDIT_ATTRIBUTES: tuple[str, ...] = (
    "data-credit",
    "data-credits",
    "data-image-credit",
    "data-photo-credit",
    "data-copyright",
    "data-photographer",
    "data-attribution",
    "data-source",
    "data-mce-source",  # TinyMCE's image dialog
    "data-rights",
)
# Attributes of a picture that hold its caption, which may end in its credit ("Representative
# image. (AFP file photo)", "Trump. (Photo by REUTERS)"), or be the credit alone (Wikimedia's "By
# Jane Doe [CC BY 2.0], via Wikimedia Commons").
CAPTION_ATTRIBUTES: tuple[str, ...] = ("data-caption", "title", "data-title", "alt")
# Labels of a bracketed note crediting a whole story's pictures, as Korean, Japanese and Chinese
# pages close an article ("[사진=MBC, SBS]", "（写真=ロイター）", "[图片来源: 新华社]").
BRACKETED_STORY_CREDIT_LABELS: tuple[str, ...] = (
    "사진",
    "사진제공",
    "写真",
    "写真提供",
    "图片",
    "图片来源",
    "圖片",
    "照片",
)
# Labels of a line that credits the pictures of a whole story ("Photographs by Lexey Swall",
# "Photography by Dan Seifert.", "Fotos: Jane Doe"), said once for all of them.
STORY_CREDIT_LABELS: tuple[str, ...] = (
    "photographs by",
    "photography by",
    "photos by",
    "pictures by",
    "images by",
    "photographs",
    "photography",
    "photos",
    "fotos",  # de, es, it, pt
    "bilder",  # de
    "fotografías",  # es
    "fotografie",  # it, de
    "photographies",  # fr
)
# Page builders whose blocks are all "widgets": the word names the builder's block, not a
# sidebar's ("elementor-widget-image" is an image in the article).
PAGE_BUILDER_WORDS: tuple[str, ...] = ("elementor", "wpb", "vc", "et", "fl", "siteorigin")

# Verbs (beyond speech verbs) that end the subject of a lead-in: "Syrian State media put out".
LEAD_VERBS: tuple[str, ...] = (
    "sends",
    "send",
    "sent",
    "shares",
    "share",
    "shared",
    "posts",
    "post",
    "posted",
    "put",
    "puts",
    "issued",
    "issues",
    "released",
    "releases",
    "published",
    "publishes",
    "filmed",
    "films",
    "captured",
    "captures",
    "shows",
    "show",
    "showed",
    "offers",
    "offered",
    "gives",
    "gave",
    "reports",
    "reported",
    "quotes",
    "quoted",
    "promise",
    "promises",
    "promised",
    "describes",
    "described",
    "speaks",
    "spoke",
    "recorded",
    "records",
    "uploaded",
    "tweets",
    "celebrated",
    "celebrates",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
)
# Words that open a leading clause to skip before the subject: "Earlier in the day, Putin said:".
LEADING_CLAUSE_WORDS: tuple[str, ...] = (
    "as",
    "after",
    "before",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "while",
    "when",
    "on",
    "in",
    "at",
    "during",
    "today",
    "yesterday",
    "tonight",
    "still",
    "then",
    "now",
    "also",
    "separately",
    "elsewhere",
    "here",
    "and",
    "but",
    "finally",
    "overnight",
    "this",
)
# Words a title leaves in lower case ("Best of the Web", "Club del Suscriptor"): a colon line
# whose other words are all capitalised is a heading, not a lead-in.
TITLE_SMALL_WORDS: tuple[str, ...] = (
    "the", "and", "for", "with", "from", "into", "over", "our", "its",
    "des", "der", "die", "del", "las", "los",
)  # fmt: skip
# Last words of a colon line that opens a list, never an embed: "... data points include:".
LIST_ENDINGS: tuple[str, ...] = (
    "include",
    "includes",
    "included",
    "including",
    "are",
    "were",
    "following",
    "as follows",
    "such as",
    "namely",
    "among them",
)
# Openings that present what follows: a list or an explanation ("Here's what we know:"), unless
# they name media ("Here is footage of the air defence at work:" stood above a video).
PRESENTING_OPENINGS: tuple[str, ...] = (
    "here is",
    "here are",
    "here's",
    "these are",
    "this is what",
    "the following",
)
# Lead-ins that open a list or an explanation, never an embed: "What we know:", "Read more:".
NOT_LEADIN_OPENINGS: tuple[str, ...] = (
    "what we know",
    "key points",
    "read more",
    "see also",
    "related",
    "more on",
    "update",
    "note",
    "editor's note",
    "correction",
    "disclaimer",
    "for example",
    "such as",
    "including",
    "you might also like",
    "you may also like",
    "recommended",
    "more from",
    "share this",
    "follow us",
    "sign up",
    "sign in",
    "visit our",
    "remember",
    "bloggers like this",  # WordPress's likes
    "bloggern gefällt das",
    "previous post",
    "next post",
    "older post",
    "newer post",
    "das könnte sie auch interessieren",  # de
    "diesen artikel empfehlen",
    "mehr zum thema",
    "lesen sie auch",
    "weitere artikel",
    "à lire aussi",  # fr
    "lire aussi",
    "sur le même sujet",
    "partager",
    "te puede interesar",  # es
    "lee también",
    "más información",
    "relacionado",
)
# Auxiliaries: after a speech verb they show a reported clause ("said four were slain:").
AUXILIARIES: tuple[str, ...] = (
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "did",
    "does",
    "do",
    "may",
    "might",
    "must",
    "should",
    "been",
    "that",
)

# Top-level domains besides the two-letter country codes that a folder named like a host may end
# in (catalog.urls.mirrored_url: the folders of a wget-style mirror).
GENERIC_TLDS = frozenset(
    (
        "com", "org", "net", "edu", "gov", "int", "mil", "info", "biz", "name", "pro", "news",
        "media", "press", "blog", "online", "site", "live", "tv", "radio", "app", "dev", "io",
        "page", "today", "world", "global", "africa", "asia", "arab", "berlin", "london", "nyc",
        "paris",
    )
)  # fmt: skip

# The line model's words (catalog.linemodel), as lower-case tokens. Words that place someone in
# a picture without brackets ("from left", "left to right", "pictured"):
CAPTION_PLACE_WORDS = frozenset(("pictured", "inset", "l-r", "clockwise"))
# Words of the article's own reporting, around which a caption is not.
REPORTING_WORDS = frozenset(
    (*SPEECH_VERBS, "according", "claimed", "claims", "revealed", "admitted", "believes", "believed",
     "reported", "reports", "confirmed", "sagte", "selon", "según")
)  # fmt: skip
# First-person words: speech and columns, rarely a caption.
FIRST_PERSON_WORDS = frozenset(("i", "we", "my", "our", "me", "us", "ich", "wir", "je", "nous", "yo"))
# Words naming a picture or a video, as tokens.
PHOTO_WORDS = frozenset(
    ("photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images", "graphic",
     "graphics", "chart", "map", "snapped", "foto", "fotos", "bild", "bilder", "imagen")
)  # fmt: skip
VIDEO_WORDS = frozenset(
    ("video", "videos", "footage", "clip", "clips", "watch", "film", "filmed", "livestream", "stream",
     "vidéo", "vídeo")
)  # fmt: skip
# What follows a name and its handle in a sentence of prose ("said Jane Doe (@janedoe), the
# council's spokeswoman"), never a flattened post's first word.
NOT_POST_OPENINGS: tuple[str, ...] = (
    ",", "said", "says", "who", "wrote", "writes", "tweeted", "tweets", "told", "and", "has", "is", "was",
)  # fmt: skip
# A site's own words around an article, never a caption's (the line model's, as tokens).
FURNITURE_WORDS = frozenset(
    ("subscribe", "subscription", "newsletter", "newsletters", "login", "log", "sign", "password",
     "email", "e-mail", "cookie", "cookies", "privacy", "commenting", "comments", "comment",
     "advertisement", "sponsored", "share", "follow", "register", "download", "app")
)  # fmt: skip

# Months, as byline dates write them (catalog.extractors._dates).
MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# German, French and Spanish names, for posts embedded in those languages' pages ("2. Juni 2018").
OTHER_MONTH_NAMES = (
    ("januar", "jänner", "janvier", "enero"),
    ("februar", "février", "fevrier", "febrero"),
    ("märz", "mars", "marzo"),
    ("avril", "abril"),
    ("mai", "mayo"),
    ("juni", "juin", "junio"),
    ("juli", "juillet", "julio"),
    ("août", "aout", "agosto"),
    ("septembre", "septiembre", "setiembre"),
    ("oktober", "octobre", "octubre"),
    ("novembre", "noviembre"),
    ("dezember", "décembre", "decembre", "diciembre"),
)
# Every month's name and three-letter form, as words (the line model's dates).
MONTH_WORDS = frozenset(
    (*MONTH_NAMES, *(name[:3] for name in MONTH_NAMES), *(n for names in OTHER_MONTH_NAMES for n in names))
)
