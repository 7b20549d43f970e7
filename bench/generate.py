"""A seeded, bulk data generator: networks, a topic tree, meetings, agendas, notes, attendance.

    python -m bench.generate --url sqlite+aiosqlite:///bench/data/x.db --notes 10000 --seed 1

The database must be empty (no networks yet); it is migrated and the reference data loaded
first. The same seed gives the same rows, ids included, on SQLite and PostgreSQL. Big tables are
written with explicit ids in chunked executemany calls (PostgreSQL sequences are moved past
them afterwards), so 100k notes take seconds, not minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from bench import words
from db import tables
from db.engine import is_sqlite, make_engine
from db.mentions import rebuild_mentions
from db.migrate import heads, upgrade
from db.setup import load_reference
from db.tables import table_of
from db.text import search_text
from db.topics import create_topic

GENERATOR_VERSION = 2
"""Bump when the generated data changes, so that cached benchmark databases are rebuilt."""

OSLO = ZoneInfo("Europe/Oslo")
STATUS_CUTOFF = date(2025, 9, 1)
"""Meetings before this day are HELD, the later ones PLANNED."""
CHUNK = 5000

Progress = Callable[[str, int, float], None]


# The topic tree: 8 roots × 4 children × 5 aspects = 8 + 32 + 160 = 200 topics.
ROOTS: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]], ...] = (
    (
        "Kulturarv",
        (),
        (
            ("Museum", ("museum og samlingar",)),
            ("Kulturminner", ("kulturminne",)),
            ("Arkiv", ()),
            ("Immateriell kulturarv", ()),
        ),
    ),
    (
        "Bibliotek",
        (),
        (
            ("Folkebibliotek", ()),
            ("Skolebibliotek", ("skulebibliotek",)),
            ("Litteraturformidling", ()),
            ("Meråpne bibliotek", ()),
        ),
    ),
    (
        "Kulturskole",
        ("kulturskule",),
        (
            ("Kulturskoletilbud", ("kulturskuletilbod",)),
            ("Rammeplan for kulturskolen", ()),
            ("Ventelister", ()),
            ("Kulturskolelærere", ("kulturskulelærarar",)),
        ),
    ),
    (
        "Frivillighet",
        ("frivilligheit",),
        (
            ("Lag og foreninger", ("lag og foreiningar",)),
            ("Frivilligsentraler", ()),
            ("Ildsjeler", ("eldsjeler",)),
            ("Frivillighetspolitikk", ()),
        ),
    ),
    (
        "Kunst og kunstnere",
        ("kunst og kunstnarar",),
        (
            ("Visuell kunst", ()),
            ("Kunstnerøkonomi", ("kunstnarøkonomi",)),
            ("Offentlig kunst", ("offentleg kunst",)),
            ("Kunstproduksjon", ()),
        ),
    ),
    (
        "Musikk og scenekunst",
        (),
        (
            ("Konserter", ("konsertar",)),
            ("Teater", ()),
            ("Dans", ()),
            ("Festivaler", ("festivalar",)),
        ),
    ),
    (
        "Barn og unge",
        ("born og unge",),
        (
            ("Den kulturelle skolesekken", ("den kulturelle skulesekken",)),
            ("Fritidskortet", ()),
            ("Ungdomsklubber", ("ungdomsklubbar",)),
            ("UKM", ("ung kultur møtes",)),
        ),
    ),
    (
        "Kulturpolitikk og økonomi",
        (),
        (
            ("Kulturplaner", ("kulturplanar",)),
            ("Kulturloven", ("kulturlova",)),
            ("Tilskuddsordninger", ("tilskotsordningar",)),
            ("Kulturbudsjett", ()),
        ),
    ),
)
ASPECTS = ("finansiering", "organisering", "samarbeid", "digitalisering", "kompetanse")

NETWORKS: tuple[tuple[str, str, tables.NetworkKind, float], ...] = (
    # slug, name, kind, share of nynorsk notes
    ("storbynettverk-kultur", "Storbynettverk kultur", tables.NetworkKind.BIG_CITY_NETWORK, 0.1),
    (
        "kommunenettverk-kultur",
        "Kommunenettverk kultur",
        tables.NetworkKind.MUNICIPALITY_NETWORK,
        0.3,
    ),
    ("bibliotekledernettverket", "Bibliotekledernettverket", tables.NetworkKind.OTHER, 0.2),
    ("kulturskulenettverk-vest", "Kulturskulenettverk Vest", tables.NetworkKind.OTHER, 0.8),
    (
        "nettverk-frivillighet-inkludering",
        "Nettverk for frivillighet og inkludering",
        tables.NetworkKind.OTHER,
        0.15,
    ),
    ("museumsnettverket-i-nord", "Museumsnettverket i nord", tables.NetworkKind.OTHER, 0.1),
    ("kulturhusnettverket", "Kulturhusnettverket", tables.NetworkKind.OTHER, 0.2),
    (
        "nettverk-kulturarv-kulturminne",
        "Nettverk for kulturarv og kulturminne",
        tables.NetworkKind.OTHER,
        0.7,
    ),
    (
        "idrett-friluftsliv-kommunenettverk",
        "Idrett og friluftsliv – kommunenettverk",
        tables.NetworkKind.OTHER,
        0.25,
    ),
    (
        "nettverk-scenekunst-festivaler",
        "Nettverk for scenekunst og festivaler",
        tables.NetworkKind.OTHER,
        0.2,
    ),
)

AGENDA_PREFIXES = (
    "Orientering om",
    "Erfaringsdeling:",
    "Drøftingssak:",
    "Status for",
    "Innspill til arbeidet med",
    "Oppfølging av",
    "Presentasjon:",
)

T_NETWORK = table_of(tables.Network)
T_MEMBERSHIP = table_of(tables.Membership)
T_ORG = table_of(tables.Organization)
T_PERSON = table_of(tables.Person)
T_MEETING = table_of(tables.Meeting)
T_MEETING_TOPIC = table_of(tables.MeetingTopic)
T_AGENDA = table_of(tables.AgendaItem)
T_AGENDA_TOPIC = table_of(tables.AgendaItemTopic)
T_ATTENDANCE = table_of(tables.Attendance)
T_NOTE = table_of(tables.Note)
T_NOTE_TOPIC = table_of(tables.NoteTopic)
T_TOPIC = table_of(tables.Topic)


@dataclass(frozen=True)
class Spec:
    """What to generate."""

    notes: int = 10_000
    networks: int = 10
    seed: int = 1
    notes_per_meeting: int = 100
    first_year: int = 2022
    last_year: int = 2025

    def marker(self) -> dict[str, Any]:
        """What identifies a generated data set (for reusing cached databases): the spec, the
        generator's version and the migration heads (a new migration means new data)."""
        return {"generator": GENERATOR_VERSION, "migrations": sorted(heads()), **asdict(self)}


