"""Meetings, their agendas, attendance and notes, and the topics they are tagged with."""

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field, SQLModel

from db.tables.base import UtcDateTime, enum_column


class MeetingFormat(enum.Enum):
    DIGITAL = "DIGITAL"
    PHYSICAL = "PHYSICAL"
    HYBRID = "HYBRID"


class MeetingStatus(enum.Enum):
    PLANNED = "PLANNED"
    HELD = "HELD"
    CANCELLED = "CANCELLED"


class NoteVisibility(enum.Enum):
    PUBLIC = "PUBLIC"
    NETWORK = "NETWORK"
    STAFF = "STAFF"


class Meeting(SQLModel, table=True):
    """A meeting (møte) of a network."""

    __tablename__ = "meeting"
    __table_args__ = (
        Index("ix_meeting_network_id_starts_on", "network_id", "starts_on"),
        CheckConstraint("ends_at IS NULL OR ends_at >= starts_at", name="period_order"),
    )

    id: int | None = Field(default=None, primary_key=True)
    network_id: int = Field(foreign_key="network.id", ondelete="CASCADE")
    title: str = Field(max_length=300)
    description: str = Field(default="")
    starts_at: datetime = Field(sa_type=UtcDateTime)
    ends_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    starts_on: date = Field(index=True, description="the local (Europe/Oslo) date of the start")
    format: MeetingFormat = Field(sa_column=enum_column(MeetingFormat))
    status: MeetingStatus = Field(sa_column=enum_column(MeetingStatus))
    place: str | None = Field(default=None, max_length=300)
    online_url: str | None = Field(default=None, max_length=500)


class MeetingTopic(SQLModel, table=True):
    """A topic a meeting as a whole is tagged with."""

    __tablename__ = "meeting_topic"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", primary_key=True)
    topic_id: int = Field(foreign_key="topic.id", ondelete="CASCADE", primary_key=True, index=True)


class AgendaItem(SQLModel, table=True):
    """An item (sak) on a meeting's agenda, in order."""

    __tablename__ = "agenda_item"
    __table_args__ = (Index("ix_agenda_item_meeting_id_position", "meeting_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE")
    position: int
    title: str = Field(max_length=300)
    description: str = Field(default="")


class AgendaItemTopic(SQLModel, table=True):
    """A topic an agenda item is tagged with."""

    __tablename__ = "agenda_item_topic"

    agenda_item_id: int = Field(foreign_key="agenda_item.id", ondelete="CASCADE", primary_key=True)
    topic_id: int = Field(foreign_key="topic.id", ondelete="CASCADE", primary_key=True, index=True)


class Attendance(SQLModel, table=True):
    """Whether an organisation attended a meeting, and through whom."""

    __tablename__ = "attendance"
    __table_args__ = (
        Index(
            "ix_attendance_meeting_id_organization_id", "meeting_id", "organization_id", unique=True
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE")
    organization_id: int = Field(foreign_key="organization.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    present: bool


class Note(SQLModel, table=True):
    """A member's meeting note (referat, notat): Markdown, with a visibility and a version."""

    __tablename__ = "note"
    __table_args__ = (Index("ix_note_meeting_id_created_at", "meeting_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE")
    author_id: int = Field(foreign_key="person.id", index=True)
    on_behalf_of_id: int | None = Field(default=None, foreign_key="organization.id", index=True)
    title: str = Field(default="", max_length=300)
    body: str
    visibility: NoteVisibility = Field(sa_column=enum_column(NoteVisibility))
    created_at: datetime = Field(sa_type=UtcDateTime)
    updated_at: datetime = Field(sa_type=UtcDateTime)
    version: int = Field(default=1)
    deleted_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class NoteTopic(SQLModel, table=True):
    """A topic a note is tagged with."""

    __tablename__ = "note_topic"

    note_id: int = Field(foreign_key="note.id", ondelete="CASCADE", primary_key=True)
    topic_id: int = Field(foreign_key="topic.id", ondelete="CASCADE", primary_key=True, index=True)
