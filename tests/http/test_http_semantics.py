"""The view's GraphQL-over-HTTP behaviour, in-process: media types, status codes, methods."""

from __future__ import annotations

import httpx
import pytest
from graphql import GraphQLError
from strawberry.types import ExecutionResult

from graph.schema import schema
from graph.view import (
    GRAPHQL_RESPONSE_JSON,
    SamvirkeGraphQL,
    accept_quality,
    is_request_error,
    prefers_graphql_response_json,
)

pytestmark = pytest.mark.anyio

GRJ_ACCEPT = {"accept": GRAPHQL_RESPONSE_JSON}
JSON_ACCEPT = {"accept": "application/json"}

REQUEST_ERRORS = {
    "parse": {"query": "{"},
    "validation": {"query": "{ noSuchField }"},
    "coercion": {"query": "query Q($id: ID!) { __typename }", "variables": {"id": None}},
}


async def post(http_client: httpx.AsyncClient, body: object, **headers: str) -> httpx.Response:
    return await http_client.post("/graphql", json=body, headers=headers)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_JSON),
        (f"{GRAPHQL_RESPONSE_JSON}, application/json;q=0.9", GRAPHQL_RESPONSE_JSON),
        (f"application/json, {GRAPHQL_RESPONSE_JSON};q=0.9", "application/json"),
        (f"application/json;q=0.5, {GRAPHQL_RESPONSE_JSON};q=0.8", GRAPHQL_RESPONSE_JSON),
        (f"{GRAPHQL_RESPONSE_JSON};q=0, application/json", "application/json"),
        ("application/json", "application/json"),
        ("*/*", "application/json"),
        ("", "application/json"),
    ],
)
async def test_response_media_type_follows_accept(
    http_client: httpx.AsyncClient, accept: str, expected: str
) -> None:
    headers = {"accept": accept} if accept else {}
    response = await post(http_client, {"query": "{ __typename }"}, **headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize("kind", sorted(REQUEST_ERRORS))
async def test_request_error_is_400_without_data_under_graphql_response_json(
    http_client: httpx.AsyncClient, kind: str
) -> None:
    response = await post(http_client, REQUEST_ERRORS[kind], **GRJ_ACCEPT)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE_JSON)
    body = response.json()
    assert "data" not in body
    assert body["errors"]


@pytest.mark.parametrize("kind", sorted(REQUEST_ERRORS))
async def test_request_error_stays_200_with_null_data_under_json(
    http_client: httpx.AsyncClient, kind: str
) -> None:
    response = await post(http_client, REQUEST_ERRORS[kind], **JSON_ACCEPT)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["data"] is None
    assert body["errors"]


async def test_field_errors_are_not_request_errors() -> None:
    located = GraphQLError("boom", path=["api"])
    unlocated = GraphQLError("Syntax Error")
    assert not is_request_error(ExecutionResult(data=None, errors=[located]))
    assert not is_request_error(ExecutionResult(data={"api": None}, errors=[unlocated]))
    assert not is_request_error(ExecutionResult(data={"api": "x"}, errors=None))
    assert is_request_error(ExecutionResult(data=None, errors=[unlocated]))


async def test_accept_quality_prefers_the_most_specific_range() -> None:
    accept = "application/*;q=0.2, */*;q=0.1, application/json;q=0.7"
    assert accept_quality(accept, "application/json") == 0.7
    assert accept_quality("application/*;q=0.2, */*", "application/json") == 0.2
    assert accept_quality("text/html", "application/json") == 0.0
    assert accept_quality("*/*", GRAPHQL_RESPONSE_JSON, wildcards=False) == 0.0
    assert accept_quality("application/json;q=oops", "application/json") == 0.0
    assert not prefers_graphql_response_json("*/*")
    assert prefers_graphql_response_json("APPLICATION/GRAPHQL-RESPONSE+JSON, */*;q=0.1")


async def test_get_query_runs(http_client: httpx.AsyncClient) -> None:
    response = await http_client.get(
        "/graphql", params={"query": "{ __typename }"}, headers=GRJ_ACCEPT
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE_JSON)
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_mutation_over_get_is_405_with_allow(http_client: httpx.AsyncClient) -> None:
    response = await http_client.get(
        "/graphql", params={"query": "mutation { __typename }"}, headers=GRJ_ACCEPT
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"],
)
async def test_unsupported_post_content_type_is_415(
    http_client: httpx.AsyncClient, content_type: str | None
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = await http_client.post(
        "/graphql", content=b'{"query": "{ __typename }"}', headers=headers
    )
    assert response.status_code == 415


async def test_json_with_charset_is_accepted(http_client: httpx.AsyncClient) -> None:
    response = await http_client.post(
        "/graphql",
        content=b'{"query": "{ __typename }"}',
        headers={"content-type": "application/json; charset=utf-8"},
    )
    assert response.status_code == 200


async def test_malformed_json_body_is_400(http_client: httpx.AsyncClient) -> None:
    response = await http_client.post(
        "/graphql", content=b"{", headers={"content-type": "application/json", **GRJ_ACCEPT}
    )
    assert response.status_code == 400


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
async def test_other_methods_are_405_with_allow(
    http_client: httpx.AsyncClient, method: str
) -> None:
    response = await http_client.request(method, "/graphql")
    assert response.status_code == 405
    allowed = {name.strip() for name in response.headers["allow"].split(",")}
    assert {"GET", "POST"} <= allowed <= {"GET", "HEAD", "POST"}


async def test_non_ascii_is_sent_as_utf8(http_client: httpx.AsyncClient) -> None:
    query = "query Q($name: String!) { __type(name: $name) { name } }"
    response = await post(http_client, {"query": query, "variables": {"name": ["æøå"]}})
    assert "æøå" in response.content.decode("utf-8")


async def test_json_is_encoded_as_text_for_websocket_frames() -> None:
    view = SamvirkeGraphQL(schema)
    encoded = view.encode_json({"type": "next", "payload": {"data": {"name": "Ålesund"}}})
    assert isinstance(encoded, str)
    assert "Ålesund" in encoded


async def test_415_body_names_the_supported_type(http_client: httpx.AsyncClient) -> None:
    response = await http_client.post(
        "/graphql", content=b"{}", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 415
    assert "application/json" in response.text