@dataclass
class Report:
    """Rows written per table, and how long each step took."""

    spec: Spec
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"spec": self.spec.marker(), "counts": self.counts, "seconds": self.seconds}


def slugify(name: str) -> str:
    """`Kulturskole – finansiering` → `kulturskole-finansiering`."""
    folded = name.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def root_topic_slugs() -> list[str]:
    """The slugs of the root topics, in tree order."""
    return [slugify(name) for name, _, _ in ROOTS]


def network_slugs(count: int = len(NETWORKS)) -> list[str]:
    """The slugs of the first `count` generated networks."""
    return [_network(i)[0] for i in range(count)]


def _network(i: int) -> tuple[str, str, tables.NetworkKind, float]:
    if i < len(NETWORKS):
        return NETWORKS[i]
    return (f"regionalt-kulturnettverk-{i + 1}", f"Regionalt kulturnettverk {i + 1}",
            tables.NetworkKind.OTHER, 0.3)  # fmt: skip


async def _bulk(conn: AsyncConnection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        await conn.execute(insert(table), list(rows[start : start + CHUNK]))


async def _next_id(conn: AsyncConnection, table: Table) -> int:
    return (
        int((await conn.execute(select(func.coalesce(func.max(table.c.id), 0)))).scalar_one()) + 1
    )


@dataclass
class _Topic:
    id: int
    name: str
    level: int


@dataclass
class _Meeting:
    id: int
    network: int
    starts_at: datetime
    status: tables.MeetingStatus
    topics: list[int]


class _Writer:
    """One generation run: its random source, the connection and the report."""

    def __init__(self, conn: AsyncConnection, spec: Spec, progress: Progress) -> None:
        self.conn = conn
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.report = Report(spec)
        self._progress = progress
        self._t = time.perf_counter()
        self._by_level: list[list[int]] | None = None

    def done(self, step: str, count: int) -> None:
        now = time.perf_counter()
        self.report.counts[step] = count
        self.report.seconds[step] = round(now - self._t, 3)
        self._progress(step, count, now - self._t)
        self._t = now

    async def topics(self) -> list[_Topic]:
        out: list[_Topic] = []
        for root_name, root_aliases, children in ROOTS:
            root_slug = slugify(root_name)
            root_id = await create_topic(
                self.conn,
                slug=root_slug,
                name=root_name,
                description=f"Alt om {root_name.lower()} i kommunene.",
                aliases=root_aliases,
            )
            out.append(_Topic(root_id, root_name, 0))
            for child_name, child_aliases in children:
                child_slug = f"{root_slug}-{slugify(child_name)}"
                child_id = await create_topic(
                    self.conn,
                    slug=child_slug,
                    name=child_name,
                    parent_id=root_id,
                    description=f"{child_name} som del av {root_name.lower()}.",
                    aliases=child_aliases,
                )
                out.append(_Topic(child_id, child_name, 1))
                for aspect in ASPECTS:
                    name = f"{child_name} – {aspect}"
                    topic_id = await create_topic(
                        self.conn,
                        slug=f"{child_slug}-{slugify(aspect)}",
                        name=name,
                        parent_id=child_id,
                    )
                    out.append(_Topic(topic_id, name, 2))
        self.done("topics", len(out))
        return out

    async def networks(self) -> tuple[list[int], list[list[int]], dict[int, str]]:
        """Networks and their member municipalities; returns ids, members and org names."""
        start = date(self.spec.first_year, 1, 1)
        municipalities = (
            await self.conn.execute(
                select(T_ORG.c.id, T_ORG.c.name)
                .where(
                    T_ORG.c.kind == tables.OrganizationKind.MUNICIPALITY,
                    T_ORG.c.valid_to.is_(None),
                    (T_ORG.c.valid_from.is_(None)) | (T_ORG.c.valid_from <= start),
                )
                .order_by(T_ORG.c.key)
            )
        ).all()
        if len(municipalities) < 20:
            raise RuntimeError("reference data missing: too few municipalities")
        org_names = {row.id: row.name for row in municipalities}
        network_ids: list[int] = []
        members: list[list[int]] = []
        memberships: list[dict[str, Any]] = []
        for i in range(self.spec.networks):
            slug, name, kind, _ = _network(i)
            result = await self.conn.execute(
                insert(T_NETWORK)
                .values(
                    slug=slug,
                    name=name,
                    description=f"{name}: kommuner som deler erfaringer og møtes jevnlig.",
                    kind=kind,
                    status=tables.NetworkStatus.PERMANENT,
                    starts_on=start,
                    ends_on=None,
                    max_members_per_county=None,
                    meetings_per_year=4,
                    physical_meetings_per_year=1,
                )
                .returning(T_NETWORK.c.id)
            )
            network_id = int(result.scalar_one())
            network_ids.append(network_id)
            chosen = sorted(
                row.id for row in self.rng.sample(municipalities, self.rng.randint(8, 20))
            )
            members.append(chosen)
            memberships.extend(
                {
                    "network_id": network_id,
                    "organization_id": org_id,
                    "joined_on": start,
                    "left_on": None,
                    "recruited_by_id": None,
                }
                for org_id in chosen
            )
        self.done("networks", len(network_ids))
        await _bulk(self.conn, T_MEMBERSHIP, memberships)
        self.done("memberships", len(memberships))
        return network_ids, members, org_names

    async def people(self, members: list[list[int]]) -> dict[int, list[int]]:
        """One or two people per member organisation; returns people by organisation."""
        next_id = await _next_id(self.conn, T_PERSON)
        by_org: dict[int, list[int]] = {}
        rows: list[dict[str, Any]] = []
        for org_id in sorted({o for group in members for o in group}):
            for _ in range(self.rng.randint(1, 2)):
                name = f"{self.rng.choice(words.FIRST_NAMES)} {self.rng.choice(words.LAST_NAMES)}"
                rows.append(
                    {
                        "id": next_id,
                        "key": f"bench:person:{next_id}",
                        "name": name,
                        "search_name": search_text(name),
                        "title": self.rng.choice(words.PERSON_TITLES),
                    }
                )
                by_org.setdefault(org_id, []).append(next_id)
                next_id += 1
        await _bulk(self.conn, T_PERSON, rows)
        self.done("people", len(rows))
        return by_org

    def _pick_topics(self, topics: list[_Topic], count: int) -> list[int]:
        """`count` topics at most (duplicates dropped), leaves more often than roots."""
        if self._by_level is None:
            self._by_level = [[t.id for t in topics if t.level == level] for level in range(3)]
        by_level = self._by_level
        chosen: list[int] = []
        for _ in range(count):
            level = self.rng.choices((0, 1, 2), weights=(1, 3, 6))[0]
            topic = self.rng.choice(by_level[level])
            if topic not in chosen:
                chosen.append(topic)
        return chosen

    async def meetings(
        self,
        network_ids: list[int],
        members: list[list[int]],
        org_names: dict[int, str],
        topics: list[_Topic],
        pools: tuple[words.SentencePool, words.SentencePool],
    ) -> list[_Meeting]:
        spec, rng = self.spec, self.rng
        years = list(range(spec.first_year, spec.last_year + 1))
        slots = [(n, y) for n in range(len(network_ids)) for y in years]
        total = max(round(spec.notes / spec.notes_per_meeting), len(slots))
        per_slot = [
            total // len(slots) + (1 if i < total % len(slots) else 0) for i in range(len(slots))
        ]
        planned: list[tuple[datetime, int, int, int, int]] = []  # starts_at, net, year, j, count
        for (net, year), count in zip(slots, per_slot, strict=True):
            for j in range(count):
                day = date(year, 1, 1) + timedelta(
                    days=int((j + 0.5) * 365 / count) + rng.randint(-5, 5)
                )
                day = min(max(day, date(year, 1, 2)), date(year, 12, 20))
                while day.weekday() > 3:  # Monday to Thursday
                    day -= timedelta(days=1)
                local = datetime(
                    day.year, day.month, day.day, rng.choice((9, 10, 12)), 0, tzinfo=OSLO
                )
                planned.append((local.astimezone(UTC), net, year, j, count))
        planned.sort(key=lambda p: (p[0], p[1]))
        next_id = await _next_id(self.conn, T_MEETING)
        next_item = await _next_id(self.conn, T_AGENDA)
        meetings: list[_Meeting] = []
        rows: list[dict[str, Any]] = []
        item_rows: list[dict[str, Any]] = []
        item_topic_rows: list[dict[str, Any]] = []
        meeting_topic_rows: list[dict[str, Any]] = []
        roots = [t for t in topics if t.level < 2]
        names = {t.id: t.name for t in topics}
        for starts_at, net, year, j, count in planned:
            slug, name, _, nynorsk_share = _network(net)
            pool = pools[1] if rng.random() < nynorsk_share else pools[0]
            local = starts_at.astimezone(OSLO)
            physical = j == count // 2
            fmt = (
                tables.MeetingFormat.PHYSICAL
                if physical
                else (
                    tables.MeetingFormat.HYBRID
                    if rng.random() < 0.15
                    else tables.MeetingFormat.DIGITAL
                )
            )
            host = org_names[rng.choice(members[net])]
            status = (
                tables.MeetingStatus.HELD
                if local.date() < STATUS_CUTOFF
                else tables.MeetingStatus.PLANNED
            )
            hours = 6 if fmt is tables.MeetingFormat.PHYSICAL else 2
            rows.append(
                {
                    "id": next_id,
                    "network_id": network_ids[net],
                    "title": (
                        f"Fysisk samling i {host} {year}"
                        if physical
                        else f"{name}: møte {j + 1}/{year}"
                    ),
                    "description": pool.sentences[rng.randrange(len(pool.sentences))],
                    "starts_at": starts_at,
                    "ends_at": starts_at + timedelta(hours=hours),
                    "starts_on": local.date(),
                    "format": fmt,
                    "status": status,
                    "place": None
                    if fmt is tables.MeetingFormat.DIGITAL
                    else f"Kulturhuset i {host}",
                    "online_url": (
                        None
                        if fmt is tables.MeetingFormat.PHYSICAL
                        else f"https://mote.example.no/{slug}/{next_id}"
                    ),
                }
            )
            meeting_topics: list[int] = []
            if rng.random() < 0.3:
                topic = rng.choice(roots).id
                meeting_topic_rows.append({"meeting_id": next_id, "topic_id": topic})
                meeting_topics.append(topic)
            for position in range(1, rng.randint(3, 5) + 1):
                tagged = self._pick_topics(topics, rng.choice((1, 1, 2)))
                first = names[tagged[0]]
                item_rows.append(
                    {
                        "id": next_item,
                        "meeting_id": next_id,
                        "position": position,
                        "title": f"{rng.choice(AGENDA_PREFIXES)} {first.lower()}",
                        "description": pool.sentences[rng.randrange(len(pool.sentences))],
                    }
                )
                item_topic_rows.extend({"agenda_item_id": next_item, "topic_id": t} for t in tagged)
                meeting_topics.extend(t for t in tagged if t not in meeting_topics)
                next_item += 1
            meetings.append(_Meeting(next_id, net, starts_at, status, meeting_topics))
            next_id += 1
        await _bulk(self.conn, T_MEETING, rows)
        await _bulk(self.conn, T_MEETING_TOPIC, meeting_topic_rows)
        self.done("meetings", len(rows))
        await _bulk(self.conn, T_AGENDA, item_rows)
        await _bulk(self.conn, T_AGENDA_TOPIC, item_topic_rows)
        self.done("agenda items", len(item_rows))
        return meetings

    async def attendance(
        self, meetings: list[_Meeting], members: list[list[int]], people: dict[int, list[int]]
    ) -> None:
        next_id = await _next_id(self.conn, T_ATTENDANCE)
        rows: list[dict[str, Any]] = []
        for meeting in meetings:
            if meeting.status is not tables.MeetingStatus.HELD or self.rng.random() < 0.2:
                continue  # planned, or attendance not recorded
            for org_id in members[meeting.network]:
                present = self.rng.random() < 0.85
                rows.append(
                    {
                        "id": next_id,
                        "meeting_id": meeting.id,
                        "organization_id": org_id,
                        "person_id": self.rng.choice(people[org_id]) if present else None,
                        "present": present,
                    }
                )
                next_id += 1
        await _bulk(self.conn, T_ATTENDANCE, rows)
        self.done("attendance", len(rows))

    async def notes(
        self,
        meetings: list[_Meeting],
        members: list[list[int]],
        people: dict[int, list[int]],
        topics: list[_Topic],
        pools: tuple[words.SentencePool, words.SentencePool],
    ) -> None:
        spec, rng = self.spec, self.rng
        weights = [1.0 if m.status is tables.MeetingStatus.HELD else 0.3 for m in meetings]
        chosen = rng.choices(range(len(meetings)), weights=weights, k=spec.notes)
        tokens = words.rare_tokens(rng, max(1000, spec.notes // 2))
        drafts: list[tuple[datetime, int, dict[str, Any], list[int]]] = []
        for n, index in enumerate(chosen):
            meeting = meetings[index]
            slug_share = _network(meeting.network)[3]
            pool = pools[1] if rng.random() < slug_share else pools[0]
            if meeting.status is tables.MeetingStatus.HELD:
                created = meeting.starts_at + timedelta(seconds=rng.randint(1800, 14 * 86400))
            else:
                created = meeting.starts_at - timedelta(seconds=rng.randint(3600, 30 * 86400))
            org_id = rng.choice(members[meeting.network])
            roll = rng.random()
            visibility = (
                tables.NoteVisibility.PUBLIC
                if roll < 0.85
                else tables.NoteVisibility.NETWORK
                if roll < 0.95
                else tables.NoteVisibility.STAFF
            )
            edited = rng.random() < 0.2
            row = {
                "meeting_id": meeting.id,
                "author_id": rng.choice(people[org_id]),
                "on_behalf_of_id": org_id,
                "title": rng.choice(pool.lang.titles) if rng.random() < 0.3 else "",
                "body": pool.body(
                    rng, rng.randint(25, 150), tokens[rng.randrange(len(tokens))], 150
                ),
                "visibility": visibility,
                "created_at": created,
                "updated_at": created + timedelta(hours=rng.randint(1, 72)) if edited else created,
                "version": rng.randint(2, 4) if edited else 1,
                "deleted_at": created + timedelta(days=1) if rng.random() < 0.005 else None,
            }
            tagged: list[int] = []
            for _ in range(rng.choices((1, 2, 3), weights=(5, 3, 2))[0]):
                if meeting.topics and rng.random() < 0.7:
                    topic = rng.choice(meeting.topics)
                else:
                    topic = self._pick_topics(topics, 1)[0]
                if topic not in tagged:
                    tagged.append(topic)
            drafts.append((created, n, row, tagged))
        self.done("note text", len(drafts))
        drafts.sort(key=lambda d: (d[0], d[1]))  # ids grow with time, as they would
        next_id = await _next_id(self.conn, T_NOTE)
        rows: list[dict[str, Any]] = []
        tag_rows: list[dict[str, Any]] = []
        for offset, (_, _, row, tagged) in enumerate(drafts):
            row["id"] = next_id + offset
            rows.append(row)
            tag_rows.extend({"note_id": row["id"], "topic_id": t} for t in tagged)
        await _bulk(self.conn, T_NOTE, rows)
        self.done("notes", len(rows))
        await _bulk(self.conn, T_NOTE_TOPIC, tag_rows)
        self.done("note topics", len(tag_rows))


async def _fix_sequences(conn: AsyncConnection) -> None:
    """Move PostgreSQL's id sequences past the explicitly written ids."""
    for table in ("person", "meeting", "agenda_item", "attendance", "note"):
        await conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table})) WHERE EXISTS (SELECT 1 FROM {table})"
            )
        )


