"""The demo meeting programme as data: topics, fictional demo members, meetings and agendas.

Everything here is invented demo content. The members are clearly fictional people (surnames
beginning with "Demo"); the real people of the KS article appear only in their roles (db/demo.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Literal

from db.tables import MeetingFormat, MeetingStatus, NoteVisibility

STORBY = "storbynettverk-kultur"
KOMMUNE = "kommunenettverk-kultur"
KOLLEGIUM = "fylkesdirektorkollegiet-kultur"

DIGITAL = MeetingFormat.DIGITAL
PHYSICAL = MeetingFormat.PHYSICAL
HYBRID = MeetingFormat.HYBRID


@dataclass(frozen=True)
class TopicSpec:
    """A topic of the taxonomy; parents come before their children."""

    slug: str
    name: str
    description: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class MemberSpec:
    """A fictional demo member and the (network, organisation key) seats they hold."""

    slug: str
    name: str
    title: str
    seats: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ItemSpec:
    """An agenda item with the topics it is tagged with."""

    title: str
    description: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class MeetingSpec:
    """A meeting; its topics are those of its agenda items."""

    slug: str
    network: str
    title: str
    day: date
    format: MeetingFormat
    items: tuple[ItemSpec, ...]
    description: str = ""
    start: time = time(9, 0)
    end: time = time(11, 30)
    days: int = 1
    place: str | None = None
    status: MeetingStatus = MeetingStatus.HELD
    absent: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoteSpec:
    """A note written by a demo member after a meeting."""

    author: str
    title: str
    topics: tuple[str, ...]
    body: str
    visibility: NoteVisibility = NoteVisibility.PUBLIC
    language: Literal["nb", "nn"] = "nb"


def item(title: str, description: str, *topics: str) -> ItemSpec:
    """An agenda item."""
    return ItemSpec(title=title, description=description, topics=topics)


TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(
        "kulturpolitikk",
        "Kulturpolitikk",
        "Kommunal og regional kulturpolitikk: mål, ansvar, organisering og økonomi.",
    ),
    TopicSpec(
        "kulturens-samfunnsbyggende-rolle",
        "Kulturens samfunnsbyggende rolle",
        "Kultur som del av samfunnsutvikling, folkehelse, stedsutvikling og planarbeid.",
        parent="kulturpolitikk",
    ),
    TopicSpec(
        "kulturloven",
        "Revidering av kulturloven",
        "Arbeidet med å revidere kulturloven og hva den betyr for kommuner og fylkeskommuner.",
        parent="kulturpolitikk",
        aliases=("kulturlova", "kulturlov"),
    ),
    TopicSpec(
        "regionale-kulturfond",
        "Regionale kulturfond",
        "Regionale kulturfond forvaltet av fylkeskommunene: kriterier, fordeling og erfaringer.",
        parent="kulturpolitikk",
    ),
    TopicSpec(
        "frivillighet",
        "Frivillighet",
        "Samarbeid med frivillige lag og organisasjoner, tilskudd og lokaler.",
        parent="kulturpolitikk",
    ),
    TopicSpec(
        "kulturskole",
        "Kulturskole",
        "Kulturskolen: kapasitet, ventelister, rammeplan og kulturskole for alle.",
        parent="kulturpolitikk",
    ),
    TopicSpec(
        "bibliotek",
        "Bibliotek",
        "Folkebibliotek og fylkesbibliotek som møteplass og kulturarena.",
        parent="kulturpolitikk",
    ),
    TopicSpec(
        "film-og-kino",
        "Film og kino",
        "Film- og kinopolitikk: formidling, kinodrift og regional filmsatsing.",
    ),
    TopicSpec(
        "kino-og-filmformidlingsstrategi",
        "Nasjonal kino- og filmformidlingsstrategi",
        "Innspill til en nasjonal strategi for kino og filmformidling.",
        parent="film-og-kino",
    ),
    TopicSpec(
        "regional-filmpolitikk",
        "Regional filmpolitikk",
        "Fylkeskommunenes filmpolitikk: regionale filmsentre, filmfond og filmformidling.",
        parent="film-og-kino",
    ),
    TopicSpec(
        "kinodrift",
        "Kinodrift",
        "Kommunale og private kinoer: besøk, økonomi, digitalisering og programmering.",
        parent="film-og-kino",
    ),
)

MEMBERS: tuple[MemberSpec, ...] = (
    MemberSpec(
        "siri-demodal", "Siri Demodal", "Kulturdirektør (demo)", ((STORBY, "kommune:0301"),)
    ),
    MemberSpec(
        "eirik-demosen",
        "Eirik Demosen",
        "Kultursjef (demo)",
        ((STORBY, "kommune:5001"), (KOMMUNE, "kommune:5001")),
    ),
    MemberSpec(
        "marte-demovik", "Marte Demovik", "Kulturdirektør (demo)", ((STORBY, "kommune:1103"),)
    ),
    MemberSpec("jonas-demoli", "Jonas Demoli", "Kultursjef (demo)", ((STORBY, "kommune:4204"),)),
    MemberSpec("tuva-demoland", "Tuva Demoland", "Kultursjef (demo)", ((STORBY, "kommune:5401"),)),
    MemberSpec(
        "mats-demoberg", "Mats Demoberg", "Kulturdirektør (demo)", ((STORBY, "kommune:1804"),)
    ),
    MemberSpec(
        "solveig-demoset", "Solveig Demoset", "Kultursjef (demo)", ((KOMMUNE, "kommune:1520"),)
    ),
    MemberSpec(
        "hakon-demohaug", "Håkon Demohaug", "Kultursjef (demo)", ((KOMMUNE, "kommune:4622"),)
    ),
    MemberSpec(
        "liv-demostol", "Liv Demostøl", "Kommunalsjef kultur (demo)", ((KOMMUNE, "kommune:4646"),)
    ),
    MemberSpec(
        "trond-demobakken",
        "Trond Demobakken",
        "Kommunalsjef kultur (demo)",
        ((KOMMUNE, "kommune:5402"),),
    ),
    MemberSpec(
        "ida-demostad", "Ida Demostad", "Kommunalsjef kultur (demo)", ((KOMMUNE, "kommune:4203"),)
    ),
    MemberSpec("per-demoas", "Per Demoås", "Kultursjef (demo)", ((KOMMUNE, "kommune:3426"),)),
    MemberSpec(
        "nina-demorud", "Nina Demorud", "Kommunalsjef kultur (demo)", ((KOMMUNE, "kommune:3407"),)
    ),
    MemberSpec(
        "gunnhild-demovoll",
        "Gunnhild Demovoll",
        "Fylkeskultursjef (demo)",
        ((KOLLEGIUM, "fylkeskommune:46"),),
    ),
    MemberSpec(
        "arne-demones", "Arne Demones", "Kultursjef (demo)", ((KOLLEGIUM, "fylkeskommune:15"),)
    ),
    MemberSpec(
        "kristin-demostrand",
        "Kristin Demostrand",
        "Kulturdirektør (demo)",
        ((KOLLEGIUM, "fylkeskommune:11"),),
    ),
    MemberSpec(
        "bjorn-demofjell",
        "Bjørn Demofjell",
        "Kultursjef (demo)",
        ((KOLLEGIUM, "fylkeskommune:18"),),
    ),
    MemberSpec(
        "ingrid-demoaune",
        "Ingrid Demoaune",
        "Kulturdirektør (demo)",
        ((KOLLEGIUM, "fylkeskommune:50"),),
    ),
    MemberSpec(
        "lars-demohagen", "Lars Demohagen", "Kultursjef (demo)", ((KOLLEGIUM, "fylkeskommune:34"),)
    ),
    MemberSpec(
        "tove-demosund",
        "Tove Demosund",
        "Kulturdirektør (demo)",
        ((KOLLEGIUM, "fylkeskommune:54"), (KOLLEGIUM, "fylkeskommune:55")),
    ),
    MemberSpec(
        "karin-demolund",
        "Karin Demolund",
        "Kulturdirektør (demo)",
        ((KOLLEGIUM, "fylkeskommune:30"), (KOLLEGIUM, "fylkeskommune:32")),
    ),
)

KP = "kulturpolitikk"
KSR = "kulturens-samfunnsbyggende-rolle"
LOV = "kulturloven"
RKF = "regionale-kulturfond"
FRI = "frivillighet"
SKOLE = "kulturskole"
BIB = "bibliotek"
KFS = "kino-og-filmformidlingsstrategi"
RFP = "regional-filmpolitikk"
KINO = "kinodrift"

STORBY_MEETINGS: tuple[MeetingSpec, ...] = (
    MeetingSpec(
        "storby-2023-06-02",
        STORBY,
        "Oppstartsmøte i KS storbynettverk kultur",
        date(2023, 6, 2),
        DIGITAL,
        description="Nettverkets første møte: mandat, arbeidsform og tema for prosjektperioden.",
        items=(
            item("Velkommen og presentasjonsrunde", "Byene presenterer seg og sine kulturetater."),
            item(
                "Mandat og arbeidsform",
                "Forslag til mandat, møteplan med fire møter i året og rollefordeling.",
                KP,
            ),
            item(
                "Kulturens samfunnsbyggende rolle i storbyene",
                "Innledende drøfting: kultur i byutvikling, folkehelse og inkludering.",
                KSR,
            ),
            item("Tema for kommende møter", "Innspill til prioriterte tema for 2023 og 2024.", KP),
        ),
    ),
    MeetingSpec(
        "storby-2023-08-31",
        STORBY,
        "Nettverksmøte: kino og filmformidling",
        date(2023, 8, 31),
        DIGITAL,
        start=time(13, 0),
        end=time(15, 0),
        absent=("kommune:1804",),
        items=(
            item(
                "Innspill til nasjonal kino- og filmformidlingsstrategi",
                "Hva bør strategien si om storbyenes kinoer og formidling til barn og unge?",
                KFS,
            ),
            item(
                "Kommunale kinoer – besøk og økonomi",
                "Erfaringsdeling om besøkstall, billettpriser og investeringsbehov.",
                KINO,
            ),
            item("Eventuelt", ""),
        ),
    ),
    MeetingSpec(
        "storby-2023-10-12",
        STORBY,
        "Nettverkssamling i Bergen",
        date(2023, 10, 12),
        PHYSICAL,
        start=time(10, 0),
        end=time(14, 0),
        days=2,
        place="Bergen",
        description="Årets fysiske samling, med befaring på kulturarenaer.",
        items=(
            item(
                "Kultur som samfunnsbygger – byutvikling og kulturarenaer",
                "Hvordan kulturarenaer kan brukes i byutviklingen.",
                KSR,
            ),
            item("Bibliotekene som møteplass", "Meråpne bibliotek, program og bemanning.", BIB),
            item(
                "Samarbeid med frivilligheten i storbyene",
                "Tilskuddsordninger, lokaler og forenkling for frivillige organisasjoner.",
                FRI,
            ),
            item("Befaring på kulturarenaer", "Omvisning på utvalgte arenaer i vertsbyen.", KSR),
            item("Oppsummering og videre arbeid", ""),
        ),
    ),
    MeetingSpec(
        "storby-2023-12-07",
        STORBY,
        "Nettverksmøte desember",
        date(2023, 12, 7),
        DIGITAL,
        items=(
            item(
                "Oppfølging: innspill til kino- og filmformidlingsstrategien",
                "Gjennomgang av utkast til felles innspill fra storbyene.",
                KFS,
            ),
            item(
                "Kulturskolen i storbyene",
                "Ventelister, kapasitet og rekruttering av lærere.",
                SKOLE,
            ),
            item("Arbeidsplan for 2024", "Møteplan og tema for neste år.", KP),
        ),
    ),
    MeetingSpec(
        "storby-2024-02-08",
        STORBY,
        "Nettverksmøte februar",
        date(2024, 2, 8),
        DIGITAL,
        items=(
            item(
                "Kulturens samfunnsbyggende rolle – kunnskapsgrunnlag",
                "Hvilke tall og analyser trenger byene for å synliggjøre kulturens betydning?",
                KSR,
            ),
            item(
                "Revidering av kulturloven – hva betyr den for storbyene?",
                "Innledende drøfting av ansvar, plikter og finansiering.",
                LOV,
            ),
            item("Arbeidsplan 2024", "Vedtak av møteplan og tema.", KP),
        ),
    ),
    MeetingSpec(
        "storby-2024-04-18",
        STORBY,
        "Nettverksmøte april (avlyst)",
        date(2024, 4, 18),
        DIGITAL,
        status=MeetingStatus.CANCELLED,
        description="Avlyst på grunn av kollisjon med annet møte; erstattet av møtet 25. april.",
        items=(
            item("Frivillighet og kulturliv", "Flyttet til møtet 25. april.", FRI),
            item("Filmformidling for barn og unge", "Flyttet til møtet 25. april.", KFS),
        ),
    ),
    MeetingSpec(
        "storby-2024-04-25",
        STORBY,
        "Nettverksmøte april (erstatningsmøte)",
        date(2024, 4, 25),
        DIGITAL,
        absent=("kommune:3004",),
        description="Erstatter det avlyste møtet 18. april.",
        items=(
            item(
                "Frivillighet og kulturliv i storbyene",
                "Frivillighetspolitikk, frivilligsentraler og tilgang til lokaler.",
                FRI,
            ),
            item(
                "Filmformidling for barn og unge",
                "Skolekino, Den kulturelle skolesekken og kinoenes rolle.",
                KFS,
            ),
            item(
                "Lokale kinoer og strømmetjenester",
                "Hvordan påvirker strømming besøket på kommunale kinoer?",
                KINO,
            ),
        ),
    ),
    MeetingSpec(
        "storby-2024-06-05",
        STORBY,
        "Nettverkssamling i Trondheim",
        date(2024, 6, 5),
        PHYSICAL,
        start=time(10, 0),
        end=time(14, 0),
        days=2,
        place="Trondheim",
        description="Årets fysiske samling.",
        items=(
            item(
                "Kino- og filmformidlingsstrategien – status og storbyenes rolle",
                "Oppfølging av innspillene fra 2023.",
                KFS,
            ),
            item(
                "Regional filmpolitikk sett fra storbyene",
                "Samspill med fylkeskommunene, regionale filmsentre og filmfond.",
                RFP,
            ),
            item("Kultur i byutviklingen", "Eksempler fra vertsbyen og fra Oslo.", KSR),
            item(
                "Bibliotek og kulturskole i nye bydeler",
                "Planlegging av kulturtilbud i nye byområder.",
                BIB,
                SKOLE,
            ),
            item("Evaluering av nettverket så langt", "", KP),
        ),
    ),
    MeetingSpec(
        "storby-2024-10-17",
        STORBY,
        "Nettverksmøte oktober",
        date(2024, 10, 17),
        DIGITAL,
        items=(
            item(
                "Kulturens samfunnsbyggende rolle – felles budskap",
                "Utkast til felles budskap fra storbyene.",
                KSR,
            ),
            item("Kulturskolen – oppfølging", "Status for ventelister og tiltak.", SKOLE),
            item(
                "Videreføring av nettverket etter 2024",
                "Prosjektperioden slutter ved årsskiftet; drøfting av veien videre.",
                KP,
            ),
        ),
    ),
)

KOMMUNE_MEETINGS: tuple[MeetingSpec, ...] = (
    MeetingSpec(
        "kommune-2023-09-22",
        KOMMUNE,
        "Oppstartsmøte i KS kommunenettverk kultur",
        date(2023, 9, 22),
        DIGITAL,
        description="Nettverkets første møte.",
        items=(
            item("Velkommen og presentasjon av kommunene", ""),
            item("Mandat, arbeidsform og møteplan", "Fire møter i året, ett av dem fysisk.", KP),
            item(
                "Kulturens samfunnsbyggende rolle i små og store kommuner",
                "Innledende drøfting med eksempler fra medlemskommunene.",
                KSR,
            ),
        ),
    ),
    MeetingSpec(
        "kommune-2023-11-23",
        KOMMUNE,
        "Nettverksmøte november",
        date(2023, 11, 23),
        DIGITAL,
        absent=("kommune:1825",),
        items=(
            item(
                "Frivilligheten som kulturens ryggrad",
                "Hvordan kommunene samarbeider med lag og foreninger.",
                FRI,
            ),
            item(
                "Kulturskolen – rammeplan og lokal prioritering",
                "Erfaringer med rammeplanen i ulike kommunestørrelser.",
                SKOLE,
            ),
            item(
                "Revidering av kulturloven – kommunale erfaringer",
                "Hva bør en revidert lov si om kommunenes ansvar?",
                LOV,
            ),
        ),
    ),
    MeetingSpec(
        "kommune-2024-02-15",
        KOMMUNE,
        "Nettverksmøte februar",
        date(2024, 2, 15),
        DIGITAL,
        start=time(12, 30),
        end=time(15, 0),
        items=(
            item("Biblioteket som lokal kulturarena", "Meråpne bibliotek og arrangement.", BIB),
            item(
                "Kulturloven – innspill fra nettverket",
                "Utkast til felles innspill fra kommunenettverket.",
                LOV,
            ),
            item(
                "Kinoer i distriktskommuner",
                "Drift av små kinoer og samarbeid om programmering.",
                KINO,
            ),
        ),
    ),
    MeetingSpec(
        "kommune-2024-04-11",
        KOMMUNE,
        "Nettverksmøte april",
        date(2024, 4, 11),
        DIGITAL,
        absent=("kommune:3023",),
        items=(
            item(
                "Frivillighet og kommunale tilskudd",
                "Forenkling av søknader og rapportering.",
                FRI,
            ),
            item(
                "Kultur i kommuneplanens samfunnsdel",
                "Hvordan kultur kan forankres i planverket.",
                KSR,
            ),
            item(
                "Nye fylker fra 2024 og utvidelse av nettverket",
                "Rekruttering av kommuner fra de nye fylkene.",
                KP,
            ),
        ),
    ),
    MeetingSpec(
        "kommune-2024-09-18",
        KOMMUNE,
        "Nettverkssamling på Gjøvik",
        date(2024, 9, 18),
        PHYSICAL,
        start=time(10, 0),
        end=time(14, 0),
        days=2,
        place="Gjøvik",
        description="Årets fysiske samling.",
        items=(
            item(
                "Kultur som samfunnsbygger i distriktskommuner",
                "Stedsutvikling, bolyst og kultur som rekrutteringsfaktor.",
                KSR,
            ),
            item("Kulturskole for alle", "Tiltak for å nå flere barn og unge.", SKOLE),
            item(
                "Bibliotek og frivillighet under samme tak",
                "Erfaringer med samlokalisering av bibliotek og frivilligsentral.",
                BIB,
                FRI,
            ),
            item("Besøk hos kulturinstitusjoner i vertskommunen", "", KSR),
            item("Evaluering av prosjektet", "", KP),
        ),
    ),
    MeetingSpec(
        "kommune-2024-11-28",
        KOMMUNE,
        "Nettverksmøte november",
        date(2024, 11, 28),
        DIGITAL,
        absent=("kommune:5402",),
        items=(
            item("Oppsummering av prosjektperioden 2023–2024", "", KP),
            item("Kulturloven – status", "Orientering om arbeidet med loven.", LOV),
            item("Veien videre for nettverket", "Drøfting av videreføring etter 2024.", KP),
        ),
    ),
)

KOLLEGIUM_MEETINGS: tuple[MeetingSpec, ...] = (
    MeetingSpec(
        "kollegium-2022-02-10",
        KOLLEGIUM,
        "Kollegiemøte februar 2022",
        date(2022, 2, 10),
        DIGITAL,
        items=(
            item(
                "Regionale kulturfond – oppstart av ordninga",
                "Korleis fylkeskommunane organiserer forvaltninga av fonda.",
                RKF,
            ),
            item(
                "Kulturloven – behov for revidering",
                "Drøfting av kva ei revidert lov bør regulere.",
                LOV,
            ),
            item("Runde rundt bordet", "Kort status frå kvar fylkeskommune."),
        ),
    ),
    MeetingSpec(
        "kollegium-2022-05-05",
        KOLLEGIUM,
        "Kollegiesamling i Molde",
        date(2022, 5, 5),
        PHYSICAL,
        start=time(10, 0),
        end=time(14, 0),
        days=2,
        place="Molde",
        items=(
            item(
                "Regional filmpolitikk – filmsentre og regionale filmfond",
                "Status for dei regionale filmsentra og fonda.",
                RFP,
            ),
            item(
                "Regionale kulturfond – kriterium og fordeling",
                "Erfaringar med første utlysing.",
                RKF,
            ),
            item("Fylkesbiblioteka si rolle", "Regional bibliotekutvikling.", BIB),
            item("Fagleg besøk", "Besøk på regionale kulturinstitusjonar.", KSR),
        ),
    ),
    MeetingSpec(
        "kollegium-2022-09-15",
        KOLLEGIUM,
        "Kollegiemøte september 2022",
        date(2022, 9, 15),
        DIGITAL,
        absent=("fylkeskommune:54",),
        items=(
            item(
                "Frivilligheit – regionale tilskotsordningar",
                "Samanlikning av ordningane i fylka.",
                FRI,
            ),
            item("Kulturloven – innspel", "Utkast til felles innspel frå kollegiet.", LOV),
        ),
    ),
    MeetingSpec(
        "kollegium-2022-11-24",
        KOLLEGIUM,
        "Kollegiemøte november 2022",
        date(2022, 11, 24),
        DIGITAL,
        items=(
            item("Regionale kulturfond – erfaringar første år", "", RKF),
            item("Regional filmpolitikk", "Samarbeid mellom fylka om filmsatsing.", RFP),
            item("Møteplan 2023", ""),
        ),
    ),
    MeetingSpec(
        "kollegium-2023-02-09",
        KOLLEGIUM,
        "Kollegiemøte februar 2023",
        date(2023, 2, 9),
        DIGITAL,
        items=(
            item(
                "Revidering av kulturloven – felles innspel frå fylkeskommunane",
                "Gjennomgang av utkast.",
                LOV,
            ),
            item("Regionale kulturfond – søknadsrunden 2023", "", RKF),
            item(
                "Fylkeskommunane si rolle i kino- og filmformidlinga",
                "Førebuing av innspel til ein nasjonal strategi.",
                KFS,
            ),
        ),
    ),
    MeetingSpec(
        "kollegium-2023-04-26",
        KOLLEGIUM,
        "Kollegiesamling i Bodø",
        date(2023, 4, 26),
        PHYSICAL,
        start=time(10, 0),
        end=time(14, 0),
        days=2,
        place="Bodø",
        items=(
            item(
                "Regional filmpolitikk – nordnorsk perspektiv",
                "Filmsenter, innspelingar og kompetanse i nord.",
                RFP,
            ),
            item("Revidering av kulturloven", "Ansvarsdeling mellom forvaltningsnivåa.", LOV),
            item("Regionale kulturfond", "Fordelingsnøklar og rapportering.", RKF),
            item("Bibliotek", "Fylkesbiblioteka og skulebiblioteka.", BIB),
        ),
    ),
    MeetingSpec(
        "kollegium-2023-09-14",
        KOLLEGIUM,
        "Kollegiemøte september 2023 (hybrid)",
        date(2023, 9, 14),
        HYBRID,
        start=time(10, 0),
        end=time(13, 0),
        place="Hamar",
        items=(
            item(
                "Kino- og filmformidlingsstrategien – innspel frå fylka",
                "Felles innspel til den nasjonale strategien.",
                KFS,
            ),
            item("Regional filmpolitikk", "Regionale filmfond og filmformidling.", RFP),
            item("Frivilligheit og regionale møteplassar", "", FRI),
        ),
    ),
    MeetingSpec(
        "kollegium-2023-11-16",
        KOLLEGIUM,
        "Kollegiemøte november 2023",
        date(2023, 11, 16),
        DIGITAL,
        absent=("fylkeskommune:38",),
        items=(
            item(
                "Fylkesdelinga 2024 – konsekvensar for kulturforvaltninga",
                "Overføring av avtalar, tilskot og personale.",
                KP,
            ),
            item(
                "Regionale kulturfond – overføring til nye fylke",
                "Korleis fonda blir delte ved årsskiftet.",
                RKF,
            ),
            item("Kulturloven – status", "", LOV),
        ),
    ),
    MeetingSpec(
        "kollegium-2024-01-25",
        KOLLEGIUM,
        "Kollegiemøte januar 2024",
        date(2024, 1, 25),
        DIGITAL,
        items=(
            item("Velkommen til nye fylkeskommunar", "Kollegiet har 15 medlemer frå 2024.", KP),
            item("Regionale kulturfond 2024", "", RKF),
            item("Regional filmpolitikk i dei nye fylka", "", RFP),
        ),
    ),
    MeetingSpec(
        "kollegium-2024-04-17",
        KOLLEGIUM,
        "Kollegiesamling i Stavanger",
        date(2024, 4, 17),
        PHYSICAL,
        start=time(10, 0),
        end=time(14, 0),
        days=2,
        place="Stavanger",
        items=(
            item(
                "Revidering av kulturloven – prinsipp og ansvarsdeling",
                "Drøfting av prinsipp for ei ny lov.",
                LOV,
            ),
            item("Regionale kulturfond – evaluering", "", RKF),
            item("Filmregionar og filmsentre", "", RFP),
            item("Kino- og filmformidlingsstrategien", "Status for arbeidet.", KFS),
            item(
                "Kulturens samfunnsbyggende rolle i regional planlegging",
                "Kultur i regionale planar og strategiar.",
                KSR,
            ),
        ),
    ),
    MeetingSpec(
        "kollegium-2024-09-12",
        KOLLEGIUM,
        "Kollegiemøte september 2024",
        date(2024, 9, 12),
        DIGITAL,
        absent=("fylkeskommune:56",),
        items=(
            item("Regional filmpolitikk – felles prinsipp", "", RFP),
            item("Bibliotekutvikling", "Regionale planar for bibliotek.", BIB),
            item("Frivilligheit", "Regionale frivilligheitsstrategiar.", FRI),
        ),
    ),
    MeetingSpec(
        "kollegium-2024-11-21",
        KOLLEGIUM,
        "Kollegiemøte november 2024",
        date(2024, 11, 21),
        DIGITAL,
        items=(
            item("Regionale kulturfond – tildelingar for 2025", "", RKF),
            item("Kulturloven – vidare arbeid", "", LOV),
            item("Møteplan 2025", ""),
        ),
    ),
)

MEETINGS: tuple[MeetingSpec, ...] = STORBY_MEETINGS + KOMMUNE_MEETINGS + KOLLEGIUM_MEETINGS
