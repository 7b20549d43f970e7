"""The demo meeting programme: taxonomy, cadence, themes, notes by demo members, attendance."""

import asyncio
import re
from collections import Counter, defaultdict
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select

from db.demo import ROLES
from db.engine import make_engine
from db.setup import prepare
from db.tables import (
    AgendaItem,
    AgendaItemTopic,
    Attendance,
    Meeting,
    MeetingTopic,
    Membership,
    Network,
    Note,
    NoteTopic,
    Person,
    Role,
    Topic,
    TopicAlias,
    TopicClosure,
    table_of,
)

STORBY = "storbynettverk-kultur"
KOMMUNE = "kommunenettverk-kultur"
KOLLEGIUM = "fylkesdirektorkollegiet-kultur"
OSLO = ZoneInfo("Europe/Oslo")

MEETING = table_of(Meeting)
NETWORK = table_of(Network)
NOTE = table_of(Note)
PERSON = table_of(Person)
ROLE = table_of(Role)
TOPIC = table_of(Topic)
MEMBERSHIP = table_of(Membership)
ATTENDANCE = table_of(Attendance)

DESIGN_TOPICS = {
    "kulturpolitikk": ("Kulturpolitikk", None),
    "kulturens-samfunnsbyggende-rolle": ("Kulturens samfunnsbyggende rolle", "kulturpolitikk"),
    "kulturloven": ("Revidering av kulturloven", "kulturpolitikk"),
    "regionale-kulturfond": ("Regionale kulturfond", "kulturpolitikk"),
    "film-og-kino": ("Film og kino", None),
    "kino-og-filmformidlingsstrategi": (
        "Nasjonal kino- og filmformidlingsstrategi",
        "film-og-kino",
    ),
    "regional-filmpolitikk": ("Regional filmpolitikk", "film-og-kino"),
}

NYNORSK = (" ikkje ", " eit ", " dei ")
BOKMAL = (" ikke ", " et ", " de ")


def _fetch(url: str, statement: Select[Any]) -> list[Any]:
    async def read() -> list[Any]:
        engine = make_engine(url)
        try:
            async with engine.connect() as conn:
                return list(await conn.execute(statement))
        finally:
            await engine.dispose()

    return asyncio.run(read())


def _meetings(url: str) -> list[Any]:
    return _fetch(
        url,
        select(MEETING, NETWORK.c.slug.label("network"))
        .join(NETWORK, NETWORK.c.id == MEETING.c.network_id)
        .order_by(MEETING.c.starts_at),
    )


def _notes(url: str) -> list[Any]:
    return _fetch(
        url,
        select(
            NOTE,
            MEETING.c.network_id,
            MEETING.c.starts_on,
            PERSON.c.key.label("author_key"),
            PERSON.c.name.label("author_name"),
        )
        .join(MEETING, MEETING.c.id == NOTE.c.meeting_id)
        .join(PERSON, PERSON.c.id == NOTE.c.author_id),
    )


def test_topic_taxonomy_of_the_design(demo_url: str) -> None:
    parent = TOPIC.alias("parent")
    rows = _fetch(
        demo_url,
        select(TOPIC.c.slug, TOPIC.c.name, TOPIC.c.description, parent.c.slug.label("parent"))
        .select_from(TOPIC)
        .outerjoin(parent, parent.c.id == TOPIC.c.parent_id),
    )
    topics = {r.slug: (r.name, r.parent) for r in rows}
    for slug, expected in DESIGN_TOPICS.items():
        assert topics[slug] == expected
    assert all(r.description for r in rows)
    assert {r.parent for r in rows} <= {None, "kulturpolitikk", "film-og-kino"}
    aliases = _fetch(
        demo_url,
        select(table_of(TopicAlias).c.alias)
        .join(TOPIC, TOPIC.c.id == table_of(TopicAlias).c.topic_id)
        .where(TOPIC.c.slug == "kulturloven"),
    )
    assert sorted(a.alias for a in aliases) == ["kulturlov", "kulturlova"]


def test_each_network_keeps_the_cadence_in_2024(demo_url: str) -> None:
    meetings = [m for m in _meetings(demo_url) if m.status.name != "CANCELLED"]
    for network in (STORBY, KOMMUNE, KOLLEGIUM):
        in_2024 = [m for m in meetings if m.network == network and m.starts_on.year == 2024]
        assert len(in_2024) == 4, network
        assert sum(m.format.name == "PHYSICAL" for m in in_2024) >= 1, network
    first = {n: min(m.starts_on for m in meetings if m.network == n) for n in (STORBY, KOMMUNE)}
    assert first == {STORBY: date(2023, 6, 2), KOMMUNE: date(2023, 9, 22)}
    assert all(m.status.name == "HELD" for m in meetings)
    assert 25 <= len(_meetings(demo_url)) <= 35


