"""The benchmark scenarios: GraphQL documents and their variables, shared by the runner,
the floor app and the statement-count test."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.generate import network_slugs, root_topic_slugs

THEME_MATRIX = """
query ThemeMatrix($from: Date!, $to: Date!) {
  themeMatrix(filter: {from: $from, to: $to}) {
    cells {
      network { slug }
      topic { slug }
      meetingCount agendaItemCount noteCount firstDiscussedOn lastDiscussedOn
    }
  }
}
"""

DISCUSSED_IN = """
query DiscussedIn($slug: String!) {
  topic(slug: $slug) {
    discussedIn {
      network { slug }
      meetingCount noteCount firstDiscussedOn lastDiscussedOn
      meetings(first: 10) { nodes { id title startsOn } }
    }
  }
}
"""

NESTED_PAGE = """
query NestedPage($slug: String!) {
  network(slug: $slug) {
    meetings(first: 10) {
      nodes {
        title
        agenda { title topics { slug notes(first: 5) { nodes { id body } } } }
      }
    }
  }
}
"""

TIMELINE = """
query Timeline($slug: String!) {
  topic(slug: $slug) {
    timeline(first: 20) {
      pageInfo { hasNextPage endCursor }
      nodes { on kind network { slug } }
    }
  }
}
"""


@dataclass(frozen=True)
class Scenario:
    """One request to measure: a name, its document and variables."""

    name: str
    label: str
    document: str
    variables: dict[str, Any]

    def body(self) -> dict[str, Any]:
        """The POST body, the same for our server and for the floor."""
        return {"query": self.document, "variables": self.variables}


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "theme_matrix",
        "(a) themeMatrix, one year",
        THEME_MATRIX,
        {"from": "2024-01-01", "to": "2024-12-31"},
    ),
    Scenario(
        "discussed_in",
        "(b) topic.discussedIn + meetings(10)",
        DISCUSSED_IN,
        {"slug": root_topic_slugs()[0]},
    ),
    Scenario(
        "nested_page",
        "(c) nested page",
        NESTED_PAGE,
        {"slug": network_slugs(1)[0]},
    ),
    Scenario(
        "timeline",
        "topic.timeline(first: 20) of a root topic",
        TIMELINE,
        {"slug": root_topic_slugs()[0]},
    ),
)

BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}
