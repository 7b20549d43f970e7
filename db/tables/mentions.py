"""Summaries of where topics are mentioned, kept in step with meetings, agendas and notes.

Both tables are derived: `db.mentions` rebuilds the rows of a meeting inside every write
transaction that changes what the meeting mentions, so reads of the theme questions never
aggregate raw tags. Either can be rebuilt from scratch at any time (`rebuild_mentions`).
"""

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from db.tables.base import UtcDateTime, enum_column
from db.tables.meetings import NoteVisibility


class MeetingTopicMention(SQLModel, table=True):
    """What a (not cancelled) meeting holds on a topic: directly, or with its sub-topics.

    `direct` rows count only tags of the topic itself; the others count tags of the topic or any
    topic below it, each agenda item and note once. Notes are counted per visibility (live ones
    only) so that a reader's count is a sum of the columns they may see.
    """

    __tablename__ = "meeting_topic_mention"
    __table_args__ = (
        Index(
            "ix_meeting_topic_mention_topic",
            "topic_id",
            "direct",
            "starts_on",
            "network_id",
        ),
    )

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", primary_key=True)
    topic_id: int = Field(foreign_key="topic.id", ondelete="CASCADE", primary_key=True)
    direct: bool = Field(primary_key=True)
    network_id: int = Field(foreign_key="network.id", ondelete="CASCADE", index=True)
    starts_on: date
    meeting_tagged: bool
    agenda_items: int
    public_notes: int
    network_notes: int
    staff_notes: int


class TopicNote(SQLModel, table=True):
    """A live note under each topic it is tagged with, directly or through a sub-topic.

    Indexed newest first (`Topic.notes`) and by its meeting's day (`Topic.timeline`).
    """

    __tablename__ = "topic_note"
    __table_args__ = (
        Index("ix_topic_note_topic_newest", "topic_id", "created_at", "note_id"),
        Index("ix_topic_note_topic_day", "topic_id", "starts_on", "meeting_id", "note_id"),
        Index("ix_topic_note_meeting_id", "meeting_id"),
    )

    topic_id: int = Field(foreign_key="topic.id", ondelete="CASCADE", primary_key=True)
    note_id: int = Field(foreign_key="note.id", ondelete="CASCADE", primary_key=True, index=True)
    direct: bool = Field(description="tagged with the topic itself")
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE")
    network_id: int = Field(foreign_key="network.id", ondelete="CASCADE")
    visibility: NoteVisibility = Field(sa_column=enum_column(NoteVisibility))
    created_at: datetime = Field(sa_type=UtcDateTime)
    starts_on: date = Field(description="the day of the note's meeting")
