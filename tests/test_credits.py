"""The credit parser against the forms newsrooms print, and the lines that are no credit.

Each case: the credit as printed, then the expected person, organisation (canonical short
name), role and handle. `None` means the part must be absent.
"""

from __future__ import annotations

import pytest

from catalog.credits import display_name, is_bare_credit, looks_like_credit, parse_credit, parties, party_key
from catalog.extractors.text_leadins import speaker_of

CASES: list[tuple[str, str | None, str | None, str | None, str | None]] = [
    # labels, in several languages
    ("Photo: Karam al-Masri/AFP", "Karam al-Masri", "AFP", None, None),
    ("Ben Stansall/\u200bAFP/\u200bGetty Images", "Ben Stansall", "AFP", None, None),  # zero-width spaces
    ("David McNew—Getty Images", "David McNew", "Getty Images", None, None),  # Time's em dash
    ("Photograph: Stephanie Keith/Reuters", "Stephanie Keith", "Reuters", None, None),
    ("Picture: John Smith/PA", "John Smith", "PA", None, None),
    ("Image: NASA/JPL-Caltech", None, "NASA", None, None),
    ("Video: Reuters", None, "Reuters", None, None),
    ("Footage: AP", None, "AP", None, None),
    ("Credit: NASA", None, "NASA", None, None),
    ("Source: Anadolu Agency", None, "Anadolu", None, None),
    ("Courtesy of Jane Doe", "Jane Doe", None, "courtesy", None),
    ("Courtesy of the Smithsonian Institution", None, "the Smithsonian Institution", "courtesy", None),
    ("Image courtesy of NASA", None, "NASA", "courtesy", None),
    ("Courtesy: Jane Doe", "Jane Doe", None, "courtesy", None),
    ("© Maizal / stock.adobe.com", "Maizal", "Adobe Stock", None, None),
    ("(c) 2019 Jane Doe", "Jane Doe", None, None, None),
    # a Creative Commons licence in the credit names nobody
    ("Foto: Karin Dalziel CC BY 2.0", "Karin Dalziel", None, None, None),
    ("CC-BY-NC 2.0 David Merrigan", "David Merrigan", None, None, None),
    ("Photo: Jane Doe (CC BY-SA 3.0 DE)", "Jane Doe", None, None, None),
    ("Jane Doe / Wikimedia Commons / CC BY-SA 4.0", "Jane Doe", "Wikimedia Commons", None, None),
    ("Creative Commons Attribution-ShareAlike 4.0 International / John Roe", "John Roe", None, None, None),
    ("Rebecca McCCarthy/AFP", "Rebecca McCCarthy", "AFP", None, None),  # "CC" inside a name stays
    ("Tomas Munita/CIFOR (", "Tomas Munita", "CIFOR", None, None),  # broken at its licence's link
    # free picture libraries are credited like agencies
    ("Photo by Jane Doe on Unsplash", "Jane Doe", "Unsplash", None, None),
    ("Unsplash/Jane Doe", "Jane Doe", "Unsplash", None, None),
    ("Pixabay.com / janedoe", "Janedoe", "Pixabay", None, None),
    ("Image: NASA/JPL-Caltech", None, "NASA", None, None),
    ("Wikimedia Commons", None, "Wikimedia Commons", None, None),
    # where a name would stand, none: no party
    ("AP Photo/Uncredited", None, "AP", None, None),
    ("Tourismus Beispielstadt GmbH / no name", None, "Tourismus Beispielstadt GmbH", None, None),
    # Libération's label without a colon, and a full stop before the agency
    ("Photo Lionel Bonaventure. AFP", "Lionel Bonaventure", "AFP", None, None),
    # The New York Times' "Credit..." label, and a role before "photo by"
    ("Credit...Erin Schaff/The New York Times", "Erin Schaff", "The New York Times", None, None),
    ("Pool photo by Jane Doe", "Jane Doe", None, "pool", None),
    # a qualifier before the label is part of it; British picture agencies
    ("Archive photo: Jane Roe", "Jane Roe", None, None, None),
    ("Handout picture: Police Scotland", None, "Police Scotland", "handout", None),
    ("Picture: SWNS", None, "SWNS", None, None),
    # an ampersand makes a body, not a person
    ("Jane Doe, Fauna & Flora International", "Jane Doe", "Fauna & Flora International", None, None),
    ("Copyright 2020 Reuters", None, "Reuters", None, None),
    ("© Reuters 2021", None, "Reuters", None, None),
    ("Photo by Jane Doe", "Jane Doe", None, None, None),
    ("Photo by Jane Doe/Getty Images", "Jane Doe", "Getty Images", None, None),
    ("Photo credit: Jane Doe", "Jane Doe", None, None, None),
    ("Featured Image by Joe Raedle/Getty Images", "Joe Raedle", "Getty Images", None, None),
    ("Mandatory Credit: Photo by Jane Doe/Shutterstock", "Jane Doe", "Rex/Shutterstock", None, None),
    ("Foto: Anna Schmidt/dpa", "Anna Schmidt", "dpa", None, None),
    ("Bild: Max Muster/Reuters", "Max Muster", "Reuters", None, None),
    ("Foto: EFE/Juan Pérez", "Juan Pérez", "EFE", None, None),
    ("Crédit : Marie Curie/AFP", "Marie Curie", "AFP", None, None),
    ("Crédit photo : Jean Dupont", "Jean Dupont", None, None, None),
    ("Фото: Иван Петров/ТАСС", "Иван Петров", "TASS", None, None),
    ("صورة: رويترز", None, "Reuters", None, None),
    ("صورة: أ ف ب", None, "AFP", None, None),
    # separators and orders
    ("Karam al-Masri/AFP", "Karam al-Masri", "AFP", None, None),
    ("AFP/Karam al-Masri", "Karam al-Masri", "AFP", None, None),
    ("REUTERS/Ammar Abdullah", "Ammar Abdullah", "Reuters", None, None),
    ("AP Photo/Hassan Ammar", "Hassan Ammar", "AP", None, None),
    ("Karam al-Masri / AFP", "Karam al-Masri", "AFP", None, None),
    ("Karam al-Masri/AFP/Getty Images", "Karam al-Masri", "AFP", None, None),
    ("Joe Raedle via Getty Images", "Joe Raedle", "Getty Images", None, None),
    ("AFP via Getty Images", None, "AFP", None, None),
    ("Anadolu Agency via Getty Images", None, "Anadolu", None, None),
    ("Tyler Hicks for The New York Times", "Tyler Hicks", "The New York Times", None, None),
    ("Jane Doe, AFP", "Jane Doe", "AFP", None, None),
    ("Jane Doe - AFP", "Jane Doe", "AFP", None, None),
    ("Jane Doe – Reuters", "Jane Doe", "Reuters", None, None),
    ("Xinhua/Wang Ying", "Wang Ying", "Xinhua", None, None),
    ("NASA/Bill Ingalls", "Bill Ingalls", "NASA", None, None),
    ("AAP Image/Dean Lewins", "Dean Lewins", "AAP", None, None),
    ("Sputnik/Mikhail Klimentyev/Kremlin via Reuters", "Mikhail Klimentyev", "Sputnik", None, None),
    ("Yonhap via AP", None, "Yonhap", None, None),
    ("Kyodo News via AP Images", None, "Kyodo", None, None),
    ("Samuel Velasco / Quanta Magazine", "Samuel Velasco", "Quanta Magazine", None, None),
    ("Picture alliance/dpa", None, "dpa", None, None),
    ("PA Wire/PA Images", None, "PA", None, None),
    ("Ahmed Jadallah | Reuters", "Ahmed Jadallah", "Reuters", None, None),
    # accounts
    ("Jane Doe (@janedoe)", "Jane Doe", None, None, "@janedoe"),
    ("@janedoe", None, None, None, "@janedoe"),
    ("Lina Shamy (@Lina_Shamy)", "Lina Shamy", None, None, "@Lina_Shamy"),
    ("Photo: @riverwatch/Twitter", None, None, None, "@riverwatch"),
    # handouts and the like
    ("SANA handout", None, "SANA", "handout", None),
    ("Handout/Reuters", None, "Reuters", "handout", None),
    ("SANA/Handout via Reuters", None, "SANA", "handout", None),
    ("US Navy/Handout via Reuters", None, "US Navy", "handout", None),
    ("Supplied", None, None, "supplied", None),
    ("Photo: Supplied", None, None, "supplied", None),
    ("Social media", None, None, "social media", None),
    ("Photo: social media", None, None, "social media", None),
    ("UGC", None, None, "user-generated", None),
    ("Photo: Handout", None, None, "handout", None),
    ("Pool/Reuters", None, "Reuters", "pool", None),
    ("STR/AFP", None, "AFP", "stringer", None),
    ("EPA-EFE/STRINGER", None, "EPA", "stringer", None),
    ("Reuters TV via Reuters", None, "Reuters", None, None),
    # brackets
    ("(AFP/Getty)", None, "AFP", None, None),
    ("(EPA)", None, "EPA", None, None),
    ("[Reuters]", None, "Reuters", None, None),
    ("(Jane Doe/AFP)", "Jane Doe", "AFP", None, None),
    ("(Photo: Reuters)", None, "Reuters", None, None),
    # cases and truncations from text corpora
    ("samson/afp/getty images", "Samson", "AFP", None, None),
    ("KARAM AL-MASRI/AFP", "Karam al-Masri", "AFP", None, None),
    ("lili sams/mashable", "Lili Sams", "Mashable", None, None),
    ("ammar abdullah/reuters", "Ammar Abdullah", "Reuters", None, None),
    ("PHOTO: JANE DOE/AP", "Jane Doe", "AP", None, None),
    # aliases
    ("Associated Press", None, "AP", None, None),
    ("Agence France-Presse", None, "AFP", None, None),
    ("Getty", None, "Getty Images", None, None),
    ("Rex Features", None, "Rex/Shutterstock", None, None),
    ("Alamy Stock Photo", None, "Alamy", None, None),
    ("BBC News", None, "BBC", None, None),
    ("Guardian", None, "The Guardian", None, None),
    ("Jane Doe", "Jane Doe", None, None, None),
    # a maker and the platform the picture came from
    ("John D. Carnessiotis on Flickr", "John D. Carnessiotis", None, None, None),
    # two bodies joined by a comma, neither a person ("Riot Games, ONE Esports" read as one name)
    ("Riot Games, ONE Esports", None, "Riot Games", None, None),
    ("Mike Blake/Reuters files", "Mike Blake", "Reuters", "file", None),
    ("David McNew—Getty Images", "David McNew", "Getty Images", None, None),
    # a small word among capitalised ones is a particle in a name, or the name is a title
    ("Point of View", None, None, None, None),
    ("Ursula von der Leyen/EU", "Ursula von der Leyen", "EU", None, None),
    (
        "Tourismus Salzburg GmbH / Thomas Kujat (slowbike makrohaus)",
        "Thomas Kujat (slowbike makrohaus)",
        "Tourismus Salzburg GmbH",
        None,
        None,
    ),
    ("lili sams/mashable", "Lili Sams", "Mashable", None, None),
    # issue 21: outlets after the person, charts' sources, GIF platforms, wires in es/fr/de/ja
    (
        "Paul Moseley/Fort Worth Star-Telegram/TNS via Getty Images",
        "Paul Moseley",
        "Fort Worth Star-Telegram",
        None,
        None,
    ),
    ("Scott Heins/Valleyist", "Scott Heins", "Valleyist", None, None),
    ("Leonhard Foeger / Reuters file", "Leonhard Foeger", "Reuters", "file", None),
    ("Source: Bureau of Labor Statistics", None, "Bureau of Labor Statistics", None, None),
    ("World Bank", None, "World Bank", None, None),
    ("Statistisches Bundesamt", None, "Statistisches Bundesamt", None, None),
    ("Illustration by Gérard DuBois", "Gérard DuBois", None, None, None),
    ("Image via Getty Images", None, "Getty Images", None, None),
    ("Image source: Getty Images", None, "Getty Images", None, None),
    ("GIF via GIPHY", None, "GIPHY", None, None),
    ("Photo courtesy of Pexels, Public Domain", None, "Pexels", "courtesy", None),
    ("PHOTOGRAPH COURTESY OF MONOTYPE", "Monotype", None, "courtesy", None),
    ("Tyvak Nano-Satellite Systems, Inc.", None, "Tyvak Nano-Satellite Systems", None, None),
    ("AP Foto/Fernando Llano", "Fernando Llano", "AP", None, None),
    ("Europa Press", None, "Europa Press", None, None),
    ("Robert Michael/dpa", "Robert Michael", "dpa", None, None),
    ("Brett Davis, USA TODAY Sports", "Brett Davis", "USA Today Sports", None, None),
    ("ロイター", None, "Reuters", None, None),
    ("共同", None, "Kyodo", None, None),
    ("AFP file photo", None, "AFP", "file", None),
]


