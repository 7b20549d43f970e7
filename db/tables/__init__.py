"""SQLModel tables, one module per feature; importing this package registers them all."""

from db.tables.base import UtcDateTime, table_of
from db.tables.directory import (
    County,
    Membership,
    Network,
    NetworkKind,
    NetworkStatus,
    Organization,
    OrganizationKind,
    OrganizationPeriod,
    Person,
    Role,
    RoleKind,
)
from db.tables.meetings import (
    AgendaItem,
    AgendaItemTopic,
    Attendance,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    MeetingTopic,
    Note,
    NoteTopic,
    NoteVisibility,
)
from db.tables.topics import Topic, TopicAlias, TopicClosure

__all__ = [
    "AgendaItem",
    "AgendaItemTopic",
    "Attendance",
    "County",
    "Meeting",
    "MeetingFormat",
    "MeetingStatus",
    "MeetingTopic",
    "Membership",
    "Network",
    "NetworkKind",
    "NetworkStatus",
    "Note",
    "NoteTopic",
    "NoteVisibility",
    "Organization",
    "OrganizationKind",
    "OrganizationPeriod",
    "Person",
    "Role",
    "RoleKind",
    "Topic",
    "TopicAlias",
    "TopicClosure",
    "UtcDateTime",
    "table_of",
]