async def generate(
    url: str, spec: Spec | None = None, *, progress: Progress | None = None
) -> Report:
    """Migrate the empty database at `url`, load the reference data and write the data set."""
    spec = spec or Spec()
    say: Progress = progress or (lambda _step, _n, _s: None)
    started = time.perf_counter()
    upgrade(url)
    await load_reference(url)
    say("migrate + reference", 0, time.perf_counter() - started)
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            if (await conn.execute(select(T_NETWORK.c.id).limit(1))).first() is not None:
                raise RuntimeError(f"{url}: not empty (it has networks)")
            writer = _Writer(conn, spec, say)
            pools = (
                words.SentencePool.build(writer.rng, words.BOKMAAL, 4000),
                words.SentencePool.build(writer.rng, words.NYNORSK, 4000),
            )
            topics = await writer.topics()
            network_ids, members, org_names = await writer.networks()
            people = await writer.people(members)
            meetings = await writer.meetings(network_ids, members, org_names, topics, pools)
            await writer.attendance(meetings, members, people)
            await writer.notes(meetings, members, people, topics, pools)
            mark = time.perf_counter()
            await rebuild_mentions(conn)
            say("mention summaries", 0, time.perf_counter() - mark)
            if not is_sqlite(url):
                await _fix_sequences(conn)
        report = writer.report
        if is_sqlite(url):
            async with engine.connect() as conn:
                await conn.execute(text("ANALYZE"))
                await conn.commit()
                await conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        else:
            await _vacuum_analyze(url)
            writer.done("vacuum analyze", 0)
    finally:
        await engine.dispose()
    report.seconds["total"] = round(time.perf_counter() - started, 3)
    return report


async def _vacuum_analyze(url: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text("VACUUM ANALYZE"))
    finally:
        await engine.dispose()


def _print_progress(step: str, count: int, seconds: float) -> None:
    print(f"  {step:<22} {count:>9,} rows  {seconds:6.2f} s", flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--url",
        required=True,
        help="an empty database (sqlite+aiosqlite:///… or postgresql+asyncpg://…)",
    )
    parser.add_argument("--notes", type=int, default=Spec.notes)
    parser.add_argument("--networks", type=int, default=Spec.networks)
    parser.add_argument("--seed", type=int, default=Spec.seed)
    args = parser.parse_args(argv)
    spec = Spec(notes=args.notes, networks=args.networks, seed=args.seed)
    report = asyncio.run(generate(args.url, spec, progress=_print_progress))
    print(f"done in {report.seconds['total']:.1f} s: {report.counts}")


if __name__ == "__main__":
    main()
