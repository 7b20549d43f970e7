import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

MATRIX = """
query ($filter: ThemeMatrixFilter) {
  themeMatrix(filter: $filter) {
    networks { slug }
    topics { slug }
    cells { network { slug } topic { slug } meetingCount agendaItemCount noteCount
            firstDiscussedOn lastDiscussedOn }
  }
}
"""


def _cells(data: dict) -> dict[tuple[str, str], tuple]:
    return {
        (c["topic"]["slug"], c["network"]["slug"]): (
            c["meetingCount"],
            c["agendaItemCount"],
            c["noteCount"],
            c["firstDiscussedOn"],
            c["lastDiscussedOn"],
        )
        for c in data["themeMatrix"]["cells"]
    }


async def test_theme_matrix_for_a_year_over_root_topics(client: GraphQLClient) -> None:
    data = await client.query(MATRIX, {"filter": {"from": "2024-01-01", "to": "2024-12-31"}})
    assert [t["slug"] for t in data["themeMatrix"]["topics"]] == ["film", "kultur"]
    assert [n["slug"] for n in data["themeMatrix"]["networks"]] == ["nett-a", "nett-b"]
    assert _cells(data) == {
        ("film", "nett-a"): (1, 0, 0, "2024-11-01", "2024-11-01"),
        ("kultur", "nett-a"): (2, 2, 1, "2024-02-01", "2024-05-01"),
        ("kultur", "nett-b"): (1, 1, 0, "2024-03-01", "2024-03-01"),
    }
    cells = data["themeMatrix"]["cells"]
    assert [(c["topic"]["slug"], c["network"]["slug"]) for c in cells] == sorted(_cells(data))


async def test_theme_matrix_with_chosen_topics_and_networks(client: GraphQLClient) -> None:
    variables = {"filter": {"topics": ["lov", "kino"], "networks": ["nett-b"]}}
    assert _cells(await client.query(MATRIX, variables)) == {
        ("kino", "nett-b"): (1, 1, 0, "2023-03-01", "2023-03-01"),
        ("lov", "nett-b"): (1, 1, 0, "2024-03-01", "2024-03-01"),
    }


async def test_theme_matrix_agrees_with_discussed_in(client: GraphQLClient) -> None:
    matrix = _cells(await client.query(MATRIX, {"filter": {"topics": ["kultur"]}}))
    data = await client.query(
        '{ topic(slug: "kultur") { discussedIn { network { slug } meetingCount noteCount } } }'
    )
    for entry in data["topic"]["discussedIn"]:
        cell = matrix[("kultur", entry["network"]["slug"])]
        assert (cell[0], cell[2]) == (entry["meetingCount"], entry["noteCount"])


async def test_theme_matrix_rejects_unknown_slugs_and_reversed_periods(
    client: GraphQLClient,
) -> None:
    errors = await client.query_errors(MATRIX, {"filter": {"topics": ["nope", "kultur"]}})
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert "nope" in errors[0].message
    errors = await client.query_errors(
        MATRIX, {"filter": {"from": "2024-02-01", "to": "2024-01-01"}}
    )
    assert errors[0].extensions is not None
    assert errors[0].extensions["code"] == "BAD_USER_INPUT"


async def test_theme_matrix_statement_count_is_fixed(client: GraphQLClient) -> None:
    await client.query(MATRIX, {"filter": {"from": "2024-01-01"}})
    # networks, topics, cells; a cell's network and topic come from the first two
    assert client.last_statements == 3