@pytest.mark.parametrize(("text", "person", "org", "role", "handle"), CASES, ids=[c[0] for c in CASES])
def test_parse_credit(
    text: str, person: str | None, org: str | None, role: str | None, handle: str | None
) -> None:
    credit = parse_credit(text)
    assert (credit.person, credit.org, credit.role, credit.handle) == (person, org, role, handle)
    assert credit.raw and ":" not in credit.raw[:12], "labels are stripped from the credit as written"


def test_the_table_is_large() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(
    "line",
    [
        "(CNN) — The fire was brought under control overnight.",
        "The photo shows the convoy leaving Ramouseh at dawn on Thursday.",
        "Police released photos of three men they want to speak to last week.",
        "the ministry said 12 people had been arrested by Sunday morning",
        "Watch the video above to see the moment the bridge collapsed.",
        "Reuters reported that the talks had stalled on Tuesday evening, officials said.",
        "according to AFP",
        "Northbridge Evening News 2025: all rights reserved",
        "We are asking anyone with mobile phone footage to send it to us",
        # a caption that names a body is no credit line ("PHOTO: Buses wait outside the hospital")
        "Buses wait outside the hospital",
        "Residents gather outside the city council",
        "A girl in the Press Club",
        "Photos on Twitter",  # a label and a platform name nobody
        "the show on YouTube",
        # "X for Y" credits X for an outlet only when X can name someone: these are titles
        "Inside the Battle for Tripoli",
        "Audit braced for Competition Commission probe",
        "The 'Humans of Khartoum'",  # a title in quotes
    ],
)
def test_prose_is_no_credit(line: str) -> None:
    assert not looks_like_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Karam al-Masri/AFP",
        "AFP via Getty Images",
        "Jane Doe",
        "EPA",
        "رويترز",
        "The port authority",
        "Aleppo Media Centre",
        "Ministry of Defence",
        "Sam Fielding on Flickr",
        "Al 'Hughes' Dukes Photography",  # a nickname in quotes is part of a name
    ],
)
def test_credits_look_like_credits(line: str) -> None:
    assert looks_like_credit(line)


