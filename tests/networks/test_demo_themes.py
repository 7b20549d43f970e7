"""The demo programme answers the product's theme questions (DESIGN.md, questions 1–3, 7)."""

import pytest

from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.anyio

STORBY, KOMMUNE, KOLLEGIUM = (
    "storbynettverk-kultur",
    "kommunenettverk-kultur",
    "fylkesdirektorkollegiet-kultur",
)


async def test_film_and_cinema_discussed_in_big_city_network_and_county_collegium(
    client: GraphQLClient,
) -> None:
    data = await client.query(
        """{ topic(slug: "film-og-kino") { discussedIn {
             network { slug } meetingCount noteCount meetings(first: 1) { nodes { title } } } } }"""
    )
    found = {d["network"]["slug"]: d for d in data["topic"]["discussedIn"]}
    assert {STORBY, KOLLEGIUM} <= set(found)
    for slug in (STORBY, KOLLEGIUM):
        assert found[slug]["meetingCount"] >= 2
        assert found[slug]["meetings"]["nodes"]


async def test_first_meetings_of_the_news_item_are_there(client: GraphQLClient) -> None:
    data = await client.query(
        """{ s: network(slug: "storbynettverk-kultur") { meetings(first: 1) { nodes { startsOn status agenda { topics { slug } } } } }
             k: network(slug: "kommunenettverk-kultur") { meetings(first: 1) { nodes { startsOn status } } } }"""
    )
    first_storby = data["s"]["meetings"]["nodes"][0]
    assert first_storby["startsOn"] == "2023-06-02"
    assert first_storby["status"] == "HELD"
    assert data["k"]["meetings"]["nodes"][0]["startsOn"] == "2023-09-22"


async def test_every_network_keeps_its_cadence_in_2024(client: GraphQLClient) -> None:
    for slug in (STORBY, KOMMUNE, KOLLEGIUM):
        data = await client.query(
            "query ($s: String!) { network(slug: $s) { cadence(year: 2024) { held kept onTrack } } }",
            {"s": slug},
        )
        cadence = data["network"]["cadence"]
        assert cadence["held"] >= 4
        if slug != KOLLEGIUM:
            assert cadence["kept"] is True


async def test_theme_matrix_2024_covers_both_root_topics_in_every_network(
    client: GraphQLClient,
) -> None:
    data = await client.query(
        """{ themeMatrix(filter: {from: "2024-01-01", to: "2024-12-31"}) {
             topics { slug } cells { network { slug } topic { slug } meetingCount } } }"""
    )
    matrix = data["themeMatrix"]
    assert [t["slug"] for t in matrix["topics"]] == ["film-og-kino", "kulturpolitikk"]
    cells = {(c["topic"]["slug"], c["network"]["slug"]) for c in matrix["cells"]}
    assert ("kulturpolitikk", KOMMUNE) in cells
    assert ("film-og-kino", STORBY) in cells
    assert ("film-og-kino", KOLLEGIUM) in cells


async def test_timeline_of_the_culture_act_reads_in_date_order(client: GraphQLClient) -> None:
    data = await client.query(
        '{ topic(slug: "kulturlova") { slug timeline(first: 100) { nodes { on kind } } } }'
    )
    assert data["topic"]["slug"] == "kulturloven"
    days = [n["on"] for n in data["topic"]["timeline"]["nodes"]]
    assert days
    assert days == sorted(days)


async def test_anonymous_viewer_sees_only_public_demo_notes(client: GraphQLClient) -> None:
    data = await client.query(
        "{ meetings(first: 100) { nodes { notes(first: 100) { nodes { visibility } } } } }"
    )
    seen = {n["visibility"] for m in data["meetings"]["nodes"] for n in m["notes"]["nodes"]}
    assert seen == {"PUBLIC"}
