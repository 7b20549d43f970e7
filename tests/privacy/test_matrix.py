"""The privacy matrix: every engine × role × entry point, against worlds without hidden notes.

Per engine (SQLite, PostgreSQL) five databases hold the same public content with the same ids:
FULL adds, last, twenty hidden notes (per network three NETWORK, three STAFF and four deleted
ones, each with canary strings in its title, body and earlier revision, tagged with topics so
they reach `discussedIn`, `themeMatrix`, `timeline`, topic and meeting notes, and `stille`, a
topic only hidden notes carry), while NO_HIDDEN, FOR_A, FOR_B and STAFF_VIEW hold only the
hidden notes that anonymous, a member of nett-a, a member of nett-b and staff may see. The
entry points are generated from the schema (`tests.privacy.documents`): every root Query
field, called with every provided argument value (each slug and code, the global id of every
note of FULL — hidden ones included — and of every meeting, canary search strings, filter
variations) and selected deep through its object, interface and connection fields. Each role —
anonymous; sessions of member-a, member-b, leader-a and staff; read-scoped tokens of member-a
and of staff; dead credentials (a revoked and an expired token, an expired and an idle
session) — sends every document over HTTP to the real app on FULL and on its audience's world.
A case (engine, role, entry point) passes when the FULL response carries no canary and no
global id of a note the role may not see, anywhere (data or errors), and equals — field for
field, count for count, error for error — what the same role gets from the world without those
notes; dead credentials must get 401 and no data at all.
"""

from __future__ import annotations

import pytest
from graphql import parse, validate

from graph.schema import schema
from tests.privacy.conftest import Crawl, Worlds
from tests.privacy.world import Role

MAX_SHOWN = 40  # findings listed in a failure message

# Where notes and their counts surface today: the crawl must reach every one of them (a check
# on the selection heuristics of `tests.privacy.documents`, not a list of entry points).
NOTE_PATHS = (
    "node.body",
    "node.revisions.body",
    "node.meeting.notes.nodes.body",
    "node.notes.nodes.body",
    "node.notes.totalCount",
    "nodes.body",
    "meetings.nodes.notes.nodes.body",
    "meetings.totalCount",
    "network.meetings.nodes.notes.nodes.body",
    "networks.nodes.meetings.nodes.notes.nodes.body",
    "viewer.networks.meetings.nodes.notes.nodes.body",
    "topic.notes.nodes.body",
    "topic.notes.totalCount",
    "topic.timeline.nodes.note.body",
    "topic.timeline.totalCount",
    "topic.discussedIn.noteCount",
    "topic.discussedIn.meetings.nodes.notes.nodes.body",
    "topics.nodes.notes.nodes.body",
    "themeMatrix.cells.noteCount",
    "themeMatrix.topics.notes.nodes.body",
)


def test_every_root_field_is_crawled_with_valid_documents(worlds: Worlds) -> None:
    """Documents are generated for every root Query field (a field whose required argument
    has no provider fails here, by name) and pass validation against the schema."""
    documents = worlds.documents
    query = schema._schema.query_type
    assert query is not None
    crawled = {probe.field for document in documents for probe in document.probes}
    assert crawled == set(query.fields), set(query.fields) - crawled
    for document in documents:
        errors = validate(schema._schema, parse(document.text))
        assert not errors, (document.name, errors[:3])


def test_the_crawl_reaches_notes_through_every_relation(crawl: Crawl) -> None:
    """The generated selections reach the notes by every path they surface on."""
    if crawl.error:
        pytest.fail(crawl.error, pytrace=False)
    reached = set().union(*(run.paths for run in crawl.runs.values()))
    missing = [path for path in NOTE_PATHS if path not in reached]
    assert not missing, f"the crawl no longer reaches {missing}"


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_role_sees_full_as_its_world_without_hidden_notes(crawl: Crawl, role: Role) -> None:
    """No canary, no hidden note id, no difference from the audience's world (or 401)."""
    if crawl.error:
        pytest.fail(crawl.error, pytrace=False)
    run = crawl.runs[role]
    assert run.cases > 0
    if run.findings:
        shown = "\n".join(run.findings[:MAX_SHOWN])
        more = len(run.findings) - MAX_SHOWN
        tail = f"\n... and {more} more" if more > 0 else ""
        pytest.fail(f"{len(run.findings)} leaks:\n{shown}{tail}", pytrace=False)
