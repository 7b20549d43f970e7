"""SQLModel tables, one module per feature; importing this package registers them all."""

from db.tables.base import table_of
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

__all__ = [
    "County",
    "Membership",
    "Network",
    "NetworkKind",
    "NetworkStatus",
    "Organization",
    "OrganizationKind",
    "OrganizationPeriod",
    "Person",
    "Role",
    "RoleKind",
    "table_of",
]
