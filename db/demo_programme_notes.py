"""Demo meeting notes, by meeting slug: invented minutes written by the fictional demo members.

Bokmål and nynorsk are mixed, as in real minutes. No note quotes or describes the real people of
the KS article; notes speak of what "nettverket", "kollegiet" or "møtet" discussed.
"""

from __future__ import annotations

from db.demo_programme_data import (
    BIB,
    FRI,
    KFS,
    KINO,
    KP,
    KSR,
    LOV,
    RFP,
    RKF,
    SKOLE,
    NoteSpec,
)
from db.tables import NoteVisibility

NETWORK = NoteVisibility.NETWORK
STAFF = NoteVisibility.STAFF

STORBY_NOTES: dict[str, tuple[NoteSpec, ...]] = {
    "storby-2023-06-02": (
        NoteSpec(
            "siri-demodal",
            "Referat fra oppstartsmøtet",
            (KP, KSR),
            """
## Oppstartsmøte i storbynettverket

Nettverket møttes digitalt for første gang. Alle ti byer var representert.

### Mandat og arbeidsform

- Nettverket skal være en arena for erfaringsdeling og felles innspill til nasjonal kulturpolitikk.
- Vi møtes fire ganger i året: tre digitale møter og én fysisk samling.
- Referater og notater deles i Samvirke.

### Kulturens samfunnsbyggende rolle

Møtet var enige om at kultur må inn tidlig i byutvikling og planarbeid, ikke først når
bygningene står ferdige. Flere byer pekte på at kulturens betydning for folkehelse og
inkludering er godt kjent, men at den sjelden er tallfestet.

### Oppfølging

- Oslo lager et kort notat om tema for neste møter.
- Byene sender eksempler på kulturtiltak i byutviklingsprosjekter.
""",
        ),
        NoteSpec(
            "mats-demoberg",
            "Notat: forslag til tema for 2023–2024",
            (KP, KSR, KFS),
            """
## Forslag til tema

Etter oppstartsmøtet har vi samlet innspillene fra byene. Forslaget er å prioritere:

1. **Kulturens samfunnsbyggende rolle** – hvordan vi dokumenterer effekter av kultur.
2. **Kino og filmformidling** – storbyenes innspill til en nasjonal kino- og
   filmformidlingsstrategi.
3. **Kulturskolen** – ventelister og kapasitet.
4. **Frivillighet** – samarbeid, lokaler og forenkling av tilskudd.

### Merknad fra Bodø

Bodø er liten blant storbyene, men har regionale funksjoner. Vi ønsker at nettverket også
ser på hvordan storbyene kan samarbeide med omlandskommunene om kulturtilbud.

Forslaget behandles på neste møte.
""",
            visibility=NETWORK,
        ),
    ),
    "storby-2023-08-31": (
        NoteSpec(
            "marte-demovik",
            "Storbyenes innspill til kino- og filmformidlingsstrategien",
            (KFS,),
            """
## Innspill til kino- og filmformidlingsstrategien

Møtet drøftet hva en nasjonal kino- og filmformidlingsstrategi bør inneholde sett fra
storbyene.

### Hovedpunkter

- Kinoen er en av de mest besøkte kulturarenaene i byene og må sees som kulturpolitikk,
  ikke bare som næring.
- Formidling til barn og unge bør styrkes, blant annet gjennom skolekino.
- Strategien bør beskrive ansvarsdelingen mellom stat, fylkeskommune og kommune.
- Det trengs bedre statistikk for smal film og for publikum utenfor sentrum.

### Videre arbeid

Stavanger og Kristiansand lager et utkast til felles innspill, som behandles i desember.
""",
        ),
        NoteSpec(
            "jonas-demoli",
            "Kinodrift i storbyene – erfaringsdeling",
            (KINO,),
            """
## Kinodrift – erfaringsdeling

Byene delte tall og erfaringer fra driften av kommunale og kommunalt eide kinoer.

- Besøket er på vei opp etter pandemien, men ligger fortsatt under nivået fra 2019.
- Flere kinoer har behov for å fornye prosjektorer og lyd de nærmeste årene.
- Billettprisene har økt, og flere byer er bekymret for at barnefamilier faller fra.
- Samarbeid om programmering av smal film gir bedre besøk enn når hver kino satser alene.

Kristiansand samler nøkkeltallene i en enkel oversikt som deles med nettverket.
""",
        ),
    ),
    "storby-2023-10-12": (
        NoteSpec(
            "eirik-demosen",
            "Referat fra samlingen i Bergen",
            (KSR, BIB, FRI),
            """
## Samling i Bergen 12.–13. oktober

Årets fysiske samling ble holdt i Bergen, med befaring på flere kulturarenaer.

### Kultur som samfunnsbygger

Samlingen drøftet hvordan kulturarenaer kan brukes aktivt i byutviklingen. Et gjennomgående
poeng var at midlertidige kulturtiltak i transformasjonsområder gir liv tidlig og bygger
eierskap hos innbyggerne.

### Bibliotekene som møteplass

- Meråpne bibliotek er innført i de fleste byene.
- Bemanning på kveldstid er fortsatt viktig for arrangementer og trygghet.

### Frivilligheten

Byene har ulike tilskuddsordninger. Det var stor interesse for felles prinsipper for
enklere søknader og rapportering.

### Oppfølging

Trondheim inviterer til neste fysiske samling i 2024.
""",
        ),
        NoteSpec(
            "tuva-demoland",
            "Bibliotekene som møteplass – notat",
            (BIB,),
            """
## Bibliotekene som møteplass

Notat fra Tromsø etter samlingen i Bergen.

Bibliotekene er blant de mest brukte offentlige rommene i byene. I Tromsø ser vi at
studenter, barnefamilier og nyankomne bruker biblioteket på ulike tider av døgnet.

### Erfaringer vi tar med oss

- Meråpent bibliotek fungerer godt, men arrangementer krever bemannede kvelder.
- Samarbeid med frivillige om leksehjelp og språkkafé gir mye for lite penger.
- Bibliotekene bør med i planleggingen av nye bydeler fra starten av.

Vi foreslår at nettverket kommer tilbake til bibliotek i nye bydeler i 2024.
""",
        ),
        NoteSpec(
            "siri-demodal",
            "Frivillighet: oppfølgingspunkter",
            (FRI,),
            """
## Oppfølging etter samlingen: frivillighet

Interne punkter for nettverket, ikke ferdig behandlet.

1. Kartlegge tilskuddsordningene for frivillige organisasjoner i de ti byene.
2. Sammenligne krav til søknad og rapportering, og finne eksempler på forenkling.
3. Se på tilgang til lokaler: skoler, kulturhus og bibliotek utenom åpningstid.
4. Drøfte hvordan frivilligsentralene kan brukes bedre i kulturfeltet.

Oslo tar ansvar for punkt 1 og 2, Bodø for punkt 3. Saken settes opp igjen i 2024.
""",
            visibility=NETWORK,
        ),
    ),
    "storby-2023-12-07": (
        NoteSpec(
            "jonas-demoli",
            "Felles innspill om kino- og filmformidling – status",
            (KFS, KINO),
            """
## Felles innspill om kino og filmformidling

Utkastet til felles innspill fra storbyene ble gjennomgått.

### Innspillet i korte trekk

- Kino er en sentral kulturarena og en viktig del av den lokale kulturpolitikken.
- Strategien må sikre formidling til barn og unge i hele landet, også gjennom skolekino.
- Storbyene ønsker et tettere samarbeid med regionale filmsentre om visning av
  norsk og regional film.
- Investeringer i kinoteknikk bør kunne få statlig medfinansiering.

### Vedtak

Møtet sluttet seg til hovedlinjene. Utkastet justeres etter innspillene og sendes ut
før jul.
""",
        ),
        NoteSpec(
            "mats-demoberg",
            "Kulturskolen i storbyene",
            (SKOLE,),
            """
## Kulturskolen i storbyene

Møtet drøftet ventelister og kapasitet i kulturskolene.

- Alle byene har ventelister, særlig for instrumentundervisning.
- Det er vanskelig å rekruttere lærere i små stillinger.
- Flere byer prøver gruppeundervisning og korte kurs for å nå flere barn.
- Samarbeid med grunnskolen om lokaler og tid på dagen gir gode resultater.

### Videre arbeid

Nettverket vil samle tall for ventelister og søkere i alle byene, slik at vi kan
sammenligne utviklingen fra år til år.
""",
        ),
    ),
    "storby-2024-02-08": (
        NoteSpec(
            "siri-demodal",
            "Kunnskapsgrunnlag for kulturens samfunnsbyggende rolle",
            (KSR,),
            """
## Kunnskapsgrunnlag

Møtet drøftet hvilke tall og analyser byene trenger for å vise kulturens
samfunnsbyggende rolle.

### Forslag

- Felles indikatorer for deltakelse, frivillig innsats og bruk av kulturarenaer.
- Bedre bruk av eksisterende undersøkelser, blant annet om folkehelse og levekår.
- Eksempelsamling med byutviklingsprosjekter der kultur var med fra starten.

### Merknader

Flere byer advarte mot at kultur bare skal begrunnes med nytte for andre sektorer.
Kulturens egenverdi må stå sterkt også i et kunnskapsgrunnlag.

Oslo og Stavanger lager et forslag til indikatorer før neste møte.
""",
        ),
        NoteSpec(
            "marte-demovik",
            "Kulturloven – storbyenes perspektiv",
            (LOV,),
            """
## Revidering av kulturloven

Innledende drøfting i nettverket. Notatet er et arbeidsnotat.

### Hva storbyene er opptatt av

- Loven bør tydeliggjøre kommunenes ansvar uten å detaljstyre organiseringen.
- Storbyene har oppgaver som går ut over egen kommune, for eksempel regionale
  kulturinstitusjoner. Dette bør gjenspeiles i ansvarsdelingen.
- Krav til planer for kultur bør henge sammen med plan- og bygningsloven.

### Videre arbeid

Nettverket vil følge arbeidet med loven og komme tilbake til saken når det foreligger
mer konkrete forslag.
""",
            visibility=NETWORK,
        ),
    ),
    "storby-2024-04-25": (
        NoteSpec(
            "tuva-demoland",
            "Frivillighet og kulturliv – referat",
            (FRI,),
            """
## Frivillighet og kulturliv i storbyene

Erstatningsmøtet for det avlyste aprilmøtet. Fredrikstad hadde meldt forfall.

### Kartleggingen

Oversikten over tilskuddsordninger viser store forskjeller mellom byene, både i beløp og
i krav til rapportering. Flere byer har innført felles søknadsportal for kultur og idrett.

### Lokaler

- Tilgang til skolelokaler på kveldstid er den viktigste enkeltfaktoren for mange lag.
- Gratis eller rimelig leie i kommunale bygg bør vurderes samlet, ikke per bygg.

### Frivilligsentraler

Frivilligsentralene kan være et bindeledd mellom kulturfeltet og nye grupper frivillige.
Tromsø deler erfaringer fra sin ordning på neste møte.
""",
        ),
        NoteSpec(
            "jonas-demoli",
            "Filmformidling for barn og unge og lokale kinoer",
            (KFS, KINO),
            """
## Filmformidling for barn og unge

Møtet drøftet skolekino og filmtilbudet i Den kulturelle skolesekken.

- Skolekino når mange elever, men tilbudet varierer mye mellom byene.
- Transport er en kostnad som ofte avgjør om skolene deltar.
- Filmfaglig formidling før og etter visning gir bedre utbytte.

## Lokale kinoer og strømmetjenester

Kinoene merker konkurranse fra strømmetjenestene, men arrangementer, festivaler og
visninger med samtale trekker publikum. Flere byer vil satse på kinoen som møteplass.

Innspillene tas med i det videre arbeidet med kino- og filmformidlingsstrategien.
""",
            visibility=NETWORK,
        ),
    ),
    "storby-2024-06-05": (
        NoteSpec(
            "eirik-demosen",
            "Referat fra samlingen i Trondheim",
            (KFS, RFP, KSR),
            """
## Samling i Trondheim 5.–6. juni

### Kino- og filmformidlingsstrategien

Nettverket gikk gjennom status for arbeidet med en nasjonal kino- og
filmformidlingsstrategi og storbyenes innspill fra 2023. Innspillene står seg.

### Regional filmpolitikk

Samlingen drøftet samspillet med fylkeskommunene om regional filmpolitikk. Byene ønsker
at regionale filmsentre også skal bidra til visning og formidling, ikke bare til
produksjon.

### Kultur i byutviklingen

- Eksempler fra vertsbyen viste hvordan kulturaktører ble tatt med tidlig i planene.
- Midlertidig bruk av tomme lokaler gir kulturlivet rom og byen liv.

### Bibliotek og kulturskole i nye bydeler

Byene ønsker felles prinsipper for kulturtilbud i nye byområder.
""",
        ),
        NoteSpec(
            "marte-demovik",
            "Regional filmpolitikk sett fra storbyene",
            (RFP, KFS),
            """
## Regional filmpolitikk sett fra storbyene

Notat fra Stavanger etter samlingen i Trondheim.

Storbyene er vertskap for mange filmproduksjoner og festivaler, men har liten formell rolle
i den regionale filmpolitikken, som fylkeskommunene har ansvaret for.

### Forslag

1. Faste møtepunkter mellom storbyene og de regionale filmsentrene.
2. Regionale filmfond bør også kunne støtte formidling og festivaler.
3. Storbyenes kinoer kan være visningsarena for regional film.

Nettverket foreslår å ta kontakt med fylkesdirektørkollegiet for kultur, som har regional
filmpolitikk på sin dagsorden.
""",
        ),
        NoteSpec(
            "siri-demodal",
            "Evaluering av nettverket – internt notat",
            (KP,),
            """
## Evaluering av nettverket så langt

Internt notat til KS om nettverkets første år.

### Det som fungerer

- Jevnlige digitale møter gir god kontinuitet.
- Den fysiske samlingen er viktig for tillit og erfaringsdeling.
- Felles innspill om kino og filmformidling viser at nettverket kan levere.

### Det som kan bli bedre

- Sakspapirer bør sendes ut en uke før møtene.
- Flere byer ønsker tydeligere kobling mellom nettverket og KS' politiske arbeid.
- Oppfølgingspunkter bør følges opp mer systematisk mellom møtene.

Notatet brukes i vurderingen av om nettverket skal videreføres etter 2024.
""",
            visibility=STAFF,
        ),
    ),
    "storby-2024-10-17": (
        NoteSpec(
            "mats-demoberg",
            "Felles budskap: kulturens samfunnsbyggende rolle",
            (KSR,),
            """
## Felles budskap fra storbyene

Møtet drøftet et utkast til felles budskap om kulturens samfunnsbyggende rolle.

### Budskapet i fem punkter

1. Kultur skaper møteplasser og fellesskap i en by som vokser.
2. Kultur må være med fra starten i byutvikling og planarbeid.
3. Kulturskole, bibliotek og frivillighet er grunnmuren i det lokale kulturlivet.
4. Kulturens egenverdi er begrunnelse nok, men effektene for folkehelse og inkludering
   er også godt dokumentert.
5. Storbyene trenger forutsigbare rammer for å ta regionale oppgaver.

Teksten ferdigstilles etter møtet og kan brukes av byene i egne sammenhenger.
""",
        ),
        NoteSpec(
            "tuva-demoland",
            "Kulturskole og veien videre",
            (SKOLE, KP),
            """
## Kulturskolen – oppfølging

Tallene for ventelister viser en liten nedgang i tre byer, mens de øvrige har like lange
køer som i fjor. Gruppeundervisning og samarbeid med grunnskolen har gitt flere plasser.

## Videreføring av nettverket

Prosjektperioden slutter ved utgangen av 2024. Møtet drøftet om og hvordan nettverket kan
videreføres.

- Alle byene ønsker å fortsette.
- Møtefrekvensen kan være den samme, med én fysisk samling i året.
- Nettverket bør ha en plan for felles innspill til nasjonale prosesser.

Saken tas opp med KS før årsskiftet.
""",
        ),
    ),
}