def test_a_cancelled_meeting_has_no_notes_or_attendance(demo_url: str) -> None:
    cancelled = [m for m in _meetings(demo_url) if m.status.name == "CANCELLED"]
    assert len(cancelled) == 1
    ids = {m.id for m in cancelled}
    assert not [n for n in _notes(demo_url) if n.meeting_id in ids]
    attended = _fetch(demo_url, select(ATTENDANCE.c.id).where(ATTENDANCE.c.meeting_id.in_(ids)))
    assert attended == []


def test_times_places_and_links(demo_url: str) -> None:
    for m in _meetings(demo_url):
        assert m.starts_at.tzinfo is not None
        assert m.starts_on == m.starts_at.astimezone(OSLO).date()
        assert m.ends_at > m.starts_at
        online = m.online_url is not None
        assert online == (m.format.name != "PHYSICAL"), m.title
        assert (m.place is not None) == (m.format.name != "DIGITAL"), m.title
        if online:
            assert m.online_url.startswith("https://demo.invalid/")


def _discussed_networks(url: str, root: str) -> set[str]:
    closure = table_of(TopicClosure)
    under = (
        select(closure.c.descendant_id)
        .join(TOPIC, TOPIC.c.id == closure.c.ancestor_id)
        .where(TOPIC.c.slug == root)
    )
    items = table_of(AgendaItem)
    item_tags = table_of(AgendaItemTopic)
    tagged = (
        select(MEETING.c.id)
        .join(table_of(MeetingTopic), table_of(MeetingTopic).c.meeting_id == MEETING.c.id)
        .where(table_of(MeetingTopic).c.topic_id.in_(under))
        .union(
            select(items.c.meeting_id)
            .join(item_tags, item_tags.c.agenda_item_id == items.c.id)
            .where(item_tags.c.topic_id.in_(under))
        )
    )
    rows = _fetch(
        url,
        select(NETWORK.c.slug)
        .join(MEETING, MEETING.c.network_id == NETWORK.c.id)
        .where(MEETING.c.id.in_(tagged))
        .distinct(),
    )
    return {r.slug for r in rows}


def test_themes_of_the_design(demo_url: str) -> None:
    assert {STORBY, KOLLEGIUM} <= _discussed_networks(demo_url, "film-og-kino")
    assert STORBY in _discussed_networks(demo_url, "kulturens-samfunnsbyggende-rolle")
    assert STORBY in _discussed_networks(demo_url, "kino-og-filmformidlingsstrategi")
    for slug in ("regionale-kulturfond", "kulturloven", "regional-filmpolitikk"):
        assert KOLLEGIUM in _discussed_networks(demo_url, slug), slug


def test_agendas_are_numbered_and_tagged(demo_url: str) -> None:
    items = table_of(AgendaItem)
    rows = _fetch(demo_url, select(items.c.meeting_id, items.c.position))
    positions: dict[int, list[int]] = defaultdict(list)
    for r in rows:
        positions[r.meeting_id].append(r.position)
    assert len(positions) == len(_meetings(demo_url))
    for found in positions.values():
        assert sorted(found) == list(range(1, len(found) + 1))
        assert 2 <= len(found) <= 5
    assert 80 <= len(rows) <= 120
    tags = _fetch(demo_url, select(func.count()).select_from(table_of(AgendaItemTopic)))
    assert tags[0][0] >= len(rows) * 0.8


def test_note_authors_are_demo_members_of_the_network(demo_url: str) -> None:
    notes = _notes(demo_url)
    assert 50 <= len(notes) <= 80
    real = {role.person for role in ROLES}
    roles = _fetch(demo_url, select(ROLE))
    for note in notes:
        assert note.author_key.startswith("demo:")
        assert note.author_name not in real
        assert any(
            r.person_id == note.author_id
            and r.network_id == note.network_id
            and r.on_behalf_of_id == note.on_behalf_of_id
            and r.kind.name == "REPRESENTATIVE"
            and r.starts_on <= note.starts_on
            and (r.ends_on is None or note.starts_on <= r.ends_on)
            for r in roles
        ), note.title
        assert note.created_at.date() > note.starts_on
        assert note.updated_at == note.created_at
        assert note.version == 1
    assert {n.visibility.name for n in notes} == {"PUBLIC", "NETWORK", "STAFF"}
    visibilities = Counter(n.visibility.name for n in notes)
    assert visibilities["PUBLIC"] > visibilities["NETWORK"] > visibilities["STAFF"] > 0