@pytest.mark.parametrize(
    ("line", "bare"),
    [
        ("US Navy / Getty Images", True),  # an agency second still makes a credit line
        ("Karam al-Masri/AFP", True),
        ("Cliff Welch/Icon SMI", False),  # no agency we know: a lone line proves nothing
        ("News/Sport/Business", False),
    ],
)
def test_bare_credit_lines(line: str, bare: bool) -> None:
    assert is_bare_credit(line) is bare


@pytest.mark.parametrize("initials", ["GH", "E.B", "J.R."])
def test_initials_stay_in_capitals(initials: str) -> None:
    assert display_name(initials) == initials


def test_every_spelling_of_a_person_is_one_party() -> None:
    spellings = ["Karam al-Masri", "KARAM AL-MASRI", "karam al-masri", "Karam al Masri", "Karam Al-Masri"]
    assert len({party_key(display_name(s)) for s in spellings}) == 1


def test_parties_list_person_agency_distributor_and_account() -> None:
    found = parties("Karam al-Masri/AFP/Getty Images", "Karam al-Masri", "AFP", "@karam")
    assert [(p.type, p.name, p.role) for p in found] == [
        ("person", "Karam al-Masri", "creator"),
        ("organisation", "AFP", "agency"),
        ("organisation", "Getty Images", "distributor"),
        ("account", "@karam", "account"),
    ]
    assert found[1].full_name == "Agence France-Presse"