KOMMUNE_NOTES: dict[str, tuple[NoteSpec, ...]] = {
    "kommune-2023-09-22": (
        NoteSpec(
            "solveig-demoset",
            "Referat frå oppstartsmøtet",
            (KP, KSR),
            """
## Oppstartsmøte i kommunenettverket

Nettverket møttest digitalt for første gong. Kommunane presenterte seg og sine
kulturtenester.

### Mandat og arbeidsform

- Nettverket skal vere ein stad for erfaringsdeling mellom små og store kommunar.
- Vi møtest fire gonger i året, tre gonger digitalt og ein gong fysisk.
- Notat og referat blir delte i Samvirke.

### Kulturens samfunnsbyggjande rolle

Mange peika på at kultur er limet i lokalsamfunnet, men at kultur ofte ikkje er med når
kommunen lagar planar. I dei minste kommunane er kultursjefen gjerne åleine om
fagfeltet, og då er eit nettverk ekstra nyttig.

### Neste møte

Frivilligheit, kulturskule og kulturlova blir sette opp på neste møte.
""",
            language="nn",
        ),
        NoteSpec(
            "ida-demostad",
            "Kultur i små og store kommuner",
            (KSR,),
            """
## Kultur i små og store kommuner

Notat fra Arendal etter oppstartsmøtet.

Nettverket har medlemmer fra Grane til Trondheim. Det gir en bredde vi ikke finner i andre
fora, og det ble tydelig allerede i første møte.

### Felles utfordringer

- Kultur er en lovpålagt oppgave, men ofte uten tydelige krav.
- Kulturtilbudet er viktig for bolyst og rekruttering.
- Frivilligheten bærer mye av kulturlivet, særlig i mindre kommuner.

### Forskjeller

Store kommuner har fagmiljøer og institusjoner, små kommuner har korte beslutningsveier og
nærhet til innbyggerne. Begge deler er verdt å lære av.
""",
        ),
    ),
    "kommune-2023-11-23": (
        NoteSpec(
            "liv-demostol",
            "Frivilligheita og kulturskulen",
            (FRI, SKOLE),
            """
## Frivilligheita

Møtet drøfta korleis kommunane samarbeider med lag og foreiningar. I Fjaler er det
frivillige som driv det meste av kulturtilbodet, og kommunen si rolle er å leggje til rette
med lokale, tilskot og rettleiing.

- Enkle søknader og lite rapportering er viktigare enn store summar.
- Mange lag manglar folk til styreverv.
- Frivilligsentralane kan hjelpe til med rekruttering.

## Kulturskulen

Rammeplanen er nyttig, men dei minste kommunane har ikkje fagfolk til alle tilboda.
Interkommunalt samarbeid om lærarar vart trekt fram som ei løysing.

Grane hadde meldt forfall.
""",
            language="nn",
        ),
        NoteSpec(
            "trond-demobakken",
            "Kulturloven – kommunale erfaringer",
            (LOV,),
            """
## Revidering av kulturloven

Møtet drøftet hva en revidert kulturlov bør si om kommunenes ansvar.

### Erfaringer

- Dagens lov gir kommunene et generelt ansvar, men få konkrete plikter.
- Kultur taper ofte i budsjettprosessene fordi andre oppgaver er tydeligere regulert.
- Mange kommuner har ikke en egen plan for kultur.

### Innspill

1. Loven bør kreve at kommunene har en plan eller strategi for kultur.
2. Loven bør ikke detaljstyre organiseringen av kulturtjenestene.
3. Forholdet til folkebibliotekloven og opplæringsloven bør avklares.

Nettverket lager et felles innspill i løpet av vinteren.
""",
        ),
    ),
    "kommune-2024-02-15": (
        NoteSpec(
            "per-demoas",
            "Biblioteket og kinoen i en liten kommune",
            (BIB, KINO),
            """
## Biblioteket som lokal kulturarena

I Tolga er biblioteket også kulturhus, møtelokale og turistinformasjon. Meråpent bibliotek
har gitt lengre åpningstider uten flere ansatte.

- Arrangementer på kveldstid trekker folk fra hele kommunen.
- Samarbeid med skolen gir elevene tilgang til et bredere tilbud.

## Kinoer i distriktskommuner

Møtet drøftet drift av små kinoer. Mange steder er kinoen drevet av frivillige eller som en
del av kulturhuset.

- Digitalt utstyr er dyrt å fornye for små kinoer.
- Felles programmering med nabokommuner gir flere premierer.
- Kinoen er viktig for ungdom når det er langt til byen.
""",
        ),
        NoteSpec(
            "hakon-demohaug",
            "Utkast til innspel om kulturlova",
            (LOV,),
            """
## Utkast til innspel frå kommunenettverket

Arbeidsutkast etter møtet i februar. Ikkje endeleg.

### Hovudpunkt

1. Kulturlova bør slå fast at kommunane skal ha ein plan for kultur, forankra i
   kommuneplanen.
2. Lova bør sikre at kommunane har tilgang til kulturfagleg kompetanse, åleine eller i
   samarbeid med andre.
3. Staten bør følgje opp lova med økonomiske rammer, elles blir pliktene ikkje innfridde.
4. Forholdet mellom kommunane, fylkeskommunane og staten må vere tydeleg.

### Vidare arbeid

Kvam og Harstad ferdigstiller utkastet. Dei andre kommunane sender merknader innan
utgangen av mars.
""",
            visibility=NETWORK,
            language="nn",
        ),
    ),
    "kommune-2024-04-11": (
        NoteSpec(
            "nina-demorud",
            "Kultur i kommuneplanen",
            (KSR,),
            """
## Kultur i kommuneplanens samfunnsdel

Møtet drøftet hvordan kultur kan forankres i planverket.

### Erfaringer fra Gjøvik

Kultur er tatt inn som et eget mål i samfunnsdelen, med koblinger til folkehelse,
stedsutvikling og næring. Det har gjort det lettere å få kultur med i budsjettprosessene.

### Råd fra nettverket

- Kultursjefen bør være med i planarbeidet fra starten.
- Bruk lokale tall for deltakelse og frivillighet som kunnskapsgrunnlag.
- Knytt kulturplanen til samfunnsdelen i stedet for å lage en frittstående plan.

Nesodden hadde meldt forfall.
""",
        ),
        NoteSpec(
            "eirik-demosen",
            "Frivillighet og tilskudd – referat",
            (FRI, KP),
            """
## Frivillighet og kommunale tilskudd

Trondheim delte erfaringer fra storbynettverket, der byene har kartlagt sine
tilskuddsordninger.

- Forenkling er viktigere enn nye ordninger.
- Felles søknadsportal for kultur og idrett sparer tid både for lag og kommune.
- Rapporteringskravene bør stå i forhold til beløpet.

## Nye fylker og utvidelse av nettverket

Fra 2024 er det 15 fylker, og nettverket kan få inntil to kommuner fra hvert fylke. Møtet
drøftet hvordan nye kommuner kan komme inn uten at nettverket mister arbeidsformen.

KS' regionkontorer rekrutterer nye medlemmer.
""",
        ),
    ),
    "kommune-2024-09-18": (
        NoteSpec(
            "solveig-demoset",
            "Referat frå samlinga på Gjøvik",
            (KSR, SKOLE, BIB, FRI),
            """
## Samling på Gjøvik 18.–19. september

Årets fysiske samling. Vi fekk god omvising på kulturinstitusjonar i vertskommunen.

### Kultur som samfunnsbyggjar i distrikta

Samlinga drøfta kultur som faktor for bulyst og rekruttering. Fleire kommunar fortalde at
tilflyttarar spør etter kulturskule, bibliotek og eit aktivt lag- og foreiningsliv.

### Kulturskule for alle

- Lågare eigenbetaling og friplassar gjer at fleire barn kan delta.
- Kulturskulen bør samarbeide tett med grunnskulen og SFO.

### Bibliotek og frivilligheit under same tak

Samlokalisering av bibliotek og frivilligsentral gjev fleire besøk og nye frivillige. Det
krev likevel at dei tilsette har tid til samarbeidet.

### Evaluering

Prosjektet blir evaluert på siste møte i november.
""",
            language="nn",
        ),
        NoteSpec(
            "trond-demobakken",
            "Kulturskole for alle – notater",
            (SKOLE,),
            """
## Kulturskole for alle

Notater fra Harstad etter samlingen på Gjøvik.

Målet om kulturskole for alle krever at vi tenker nytt om både pris, tilbud og sted.

### Tiltak som virker

- Friplasser og søskenmoderasjon.
- Korte kurs og gruppetilbud ved siden av individuell undervisning.
- Undervisning på skolen rett etter skoletid, slik at foreldre slipper å kjøre.
- Samarbeid med korps, kor og idrettslag om felles tilbud.

### Utfordringer

Rekruttering av lærere er vanskelig i Nord-Norge, og mange stillinger er små. Nettverket
kan bidra med erfaringsdeling om interkommunale stillinger.
""",
        ),
        NoteSpec(
            "ida-demostad",
            "Evaluering av prosjektet",
            (KP,),
            """
## Evaluering av prosjektet – innspill fra samlingen

Arbeidsnotat til nettverket.

### Det medlemmene setter pris på

- Møter med kolleger i kommuner av ulik størrelse.
- Konkrete eksempler som kan tas med hjem.
- Felles innspill til nasjonale prosesser, som revideringen av kulturloven.

### Forbedringspunkter

- Flere saker bør forberedes av medlemmene selv.
- Digitale møter bør være kortere og mer fokuserte.
- Nettverket bør ha en plan for hvordan nye kommuner kommer inn.

Evalueringen drøftes på novembermøtet.
""",
            visibility=NETWORK,
        ),
    ),
    "kommune-2024-11-28": (
        NoteSpec(
            "liv-demostol",
            "Oppsummering av prosjektperioden",
            (KP, LOV),
            """
## Oppsummering av prosjektperioden 2023–2024

Nettverket har hatt seks møte sidan oppstarten i september 2023, eitt av dei fysisk.

### Det vi har fått til

- Eit felles innspel om kulturlova, med vekt på plan for kultur og tilgang til kompetanse.
- Erfaringsdeling om frivilligheit, kulturskule, bibliotek og kino.
- Eit nettverk der små og store kommunar lærer av kvarandre.

### Kulturlova

Møtet fekk ei orientering om status i arbeidet med lova. Nettverket vil framleis følgje
saka, og dei kommunane som har skrive innspelet held fram med det.

Harstad hadde meldt forfall.
""",
            language="nn",
        ),
        NoteSpec(
            "nina-demorud",
            "Veien videre for kommunenettverket",
            (KP,),
            """
## Veien videre

Prosjektperioden slutter ved årsskiftet. Møtet drøftet om og hvordan nettverket skal
videreføres.

### Innspill fra medlemmene

- Alle ønsker at nettverket fortsetter, og flere vil gjerne ha to fysiske samlinger.
- Nettverket bør ha medlemmer fra alle de 15 fylkene.
- Samarbeidet med storbynettverket og fylkesdirektørkollegiet bør styrkes, for eksempel
  med et felles møte i året.

### Neste steg

Innspillene oversendes KS, som avgjør videreføring og organisering.
""",
        ),
    ),
}

