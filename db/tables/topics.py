"""The topic taxonomy: topics of any depth, their aliases, and the closure of the tree."""

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel


class Topic(SQLModel, table=True):
    """A theme (tema) in a tree of themes."""

    __tablename__ = "topic"
    __table_args__ = (UniqueConstraint("slug"),)

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=100)
    name: str = Field(max_length=200)
    sort_name: str = Field(max_length=200, index=True)
    description: str = Field(default="")
    parent_id: int | None = Field(default=None, foreign_key="topic.id", index=True)


class TopicAlias(SQLModel, table=True):
    """Another name for a topic (a synonym, a nynorsk form): "kulturlova" for `kulturloven`."""

    __tablename__ = "topic_alias"
    __table_args__ = (UniqueConstraint("search_alias"),)

    id: int | None = Field(default=None, primary_key=True)
    topic_id: int = Field(foreign_key="topic.id", ondelete="CASCADE", index=True)
    alias: str = Field(max_length=200)
    search_alias: str = Field(max_length=200, description="the case-folded alias")


class TopicClosure(SQLModel, table=True):
    """Every (ancestor, descendant) pair of the tree, a topic being its own ancestor at depth 0."""

    __tablename__ = "topic_closure"
    __table_args__ = (
        Index("ix_topic_closure_descendant_id_ancestor_id", "descendant_id", "ancestor_id"),
    )

    ancestor_id: int = Field(foreign_key="topic.id", ondelete="CASCADE", primary_key=True)
    descendant_id: int = Field(foreign_key="topic.id", ondelete="CASCADE", primary_key=True)
    depth: int
