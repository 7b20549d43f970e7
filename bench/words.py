"""Word lists and sentence templates for synthetic Norwegian notes (bokmål and nynorsk).

The text is made from templates about the culture sector, so it reads like minutes (referat)
and has a realistic share of function words; every note also gets one rare made-up token, so
that search benchmarks have rare terms to look for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """The vocabulary of one written standard."""

    code: str
    templates: tuple[str, ...]
    subjects: tuple[str, ...]
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    plural_nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    rare_sentence: str
    titles: tuple[str, ...]


PLACES = (
    "Oslo",
    "Bergen",
    "Trondheim",
    "Stavanger",
    "Kristiansand",
    "Tromsø",
    "Drammen",
    "Fredrikstad",
    "Bodø",
    "Ålesund",
    "Skien",
    "Sandnes",
    "Lillehammer",
    "Molde",
    "Hamar",
    "Sunnfjord",
    "Voss",
    "Alta",
    "Narvik",
    "Gjøvik",
    "Arendal",
    "Porsgrunn",
    "Halden",
    "Harstad",
    "Levanger",
    "Steinkjer",
    "Kongsberg",
    "Larvik",
    "Tønsberg",
    "Sogndal",
    "Ørsta",
    "Kinn",
)

BOKMAAL = Language(
    code="nb",
    templates=(
        "{S} orienterte om arbeidet med {n} og {n}.",
        "Det ble pekt på at {n} må sees i sammenheng med {n} i {P}.",
        "{S} {v} {a} {np} for {n}.",
        "Flere av kommunene har erfaring med {n}, men mangler {a} {np}.",
        "I {P} har de fått på plass {a} {np} etter vedtak i {Y}.",
        "Nettverket ble enige om å følge opp {n} på neste møte.",
        "Det er behov for {a} {np} og bedre samarbeid med {n}.",
        "{S} mente at {n} bør prioriteres i budsjettet for {Y}.",
        "Erfaringene fra {P} viser at {n} gir {a} {np}.",
        "Vi ble bedt om å sende innspill om {n} innen utgangen av {Y}.",
        "Saken om {n} ble utsatt fordi {n} ikke var ferdig utredet.",
        "Det kom fram at om lag {T} prosent av {n} går til {n}.",
        "Kommunene i nettverket deler {a} {np} og ønsker mer kunnskap om {n}.",
        "Hvordan kan vi styrke {n} uten å svekke {n}?",
        "Det ble vist til rapporten om {n} fra {Y}.",
        "{S} presenterte {a} {np} for {n} i {P}.",
        "Både {n} og {n} ble nevnt som eksempler på {a} {np}.",
        "Vi må se nærmere på hvordan {n} kan nå flere i {P}.",
    ),
    subjects=(
        "Nettverket",
        "Lederen",
        "Kommunalsjefen",
        "Kulturdirektøren",
        "Flere kommuner",
        "KS",
        "Arbeidsgruppen",
        "Fylkeskommunen",
        "Sekretariatet",
        "Rådgiveren",
        "Biblioteksjefen",
        "Rektor ved kulturskolen",
    ),
    verbs=(
        "drøftet",
        "la fram",
        "foreslo",
        "etterlyste",
        "vurderte",
        "presenterte",
        "anbefalte",
        "kritiserte",
        "etterspurte",
        "beskrev",
    ),
    nouns=(
        "kulturskolen",
        "bibliotekene",
        "kulturhuset",
        "frivilligsentralen",
        "tilskuddsordningen",
        "kulturplanen",
        "handlingsplanen",
        "budsjettet",
        "arrangementene",
        "publikum",
        "barn og unge",
        "de eldre",
        "innbyggerne",
        "kunstnerne",
        "musikerne",
        "museene",
        "kulturarven",
        "kulturminnene",
        "scenekunsten",
        "festivalene",
        "idrettslagene",
        "friluftslivet",
        "anleggene",
        "samarbeidet",
        "nettverket",
        "rapporten",
        "evalueringen",
        "prosjektet",
        "søknadene",
        "midlene",
        "stillingene",
        "kompetansen",
        "digitaliseringen",
        "strategien",
        "tiltakene",
        "økonomien",
        "ressursene",
        "lokalene",
        "tilgjengeligheten",
        "inkluderingen",
        "mangfoldet",
        "deltakelsen",
        "fritidskortet",
        "den kulturelle skolesekken",
        "ventelistene",
        "kulturloven",
        "folkehelsen",
        "sommeraktivitetene",
        "ungdomsklubbene",
        "korpsene",
        "amatørteatrene",
        "lag og foreninger",
        "billettinntektene",
        "husleien",
        "driftsavtalen",
        "kulturkontoret",
        "kommunedirektøren",
        "politikerne",
        "fylkeskommunen",
        "statsforvalteren",
        "regionrådet",
    ),
    plural_nouns=(
        "tilbud",
        "tiltak",
        "arenaer",
        "møteplasser",
        "ordninger",
        "planer",
        "prosjekter",
        "stillinger",
        "avtaler",
        "løsninger",
        "arrangementer",
        "kurs",
        "ressurser",
        "midler",
        "rutiner",
        "retningslinjer",
        "lokaler",
        "samarbeidsformer",
        "nettverk",
        "verktøy",
    ),
    adjectives=(
        "nye",
        "gode",
        "lokale",
        "felles",
        "viktige",
        "langsiktige",
        "regionale",
        "digitale",
        "økte",
        "konkrete",
        "tydelige",
        "små",
        "store",
        "faste",
        "midlertidige",
        "gratis",
        "rimelige",
        "inkluderende",
        "tverrfaglige",
        "interkommunale",
    ),
    rare_sentence="Stikkord: {R}.",
    titles=(
        "Referat",
        "Notat fra møtet",
        "Innspill",
        "Oppsummering",
        "Erfaringer fra kommunen",
        "Oppfølgingspunkter",
    ),
)

NYNORSK = Language(
    code="nn",
    templates=(
        "{S} orienterte om arbeidet med {n} og {n}.",
        "Det vart peika på at {n} må sjåast i samanheng med {n} i {P}.",
        "{S} {v} {a} {np} for {n}.",
        "Fleire av kommunane har røynsle med {n}, men manglar {a} {np}.",
        "I {P} har dei fått på plass {a} {np} etter vedtak i {Y}.",
        "Nettverket vart samde om å følgje opp {n} på neste møte.",
        "Det er behov for {a} {np} og betre samarbeid med {n}.",
        "{S} meinte at {n} bør prioriterast i budsjettet for {Y}.",
        "Røynslene frå {P} viser at {n} gjev {a} {np}.",
        "Vi vart bedne om å sende innspel om {n} innan utgangen av {Y}.",
        "Saka om {n} vart utsett fordi {n} ikkje var ferdig greidd ut.",
        "Det kom fram at om lag {T} prosent av {n} går til {n}.",
        "Kommunane i nettverket deler {a} {np} og ønskjer meir kunnskap om {n}.",
        "Korleis kan vi styrkje {n} utan å svekkje {n}?",
        "Det vart vist til rapporten om {n} frå {Y}.",
        "{S} presenterte {a} {np} for {n} i {P}.",
        "Både {n} og {n} vart nemnde som døme på {a} {np}.",
        "Vi må sjå nærare på korleis {n} kan nå fleire i {P}.",
    ),
    subjects=(
        "Nettverket",
        "Leiaren",
        "Kommunalsjefen",
        "Kulturdirektøren",
        "Fleire kommunar",
        "KS",
        "Arbeidsgruppa",
        "Fylkeskommunen",
        "Sekretariatet",
        "Rådgjevaren",
        "Biblioteksjefen",
        "Rektor ved kulturskulen",
    ),
    verbs=(
        "drøfta",
        "la fram",
        "gjorde framlegg om",
        "etterlyste",
        "vurderte",
        "presenterte",
        "tilrådde",
        "kritiserte",
        "etterspurde",
        "skildra",
    ),
    nouns=(
        "kulturskulen",
        "biblioteka",
        "kulturhuset",
        "frivilligsentralen",
        "tilskotsordninga",
        "kulturplanen",
        "handlingsplanen",
        "budsjettet",
        "arrangementa",
        "publikum",
        "born og unge",
        "dei eldre",
        "innbyggjarane",
        "kunstnarane",
        "musikarane",
        "musea",
        "kulturarven",
        "kulturminna",
        "scenekunsten",
        "festivalane",
        "idrettslaga",
        "friluftslivet",
        "anlegga",
        "samarbeidet",
        "nettverket",
        "rapporten",
        "evalueringa",
        "prosjektet",
        "søknadene",
        "midlane",
        "stillingane",
        "kompetansen",
        "digitaliseringa",
        "strategien",
        "tiltaka",
        "økonomien",
        "ressursane",
        "lokala",
        "tilgjenget",
        "inkluderinga",
        "mangfaldet",
        "deltakinga",
        "fritidskortet",
        "den kulturelle skulesekken",
        "ventelistene",
        "kulturlova",
        "folkehelsa",
        "sommaraktivitetane",
        "ungdomsklubbane",
        "korpsa",
        "amatørteatra",
        "lag og foreiningar",
        "billettinntektene",
        "husleiga",
        "driftsavtalen",
        "kulturkontoret",
        "kommunedirektøren",
        "politikarane",
        "fylkeskommunen",
        "statsforvaltaren",
        "regionrådet",
    ),
    plural_nouns=(
        "tilbod",
        "tiltak",
        "arenaer",
        "møteplassar",
        "ordningar",
        "planar",
        "prosjekt",
        "stillingar",
        "avtalar",
        "løysingar",
        "arrangement",
        "kurs",
        "ressursar",
        "midlar",
        "rutinar",
        "retningsliner",
        "lokale",
        "samarbeidsformer",
        "nettverk",
        "verktøy",
    ),
    adjectives=(
        "nye",
        "gode",
        "lokale",
        "felles",
        "viktige",
        "langsiktige",
        "regionale",
        "digitale",
        "auka",
        "konkrete",
        "tydelege",
        "små",
        "store",
        "faste",
        "mellombelse",
        "gratis",
        "rimelege",
        "inkluderande",
        "tverrfaglege",
        "interkommunale",
    ),
    rare_sentence="Stikkord: {R}.",
    titles=(
        "Referat",
        "Notat frå møtet",
        "Innspel",
        "Oppsummering",
        "Røynsler frå kommunen",
        "Oppfølgingspunkt",
    ),
)

FIRST_NAMES = (
    "Anne",
    "Kari",
    "Ingrid",
    "Marit",
    "Liv",
    "Solveig",
    "Silje",
    "Ida",
    "Hilde",
    "Tone",
    "Ragnhild",
    "Sigrid",
    "Astrid",
    "Guro",
    "Maria",
    "Nora",
    "Ola",
    "Per",
    "Jon",
    "Lars",
    "Knut",
    "Arne",
    "Bjørn",
    "Tor",
    "Erik",
    "Magnus",
    "Håkon",
    "Sindre",
    "Øystein",
    "Eirik",
    "Trond",
    "Geir",
)

LAST_NAMES = (
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Berg",
    "Haugen",
    "Hagen",
    "Bakke",
    "Solberg",
    "Strand",
    "Lie",
    "Dahl",
    "Lunde",
    "Moen",
    "Aasen",
    "Vik",
    "Myklebust",
    "Sæther",
    "Bjørke",
    "Hovland",
    "Nygård",
    "Rønning",
    "Fjeld",
    "Tveit",
)

PERSON_TITLES = (
    "kommunalsjef for kultur",
    "kultursjef",
    "kulturdirektør",
    "biblioteksjef",
    "rektor ved kulturskolen",
    "rådgiver",
    "seniorrådgiver",
    "enhetsleder kultur",
)

_ONSETS = (
    "br",
    "bj",
    "dr",
    "fj",
    "fl",
    "gr",
    "hj",
    "kl",
    "kv",
    "kr",
    "l",
    "m",
    "n",
    "r",
    "s",
    "sk",
    "skj",
    "sn",
    "st",
    "sv",
    "t",
    "tr",
    "v",
    "h",
    "g",
    "b",
    "d",
    "f",
    "j",
    "k",
)
_NUCLEI = ("a", "e", "i", "o", "u", "y", "æ", "ø", "å", "ei", "au", "øy")
_CODAS = (
    "kk",
    "ll",
    "nn",
    "rd",
    "rv",
    "st",
    "nd",
    "ng",
    "rk",
    "lv",
    "mm",
    "pp",
    "tt",
    "ks",
    "ld",
    "rn",
    "ft",
    "sk",
    "gg",
    "rm",
)
_ENDINGS = (
    "vold",
    "stad",
    "heim",
    "rud",
    "land",
    "berg",
    "dal",
    "vik",
    "nes",
    "øy",
    "seter",
    "mo",
    "haug",
    "li",
    "tun",
    "myr",
    "bø",
    "holt",
    "sund",
    "gard",
    "strand",
    "lund",
    "fjell",
    "eid",
    "bakk",
)

RARE_SPACE = len(_ONSETS) * len(_NUCLEI) * len(_CODAS) * len(_ENDINGS)


def rare_token(index: int) -> str:
    """The made-up word number `index` (0 ≤ index < RARE_SPACE): `brekkvold`, `skjøyldstad`, …"""
    index, ending = divmod(index, len(_ENDINGS))
    index, coda = divmod(index, len(_CODAS))
    onset, nucleus = divmod(index, len(_NUCLEI))
    return _ONSETS[onset] + _NUCLEI[nucleus] + _CODAS[coda] + _ENDINGS[ending]


def rare_tokens(rng: random.Random, count: int) -> list[str]:
    """`count` different rare tokens, chosen by `rng`."""
    return [rare_token(i) for i in rng.sample(range(RARE_SPACE), min(count, RARE_SPACE))]


def sentence(rng: random.Random, lang: Language) -> str:
    """One sentence from a random template of `lang`."""
    template = rng.choice(lang.templates)
    out: list[str] = []
    i = 0
    while i < len(template):
        if template[i] != "{":
            j = template.find("{", i)
            j = len(template) if j < 0 else j
            out.append(template[i:j])
            i = j
            continue
        j = template.index("}", i)
        slot = template[i + 1 : j]
        i = j + 1
        if slot == "S":
            out.append(rng.choice(lang.subjects))
        elif slot == "v":
            out.append(rng.choice(lang.verbs))
        elif slot == "n":
            out.append(rng.choice(lang.nouns))
        elif slot == "np":
            out.append(rng.choice(lang.plural_nouns))
        elif slot == "a":
            out.append(rng.choice(lang.adjectives))
        elif slot == "P":
            out.append(rng.choice(PLACES))
        elif slot == "Y":
            out.append(str(rng.randint(2020, 2026)))
        elif slot == "T":
            out.append(str(rng.randint(5, 60)))
        else:  # pragma: no cover - a typo in a template
            raise ValueError(f"unknown slot {slot!r}")
    return "".join(out)


@dataclass(frozen=True)
class SentencePool:
    """Pre-built sentences of one language with their word counts (fast to draw from)."""

    lang: Language
    sentences: tuple[str, ...]
    words: tuple[int, ...]

    @classmethod
    def build(cls, rng: random.Random, lang: Language, size: int) -> SentencePool:
        made = [sentence(rng, lang) for _ in range(size)]
        return cls(lang, tuple(made), tuple(len(s.split()) for s in made))

    def body(self, rng: random.Random, target_words: int, token: str, max_words: int) -> str:
        """A note of about `target_words` words (never above `max_words`) including `token`."""
        rare = self.lang.rare_sentence.format(R=token)
        count = len(rare.split())
        picked: list[str] = []
        n = len(self.sentences)
        while count < target_words:
            k = rng.randrange(n)
            if count + self.words[k] > max_words:
                if picked:
                    break
                continue
            picked.append(self.sentences[k])
            count += self.words[k]
        picked.insert(rng.randrange(len(picked) + 1), rare)
        paragraphs: list[str] = []
        i = 0
        while i < len(picked):
            step = rng.randint(2, 4)
            paragraphs.append(" ".join(picked[i : i + step]))
            i += step
        return "\n\n".join(paragraphs)
