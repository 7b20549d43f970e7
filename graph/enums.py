"""The database's enums as GraphQL enums, registered once, with their descriptions."""

import strawberry

from db import tables

strawberry.enum(tables.MeetingFormat, description="How a meeting is held.")
strawberry.enum(
    tables.MeetingStatus, description="PLANNED ahead, HELD after the fact, or CANCELLED."
)

strawberry.enum(
    tables.NetworkKind,
    description="What kind of network: big-city, municipality, county collegium or other.",
)

strawberry.enum(
    tables.NetworkStatus,
    description="A project runs to its end date; a permanent network has none; ENDED is past.",
)

strawberry.enum(
    tables.NoteVisibility,
    description="Who may read a note: everyone (PUBLIC), the network's members (NETWORK), "
    "or KS staff only (STAFF).",
)

strawberry.enum(
    tables.OrganizationKind,
    description="What kind of organisation: a municipality (kommune), a county authority "
    "(fylkeskommune), an association such as KS, or one of its regional offices.",
)

strawberry.enum(
    tables.RoleKind,
    description="A person's role in a network: leader (leder), deputy leader (nestleder), "
    "coordinator (koordinator) or representative (representant).",
)