def test_no_invented_words_for_real_people(demo_url: str) -> None:
    names = {part for role in ROLES for part in [role.person, *role.person.split()]}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names))) + r")\b")
    items = table_of(AgendaItem)
    texts = [f"{n.title}\n{n.body}" for n in _notes(demo_url)]
    texts += [f"{m.title}\n{m.description}" for m in _meetings(demo_url)]
    texts += [f"{r.title}\n{r.description}" for r in _fetch(demo_url, select(items))]
    for text in texts:
        assert pattern.search(text) is None, text[:80]


def test_notes_in_bokmal_and_nynorsk(demo_url: str) -> None:
    bodies = [" " + " ".join(n.body.lower().split()) + " " for n in _notes(demo_url)]
    nynorsk = [b for b in bodies if any(marker in b for marker in NYNORSK)]
    bokmal = [b for b in bodies if any(m in b for m in BOKMAL) and b not in nynorsk]
    assert len(nynorsk) >= 5
    assert len(bokmal) >= 20


def test_notes_are_tagged(demo_url: str) -> None:
    tagged = _fetch(demo_url, select(table_of(NoteTopic).c.note_id).distinct())
    assert len(tagged) == len(_notes(demo_url))


def test_attendance_is_by_members_on_the_day(demo_url: str) -> None:
    rows = _fetch(
        demo_url,
        select(ATTENDANCE, MEETING.c.network_id, MEETING.c.starts_on).join(
            MEETING, MEETING.c.id == ATTENDANCE.c.meeting_id
        ),
    )
    members = _fetch(demo_url, select(MEMBERSHIP))
    roles = _fetch(demo_url, select(ROLE))
    for row in rows:
        assert any(
            m.network_id == row.network_id
            and m.organization_id == row.organization_id
            and m.joined_on <= row.starts_on
            and (m.left_on is None or row.starts_on <= m.left_on)
            for m in members
        )
        if row.person_id is not None:
            assert row.present
            assert any(
                r.person_id == row.person_id
                and r.on_behalf_of_id == row.organization_id
                and r.network_id == row.network_id
                for r in roles
            )
    held = [m for m in _meetings(demo_url) if m.status.name == "HELD"]
    per_meeting = Counter(row.meeting_id for row in rows)
    for meeting in held:
        expected = sum(
            m.network_id == meeting.network_id
            and m.joined_on <= meeting.starts_on
            and (m.left_on is None or meeting.starts_on <= m.left_on)
            for m in members
        )
        assert per_meeting[meeting.id] == expected, meeting.title
    absences = [row for row in rows if not row.present]
    assert 0 < len(absences) < len(rows) / 20


def test_note_authors_attended(demo_url: str) -> None:
    present = {
        (r.meeting_id, r.organization_id)
        for r in _fetch(demo_url, select(ATTENDANCE).where(ATTENDANCE.c.present))
    }
    for note in _notes(demo_url):
        assert (note.meeting_id, note.on_behalf_of_id) in present, note.title


def test_roles_follow_membership_periods(demo_url: str) -> None:
    members = _fetch(demo_url, select(MEMBERSHIP))
    demo_roles = _fetch(
        demo_url,
        select(ROLE).where(ROLE.c.kind == "REPRESENTATIVE"),
    )
    assert len(demo_roles) >= 20
    for role in demo_roles:
        assert any(
            m.network_id == role.network_id
            and m.organization_id == role.on_behalf_of_id
            and m.joined_on == role.starts_on
            and m.left_on == role.ends_on
            for m in members
        )
    networks = Counter(r.network_id for r in demo_roles)
    assert len(networks) == 3
    assert all(count >= 1 for count in networks.values())


def test_prepare_twice_adds_nothing(empty_db: str) -> None:
    tables = [table_of(t) for t in (Topic, Person, Role, Meeting, AgendaItem, Note, Attendance)]

    def counts() -> list[int]:
        return [_fetch(empty_db, select(func.count()).select_from(t))[0][0] for t in tables]

    asyncio.run(prepare(empty_db, demo=True))
    first = counts()
    asyncio.run(prepare(empty_db, demo=True))
    assert counts() == first
    assert all(first)
