"""The directory: counties, organisations over time, people, networks, memberships and roles.

Every period is inclusive at both ends; a missing start means "since before our data", a
missing end means "still valid".
"""

import enum
from datetime import date

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.tables.base import enum_column


class OrganizationKind(enum.Enum):
    MUNICIPALITY = "MUNICIPALITY"
    COUNTY_AUTHORITY = "COUNTY_AUTHORITY"
    ASSOCIATION = "ASSOCIATION"
    REGIONAL_OFFICE = "REGIONAL_OFFICE"


class NetworkKind(enum.Enum):
    BIG_CITY_NETWORK = "BIG_CITY_NETWORK"
    MUNICIPALITY_NETWORK = "MUNICIPALITY_NETWORK"
    COUNTY_COLLEGIUM = "COUNTY_COLLEGIUM"
    OTHER = "OTHER"


class NetworkStatus(enum.Enum):
    PROJECT = "PROJECT"
    PERMANENT = "PERMANENT"
    ENDED = "ENDED"


class RoleKind(enum.Enum):
    LEADER = "LEADER"
    DEPUTY_LEADER = "DEPUTY_LEADER"
    COORDINATOR = "COORDINATOR"
    REPRESENTATIVE = "REPRESENTATIVE"


class County(SQLModel, table=True):
    """A county (fylke) under one number for one period; a number can return in a new period."""

    __tablename__ = "county"
    __table_args__ = (UniqueConstraint("number", "valid_from"),)

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=2, index=True)
    name: str = Field(max_length=100)
    valid_from: date | None = None
    valid_to: date | None = None


class Organization(SQLModel, table=True):
    """An organisation with a stable identity across renumbering and renaming."""

    __tablename__ = "organization"
    __table_args__ = (UniqueConstraint("key"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64, description="stable import key, e.g. 'kommune:3024'")
    kind: OrganizationKind = Field(sa_column=enum_column(OrganizationKind, index=True))
    name: str = Field(max_length=200, description="the latest name, used for sorting")
    sort_name: str = Field(max_length=200, index=True)
    valid_from: date | None = None
    valid_to: date | None = None


class OrganizationPeriod(SQLModel, table=True):
    """An organisation's code, names and county for one period."""

    __tablename__ = "organization_period"
    __table_args__ = (
        Index("ix_organization_period_code_valid_from", "code", "valid_from"),
        Index("ix_organization_period_organization_id_valid_from", "organization_id", "valid_from"),
    )

    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id", ondelete="CASCADE")
    code: str | None = Field(default=None, max_length=16)
    official_name: str = Field(max_length=200)
    plain_name: str = Field(max_length=200)
    search_name: str = Field(max_length=420, description="case-folded names, for search")
    county_id: int | None = Field(default=None, foreign_key="county.id", index=True)
    valid_from: date | None = None
    valid_to: date | None = None


class Person(SQLModel, table=True):
    """A person who holds roles in networks."""

    __tablename__ = "person"
    __table_args__ = (UniqueConstraint("key"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64)
    name: str = Field(max_length=200, index=True)
    search_name: str = Field(max_length=200, description="the case-folded name, for search")
    title: str | None = Field(default=None, max_length=200)


class Network(SQLModel, table=True):
    """A network of organisations with its kind, status, period and rules."""

    __tablename__ = "network"
    __table_args__ = (
        UniqueConstraint("slug"),
        CheckConstraint(
            "max_members_per_county IS NULL OR max_members_per_county > 0", name="positive_cap"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=100)
    name: str = Field(max_length=200)
    description: str = Field(default="")
    kind: NetworkKind = Field(sa_column=enum_column(NetworkKind))
    status: NetworkStatus = Field(sa_column=enum_column(NetworkStatus))
    starts_on: date | None = None
    ends_on: date | None = None
    owner_id: int | None = Field(default=None, foreign_key="organization.id", index=True)
    max_members_per_county: int | None = None
    meetings_per_year: int | None = None
    physical_meetings_per_year: int | None = None


class Membership(SQLModel, table=True):
    """An organisation's membership of a network for a period."""

    __tablename__ = "membership"
    __table_args__ = (
        Index("ix_membership_network_id_joined_on", "network_id", "joined_on"),
        CheckConstraint("left_on IS NULL OR left_on >= joined_on", name="period_order"),
    )

    id: int | None = Field(default=None, primary_key=True)
    network_id: int = Field(foreign_key="network.id", ondelete="CASCADE")
    organization_id: int = Field(foreign_key="organization.id", index=True)
    joined_on: date
    left_on: date | None = None
    recruited_by_id: int | None = Field(default=None, foreign_key="organization.id", index=True)


class Role(SQLModel, table=True):
    """A person's role in a network, on behalf of an organisation, for a period."""

    __tablename__ = "role"
    __table_args__ = (
        Index("ix_role_network_id_starts_on", "network_id", "starts_on"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="period_order"),
    )

    id: int | None = Field(default=None, primary_key=True)
    network_id: int = Field(foreign_key="network.id", ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: RoleKind = Field(sa_column=enum_column(RoleKind))
    on_behalf_of_id: int | None = Field(default=None, foreign_key="organization.id", index=True)
    starts_on: date
    ends_on: date | None = None