KOLLEGIUM_NOTES: dict[str, tuple[NoteSpec, ...]] = {
    "kollegium-2022-02-10": (
        NoteSpec(
            "gunnhild-demovoll",
            "Referat: regionale kulturfond og kulturlova",
            (RKF, LOV),
            """
## Regionale kulturfond – oppstart

Kollegiet drøfta korleis fylkeskommunane organiserer forvaltninga av dei regionale
kulturfonda.

- Dei fleste fylka legg forvaltninga til kulturavdelinga, nokre til eit eige fagutval.
- Det er ønske om felles rapportering, slik at det blir lettare å samanlikne.
- Kriteria bør vere enkle og opne for både profesjonelle og frivillige søkjarar.

## Kulturlova – behov for revidering

Kollegiet meiner at kulturlova er for generell og ikkje seier nok om ansvarsdelinga mellom
staten, fylkeskommunane og kommunane. Fylkeskommunane si rolle som regional
utviklingsaktør bør kome tydelegare fram.

Vestland lagar eit notat om kva ei revidert lov bør regulere.
""",
            language="nn",
        ),
    ),
    "kollegium-2022-05-05": (
        NoteSpec(
            "arne-demones",
            "Referat frå samlinga i Molde",
            (RFP, RKF, BIB),
            """
## Samling i Molde 5.–6. mai

### Regional filmpolitikk

Kollegiet gjekk gjennom status for dei regionale filmsentra og filmfonda. Det er stor
skilnad mellom fylka i kor mykje som blir sett av til film, og i kva grad fonda støttar
formidling i tillegg til produksjon.

### Regionale kulturfond

- Første utlysing gav mange søknader og stor breidd.
- Fleire fylke har fått søknader frå frivillige lag som ikkje passar i andre ordningar.
- Kriteria blir justerte før neste runde.

### Fylkesbiblioteka

Fylkesbiblioteka har ei viktig rolle i utviklinga av folkebiblioteka, særleg i små
kommunar. Kollegiet vil kome tilbake til bibliotek på eit seinare møte.
""",
            language="nn",
        ),
        NoteSpec(
            "kristin-demostrand",
            "Regionale filmfond – sammenstilling",
            (RFP,),
            """
## Regionale filmfond – sammenstilling

Rogaland har på oppdrag fra kollegiet samlet enkel informasjon om de regionale filmfondene.

| Tema | Funn |
| --- | --- |
| Eierskap | Fylkeskommunene er eiere alene eller sammen med kommuner |
| Formål | Hovedvekt på produksjon, noe utvikling |
| Formidling | Bare et fåtall støtter festivaler og visning |

### Vurdering

Filmfondene er viktige for filmbransjen i regionene, men formidling til publikum får
lite oppmerksomhet. Kollegiet bør drøfte om regional filmpolitikk skal omfatte mer
formidling, for eksempel i samarbeid med kinoene.
""",
        ),
    ),
    "kollegium-2022-09-15": (
        NoteSpec(
            "lars-demohagen",
            "Regionale tilskuddsordninger for frivilligheten",
            (FRI, LOV),
            """
## Regionale tilskuddsordninger for frivilligheten

Kollegiet sammenlignet fylkeskommunenes ordninger for frivillige organisasjoner.

- Alle fylkene gir driftstilskudd til regionale organisasjonsledd.
- Flere har egne ordninger for ungdom og for inkludering.
- Søknadsfristene varierer, noe som gjør det krevende for organisasjoner som er aktive i
  flere fylker.

### Kulturloven

Utkastet til felles innspill om kulturloven ble gjennomgått. Kollegiet ønsker at loven skal
beskrive fylkeskommunens ansvar for regional kulturutvikling, også overfor
frivilligheten.

Troms og Finnmark hadde meldt forfall.
""",
        ),
    ),
    "kollegium-2022-11-24": (
        NoteSpec(
            "bjorn-demofjell",
            "Regionale kulturfond etter første år",
            (RKF,),
            """
## Regionale kulturfond – erfaringer etter første år

### Hovedinntrykk

- Fondene har nådd søkere som tidligere falt mellom andre ordninger.
- Saksbehandlingen har tatt mer tid enn forventet.
- Det er behov for bedre veiledning til søkere.

### Nordland

I Nordland gikk en stor del av midlene til tiltak i små kommuner, blant annet til
utstyr for lag og foreninger og til kunstprosjekter på mindre steder.

### Oppfølging

Kollegiet ønsker en felles mal for rapportering, slik at fylkene kan sammenligne
resultatene. Nordland og Innlandet lager et forslag.
""",
        ),
        NoteSpec(
            "gunnhild-demovoll",
            "Filmsamarbeid mellom fylka",
            (RFP,),
            """
## Filmsamarbeid mellom fylka

Internt notat etter møtet i november.

Kollegiet drøfta korleis fylka kan samarbeide betre om filmsatsinga. Fleire filmsenter
dekkjer meir enn eitt fylke, og det gjer at avtalane blir kompliserte.

### Forslag

1. Felles prinsipp for eigarskap og styring av dei regionale filmsentra.
2. Meir samarbeid om kompetanse, til dømes felles kurs for unge filmskaparar.
3. Betre samanheng mellom filmfond og filmformidling i regionane.

Saka blir sett opp igjen på samlinga i 2023.
""",
            visibility=NETWORK,
            language="nn",
        ),
    ),
    "kollegium-2023-02-09": (
        NoteSpec(
            "ingrid-demoaune",
            "Felles innspill om kulturloven",
            (LOV,),
            """
## Felles innspill om revidering av kulturloven

Kollegiet gikk gjennom utkastet til felles innspill fra fylkeskommunene.

### Hovedpunkter i innspillet

- Loven bør beskrive fylkeskommunens rolle som regional utviklingsaktør på kulturfeltet.
- Ansvarsdelingen mellom stat, fylkeskommune og kommune må være tydelig.
- Regionale kulturfond og andre regionale ordninger bør ha et klart hjemmelsgrunnlag.
- Loven bør ikke gi nye plikter uten at de finansieres.

### Vedtak

Kollegiet sluttet seg til innspillet med de endringene som kom fram i møtet.
Trøndelag ferdigstiller teksten.
""",
        ),
        NoteSpec(
            "tove-demosund",
            "Fylkeskommunene og filmformidlingen",
            (KFS, RKF),
            """
## Fylkeskommunenes rolle i kino- og filmformidlingen

Kollegiet forberedte innspill til arbeidet med en nasjonal kino- og
filmformidlingsstrategi.

- Fylkeskommunene har ansvar for Den kulturelle skolesekken, der film er et viktig uttrykk.
- Mange kinoer i distriktene er avhengige av regionalt samarbeid for å få et godt tilbud.
- Filmformidling bør sees i sammenheng med den regionale filmpolitikken.

## Regionale kulturfond – søknadsrunden 2023

Søknadsrunden er i gang i de fleste fylkene. Flere har forenklet kriteriene etter
erfaringene fra 2022.
""",
        ),
    ),
    "kollegium-2023-04-26": (
        NoteSpec(
            "bjorn-demofjell",
            "Referat fra samlingen i Bodø",
            (RFP, LOV, RKF),
            """
## Samling i Bodø 26.–27. april

### Regional filmpolitikk – nordnorsk perspektiv

Samlingen fikk innledninger om film i nord: filmsenter, innspillinger og kompetanse.
Lange avstander og få kinoer gjør formidling krevende, men landsdelen har et sterkt
filmmiljø.

### Revidering av kulturloven

Kollegiet drøftet ansvarsdelingen mellom forvaltningsnivåene. Det var enighet om at
fylkeskommunenes rolle må komme tydeligere fram.

### Regionale kulturfond

- Fordelingsnøklene mellom fylkene bør vurderes.
- Felles rapporteringsmal er tatt i bruk i flere fylker.

### Bibliotek

Kort orientering om fylkesbibliotekenes arbeid med skolebibliotek.
""",
        ),
        NoteSpec(
            "tove-demosund",
            "Film i nord – notat",
            (RFP,),
            """
## Film i nord

Notat fra Troms og Finnmark etter samlingen i Bodø.

Filmmiljøet i nord er lite, men sterkt. Regionale midler har vært avgjørende for at
produksjoner blir lagt til landsdelen.

### Det vi ønsker av en regional filmpolitikk

- Langsiktig finansiering av filmsentrene, ikke bare prosjektmidler.
- Støtte til kompetanse og rekruttering, også i samiske miljøer.
- Bedre samarbeid mellom fylkene om innspillinger som går over fylkesgrensene.
- Formidling til publikum, blant annet gjennom turnékino og festivaler.

Notatet er sendt til kollegiet som bakgrunn for videre arbeid.
""",
        ),
        NoteSpec(
            "arne-demones",
            "Bibliotek og regionale kulturfond",
            (BIB, RKF),
            """
## Bibliotek

Fylkesbiblioteka arbeider med skulebibliotek og med kompetanse for folkebiblioteka. Møre
og Romsdal har gode erfaringar med regionale nettverk for bibliotektilsette.

## Regionale kulturfond

Kollegiet drøfta fordelingsnøklane. Dei fylka som har mange små kommunar, meiner at
nøklane bør ta omsyn til busetnad og avstandar.

- Felles rapporteringsmal blir brukt frå 2023.
- Nokre fylke vil sjå på om fonda kan opne for fleirårige tilskot.

Notatet er eit internt arbeidsnotat og ikkje eit vedteke standpunkt frå kollegiet.
""",
            visibility=NETWORK,
            language="nn",
        ),
    ),
    "kollegium-2023-09-14": (
        NoteSpec(
            "lars-demohagen",
            "Innspill til kino- og filmformidlingsstrategien",
            (KFS, RFP),
            """
## Innspill til kino- og filmformidlingsstrategien

Møtet ble holdt på Hamar, med mulighet for digital deltakelse.

### Fylkenes innspill

- Strategien bør se kino, filmformidling og regional filmpolitikk i sammenheng.
- Små kinoer trenger støtte til teknisk oppgradering og til programmering.
- Den kulturelle skolesekken bør ha et godt filmtilbud i alle fylker.
- Regionale filmsentre kan få et tydeligere ansvar for formidling.

### Oppfølging

Innlandet og Troms og Finnmark samordner fylkenes innspill. Kollegiet ønsker også dialog
med storbyene, som har vært opptatt av de samme spørsmålene.
""",
        ),
        NoteSpec(
            "karin-demolund",
            "Frivillighet og regionale møteplasser",
            (FRI,),
            """
## Frivillighet og regionale møteplasser

Kollegiet drøftet fylkeskommunenes rolle overfor frivilligheten.

- Regionale organisasjonsledd er viktige for de lokale lagene.
- Fylkeskommunene kan bidra med møteplasser, kurs og kompetanse.
- Frivillighetsstrategier er vedtatt eller under arbeid i flere fylker.

### Viken

Viken deler seg ved årsskiftet. Avtalene med regionale organisasjoner blir videreført i
de nye fylkeskommunene, og organisasjonene er orientert.

### Oppfølging

Kollegiet vil samle fylkenes frivillighetsstrategier og se om det er grunnlag for felles
tiltak, for eksempel kurs for tillitsvalgte og enklere søknader om driftstilskudd.
""",
        ),
    ),
    "kollegium-2023-11-16": (
        NoteSpec(
            "karin-demolund",
            "Fylkesdelingen – overføring av kulturoppgaver",
            (KP, RKF),
            """
## Fylkesdelingen 2024 – overføring av kulturoppgaver

Internt notat, ikke til publisering.

### Status i Viken

- Tilskuddsavtaler er fordelt på Østfold, Akershus og Buskerud.
- Ansatte på kulturfeltet har fått avklart arbeidssted.
- Regionale kulturfond blir delt etter innbyggertall, med en overgangsordning for
  tiltak som går over flere fylker.

### Risiko

Det er risiko for at søkere opplever brudd i saksbehandlingen i første halvår 2024.
Kollegiet bør følge med på dette.

Vestfold og Telemark hadde meldt forfall til møtet.
""",
            visibility=STAFF,
        ),
        NoteSpec(
            "gunnhild-demovoll",
            "Kulturlova – status",
            (LOV,),
            """
## Kulturlova – status

Kollegiet fekk ei kort orientering om arbeidet med revideringa av kulturlova.

### Drøfting

- Det felles innspelet frå fylkeskommunane står seg.
- Fylkesdelinga gjer at fleire fylkeskommunar blir nye i arbeidet, og dei må takast med.
- Kollegiet vil sjå innspelet i samanheng med dei regionale kulturfonda, som treng eit
  tydeleg heimelsgrunnlag.

### Vidare arbeid

Saka blir sett opp att på samlinga våren 2024, når dei nye fylkeskommunane er med.
""",
            language="nn",
        ),
    ),
    "kollegium-2024-01-25": (
        NoteSpec(
            "tove-demosund",
            "Nytt fylke, nye filmavtaler",
            (RFP, KP),
            """
## Nytt fylke, nye filmavtaler

Troms fylkeskommune er ny fra 1. januar, og avtalene om film er videreført fra Troms og
Finnmark.

### Regional filmpolitikk i de nye fylkene

- Filmsentrene arbeider på tvers av de nye fylkesgrensene.
- Eierskap og finansiering må avklares mellom de nye fylkeskommunene.
- Kollegiet bør lage felles prinsipper, slik at delingen ikke svekker filmsatsingen.

### Velkommen

Kollegiet har 15 medlemmer fra 2024. De nye fylkeskommunene fikk en kort innføring i
kollegiets arbeidsform og saker.
""",
        ),
        NoteSpec(
            "kristin-demostrand",
            "Regionale kulturfond 2024",
            (RKF,),
            """
## Regionale kulturfond 2024

Kollegiet gikk gjennom planene for årets tildelinger.

- Fondene er delt mellom de nye fylkeskommunene etter innbyggertall.
- Felles rapporteringsmal brukes fortsatt.
- Flere fylker vurderer flerårige tilskudd til faste tiltak.

### Rogaland

Rogaland har prioritert tiltak som når barn og unge, og ser gode resultater av et
samarbeid med kommunene om små lokale arrangementer.

Evaluering av ordningen settes opp på samlingen i april.
""",
        ),
    ),
    "kollegium-2024-04-17": (
        NoteSpec(
            "kristin-demostrand",
            "Referat fra samlingen i Stavanger",
            (LOV, RKF, RFP, KFS, KSR),
            """
## Samling i Stavanger 17.–18. april

Første fysiske samling med 15 fylkeskommuner.

### Revidering av kulturloven

Samlingen drøftet prinsipper for en ny lov: tydelig ansvarsdeling, regional
utviklingsrolle og finansiering av nye plikter.

### Regionale kulturfond

- Evalueringen viser at fondene når bredt.
- Administrasjonskostnadene bør ned.

### Film

Kollegiet gikk gjennom status for filmregionene og filmsentrene, og for arbeidet med en
nasjonal kino- og filmformidlingsstrategi. Film og kino var også tema i storbynettverket,
og kollegiet ønsker et felles møte om filmformidling.

### Kultur i regional planlegging

Kultur bør være et eget tema i de regionale planstrategiene.
""",
        ),
        NoteSpec(
            "gunnhild-demovoll",
            "Prinsipp for ei ny kulturlov",
            (LOV,),
            """
## Prinsipp for ei ny kulturlov

Kollegiet drøfta prinsipp for ei revidert kulturlov på samlinga i Stavanger.

### Prinsipp kollegiet står samla om

1. Lova skal gje kommunane og fylkeskommunane eit tydeleg ansvar, men fridom i
   organiseringa.
2. Fylkeskommunen si rolle som regional utviklingsaktør skal gå fram av lova.
3. Nye plikter skal følgjast av økonomiske rammer.
4. Lova skal sikre medverknad frå kunstnarar, frivillige og innbyggjarar.

### Merknader

Fleire fylke peika på at lova bør sjåast saman med andre lover på kulturfeltet. Det
gjeld særleg lova om folkebibliotek.
""",
            language="nn",
        ),
        NoteSpec(
            "ingrid-demoaune",
            "Evaluering av regionale kulturfond – arbeidsnotat",
            (RKF,),
            """
## Evaluering av regionale kulturfond

Arbeidsnotat fra Trøndelag, til bruk i kollegiet.

### Funn

- Fondene har gitt tilskudd til mange små tiltak som ellers ikke hadde fått støtte.
- Saksbehandlingen er tidkrevende sett opp mot beløpene.
- Søkere etterlyser raskere svar og enklere rapportering.

### Forslag

1. Færre søknadsfrister, men løpende behandling av små søknader.
2. Felles digital søknadsløsning for fylkene.
3. Årlig felles rapport fra kollegiet om bruken av fondene.

Notatet drøftes videre på høstens møter.
""",
            visibility=NETWORK,
        ),
    ),
    "kollegium-2024-09-12": (
        NoteSpec(
            "arne-demones",
            "Felles prinsipp for regional filmpolitikk",
            (RFP,),
            """
## Felles prinsipp for regional filmpolitikk

Kollegiet drøfta eit utkast til felles prinsipp etter fylkesdelinga.

### Utkastet

- Dei regionale filmsentra skal ha langsiktig finansiering frå eigarfylka.
- Filmfonda kan støtte både produksjon, utvikling og formidling.
- Fylka samarbeider om innspelingar som går over fylkesgrensene.
- Regional film skal kunne visast på kinoane i heile regionen.

### Drøfting

Fleire fylke meinte at formidlinga må få ein større plass, og at samarbeidet med
kommunane og storbyane om kino er viktig. Prinsippa blir justerte og lagde fram på neste
møte.

Finnmark hadde meldt forfall.
""",
            language="nn",
        ),
        NoteSpec(
            "lars-demohagen",
            "Bibliotekutvikling og frivillighet",
            (BIB, FRI),
            """
## Bibliotekutvikling

Flere fylker arbeider med regionale planer for bibliotek. Innlandet har gode erfaringer
med en felles plan for bibliotek og kultur, der kommunene har vært med fra starten.

- Fylkesbibliotekene bidrar med kompetanse og utviklingsprosjekter.
- Skolebibliotekene trenger mer oppmerksomhet.

## Frivillighet

Regionale frivillighetsstrategier er vedtatt i flere fylker. Kollegiet ønsker å dele
strategiene og se på felles tiltak, blant annet kurs for tillitsvalgte og støtte til
regionale møteplasser.
""",
        ),
    ),
    "kollegium-2024-11-21": (
        NoteSpec(
            "karin-demolund",
            "Tildelinger fra regionale kulturfond for 2025",
            (RKF,),
            """
## Regionale kulturfond – tildelinger for 2025

Kollegiet gikk gjennom planene for tildelingene neste år.

### Akershus

Akershus fylkeskommune har hatt sitt første hele år med egne regionale kulturfond etter
delingen av Viken. Søknadsmengden har vært høy, og mange søknader kommer fra frivillige
organisasjoner.

### Felles for fylkene

- Løpende behandling av små søknader innføres i flere fylker.
- Den felles rapporten om bruken av fondene legges fram i 2025.
- Kriteriene for 2025 publiseres i januar.
""",
        ),
        NoteSpec(
            "bjorn-demofjell",
            "Kulturloven – videre arbeid",
            (LOV,),
            """
## Kulturloven – videre arbeid

Kollegiet drøftet hvordan fylkeskommunene skal følge arbeidet med revideringen av
kulturloven i 2025.

- Prinsippene fra samlingen i Stavanger ligger fast.
- Kollegiet vil ha dialog med kommunenettverket og storbynettverket, som har gitt egne
  innspill om kommunenes ansvar.
- Nordland og Vestland følger saken for kollegiet.
- Innspillene bør samordnes slik at kommuner og fylkeskommuner ikke gir motstridende råd
  om ansvarsdelingen.

Møteplanen for 2025 ble vedtatt: fire møter, hvorav én fysisk samling.
""",
            visibility=NETWORK,
        ),
    ),
}

NOTES: dict[str, tuple[NoteSpec, ...]] = {**STORBY_NOTES, **KOMMUNE_NOTES, **KOLLEGIUM_NOTES}