def test_a_lead_in_phrase_adds_no_parties() -> None:
    found = parties("Teacher Abdulkafi al-Hamdo", "Abdulkafi al-Hamdo", None, None)
    assert [(p.type, p.name) for p in found] == [("person", "Abdulkafi al-Hamdo")]
    assert parties("One of the passengers", None, None, None) == []


def test_a_composite_credit_credits_each_maker() -> None:
    text = (
        "A. Maker / Quanta Magazine; Fotos: B. Other / stock.adobe.com; "
        "Bearbeitung: Spektrum der Wissenschaft"
    )
    credit = parse_credit(text)
    assert credit.people == ("A. Maker", "B. Other")
    assert credit.orgs == ("Quanta Magazine", "Adobe Stock", "Spektrum der Wissenschaft")
    names = [p.name for p in parties(text, credit.person, credit.org, None)]
    assert names == ["A. Maker", "B. Other", "Quanta Magazine", "Adobe Stock", "Spektrum der Wissenschaft"]


SPEAKERS: list[tuple[str, str | None, str | None, str | None]] = [
    # the sentence's subject
    (
        "Teacher Abdulkafi al-Hamdo sends messages from eastern Aleppo city",
        "Abdulkafi al-Hamdo",
        None,
        "Teacher",
    ),
    ("the BBC's Riam Dalati writes", "Riam Dalati", "BBC", None),
    ("Putin said", "Putin", None, None),
    # named after the words, behind a comma and a speech verb
    (
        "Das Netz braucht neue Regeln, sagt Anna Berger vom Verein Digitale Freiheit",
        "Anna Berger",
        "Verein Digitale Freiheit",
        None,
    ),
    (
        "The army is ready, said Defence Minister Ben Wallace, a former soldier",
        "Ben Wallace",
        None,
        "Defence Minister",
    ),
    ("C'était le chaos, explique Marie Dupont", "Marie Dupont", None, None),
    ("We are ready, says Jane Roe of the Red Cross", "Jane Roe", "Red Cross", None),
]


@pytest.mark.parametrize(("sentence", "person", "org", "role"), SPEAKERS, ids=[s[0][:40] for s in SPEAKERS])
def test_a_lead_in_names_its_speaker(
    sentence: str, person: str | None, org: str | None, role: str | None
) -> None:
    who = speaker_of(sentence)
    assert who is not None
    assert (who.person, who.org, who.role) == (person, org, role)


@pytest.mark.parametrize(
    "sentence", ["Nothing will change, said the spokesman", "The video, says the army, shows the convoy"]
)
def test_a_speaker_behind_a_comma_needs_a_name(sentence: str) -> None:
    who = speaker_of(sentence)
    assert who is None or who.person is None


@pytest.mark.parametrize(
    "sentence",
    [
        "La préfecture a publié une vidéo des vagues à Penmarch",
        "The Map Improvements project page includes a number of",
    ],
)
def test_a_clause_with_no_name_credits_no_one(sentence: str) -> None:
    assert speaker_of(sentence) is None
